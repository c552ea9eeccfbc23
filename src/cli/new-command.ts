import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { readConfigSource } from "../config/config-source.js";
import { resolveSiteConfig } from "../config/resolve-site-config.js";
import { error } from "../diagnostics.js";
import { slugify } from "../text/slugify.js";
import type { Command } from "./parse-args.js";
import { UsageError } from "./parse-args.js";
import { reportDiagnostics, type Console } from "./report.js";

type NewCommand = Extract<Command, { kind: "new" }>;

/** `daylight new "Title"`: scaffolds posts/<slug>.md, a draft dated today in the site's time zone. */
export async function runNew(command: NewCommand, console: Console, now: Date): Promise<number> {
  const slug = slugify(command.title);
  if (!slug) throw new UsageError(`"${command.title}" gives no usable slug; use a title with some Latin letters or digits`);
  const { config, diagnostics } = resolveSiteConfig(await readConfigSource(command.root));
  if (diagnostics.some((d) => d.severity === "error")) {
    reportDiagnostics(console, diagnostics);
    return 1;
  }
  const relativePath = `posts/${slug}.md`;
  const file = path.join(command.root, relativePath);
  const text = scaffold(command.title, slug, localDate(now, config.timezone));
  await mkdir(path.dirname(file), { recursive: true });
  try {
    // Scaffolding writes a source file, not output: "wx" makes the no-overwrite check atomic.
    await writeFile(file, text, { flag: "wx" });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    reportDiagnostics(console, [
      error("post-exists", `${relativePath} already exists; nothing was written`, relativePath, undefined,
        "choose another title, or edit the existing post"),
    ]);
    return 1;
  }
  console.out(`daylight: created ${relativePath}, a draft: remove its "draft" line to publish it`);
  return 0;
}

function scaffold(title: string, slug: string, date: string): string {
  // The title goes in as typed: a `!!` value runs to the end of its line, so only newlines matter.
  const oneLine = title.replace(/\s+/g, " ");
  // A draft: its placeholder text must not go out with the next build.
  return `!! title: ${oneLine}\n!! slug: ${slug}\n!! published: ${date}\n!! draft: true\n!! description: \n\n---\n\n` +
    "Write here. This post is a draft: `daylight dev` shows it, `daylight build` leaves it out\n" +
    "until you remove the `draft` line above.\n";
}

/** YYYY-MM-DD of `now` in `timeZone`. */
function localDate(now: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}
