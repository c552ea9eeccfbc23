import { describe, expect, it } from "vitest";
import { templatesReadBy } from "../../src/cache/templates-read.js";
import { defaultSiteConfig } from "../../src/config/site-config.js";
import { createTemplateRenderer } from "../../src/site/template-renderer.js";

const theme = (files: Record<string, string>) => new Map(Object.entries(files).map(([name, text]) => [name, { text }]));

describe("the templates a page can read", () => {
  const built = theme({
    "layout.liquid": '{% render "partials/head" %}{{ content }}{%- render "partials/footer" -%}',
    "post.liquid": '{% layout "layout" %}{% render "partials/meta", post: post %}',
    "index.liquid": "{% layout 'layout' %}{% render \"partials/summary\" for posts as post %}",
    "partials/head.liquid": "<title>{{ page.title }}</title>",
    "partials/footer.liquid": "<footer></footer>",
    "partials/meta.liquid": "<time>{{ post.date }}</time>",
    "partials/summary.liquid": '{% render "partials/meta", post: post %}',
    "404.liquid": "{% layout none %}<h1>Not found</h1>",
  });

  it("are its template and, through layouts, renders and includes, what that names", () => {
    expect(templatesReadBy(built, "post")).toEqual(["layout.liquid", "partials/footer.liquid", "partials/head.liquid", "partials/meta.liquid", "post.liquid"]);
    expect(templatesReadBy(built, "index.liquid")).toEqual([
      "index.liquid", "layout.liquid", "partials/footer.liquid", "partials/head.liquid", "partials/meta.liquid", "partials/summary.liquid",
    ]);
    expect(templatesReadBy(built, "404")).toEqual(["404.liquid"]);
  });

  it("resolve names as the renderer does: from the theme's root, `.liquid` added, `..` never above it", () => {
    const files = theme({ "a.liquid": "{% include '/x/../b' %}{% include 'c.html' %}{% include '../../d' %}", "b.liquid": "", "c.html": "", "d.liquid": "" });
    expect(templatesReadBy(files, "a")).toEqual(["a.liquid", "b.liquid", "c.html", "d.liquid"]);
    // What the site's LiquidJS reads for those names.
    const named = theme({ "a.liquid": "{% include '/x/../b' %}|{% include 'c.html' %}|{% include '../../d' %}", "b.liquid": "B", "c.html": "C", "d.liquid": "D" });
    const templates = new Map([...named].map(([name, { text }]) => [name, { name, path: `templates/${name}`, text }]));
    expect(createTemplateRenderer({ templates, assets: new Map() }, defaultSiteConfig, new Date(0)).render("a", {})).toEqual({ html: "B|C|D", diagnostics: [] });
  });

  it("are every template when one in reach names a file by a variable or holds a {% liquid %} block", () => {
    expect(templatesReadBy(theme({ "a.liquid": "{% include name %}" }), "a")).toBeUndefined();
    expect(templatesReadBy(theme({ "a.liquid": '{% render "b" %}', "b.liquid": "{%- render page.kind -%}" }), "a")).toBeUndefined();
    expect(templatesReadBy(theme({ "a.liquid": "{% liquid\n render 'b'\n%}", "b.liquid": "" }), "a")).toBeUndefined();
    // Out of reach, a variable name does not matter.
    expect(templatesReadBy(theme({ "a.liquid": "", "b.liquid": "{% include name %}" }), "a")).toEqual(["a.liquid"]);
  });

  it("follow cycles once and skip names that are no template (LiquidJS reports those)", () => {
    expect(templatesReadBy(theme({ "a.liquid": '{% include "b" %}{% include "gone" %}', "b.liquid": '{% include "a" %}' }), "a")).toEqual(["a.liquid", "b.liquid"]);
  });
});
