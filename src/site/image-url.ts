import type { SiteConfig } from "../config/site-config.js";

/**
 * Where a post's `image` field points. A URL with a scheme (`https:`) or `//host` is kept; any
 * other value is a path from the site root, like `/images/x.png` in a post body (a file in
 * public/): the base path is put in front. Absolute when the site has a `url`, else site-absolute.
 */
export function resolveImageUrl(image: string | undefined, config: SiteConfig): string | null {
  const value = image?.trim();
  if (value === undefined || value === "") return null;
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(value) || value.startsWith("//")) {
    return config.url === undefined ? value : new URL(value, config.url).href;
  }
  const path = `${config.basePath}${value.replace(/^(\.\/|\/)+/, "")}`;
  return config.url === undefined ? path : new URL(path, config.url).href;
}
