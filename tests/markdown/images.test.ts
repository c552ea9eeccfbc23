import { describe, expect, it } from "vitest";
import { renderPost } from "../../src/markdown/render-post.js";
import { makeContext, makePost } from "./make-post.js";

const context = makeContext({
  assets: {
    "posts/img/plot.png": { url: "/assets/plot.1234abcd.png", width: 640, height: 480 },
    "posts/img/photo.jpg": { url: "/assets/photo.1234abcd.jpg", width: 1200, height: 800 },
    "public/logo.svg": { url: "/logo.svg", width: 120, height: 60 },
    "public/fluid.svg": { url: "/fluid.svg" },
    "public/broken.png": { url: "/broken.png", invalidImage: "unsupported file type" },
  },
});
const render = (text: string) => renderPost(makePost(text, { path: "posts/p.md" }), context);

describe("image sizes", () => {
  it("gives Markdown images of local files their width and height, and lazy loading", () => {
    const { html } = render("![plot](./img/plot.png) ![photo](img/photo.jpg \"A photo\") ![logo](/logo.svg)\n");
    expect(html).toContain('<img src="/assets/plot.1234abcd.png" alt="plot" width="640" height="480" loading="lazy" decoding="async">');
    expect(html).toContain('<img src="/assets/photo.1234abcd.jpg" alt="photo" title="A photo" width="1200" height="800" loading="lazy" decoding="async">');
    expect(html).toContain('<img src="/logo.svg" alt="logo" width="120" height="60" loading="lazy" decoding="async">');
  });

  it("sizes images by reference and raw HTML images too", () => {
    const { html } = render('![p][plot]\n\n<p><img src="img/photo.jpg" alt="x"></p>\n\n[plot]: ./img/plot.png\n');
    expect(html).toContain('<img src="/assets/plot.1234abcd.png" alt="p" width="640" height="480" loading="lazy" decoding="async">');
    expect(html).toContain('<img src="/assets/photo.1234abcd.jpg" alt="x" width="1200" height="800" loading="lazy" decoding="async">');
  });

  it("keeps what the author wrote, completing a single given side by the aspect ratio", () => {
    const { html } = render(
      '<img src="img/plot.png" width="100" height="10" loading="eager">\n<img src="img/plot.png" width="320">\n<img src="img/photo.jpg" height="200">\n<img src="img/plot.png" width="50%">\n',
    );
    expect(html).toContain('<img src="/assets/plot.1234abcd.png" width="100" height="10" loading="eager" decoding="async">');
    expect(html).toContain('<img src="/assets/plot.1234abcd.png" width="320" height="240" loading="lazy" decoding="async">');
    expect(html).toContain('<img src="/assets/photo.1234abcd.jpg" height="200" width="300" loading="lazy" decoding="async">');
    expect(html).toContain('<img src="/assets/plot.1234abcd.png" width="50%" loading="lazy" decoding="async">');
  });

  it("adds no size to SVGs without one, nor to external images", () => {
    const { html } = render("![f](/fluid.svg) ![e](https://example.com/e.png)\n");
    expect(html).toContain('<img src="/fluid.svg" alt="f" loading="lazy" decoding="async">');
    expect(html).toContain('<img src="https://example.com/e.png" alt="e" loading="lazy" decoding="async">');
  });

  it("warns about a corrupt image at each line that shows it, and about a missing one", () => {
    const rendered = render('!! title: T\n\n---\n\nSee ![b](/broken.png).\n\n<img src="/broken.png">\n\n![gone](./img/gone.png)\n');
    expect(rendered.diagnostics).toMatchObject([
      { rule: "invalid-image", severity: "warning", file: "posts/p.md", line: 5, column: 5 },
      { rule: "invalid-image", severity: "warning", file: "posts/p.md", line: 7, column: 1 },
      { rule: "missing-file", severity: "error", file: "posts/p.md", line: 9, column: 1 },
    ]);
    expect(rendered.html).toContain('<img src="/broken.png" alt="b" loading="lazy" decoding="async">');
  });

  it("does not size a link to an image", () => {
    expect(render("[see](./img/plot.png)\n").html).toBe('<p><a href="/assets/plot.1234abcd.png">see</a></p>');
  });
});
