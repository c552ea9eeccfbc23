import { describe, expect, it } from "vitest";
import { positionAt } from "../../src/diagnostics.js";
import { parseBangHeader } from "../../src/content/parse-bang-header.js";
import { blankRange } from "../../src/content/raw-fields.js";

const rules = (ds: readonly { rule: string; line?: number; column?: number }[]) =>
  ds.map((d) => [d.rule, d.line, d.column]);

/** The header with the body it leaves: the text blanked up to where the body starts. */
const withBody = (text: string, file: string) => {
  const header = parseBangHeader(text, file);
  return { ...header, body: blankRange(text, 0, header.bodyStart) };
};

describe("parseBangHeader", () => {
  it("reads keys case-insensitively, trims values and keeps colons in them", () => {
    const { fields, diagnostics } = parseBangHeader("!! Title:   Ratio: 3:1  \n!! published: 2025-03-14\n\nBody", "a.md");
    expect(diagnostics).toEqual([]);
    expect(fields.get("title")).toMatchObject({ key: "Title", value: "Ratio: 3:1", line: 1, column: 13 });
    expect(fields.get("published")).toMatchObject({ value: "2025-03-14", line: 2, column: 15 });
  });

  it("accepts a BOM and CRLF, and counts columns without the BOM", () => {
    const text = "\uFEFF!! title: Hello\r\n!! slug: hi\r\n\r\n---\r\n\r\nBody text\r\n";
    const { fields, body, diagnostics } = withBody(text, "a.md");
    expect(diagnostics).toEqual([]);
    expect(fields.get("title")).toMatchObject({ value: "Hello", line: 1, column: 11 });
    expect(fields.get("slug")).toMatchObject({ value: "hi" });
    expect(body.length).toBe(text.length);
    expect(body.startsWith(" ")).toBe(true);
    expect(body).not.toContain("---");
    expect(body).not.toContain("!!");
    expect(body.split("\r\n").length).toBe(text.split("\r\n").length);
    expect(body.endsWith("Body text\r\n")).toBe(true);
  });

  it("blanks the header and the separator, keeping every body position true", () => {
    const text = ["!! title: T", "!! published: 2025-03-14", "", "", "---", "", "  word here", "---", "after"].join("\n");
    const { body } = withBody(text, "a.md");
    const offset = body.indexOf("word");
    expect(positionAt(body, offset)).toEqual({ line: 7, column: 3 });
    expect(positionAt(text, text.indexOf("word"))).toEqual({ line: 7, column: 3 });
    expect(body.trim().startsWith("word here")).toBe(true);
    // Only the first `---` after the header is a separator; a later one is body.
    expect(body).toContain("---\nafter");
  });

  it("treats a `---` that does not follow the header (after text) as body", () => {
    const { body } = withBody("!! title: T\nText\n---\n", "a.md");
    expect(body).toBe("           \nText\n---\n");
  });

  it("ends the header at the first line not starting with !!", () => {
    const { fields, body } = withBody("!! title: T\nplain\n!! slug: late\n", "a.md");
    expect([...fields.keys()]).toEqual(["title"]);
    expect(body).toContain("!! slug: late");
  });

  it("reports a header line without a colon at that line", () => {
    const { diagnostics, fields } = parseBangHeader("!! title: T\n!! published 2025-03-14\n", "a.md");
    expect(rules(diagnostics)).toEqual([["header-syntax", 2, 13]]);
    expect(fields.has("published")).toBe(false);
  });

  it("reports a bad key at the offending character", () => {
    expect(rules(parseBangHeader("!! my key: v\n", "a.md").diagnostics)).toEqual([["header-syntax", 1, 6]]);
    expect(rules(parseBangHeader("!! tít: v\n", "a.md").diagnostics)).toEqual([["header-syntax", 1, 5]]);
    expect(rules(parseBangHeader("!! : v\n", "a.md").diagnostics)).toEqual([["header-syntax", 1, 4]]);
    expect(rules(parseBangHeader("!!\n", "a.md").diagnostics)).toEqual([["header-syntax", 1, 3]]);
  });

  it("reports a key given twice at the second, naming the first line", () => {
    const { diagnostics, fields } = parseBangHeader("!! title: A\n!! slug: a\n!! TITLE: B\n", "a.md");
    expect(rules(diagnostics)).toEqual([["duplicate-key", 3, 4]]);
    expect(diagnostics[0]?.hint).toContain("line 1");
    expect(fields.get("title")?.value).toBe("A");
  });

  it("accepts keys with digits, - and _, and empty values", () => {
    const { fields, diagnostics } = parseBangHeader("!! og_image-2: x.png\n!! description:\n", "a.md");
    expect(diagnostics).toEqual([]);
    expect(fields.get("og_image-2")?.value).toBe("x.png");
    expect(fields.get("description")).toMatchObject({ value: "", line: 2, column: 4 });
  });

  it("handles a header-only file and a huge line without trouble", () => {
    expect(withBody("!! title: T", "a.md").body).toBe("           ");
    const huge = "!! title: " + "x".repeat(1_000_000);
    const started = Date.now();
    expect(parseBangHeader(huge, "a.md").fields.get("title")?.value).toHaveLength(1_000_000);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("names whitespace before `!!` and still reads the line, so nothing else is reported", () => {
    const { fields, diagnostics } = parseBangHeader("!! title: T\n\t!! published: 2025-03-14\n  !! tags: a\n\nBody", "a.md");
    expect(rules(diagnostics)).toEqual([["header-syntax", 2, 1], ["header-syntax", 3, 1]]);
    expect(diagnostics[0]?.message).toMatch(/^a tab before `!!`/);
    expect(diagnostics[1]?.message).toMatch(/^spaces before `!!`/);
    expect(fields.get("published")).toMatchObject({ value: "2025-03-14", line: 2, column: 16, keyColumn: 5 });
    expect(rules(parseBangHeader("\t!! title: T\n\t!! title: U\n", "a.md").diagnostics))
      .toEqual([["header-syntax", 1, 1], ["header-syntax", 2, 1], ["duplicate-key", 2, 5]]);
  });
});
