import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/**
 * LiquidJS, loaded on first use. It takes a sixth of a second to import, and a build whose
 * pages all come from the page cache renders no template at all. Pages render synchronously,
 * so it cannot wait for an `import()`: liquidjs's entry point is CommonJS (its package names
 * no ESM entry for Node), so `require` gives the very module an `import` would.
 */
export function loadLiquid(): typeof import("liquidjs") {
  return (liquidjs ??= require("liquidjs") as typeof import("liquidjs"));
}

let liquidjs: typeof import("liquidjs") | undefined;
