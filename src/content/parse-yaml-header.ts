import { createRequire } from "node:module";
import { error, type Diagnostic } from "../diagnostics.js";
import { bomLength, lineStarts, type ParsedHeader, type RawField } from "./raw-fields.js";
import { findYamlKey } from "./yaml-key-position.js";
import { unfoldedSize, unfoldLimit } from "./yaml-expansion.js";

// gray-matter and its YAML parser (a tenth of a second to import) load with the first YAML
// header: a site whose posts all use the `!!` header never loads them. Headers are parsed
// synchronously; gray-matter is a CommonJS package, so `require` gives what `import` would.
const require = createRequire(import.meta.url);
let grayMatter: typeof import("gray-matter") | undefined;
const matter = (text: string, options: object) => (grayMatter ??= require("gray-matter") as typeof import("gray-matter"))(text, options);

const delimiter = /^---[ \t]*\r?$/;
const yamlHint = "check the indentation, and quote values that contain `: ` or start with `[`, `{`, `*`, `&`, `!`, `%` or `@`";

/** The front matter block: file lines [2, closeLine), closed by the `---` on closeLine. */
interface Block {
  readonly lines: readonly string[];
  /** Offset of the closing `---` line, and offset just past it. */
  readonly closeStart: number;
  readonly end: number;
}

/**
 * Parses YAML front matter (`---` … `---`) with gray-matter. The block is blanked out of
 * the body and every diagnostic carries its true line and column in the file. Never throws.
 */
export function parseYamlHeader(text: string, file: string): ParsedHeader {
  const block = findBlock(text);
  if (!block) {
    const d = error("yaml-syntax", "the front matter starting on line 1 is never closed", file,
      { line: 1, column: 1 }, "end the front matter with a line `---`");
    return { fields: new Map(), bodyStart: 0, diagnostics: [d] };
  }
  const bodyStart = block.end;
  const loaded = loadYaml(text.slice(bomLength(text), block.closeStart) + "---", file);
  if ("diagnostic" in loaded) return { fields: new Map(), bodyStart, diagnostics: [loaded.diagnostic] };
  const bomb = aliasBomb(loaded.data, block, file);
  if (bomb) return { fields: new Map(), bodyStart, diagnostics: [bomb] };
  const diagnostics: Diagnostic[] = [];
  const fields = toFields(loaded.data, block, file, diagnostics);
  return { fields, bodyStart, diagnostics };
}

/** A `yaml-aliases` error at the first key whose value, aliases unfolded, makes the data too large. */
function aliasBomb(data: Record<string, unknown>, block: Block, file: string): Diagnostic | undefined {
  let left = unfoldLimit(block.lines.reduce((sum, line) => sum + line.length + 1, 0));
  for (const [key, value] of Object.entries(data)) {
    left -= unfoldedSize(value, left) + key.length;
    if (left >= 0) continue;
    const found = findYamlKey(block.lines, key);
    return error("yaml-aliases", `the front matter's aliases (\`*name\`) unfold \`${key}\` to more data than the whole file holds many times over`,
      file, found ? { line: found.line + 1, column: found.column } : { line: 2, column: 1 },
      "write the values out, or reuse an anchor (`&name`) a few times only: aliases of aliases grow exponentially");
  }
  return undefined;
}

function findBlock(text: string): Block | undefined {
  const starts = lineStarts(text);
  const lineAt = (i: number): string => text.slice(starts[i], (starts[i + 1] ?? text.length + 1) - 1);
  if (!delimiter.test(lineAt(0).slice(bomLength(text)))) return undefined;
  for (let i = 1; i < starts.length; i++) {
    if (!delimiter.test(lineAt(i))) continue;
    const lines = Array.from({ length: i - 1 }, (_, k) => lineAt(k + 1).replace(/\r$/, ""));
    return { lines, closeStart: starts[i] ?? text.length, end: starts[i + 1] ?? text.length };
  }
  return undefined;
}

type Loaded = { data: Record<string, unknown> } | { diagnostic: Diagnostic };

function loadYaml(frontMatter: string, file: string): Loaded {
  let data: unknown;
  try {
    // An options object turns off gray-matter's cache, which shares `data` between calls.
    data = matter(frontMatter, {}).data;
  } catch (e) {
    return { diagnostic: yamlError(e, file, frontMatter) };
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    return { diagnostic: error("yaml-syntax", "the front matter is not a list of `key: value` pairs", file,
      { line: 2, column: 1 }, "write one `key: value` per line, e.g. `title: My post`") };
  }
  return { data: data as Record<string, unknown> };
}

interface YamlMark { readonly line: number; readonly column: number }

function yamlError(e: unknown, file: string, text: string): Diagnostic {
  const err = e as { reason?: unknown; message?: unknown; mark?: Partial<YamlMark> };
  const reason = typeof err.reason === "string" ? err.reason : "the front matter could not be read";
  const mark = err.mark;
  // js-yaml counts from the opening `---` line (0) of what it was given, which is line 1 of the file.
  const at = typeof mark?.line === "number" && typeof mark.column === "number"
    ? { line: mark.line + 1, column: mark.column + 1 + (mark.line === 0 ? 3 : 0) }
    : { line: 1, column: 1 };
  // js-yaml may point just past a line's end (at its newline); a position stays inside its line.
  const lineLength = (text.split("\n")[at.line - 1] ?? "").replace(/\r$/, "").length;
  at.column = Math.min(at.column, lineLength + 1);
  return error("yaml-syntax", `invalid YAML in the front matter: ${reason}`, file, at, yamlHint);
}

function toFields(data: Record<string, unknown>, block: Block, file: string, diagnostics: Diagnostic[]) {
  const fields = new Map<string, RawField>();
  for (const [key, value] of Object.entries(data)) {
    // Keys are read whatever their case; which names mean which field is post-fields' business.
    const name = key.toLowerCase();
    const found = findYamlKey(block.lines, key);
    const at = found ? { line: found.line + 1, column: found.column, keyColumn: found.keyColumn } : { line: 1, column: 1, keyColumn: 1 };
    const first = fields.get(name);
    if (first) {
      diagnostics.push(error("duplicate-key", `the key \`${first.key}\` is given twice (as \`${first.key}\` and \`${key}\`)`,
        file, { line: at.line, column: at.keyColumn }, `keep one of the two: the first is on line ${first.line}`));
      continue;
    }
    const raw = found?.raw;
    fields.set(name, { key, value: value instanceof Date ? dateText(value, raw) : value, raw, ...at });
  }
  return fields;
}

/** YAML reads `2024-03-05` as a Date at UTC midnight: go back to what was written. */
function dateText(date: Date, raw: string | undefined): string {
  if (raw !== undefined) return raw;
  const iso = date.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
}
