import type { Manifest } from "./manifest.js";

/** The manifest as written to disk: JSON with every object's keys sorted, 2-space indent, trailing newline. */
export const serializeManifest = (manifest: Manifest): string => `${JSON.stringify(sortKeys(manifest), null, 2)}\n`;

/** A copy of `value` whose objects list their keys in code-unit order (arrays keep theirs). */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== "object") return value;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]));
}
