import { createHash } from "node:crypto";

/**
 * How a cache entry is laid out in its file. Entries are mostly HTML (a rendered post, a
 * page, a feed), and JSON.parse of a large string full of escaped quotes was most of a
 * warm build's cost of reading the cache. So the long strings of a value are stored as
 * they are, after a JSON header that says where they go:
 *
 *   daylight-cache-entry/3 <sha256 of every byte after this line, hex>\n
 *   {"identity":…,"key":…,"value":<value with "" in place of each long string>,"raw":[[path, length], …]}\n
 *   <the long strings, one after another>
 *
 * The checksum is verified on the file's bytes before anything is decoded: a flipped byte
 * anywhere (same length, still valid JSON and UTF-8) is a damaged entry, never a page.
 * Lengths count UTF-16 code units of the decoded file. Only well-formed strings are stored
 * raw (a lone surrogate would not survive UTF-8); the rest stay in the JSON.
 */
export const entryFormat = "daylight-cache-entry/3";

/** What every version of the format starts with: an older version's entry is a plain miss, not damage. */
const entryFormatFamily = "daylight-cache-entry/";

/** Where a file's first line ends, looked for in its first bytes only (the line is short). */
const firstLineLimit = 128;

/** Strings at least this long are stored raw. */
const rawFrom = 256;

type Path = ReadonlyArray<string | number>;

interface Header {
  readonly identity: unknown;
  readonly key: unknown;
  readonly value: unknown;
  readonly raw: ReadonlyArray<readonly [Path, number]>;
}

/** The file text for `value` stored under `key` by the code `identity`. */
export function encodeEntry(identity: string, key: string, value: unknown): string {
  return encodeEntryParts(identity, key, value).join("");
}

/**
 * `encodeEntry`'s text in parts, one after another: the header, then the long strings as
 * they are. A store that writes the parts one by one makes no copy of a page's HTML.
 */
export function encodeEntryParts(identity: string, key: string, value: unknown): string[] {
  const raw: Array<[Path, number]> = [];
  const strings: string[] = [];
  const lifted = lift(value, [], (path, text) => {
    raw.push([path, text.length]);
    strings.push(text);
  });
  const header: Header = { identity, key, value: lifted, raw };
  const body = [`${JSON.stringify(header)}\n`, ...strings];
  // Hashed part by part as UTF-8, exactly the bytes the file will hold: no copy of a page is made.
  const hash = createHash("sha256");
  for (const part of body) hash.update(part, "utf8");
  return [`${entryFormat} ${hash.digest("hex")}\n`, ...body];
}

/** A decoded entry: the code that made it, its key and its value. */
export interface DecodedEntry {
  readonly identity: unknown;
  readonly key: unknown;
  readonly value: unknown;
}

/**
 * The identity, key and value in a file's bytes (or text); undefined when it is not a whole
 * entry of this format whose checksum matches. Never throws.
 */
export function decodeEntry(data: Uint8Array | string): DecodedEntry | undefined {
  const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const lineEnd = bytes.subarray(0, firstLineLimit).indexOf(0x0a);
  if (lineEnd === -1) return undefined;
  const [format, checksum, ...rest] = bytes.toString("latin1", 0, lineEnd).split(" ");
  if (format !== entryFormat || rest.length > 0 || checksum === undefined) return undefined;
  const body = bytes.subarray(lineEnd + 1);
  if (createHash("sha256").update(body).digest("hex") !== checksum) return undefined;
  try {
    return decodeBody(body.toString("utf8"));
  } catch {
    return undefined; // a checksum made by someone else over bytes that are not an entry
  }
}

/** Whether a file's bytes start like an entry of another version of the format (an older daylight's). */
export function isOtherFormatEntry(data: Uint8Array): boolean {
  const start = Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString("latin1", 0, entryFormat.length + 1);
  return start.startsWith(entryFormatFamily) && start !== `${entryFormat} `;
}

/** The header and raw strings after the first line. */
function decodeBody(text: string): DecodedEntry | undefined {
  const headerEnd = text.indexOf("\n");
  if (headerEnd === -1) return undefined;
  const header = JSON.parse(text.slice(0, headerEnd)) as Partial<Header> | null;
  if (typeof header !== "object" || header === null || !Array.isArray(header.raw) || !("value" in header)) return undefined;
  let at = headerEnd + 1;
  let value = header.value;
  for (const item of header.raw) {
    if (!Array.isArray(item) || !Array.isArray(item[0]) || !Number.isSafeInteger(item[1]) || item[1] < 0) return undefined;
    const [path, length] = item as [Path, number];
    if (at + length > text.length) return undefined; // truncated
    value = place(value, path, text.slice(at, at + length));
    if (value === undefined) return undefined;
    at += length;
  }
  return at === text.length ? { identity: header.identity, key: header.key, value } : undefined;
}

// String.prototype.isWellFormed (Node 20) is newer than the ES library this project types against.
const isWellFormed = (text: string): boolean => (text as string & { isWellFormed(): boolean }).isWellFormed();

/** A copy of `value` in which every long, well-formed string is "" and handed to `take`. */
function lift(value: unknown, path: Path, take: (path: Path, text: string) => void): unknown {
  if (typeof value === "string") {
    if (value.length < rawFrom || !isWellFormed(value)) return value;
    take(path, value);
    return "";
  }
  if (Array.isArray(value)) return value.map((item, i) => lift(item, [...path, i], take));
  if (typeof value === "object" && value !== null) {
    // toJSON (Dates) first, as JSON.stringify would.
    if ("toJSON" in value && typeof value.toJSON === "function") return value.toJSON() as unknown;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, lift(v, [...path, k], take)]));
  }
  return value;
}

/** `value` with `text` at `path`, where the header left "" (anything else means the file is not ours). */
function place(value: unknown, path: Path, text: string): unknown {
  if (path.length === 0) return value === "" ? text : undefined;
  let parent = value;
  for (const step of path.slice(0, -1)) {
    if (typeof parent !== "object" || parent === null) return undefined;
    parent = (parent as Record<string | number, unknown>)[step];
  }
  const last = path.at(-1) as string | number;
  if (typeof parent !== "object" || parent === null || (parent as Record<string | number, unknown>)[last] !== "") return undefined;
  (parent as Record<string | number, unknown>)[last] = text;
  return value;
}
