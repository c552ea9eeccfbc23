import { describe, expect, it } from "vitest";
import { decodeEntry, encodeEntry, entryFormat } from "../../src/cache/entry-codec.js";

const long = (seed: string) => seed.repeat(300);

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
    expect(text.startsWith(`${entryFormat}\n{`)).toBe(true);
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
    // A header that places a raw string where the value holds something else.
    const header = JSON.stringify({ identity: "id", key: "key", value: { html: "not empty" }, raw: [[["html"], 3]] });
    expect(decodeEntry(`${entryFormat}\n${header}\nabc`)).toBeUndefined();
    const bad = JSON.stringify({ identity: "id", key: "key", value: { html: "" }, raw: [[["html"], -1]] });
    expect(decodeEntry(`${entryFormat}\n${bad}\n`)).toBeUndefined();
  });
});
