import { describe, expect, it } from "vitest";
import { groupByYear } from "../../src/site/archive.js";

const post = (name: string, iso: string | null) => ({ name, published: iso === null ? null : new Date(iso) });

describe("groupByYear", () => {
  it("groups newest year first, keeping each year's posts in the given order", () => {
    const posts = [post("c", "2025-02-01T00:00:00Z"), post("b", "2025-01-01T12:00:00Z"), post("a", "2023-07-01T00:00:00Z")];
    expect(groupByYear(posts, "UTC").map((g) => [g.year, g.posts.map((p) => p.name)])).toEqual([[2025, ["c", "b"]], [2023, ["a"]]]);
  });

  it("files posts by the site's time zone, and undated drafts first", () => {
    const newYearsEve = post("eve", "2024-12-31T23:30:00Z");
    expect(groupByYear([newYearsEve], "UTC")[0]?.year).toBe(2024);
    expect(groupByYear([newYearsEve], "Europe/Berlin")[0]?.year).toBe(2025);
    expect(groupByYear([post("old", "2020-01-01T00:00:00Z"), post("draft", null)], "UTC").map((g) => g.year)).toEqual([null, 2020]);
  });

  it("gives an empty archive for no posts", () => {
    expect(groupByYear([], "UTC")).toEqual([]);
  });
});
