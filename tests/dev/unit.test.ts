import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { classifyChange } from "../../src/dev/classify-change.js";
import { isEditorLitter } from "../../src/dev/editor-litter.js";
import { allowedHosts, isAllowedHost, isLoopbackHost } from "../../src/dev/host-check.js";
import { injectClient } from "../../src/dev/inject-client.js";
import { changedPaths, urlOfOutputPath } from "../../src/dev/output-diff.js";
import { createRebuildScheduler } from "../../src/dev/rebuild-scheduler.js";
import { resolveRequest } from "../../src/dev/resolve-request.js";
import { isIgnoredPath } from "../../src/dev/watch-site.js";
import { siteLayout } from "../../src/read/read-site.js";

const root = "/site";
const layout = siteLayout(root);
const kindOf = (file: string, event: Parameters<typeof classifyChange>[1] = "change") =>
  classifyChange(layout, event, path.join(root, file))?.kind;

describe("classifyChange", () => {
  it("tells posts, post assets, templates, theme assets, public files and the config apart", () => {
    expect(kindOf("posts/a.md")).toBe("post");
    expect(kindOf("posts/2024/deep/b.markdown")).toBe("post");
    expect(kindOf("posts/notes.TXT")).toBe("post");
    expect(kindOf("posts/2024/plot.png")).toBe("post-asset");
    expect(kindOf("posts/2024", "addDir")).toBe("posts-folder");
    expect(kindOf("posts", "unlinkDir")).toBe("posts-folder");
    expect(kindOf("templates/post.liquid")).toBe("template");
    expect(kindOf("templates/partials", "addDir")).toBe("template");
    expect(kindOf("templates/assets/style.css")).toBe("theme-asset");
    expect(kindOf("public/favicon.svg")).toBe("public");
    expect(kindOf("public/img", "unlinkDir")).toBe("public");
    expect(kindOf("site.config.json")).toBe("config");
  });

  it("ignores what the build ignores", () => {
    expect(kindOf("posts/_draft.md")).toBeUndefined();
    expect(kindOf("posts/_private/a.md")).toBeUndefined();
    expect(kindOf("posts/.hidden.md")).toBeUndefined();
    expect(kindOf("templates/notes.txt")).toBeUndefined();
    expect(kindOf("dist/index.html")).toBeUndefined();
    expect(kindOf("README.md")).toBeUndefined();
    expect(kindOf("posts/a.md.swp")).toBeUndefined();
  });

  it("follows a --posts folder outside the root", () => {
    const other = siteLayout(root, "/notes");
    expect(classifyChange(other, "add", "/notes/x.md")?.kind).toBe("post");
    expect(classifyChange(other, "add", "/site/posts/x.md")).toBeUndefined();
  });
});

describe("isEditorLitter", () => {
  it.each([".a.md.swp", ".a.md.swx", "a.md~", "a.md.tmp", "4913", ".#a.md", "#a.md#", ".DS_Store"])("%s is litter", (name) => {
    expect(isEditorLitter(`/site/posts/${name}`)).toBe(true);
  });
  it.each(["a.md", "swp.md", "tmp.md", "4914", "a#b.md"])("%s is not", (name) => {
    expect(isEditorLitter(`/site/posts/${name}`)).toBe(false);
  });
});

describe("isIgnoredPath", () => {
  it("enters only the site's parts and the folders leading to them", () => {
    expect(isIgnoredPath(layout, "/site")).toBe(false);
    expect(isIgnoredPath(layout, "/site/posts/a/b.md")).toBe(false);
    expect(isIgnoredPath(layout, "/site/site.config.json")).toBe(false);
    expect(isIgnoredPath(layout, "/site/node_modules")).toBe(true);
    expect(isIgnoredPath(layout, "/site/dist")).toBe(true);
    expect(isIgnoredPath(layout, "/site/posts/.a.md.swp")).toBe(true);
    const nested = siteLayout(root, "/site/content/posts");
    expect(isIgnoredPath(nested, "/site/content")).toBe(false);
    expect(isIgnoredPath(nested, "/site/content/other")).toBe(true);
  });
});

describe("resolveRequest", () => {
  const files = new Set(["index.html", "posts/a/index.html", "assets/style.css", "404.html", "img/a b.png"]);
  const has = (p: string) => files.has(p);
  it("maps URL paths to built files", () => {
    expect(resolveRequest("/", "/", has)).toEqual({ kind: "file", path: "index.html" });
    expect(resolveRequest("/posts/a/?x=1", "/", has)).toEqual({ kind: "file", path: "posts/a/index.html" });
    expect(resolveRequest("/posts/a/index.html", "/", has)).toEqual({ kind: "file", path: "posts/a/index.html" });
    expect(resolveRequest("/img/a%20b.png", "/", has)).toEqual({ kind: "file", path: "img/a b.png" });
    expect(resolveRequest("/posts/a", "/", has)).toEqual({ kind: "redirect", location: "/posts/a/" });
    expect(resolveRequest("/posts/", "/", has)).toEqual({ kind: "not-found" });
  });
  it("strips the base path, and redirects the origin root to it", () => {
    expect(resolveRequest("/blog/assets/style.css", "/blog/", has)).toEqual({ kind: "file", path: "assets/style.css" });
    expect(resolveRequest("/", "/blog/", has)).toEqual({ kind: "redirect", location: "/blog/" });
    expect(resolveRequest("/blog", "/blog/", has)).toEqual({ kind: "redirect", location: "/blog/" });
    expect(resolveRequest("/assets/style.css", "/blog/", has)).toEqual({ kind: "not-found" });
  });
  it.each(["/../x", "/a/./b", "/%2e%2e/x", "/a%2fb", "/a\\b", "/a%5cb", "/a%00", "/%E0%A4%A", "*", "http://x/"])("refuses %s", (t) => {
    expect(resolveRequest(t, "/", has).kind).toBe("bad-request");
  });
  it.each(["//etc/passwd", "/%252e%252e/x", "/posts//a/"])("finds nothing at %s", (t) => {
    expect(resolveRequest(t, "/", has).kind).toBe("not-found");
  });
});

describe("host checks", () => {
  it("allows loopback names and the bound host only", () => {
    const hosts = allowedHosts("127.0.0.1");
    expect(isAllowedHost("localhost:4000", hosts)).toBe(true);
    expect(isAllowedHost("[::1]:4000", hosts)).toBe(true);
    expect(isAllowedHost("attacker.example", hosts)).toBe(false);
    expect(isAllowedHost(undefined, hosts)).toBe(false);
    expect(isAllowedHost("192.168.1.5:4000", hosts)).toBe(false);
    expect(isAllowedHost("192.168.1.5:4000", allowedHosts("192.168.1.5"))).toBe(true);
    expect(isAllowedHost("[fe80::1]:4000", allowedHosts("fe80::1"))).toBe(true);
  });
  it("knows loopback hosts", () => {
    expect(isLoopbackHost("127.0.0.1")).toBe(true);
    expect(isLoopbackHost("::1")).toBe(true);
    expect(isLoopbackHost("0.0.0.0")).toBe(false);
    expect(isLoopbackHost("192.168.1.5")).toBe(false);
  });
});

describe("injectClient and output diffs", () => {
  it("adds the client before the last </body>, or at the end", () => {
    expect(injectClient("<p>x</p></BODY></html>")).toMatch(/<p>x<\/p><script [^>]+><\/script><\/BODY>/);
    expect(injectClient("<p>x</p>")).toMatch(/^<p>x<\/p><script /);
  });
  it("lists added, changed and removed paths as URLs", () => {
    const bytes = (s: string) => new TextEncoder().encode(s);
    const before = new Map([["index.html", bytes("a")], ["posts/a/index.html", bytes("a")], ["old.txt", bytes("o")]]);
    const after = new Map([["index.html", bytes("a")], ["posts/a/index.html", bytes("b")], ["new.css", bytes("n")]]);
    expect(changedPaths(before, after)).toEqual(["new.css", "old.txt", "posts/a/index.html"]);
    expect(urlOfOutputPath("posts/a/index.html", "/blog/")).toBe("/blog/posts/a/");
    expect(urlOfOutputPath("index.html", "/")).toBe("/");
    expect(urlOfOutputPath("img/a b.png", "/")).toBe("/img/a%20b.png");
  });
});

describe("createRebuildScheduler", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("coalesces a burst into one run after the quiet time", async () => {
    const runs: number[][] = [];
    const scheduler = createRebuildScheduler<number>({ delayMs: 30, run: async (b) => void runs.push([...b]) });
    for (let i = 0; i < 5; i++) {
      scheduler.add(i);
      await vi.advanceTimersByTimeAsync(10);
    }
    expect(runs).toEqual([]);
    await vi.advanceTimersByTimeAsync(30);
    expect(runs).toEqual([[0, 1, 2, 3, 4]]);
  });

  it("runs a burst that never pauses after the maximum delay", async () => {
    const runs: number[][] = [];
    const scheduler = createRebuildScheduler<number>({ delayMs: 30, maxDelayMs: 100, run: async (b) => void runs.push([...b]) });
    for (let i = 0; i < 20; i++) {
      scheduler.add(i);
      await vi.advanceTimersByTimeAsync(10);
    }
    expect(runs.length).toBeGreaterThanOrEqual(1);
    expect(runs[0]!.length).toBeLessThan(20);
  });

  it("a change during a run makes exactly one more run after it", async () => {
    const runs: number[][] = [];
    let finish!: () => void;
    const scheduler = createRebuildScheduler<number>({
      delayMs: 30,
      run: (b) => {
        runs.push([...b]);
        return runs.length === 1 ? new Promise<void>((r) => (finish = r)) : Promise.resolve();
      },
    });
    scheduler.add(1);
    await vi.advanceTimersByTimeAsync(30);
    expect(runs).toEqual([[1]]);
    scheduler.add(2);
    scheduler.add(3);
    await vi.advanceTimersByTimeAsync(100);
    expect(runs).toHaveLength(1); // never two at once
    finish();
    await vi.advanceTimersByTimeAsync(30);
    expect(runs).toEqual([[1], [2, 3]]);
    await vi.advanceTimersByTimeAsync(200);
    expect(runs).toHaveLength(2);
    await scheduler.idle();
  });

  it("close drops queued changes", async () => {
    const run = vi.fn(async () => undefined);
    const scheduler = createRebuildScheduler<number>({ delayMs: 30, run });
    scheduler.add(1);
    await scheduler.close();
    await vi.advanceTimersByTimeAsync(100);
    expect(run).not.toHaveBeenCalled();
  });
});

describe("createServedFiles", () => {
  const bytes = (text: string) => new TextEncoder().encode(text);
  it("patches a copy in path order, tells a patch that changes nothing, and never changes the build's map", async () => {
    const { createServedFiles } = await import("../../src/dev/served-files.js");
    const built = new Map([["a/index.html", bytes("a")], ["c/index.html", bytes("c")]]);
    const served = createServedFiles(built);
    expect(served.patch("a/index.html", bytes("a"))).toBe(false);
    expect(served.files).toBe(built);
    expect(served.patch("a/index.html", bytes("a2"))).toBe(true);
    expect(served.patch("b/index.html", bytes("b"))).toBe(true);
    expect([...served.files.keys()]).toEqual(["a/index.html", "b/index.html", "c/index.html"]);
    expect(new TextDecoder().decode(served.files.get("a/index.html"))).toBe("a2");
    expect(new TextDecoder().decode(built.get("a/index.html"))).toBe("a");
    expect(built.has("b/index.html")).toBe(false);
    const next = new Map([["d/index.html", bytes("d")]]);
    served.reset(next);
    expect(served.files).toBe(next);
  });

  it("keeps over a whole build the quick answers given after that build read its sources", async () => {
    const { createServedFiles } = await import("../../src/dev/served-files.js");
    const text = (files: ReadonlyMap<string, Uint8Array>, path: string) => new TextDecoder().decode(files.get(path));
    const served = createServedFiles(new Map([["a/index.html", bytes("a0")], ["b/index.html", bytes("b0")]]));
    served.patch("a/index.html", bytes("a1"));
    // A whole build reads its sources (edit 1 of a) …
    const read = served.answers();
    // … and while it assembles, edit 2 of a and edit 1 of b are answered.
    served.patch("a/index.html", bytes("a2"));
    served.patch("b/index.html", bytes("b1"));
    served.reset(new Map([["a/index.html", bytes("a1")], ["b/index.html", bytes("b0")]]), read);
    expect(text(served.files, "a/index.html")).toBe("a2");
    expect(text(served.files, "b/index.html")).toBe("b1");
    // The next build saw them all: its pages are served as they are.
    const all = new Map([["a/index.html", bytes("a2")], ["b/index.html", bytes("b1")]]);
    served.reset(all, served.answers());
    expect(served.files).toBe(all);
  });
});
