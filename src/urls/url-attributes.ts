/**
 * The HTML attributes whose value is a URL (or, for `srcset`, a list of image candidates),
 * as the HTML standard's index of attributes lists them. One list for the rewriter of raw
 * HTML in posts (rehype-raw-urls.ts) and for the output check (scan-html.ts): a URL that one
 * of them reads and the other does not is either published unrewritten or never checked.
 *
 * Covered, by element: `href` (a, area, link, base, SVG use/image), `src` (img, video, audio,
 * source, track, iframe, embed, script, input type=image), `srcset` (img, source),
 * `imagesrcset` (link), `poster` (video), `data` (object), `cite` (blockquote, q, del, ins),
 * `action` (form) and `formaction` (button, input), which a GET form may point at a page,
 * `xlink:href` (SVG), and the obsolete `background` (body, table, td) and `manifest` (html),
 * which browsers still read.
 *
 * Left out on purpose, because none can name a file or page the site must publish:
 * - `ping` (a, area): addresses the browser POSTs a beacon to; endpoints, never documents;
 * - `itemid`, `itemtype` (microdata): identifiers and vocabulary names, never fetched;
 * - `longdesc` (img), `codebase`, `classid`, `archive` (object), `profile` (head), `lowsrc`,
 *   `dynsrc`: obsolete or non-standard, and no current browser fetches them;
 * - `usemap` (img): a `#name` reference to a `<map>` in the same page, not a URL.
 */
export interface UrlAttribute {
  /** The attribute's HTML name, lower case. */
  readonly attribute: string;
  /** Its property name in a hast element (`srcSet`, `formAction`, `xLinkHref`). */
  readonly property: string;
  /** One URL, or a `srcset` list of image candidates. */
  readonly kind: "url" | "srcset";
  /** The only element that gives it URL meaning; absent: any element. */
  readonly element?: string;
}

/** Every URL attribute, in one list. */
export const urlAttributes: readonly UrlAttribute[] = [
  { attribute: "href", property: "href", kind: "url" },
  { attribute: "src", property: "src", kind: "url" },
  { attribute: "srcset", property: "srcSet", kind: "srcset" },
  { attribute: "imagesrcset", property: "imageSrcSet", kind: "srcset" },
  { attribute: "poster", property: "poster", kind: "url" },
  { attribute: "data", property: "data", kind: "url", element: "object" },
  { attribute: "cite", property: "cite", kind: "url" },
  { attribute: "action", property: "action", kind: "url" },
  { attribute: "formaction", property: "formAction", kind: "url" },
  { attribute: "xlink:href", property: "xLinkHref", kind: "url" },
  { attribute: "background", property: "background", kind: "url" },
  { attribute: "manifest", property: "manifest", kind: "url" },
];

const byAttribute = new Map(urlAttributes.map((a) => [a.attribute, a]));

/** What the attribute `name` (lower case) of element `tag` (lower case) holds: a URL, a srcset, or neither. */
export function urlKindOf(tag: string, name: string): UrlAttribute["kind"] | undefined {
  const found = byAttribute.get(name);
  if (found === undefined || (found.element !== undefined && found.element !== tag)) return undefined;
  return found.kind;
}
