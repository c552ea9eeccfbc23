import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decodeEntry, encodeEntry, entryFormat, isOtherFormatEntry } from "../../src/cache/entry-codec.js";

const long = (seed: string) => seed.repeat(300);

/** `body` as an entry file with a checksum that matches it: what is left to check is the body itself. */
const withChecksum = (body: string) => `${entryFormat} ${createHash("sha256").update(body).digest("hex")}\n${body}`;

/** `text` with `count` characters from `at` replaced by as many others, the same length in bytes. */
function flipped(text: string, at: number, count = 1): string {
  const flip = (c: string) => (c === "x" ? "y" : "x");
  return text.slice(0, at) + [...text.slice(at, at + count)].map(flip).join("") + text.slice(at + count);
}

describe("the cache entry codec", () => {
  it("gives back the value, long strings stored raw after a JSON header", () => {
    const value = {
      html: long("<p class=\"x\">“quoted” é 😀\n</p>"),
      short: "kept in the JSON",
      list: [long("a"), 1, null, { deep: [long("\\back\\slash\"")] }],
      empty: "",
      flag: true,
    };
    const text = encodeEntry("id", "key", value);
    expect(text).toMatch(new RegExp(`^${entryFormat} [0-9a-f]{64}\\n\\{`));
    // The HTML is not escaped: it follows the header as written.
    expect(text).toContain(value.html);
    expect(decodeEntry(text)).toEqual({ identity: "id", key: "key", value });
  });

  it("keeps a string with a lone surrogate in the JSON, where it survives", () => {
    const value = { text: `${long("x")}\uD800${long("y")}` };
    const text = encodeEntry("id", "key", value);
    expect(decodeEntry(text)?.value).toEqual(value);
    expect(text).toContain("\\ud800");
  });

  it("stores a long string at the top level too", () => {
    expect(decodeEntry(encodeEntry("id", "k", long("z")))?.value).toBe(long("z"));
  });

  it("refuses a truncated, extended, foreign or inconsistent file instead of guessing", () => {
    const text = encodeEntry("id", "key", { html: long("<b>") });
    expect(decodeEntry(text.slice(0, -1))).toBeUndefined();
    expect(decodeEntry(`${text}!`)).toBeUndefined();
    expect(decodeEntry(text.replace(entryFormat, "daylight-cache-entry/1"))).toBeUndefined();
    expect(decodeEntry(JSON.stringify({ format: "daylight-cache-entry/1", value: 1 }))).toBeUndefined();
    // Checksums that match, over bodies that are not entries.
    const header = JSON.stringify({ identity: "id", key: "key", value: { html: "not empty" }, raw: [[["html"], 3]] });
    expect(decodeEntry(withChecksum(`${header}\nabc`))).toBeUndefined();
    const bad = JSON.stringify({ identity: "id", key: "key", value: { html: "" }, raw: [[["html"], -1]] });
    expect(decodeEntry(withChecksum(`${bad}\n`))).toBeUndefined();
    expect(decodeEntry(withChecksum("{not json\n"))).toBeUndefined();
    // ...and the same body under its right checksum is an entry: the checks above are the body's.
    const good = JSON.stringify({ identity: "id", key: "key", value: { html: "" }, raw: [[["html"], 3]] });
    expect(decodeEntry(withChecksum(`${good}\nabc`))?.value).toEqual({ html: "abc" });
  });

  it("refuses an entry with bytes changed anywhere, same length, that would still decode", () => {
    const value = { html: long("x"), title: "short x title" };
    const text = encodeEntry("id", "key", value);
    const body = text.indexOf("\n") + 1;
    // Four letters of the HTML, one letter of the JSON header: still well-formed, the wrong value.
    for (const [at, count] of [[text.lastIndexOf("x") - 10, 4], [text.indexOf("short x") + 6, 1]] as const) {
      const changed = flipped(text, at, count);
      expect(changed).toHaveLength(text.length);
      expect(decodeEntry(withChecksum(changed.slice(body)))?.value, "decodes without the checksum").not.toEqual(value);
      expect(decodeEntry(changed)).toBeUndefined();
    }
    // A changed checksum is refused too.
    expect(decodeEntry(flipped(text, entryFormat.length + 1))).toBeUndefined();
    expect(decodeEntry(Buffer.from(text))?.value).toEqual(value);
  });

  it("tells an older format's entry (a plain miss) from a damaged one of this format", () => {
    const text = encodeEntry("id", "key", "v");
    expect(isOtherFormatEntry(Buffer.from(`daylight-cache-entry/2\n{}\n`))).toBe(true);
    expect(isOtherFormatEntry(Buffer.from(flipped(text, text.length - 1)))).toBe(false);
    expect(isOtherFormatEntry(Buffer.from("garbage"))).toBe(false);
  });
});
