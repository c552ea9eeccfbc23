import { describe, expect, it } from "vitest";
import { scanHtml } from "../../src/check/scan-html.js";
import { renderPost } from "../../src/markdown/render-post.js";
import { srcsetCandidates } from "../../src/urls/srcset-candidates.js";
import { urlAttributes, urlKindOf } from "../../src/urls/url-attributes.js";
import { makeContext, makePost } from "../markdown/make-post.js";

const context = makeContext({ basePath: "/blog/", assets: { "posts/x.png": "/blog/assets/x.1234.png" } });
/** An element that may carry `attribute`, as a post would write it. */
const tagFor = (element: string | undefined) => element ?? "div";

describe("one list of URL attributes for the rewriter and the output check", () => {
  it.each(urlAttributes.map((a) => [a.attribute, a] as const))("%s is rewritten in a post and checked in the output", (_, a) => {
    const tag = tagFor(a.element);
    const value = a.kind === "srcset" ? "x.png 2x" : "x.png";
    const html = `<${tag} ${a.attribute}="${value}"></${tag}>`;
    const rendered = renderPost(makePost(`${html}\n`, { path: "posts/p.md" }), context);
    expect(rendered.html).toContain(`${a.attribute}="/blog/assets/x.1234.png${a.kind === "srcset" ? " 2x" : ""}"`);
    expect(rendered.assets).toEqual(["posts/x.png"]);
    expect(scanHtml(html).refs).toEqual([{ url: "x.png", offset: html.indexOf("x.png") }]);
  });

  it("gives `data` URL meaning on <object> only", () => {
    expect(urlKindOf("object", "data")).toBe("url");
    expect(urlKindOf("div", "data")).toBeUndefined();
    expect(scanHtml('<div data="x.png"></div>').refs).toEqual([]);
  });

  it("leaves out attributes that name no page resource", () => {
    for (const name of ["ping", "itemid", "itemtype", "longdesc", "usemap", "codebase"]) expect(urlKindOf("a", name)).toBeUndefined();
  });
});

describe("srcsetCandidates", () => {
  it("finds each URL with its offset; descriptors, data: URLs and extra commas are handled", () => {
    expect(srcsetCandidates(" a.png 1x,b.png  2x , c.png")).toEqual([
      { url: "a.png", start: 1 },
      { url: "b.png", start: 10 },
      { url: "c.png", start: 22 },
    ]);
    expect(srcsetCandidates("data:image/png;base64,AA,BB 1x, d.png,")).toEqual([
      { url: "data:image/png;base64,AA,BB", start: 0 },
      { url: "d.png", start: 32 },
    ]);
  });
});
