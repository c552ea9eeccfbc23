import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/diagnostics.js";
import { planGeneration } from "../../src/generations/plan-generation.js";
import { readFileSync } from "node:fs";
import { readPreviousGeneration } from "../../src/generations/read-previous.js";
import { at, buildInto, config, deployFrom, published, site, textOf, useTemp, writeTree } from "./generation-fixtures.js";

const temp = useTemp();
const rules = (diagnostics: readonly Diagnostic[]) => diagnostics.map((d) => `${d.severity} ${d.rule}`);

/** An output folder whose ledger has /posts/old/ and /posts/keep/, deployed. */
async function published2(): Promise<string> {
  const dir = join(temp(), "dist");
  const first = await buildInto(dir, { files: site("aaaaaaaa", { old: "O", keep: "K" }), config: config(), now: at(0), published: published(["old", "keep"]) });
  expect(first.manifest.urls).toEqual({
    "/posts/keep/": { status: "live", since: at(0).toISOString() },
    "/posts/old/": { status: "live", since: at(0).toISOString() },
  });
  expect(first.manifest.unpublished).toEqual(["/posts/keep/", "/posts/old/"]);
  await deployFrom(dir);
  return dir;
}

const renamed = (dir: string, aliases: Record<string, string[]> = {}, over = {}) =>
  buildInto(dir, { files: site("aaaaaaaa", { new: "N", keep: "K" }), config: config(over), now: at(1), published: published(["new", "keep"], aliases) });

describe("the URL ledger", () => {
  it("fails a renamed slug without an alias with dropped-url, naming the URL and the three fixes", async () => {
    const plan = await renamed(await published2());
    expect(rules(plan.diagnostics)).toEqual(["error dropped-url"]);
    const [d] = plan.diagnostics;
    expect(d?.message).toContain("/posts/old/");
    expect(d?.hint).toMatch(/aliases: \/posts\/old\//);
    expect(d?.hint).toContain('"redirects": { "/posts/old/"');
    expect(d?.hint).toContain('"gone": ["/posts/old/"]');
  });

  it("turns an alias into a stub page and a 301 rule, and records the redirect", async () => {
    const plan = await renamed(await published2(), { new: ["/posts/old/"] });
    expect(plan.diagnostics).toEqual([]);
    const stub = textOf(plan.files, "posts/old/index.html");
    expect(stub).toContain('<meta http-equiv="refresh" content="0; url=https://example.com/posts/new/">');
    expect(stub).toContain('<link rel="canonical" href="https://example.com/posts/new/">');
    expect(stub).toContain('<meta name="robots" content="noindex">');
    expect(stub).toContain('<a href="https://example.com/posts/new/">');
    expect(textOf(plan.files, "_redirects")).toContain("\n/posts/old/ /posts/new/ 301\n");
    expect(plan.manifest.urls["/posts/old/"]).toEqual({ status: "redirect", since: at(1).toISOString(), to: "/posts/new/" });
    expect(plan.manifest.urls["/posts/keep/"]).toEqual({ status: "live", since: at(0).toISOString() });
    expect(plan.manifest.urls["/posts/new/"]).toEqual({ status: "live", since: at(1).toISOString() });
  });

  it("keeps guarding a redirect: dropping the alias later is dropped-url too", async () => {
    const dir = await published2();
    await renamed(dir, { new: ["/posts/old/"] });
    await deployFrom(dir);
    expect(rules((await renamed(dir)).diagnostics)).toEqual(["error dropped-url"]);
  });

  it("accepts config.redirects (base path added to paths) and gone (410 where the host can)", async () => {
    const dir = await published2();
    const plan = await renamed(dir, {}, { redirects: { "/posts/old/": "/posts/new/", "/elsewhere/": "https://other.example/x" }, gone: ["/posts/removed/"] });
    expect(plan.diagnostics).toEqual([]);
    const redirects = textOf(plan.files, "_redirects");
    expect(redirects).toContain("/elsewhere/ https://other.example/x 301\n/posts/old/ /posts/new/ 301\n/posts/removed/ /404.html 410\n");
    expect(plan.files.some((f) => f.path === "posts/removed/index.html")).toBe(false);
    expect(plan.manifest.urls["/posts/removed/"]?.status).toBe("gone");
  });

  it("accepts gone for a dropped URL, and keeps it gone afterwards", async () => {
    const dir = await published2();
    expect((await renamed(dir, {}, { gone: ["/posts/old/"] })).diagnostics).toEqual([]);
    const later = await renamed(dir);
    expect(later.diagnostics).toEqual([]);
    expect(later.manifest.urls["/posts/old/"]).toEqual({ status: "gone", since: at(1).toISOString() });
    expect(textOf(later.files, "_redirects")).toContain("/posts/old/ /404.html 410\n");
  });

  it("prefixes the base path everywhere under a site at /blog/", async () => {
    const plan = await planGeneration({
      files: site("aaaaaaaa", { new: "N" }), previous: undefined, now: at(0),
      config: config({ url: "https://example.com/blog/", basePath: "/blog/", redirects: { "/x/": "/posts/new/" } }),
      published: [{ url: "/blog/posts/new/", file: "posts/new.md", aliases: ["/2019/old/"] }],
    });
    expect(plan.diagnostics).toEqual([]);
    expect(textOf(plan.files, "_redirects")).toContain("/blog/2019/old/ /blog/posts/new/ 301\n/blog/x/ /blog/posts/new/ 301\n");
    expect(textOf(plan.files, "2019/old/index.html")).toContain("https://example.com/blog/posts/new/");
    expect(Object.keys(plan.manifest.urls).sort()).toEqual(["/blog/2019/old/", "/blog/posts/new/", "/blog/x/"]);
  });

  it("fails an alias or redirect that names a real page with alias-collision", async () => {
    const base = { files: site("aaaaaaaa", { a: "A", b: "B" }), previous: undefined, now: at(0) };
    const alias = await planGeneration({ ...base, config: config(), published: published(["a", "b"], { a: ["/posts/b/"] }) });
    expect(rules(alias.diagnostics)).toEqual(["error alias-collision"]);
    expect(alias.diagnostics[0]?.file).toBe("posts/a.md");
    expect(alias.files.find((f) => f.path === "posts/b/index.html")).toEqual({ path: "posts/b/index.html", contents: "B" });
    const redirect = await planGeneration({ ...base, config: config({ redirects: { "/feed.xml": "/posts/a/" } }), published: published(["a", "b"]) });
    expect(rules(redirect.diagnostics)).toEqual(["error alias-collision"]);
    expect(redirect.diagnostics[0]?.file).toBe("site.config.json");
    const twice = await planGeneration({ ...base, config: config({ redirects: { "/old/": "/posts/b/" } }), published: published(["a", "b"], { a: ["/old/"] }) });
    expect(rules(twice.diagnostics)).toEqual(["error alias-collision"]);
    const gone = await planGeneration({ ...base, config: config({ gone: ["/posts/a/"] }), published: published(["a", "b"]) });
    expect(rules(gone.diagnostics)).toEqual(["error alias-collision"]);
  });

  it("fails an alias or redirect where the generation writes its own manifest or host rules", async () => {
    const base = { files: site("aaaaaaaa", { a: "A" }), previous: undefined, now: at(0) };
    for (const from of ["/daylight-manifest.json", "/_headers", "/_redirects/", "/_redirects/x/"]) {
      const alias = await planGeneration({ ...base, config: config(), published: published(["a"], { a: [from] }) });
      expect(rules(alias.diagnostics), from).toEqual(["error alias-collision"]);
      expect(alias.diagnostics[0]?.message, from).toContain("daylight writes its own");
      const redirect = await planGeneration({ ...base, config: config({ redirects: { [from]: "/posts/a/" } }), published: published(["a"]) });
      expect(rules(redirect.diagnostics), from).toEqual(["error alias-collision"]);
    }
  });

  it("warns about a redirect to no page, and refuses a target that is no URL", async () => {
    const base = { files: site("aaaaaaaa"), previous: undefined, now: at(0), published: published(["a"]) };
    const broken = await planGeneration({ ...base, config: config({ redirects: { "/old/": "/posts/typo/" } }) });
    expect(rules(broken.diagnostics)).toEqual(["warning broken-redirect"]);
    const bad = await planGeneration({ ...base, config: config({ redirects: { "/old/": "javascript:alert(1)", "/": "/posts/a/" } }) });
    expect(rules(bad.diagnostics)).toEqual(["error config-error", "error config-error"]);
  });

  it("lets a URL that another page of the build now serves stay live", async () => {
    const dir = await published2();
    const plan = await buildInto(dir, {
      files: [...site("aaaaaaaa", { keep: "K" }), { path: "posts/old/index.html", contents: "now a generated page" }],
      config: config(), now: at(1), published: published(["keep"]),
    });
    expect(plan.diagnostics).toEqual([]);
    expect(plan.manifest.urls["/posts/old/"]).toEqual({ status: "live", since: at(0).toISOString() });
  });

  it("lets a URL that only local builds ever had disappear without a word", async () => {
    const dir = join(temp(), "dist");
    await buildInto(dir, { files: site("aaaaaaaa", { old: "O", keep: "K" }), config: config(), now: at(0), published: published(["old", "keep"]) });
    const plan = await renamed(dir);
    expect(plan.diagnostics).toEqual([]);
    expect(Object.keys(plan.manifest.urls).sort()).toEqual(["/posts/keep/", "/posts/new/"]);
    expect(plan.manifest.unpublished).toEqual(["/posts/keep/", "/posts/new/"]);
  });

  it("guards only what a deploy carried: a URL added after the deploy may still go", async () => {
    const dir = await published2();
    const added = await buildInto(dir, { files: site("aaaaaaaa", { old: "O", keep: "K", draft: "D" }), config: config(), now: at(1), published: published(["old", "keep", "draft"]) });
    expect(added.manifest.unpublished).toEqual(["/posts/draft/"]);
    const dropped = await buildInto(dir, { files: site("aaaaaaaa", { keep: "K" }), config: config(), now: at(2), published: published(["keep"]) });
    expect(rules(dropped.diagnostics)).toEqual(["error dropped-url"]);
    expect(dropped.diagnostics[0]?.message).toMatch(/^\/posts\/old\/ was published by a deploy/);
  });

  it("counts every URL of a live site's manifest (--previous), whatever it says is unpublished", async () => {
    const live = join(temp(), "live");
    await buildInto(live, { files: site("aaaaaaaa", { old: "O", keep: "K" }), config: config(), now: at(0), published: published(["old", "keep"]) });
    const read = await readPreviousGeneration({ kind: "dir", dir: live, live: true });
    const plan = await planGeneration({ files: site("aaaaaaaa", { new: "N", keep: "K" }), previous: read.previous, config: config(), now: at(1), published: published(["new", "keep"]) });
    expect(rules(plan.diagnostics)).toEqual(["error dropped-url"]);
  });

  it("names the URL in the same form in message and hint under a base path, with the way out for one never deployed", async () => {
    const blog = config({ url: "https://example.com/blog/", basePath: "/blog/" });
    const dir = join(temp(), "dist");
    const blogSite = (slugs: string[]) => ({
      files: slugs.map((slug) => ({ path: `posts/${slug}/index.html`, contents: slug })), config: blog,
      published: slugs.map((slug) => ({ url: `/blog/posts/${slug}/`, file: `posts/${slug}.md`, aliases: [] })),
    });
    await buildInto(dir, { ...blogSite(["x", "y"]), now: at(0) });
    await deployFrom(dir);
    const [d] = (await buildInto(dir, { ...blogSite(["y"]), now: at(1) })).diagnostics;
    expect(d?.rule).toBe("dropped-url");
    expect(d?.message).toMatch(/^\/posts\/x\/ \(\/blog\/posts\/x\/ under the base path \/blog\/\) was published by a deploy/);
    expect(d?.hint).toContain("aliases: /posts/x/");
    expect(d?.hint).toContain('"gone": ["/posts/x/"]');
    expect(d?.hint).toMatch(/never went live.*remove the output folder/);
  });

  it("treats a manifest without the unpublished list (an older daylight's) as all published", async () => {
    const dir = join(temp(), "dist");
    const first = await buildInto(dir, { files: site("aaaaaaaa", { old: "O", keep: "K" }), config: config(), now: at(0), published: published(["old", "keep"]) });
    const { unpublished: _dropped, ...older } = first.manifest;
    writeTree(dir, [...first.files.filter((f) => f.path !== "daylight-manifest.json"), { path: "daylight-manifest.json", contents: JSON.stringify(older) }]);
    expect(readFileSync(join(dir, "daylight-manifest.json"), "utf8")).not.toContain("unpublished");
    expect(rules((await renamed(dir)).diagnostics)).toEqual(["error dropped-url"]);
  });
});
