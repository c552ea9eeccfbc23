import { describe, expect, it } from "vitest";
import { locateInSources } from "../../src/check/locate-in-sources.js";

const post = { path: "posts/a.md", text: "!! title: A\n\nSee [b](/nowhere-else) and [c](/nowhere) or <a href=\"/raw\">x</a>.\n" };
const locate = locateInSources(new Map([["posts/a/index.html", post]]));

describe("locating a page's reference in its post", () => {
  it("finds the URL where the post writes it, not inside a longer one", () => {
    expect(locate("posts/a/index.html", "/nowhere")).toEqual({ file: "posts/a.md", at: { line: 3, column: 32 } });
    expect(locate("posts/a/index.html", "/raw")).toEqual({ file: "posts/a.md", at: { line: 3, column: 54 } });
  });

  it("gives up on a URL the build rewrote, and on pages no post made", () => {
    expect(locate("posts/a/index.html", "/posts/b/")).toBeUndefined();
    expect(locate("tags/x/index.html", "/nowhere")).toBeUndefined();
  });
});
