import { describe, expect, it } from "vitest";
import { parsePostLink } from "../../src/markdown/parse-post-link.js";

describe("parsePostLink", () => {
  it.each([
    ["./posts/a-b", "a-b", "", undefined],
    ["posts/a-b", "a-b", "", undefined],
    ["/posts/a-b/", "a-b", "", undefined],
    ["./posts/a-b.md", "a-b", "", undefined],
    ["posts/a-b.markdown", "a-b", "", undefined],
    ["/posts/a-b.txt", "a-b", "", undefined],
    ["./posts/a-b.html?x=1&y=2#part-2", "a-b", "?x=1&y=2", "part-2"],
    ["/posts/a-b/#", "a-b", "", undefined],
  ])("%s", (url, slug, query, fragment) => {
    expect(parsePostLink(url)).toEqual({ slug, query, fragment });
  });

  it.each(["./posts/img/plot.png", "posts/x.png", "/posts/", "../posts/a", "https://x.org/posts/a", "#posts/a"])(
    "%s is not a post link",
    (url) => expect(parsePostLink(url)).toBeUndefined(),
  );
});
