import { error, type Diagnostic } from "../diagnostics.js";
import type { PostKind } from "../model.js";
import type { SiteConfig } from "../config/site-config.js";
import { permalinkPath, sectionOf } from "../urls/permalink.js";

/**
 * The URL of a post or page, base path included: a page is `/<slug>/`, a post follows the
 * config's `"permalink"` pattern. The one place a post's URL is made: every output (pages,
 * feeds, sitemap, ledger, redirects) reads `Post.url`.
 */
export function postUrl(
  fields: { readonly slug: string; readonly published: Date | undefined },
  file: string,
  kind: PostKind,
  config: Pick<SiteConfig, "basePath" | "permalink" | "timezone">,
): { url: string } | { diagnostic: Diagnostic } {
  if (kind === "page") return { url: `${config.basePath}${fields.slug}/` };
  const made = permalinkPath(config.permalink, { ...fields, section: sectionOf(file) }, config.timezone);
  if ("path" in made) return { url: config.basePath + made.path.slice(1) };
  const hint = made.missing === "section"
    ? `move the post into a folder of posts/ (posts/<section>/${file.split("/").at(-1) ?? ""}), or change "permalink" in site.config.json`
    : "give the post a `published` date, or change \"permalink\" in site.config.json";
  const what = made.missing === "section" ? "it sits directly in posts/, in no section folder" : "it has no published date";
  return { diagnostic: error("permalink-unfilled",
    `the permalink pattern "${config.permalink}" needs \`:${made.missing}\`, and ${what}`, file, { line: 1, column: 1 }, hint) };
}
