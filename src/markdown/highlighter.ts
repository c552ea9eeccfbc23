import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Element } from "hast";
import type { Highlighter } from "shiki";
import { codeTokensToPre, type BlockColors } from "./code-tokens-to-hast.js";
import { editorColors, pairedCodeTheme, PAIRED_THEME_NAME } from "./paired-code-theme.js";

/** The two themes; the dark one is switched on by the theme's CSS under `prefers-color-scheme: dark`. */
export const CODE_THEMES = { light: "github-light", dark: "github-dark" } as const;

const require = createRequire(import.meta.url);
// Node's global, which TypeScript declares only with the DOM library (not loaded here).
declare const WebAssembly: { instantiate(bytes: Uint8Array, imports: unknown): Promise<never> };

/** Info strings that mean "no language": rendered as plain code, without a warning. */
const PLAIN = new Set(["text", "txt", "plain", "plaintext", "none", "nohighlight"]);

// One highlighter per process (per worker thread), made on the first request for a real
// language and reused by every post and every build: a grammar costs ~0.5 s to load once.
let highlighter: Promise<Highlighter> | undefined;
let ready: Highlighter | undefined;
let blockColors: BlockColors | undefined;
/** Language as written (lowercased) → Shiki's id, or null when Shiki knows no such language. */
const resolved = new Map<string, string | null>();
const loads = new Map<string, Promise<void>>();

/** What highlighting one block of code gave. */
export type Highlighted =
  | { readonly kind: "html"; readonly pre: Element }
  | { readonly kind: "plain" }
  | { readonly kind: "unknown-language" };

/**
 * Loads Shiki's grammars for `languages` (as written after a code fence), creating the
 * highlighter on the first real language. No language is loaded that was not asked for;
 * with no language at all Shiki is not even imported, and with none that Shiki knows
 * (a typo, a made-up name) only its list of languages is.
 */
export async function prepareHighlighter(languages: Iterable<string>): Promise<void> {
  const wanted = [...new Set([...languages].map((lang) => lang.toLowerCase()))].filter(
    (lang) => !PLAIN.has(lang) && !resolved.has(lang),
  );
  if (wanted.length === 0) return;
  const ids = await languageIds();
  const toLoad = [...new Set(wanted.flatMap((lang) => ids.get(lang) ?? []))];
  if (toLoad.length > 0) {
    // Shiki itself (its engine, a fifth of a second to import) only for a language it highlights.
    const shiki = await import("shiki");
    highlighter ??= createPairedHighlighter(shiki);
    ready = await highlighter;
    const loaded = ready;
    await Promise.all(toLoad.map((id) => loadOnce(loaded, id)));
  }
  for (const lang of wanted) resolved.set(lang, ids.get(lang) ?? null);
}

let ids: Promise<Map<string, string>> | undefined;

/** Every name (id or alias) of a language Shiki knows → its id, from Shiki's list of languages alone. */
function languageIds(): Promise<Map<string, string>> {
  ids ??= import("shiki/langs").then(({ bundledLanguagesInfo }) =>
    new Map(bundledLanguagesInfo.flatMap((info) => [info.id, ...(info.aliases ?? [])].map((name) => [name, info.id]))));
  return ids;
}

/** A highlighter with the one paired theme, which gives both themes' colours in one tokenization. */
async function createPairedHighlighter(shiki: typeof import("shiki")): Promise<Highlighter> {
  const [light, dark] = await Promise.all([
    shiki.bundledThemes[CODE_THEMES.light]().then((module) => module.default),
    shiki.bundledThemes[CODE_THEMES.dark]().then((module) => module.default),
  ]);
  blockColors = {
    background: editorColors(light, dark, "editor.background"),
    foreground: editorColors(light, dark, "editor.foreground"),
    themeClass: `shiki-themes ${CODE_THEMES.light} ${CODE_THEMES.dark}`,
  };
  return shiki.createHighlighter({ themes: [pairedCodeTheme(light, dark)], langs: [], engine: onigurumaFromFile(shiki) });
}

/**
 * Shiki's Oniguruma engine, its WebAssembly read from the package's own `onig.wasm`. The
 * default loads the same binary from base64 text through a gunzipping `Response`, and
 * touching `Response` makes Node load its fetch implementation: together about 0.1 s of a
 * build that renders one post with code (and of each render thread), for the same bytes.
 */
function onigurumaFromFile(shiki: typeof import("shiki")) {
  return shiki.createOnigurumaEngine({
    instantiator: (imports) => WebAssembly.instantiate(readFileSync(require.resolve("shiki/onig.wasm")), imports),
  });
}

function loadOnce(shiki: Highlighter, id: string): Promise<void> {
  let load = loads.get(id);
  if (!load) loads.set(id, (load = shiki.loadLanguage(id as Parameters<Highlighter["loadLanguage"]>[0])));
  return load;
}

/**
 * `code` in `lang` as a Shiki `<pre>` with both themes' colours, synchronously. `lang` must
 * have gone through prepareHighlighter first: asking for one that did not is a programmer error.
 */
export function highlightCode(code: string, lang: string): Highlighted {
  const key = lang.toLowerCase();
  if (PLAIN.has(key)) return { kind: "plain" };
  const id = resolved.get(key);
  if (id === undefined) throw new Error(`prepareHighlighter() was not called for the language "${lang}"`);
  if (id === null) return { kind: "unknown-language" };
  if (!ready || !blockColors) throw new Error("the highlighter is not ready although a language was resolved");
  return { kind: "html", pre: codeTokensToPre(tokensOf(ready, code, id), blockColors) };
}

type TokenLines = ReturnType<Highlighter["codeToTokensBase"]>;
type TokenOptions = NonNullable<Parameters<Highlighter["codeToTokensBase"]>[1]>;

// The dev server renders an edited post again and again, its code blocks mostly as they
// were: their tokens (a quarter of such a render) are kept for the blocks seen last. Small
// and bounded, so that a cold build's thousands of blocks only pass through.
const recentTokens = new Map<string, TokenLines>();
const recentTokensLimit = 256;
const recentCodeLimit = 16_384;

function tokensOf(shiki: Highlighter, code: string, id: string): TokenLines {
  const key = `${id}\0${code}`;
  const kept = recentTokens.get(key);
  if (kept !== undefined) {
    recentTokens.delete(key);
    recentTokens.set(key, kept);
    return kept;
  }
  const lines = shiki.codeToTokensBase(code, {
    lang: id as TokenOptions["lang"],
    theme: PAIRED_THEME_NAME as TokenOptions["theme"],
    // Shiki gives up on a line after 500 ms by default and returns it as one plain token, so
    // on a busy machine the same code came out differently (and was cached so). No limit:
    // output is a function of the input; a post that never finishes meets the render budget.
    tokenizeTimeLimit: 0,
  });
  if (code.length <= recentCodeLimit) {
    recentTokens.set(key, lines);
    if (recentTokens.size > recentTokensLimit) recentTokens.delete(recentTokens.keys().next().value as string);
  }
  return lines;
}
