import { decodeEntities } from "../text/decode-entities.js";
/**
 * Feeds are read far from the site, so every URL in their HTML must be absolute. These
 * functions rewrite the URL attributes (urls/url-attributes.ts, the list the output check
 * reads) in serialised HTML (as rehype-stringify writes it), touching only real tags: text,
 * comments and script/style bodies stay as they are.
 */
import { srcsetCandidates } from "../urls/srcset-candidates.js";
import { urlKindOf } from "../urls/url-attributes.js";

// A comment, or a start tag with its attributes (quoted values may hold `>` and spaces).
const tagPattern =
  /<!--[\s\S]*?(?:-->|$)|<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)(\s*\/?>)/g;
// One attribute of a start tag; valueless ones match too, so scanning never starts inside a value.
const attributePattern = /(\s+)([^\s"'>/=]+)(?:(\s*=\s*)("[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g;
const rawTextElements = new Set(["script", "style", "textarea", "title"]);

/** Makes every URL attribute in `html` absolute against `baseUrl` (the page's own absolute URL). */
export function absolutizeUrls(html: string, baseUrl: string): string {
  const pattern = new RegExp(tagPattern.source, "g");
  let out = "";
  let copied = 0;
  for (let m = pattern.exec(html); m !== null; m = pattern.exec(html)) {
    const [whole, name, attributes = "", end = ""] = m;
    if (name === undefined) continue;
    out += html.slice(copied, m.index) + `<${name}${rewriteAttributes(name.toLowerCase(), attributes, baseUrl)}${end}`;
    copied = m.index + whole.length;
    if (rawTextElements.has(name.toLowerCase())) {
      const close = html.toLowerCase().indexOf(`</${name.toLowerCase()}`, copied);
      pattern.lastIndex = close === -1 ? html.length : close;
    }
  }
  return out + html.slice(copied);
}

function rewriteAttributes(tag: string, attributes: string, baseUrl: string): string {
  return attributes.replace(attributePattern, (whole, space: string, name: string, equals?: string, raw?: string) => {
    if (equals === undefined || raw === undefined) return whole;
    const kind = urlKindOf(tag, name.toLowerCase());
    if (kind === undefined) return whole;
    const value = decodeEntities(unquote(raw));
    const rewritten = kind === "srcset" ? absolutizeSrcset(value, baseUrl) : absoluteUrl(value, baseUrl);
    return `${space}${name}="${encodeAttribute(rewritten)}"`;
  });
}

/** Resolves one URL against `baseUrl`; URLs with a scheme (`https:`, `mailto:`, `data:`) and unparsable ones are kept. */
export function absoluteUrl(url: string, baseUrl: string): string {
  const trimmed = url.trim();
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(trimmed)) return url;
  try {
    return new URL(trimmed, baseUrl).href;
  } catch {
    return url;
  }
}

/** Rewrites each candidate URL of a `srcset` list, keeping descriptors (`2x`, `640w`) and separators. */
export function absolutizeSrcset(srcset: string, baseUrl: string): string {
  let out = "";
  let copied = 0;
  for (const { url, start } of srcsetCandidates(srcset)) {
    out += srcset.slice(copied, start) + absoluteUrl(url, baseUrl);
    copied = start + url.length;
  }
  return out + srcset.slice(copied);
}

const unquote = (raw: string): string =>
  (raw.startsWith('"') && raw.endsWith('"')) || (raw.startsWith("'") && raw.endsWith("'")) ? raw.slice(1, -1) : raw;


const encodeAttribute = (value: string): string => value.replace(/&/g, "&amp;").replace(/"/g, "&quot;");
