import { createRequire } from "node:module";
import { error, type Diagnostic } from "../diagnostics.js";
import { lineStarts, type ParsedHeader, type RawField } from "./raw-fields.js";

// smol-toml loads with the first TOML header: a site without one never loads it. Headers are
// parsed synchronously, so it is required (its CommonJS build: the same code, in one file).
const require = createRequire(import.meta.url);
let loaded: typeof import("smol-toml") | undefined;
const smolToml = () => (loaded ??= require("smol-toml") as typeof import("smol-toml"));

const delimiter = /^\+\+\+[ \t]*\r?$/;
const tomlHint = "check the line against TOML's rules: `key = \"text\"`, `date = 2024-03-05`, `tags = [\"a\", \"b\"]`, tables as `[extra]`";

/**
 * Parses TOML front matter (`+++` … `+++`, Hugo and Zola) with smol-toml. The block is
 * blanked out of the body; invalid TOML is a `toml-syntax` error at its line and column in
 * the file. Top-level keys become fields (a table such as `[extra]` or `[taxonomies]` is one
 * field holding an object), TOML dates are read back as written. Never throws.
 */
export function parseTomlHeader(text: string, file: string): ParsedHeader {
  const starts = lineStarts(text);
  const lineAt = (i: number): string => text.slice(starts[i], (starts[i + 1] ?? text.length + 1) - 1);
  const close = starts.findIndex((_, i) => i > 0 && delimiter.test(lineAt(i)));
  if (close === -1) {
    const d = error("toml-syntax", "the front matter starting on line 1 is never closed", file, { line: 1, column: 1 },
      "end the front matter with a line `+++`");
    return { fields: new Map(), bodyStart: 0, diagnostics: [d] };
  }
  const bodyStart = starts[close + 1] ?? text.length;
  const lines = Array.from({ length: close }, (_, i) => (i === 0 ? "" : lineAt(i).replace(/\r$/, "")));
  let data: Record<string, unknown>;
  try {
    // Line 1 (the opening `+++`) left empty: TOML's line numbers are then the file's.
    data = smolToml().parse(lines.join("\n")) as Record<string, unknown>;
  } catch (e) {
    return { fields: new Map(), bodyStart, diagnostics: [tomlError(e, file, lines)] };
  }
  const fields = new Map<string, RawField>();
  const diagnostics: Diagnostic[] = [];
  for (const [key, value] of Object.entries(data)) {
    const name = key.toLowerCase();
    const at = findTomlKey(lines, key);
    const first = fields.get(name);
    if (first) {
      diagnostics.push(error("duplicate-key", `the key \`${first.key}\` is given twice (as \`${first.key}\` and \`${key}\`)`,
        file, { line: at.line, column: at.keyColumn }, `keep one of the two: the first is on line ${first.line}`));
      continue;
    }
    fields.set(name, { key, value: plain(value), raw: at.raw, line: at.line, column: at.column, keyColumn: at.keyColumn });
  }
  return { fields, bodyStart, diagnostics };
}

function tomlError(e: unknown, file: string, lines: readonly string[]): Diagnostic {
  if (!(e instanceof smolToml().TomlError)) {
    return error("toml-syntax", "the TOML front matter could not be read", file, { line: 1, column: 1 }, tomlHint);
  }
  const reason = (e.message.split("\n")[0] ?? "").replace(/^Invalid TOML document: /, "");
  const line = Math.min(Math.max(e.line, 1), lines.length + 1);
  // A position stays inside its line (TOML may point at the line break).
  const column = Math.min(Math.max(e.column, 1), (lines[line - 1] ?? "").length + 1);
  return error("toml-syntax", `invalid TOML in the front matter: ${reason}`, file, { line, column }, tomlHint);
}

/** TOML values as templates and field readers take them: plain objects, dates as their TOML text. */
function plain(value: unknown): unknown {
  if (value instanceof smolToml().TomlDate) return value.toISOString();
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value !== "object" || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    // defineProperty: a key such as `__proto__` stays a plain field.
    Object.defineProperty(out, k, { value: plain(v), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

interface TomlKeyPosition {
  readonly line: number;
  readonly column: number;
  readonly keyColumn: number;
  readonly raw: string | undefined;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Where a top-level key is written: `key = value` (or `key.sub = …`) before the first table,
 * or a table header `[key]`/`[key.sub]`/`[[key]]`. A line scan is enough: the TOML is valid.
 */
function findTomlKey(lines: readonly string[], key: string): TomlKeyPosition {
  const name = `(["']?)${escapeRegExp(key)}\\1`;
  const assignment = new RegExp(`^([ \\t]*)${name}[ \\t]*(=|\\.)`);
  const table = new RegExp(`^([ \\t]*)\\[\\[?[ \\t]*${name}[ \\t]*[\\].]`);
  let inTable = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const header = table.exec(line);
    if (header) return { line: i + 1, column: line.indexOf(key) + 1, keyColumn: line.indexOf(key) + 1, raw: undefined };
    if (/^[ \t]*\[/.test(line)) inTable = true;
    const m = inTable ? null : assignment.exec(line);
    if (!m) continue;
    const keyColumn = (m[1] ?? "").length + 1;
    const equals = line.indexOf("=", m[0].length - 1);
    let valueStart = equals + 1;
    while (line[valueStart] === " " || line[valueStart] === "\t") valueStart++;
    const rest = line.slice(valueStart).replace(/[ \t]+#.*$/, "").trim();
    const raw = /^[-+0-9a-z]/i.test(rest) && m[3] === "=" ? rest : undefined;
    return { line: i + 1, column: rest === "" || m[3] !== "=" ? keyColumn : valueStart + 1, keyColumn, raw };
  }
  return { line: 1, column: 1, keyColumn: 1, raw: undefined };
}
