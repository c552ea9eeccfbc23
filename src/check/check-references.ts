import { createLineIndex, error, warning, type Diagnostic } from "../diagnostics.js";
import type { Reference } from "./reference.js";
import { resolveReference, type SiteBase } from "./resolve-reference.js";
import type { ScannedFile } from "./scan-file.js";

/** The file a site-relative path is served from (`x/` → `x/index.html`; `x` → `x` or `x/index.html`), if any. */
export function findTarget(path: string, present: ReadonlySet<string>): string | undefined {
  if (path === "" || path.endsWith("/")) return present.has(`${path}index.html`) ? `${path}index.html` : undefined;
  if (present.has(path)) return path;
  return present.has(`${path}/index.html`) ? `${path}/index.html` : undefined;
}

/** A post page's URL (`posts/<slug>/`): a build's stages judge links to posts themselves (broken-post-link). */
const postPage = /^posts\/[^/]+\/?(index\.html)?$/;

/** Fragments every page has: the empty one and `#top` scroll to the top; text fragments are not ids. */
const isBuiltInFragment = (fragment: string): boolean =>
  fragment === "" || fragment.toLowerCase() === "top" || fragment.startsWith(":~:");

/** What a build tells the check that `daylight check` does not know. */
export interface ReferenceCheckOptions {
  /** Where a generated page's reference is written in the site's sources; undefined keeps the page's position. */
  readonly locate?: LocateReference | undefined;
  /** Links to post pages were judged by the build's stages (broken-post-link): not judged again. */
  readonly postPagesJudged?: boolean | undefined;
  /** Source places (`file:line:column`) whose link the stages already reported: one problem, one diagnostic. */
  readonly reportedAt?: ReadonlySet<string> | undefined;
}

/**
 * Every reference of every scanned file, resolved against the files present: missing
 * targets are `broken-reference` errors, fragments no id of the target page names are
 * `unknown-fragment` warnings. A path outside the base path or under one of the site's
 * external paths is not this build's, and not checked.
 */
export function checkReferences(
  scanned: ReadonlyMap<string, ScannedFile>,
  present: ReadonlySet<string>,
  base: SiteBase,
  { locate = () => undefined, postPagesJudged = false, reportedAt }: ReferenceCheckOptions = {},
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  // Pages share most of their references (navigation, style sheet, feeds): judge each once.
  const judged = new Map<string, Finding | undefined>();
  for (const [from, file] of scanned) {
    const positionOf = createLineIndex(file.text);
    const folder = from.slice(0, from.lastIndexOf("/") + 1);
    for (const ref of file.refs) {
      const key = `${ref.absoluteOnly ? "a" : "r"}${contextOf(ref.url, from, folder)}\n${ref.url}`;
      let problem = judged.get(key);
      if (problem === undefined && !judged.has(key)) {
        problem = referenceProblem(ref, from, { scanned, present, base, postPagesJudged });
        judged.set(key, problem);
      }
      if (!problem) continue;
      const found = problem(from, positionOf(ref.offset));
      // Only errors are worth the search for where a source writes the URL (a large post may
      // hold thousands of references the check only warns about).
      const source = found.severity === "error" ? locate(from, ref.url) : undefined;
      if (source && reportedAt?.has(`${source.file}:${source.at.line}:${source.at.column}`)) continue;
      diagnostics.push(source ? problem(source.file, source.at, source.note) : found);
    }
  }
  return diagnostics;
}

/**
 * Where the reference `url` of the file `from` is written in a source file, when it is known
 * (asked for errors only); `note` adds to the hint (a reference-style link's definition line).
 */
export type LocateReference = (from: string, url: string) =>
  { file: string; at: { line: number; column: number }; note?: string | undefined } | undefined;

/** What a URL's meaning depends on: nothing (root-relative, absolute), the page (`#x`, `?q`), or its folder. */
function contextOf(url: string, from: string, folder: string): string {
  if ((url.startsWith("/") && !url.startsWith("//")) || /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(url)) return "";
  return url.startsWith("#") || url.startsWith("?") || url.trim() === "" ? from : folder;
}

type Finding = (file: string, at: { line: number; column: number }, note?: string) => Diagnostic;

interface Judge {
  readonly scanned: ReadonlyMap<string, ScannedFile>;
  readonly present: ReadonlySet<string>;
  readonly base: SiteBase;
  readonly postPagesJudged: boolean;
}

function referenceProblem(ref: Reference, from: string, { scanned, present, base, postPagesJudged }: Judge): Finding | undefined {
  const resolved = resolveReference(ref.url, from, base, ref.absoluteOnly);
  const shown = JSON.stringify(ref.url);
  switch (resolved.kind) {
    case "external":
    case "outside":
      return undefined;
    case "invalid":
      return (file, at, note) => error("broken-reference", `${shown} names no file: ${resolved.reason}`, file, at,
        withNote("fix the URL", note));
  }
  const target = findTarget(resolved.path, present);
  if (target === undefined) {
    if (postPagesJudged && postPage.test(resolved.path)) return undefined;
    const shownPath = resolved.path === "" ? "the site's index" : resolved.path;
    return (file, at, note) =>
      error("broken-reference", `${shown} points at ${shownPath}, which is not in the output`, file, at,
        withNote("fix or remove the link, or add the file it names", note));
  }
  const fragment = resolved.fragment;
  const ids = scanned.get(target)?.ids;
  if (fragment === undefined || ids === undefined || isBuiltInFragment(fragment) || ids.has(fragment)) return undefined;
  return (file, at) =>
    warning("unknown-fragment", `${shown}: ${target} has no element with id "${fragment}"`, file, at,
      "link to a heading id that exists on that page, or drop the #fragment");
}

const withNote = (hint: string, note: string | undefined): string => (note ? `${hint} (${note})` : hint);
