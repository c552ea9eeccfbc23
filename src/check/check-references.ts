import { error, warning, type Diagnostic } from "../diagnostics.js";
import { createLineIndex } from "./line-index.js";
import type { Reference } from "./reference.js";
import { resolveReference, type SiteBase } from "./resolve-reference.js";
import type { ScannedFile } from "./scan-file.js";

/** The file a site-relative path is served from (`x/` → `x/index.html`; `x` → `x` or `x/index.html`), if any. */
export function findTarget(path: string, present: ReadonlySet<string>): string | undefined {
  if (path === "" || path.endsWith("/")) return present.has(`${path}index.html`) ? `${path}index.html` : undefined;
  if (present.has(path)) return path;
  return present.has(`${path}/index.html`) ? `${path}/index.html` : undefined;
}

/** A post page's URL (`posts/<slug>/`): a missing one is a broken post link, a warning as in build. */
const postPage = /^posts\/[^/]+\/?(index\.html)?$/;

/** Fragments every page has: the empty one and `#top` scroll to the top; text fragments are not ids. */
const isBuiltInFragment = (fragment: string): boolean =>
  fragment === "" || fragment.toLowerCase() === "top" || fragment.startsWith(":~:");

/**
 * Every reference of every scanned file, resolved against the files present: missing
 * targets are `broken-reference` (a warning for a post page or a path outside the base
 * path, else an error), fragments no id of the target page names are `unknown-fragment`.
 */
export function checkReferences(
  scanned: ReadonlyMap<string, ScannedFile>,
  present: ReadonlySet<string>,
  base: SiteBase,
  locate: LocateReference = () => undefined,
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
        problem = referenceProblem(ref, from, scanned, present, base);
        judged.set(key, problem);
      }
      if (!problem) continue;
      const found = problem(from, positionOf(ref.offset));
      // Only errors are worth the search for where a source writes the URL (a large post may
      // hold thousands of references the check only warns about).
      const source = found.severity === "error" ? locate(from, ref.url) : undefined;
      diagnostics.push(source ? problem(source.file, source.at) : found);
    }
  }
  return diagnostics;
}

/** Where the reference `url` of the file `from` is written in a source file, when it is known (asked for errors only). */
export type LocateReference = (from: string, url: string) => { file: string; at: { line: number; column: number } } | undefined;

/** What a URL's meaning depends on: nothing (root-relative, absolute), the page (`#x`, `?q`), or its folder. */
function contextOf(url: string, from: string, folder: string): string {
  if ((url.startsWith("/") && !url.startsWith("//")) || /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(url)) return "";
  return url.startsWith("#") || url.startsWith("?") || url.trim() === "" ? from : folder;
}

type Finding = (file: string, at: { line: number; column: number }) => Diagnostic;

function referenceProblem(
  ref: Reference,
  from: string,
  scanned: ReadonlyMap<string, ScannedFile>,
  present: ReadonlySet<string>,
  base: SiteBase,
): Finding | undefined {
  const resolved = resolveReference(ref.url, from, base, ref.absoluteOnly);
  const shown = JSON.stringify(ref.url);
  switch (resolved.kind) {
    case "external":
      return undefined;
    case "invalid":
      return (file, at) => error("broken-reference", `${shown} names no file: ${resolved.reason}`, file, at);
    case "outside":
      return (file, at) =>
        warning("broken-reference", `${shown} points outside the site's base path ${base.path}`, file, at,
          `links inside the site start with ${base.path}; a path elsewhere on the host is not part of this build`);
  }
  const target = findTarget(resolved.path, present);
  if (target === undefined) {
    const shownPath = resolved.path === "" ? "the site's index" : resolved.path;
    const make = postPage.test(resolved.path) ? warning : error;
    return (file, at) =>
      make("broken-reference", `${shown} points at ${shownPath}, which is not in the output`, file, at,
        "fix or remove the link, or add the file it names");
  }
  const fragment = resolved.fragment;
  const ids = scanned.get(target)?.ids;
  if (fragment === undefined || ids === undefined || isBuiltInFragment(fragment) || ids.has(fragment)) return undefined;
  return (file, at) =>
    warning("unknown-fragment", `${shown}: ${target} has no element with id "${fragment}"`, file, at,
      "link to a heading id that exists on that page, or drop the #fragment");
}
