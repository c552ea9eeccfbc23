import type { SearchIndex } from "./search-files.js";

/**
 * An index and the pages it was made from: kept after each build, so that the next one
 * patches it (patch-index.ts) rather than making it again from every page. It says what it
 * was made from, so whichever build left it, a build that starts from it is right.
 */
export interface IndexState {
  /** Each doc's page entry (its digest in the text cache), in the entry's order. */
  readonly pages: readonly string[];
  readonly index: SearchIndex;
}

const stateFormat = 1;

type StoredState = [format: number, pages: string[], docs: string[], groups: Array<[group: string, chunks: Array<[prefix: string, path: string]>]>];

/** The state as the text cache keeps it. */
export function stateTexts({ pages, index }: IndexState): string[] {
  const stored: StoredState = [stateFormat, [...pages], [...index.docs], index.groups.map((g) => [g.group, g.chunks.map((c) => [c.prefix, c.path])])];
  return [JSON.stringify(stored)];
}

/** The state in `texts`; undefined when there is none, or it is of another format or shape. */
export function readState(texts: readonly string[] | undefined): IndexState | undefined {
  let stored: unknown;
  try {
    stored = JSON.parse(texts?.[0] ?? "null");
  } catch {
    return undefined;
  }
  if (!isStoredState(stored) || stored[1].length !== stored[2].length) return undefined;
  const [, pages, docs, groups] = stored;
  return { pages, index: { docs, groups: groups.map(([group, chunks]) => ({ group, chunks: chunks.map(([prefix, path]) => ({ prefix, path })) })) } };
}

const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === "string");

function isStoredState(value: unknown): value is StoredState {
  return Array.isArray(value) && value.length === 4 && value[0] === stateFormat && isStrings(value[1]) && isStrings(value[2]) &&
    Array.isArray(value[3]) && value[3].every((g: unknown) => Array.isArray(g) && g.length === 2 && typeof g[0] === "string" &&
      Array.isArray(g[1]) && g[1].every((c: unknown) => isStrings(c) && c.length === 2));
}
