import { describe, expect, it } from "vitest";
import { renderPost } from "../../src/markdown/render-post.js";
import { resolveLocalUrl } from "../../src/markdown/resolve-local-url.js";
import { makeContext, makePost } from "./make-post.js";

const context = makeContext({
  basePath: "/blog/",
  assets: {
    "posts/2024/img/plot.png": "/blog/posts/plot-post/plot.3f2a91.png",
    "posts/2024/data.csv": "/blog/posts/plot-post/data.77aa01.csv",
    "public/images/x.png": "/blog/images/x.png",
    "public/images/x@2x.png": "/blog/images/x@2x.png",
    "public/files/my report.pdf": "/blog/files/my report.pdf",
  },
});
const render = (text: string) => renderPost(makePost(text, { path: "posts/2024/plot-post.md" }), context);

describe("resolveLocalUrl", () => {
  const resolve = (url: string) => resolveLocalUrl(url, "posts/2024/plot-post.md", context);

  it("prefers a file next to the post", () => {
    expect(resolve("./img/plot.png")).toMatchObject({ kind: "asset", key: "posts/2024/img/plot.png", url: "/blog/posts/plot-post/plot.3f2a91.png" });
    expect(resolve("img/plot.png?v=2#top")).toMatchObject({ kind: "asset", url: "/blog/posts/plot-post/plot.3f2a91.png?v=2#top" });
  });

  it("falls back to public/ from the site root", () => {
    expect(resolve("./images/x.png")).toMatchObject({ kind: "asset", key: "public/images/x.png", url: "/blog/images/x.png" });
    expect(resolve("/images/x.png")).toMatchObject({ kind: "asset", key: "public/images/x.png" });
    expect(resolve("/files/my%20report.pdf")).toMatchObject({ kind: "asset", key: "public/files/my report.pdf" });
  });

  it("gives extension-less site paths the base path without a warning", () => {
    expect(resolve("/about/")).toEqual({ kind: "page", url: "/blog/about/" });
    expect(resolve("/tags/devops")).toEqual({ kind: "page", url: "/blog/tags/devops" });
    expect(resolve("/")).toEqual({ kind: "page", url: "/blog/" });
  });

  it("knows the files every build generates, such as the feeds", () => {
    expect(resolve("/feed.xml")).toEqual({ kind: "page", url: "/blog/feed.xml" });
    expect(resolve("/atom.xml?x=1")).toEqual({ kind: "page", url: "/blog/atom.xml?x=1" });
    expect(resolve("/sitemap.xml")).toEqual({ kind: "page", url: "/blog/sitemap.xml" });
    expect(resolve("/feeds.xml")).toMatchObject({ kind: "missing" });
  });

  it("reports files that exist nowhere", () => {
    expect(resolve("./img/nope.png")).toEqual({
      kind: "missing",
      url: "/blog/img/nope.png",
      looked: ["posts/2024/img/nope.png", "public/img/nope.png"],
    });
    expect(resolve("../../../etc/passwd.txt")).toMatchObject({ kind: "missing", url: "../../../etc/passwd.txt" });
  });

  it.each(["https://x.org/a.png", "//x.org/a.png", "mailto:a@b.c", "tel:+123", "data:image/png;base64,AAAA", "#frag", ""])(
    "leaves %s alone",
    (url) => expect(resolve(url)).toEqual({ kind: "external" }),
  );
});

describe("local URLs in posts", () => {
  it("rewrites Markdown images, links and definitions and records the assets", () => {
    const text = "![plot](./img/plot.png) [data](data.csv) ![x][x]\n\n[x]: /images/x.png\n";
    const rendered = render(text);
    expect(rendered.html).toContain('<img src="/blog/posts/plot-post/plot.3f2a91.png" alt="plot" loading="lazy" decoding="async">');
    expect(rendered.html).toContain('<a href="/blog/posts/plot-post/data.77aa01.csv">data</a>');
    expect(rendered.html).toContain('<img src="/blog/images/x.png" alt="x" loading="lazy" decoding="async">');
    expect(rendered.assets).toEqual(["posts/2024/data.csv", "posts/2024/img/plot.png", "public/images/x.png"]);
    expect(rendered.diagnostics).toEqual([]);
  });

  it("rewrites href, src and srcset in raw HTML", () => {
    const text = [
      "Text.",
      "",
      '<figure><img src="img/plot.png" srcset="/images/x.png 1x, ./images/x@2x.png 2x" alt="">',
      '<figcaption><a href="/about/">About</a> <a href="https://x.org/a.png">ext</a></figcaption></figure>',
      "",
    ].join("\n");
    const rendered = render(text);
    expect(rendered.html).toContain(
      '<img src="/blog/posts/plot-post/plot.3f2a91.png" srcset="/blog/images/x.png 1x, /blog/images/x@2x.png 2x" alt="" loading="lazy" decoding="async">',
    );
    expect(rendered.html).toContain('<a href="/blog/about/">About</a> <a href="https://x.org/a.png">ext</a>');
    expect(rendered.assets).toEqual(["posts/2024/img/plot.png", "public/images/x.png", "public/images/x@2x.png"]);
  });

  it("does not rewrite Markdown URLs twice when the post also has raw HTML", () => {
    const rendered = render("<span>hi</span> ![p](/images/x.png)\n");
    expect(rendered.html).toContain('<img src="/blog/images/x.png" alt="p" loading="lazy" decoding="async">');
    expect(rendered.diagnostics).toEqual([]);
  });

  it("leaves links under the site's externalPaths as written, with no diagnostic", () => {
    const external = makeContext({ basePath: "/blog/", config: { externalPaths: ["/docs/", "/api"] } });
    const text = "[a](/docs/guide.html) [b](/docs) [c](/api-v2/x.json?y#z) [d](/other/x.html)\n";
    const rendered = renderPost(makePost(text), external);
    expect(rendered.html).toContain('<a href="/docs/guide.html">a</a> <a href="/docs">b</a> <a href="/api-v2/x.json?y#z">c</a>');
    expect(rendered.diagnostics.map((d) => [d.rule, d.column])).toEqual([["missing-file", 58]]);
  });

  it("reports a missing file as an error at its line and column", () => {
    const text = "!! title: T\n\n---\n\nSee ![gone](./img/gone.png) here.\n\n<p>\n  <img src=\"/images/gone.jpg\">\n</p>\n";
    const rendered = render(text);
    expect(rendered.diagnostics).toMatchObject([
      { severity: "error", rule: "missing-file", file: "posts/2024/plot-post.md", line: 5, column: 5 },
      { severity: "error", rule: "missing-file", file: "posts/2024/plot-post.md", line: 8, column: 3 },
    ]);
    expect(rendered.html).toContain('src="/blog/img/gone.png"');
    expect(rendered.html).toContain('src="/blog/images/gone.jpg"');
    expect(rendered.assets).toEqual([]);
  });
});
