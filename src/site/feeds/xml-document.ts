import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

type Xmlbuilder2 = typeof import("xmlbuilder2");

/** An xmlbuilder2 document or element: what the feeds and the sitemap build. */
export type XMLBuilder = ReturnType<Xmlbuilder2["create"]>;

/**
 * A new XML 1.0 document in UTF-8. xmlbuilder2 (with its DOM, a sixth of a second or more to
 * import) is loaded on the first call: a build whose feeds and sitemap come from the cache
 * never loads it. Feeds are made synchronously, and xmlbuilder2 is a CommonJS package, so
 * `require` gives the very module an `import` would.
 */
export function createXmlDocument(): XMLBuilder {
  xmlbuilder2 ??= require("xmlbuilder2") as Xmlbuilder2;
  return xmlbuilder2.create({ version: "1.0", encoding: "UTF-8" });
}

let xmlbuilder2: Xmlbuilder2 | undefined;
