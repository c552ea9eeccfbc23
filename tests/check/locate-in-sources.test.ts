import { describe, expect, it } from "vitest";
import { locateInSources } from "../../src/check/locate-in-sources.js";

const post = { path: "posts/a.md", text: "!! title: A\n\nSee [b](/nowhere-else) and [c](/nowhere) or <a href=\"/raw\">x</a>.\n" };
const locate = locateInSources(new Map([["posts/a/index.html", post]]));

describe("locating a page's reference in its post", () => {
  it("finds the URL where the post writes it (a link at its start: `[`, or `<` in raw HTML), not inside a longer one", () => {
    expect(locate("posts/a/index.html", "/nowhere")).toEqual({ file: "posts/a.md", at: { line: 3, column: 28 } });
    expect(locate("posts/a/index.html", "/raw")).toEqual({ file: "posts/a.md", at: { line: 3, column: 45 } });
  });

  it("gives up on a URL the build rewrote, and on pages no post made", () => {
    expect(locate("posts/a/index.html", "/posts/b/")).toBeUndefined();
    expect(locate("tags/x/index.html", "/nowhere")).toBeUndefined();
  });

  it("reports a reference definition's URL where the post uses the label, with the definition's line in a note", () => {
    const text = "!! title: R\n\nSee [the docs][D] and ![a chart][c].\nAgain [d][].\n\n[d]: /docs/nope \"Docs\"\n  [C]: </img/chart.png>\n";
    const located = locateInSources(new Map([["posts/r/index.html", { path: "posts/r.md", text }]]));
    expect(located("posts/r/index.html", "/docs/nope")).toEqual({
      file: "posts/r.md", at: { line: 3, column: 5 }, note: "the link's definition `[d]` is on line 6",
    });
    expect(located("posts/r/index.html", "/img/chart.png")).toEqual({
      file: "posts/r.md", at: { line: 3, column: 23 }, note: "the link's definition `[C]` is on line 7",
    });
  });

  it("finds collapsed and shortcut uses, and falls back to the definition when the label is unused", () => {
    const text = "Intro [Docs] here.\n\n[docs]: /docs/\n[unused]: /gone/\n";
    const located = locateInSources(new Map([["posts/s/index.html", { path: "posts/s.md", text }]]));
    expect(located("posts/s/index.html", "/docs/")?.at).toEqual({ line: 1, column: 7 });
    expect(located("posts/s/index.html", "/gone/")?.at).toEqual({ line: 4, column: 11 });
  });
});
