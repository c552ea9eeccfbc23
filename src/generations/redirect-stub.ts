import type { SiteConfig } from "../config/site-config.js";
import type { OutputFile } from "../model.js";
import type { Redirect } from "./collect-redirects.js";
import { urlToOutputPath } from "./url-paths.js";

const escapeHtml = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

/**
 * The HTML page left at an old URL: for hosts without redirect rules (GitHub Pages, a bare
 * bucket), a meta refresh to the new place, which search engines treat as a permanent
 * move, with the canonical link naming it and `noindex` so the stub itself is not listed.
 */
export function renderRedirectStub(target: string, config: Pick<SiteConfig, "url" | "language">): string {
  const absolute = config.url ? new URL(target, config.url).href : target;
  const href = escapeHtml(absolute);
  return [
    "<!doctype html>",
    `<html lang="${escapeHtml(config.language)}">`,
    "<head>",
    '<meta charset="utf-8">',
    "<title>Moved</title>",
    '<meta name="robots" content="noindex">',
    `<link rel="canonical" href="${href}">`,
    `<meta http-equiv="refresh" content="0; url=${href}">`,
    "</head>",
    "<body>",
    `<p>This page has moved to <a href="${href}">${escapeHtml(absolute)}</a>.</p>`,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

/** One stub page per redirect whose source lies under the base path, at the source's output path. */
export function redirectStubs(redirects: readonly Redirect[], config: SiteConfig): OutputFile[] {
  return redirects.flatMap((redirect) => {
    const path = urlToOutputPath(redirect.from, config.basePath);
    return path === undefined ? [] : [{ path, contents: renderRedirectStub(redirect.to, config) }];
  });
}
