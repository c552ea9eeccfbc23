import type { TextCache } from "../cache/text-cache.js";
import type { Diagnostic } from "../diagnostics.js";
import type { OutputFile } from "../model.js";
import { timed } from "../timings/stage-timings.js";
import type { SearchSink } from "./search/write-index.js";
import type { KeptTexts } from "./site-files.js";
import type { PageSink } from "./tag-pages.js";
import type { TemplateRenderer } from "./template-renderer.js";

/**
 * Turns a rendered page into the output file that holds it; `key` is the page's (when the
 * renderer has keys and the page rendered without a diagnostic), for the next build's match.
 */
export type PageKeeper = (path: string, html: string, key?: string) => OutputFile;

/** The last build's page at `path` when it was made from `key`, as an output file. */
export type UnchangedPage = (path: string, key: string) => OutputFile | undefined;

/**
 * Where the site's pages and generated files go as they are made: to `keepPage` (the
 * writer's stage); or, when the last build made one from the same key, as `unchangedPage`
 * gives it, unmade.
 */
export function createPageSink(
  renderer: TemplateRenderer,
  keepPage: PageKeeper,
  { texts, unchangedPage }: { texts?: TextCache | undefined; unchangedPage?: UnchangedPage | undefined } = {},
): PageSink & { files: OutputFile[]; search: SearchSink; report(d: readonly Diagnostic[]): void; diagnostics(): Diagnostic[] } {
  const files: OutputFile[] = [];
  const found = new Map<string, Diagnostic>();
  // The same template fault shows up on every page that uses it; report it once.
  const report = (ds: readonly Diagnostic[]) => {
    for (const d of ds) found.set(JSON.stringify([d.file, d.line, d.column, d.rule, d.message]), d);
  };
  return {
    files,
    report,
    diagnostics: () => [...found.values()],
    search: {
      unchanged: (path, key) => unchangedPage?.(path, key),
      keep: (path, text, key) => void files.push(keepPage(path, text, key)),
      take: (file) => void files.push(file),
    },
    render(template, outputPath, data) {
      const key = renderer.keyOf && timed("templates", () => renderer.keyOf?.(template, data));
      const unchanged = key === undefined ? undefined : unchangedPage?.(outputPath, key);
      if (unchanged) return void files.push(unchanged);
      const result = timed("templates", () => renderer.render(template, data));
      report(result.diagnostics);
      // A page with a diagnostic gets no key: the next build renders it again, and says so again.
      if (result.html !== undefined) files.push(keepPage(outputPath, result.html, result.diagnostics.length === 0 ? key : undefined));
    },
    add(generated) {
      for (const file of generated) files.push("contents" in file && typeof file.contents === "string" ? keepPage(file.path, file.contents) : file);
    },
    addTexts(kept: KeptTexts) {
      const digest = texts?.keyOf(kept.kind, kept.key());
      let made: readonly string[] | undefined;
      const textAt = (i: number) => (made ??= texts ? texts.texts(kept.kind, kept.key(), kept.make) : kept.make())[i] ?? "";
      kept.paths.forEach((path, i) => {
        const key = digest && `${digest}#${i}`;
        files.push((key && unchangedPage?.(path, key)) || keepPage(path, textAt(i), key));
      });
    },
  };
}
