/**
 * A page's search as the theme's script (templates/assets/search.js) does it, with the files
 * a reader's browser fetches: the script and the pointer its `<script data-index>` names, the
 * entry the pointer names, the chunk of the query's word, the fragments of the pages found,
 * and those pages (a reader follows a result). During a deploy, a page of the last
 * generation keeps searching: every one of those files must answer 200.
 */

/** What a search from a page fetched (URL paths, with their statuses) and found (the results' URLs). */
export interface PageSearch {
  readonly fetched: ReadonlyArray<readonly [path: string, status: number]>;
  readonly results: readonly string[];
}

/** Fetches an absolute URL: its status, and its text when it answered 200. */
export type Fetch = (url: URL) => Promise<{ status: number; text: string }>;

const searchScript = /<script\b[^>]*\bsrc="([^"]+)"[^>]*\bdata-index="([^"]+)"/;

/** Searches `query` (one word) from the page at `pageUrl` whose HTML is `html`; undefined when the page has no search. */
export async function searchFrom(html: string, pageUrl: URL, query: string, fetchUrl: Fetch): Promise<PageSearch | undefined> {
  const [, script, index] = searchScript.exec(html) ?? [];
  if (script === undefined || index === undefined) return undefined;
  const fetched: Array<[string, number]> = [];
  const get = async (url: URL): Promise<unknown> => {
    const { status, text } = await fetchUrl(url);
    fetched.push([url.pathname, status]);
    if (status !== 200) return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return undefined; // the script itself, or a file that is not the JSON the script reads
    }
  };
  await get(new URL(decodeAttribute(script), pageUrl));
  const pointerUrl = new URL(decodeAttribute(index), pageUrl);
  const pointer = (await get(pointerUrl)) as { index?: unknown } | undefined;
  const results: string[] = [];
  if (typeof pointer?.index !== "string") return { fetched, results };
  const entryUrl = new URL(pointer.index, pointerUrl);
  const entry = (await get(entryUrl)) as { docs?: unknown; chunks?: Record<string, unknown> } | undefined;
  const docs = Array.isArray(entry?.docs) ? (entry.docs as unknown[]) : [];
  // A large chunk is split by three letters: the script looks the longer key up first.
  const key = [prefix(query, 3), prefix(query, 2)].find((k) => typeof entry?.chunks?.[k] === "string");
  const chunk = key === undefined ? undefined : ((await get(new URL(String(entry?.chunks?.[key]), entryUrl))) as Record<string, unknown> | undefined);
  const found = new Set<number>();
  for (const [term, list] of Object.entries(chunk ?? {})) {
    if (!term.startsWith(query) || !Array.isArray(list)) continue;
    for (let i = 0, doc = 0; i < list.length; i += 3) found.add((doc += Number(list[i])));
  }
  for (const doc of found) {
    const name = docs[doc];
    const fragment = typeof name === "string" ? ((await get(new URL(name, entryUrl))) as { url?: unknown } | undefined) : undefined;
    if (typeof fragment?.url !== "string") continue;
    results.push(fragment.url);
    await get(new URL(fragment.url, pageUrl));
  }
  return { fetched, results };
}

/** A word of the page's first heading (or title) to search for, folded as the script folds a query. */
export function wordOfPage(html: string): string | undefined {
  const heading = /<h1\b[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? /<title>([\s\S]*?)<\/title>/.exec(html)?.[1] ?? "";
  const text = heading.replace(/<[^>]*>/g, " ").normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
  return text.match(/[\p{L}\p{N}]{2,}/u)?.[0];
}

const prefix = (term: string, length: number): string => [...term].slice(0, length).join("");

const decodeAttribute = (text: string): string => text.replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&amp;/g, "&");
