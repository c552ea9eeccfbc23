import { spawnSync } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { defaultSiteConfig } from "../../src/config/site-config.js";
import { createDevSite } from "../../src/dev/dev-site.js";
import { error } from "../../src/diagnostics.js";
import { cardDesign, cardRenderers } from "../../src/images/card-design.js";
import { cardFiles } from "../../src/images/card-files.js";
import { cardThreadCount, minCardsForThreads } from "../../src/images/card-threads.js";
import { planCard } from "../../src/images/plan-card.js";
import { siteLayout } from "../../src/read/read-site.js";
import { readTheme } from "../../src/site/read-theme.js";
import { createTemplateRenderer } from "../../src/site/template-renderer.js";
import { drawnCards } from "../../src/images/render-card.js";
import { makeBlog } from "../support/make-blog.js";
import { readOutput, repoRoot, runCli, snapshot, tempDir } from "../support/run-cli.js";
import { java } from "../support/system-tools.js";
import { packagesLoaded } from "./packages-loaded.js";

const config = { title: "Field Notes", url: "https://example.com/blog/", cards: true };
const post = (title: string, day: number, extra = "") => `!! title: ${title}\n!! published: 2024-02-${String(day).padStart(2, "0")}\n${extra}\n---\n\nText of the post.\n`;
const long = "Why we stopped deploying on Fridays, and what it taught us about rollbacks, caches and the long tail of stale assets that nobody ever cleans up";
const files = {
  "posts/long.md": post(long, 1),
  "posts/markup.md": post('<b>Tags</b> & "quotes"', 2),
  "posts/cjk.md": post("静的サイトを安全にデプロイする方法", 3),
  "posts/rtl.md": post("كيف ننشر موقعاً ثابتاً بأمان", 4),
  "posts/own-image.md": post("Has its own picture", 5, "!! image: /images/own.png\n"),
  "pages/about.md": "!! title: About\n\n---\n\nAbout us.\n",
};

/** The og:image and friends of a built page. */
function metaOf(html: string): Record<string, string> {
  return Object.fromEntries(Array.from(html.matchAll(/<meta (?:property|name)="((?:og|twitter):image[^"]*)" content="([^"]*)">/g), (m) => [m[1]!, m[2]!]));
}

function cardSite(extra: Record<string, string> = {}, siteConfig: Record<string, unknown> = config): string {
  const root = makeBlog({ ...files, ...extra }, siteConfig);
  mkdirSync(path.join(root, "public/images"), { recursive: true });
  writeFileSync(path.join(root, "public/images/own.png"), Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64"));
  return root;
}

describe("social cards", () => {
  it("gives every post and page without an image a 1200×630 PNG card, named in its head with absolute URLs, size and alt text", async () => {
    const root = cardSite();
    const out = path.join(root, "out");
    const run = await runCli(["build", "--root", root, "--out", out]);
    expect(run.code, run.err.join("\n")).toBe(0);
    const cards = readdirSync(path.join(out, "assets/cards")).sort();
    expect(cards.map((name) => name.replace(/\.[0-9a-f]{8}\.png$/, ""))).toEqual(["about", "cjk", "long", "markup", "rtl"]);
    for (const card of cards) {
      const meta = await sharp(path.join(out, "assets/cards", card)).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(["png", 1200, 630]);
    }
    for (const [page, slug] of [["posts/long/index.html", "long"], ["posts/markup/index.html", "markup"], ["about/index.html", "about"]] as const) {
      const meta = metaOf(readOutput(out, page));
      const name = cards.find((card) => card.startsWith(`${slug}.`));
      expect(meta["og:image"]).toBe(`https://example.com/blog/assets/cards/${name}`);
      expect(meta["twitter:image"]).toBe(meta["og:image"]);
      expect([meta["og:image:width"], meta["og:image:height"]]).toEqual(["1200", "630"]);
      expect(meta["og:image:alt"]).toBe(meta["twitter:image:alt"]);
    }
    expect(metaOf(readOutput(out, "posts/long/index.html"))["og:image:alt"]).toBe(`${long} · Field Notes`);
    // The title is text in the head's attributes, escaped once.
    expect(metaOf(readOutput(out, "posts/markup/index.html"))["og:image:alt"]).toBe("&lt;b&gt;Tags&lt;/b&gt; &amp; &#34;quotes&#34; · Field Notes");
    expect(metaOf(readOutput(out, "posts/own-image/index.html"))).toEqual({ "og:image": "https://example.com/blog/images/own.png" });
    if (java().available) {
      const jar = path.join(repoRoot, "node_modules/vnu-jar/build/dist/vnu.jar");
      const result = spawnSync("java", ["-jar", jar, "--errors-only", path.join(out, "posts/long/index.html"), path.join(out, "about/index.html")], { encoding: "utf8" });
      expect(result.stderr).toBe("");
    }
  });

  it("writes the title with the theme's template, escaped, and the site's name for a title its fonts cannot write", async () => {
    const theme = await readTheme(undefined, path.join(repoRoot, "templates"));
    const design = cardDesign("", [], defaultSiteConfig);
    const templates = createTemplateRenderer(theme, defaultSiteConfig, new Date(0));
    const html = (title: string) => templates.render("og-card", { card: planCard({ kind: "post", slug: "x", title, published: new Date("2024-02-02T00:00:00Z") }, "Field Notes", design).data }).html;
    expect(html('<b>Tags</b> & "quotes"')).toContain(">&lt;b&gt;Tags&lt;/b&gt; &amp; &#34;quotes&#34;</div>");
    expect(html("Привет, Ελλάδα, Tiếng Việt")).toContain(">Привет, Ελλάδα, Tiếng Việt</div>");
    expect(html("静的サイト")).toContain(">Field Notes</div>");
    expect(html("A post")).toContain("<span>2 February 2024</span>");
  });

  it("a warm build draws no card and writes the same files; an edited title draws only its card", async () => {
    const root = cardSite();
    const cache = path.join(root, "cache");
    const cold = path.join(root, "cold");
    const before = drawnCards();
    expect((await runCli(["build", "--root", root, "--out", cold, "--cache-dir", cache])).code).toBe(0);
    expect(drawnCards() - before).toBe(5);
    const warm = path.join(root, "warm");
    const warmStart = drawnCards();
    expect((await runCli(["build", "--root", root, "--out", warm, "--cache-dir", cache])).code).toBe(0);
    expect(drawnCards() - warmStart).toBe(0);
    expect(snapshot(warm)).toEqual(snapshot(cold));
    writeFileSync(path.join(root, "posts/long.md"), post("A shorter title", 1));
    const edited = drawnCards();
    expect((await runCli(["build", "--root", root, "--out", warm, "--cache-dir", cache])).code).toBe(0);
    expect(drawnCards() - edited).toBe(1);
  });

  it("draws the same bytes in two cold builds, with the cache folder and without it", async () => {
    // A title no other test draws: the --no-cache build must draw, not find its cards in this process.
    const root = cardSite({ "posts/same.md": post("The same bytes, whoever draws them", 6) });
    const cardsOf = (out: string) => Object.fromEntries(Object.entries(snapshot(out)).filter(([file]) => file.startsWith("assets/cards/")));
    const builds: Array<Record<string, string>> = [];
    for (const args of [["--cache-dir", path.join(root, "cache-a")], ["--cache-dir", path.join(root, "cache-b")], ["--no-cache"]]) {
      const out = path.join(root, `out-${builds.length}`);
      const before = drawnCards();
      expect((await runCli(["build", "--root", root, "--out", out, ...args])).code).toBe(0);
      expect(drawnCards() - before).toBe(6);
      builds.push(cardsOf(out));
    }
    expect(Object.keys(builds[0]!)).toHaveLength(6);
    expect(builds[1]).toEqual(builds[0]);
    expect(builds[2]).toEqual(builds[0]);
  });

  it("draws cards while earlier ones are rasterised, and reports their files and problems in the cards' order", async () => {
    const design = cardDesign("order test", [], defaultSiteConfig);
    const cards = ["a", "b", "c", "d", "e"].map((slug) => planCard({ kind: "page", slug, title: `Page ${slug}`, published: null }, "Site", design));
    const box = (text: string) => `<div style="display: flex; width: 1200px; height: 630px; background: #fff; font-size: 40px">${text}</div>`;
    const markup = (card: (typeof cards)[number]) => {
      const title = card.data.title;
      if (title === "Page b") return { html: undefined, diagnostics: [error("template-error", "b has no markup")] };
      // An angle without its unit: satori refuses it.
      if (title === "Page d") return { html: '<div style="display: flex; transform: rotate(10)">d</div>', diagnostics: [] };
      return { html: box(title), diagnostics: [] };
    };
    const { files, diagnostics } = await cardFiles([...cards].reverse(), markup, undefined);
    expect(files.map((file) => file.path.split("/").at(-1)!.split(".")[0])).toEqual(["a", "c", "e"]);
    expect(diagnostics.map((d) => d.message.slice(0, 40))).toEqual(["b has no markup", "the social card of “Page d” could not be"]);
    for (const file of files) {
      const meta = await sharp(Buffer.from((file as { contents: Uint8Array }).contents)).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(["png", 1200, 630]);
    }
  });

  it("draws the same bytes in card threads as on the build's own thread, in the cards' order", async () => {
    const design = cardDesign("threads test", [], defaultSiteConfig);
    const titles = ["Привет, Ελλάδα", "A long title that wraps over more than one line of the card, and on", "Short", "Bad angle", "No markup"];
    const cards = titles.map((title, i) => planCard({ kind: "post", slug: `t${i}`, title, published: new Date(Date.UTC(2024, 0, 1 + i)) }, "Site", design));
    const markup = (card: (typeof cards)[number]) => {
      if (card.data.title === "No markup") return { html: undefined, diagnostics: [error("template-error", "no markup")] };
      const style = card.data.title === "Bad angle" ? "transform: rotate(10); " : "";
      return { html: `<div style="display: flex; ${style}width: 1200px; height: 630px; background: #fafafa; font-size: 56px; font-family: Inter">${card.data.title}</div>`, diagnostics: [] };
    };
    const here = await cardFiles(cards, markup, undefined, 0);
    const again = await cardFiles(cards, markup, path.join(tempDir(), "cache"), 2);
    const bytes = (files: typeof here.files) => files.map((file) => [file.path, Buffer.from("contents" in file ? file.contents : readFileSync(file.sourcePath)).toString("base64")]);
    expect(here.files).toHaveLength(3);
    expect(bytes(again.files)).toEqual(bytes(here.files));
    expect(again.diagnostics.map((d) => d.message.slice(0, 30))).toEqual(here.diagnostics.map((d) => d.message.slice(0, 30)));
    expect(here.diagnostics.map((d) => d.message.slice(0, 30))).toEqual(["the social card of “Bad angle”", "no markup"]);
  });

  it("draws many missing cards in card threads, and none of them again from the cache", async () => {
    const design = cardDesign("many cards", [], defaultSiteConfig);
    const cards = Array.from({ length: minCardsForThreads }, (_, i) => planCard({ kind: "post", slug: `m${i}`, title: `Card number ${i}`, published: null }, "Site", design));
    const markup = (card: (typeof cards)[number]) => ({ html: `<div style="display: flex; width: 1200px; height: 630px; background: #fff; font-size: 48px; font-family: Inter">${card.data.title}</div>`, diagnostics: [] });
    // A thread per 50 cards up to one per core; none on a single core, where they are drawn here.
    expect(cardThreadCount(cards.length)).toBe(availableParallelism() < 2 ? 0 : 2);
    const cache = path.join(tempDir(), "cache");
    const before = drawnCards();
    const cold = await cardFiles(cards, markup, cache);
    expect(drawnCards() - before).toBe(cards.length);
    const warmStart = drawnCards();
    const warm = await cardFiles(cards, markup, cache);
    expect(drawnCards() - warmStart).toBe(0);
    expect(warm.files).toEqual(cold.files);
  });

  it("never follows a symlinked cards/ folder out of the cache: the link is replaced, what it points to is left alone", async () => {
    const root = cardSite();
    const cache = path.join(root, "cache");
    const outside = path.join(root, "outside");
    const out = path.join(root, "out");
    expect((await runCli(["build", "--root", root, "--out", out, "--cache-dir", cache])).code).toBe(0);
    mkdirSync(outside, { recursive: true });
    writeFileSync(path.join(outside, "holiday.png"), "not daylight's");
    rmSync(path.join(cache, "cards"), { recursive: true });
    symlinkSync(outside, path.join(cache, "cards"));
    writeFileSync(path.join(root, "posts/long.md"), post("A shorter title", 1));
    const run = await runCli(["build", "--root", root, "--out", out, "--cache-dir", cache]);
    expect(run.code, run.err.join("\n")).toBe(0);
    expect(readdirSync(outside)).toEqual(["holiday.png"]);
    expect(lstatSync(path.join(cache, "cards")).isDirectory()).toBe(true);
    expect(readdirSync(path.join(cache, "cards"))).toHaveLength(5);
    const card = metaOf(readOutput(out, "posts/long/index.html"))["og:image"]!.replace("https://example.com/blog/", "");
    expect(existsSync(path.join(out, card))).toBe(true);
  });

  it("a site's templates/og-card.liquid changes the design (and the names) of its cards", async () => {
    const override = '<div style="display: flex; width: 1200px; height: 630px; background: #ff0000; color: #ffffff; font-size: 80px">{{ card.title }}</div>\n';
    const root = cardSite({ "templates/og-card.liquid": override });
    const out = path.join(root, "out");
    expect((await runCli(["build", "--root", root, "--out", out])).code).toBe(0);
    const about = readdirSync(path.join(out, "assets/cards")).find((name) => name.startsWith("about."))!;
    const { data } = await sharp(path.join(out, "assets/cards", about)).extract({ left: 1100, top: 600, width: 1, height: 1 }).raw().toBuffer({ resolveWithObject: true });
    expect([...data].slice(0, 3)).toEqual([255, 0, 0]);
  });

  it("makes no card and no card tag unless the site asks", async () => {
    const root = cardSite({}, { ...config, cards: false });
    const out = path.join(root, "out");
    expect((await runCli(["build", "--root", root, "--out", out])).code).toBe(0);
    expect(existsSync(path.join(out, "assets/cards"))).toBe(false);
    expect(metaOf(readOutput(out, "posts/long/index.html"))).toEqual({});
  });

  it("names the installed satori and sharp among what draws a card, so that new ones name new cards", async () => {
    const version = (name: string) => (JSON.parse(readFileSync(path.join(repoRoot, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
    expect(cardRenderers).toContain(`satori ${version("satori")}, sharp ${version("sharp")}`);
  });

  it("loads satori only to draw a card: not for a site without cards, nor for a warm build", () => {
    const drawing = ["satori"];
    const without = cardSite({}, { ...config, cards: false });
    expect(drawing.filter((name) => packagesLoaded(without).has(name))).toEqual([]);
    const root = cardSite();
    expect(drawing.filter((name) => packagesLoaded(root, []).has(name))).toEqual(drawing);
    utimesSync(path.join(root, "posts/long.md"), 1_000_000_000, 1_000_000_000);
    expect(drawing.filter((name) => packagesLoaded(root, []).has(name))).toEqual([]);
  });

  it("the dev server's quick answer to an edit names the same card as the whole build that follows", async () => {
    const root = cardSite();
    const site = await createDevSite(siteLayout(root), "http://127.0.0.1:4000/", new Date("2025-01-01T00:00:00Z"));
    const page = () => Buffer.from(site.files.get("posts/long/index.html") ?? []).toString();
    writeFileSync(path.join(root, "posts/long.md"), post("An edited title", 1));
    let early = "";
    await site.rebuild([{ kind: "post", event: "change", file: path.join(root, "posts/long.md") }], () => void (early = page()));
    expect(early).toContain("An edited title");
    expect(metaOf(early)["og:image"]).toMatch(/\/assets\/cards\/long\.[0-9a-f]{8}\.png$/);
    expect(metaOf(early)).toEqual(metaOf(page()));
  });
});
