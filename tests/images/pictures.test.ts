import { describe, expect, it } from "vitest";
import { renderPost } from "../../src/markdown/render-post.js";
import type { SiteConfig } from "../../src/config/site-config.js";
import { makeContext, makePost } from "../markdown/make-post.js";

const raster = (url: string, width: number, height: number) => ({ url, width, height, digest: "d".repeat(64), bytes: 100_000 });
const assets = {
  "posts/trip/photo.jpg": raster("/assets/photo.11111111.jpg", 1600, 1000),
  "posts/trip/second.png": raster("/assets/second.22222222.png", 640, 480),
  "posts/trip/diagram.svg": { url: "/assets/diagram.33333333.svg", width: 300, height: 200 },
  "public/images/wide.webp": raster("/images/wide.webp", 3000, 1000),
};
const render = (body: string, config: Partial<SiteConfig> = {}) =>
  renderPost(makePost(body, { path: "posts/trip/index.md", slug: "trip" }), makeContext({ assets, config }));
const pictures = (html: string) => html.match(/<picture>.*?<\/picture>/g) ?? [];

describe("responsive pictures", () => {
  it("turns a local raster image into a <picture> with AVIF and WebP srcsets, the original as its fallback", () => {
    const [picture] = pictures(render("![A trip](./photo.jpg)\n").html);
    expect(picture).toMatch(new RegExp([
      '^<picture><source type="image/avif" srcset="/assets/photo-480\\.[0-9a-f]{8}\\.avif 480w, /assets/photo-800\\.[0-9a-f]{8}\\.avif 800w, /assets/photo-1200\\.[0-9a-f]{8}\\.avif 1200w" sizes="[^"]+">',
      '<source type="image/webp" srcset="/assets/photo-480\\.[0-9a-f]{8}\\.webp 480w, [^"]+ 800w, [^"]+ 1200w" sizes="[^"]+">',
      '<img src="/assets/photo\\.11111111\\.jpg" alt="A trip" width="1600" height="1000" loading="eager" decoding="async"></picture>$',
    ].join("")));
  });

  it("loads the first image eagerly and the others lazily, from Markdown and raw HTML alike, with the base path", () => {
    const html = render('![one](./photo.jpg)\n\n<p><img src="/images/wide.webp" alt="two"></p>\n\n![three](./second.png)\n', { basePath: "/blog/" }).html;
    const found = pictures(html);
    expect(found).toHaveLength(3);
    expect(found[0]).toContain('loading="eager"');
    expect(found[1]).toContain('srcset="/blog/assets/wide-480.');
    expect(found[1]).toContain('<img src="/images/wide.webp" alt="two" width="3000" height="1000" loading="lazy" decoding="async">');
    expect(found[2]).toMatch(/srcset="[^"]*second-480\.[0-9a-f]{8}\.avif 480w, [^"]*second-640\.[0-9a-f]{8}\.avif 640w"/);
    expect(found[2]).toContain('loading="lazy"');
  });

  it("leaves SVGs, images with the author's own srcset or <picture>, and everything with images: false as they were", () => {
    const svgFirst = render("![d](./diagram.svg)\n\n![p](./photo.jpg)\n").html;
    expect(svgFirst).toContain('<img src="/assets/diagram.33333333.svg" alt="d" width="300" height="200" loading="lazy" decoding="async">');
    // The first image of the post is the SVG: the picture after it loads lazily.
    expect(pictures(svgFirst)[0]).toContain('loading="lazy"');
    const authored = render('<img src="./photo.jpg" srcset="./photo.jpg 1600w" alt="x">\n\n<picture><img src="./second.png" alt="y"></picture>\n').html;
    expect(authored.match(/<picture>/g)).toHaveLength(1);
    expect(authored).not.toContain("<source");
    const off = render("![A trip](./photo.jpg)\n", { images: false }).html;
    expect(off).toBe('<p><img src="/assets/photo.11111111.jpg" alt="A trip" width="1600" height="1000" loading="lazy" decoding="async"></p>');
  });
});
