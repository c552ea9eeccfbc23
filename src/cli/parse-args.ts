import path from "node:path";
import { parseArgs } from "node:util";
import { closestMatch } from "../text/closest-match.js";
import type { CheckCommand } from "./check-command.js";
import type { DeployCommand } from "./deploy-command.js";
import type { InitCommand } from "./init-command.js";

/** The default `--max-deletes`: more than a normal build drops, far less than a whole site. */
export const defaultMaxDeletes = 50;
import type { DevCommand } from "./dev-command.js";
import type { LspCommand } from "./lsp-command.js";

/** A mistake in the command line itself: exit 2 with the reason. */
export class UsageError extends Error {}

/** What the user asked for, with every path absolute. */
export type Command =
  | { readonly kind: "help"; readonly topic: string | undefined }
  | { readonly kind: "version" }
  | {
      readonly kind: "build";
      readonly root: string;
      readonly postsDir: string | undefined;
      readonly outDir: string | undefined;
      readonly baseUrl: string | undefined;
      readonly strict: boolean;
      readonly drafts: boolean;
      readonly future: boolean;
      /** Where the previous generation is, when not in the output folder: a folder or the live site's URL. */
      readonly previous: string | undefined;
      /** `--cache-dir`: where the build cache lives, when not in `<root>/.daylight-cache`. */
      readonly cacheDir: string | undefined;
      /** `--no-cache`: build cold, reading and writing no cache. */
      readonly noCache: boolean;
      /** `--timings`: print where the build's time went, stage by stage. */
      readonly timings: boolean;
      /** `--no-wait`: exit 1 instead of waiting when another build holds the output or cache. */
      readonly noWait: boolean;
      /** `--force`: replace an output (or use a cache folder) that holds files daylight did not write. */
      readonly force: boolean;
    }
  | { readonly kind: "new"; readonly root: string; readonly title: string }
  | DevCommand
  | LspCommand
  | ({ readonly kind: "init" } & InitCommand)
  | ({ readonly kind: "check" } & CheckCommand)
  | ({ readonly kind: "deploy" } & DeployCommand);

const buildFlags = {
  root: { type: "string" },
  posts: { type: "string" },
  out: { type: "string" },
  "base-url": { type: "string" },
  strict: { type: "boolean" },
  drafts: { type: "boolean" },
  future: { type: "boolean" },
  previous: { type: "string" },
  "cache-dir": { type: "string" },
  "no-cache": { type: "boolean" },
  timings: { type: "boolean" },
  "no-wait": { type: "boolean" },
  force: { type: "boolean" },
  help: { type: "boolean" },
} as const;

const devFlags = {
  root: { type: "string" },
  posts: { type: "string" },
  port: { type: "string" },
  host: { type: "string" },
  open: { type: "boolean" },
  navigate: { type: "boolean" },
  help: { type: "boolean" },
} as const;

const checkFlags = { root: { type: "string" }, out: { type: "string" }, strict: { type: "boolean" }, help: { type: "boolean" } } as const;

const deployFlags = {
  root: { type: "string" },
  out: { type: "string" },
  to: { type: "string" },
  "dry-run": { type: "boolean" },
  "max-deletes": { type: "string" },
  force: { type: "boolean" },
  help: { type: "boolean" },
} as const;

const initFlags = {
  root: { type: "string" },
  title: { type: "string" },
  url: { type: "string" },
  author: { type: "string" },
  force: { type: "boolean" },
  help: { type: "boolean" },
} as const;

const lspFlags = { root: { type: "string" }, posts: { type: "string" }, stdio: { type: "boolean" }, help: { type: "boolean" } } as const;

const newFlags = { root: { type: "string" }, help: { type: "boolean" } } as const;

/**
 * argv (without node and the script) → Command. Relative paths are taken from `userCwd`:
 * the folder the user typed the command in (under `npm run`, INIT_CWD).
 */
export function parseCommand(argv: readonly string[], userCwd: string, defaultRoot: string): Command {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    return { kind: "help", topic: name === "help" ? rest[0] : undefined };
  }
  if (name === "--version" || name === "-v") return { kind: "version" };
  const resolvePath = (p: string | undefined) => (p === undefined ? undefined : path.resolve(userCwd, p));
  if (name === "build") {
    const { values } = parseFlags(rest, buildFlags, false);
    if (values.help) return { kind: "help", topic: "build" };
    if (values["no-cache"] && values["cache-dir"] !== undefined) {
      throw new UsageError("--cache-dir and --no-cache contradict each other: give one of them");
    }
    return {
      kind: "build",
      root: resolvePath(values.root) ?? defaultRoot,
      postsDir: resolvePath(values.posts),
      outDir: resolvePath(values.out),
      baseUrl: values["base-url"],
      strict: values.strict ?? false,
      drafts: values.drafts ?? false,
      future: values.future ?? false,
      previous: values.previous,
      cacheDir: resolvePath(values["cache-dir"]),
      noCache: values["no-cache"] ?? false,
      timings: values.timings ?? false,
      noWait: values["no-wait"] ?? false,
      force: values.force ?? false,
    };
  }
  if (name === "new") {
    const { values, positionals } = parseFlags(rest, newFlags, true);
    if (values.help) return { kind: "help", topic: "new" };
    const title = positionals.join(" ").trim();
    if (!title) throw new UsageError('daylight new needs a title: daylight new "My first post"');
    return { kind: "new", root: resolvePath(values.root) ?? defaultRoot, title };
  }
  if (name === "init") return parseInit(rest, resolvePath, defaultRoot);
  if (name === "dev") {
    const { values } = parseFlags(rest, devFlags, false);
    if (values.help) return { kind: "help", topic: "dev" };
    return {
      kind: "dev",
      root: resolvePath(values.root) ?? defaultRoot,
      postsDir: resolvePath(values.posts),
      port: parsePort(values.port),
      host: values.host ?? "127.0.0.1",
      open: values.open ?? false,
      navigate: values.navigate ?? false,
    };
  }
  if (name === "lsp") {
    // `--stdio` is what editors' LSP clients add by habit: stdio is the only transport, so it is accepted and changes nothing.
    const { values } = parseFlags(rest, lspFlags, false);
    if (values.help) return { kind: "help", topic: "lsp" };
    return { kind: "lsp", root: resolvePath(values.root), postsDir: resolvePath(values.posts) };
  }
  if (name === "check") {
    const { values } = parseFlags(rest, checkFlags, false);
    if (values.help) return { kind: "help", topic: "check" };
    const root = resolvePath(values.root) ?? defaultRoot;
    return { kind: "check", root, outDir: resolvePath(values.out) ?? path.join(root, "dist"), strict: values.strict ?? false };
  }
  if (name === "deploy") {
    // `npm run deploy` with the script's trailing `--to` and no folder after it.
    if (rest.at(-1) === "--to") throw new UsageError("daylight deploy needs --to DIR: the folder your web server serves (npm run deploy -- /var/www/blog)");
    const { values } = parseFlags(rest, deployFlags, false);
    if (values.help) return { kind: "help", topic: "deploy" };
    const to = resolvePath(values.to);
    if (to === undefined) throw new UsageError("daylight deploy needs --to DIR: the folder your web server serves");
    const root = resolvePath(values.root) ?? defaultRoot;
    return {
      kind: "deploy",
      root,
      outDir: resolvePath(values.out) ?? path.join(root, "dist"),
      to,
      force: values.force ?? false,
      dryRun: values["dry-run"] ?? false,
      maxDeletes: parseWholeNumber("--max-deletes", values["max-deletes"], defaultMaxDeletes),
    };
  }
  const meant = otherGeneratorsCommands[name] ?? closestMatch(name, ["build", "new", "dev", "check", "deploy", "init", "lsp"], 2);
  throw new UsageError(`unknown command "${name}"${meant ? ` (did you mean "${meant}"?)` : ""}`);
}

/** `daylight init [DIR]`: the folder is the positional, else --root, else the current folder. */
function parseInit(rest: string[], resolvePath: (p: string | undefined) => string | undefined, defaultRoot: string): Command {
  const { values, positionals } = parseFlags(rest, initFlags, true);
  if (values.help) return { kind: "help", topic: "init" };
  if (positionals.length > 1) throw new UsageError(`daylight init takes one folder (got ${positionals.length}: ${positionals.join(", ")})`);
  if (positionals.length === 1 && values.root !== undefined) throw new UsageError("give the folder once: as DIR or as --root, not both");
  const url = values.url;
  if (url !== undefined && !isSiteUrl(url)) throw new UsageError(`--url takes the site's absolute address, like https://example.com/ (got "${url}")`);
  for (const flag of ["title", "author"] as const) {
    if (values[flag]?.trim() === "") throw new UsageError(`--${flag} is empty`);
  }
  return {
    kind: "init",
    root: resolvePath(positionals[0] ?? values.root) ?? defaultRoot,
    title: values.title,
    url,
    author: values.author,
    force: values.force ?? false,
  };
}

function isSiteUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.host !== "";
  } catch {
    return false;
  }
}

function parseWholeNumber(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw new UsageError(`${flag} takes a whole number (got "${value}")`);
  return Number(value);
}

function parsePort(value: string | undefined): number {
  if (value === undefined) return 4000;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new UsageError(`--port takes a whole number from 0 to 65535 (got "${value}")`);
  return port;
}

type Flags = Parameters<typeof parseArgs>[0] extends infer C ? (C extends { options?: infer O } ? O : never) : never;

/** What users of Hugo, Eleventy, Jekyll, Astro and Zola type for daylight's commands. */
const otherGeneratorsCommands: Readonly<Record<string, string>> = {
  serve: "dev", server: "dev", watch: "dev", start: "dev", preview: "dev",
  publish: "deploy", create: "init", post: "new",
};

function parseFlags<T extends NonNullable<Flags>>(args: string[], options: T, allowPositionals: boolean) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (e) {
    // parseArgs's messages are clear ("Unknown option '--x'"); drop its advice about "--".
    const message = (e as Error).message.split(". To specify")[0] ?? "invalid arguments";
    const unknown = (e as { code?: string }).code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" ? /'--([^'=]+)/.exec(message)?.[1] : undefined;
    const meant = unknown === undefined ? undefined : closestMatch(unknown, Object.keys(options), 2);
    throw new UsageError(meant ? `${message} (did you mean "--${meant}"?)` : message);
  }
}
