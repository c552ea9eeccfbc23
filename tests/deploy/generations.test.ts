import { describe, expect, it } from "vitest";
import { checkSite } from "../../src/check/check-site.js";
import { memorySiteFiles } from "../../src/check/site-files.js";
import { generation } from "./generations.js";

describe("the hand-built generations used by the deploy tests", () => {
  it.each([0, 1, 2])("generation %i passes daylight check, at the root and below a base path", (k) => {
    expect(checkSite(memorySiteFiles(generation(k)), { strict: true })).toEqual([]);
    expect(checkSite(memorySiteFiles(generation(k, "https://example.com/blog/")), { strict: true })).toEqual([]);
  });
});
