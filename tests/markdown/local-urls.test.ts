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
    "posts/2024/clip.mp4": "/blog/posts/plot-post/clip.aa11.mp4",
    "posts/2024/clip.jpg": "/blog/posts/plot-post/clip.bb22.jpg",
    "posts/2024/clip.vtt": "/blog/posts/plot-post/clip.cc33.vtt",
    "posts/2024/doc.svg": "/blog/posts/plot-post/doc.dd44.svg",
  },
});
const withPages = { ...context, pages: new Set(["about/", "now/"]) };
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

  it("gives the pages the build writes the base path", () => {
    const page = (url: string) => resolveLocalUrl(url, "posts/2024/plot-post.md", withPages);
    expect(page("/about/")).toEqual({ kind: "page", url: "/blog/about/" });
    expect(page("now#today")).toEqual({ kind: "page", url: "/blog/now#today" });
    expect(resolve("/tags/devops")).toEqual({ kind: "page", url: "/blog/tags/devops" });
    expect(resolve("/tags/devops/page/2/")).toEqual({ kind: "page", url: "/blog/tags/devops/page/2/" });
    expect(resolve("/tags/devops/atom.xml")).toEqual({ kind: "page", url: "/blog/tags/devops/atom.xml" });
    expect(resolve("/archive/index.html")).toEqual({ kind: "page", url: "/blog/archive/index.html" });
    expect(resolve("/page/3/")).toEqual({ kind: "page", url: "/blog/page/3/" });
    expect(resolve("/")).toEqual({ kind: "page", url: "/blog/" });
    const redirecting = { ...context, config: { ...context.config, redirects: { "/2019/old-post": "/posts/new/", "/old.html": "/" } } };
    expect(resolveLocalUrl("/2019/old-post/#x", "posts/a.md", redirecting)).toEqual({ kind: "page", url: "/blog/2019/old-post/#x" });
    expect(resolveLocalUrl("/old.html", "posts/a.md", redirecting)).toEqual({ kind: "page", url: "/blog/old.html" });
  });

  it("leaves a path that names nothing of the build as written, without a word", () => {
    expect(resolve("foo")).toEqual({ kind: "unresolved" });
    expect(resolve("/about/")).toEqual({ kind: "unresolved" }); // no such page in this context
    expect(resolve("/docs/api/")).toEqual({ kind: "unresolved" });
    expect(resolve("/page/1/")).toEqual({ kind: "unresolved" }); // page 1 is the home page itself
    expect(resolve("/blog/about/")).toEqual({ kind: "unresolved" }); // the base path, then no page
  });

  it("knows a root URL written with the base path already", () => {
    const page = (url: string) => resolveLocalUrl(url, "posts/2024/plot-post.md", withPages);
    expect(resolve("/blog/images/x.png?v=1")).toMatchObject({ kind: "asset", key: "public/images/x.png", url: "/blog/images/x.png?v=1" });
    expect(page("/blog/about/")).toEqual({ kind: "page", url: "/blog/about/" });
    expect(resolve("/blog/feed.xml")).toEqual({ kind: "page", url: "/blog/feed.xml" });
  });

  it("knows the files every build generates, such as the feeds", () => {
    expect(resolve("/feed.xml")).toEqual({ kind: "page", url: "/blog/feed.xml" });
    expect(resolve("/atom.xml?x=1")).toEqual({ kind: "page", url: "/blog/atom.xml?x=1" });
    expect(resolve("/sitemap.xml")).toEqual({ kind: "page", url: "/blog/sitemap.xml" });
    expect(resolve("/feeds.xml")).toMatchObject({ kind: "missing" });
  });

  it("reports files that exist nowhere", () => {
    expect(resolve("./img/nope.png")).toEqual({ kind: "missing", looked: ["posts/2024/img/nope.png", "public/img/nope.png"] });
    expect(resolve("../../../etc/passwd.txt")).toMatchObject({ kind: "missing" });
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
    expect(rendered.html).toContain('<a href="/about/">About</a> <a href="https://x.org/a.png">ext</a>');
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
    expect(rendered.html).toContain('src="./img/gone.png"');
    expect(rendered.html).toContain('src="/images/gone.jpg"');
    expect(rendered.assets).toEqual([]);
  });

  it("leaves a URL that resolves to nothing exactly as written, in Markdown and raw HTML", () => {
    const text = '[x](foo) [y](/docs/a/ "t") [z](<b c>) ![i](a%20b)\n\n<a href="bar">bar</a> <img src="baz" srcset="q  1x,r 2x">\n';
    const rendered = render(text);
    expect(rendered.html).toContain('<a href="foo">x</a> <a href="/docs/a/" title="t">y</a> <a href="b%20c">z</a>');
    expect(rendered.html).toContain('<a href="bar">bar</a> <img src="baz" srcset="q  1x,r 2x"');
    expect(rendered.diagnostics).toEqual([]);
    expect(rendered.assets).toEqual([]);
  });

  it("rewrites a link to a standalone page", () => {
    const rendered = renderPost(makePost("[me](/about/) [now](now/) <a href=\"/about/#x\">a</a>\n", { path: "posts/2024/plot-post.md" }), withPages);
    expect(rendered.html).toContain('<a href="/blog/about/">me</a> <a href="/blog/now/">now</a> <a href="/blog/about/#x">a</a>');
  });

  it("publishes and rewrites every URL attribute of raw HTML: poster, track, object data", () => {
    const text = [
      '<video src="./clip.mp4" poster="./clip.jpg"><source src="clip.mp4" type="video/mp4"><track src="clip.vtt"></video>',
      '<object data="doc.svg"></object> <blockquote cite="./clip.jpg">q</blockquote> <p data="doc.svg">not a URL here</p>',
      "",
    ].join("\n");
    const rendered = render(text);
    expect(rendered.html).toContain('<video src="/blog/posts/plot-post/clip.aa11.mp4" poster="/blog/posts/plot-post/clip.bb22.jpg">');
    expect(rendered.html).toContain('<source src="/blog/posts/plot-post/clip.aa11.mp4" type="video/mp4"><track src="/blog/posts/plot-post/clip.cc33.vtt">');
    expect(rendered.html).toContain('<object data="/blog/posts/plot-post/doc.dd44.svg"></object>');
    expect(rendered.html).toContain('<blockquote cite="/blog/posts/plot-post/clip.bb22.jpg">');
    expect(rendered.html).toContain('<p data="doc.svg">');
    expect(rendered.assets).toEqual(["posts/2024/clip.jpg", "posts/2024/clip.mp4", "posts/2024/clip.vtt", "posts/2024/doc.svg"]);
  });
});
