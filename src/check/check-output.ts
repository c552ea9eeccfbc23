import type { SiteConfig } from "../config/site-config.js";
import { promoteWarnings, type Diagnostic } from "../diagnostics.js";
import type { OutputFile, SourceFile } from "../model.js";
import type { PublishedUrl } from "../generations/collect-redirects.js";
import type { Theme } from "../site/read-theme.js";
import { checkSite } from "./check-site.js";
import { locateInSources } from "./locate-in-sources.js";
import { firstLocated, locateInTemplates } from "./locate-in-templates.js";
import { outputSiteFiles } from "./site-files.js";
import type { SiteScans } from "./site-scans.js";

/** What the output check needs from the build besides its files. */
export interface OutputCheckInput {
  readonly config: SiteConfig;
  /** The scans of the pages, taken as they were staged. */
  readonly scans: SiteScans;
  /** Each post's and page's source: a broken link in its page is reported where the source writes it. */
  readonly sources: readonly SourceFile[];
  readonly published: readonly PublishedUrl[];
  readonly templates: Theme["templates"];
  /** Where the build's stages reported a broken link: not reported twice. */
  readonly reportedLinks: ReadonlySet<string>;
  readonly strict: boolean;
}

/**
 * The check that `daylight check` runs, on the files about to be written: a broken
 * reference the stages did not catch stops the build. Links to posts, fragments of post
 * links and links the stages reported are theirs to judge: not reported twice.
 */
export function checkOutput(files: readonly OutputFile[], input: OutputCheckInput): Diagnostic[] {
  const { config } = input;
  const options = {
    strict: false, baseUrl: config.url, verifyHashes: false,
    locate: firstLocated(locateInSources(pageSources(input)), locateInTemplates(input.templates.values(), config.basePath)),
    rules: config.rules, externalPaths: config.externalPaths, postPagesJudged: true, reportedAt: input.reportedLinks,
  };
  // An unknown fragment is a warning the stages already gave for post links (check-fragments.ts).
  const found = checkSite(outputSiteFiles(files), options, input.scans).filter((d) => !(d.rule === "unknown-fragment" && d.severity === "warning"));
  return input.strict ? promoteWarnings(found) : found;
}

/** Each post and page's output page (`posts/a/index.html`) → its source, for the check to report in. */
function pageSources({ sources, published, config }: OutputCheckInput): Map<string, SourceFile> {
  const byPath = new Map(sources.map((source) => [source.path, source]));
  const pages = new Map<string, SourceFile>();
  for (const { url, file } of published) {
    const source = byPath.get(file);
    if (source && url.startsWith(config.basePath)) pages.set(`${url.slice(config.basePath.length)}index.html`, source);
  }
  return pages;
}
