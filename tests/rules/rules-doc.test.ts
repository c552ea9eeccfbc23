import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { rulesTable } from "../../src/rules/rules-table.js";

const doc = readFileSync(join(import.meta.dirname, "../../docs/rules.md"), "utf8");

describe("docs/rules.md", () => {
  it("holds the registry's table of every rule, default severity and meaning", () => {
    const table = /<!-- rules-table:start -->\n([\s\S]*?)\n<!-- rules-table:end -->/.exec(doc)?.[1];
    // When this fails, replace the table with the output of rulesTable() (lib/rules/rules-table.js).
    expect(table).toBe(rulesTable());
  });

  it("is linked from the README", () => {
    expect(readFileSync(join(import.meta.dirname, "../../README.md"), "utf8")).toContain("(docs/rules.md)");
  });
});
