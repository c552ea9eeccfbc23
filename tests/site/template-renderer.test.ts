import { describe, expect, it } from "vitest";
import { defaultSiteConfig, type SiteConfig } from "../../src/config/site-config.js";
import type { Theme, ThemeTemplate } from "../../src/site/read-theme.js";
import { createTemplateRenderer, siteUrl } from "../../src/site/template-renderer.js";

function themeOf(files: Record<string, string>): { theme: Theme; templates: Map<string, ThemeTemplate> } {
  const templates = new Map(
    Object.entries(files).map(([name, text]) => [name, { name, path: `templates/${name}`, text }] as const),
  );
  return { theme: { templates, assets: new Map() }, templates };
}

const config: SiteConfig = { ...defaultSiteConfig, url: "https://example.com/blog/", basePath: "/blog/", timezone: "Europe/Paris" };

function renderOne(files: Record<string, string>, name: string, data: object = {}) {
  return createTemplateRenderer(themeOf(files).theme, config, new Date(0)).render(name, data);
}

describe("createTemplateRenderer", () => {
  it("renders layouts, blocks and partials that see the page data", () => {
    const result = renderOne(
      {
        "layout.liquid": "<main>{% block content %}{% endblock %}</main>{% render \"partials/foot\" %}",
        "post.liquid": "{% layout \"layout\" %}{% block content %}<h1>{{ post.title }}</h1>{% endblock %}",
        "partials/foot.liquid": "<footer>{{ site.title }}</footer>{% include \"partials/sign\" %}",
        "partials/sign.liquid": "!",
      },
      "post",
      { site: { title: "S & S" }, post: { title: "T" } },
    );
    expect(result).toEqual({ html: "<main><h1>T</h1></main><footer>S &amp; S</footer>!", diagnostics: [] });
  });

  it("escapes every output unless the template says raw", () => {
    const result = renderOne({ "a.liquid": "{{ t }}|{{ t | raw }}" }, "a.liquid", { t: "<script>&" });
    expect(result.html).toBe("&lt;script&gt;&amp;|<script>&");
  });

  it("formats dates in the site's time zone and offers absolute_url and date_iso", () => {
    const result = renderOne(
      { "a.liquid": "{{ d | date: \"%-d %B %Y %H:%M\" }}|{{ d | date_iso }}|{{ u | absolute_url }}|{{ \"x/\" | absolute_url }}" },
      "a",
      { d: new Date("2025-03-14T23:30:00Z"), u: "/blog/posts/a/" },
    );
    expect(result.html).toBe("15 March 2025 00:30|2025-03-14T23:30:00.000Z|https://example.com/blog/posts/a/|https://example.com/blog/x/");
  });

  it("lets a field that is null pass an {% if %}", () => {
    expect(renderOne({ "a.liquid": "[{% if post.updated %}u{% endif %}]" }, "a", { post: { updated: null } }).html).toBe("[]");
  });

  it("reports a syntax error with the template's line and column", () => {
    const result = renderOne({ "post.liquid": "<p>\n\n  {% if post.title %}never closed" }, "post", { post: { title: "x" } });
    expect(result.html).toBeUndefined();
    expect(result.diagnostics).toMatchObject([{ severity: "error", rule: "template-error", file: "templates/post.liquid", line: 3, column: 3 }]);
    expect(result.diagnostics[0]?.message).not.toMatch(/line:|\n\s+at /);
  });

  it("reports an unknown variable where it is used, in the partial that uses it", () => {
    const result = renderOne(
      { "post.liquid": "a\n{% render \"partials/meta\" %}", "partials/meta.liquid": "<p>\n  {{ post.titel }}</p>" },
      "post",
      { post: { title: "x" } },
    );
    expect(result.diagnostics).toMatchObject([{ rule: "template-error", file: "templates/partials/meta.liquid", line: 2, column: 6 }]);
    expect(result.diagnostics[0]?.hint).toContain("post.titel");
  });

  it("reports an unknown filter with the nearest known one", () => {
    const result = renderOne({ "index.liquid": "x\ny {{ 'a' | upcas }}" }, "index");
    expect(result.diagnostics).toMatchObject([{ rule: "template-error", file: "templates/index.liquid", line: 2, column: 3 }]);
    expect(result.diagnostics[0]?.hint).toContain('"upcase"');
  });

  it("reports a missing partial at the tag that names it", () => {
    const result = renderOne({ "a.liquid": "\n  {% render \"partials/haed\" %}", "partials/head.liquid": "" }, "a");
    expect(result.diagnostics).toMatchObject([{ rule: "template-error", file: "templates/a.liquid", line: 2, column: 3 }]);
    expect(result.diagnostics[0]?.hint).toContain('"partials/head"');
  });

  it("reports a template the theme does not have", () => {
    expect(renderOne({}, "404").diagnostics).toMatchObject([{ rule: "template-error", file: "templates/404.liquid" }]);
  });

  it("parses each template once and keeps it", () => {
    const { theme, templates } = themeOf({ "a.liquid": "one {% render \"p\" %}", "p.liquid": "P" });
    const renderer = createTemplateRenderer(theme, config, new Date(0));
    expect(renderer.render("a", {}).html).toBe("one P");
    templates.set("a.liquid", { name: "a.liquid", path: "templates/a.liquid", text: "two" });
    templates.set("p.liquid", { name: "p.liquid", path: "templates/p.liquid", text: "Q" });
    expect(renderer.render("a", {}).html).toBe("one P");
  });

  it("keeps a template's parse error and reports it on every render", () => {
    const renderer = createTemplateRenderer(themeOf({ "a.liquid": "{% for %}" }).theme, config, new Date(0));
    const first = renderer.render("a", {}).diagnostics;
    expect(first).toHaveLength(1);
    expect(renderer.render("a", {}).diagnostics).toEqual(first);
  });
});

describe("the url filter", () => {
  const urlOf = (value: string, basePath = "/blog/") =>
    siteUrl(value, basePath);

  it("puts the base path in front of a path from the site root, as Eleventy's url filter does", () => {
    const result = renderOne({ "a.liquid": '{{ "/images/logo.png" | url }}|{{ "images/logo.png" | url }}|{{ "/" | url }}' }, "a");
    expect(result).toEqual({ html: "/blog/images/logo.png|/blog/images/logo.png|/blog/", diagnostics: [] });
    expect(urlOf("/favicon.svg", "/")).toBe("/favicon.svg");
    expect(urlOf("", "/blog/")).toBe("/blog/");
  });

  it("leaves absolute, protocol-relative, fragment, query and page-relative URLs as written", () => {
    for (const url of ["https://cdn.example/x.png", "mailto:a@example.com", "//cdn.example/x.png", "#top", "?page=2", "./x.png", "../x.png"]) {
      expect(urlOf(url)).toBe(url);
    }
  });

  it("does not add the base path twice to a URL of the data, which has it already", () => {
    expect(renderOne({ "a.liquid": "{{ post.url | url }}" }, "a", { post: { url: "/blog/posts/a/" } }).html).toBe("/blog/posts/a/");
    expect(urlOf("/blogroll/")).toBe("/blog/blogroll/");
  });

  it("is an error, where the template uses it, for a value that is not there", () => {
    const result = renderOne({ "a.liquid": "\n{{ post.image | url }}" }, "a", { post: { image: null } });
    expect(result.diagnostics).toMatchObject([{ rule: "template-error", file: "templates/a.liquid", line: 2 }]);
  });
});

describe("theme", () => {
  it("names the site's custom.css by its published URL, and is null without one", () => {
    const template = { "a.liquid": "[{{ theme.customCss }}]" };
    expect(renderOne(template, "a").html).toBe("[]");
    const { theme } = themeOf(template);
    const custom = { outputPath: "assets/custom.0123abcd.css", file: { path: "assets/custom.0123abcd.css", contents: "" } };
    const withCustom = { ...theme, assets: new Map([["assets/custom.css", custom]]) };
    expect(createTemplateRenderer(withCustom, config, new Date(0)).render("a", {}).html).toBe("[/blog/assets/custom.0123abcd.css]");
  });
});
