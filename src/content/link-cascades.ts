import type { Diagnostic } from "../diagnostics.js";
import type { Rendering, SourceFile } from "../model.js";
import { detectHeaderFormat } from "./parse-post.js";
import { parseBangHeader } from "./parse-bang-header.js";
import { parseYamlHeader } from "./parse-yaml-header.js";
import { isValidSlug, slugFromPath } from "./slug.js";

/**
 * The slug a post whose header has errors was meant to have: its `slug` field when that is
 * a valid slug, else the one its path gives. Links to it are not "unknown post" links.
 */
export function intendedSlug(source: SourceFile): string {
  const format = detectHeaderFormat(source.text);
  const header = format === "bang" ? parseBangHeader(source.text, source.path)
    : format === "yaml" ? parseYamlHeader(source.text, source.path) : undefined;
  const given = header?.fields.get("slug")?.value;
  return typeof given === "string" && isValidSlug(given.trim()) ? given.trim() : slugFromPath(source.path);
}

/**
 * The rendered posts' diagnostics without the `broken-post-link` of links into a post that
 * exists but has errors of its own: that post's error is the news, not every link to it.
 */
export function withoutCascades(rendered: readonly Rendering[], failed: readonly SourceFile[]): Diagnostic[] {
  const failedSlugs = new Set(failed.map(intendedSlug));
  return rendered.flatMap((r) => {
    if (failedSlugs.size === 0) return r.diagnostics;
    const cascades = new Set(r.postLinks.filter((ref) => failedSlugs.has(ref.slug)).map((ref) => `${ref.line}:${ref.column}`));
    return r.diagnostics.filter((d) => d.rule !== "broken-post-link" || !cascades.has(`${d.line}:${d.column}`));
  });
}

/** Rules by which the stages report a broken link or a missing file in a source. */
const linkRules = new Set(["broken-post-link", "missing-file"]);

/** `file:line:column` of every stage diagnostic about a link, before rules drop or change any. */
export function linkProblemPlaces(diagnostics: readonly Diagnostic[]): Set<string> {
  return new Set(diagnostics.filter((d) => linkRules.has(d.rule) && d.line !== undefined).map((d) => `${d.file}:${d.line}:${d.column}`));
}
