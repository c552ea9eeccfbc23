import { describe, expect, it } from "vitest";
import { positionAt } from "../../src/diagnostics.js";
import { parseYamlHeader } from "../../src/content/parse-yaml-header.js";
import { blankRange } from "../../src/content/raw-fields.js";

const rules = (ds: readonly { rule: string; line?: number; column?: number }[]) =>
  ds.map((d) => [d.rule, d.line, d.column]);

/** The header with the body it leaves: the text blanked up to where the body starts. */
const withBody = (text: string, file: string) => {
  const header = parseYamlHeader(text, file);
  return { ...header, body: blankRange(text, 0, header.bodyStart) };
};

/** Nine levels of nine aliases each: 9⁹ strings once unfolded. */
const billionLaughs = () => {
  const lines = ['lol0: &l0 "lol"'];
  for (let i = 1; i <= 9; i++) lines.push(`lol${i}: &l${i} [${Array.from({ length: 9 }, () => `*l${i - 1}`).join(", ")}]`);
  return ["---", "title: Bomb", ...lines, "---", ""].join("\n");
};

describe("parseYamlHeader", () => {
  it("refuses an alias bomb at the first key that unfolds too far", () => {
    const { fields, diagnostics } = parseYamlHeader(billionLaughs(), "a.md");
    // Aliases of aliases: lol4 unfolds to 9⁴ strings, the first level beyond the limit.
    expect(rules(diagnostics)).toEqual([["yaml-aliases", 7, 7]]);
    expect(fields.size).toBe(0);
  });

  it("refuses an anchor that contains its own alias", () => {
    expect(rules(parseYamlHeader("---\ntitle: T\nloop: &a [x, *a]\n---\n", "a.md").diagnostics)).toEqual([["yaml-aliases", 3, 7]]);
  });

  it("keeps a few reuses of an anchor", () => {
    const text = "---\ntitle: T\nbase: &b { color: red, size: 3 }\none: *b\ntwo: *b\nthree: [*b, *b, *b]\n---\n";
    const { fields, diagnostics } = parseYamlHeader(text, "a.md");
    expect(diagnostics).toEqual([]);
    expect(fields.get("three")?.value).toEqual([{ color: "red", size: 3 }, { color: "red", size: 3 }, { color: "red", size: 3 }]);
  });

  it("reads fields with their positions and blanks the block", () => {
    const text = "---\ntitle: 'Hello: world'\ntags:\n  - a\n  - b\n---\n\n  word\n";
    const { fields, body, diagnostics } = withBody(text, "a.md");
    expect(diagnostics).toEqual([]);
    expect(fields.get("title")).toMatchObject({ value: "Hello: world", line: 2, column: 8 });
    // Unquoted, `: ` inside a value is a YAML error, reported where it is.
    expect(rules(parseYamlHeader("---\ntitle: Hello: world\n---\n", "a.md").diagnostics)).toEqual([["yaml-syntax", 2, 13]]);
    expect(fields.get("tags")).toMatchObject({ value: ["a", "b"], line: 3, column: 1 });
    expect(body.length).toBe(text.length);
    expect(body).not.toContain("---");
    expect(positionAt(body, body.indexOf("word"))).toEqual({ line: 8, column: 3 });
  });

  it("keeps `date` under its own name (post-fields reads it as `published`) and the date as written", () => {
    const { fields } = parseYamlHeader("---\ntitle: T\ndate: 2024-03-05 # comment\n---\n", "a.md");
    expect(fields.get("date")).toMatchObject({ key: "date", value: "2024-03-05", line: 3, column: 7, keyColumn: 1 });
    expect(fields.has("published")).toBe(false);
  });

  it("keeps impossible dates as written instead of YAML's rolled-over Date", () => {
    const { fields } = parseYamlHeader("---\npublished: 2024-13-45\n---\n", "a.md");
    expect(fields.get("published")?.value).toBe("2024-13-45");
  });

  it("keeps the source text of numbers for fields that need text", () => {
    const { fields } = parseYamlHeader("---\ntitle: 10:30\nversion: 1.10\n---\n", "a.md");
    expect(fields.get("title")).toMatchObject({ value: 630, raw: "10:30" });
    expect(fields.get("version")).toMatchObject({ value: 1.1, raw: "1.10" });
  });

  it("reports broken YAML at its true line and column in the file", () => {
    const text = "---\ntitle: ok\ndescription: fine\n  bad: indent\n---\n";
    const { diagnostics } = parseYamlHeader(text, "a.md");
    expect(rules(diagnostics)).toEqual([["yaml-syntax", 4, 6]]);
  });

  it("reports YAML's duplicate keys, and keys equal but for case", () => {
    expect(rules(parseYamlHeader("---\ntitle: a\ntitle: b\n---\n", "a.md").diagnostics)[0]?.slice(0, 2))
      .toEqual(["yaml-syntax", 3]);
    const mixed = parseYamlHeader("---\ntitle: a\nTitle: b\n---\n", "a.md");
    expect(rules(mixed.diagnostics)).toEqual([["duplicate-key", 3, 1]]);
    // In the names written.
    expect(mixed.diagnostics[0]?.message).toContain("`Title`");
  });

  it("works with a BOM and CRLF", () => {
    const text = "\uFEFF---\r\ntitle: T\r\ndate: 2024-03-05\r\n---\r\nBody\r\n";
    const { fields, body, diagnostics } = withBody(text, "a.md");
    expect(diagnostics).toEqual([]);
    expect(fields.get("title")?.value).toBe("T");
    expect(fields.get("date")?.value).toBe("2024-03-05");
    expect(body.endsWith("Body\r\n")).toBe(true);
    expect(body.slice(0, -6).trim()).toBe("");
  });

  it("reports a block that is never closed, or that is not a mapping", () => {
    expect(rules(parseYamlHeader("---\ntitle: T\n", "a.md").diagnostics)).toEqual([["yaml-syntax", 1, 1]]);
    expect(rules(parseYamlHeader("---\n- a\n- b\n---\n", "a.md").diagnostics)).toEqual([["yaml-syntax", 2, 1]]);
  });

  it("accepts an empty block", () => {
    const { fields, diagnostics } = parseYamlHeader("---\n---\nBody", "a.md");
    expect(diagnostics).toEqual([]);
    expect(fields.size).toBe(0);
  });

  it("does not share data between calls (gray-matter's cache)", () => {
    const text = "---\ntags: [a]\n---\n";
    const first = parseYamlHeader(text, "a.md").fields.get("tags")?.value as string[];
    first.push("mutated");
    expect(parseYamlHeader(text, "a.md").fields.get("tags")?.value).toEqual(["a"]);
  });

  it("turns a stack-deep flow into a diagnostic, not an exception", () => {
    const text = "---\nx: " + "[".repeat(50_000) + "\n---\n";
    expect(parseYamlHeader(text, "a.md").diagnostics[0]?.rule).toBe("yaml-syntax");
  });
});
