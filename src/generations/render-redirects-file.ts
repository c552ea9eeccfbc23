import { error, warning, type Diagnostic } from "../diagnostics.js";
import type { Redirect } from "./collect-redirects.js";
import { hasUnsafeCharacter, shownName } from "./unsafe-file-names.js";

/** Cloudflare Pages reads at most 2,000 static rules, each line at most 1,000 characters; Netlify reads them all. */
export const redirectRuleLimit = 2000;
const lineLimit = 1000;

/** What the `_redirects` file holds, and a warning when some rules had to be left to their stubs. */
export interface RedirectsFile {
  readonly text: string;
  readonly diagnostics: readonly Diagnostic[];
}

/** Encodes a URL path for a rules file: no spaces; non-ASCII percent-encoded as on the wire. */
const wire = (path: string): string => (/^https?:/i.test(path) ? path : encodeURI(path));

/**
 * `_redirects` (Netlify / Cloudflare Pages): `/old/ /new/ 301` for each redirect, then
 * `/gone/ /404.html 410` for each removed URL (Netlify answers 410 with the 404 page;
 * Cloudflare, which has no 410, skips those lines and serves its 404). Only static rules:
 * a source with `*` or `:` would be read as a pattern, so it is served by its stub alone.
 */
export function renderRedirectsFile(redirects: readonly Redirect[], gone: readonly string[], basePath: string): RedirectsFile {
  const all = [
    ...redirects.map((r) => ({ from: r.from, line: `${wire(r.from)} ${wire(r.to)} 301` })),
    ...gone.map((from) => ({ from, line: `${wire(from)} ${basePath}404.html 410` })),
  ];
  // encodeURI escapes control characters in paths, not in an absolute URL kept as written: a
  // line break there would add rules of its own. Such a line is refused, never written.
  const unsafe = all.filter(({ line }) => hasUnsafeCharacter(line));
  const lines = all.filter(({ from, line }) => !/[*:]/.test(from) && line.length <= lineLimit && !hasUnsafeCharacter(line));
  const kept = lines.slice(0, redirectRuleLimit);
  const diagnostics = unsafe.map(({ line }) => error("unsafe-redirect", `the redirect "${shownName(line)}" holds a line break or another control character`,
    "site.config.json", undefined, "remove the control characters from the redirect's target"));
  if (lines.length > kept.length) {
    diagnostics.push(warning("redirect-limit", `${lines.length} redirect rules, over the ${redirectRuleLimit} that Cloudflare Pages reads: ${lines.length - kept.length} left out of _redirects`,
      "site.config.json", undefined, "the HTML stubs at the old URLs still redirect; retire old redirects with \"gone\" to stay within the limit"));
  }
  const header = "# Written by daylight: old URLs and where they went (Netlify / Cloudflare Pages syntax).\n";
  return { text: header + kept.map(({ line }) => `${line}\n`).join(""), diagnostics };
}
