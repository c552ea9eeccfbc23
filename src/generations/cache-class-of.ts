import type { CacheClass } from "./manifest.js";

/**
 * The shape of a content-hashed output name: under `assets/`, `<name>.<8 hex>` plus the
 * original extension when the file had one (`assets/plot.3f9a2c1b.png`, `assets/fonts/x.0badf00d.woff2`).
 */
const hashedName = /^assets\/(?:[^/]+\/)*[^/]+\.[0-9a-f]{8}(?:\.[^/.]+)?$/;

/** "immutable" for a content-hashed name (its bytes never change), else "revalidate". */
export const cacheClassOf = (path: string): CacheClass => (hashedName.test(path) ? "immutable" : "revalidate");

/** The folder whose files the `_headers` file marks cacheable for a year. */
export const immutableFolder = "assets/";
