import { positionAt } from "../diagnostics.js";
import type { ThemeTemplate } from "../site/read-theme.js";
import type { LocateReference } from "./check-references.js";

/**
 * Finds a reference that no post wrote in the templates that wrote it: a broken link in a
 * footer is one mistake at one line of `templates/partials/site-footer.liquid`, not one per
 * page in pages that are never written. The URL is looked for as written in an attribute
 * (after a quote or `=`), with or without the site's base path (a template may write
 * `/blog/x/` or `/x/` through the `url` filter). The first template in name order wins.
 */
export function locateInTemplates(templates: Iterable<ThemeTemplate>, basePath: string): LocateReference {
  const sorted = [...templates].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return (_from, url) => {
    const written = basePath !== "/" && url.startsWith(basePath) ? [url, url.slice(basePath.length - 1)] : [url];
    for (const template of sorted) {
      for (const form of written) {
        const at = attributeValueAt(template.text, form);
        if (at !== undefined) return { file: template.path, at: positionAt(template.text, at) };
      }
    }
    return undefined;
  };
}

/** The offset of `url` written whole as an attribute value or a quoted Liquid string, or undefined. */
function attributeValueAt(text: string, url: string): number | undefined {
  for (let at = text.indexOf(url); at !== -1; at = text.indexOf(url, at + 1)) {
    const before = text.charAt(at - 1);
    const after = text.charAt(at + url.length);
    if (`"'=`.includes(before) && before !== "" && (after === "" || `"' >`.includes(after))) return at;
  }
  return undefined;
}

/** The first locator that finds the reference. */
export const firstLocated = (...locators: LocateReference[]): LocateReference =>
  (from, url) => {
    for (const locate of locators) {
      const found = locate(from, url);
      if (found !== undefined) return found;
    }
    return undefined;
  };
