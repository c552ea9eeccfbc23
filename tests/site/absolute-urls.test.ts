import { describe, expect, it } from "vitest";
import { absolutizeSrcset, absolutizeUrls } from "../../src/site/absolute-urls.js";

const base = "https://example.com/blog/posts/a/";

describe("absolutizeUrls", () => {
  it("resolves site-absolute, relative and fragment URLs against the page", () => {
    const html = '<p><a href="/blog/posts/b/">b</a> <a href="img/x.png">x</a> <a href="#note">n</a> <a href="../c/">c</a></p>';
    expect(absolutizeUrls(html, base)).toBe(
      '<p><a href="https://example.com/blog/posts/b/">b</a> <a href="https://example.com/blog/posts/a/img/x.png">x</a> ' +
        '<a href="https://example.com/blog/posts/a/#note">n</a> <a href="https://example.com/blog/posts/c/">c</a></p>',
    );
  });

  it("keeps URLs that have a scheme, and other attributes", () => {
    const html = '<a href="https://other.org/x?a=1&amp;b=2" class="ext" title="/not/a/url">o</a><a href="mailto:me@x.org">m</a>';
    expect(absolutizeUrls(html, base)).toBe(html);
  });

  it("handles single quotes, entities and src on images", () => {
    expect(absolutizeUrls("<img alt='a > b' src='/blog/i.png?x=1&amp;y=2'>", base)).toBe(
      "<img alt='a > b' src=\"https://example.com/blog/i.png?x=1&amp;y=2\">",
    );
  });

  it("rewrites every candidate of a srcset", () => {
    expect(absolutizeUrls('<img srcset="/a.png 1x, b.png 2x" src="/a.png">', base)).toBe(
      '<img srcset="https://example.com/a.png 1x, https://example.com/blog/posts/a/b.png 2x" src="https://example.com/a.png">',
    );
    expect(absolutizeSrcset("/w_100,h_80/a.jpg 100w,/b.jpg 200w", base)).toBe(
      "https://example.com/w_100,h_80/a.jpg 100w,https://example.com/b.jpg 200w",
    );
  });

  it("rewrites the URL attributes the output check reads, and `data` only on an object", () => {
    const html = '<blockquote cite="/q/"><p>q</p></blockquote><object data="o.svg"></object><div data="x"></div><link imagesrcset="/a.png 2x">';
    expect(absolutizeUrls(html, base)).toBe(
      '<blockquote cite="https://example.com/q/"><p>q</p></blockquote><object data="https://example.com/blog/posts/a/o.svg"></object>' +
        '<div data="x"></div><link imagesrcset="https://example.com/a.png 2x">',
    );
  });

  it("leaves text, code, comments and script bodies alone", () => {
    const html =
      '<pre><code>&lt;a href="/x"&gt; href="/y"</code></pre><!-- <a href="/z"> --><script>if (a<b && c) { x.src="/q" }</script><a href="/r">r</a>';
    expect(absolutizeUrls(html, base)).toBe(html.replace('href="/r"', 'href="https://example.com/r"'));
  });
});
