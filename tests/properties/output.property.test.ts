import fc from "fast-check";
import { propertyRuns } from "../support/property-runs.js";
import { beforeAll, describe, expect, it } from "vitest";
import { prepareHighlighter } from "../../src/markdown/highlighter.js";
import { resolveLocalUrl } from "../../src/markdown/resolve-local-url.js";
import { renderPost } from "../../src/markdown/render-post.js";
import { escapeHtml } from "../../src/site/feeds/resources-html.js";
import { toXmlText } from "../../src/site/feeds/xml-text.js";
import { scriptSafeJson } from "../../src/site/json-ld.js";
import { makeContext, makePost } from "../markdown/make-post.js";

const runs = propertyRuns;
const anyText = fc.string({ unit: "binary", maxLength: 200 });
// Characters XML 1.0 forbids (tab, LF and CR are allowed).
const forbiddenInXml = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe("properties of escaping, for any string", () => {
  it("JSON-LD: nothing can close the script, and the value reads back the same", () => {
    fc.assert(
      fc.property(anyText, (title) => {
        const json = scriptSafeJson({ headline: title });
        expect(json).not.toMatch(/[<>&\u2028\u2029]/);
        expect(JSON.parse(json)).toEqual({ headline: title });
      }),
      runs,
    );
  });

  it("XML text: no character XML forbids survives, tabs and newlines do", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const clean = toXmlText(text);
        expect(clean).not.toMatch(forbiddenInXml);
        expect(clean.split("\t").length).toBe(text.split("\t").length);
        expect(clean.split("\n").length).toBeGreaterThanOrEqual(text.split("\n").length);
      }),
      runs,
    );
  });

  it("HTML text and attributes: no markup character is left bare", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(escapeHtml(text)).not.toMatch(/[<>"]|&(?!(amp|lt|gt|quot|#39);)/);
      }),
      runs,
    );
  });
});

describe("properties of link rewriting", () => {
  const context = makeContext({ basePath: "/blog/", slugs: ["known-post"] });

  it("never produces a URL outside the site for a local URL, whatever it says", () => {
    const localish = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.string({ maxLength: 30 }).map((s) => `./posts/${s}`),
      fc.string({ maxLength: 30 }).map((s) => `/${s}`),
      fc.string({ maxLength: 30 }).map((s) => `../${s}`),
    );
    fc.assert(
      fc.property(localish, (url) => {
        const resolved = resolveLocalUrl(url, "posts/2024/a.md", context);
        // Left exactly as written: the output check judges them where they land.
        if (resolved.kind === "external" || resolved.kind === "unresolved" || resolved.kind === "missing") return;
        expect(resolved.url.startsWith("/blog/")).toBe(true);
        expect(resolved.url).not.toMatch(/(^|\/)\.\.(\/|$)/);
      }),
      runs,
    );
  });

  it("is idempotent for post links on a site at the root", () => {
    const root = makeContext({ basePath: "/", slugs: ["known-post"] });
    fc.assert(
      fc.property(fc.constantFrom("./posts/", "posts/", "/posts/"), fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}$/), fc.constantFrom("", "/", ".md", "#frag", "?q=1"), (prefix, slug, suffix) => {
        const once = resolveLocalUrl(prefix + slug + suffix, "posts/a.md", root);
        if (once.kind !== "post") throw new Error(`not a post link: ${prefix + slug + suffix}`);
        const twice = resolveLocalUrl(once.url, "posts/a.md", root);
        expect(twice.kind === "post" ? twice.url : undefined).toBe(once.url);
      }),
      runs,
    );
  });
});

describe("properties of rendering", () => {
  beforeAll(() => prepareHighlighter(["ts"]));

  it("renders any markdown twice to the same bytes", () => {
    const markdown = fc.array(
      fc.oneof(
        fc.string({ unit: "grapheme", maxLength: 60 }),
        fc.constantFrom("# H", "- item", "1. one", "```ts\nconst a = 1;\n```", "| a | b |\n|---|---|\n| 1 | 2 |", "[x](./posts/known-post#h)", "(Me, 2020)", "---", "<b>raw</b>", "[^1]\n\n[^1]: note"),
      ),
      { maxLength: 8 },
    );
    fc.assert(
      fc.property(markdown, (blocks) => {
        const text = `!! title: T\n\n${blocks.join("\n\n")}\n`;
        const context = makeContext({ slugs: ["known-post"] });
        const first = renderPost(makePost(text), context);
        const second = renderPost(makePost(text), context);
        expect(second.html).toBe(first.html);
        expect(second.diagnostics).toEqual(first.diagnostics);
      }),
      runs,
    );
  });
});
