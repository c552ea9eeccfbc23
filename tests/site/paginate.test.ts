import { describe, expect, it } from "vitest";
import { paginate } from "../../src/site/paginate.js";

const numbers = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe("paginate", () => {
  it("gives one empty page for an empty list", () => {
    expect(paginate([], 5, "/")).toEqual([
      { items: [], pageNumber: 1, totalPages: 1, url: "/", outputPath: "index.html", previousUrl: null, nextUrl: null },
    ]);
  });

  it("fits exactly N items on one page", () => {
    const pages = paginate(numbers(5), 5, "/");
    expect(pages).toHaveLength(1);
    expect(pages[0]).toMatchObject({ items: [1, 2, 3, 4, 5], totalPages: 1, nextUrl: null });
  });

  it("puts item N+1 on page 2, under the base path", () => {
    const pages = paginate(numbers(6), 5, "/blog/");
    expect(pages.map((p) => [p.items, p.url, p.outputPath, p.previousUrl, p.nextUrl])).toEqual([
      [[1, 2, 3, 4, 5], "/blog/", "index.html", null, "/blog/page/2/"],
      [[6], "/blog/page/2/", "page/2/index.html", "/blog/", null],
    ]);
    expect(pages.map((p) => [p.pageNumber, p.totalPages])).toEqual([[1, 2], [2, 2]]);
  });

  it("links the middle pages both ways and honours a section prefix", () => {
    const pages = paginate(numbers(7), 3, "/blog", "tags/devops/");
    expect(pages[1]).toMatchObject({
      items: [4, 5, 6],
      url: "/blog/tags/devops/page/2/",
      outputPath: "tags/devops/page/2/index.html",
      previousUrl: "/blog/tags/devops/",
      nextUrl: "/blog/tags/devops/page/3/",
    });
    expect(pages[0]?.outputPath).toBe("tags/devops/index.html");
  });

  it("refuses a page size below 1", () => {
    expect(() => paginate([1], 0, "/")).toThrow(RangeError);
  });
});
