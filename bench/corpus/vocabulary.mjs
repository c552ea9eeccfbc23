/** Word lists for generated tech-blog prose; ASCII only so heading ids are predictable. */
export const NOUNS = [
  "cache", "deploy", "build", "pipeline", "index", "queue", "worker", "container", "cluster",
  "service", "request", "response", "header", "manifest", "bundle", "module", "thread", "socket",
  "schema", "migration", "rollback", "release", "artifact", "feed", "template", "parser",
  "compiler", "runtime", "scheduler", "proxy", "database", "replica", "snapshot", "checksum",
  "symlink", "certificate", "resolver", "endpoint", "payload", "dashboard", "alert", "budget",
  "latency", "throughput", "benchmark", "profile", "trace", "log", "metric", "config", "secret",
  "branch", "commit", "review", "test suite", "fixture", "mock", "timeout", "retry", "backoff",
];
export const VERBS = [
  "caches", "deploys", "rebuilds", "parses", "renders", "validates", "rewrites", "splits",
  "merges", "serves", "streams", "compresses", "hashes", "signs", "replays", "throttles",
  "indexes", "schedules", "watches", "invalidates", "copies", "links", "measures", "reports",
];
export const ADJECTIVES = [
  "atomic", "stale", "immutable", "lazy", "eager", "cold", "warm", "incremental", "parallel",
  "deterministic", "flaky", "slow", "fast", "small", "large", "shared", "private", "hashed",
  "versioned", "broken", "healthy", "idle", "busy", "remote", "local", "static", "dynamic",
];
export const OPENERS = [
  "In practice", "On a good day", "Most of the time", "After the migration", "Under load",
  "In our setup", "During a deploy", "With the new layout", "Without a cache", "On every push",
  "Since last spring", "For a small team", "At two in the morning", "In the first version",
];
export const TAGS = [
  "devops", "performance", "caching", "testing", "typescript", "node", "linux", "databases",
  "security", "ci", "writing", "tooling", "networking", "architecture",
];
export const TITLE_PATTERNS = [
  (a, n, m) => `Why we moved the ${n} to a ${a} ${m}`,
  (a, n) => `A ${a} ${n} in one afternoon`,
  (a, n, m) => `What the ${n} taught us about the ${m}`,
  (a, n) => `Notes on ${a} ${n}s`,
  (a, n, m) => `How a ${a} ${n} broke our ${m}`,
  (a, n) => `Measuring the ${n}: a ${a} approach`,
  (a, n, m) => `From ${n} to ${m} without downtime`,
  (a, n) => `The ${a} ${n} checklist`,
];
export const HEADINGS = [
  "The problem", "Background", "A first attempt", "What we measured", "The fix", "Trade offs",
  "Rolling it out", "Numbers after a month", "What we would do again", "Open questions",
  "Setting up the pipeline", "Reading the logs", "Failure modes", "A smaller example",
  "Configuration", "Testing the change", "Edge cases", "Costs", "Alternatives we rejected",
  "Monitoring", "Cleaning up", "Lessons", "How it works", "Why not a queue",
];
export const AUTHORS = [
  ["Fowler", "Patterns of Enterprise Application Architecture"], ["Humble & Farley", "Continuous Delivery"],
  ["Kleppmann", "Designing Data-Intensive Applications"], ["Beyer", "Site Reliability Engineering"],
  ["Nygard", "Release It"], ["Gregg", "Systems Performance"], ["Hickey", "Simple Made Easy"],
  ["Ousterhout", "A Philosophy of Software Design"], ["Forsgren", "Accelerate"],
];
export const HOSTS = [
  "developer.mozilla.org", "nodejs.org", "github.com", "www.rfc-editor.org", "martinfowler.com",
  "blog.example.org", "docs.example.com", "en.wikipedia.org", "web.dev", "man7.org",
];
