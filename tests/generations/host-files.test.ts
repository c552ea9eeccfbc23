import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { planGeneration } from "../../src/generations/plan-generation.js";
import { renderHeadersFile } from "../../src/generations/render-headers-file.js";
import { renderRedirectStub } from "../../src/generations/redirect-stub.js";
import { renderRedirectsFile } from "../../src/generations/render-redirects-file.js";
import { withHostFiles } from "../../src/generations/host-files.js";
import { java } from "../support/system-tools.js";
import { repoRoot } from "../support/run-cli.js";
import { at, config, published, site, textOf, useTemp } from "./generation-fixtures.js";

const temp = useTemp();

describe("_headers", () => {
  it("caches hashed assets for a year, revalidates every other top-level entry, never stores the 404 page", async () => {
    const plan = await planGeneration({ files: site("aaaaaaaa"), previous: undefined, config: config(), now: at(0), published: published(["a"]) });
    expect(textOf(plan.files, "_headers")).toBe([
      "# Written by daylight: the cache policy (Netlify / Cloudflare Pages syntax).",
      "# Hashed names change whenever the bytes do: cache them for a year.",
      "/assets/*",
      "  Cache-Control: public, max-age=31536000, immutable",
      "# Everything else keeps its name: revalidate on every use. The 404 page is never stored.",
      "/404.html",
      "  Cache-Control: no-store",
      "/daylight-manifest.json",
      "  Cache-Control: public, max-age=0, must-revalidate",
      "/feed.xml",
      "  Cache-Control: public, max-age=0, must-revalidate",
      "/",
      "  Cache-Control: public, max-age=0, must-revalidate",
      "/posts/*",
      "  Cache-Control: public, max-age=0, must-revalidate",
      "/index.html",
      "  Cache-Control: public, max-age=0, must-revalidate",
      "",
    ].join("\n"));
  });

  it("never matches one path with two Cache-Control rules, and stays within 100 rules", () => {
    const many = Array.from({ length: 150 }, (_, i) => `page-${i}/index.html`);
    const text = renderHeadersFile(["index.html", "404.html", "assets/x.01234567.css", ...many], "/blog/").text;
    const patterns = text.split("\n").filter((line) => line.startsWith("/"));
    expect(patterns.length).toBeLessThanOrEqual(100);
    expect(patterns).toEqual(["/blog/assets/*", "/blog/404.html", "/blog/index.html"]);
  });

  it("warns about a file without a hash in assets/, which would be cached for a year", () => {
    const { diagnostics } = renderHeadersFile(["assets/logo.png", "assets/x.01234567.css"], "/");
    expect(diagnostics.map((d) => d.rule)).toEqual(["unhashed-asset"]);
  });

  it("keeps a site's own _headers and _redirects, after and before daylight's rules", async () => {
    const dir = temp();
    writeFileSync(join(dir, "_redirects"), "/shop https://shop.example/ 302\n");
    const files = [...site("aaaaaaaa"), { path: "_headers", contents: "/*\n  X-Frame-Options: DENY\n" }, { path: "_redirects", sourcePath: join(dir, "_redirects") }];
    const plan = await planGeneration({ files, previous: undefined, config: config({ gone: ["/x/"] }), now: at(0), published: published(["a"]) });
    expect(textOf(plan.files, "_headers")).toMatch(/immutable\n[\s\S]*\n\n\/\*\n {2}X-Frame-Options: DENY\n$/);
    expect(textOf(plan.files, "_redirects")).toMatch(/^\/shop https:\/\/shop.example\/ 302\n\n# Written by daylight[^\n]*\n\/x\/ \/404.html 410\n$/);
    expect(plan.files.filter((f) => f.path === "_headers")).toHaveLength(1);
  });
});

describe("_redirects", () => {
  it("writes static rules only, within Cloudflare's 2,000", () => {
    const redirects = Array.from({ length: 2001 }, (_, i) => ({ from: `/old-${String(i).padStart(4, "0")}/`, to: "/new/" }));
    const file = renderRedirectsFile([...redirects, { from: "/a/:b/", to: "/c/" }], [], "/");
    expect(file.text.split("\n").filter((l) => l.startsWith("/"))).toHaveLength(2000);
    expect(file.text).not.toContain(":b");
    expect(file.diagnostics.map((d) => d.rule)).toEqual(["redirect-limit"]);
    expect(renderRedirectsFile([{ from: "/über/", to: "/posts/a/" }], [], "/").text).toContain("/%C3%BCber/ /posts/a/ 301\n");
  });
});

describe("redirect stubs", () => {
  it("escape their target", () => {
    const html = renderRedirectStub('https://x.example/"><script>alert(1)</script>', { url: "https://example.com/", language: "en" });
    expect(html).not.toContain("<script>");
    expect(html).toContain('href="https://x.example/%22%3E%3Cscript%3Ealert(1)%3C/script%3E"');
  });

  const { available } = java();
  it.runIf(available)("are valid HTML5 for the Nu Html Checker", () => {
    const dir = temp();
    writeFileSync(join(dir, "stub.html"), renderRedirectStub("/posts/a&b/?q=1&r=2", { url: "https://example.com/blog/", language: "de" }));
    const jar = join(repoRoot, "node_modules/vnu-jar/build/dist/vnu.jar");
    const result = spawnSync("java", ["-jar", jar, "--errors-only", join(dir, "stub.html")], { encoding: "utf8" });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });
});

describe("file names that would break a rules file", () => {
  const hostile = "a\n/*\n  Access-Control-Allow-Origin: *";

  it("never reach _headers, and are refused with an error naming the file at 1:1", async () => {
    const files = [
      { path: "index.html", contents: "<p>home</p>" },
      { path: hostile, sourcePath: join("/site", "public", hostile) },
      { path: "assets/x\r.1234abcd.png", sourcePath: "/site/posts/x\r.png" },
      { path: "tab\tname.txt", contents: "t" },
    ];
    const host = await withHostFiles(files, { redirects: [], gone: [] }, "/");
    const headers = textOf(host.files, "_headers");
    expect(headers).not.toContain("Access-Control");
    expect(headers).not.toMatch(/[\t\r]/);
    expect(headers.split("\n").filter((line) => line.startsWith("  ")).every((line) => line.startsWith("  Cache-Control: "))).toBe(true);
    expect(host.diagnostics.map((d) => [d.severity, d.rule, d.file, d.line, d.column])).toEqual([
      ["error", "unsafe-file-name", "public/a\\n/*\\n  Access-Control-Allow-Origin: *", 1, 1],
      ["error", "unsafe-file-name", "/site/posts/x\\r.png", 1, 1],
      ["error", "unsafe-file-name", "tab\\tname.txt", 1, 1],
    ]);
    expect(renderHeadersFile([hostile, "index.html"], "/").text).not.toContain("Access-Control");
  });

  it("a redirect target with a line break is refused, never written into _redirects", () => {
    const file = renderRedirectsFile([
      { from: "/old/", to: "https://example.com/\n/* /evil/ 200"},
      { from: "/fine/", to: "/new/"},
    ], [], "/");
    expect(file.text).not.toContain("evil");
    expect(file.text).toContain("/fine/ /new/ 301");
    expect(file.diagnostics.map((d) => [d.severity, d.rule])).toEqual([["error", "unsafe-redirect"]]);
  });
});
