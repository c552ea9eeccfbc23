import type { Severity } from "../diagnostics.js";

/** One rule: what daylight reports under its id, how severe by default, and whether a site may lower it. */
export interface RuleInfo {
  readonly id: string;
  readonly severity: Severity;
  /** One line: what the rule reports. */
  readonly meaning: string;
  /**
   * Why the config may not lower it (set for errors after which daylight cannot make a right
   * site: a post it cannot read, a file two pages would share, a published URL that would vanish),
   * and for diagnostics that are not about the site's content (config, I/O, the cache).
   */
  readonly fixed?: string;
}

const unreadable = "the post cannot be built without it";
const notContent = "it is not about the site's content";

/** Every rule id daylight reports, in alphabetical order. docs/rules.md lists the same (tests/rules keeps them equal). */
export const ruleRegistry: readonly RuleInfo[] = [
  { id: "alias-collision", severity: "error", meaning: "two posts or redirects claim the same old URL", fixed: "one of the two would be lost" },
  { id: "broken-post-link", severity: "error", meaning: "a `./posts/<slug>` link names no post" },
  { id: "broken-redirect", severity: "warning", meaning: "a redirect or alias leads to no page of the build" },
  { id: "broken-reference", severity: "error", meaning: "a link or file reference in the built output names no file of the site (build, check, deploy)" },
  { id: "cache-entry", severity: "warning", meaning: "an entry of the build cache is damaged and is rebuilt", fixed: notContent },
  { id: "cache-repair", severity: "warning", meaning: "the build cache folder was repaired", fixed: notContent },
  { id: "cache-write", severity: "warning", meaning: "the build cache could not be saved", fixed: notContent },
  { id: "config-error", severity: "error", meaning: "site.config.json (or a config module) has a wrong value", fixed: notContent },
  { id: "dropped-url", severity: "error", meaning: "a URL that a deploy published is no longer in the site", fixed: "a reader's link or bookmark would break" },
  { id: "duplicate-key", severity: "error", meaning: "a header key is given twice", fixed: unreadable },
  { id: "duplicate-slug", severity: "error", meaning: "two posts have the same slug", fixed: "one post would replace the other" },
  { id: "empty-file", severity: "error", meaning: "a post or page file is empty", fixed: unreadable },
  { id: "hash-mismatch", severity: "error", meaning: "a built file's bytes differ from its manifest entry", fixed: "the built folder is damaged" },
  { id: "header-syntax", severity: "error", meaning: "a `!!` header line cannot be read", fixed: unreadable },
  { id: "init-refused", severity: "error", meaning: "`daylight init` found a folder that is not empty and wrote nothing", fixed: notContent },
  { id: "internal-error", severity: "error", meaning: "daylight itself failed (dev server)", fixed: notContent },
  { id: "invalid-date", severity: "error", meaning: "a date field is not a date", fixed: unreadable },
  { id: "invalid-field", severity: "error", meaning: "a header field has a value of the wrong kind", fixed: unreadable },
  { id: "invalid-image", severity: "warning", meaning: "an image file cannot be read, so it gets no width and height" },
  { id: "invalid-manifest", severity: "error", meaning: "daylight-manifest.json of a built folder cannot be read", fixed: "the built folder is damaged" },
  { id: "invalid-math", severity: "error", meaning: "a formula between dollars is not TeX that KaTeX can read" },
  { id: "invalid-slug", severity: "error", meaning: "a slug is not lowercase a-z, 0-9 and single -", fixed: unreadable },
  { id: "many-tags", severity: "warning", meaning: "a post has more tags than its feed items list" },
  { id: "missing-file", severity: "error", meaning: "a local URL in a post names no file beside the post or in public/ (a symlink to nothing: a warning)" },
  { id: "missing-header", severity: "error", meaning: "a post or page file has no header", fixed: unreadable },
  { id: "missing-published", severity: "error", meaning: "a post that is not a draft has no publication date", fixed: unreadable },
  { id: "missing-slug", severity: "error", meaning: "no slug can be made from the file name and none is given", fixed: unreadable },
  { id: "missing-title", severity: "error", meaning: "a post or page has no title", fixed: unreadable },
  { id: "missing-url", severity: "error", meaning: "the site has no url (feeds and canonical links need one)", fixed: notContent },
  { id: "not-a-site", severity: "error", meaning: "the folder taken as the site has no config, posts, pages, templates or public folder", fixed: notContent },
  { id: "not-text", severity: "error", meaning: "a post or page file cannot be read as UTF-8 text", fixed: unreadable },
  { id: "output-collision", severity: "error", meaning: "two outputs would be written to the same file", fixed: "one file would replace the other" },
  { id: "permalink-pattern", severity: "warning", meaning: "a post's `permalink` or `url` is a pattern, not its old URL, so no redirect is made" },
  { id: "permalink-unfilled", severity: "error", meaning: "the config's `permalink` pattern needs a value the post lacks (`:section` for a post directly in posts/, a date)", fixed: unreadable },
  { id: "plugin-message", severity: "warning", meaning: "a site's unified plugin left a message with no rule id of its own" },
  { id: "post-exists", severity: "error", meaning: "`daylight new` would overwrite a post", fixed: notContent },
  { id: "previous-manifest", severity: "warning", meaning: "the previous generation's manifest cannot be read, so it is not used" },
  { id: "redirect-limit", severity: "warning", meaning: "more redirect rules than the host reads" },
  { id: "render-budget", severity: "error", meaning: "a post took too long or too much memory to render", fixed: unreadable },
  { id: "reserved-slug", severity: "error", meaning: "a page's or post's URL is taken by one of daylight's own pages, or by a page", fixed: "one page would replace the other" },
  { id: "retained-asset", severity: "warning", meaning: "an earlier generation's asset is damaged and is not kept" },
  { id: "tag-collision", severity: "warning", meaning: "tags spelled differently make the same tag slug and are merged" },
  { id: "template-error", severity: "error", meaning: "a template cannot be parsed or rendered", fixed: "the page cannot be made" },
  { id: "toml-syntax", severity: "error", meaning: "TOML front matter (`+++`) cannot be read", fixed: unreadable },
  { id: "too-deep", severity: "error", meaning: "a post nests elements too deep to be rendered", fixed: unreadable },
  { id: "unbuilt-markup", severity: "warning", meaning: "a markup file daylight does not build (`.mdx`, `.njk`, `.adoc`…) sits among the posts" },
  { id: "unhashed-asset", severity: "warning", meaning: "a file served as immutable has no content hash in its name" },
  { id: "unknown-citation", severity: "warning", meaning: "an `(Author, 2016)` citation in a post with a Resources list names none of its authors" },
  { id: "unknown-fragment", severity: "warning", meaning: "a `#fragment` names no heading or id of the page it links to" },
  { id: "unknown-key", severity: "warning", meaning: "a config key daylight does not know, or a header key one edit away from a known one" },
  { id: "unknown-language", severity: "warning", meaning: "a code block names a language the highlighter does not know" },
  { id: "unreadable-folder", severity: "error", meaning: "a folder of the site cannot be read (permissions, I/O)", fixed: notContent },
  { id: "unsafe-file-name", severity: "error", meaning: "an output file name that some hosts or systems cannot serve", fixed: "the host would not serve it" },
  { id: "unsafe-link", severity: "warning", meaning: "a symlink in the site points outside it and is skipped" },
  { id: "unsafe-redirect", severity: "error", meaning: "a redirect cannot be written safely for the host", fixed: "the host would misread it" },
  { id: "unsafe-url", severity: "warning", meaning: "a Resources entry links to a URL that runs code, and is shown as text" },
  { id: "unsupported-front-matter", severity: "error", meaning: "front matter in a language other than YAML", fixed: unreadable },
  { id: "yaml-aliases", severity: "error", meaning: "YAML front matter uses aliases that expand too far", fixed: unreadable },
  { id: "yaml-syntax", severity: "error", meaning: "YAML front matter cannot be parsed", fixed: unreadable },
];

const byId = new Map(ruleRegistry.map((rule) => [rule.id, rule]));

/** The registry entry of `id`, or undefined for an id daylight never reports. */
export const ruleInfo = (id: string): RuleInfo | undefined => byId.get(id);

/** Every rule id, sorted. */
export const ruleIds: readonly string[] = ruleRegistry.map((rule) => rule.id);
