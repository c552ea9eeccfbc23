import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { fixedNow, repoRoot, snapshot, tempDir } from "../support/run-cli.js";

/**
 * The same posts must give the same bytes on a busy machine as on a quiet one. Shiki's
 * tokenizer used to give up on a line after 500 ms of wall time and return it unhighlighted:
 * a build that was descheduled at the wrong moment published (and cached) different HTML.
 * Here the machine is made as unlucky as it gets: every core is kept busy, and the build
 * itself is frozen (SIGSTOP) for longer than that limit, again and again, while it works.
 */
describe("a build on a loaded machine", () => {
  const busy: ChildProcess[] = [];
  afterEach(() => {
    for (const child of busy.splice(0)) child.kill("SIGKILL");
  });

  it("writes byte-identical output to a quiet build of the same code-heavy site", async () => {
    const root = codeHeavySite();
    const quiet = path.join(tempDir(), "out");
    expect(await build(root, quiet, false)).toBe(0);

    for (let i = 0; i < availableParallelism(); i++) {
      busy.push(spawn(process.execPath, ["-e", "for (;;) {}"], { stdio: "ignore" }));
    }
    const loaded = path.join(tempDir(), "out");
    expect(await build(root, loaded, true)).toBe(0);

    const [a, b] = [snapshot(quiet), snapshot(loaded)];
    const differing = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((file) => a[file] !== b[file]);
    expect(differing).toEqual([]);
  });
});

/**
 * Runs `daylight build` in a child; with `stutter`, freezes it 600 ms out of every 800 ms for
 * its first 16 s (past the grammar loading and the posts' highlighting on a quiet machine), then
 * lets it finish: on a machine that is loaded already, endless freezes would only make it slow.
 */
function build(root: string, out: string, stutter: boolean): Promise<number | null> {
  const child = spawn(process.execPath, [path.join(repoRoot, "lib/cli.js"), "build", "--root", root, "--out", out, "--no-cache"], {
    stdio: "ignore",
    env: { ...process.env, SOURCE_DATE_EPOCH: fixedNow },
  });
  let timer: NodeJS.Timeout | undefined;
  let freezes = 20;
  if (stutter) {
    const freeze = () => {
      if (freezes-- === 0 || child.exitCode !== null || !child.kill("SIGSTOP")) return;
      timer = setTimeout(() => {
        child.kill("SIGCONT");
        timer = setTimeout(freeze, 200);
      }, 600);
    };
    timer = setTimeout(freeze, 100);
  }
  return new Promise((resolve) => {
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

const snippets: Record<string, string> = {
  ts: "export async function load<T extends object>(url: string, init?: RequestInit): Promise<T> {\n  const res = await fetch(url, { ...init, headers: { accept: `application/json` } });\n  if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);\n  return (await res.json()) as T;\n}",
  python: "@dataclass(frozen=True)\nclass Release:\n    version: str\n    notes: list[str] = field(default_factory=list)\n\n    def render(self) -> str:\n        return f\"{self.version}: \" + \", \".join(n.strip() for n in self.notes if n)",
  rust: "impl<'a> Iterator for Tokens<'a> {\n    type Item = Result<Token<'a>, LexError>;\n    fn next(&mut self) -> Option<Self::Item> {\n        self.skip_ws();\n        match self.peek()? { b'\"' => Some(self.string()), c if c.is_ascii_digit() => Some(self.number()), _ => Some(self.ident()) }\n    }\n}",
  css: ":root { --accent: oklch(62% 0.19 250); }\n@media (prefers-color-scheme: dark) { :root { --accent: oklch(75% 0.14 250); } }\n.post > h2:is(:hover, :focus-within) a[aria-hidden=\"true\"]::before { content: \"#\"; color: var(--accent, #06c); }",
  bash: "#!/usr/bin/env bash\nset -euo pipefail\nfor f in \"${@:-posts/*.md}\"; do\n  [[ -f $f ]] || continue\n  sed -n '1,/^$/p' \"$f\" | grep -E '^!! (title|slug):' | awk -F': ' '{ printf \"%s\\t%s\\n\", FILENAME, $2 }'\ndone | sort -u > index.tsv",
  sql: "WITH ranked AS (\n  SELECT p.slug, p.title, count(l.target) AS inbound, rank() OVER (ORDER BY count(l.target) DESC) AS r\n  FROM posts p LEFT JOIN links l ON l.target = p.slug GROUP BY p.slug, p.title\n)\nSELECT * FROM ranked WHERE r <= 10 ORDER BY r, slug;",
  html: "<figure class=\"plot\">\n  <img src=\"/images/plot.png\" alt=\"Deploys per hour\" width=\"640\" height=\"360\" loading=\"lazy\">\n  <figcaption>Deploys per hour, <time datetime=\"2025-03-14\">14 March</time></figcaption>\n</figure>",
  json: "{\n  \"name\": \"daylight\", \"version\": \"1.0.0\",\n  \"scripts\": { \"build\": \"daylight build\", \"dev\": \"daylight dev --open\" },\n  \"engines\": { \"node\": \">=20.19\" }\n}",
};

/** A small site whose posts are mostly code, in many languages (each one a grammar to compile). */
function codeHeavySite(): string {
  const root = tempDir();
  mkdirSync(path.join(root, "posts"));
  const languages = Object.keys(snippets);
  for (let n = 0; n < 8; n++) {
    const blocks = [0, 1, 2, 3].map((k) => {
      const lang = languages[(n + k * 3) % languages.length]!;
      return `Example ${k + 1} of post ${n}:\n\n\`\`\`${lang}\n${snippets[lang]}\n\`\`\``;
    });
    writeFileSync(
      path.join(root, "posts", `code-${n}.md`),
      `!! title: Code post ${n}\n!! published: 2024-01-${String(n + 1).padStart(2, "0")}\n\n${blocks.join("\n\n")}\n`,
    );
  }
  writeFileSync(path.join(root, "site.config.json"), JSON.stringify({ title: "Code", url: "https://example.com/" }));
  return root;
}
