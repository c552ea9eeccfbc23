import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { tempDir } from "./run-cli.js";

/** A site folder in a temp dir: `files` by path, plus site.config.json from `config`. */
export function makeBlog(files: Record<string, string>, config: Record<string, unknown>): string {
  const root = tempDir();
  for (const [name, text] of Object.entries({ ...files, "site.config.json": JSON.stringify(config, null, 2) })) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

/** The diagnostic lines of a CLI run as `path:line:column [rule]`, without messages, hints and summaries. */
export const reported = (run: { out: string[]; err: string[] }): string[] =>
  [...run.out, ...run.err].flatMap((text) => text.split("\n")).filter((line) => /\[[a-z-]+\]$/.test(line)).map((line) => line.replace(/ {2}.*\[/, " ["));
