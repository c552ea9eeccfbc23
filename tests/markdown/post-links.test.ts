import { describe, expect, it } from "vitest";
import { renderPost } from "../../src/markdown/render-post.js";
import { makeContext, makePost } from "./make-post.js";

const context = makeContext({ basePath: "/blog/", slugs: ["blue-green-basics", "edd-for-ha"] });
const hrefOf = (url: string) => /href="([^"]*)"/.exec(renderPost(makePost(`[x](${url})`), context).html)?.[1];

describe("post links", () => {
  it.each([
    ["./posts/blue-green-basics", "/blog/posts/blue-green-basics/"],
    ["posts/blue-green-basics", "/blog/posts/blue-green-basics/"],
    ["/posts/blue-green-basics/", "/blog/posts/blue-green-basics/"],
    ["./posts/blue-green-basics.md", "/blog/posts/blue-green-basics/"],
    ["./posts/blue-green-basics.markdown", "/blog/posts/blue-green-basics/"],
    ["posts/blue-green-basics.txt", "/blog/posts/blue-green-basics/"],
    ["/posts/blue-green-basics.html", "/blog/posts/blue-green-basics/"],
    ["./posts/blue-green-basics?ref=x#setup", "/blog/posts/blue-green-basics/?ref=x#setup"],
    ["/posts/edd-for-ha/#why", "/blog/posts/edd-for-ha/#why"],
  ])("rewrites %s", (url, expected) => {
    expect(hrefOf(url)).toBe(expected);
  });

  it("rewrites images and definitions and records each link", () => {
    const text = "Intro\n\n![diagram](./posts/edd-for-ha) and [ref][r]\n\n[r]: /posts/blue-green-basics#setup\n";
    const rendered = renderPost(makePost(text), context);
    expect(rendered.html).toContain('<img src="/blog/posts/edd-for-ha/" alt="diagram" loading="lazy" decoding="async">');
    expect(rendered.html).toContain('<a href="/blog/posts/blue-green-basics/#setup">ref</a>');
    expect(rendered.postLinks).toEqual([
      { slug: "edd-for-ha", fragment: undefined, line: 3, column: 1 },
      { slug: "blue-green-basics", fragment: "setup", line: 5, column: 1 },
    ]);
    expect(rendered.diagnostics).toEqual([]);
  });

  it("reports an unknown slug as an error at its line and column, with the nearest slug", () => {
    const text = "!! title: T\n\n---\n\nSee  [the setup](./posts/blue-green-basic?x#y).\n";
    const rendered = renderPost(makePost(text, { path: "posts/2024/t.md" }), context);
    expect(rendered.diagnostics).toMatchObject([
      { severity: "error", rule: "broken-post-link", file: "posts/2024/t.md", line: 5, column: 6, hint: "did you mean `blue-green-basics`?" },
    ]);
    expect(rendered.html).toContain('href="/blog/posts/blue-green-basic/?x#y"');
    expect(rendered.postLinks).toEqual([{ slug: "blue-green-basic", fragment: "y", line: 5, column: 6 }]);
  });

  it("suggests the slug with or without a date prefix, or one that contains the name", () => {
    const dated = makeContext({ slugs: ["2024-05-01-hello", "release-notes-v2", "world"] });
    const hintOf = (url: string) => renderPost(makePost(`[x](${url})`), dated).diagnostics[0]?.hint;
    expect(hintOf("./posts/hello")).toBe("did you mean `2024-05-01-hello`?");
    expect(hintOf("./posts/2023-01-01-world")).toBe("did you mean `world`?");
    expect(hintOf("./posts/release-notes")).toBe("did you mean `release-notes-v2`?");
  });

  it("gives no suggestion when no slug is close", () => {
    const [diagnostic] = renderPost(makePost("[x](./posts/zzz)"), context).diagnostics;
    expect(diagnostic?.rule).toBe("broken-post-link");
    expect(diagnostic?.hint).not.toMatch(/did you mean/);
  });

  it("rewrites post links written in raw HTML", () => {
    const rendered = renderPost(makePost('<a href="./posts/edd-for-ha#x">x</a>\n'), context);
    expect(rendered.html).toContain('<a href="/blog/posts/edd-for-ha/#x">x</a>');
    expect(rendered.postLinks).toEqual([{ slug: "edd-for-ha", fragment: "x", line: 1, column: 1 }]);
  });

  it("leaves external, mailto and fragment-only links alone", () => {
    expect(hrefOf("https://example.com/posts/a")).toBe("https://example.com/posts/a");
    expect(hrefOf("mailto:me@example.com")).toBe("mailto:me@example.com");
    expect(hrefOf("#section")).toBe("#section");
    expect(hrefOf("//cdn.example.com/x.js")).toBe("//cdn.example.com/x.js");
  });
});
