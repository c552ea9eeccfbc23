import { describe, expect, it } from "vitest";
import { fromStoredRender, isStoredRender, toStoredRender } from "../../src/cache/stored-render.js";
import { defaultSiteConfig } from "../../src/config/site-config.js";
import { buildLinkIndex } from "../../src/content/link-index.js";
import { parsePost } from "../../src/content/parse-post.js";
import { renderPost } from "../../src/markdown/render-post.js";
import type { Post } from "../../src/model.js";
import { recordingMap } from "../../src/cache/recording-map.js";

const config = { ...defaultSiteConfig, url: "https://example.com/", basePath: "/" };

function post(slug: string, body: string): Post {
  return parsePost({ path: `posts/${slug}.md`, text: `!! title: ${slug}\n!! published: 2024-01-01\n\n${body}\n` }, config).post!;
}

const body = `Intro with a [link](./posts/b#setup), a [broken one](./posts/nope) and (Nygard, 2018).

<!-- more -->

## Setup

- one
- two

---

# Resources

1. [Nygard - Release It!](https://example.com/release-it)
2. A book without a link
`;

describe("a rendered post on disk", () => {
  it("survives JSON with everything but its Post, which the build attaches afresh", () => {
    const a = post("a", body);
    const links = recordingMap(buildLinkIndex([a, post("b", "## Setup")]).posts);
    const assets = recordingMap(new Map());
    const rendered = renderPost(a, { config, links: { posts: links.map }, assets: assets.map });
    expect(rendered.diagnostics.length).toBeGreaterThan(0);
    expect(rendered.resources.length).toBe(2);
    const entry = { rendered, linkReads: links.reads(), assetReads: assets.reads() };
    const onDisk: unknown = JSON.parse(JSON.stringify(toStoredRender(entry)));
    expect(JSON.stringify(onDisk)).not.toContain("published");
    expect(isStoredRender(onDisk)).toBe(true);
    const fresh = post("a", body);
    const back = fromStoredRender(onDisk as never, fresh);
    expect(back.rendered.post).toBe(fresh);
    expect(back.rendered).toEqual(rendered);
    expect(back.linkReads).toEqual(entry.linkReads);
    expect(back.linkReads.values.get("nope")).toBeUndefined();
    expect(back.linkReads.values.has("nope")).toBe(true);
  });

  it("is not trusted when any part has the wrong shape", () => {
    const a = post("a", "Text.");
    const links = recordingMap(buildLinkIndex([a]).posts);
    const assets = recordingMap(new Map());
    const stored = toStoredRender({ rendered: renderPost(a, { config, links: { posts: links.map }, assets: assets.map }),
      linkReads: links.reads(), assetReads: assets.reads() });
    const good = JSON.parse(JSON.stringify(stored)) as Record<string, any>;
    expect(isStoredRender(good)).toBe(true);
    const broken = [
      null, "text", [], {},
      { ...good, rendered: { ...good.rendered, html: 1 } },
      { ...good, rendered: { ...good.rendered, headings: [{ depth: "1", id: "x", text: "x" }] } },
      { ...good, rendered: { ...good.rendered, diagnostics: [{ severity: "fatal", rule: "x", message: "x" }] } },
      { ...good, rendered: { ...good.rendered, assets: undefined } },
      { ...good, linkReads: { values: [["a"]], wholeHash: null } },
      { ...good, assetReads: undefined },
    ];
    for (const value of broken) expect(isStoredRender(value), JSON.stringify(value)).toBe(false);
  });
});
