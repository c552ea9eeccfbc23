import { error, type Diagnostic } from "../diagnostics.js";
import { bomLength, type ParsedHeader, type RawField } from "./raw-fields.js";

interface Line {
  /** The line without its line break. */
  readonly content: string;
  /** Offset just past the line break (text.length on the last line). */
  readonly next: number;
}

const isKeyChar = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9_-]/.test(c);
const isSpace = (c: string | undefined): boolean => c === " " || c === "\t";
const separatorLine = /^-{3,}[ \t]*$/;

function readLine(text: string, start: number): Line {
  const newline = text.indexOf("\n", start);
  const end = newline === -1 ? text.length : newline;
  const content = text.slice(start, end).replace(/\r$/, "");
  return { content, next: newline === -1 ? text.length : newline + 1 };
}

/** Spaces or tabs before `!!`: a header line that the header would silently end at. */
const indentedBang = /^[ \t]+(?=!!)/;

/**
 * Parses a `!! key: value` header. The header ends at the first line not starting with
 * `!!`; blank lines and one `---` line after it are separators. A `!!` line right after
 * the header but indented is an error that names the indent (else the header would end
 * there silently and its later keys would be "missing"); it is read all the same. Never throws.
 */
export function parseBangHeader(text: string, file: string): ParsedHeader {
  const fields = new Map<string, RawField>();
  const diagnostics: Diagnostic[] = [];
  let offset = bomLength(text);
  let lineNumber = 1;
  while (offset < text.length) {
    const line = readLine(text, offset);
    const indent = indentedBang.exec(line.content)?.[0];
    if (!line.content.startsWith("!!") && indent === undefined) break;
    if (indent !== undefined) diagnostics.push(indentError(indent, lineNumber, file));
    parseBangLine(line.content.slice(indent?.length ?? 0), indent?.length ?? 0, lineNumber, file, fields, diagnostics);
    offset = line.next;
    lineNumber++;
  }
  const end = separatorEnd(text, offset);
  return { fields, bodyStart: end, diagnostics };
}

/** Where the separators after the header end: past one `---` line that follows blank lines. */
function separatorEnd(text: string, headerEnd: number): number {
  let offset = headerEnd;
  while (offset < text.length) {
    const line = readLine(text, offset);
    if (separatorLine.test(line.content)) return line.next;
    if (line.content.trim() !== "") break;
    offset = line.next;
  }
  return headerEnd;
}

/** The error for whitespace before `!!`, naming what the whitespace is. */
export function indentError(indent: string, line: number, file: string): Diagnostic {
  const what = /^\t+$/.test(indent) ? (indent.length === 1 ? "a tab" : "tabs") : /^ +$/.test(indent) ? (indent.length === 1 ? "a space" : "spaces") : "spaces and tabs";
  return error("header-syntax", `${what} before \`!!\`: a header line must start with \`!!\` at the first column`, file,
    { line, column: 1 }, "remove what comes before `!!` on this line");
}

/** Reads one `!! key: value` line; `shift` is how many characters (an indent) were cut from its start. */
function parseBangLine(
  content: string,
  shift: number,
  line: number,
  file: string,
  fields: Map<string, RawField>,
  diagnostics: Diagnostic[],
): void {
  let keyStart = 2;
  while (isSpace(content[keyStart])) keyStart++;
  let keyEnd = keyStart;
  while (isKeyChar(content[keyEnd])) keyEnd++;
  let colon = keyEnd;
  while (isSpace(content[colon])) colon++;
  const problem = lineProblem(content, keyStart, keyEnd, colon);
  if (problem) {
    diagnostics.push(error("header-syntax", problem.message, file, { line, column: problem.column + shift },
      "a header line is `!! key: value`; keys are letters, digits, `-` and `_`"));
    return;
  }
  const key = content.slice(keyStart, keyEnd);
  const name = key.toLowerCase();
  const first = fields.get(name);
  if (first) {
    diagnostics.push(error("duplicate-key", `the key \`${key}\` is given twice`, file, { line, column: keyStart + 1 + shift },
      `keep one of the two: the first is on line ${first.line}`));
    return;
  }
  let valueStart = colon + 1;
  while (isSpace(content[valueStart])) valueStart++;
  const value = content.slice(valueStart).trim();
  const column = (value === "" ? keyStart + 1 : valueStart + 1) + shift;
  fields.set(name, { key, value, raw: value, line, column, keyColumn: keyStart + 1 + shift });
}

function lineProblem(content: string, keyStart: number, keyEnd: number, colon: number) {
  if (content[colon] === ":") {
    return keyStart === keyEnd ? { message: "header line has no key before `:`", column: keyStart + 1 } : undefined;
  }
  if (!content.includes(":", keyEnd)) {
    return { message: "header line has no `:` between key and value", column: keyEnd + 1 };
  }
  return { message: "header key may only hold letters, digits, `-` and `_`", column: keyEnd + 1 };
}
