import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkSite } from "../../src/check/check-site.js";
import { diskSiteFiles, memorySiteFiles } from "../../src/check/site-files.js";
import type { Diagnostic } from "../../src/diagnostics.js";
import { makeSite, page, writeSite } from "../deploy/make-site.js";

const css = "body { background: url(../images/bg.png); }\n";
const base = {
  "assets/style.0123abcd.css": css,
  "images/bg.png": new Uint8Array([1, 2, 3]),
  "posts/a/index.html": page("A", '<h2 id="setup">Setup</h2>\n<p>See <a href="/posts/b/#intro">B</a>.</p>'),
  "posts/b/index.html": page("B", '<h2 id="intro">Intro</h2>'),
  "index.html": page("Home", '<a href="posts/a/">A</a> <a href="/posts/b/">B</a>'),
};

const brief = (ds: readonly Diagnostic[]) => ds.map((d) => [d.severity, d.rule, d.file, d.line, d.column]);
const check = (files: Record<string, string | Uint8Array>, strict = false, baseUrl?: string) =>
  brief(checkSite(memorySiteFiles(makeSite(files, baseUrl)), { strict }));

describe("checkSite", () => {
  it("accepts a site whose references all resolve", () => {
    expect(check(base)).toEqual([]);
  });

  it("reports a missing asset as an error at the attribute value", () => {
    const files = { ...base, "index.html": page("Home", '<p>\n  <img alt="" src="/images/nope.png"></p>') };
    expect(check(files)).toEqual([["error", "broken-reference", "index.html", 9, 20]]);
  });

  it("reports a missing post page as an error and an unknown fragment as a warning, an error when strict", () => {
    const body = '<a href="/posts/gone/">x</a>\n<a href="/posts/b/#nope">y</a>';
    const files = { ...base, "index.html": page("Home", body) };
    expect(check(files)).toEqual([
      ["error", "broken-reference", "index.html", 8, 10],
      ["warning", "unknown-fragment", "index.html", 9, 10],
    ]);
    expect(check(files, true).map((d) => d[0])).toEqual(["error", "error"]);
  });

  it("checks fragments on the same page, and accepts #top and an empty fragment", () => {
    const body = '<a href="#setup">s</a><a href="#top">t</a><a href="#">e</a><a href="#missing">m</a>';
    const files = { ...base, "posts/a/index.html": page("A", `<h2 id="setup">Setup</h2>\n${body}`) };
    expect(check(files)).toEqual([["warning", "unknown-fragment", "posts/a/index.html", 9, 69]]);
  });

  it("resolves relative URLs, percent-encoding, queries and folders without their slash", () => {
    const body = '<a href="../caf%C3%A9/?ref=x">c</a> <a href="../b">b</a> <a href="./">self</a> <a href="../../">up</a>';
    const files = { ...base, "posts/café/index.html": page("C", ""), "posts/a/index.html": page("A", body) };
    expect(check(files)).toEqual([]);
  });

  it("checks CSS url(), srcset candidates, <style> bodies and style attributes", () => {
    const body = [
      '<img alt="" srcset="/images/bg.png 1x, /images/x2.png 2x" src="/images/bg.png">',
      '<style>\n.a { background: url("/images/none.png") }\n</style>',
      '<div style="background: url(/images/bg.png)"></div>',
    ].join("\n");
    const files = {
      ...base,
      "assets/style.0123abcd.css": "/* url(gone.png) */\n@import 'other.css';\nbody { background: url( ../images/x.png ); }\n",
      "assets/other.css": "",
      "index.html": page("Home", body),
    };
    expect(check(files)).toEqual([
      ["error", "broken-reference", "assets/style.0123abcd.css", 3, 25],
      ["error", "broken-reference", "index.html", 8, 40],
      ["error", "broken-reference", "index.html", 10, 23],
    ]);
  });

  it("skips scripts, comments and escaped markup, and follows entity-encoded values", () => {
    const body = [
      '<script>document.write(\'<a href="/missing">\')</script>',
      '<!-- <a href="/missing"> -->',
      '<pre><code>&lt;a href="/missing"&gt;</code></pre>',
      '<a href="/posts/a/?x=1&amp;y=2#setup">ok</a>',
    ].join("\n");
    expect(check({ ...base, "index.html": page("Home", body) })).toEqual([]);
  });

  it("ignores external URLs and other schemes, checks absolute URLs on the site's own host", () => {
    const body = [
      '<a href="https://other.org/x">o</a><a href="mailto:a@b.c">m</a><img alt="" src="data:image/png;base64,AA==">',
      '<link rel="canonical" href="https://example.com/blog/posts/missing/">',
      '<meta property="og:image" content="https://example.com/blog/images/none.png">',
    ].join("\n");
    const files = { ...base, "index.html": page("Home", body, "/blog/assets/style.0123abcd.css") };
    const found = check(files, false, "https://example.com/blog/");
    expect(found).toContainEqual(["error", "broken-reference", "index.html", 9, 29]);
    expect(found).toContainEqual(["error", "broken-reference", "index.html", 10, 36]);
    expect(found.filter((d) => d[2] === "index.html")).toHaveLength(2);
    // The other pages link `/assets/…` and `/posts/b/`: outside the base path /blog/, not this build's.
    expect(found.filter((d) => d[2] === "posts/a/index.html")).toEqual([]);
  });

  it("checks feed, sitemap and robots.txt links under the base URL", () => {
    const rss = '<rss><channel><link>https://example.com/</link>\n<item><link>https://example.com/posts/x/</link>' +
      '<guid isPermaLink="false">post-1</guid><link>https://elsewhere.org/</link></item></channel></rss>';
    const atom = '<feed>\n  <link rel="alternate" href="https://example.com/posts/a/"/>\n  <id>https://example.com/nope.html</id></feed>';
    const json = JSON.stringify({ version: "https://jsonfeed.org/version/1.1", items: [{ id: "x", url: "https://example.com/posts/y/" }] });
    const files = {
      ...base,
      "feed.xml": rss,
      "atom.xml": atom,
      "feed.json": json,
      "sitemap.xml": "<urlset><url><loc>https://example.com/posts/b/</loc></url><url><loc>https://example.com/gone/</loc></url></urlset>",
      "robots.txt": "User-agent: *\nSitemap: https://example.com/sitemap2.xml\n",
    };
    expect(check(files)).toEqual([
      ["error", "broken-reference", "atom.xml", 3, 7],
      ["error", "broken-reference", "feed.json", 1, 73],
      ["error", "broken-reference", "feed.xml", 2, 13],
      ["error", "broken-reference", "robots.txt", 2, 10],
      ["error", "broken-reference", "sitemap.xml", 1, 69],
    ]);
  });

  it("does not check paths the site does not own: outside the base path, or under externalPaths", () => {
    const body = '<a href="/docs/">d</a> <a href="/docs">d</a> <a href="https://example.com/api/v2/x">a</a> <a href="/gone/">g</a>';
    const files = { ...base, "index.html": page("Home", body) };
    const run = (externalPaths: readonly string[], baseUrl = "https://example.com/") =>
      brief(checkSite(memorySiteFiles(makeSite(files, baseUrl)), { strict: false, externalPaths }));
    expect(run([]).map((d) => d[4])).toEqual([10, 33, 55, 100]);
    expect(run(["/docs/", "/api/"])).toEqual([["error", "broken-reference", "index.html", 8, 100]]);
    // Under a base path, every root path of the host outside it is another site's.
    const underBlog = { ...files, "index.html": page("Home", body, "/blog/assets/style.0123abcd.css") };
    expect(brief(checkSite(memorySiteFiles(makeSite(underBlog, "https://example.com/blog/")), { strict: false })).filter((d) => d[2] === "index.html")).toEqual([]);
  });

  it("applies the site's rules to what it finds about references, before --strict; never to the manifest's problems", () => {
    const files = { ...base, "index.html": page("Home", '<a href="/gone/">g</a>\n<a href="/posts/b/#nope">y</a>') };
    const site = makeSite(files);
    site.set("images/bg.png", new Uint8Array([9, 9]));
    const run = (rules: Record<string, "error" | "warning" | "off">, strict = false) =>
      brief(checkSite(memorySiteFiles(site), { strict, rules }));
    expect(run({})).toEqual([
      ["error", "hash-mismatch", "images/bg.png", undefined, undefined],
      ["error", "broken-reference", "index.html", 8, 10],
      ["warning", "unknown-fragment", "index.html", 9, 10],
    ]);
    expect(run({ "broken-reference": "warning", "unknown-fragment": "error", "hash-mismatch": "off" })).toEqual([
      ["error", "hash-mismatch", "images/bg.png", undefined, undefined],
      ["warning", "broken-reference", "index.html", 8, 10],
      ["error", "unknown-fragment", "index.html", 9, 10],
    ]);
    expect(run({ "broken-reference": "off", "unknown-fragment": "off" })).toEqual([["error", "hash-mismatch", "images/bg.png", undefined, undefined]]);
    expect(run({ "broken-reference": "warning" }, true).map((d) => d[0])).toEqual(["error", "error", "error"]);
  });

  it("verifies every manifest entry's bytes and presence", () => {
    const site = makeSite(base);
    site.set("images/bg.png", new Uint8Array([9, 9]));
    site.delete("posts/b/index.html");
    const found = brief(checkSite(memorySiteFiles(site), { strict: false }));
    expect(found.filter((d) => d[1] !== "broken-reference" && d[1] !== "unknown-fragment")).toEqual([
      ["error", "missing-file", "daylight-manifest.json", expect.any(Number), 5],
      ["error", "hash-mismatch", "images/bg.png", undefined, undefined],
    ]);
  });

  it("refuses a manifest that names a path outside the folder, as the build's own reader does", () => {
    const site = makeSite(base);
    const manifest = JSON.parse(new TextDecoder().decode(site.get("daylight-manifest.json")));
    manifest.files["../outside.html"] = manifest.files["index.html"];
    site.set("daylight-manifest.json", new TextEncoder().encode(JSON.stringify(manifest)));
    expect(brief(checkSite(memorySiteFiles(site), { strict: false }))).toEqual([
      ["error", "invalid-manifest", "daylight-manifest.json", undefined, undefined],
    ]);
  });

  it("reports a folder without a manifest, unless the caller gives the base URL", () => {
    const site = makeSite(base);
    site.delete("daylight-manifest.json");
    expect(brief(checkSite(memorySiteFiles(site), { strict: false }))).toEqual([
      ["error", "missing-file", "daylight-manifest.json", undefined, undefined],
    ]);
    expect(checkSite(memorySiteFiles(site), { strict: false, baseUrl: "https://example.com/" })).toEqual([]);
  });
});

describe("diskSiteFiles", () => {
  let dir: string | undefined;
  afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

  it("gives the same findings as the in-memory view, ignoring deploy temporaries", () => {
    dir = mkdtempSync(join(tmpdir(), "daylight-check-"));
    const site = makeSite({ ...base, "index.html": page("Home", '<img alt="" src="/nope.png">') });
    writeSite(dir, site);
    writeFileSync(join(dir, ".index.html.daylight-tmp"), "partial");
    const onDisk = checkSite(diskSiteFiles(dir), { strict: false });
    expect(onDisk).toEqual(checkSite(memorySiteFiles(site), { strict: false }));
    expect(brief(onDisk)).toEqual([["error", "broken-reference", "index.html", 8, 18]]);
  });
});
