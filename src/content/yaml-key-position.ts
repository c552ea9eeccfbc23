/** Where a top-level key sits in a front matter block, and its value's text on that line. */
export interface YamlKeyPosition {
  /** 1-based line within the block. */
  readonly line: number;
  /** 1-based column of the value on that line (of the key when the value starts on a later line). */
  readonly column: number;
  /** 1-based column of the key (of its opening quote when quoted). */
  readonly keyColumn: number;
  /** The scalar as written on the key's line, unquoted, comment removed; undefined when not a plain one-line scalar. */
  readonly raw: string | undefined;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Finds `key:` in the block by a line scan (unindented lines first). A scan is enough:
 * the YAML is already known to be valid; this only recovers positions and source text.
 */
export function findYamlKey(lines: readonly string[], key: string): YamlKeyPosition | undefined {
  const pattern = new RegExp(`^([ \\t]*)(["']?)${escapeRegExp(key)}\\2[ \\t]*:(?=[ \\t]|$)`);
  let match: { index: number; length: number; indent: number } | undefined;
  for (let i = 0; i < lines.length && (match === undefined || match.indent > 0); i++) {
    const m = pattern.exec(lines[i] ?? "");
    const indent = m?.[1]?.length ?? 0;
    if (m && (match === undefined || indent < match.indent)) match = { index: i, length: m[0].length, indent };
  }
  if (!match) return undefined;
  const line = lines[match.index] ?? "";
  let valueStart = match.length;
  while (line[valueStart] === " " || line[valueStart] === "\t") valueStart++;
  const rest = line.slice(valueStart);
  const onLine = rest !== "" && !rest.startsWith("#");
  return { line: match.index + 1, column: onLine ? valueStart + 1 : match.indent + 1, keyColumn: match.indent + 1, raw: scalarText(rest) };
}

function scalarText(rest: string): string | undefined {
  const quote = rest[0];
  if (quote === '"' || quote === "'") {
    const close = rest.indexOf(quote, 1);
    return close === -1 ? undefined : rest.slice(1, close);
  }
  if (rest === "" || /^[|>[{&*!#]/.test(rest)) return undefined;
  const text = rest.replace(/[ \t]#.*$/, "").trim();
  return text === "" ? undefined : text;
}
