import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveOutput, useChromium } from "../support/launch-chromium.js";
import { runCli } from "../support/run-cli.js";
import { chromium } from "../support/system-tools.js";

/**
 * The theme's search as a reader uses it, in Chromium: a site under a base path, built by
 * the CLI and served from the output folder (requests answered in-process: no server, no network).
 */
const tool = chromium();
const origin = "http://site.test";
const post = (title: string, date: string, body: string) => `---\ntitle: ${title}\ndate: ${date}\n---\n\n${body}\n`;

let root: string;
let out: string;
let nextOut: string;
/** The folder the browser's requests are answered from. */
let served: string;
beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), "daylight-search-browser-"));
  out = path.join(root, "dist");
  nextOut = path.join(root, "dist-next");
  const files: Record<string, string> = {
    "site.config.json": JSON.stringify({ title: "Lamp Notes", url: "https://example.com/blog/", author: "Ann", search: true }),
    "posts/lantern.md": post("Lantern basics", "2025-03-04", [
      "Intro about lamps.", "## Trimming the wick", "A wick that is trimmed burns evenly.", "## Oil", `Any oil will do. ${"Filler words of a long paragraph. ".repeat(12)}Kerosene smells. ${"More filler words after it. ".repeat(12)}`,
    ].join("\n\n")),
    "posts/markup.md": post("Markup in text", "2025-03-05",
      "Writing `<img src=x onerror=\"window.pwned=1\">` in a post about wicks shows it as text."),
    // So many words starting with "ki" that their chunk is split by three letters.
    "posts/kiwi.md": post("Kiwi words", "2025-03-01", `Ki ${Array.from({ length: 3000 }, (_, i) => `kiw${i}`).join(" ")} kiwifruit.`),
    "pages/about.md": "---\ntitle: About\n---\n\nA site about lamps.\n",
    // Twelve posts that say "walrus" 1 to 12 times; the even ones also say "floe", in a section of their own.
    // (A description of their own, or their first paragraph would be it, and count at the top of the page.)
    ...Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`posts/tusk-${i}.md`, post(`Tusk note ${i}`, `2024-01-${String(i + 1).padStart(2, "0")}\ndescription: Notes`,
      `## Herd\n\n${"walrus ".repeat(i + 1)}\n\n## Ice\n\n${i % 2 === 0 ? "A walrus on a floe." : "Cold water."}`)])),
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  const run = await runCli(["build", "--root", root, "--out", out, "--no-cache"]);
  if (run.code !== 0) throw new Error(run.err.join("\n"));
  // The same site with one more post, built elsewhere: a server that only has the newest build.
  writeFileSync(path.join(root, "posts/oil.md"), post("Oil lamps", "2025-03-06", "Olive oil burns in lamps."));
  const next = await runCli(["build", "--root", root, "--out", nextOut, "--no-cache"]);
  if (next.code !== 0) throw new Error(next.err.join("\n"));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe.skipIf(!tool.available)("search in a browser", () => {
  const browser = useChromium();

  /** A page answered from the output folder below /blog/; `missing` collects what was not there. */
  async function open(url: string, options: BrowserContextOptions = {}) {
    served = out;
    const context = await browser().newContext(options);
    const page: Page = await context.newPage();
    const missing = await serveOutput(page, { origin, basePath: "/blog/", folder: () => served });
    await page.goto(`${origin}${url}`);
    return { page, missing, close: () => context.close() };
  }

  it("is reached, typed into and followed with the keyboard alone, to the heading of the match", async () => {
    const { page, missing, close } = await open("/blog/about/");
    // Tab from the top of the page to the box: it is in the tab order, after the navigation.
    let focused = "";
    for (let i = 0; i < 20 && focused !== "site-search-input"; i++) {
      await page.keyboard.press("Tab");
      focused = String(await page.evaluate("document.activeElement?.id"));
    }
    expect(focused).toBe("site-search-input");
    // Its label is the accessible name; the results region is polite and live.
    expect(await page.getByLabel("Search this site").count()).toBe(1);
    const region = page.locator(".site-search [data-search-results]");
    expect(await region.getAttribute("aria-live")).toBe("polite");
    await page.keyboard.type("trim");
    const first = region.locator("li").first();
    await first.waitFor();
    expect(await region.locator(".search-status").innerText()).toBe("1 result for “trim”");
    expect(await first.locator("a").innerText()).toBe("Lantern basics › Trimming the wick");
    expect(await first.locator("time").innerText()).toBe("4 March 2025");
    expect(await first.locator("time").getAttribute("datetime")).toBe("2025-03-04T00:00:00.000Z");
    expect(await first.locator("mark").allInnerTexts()).toEqual(["trimmed"]);
    expect(await first.locator(".search-result-excerpt").innerText()).toBe("A wick that is trimmed burns evenly.");
    await page.keyboard.press("ArrowDown");
    expect(await page.evaluate("document.activeElement?.textContent")).toBe("Lantern basics › Trimming the wick");
    await page.keyboard.press("Enter");
    await page.waitForURL(`${origin}/blog/posts/lantern/#trimming-the-wick`);
    expect(await page.evaluate("document.getElementById('trimming-the-wick')?.tagName")).toBe("H2");
    expect(missing).toEqual([]);
    await close();
  });

  it("reads the index's entry when the box gets the focus, before the first keystroke", async () => {
    const { page, close } = await open("/blog/");
    const requested: string[] = [];
    page.on("request", (request) => requested.push(new URL(request.url()).pathname));
    const entryRead = page.waitForRequest((request) => /\/blog\/assets\/search\/index\.[0-9a-f]+\.json$/.test(request.url()));
    expect(requested.filter((url) => url.includes("/search/"))).toEqual([]);
    await page.getByLabel("Search this site").focus();
    await entryRead;
    expect(requested.filter((url) => url.includes("/search/")).map((url) => url.replace(/\.[0-9a-f]+\.json$/, ".json")))
      .toEqual(["/blog/search/index.json", "/blog/assets/search/index.json"]);
    await page.keyboard.type("wick");
    await page.locator(".site-search [data-search-results] li").first().waitFor();
    // The keystroke read the chunk of its word and the fragment of its result, not the entry again.
    expect(requested.filter((url) => url.includes("/assets/search/index."))).toHaveLength(1);
    expect(requested.some((url) => url.includes("/assets/search/terms."))).toBe(true);
    await close();
  });

  it("shows a post's markup as text, never as markup", async () => {
    const { page, close } = await open("/blog/search/?q=onerror");
    const region = page.locator(".search-page [data-search-results]");
    await region.locator("li").first().waitFor();
    expect(await region.locator("mark").allInnerTexts()).toEqual(["onerror"]);
    expect(await region.innerText()).toContain('<img src=x onerror="window.pwned=1">');
    expect(await region.locator("img").count()).toBe(0);
    expect(await page.evaluate("window.pwned")).toBeUndefined();
    // The search page reads its query from the address, and its box holds it.
    expect(await page.getByLabel("Search the posts and pages").inputValue()).toBe("onerror");
    await close();
  });

  it("finds every page holding a word, the post before the page", async () => {
    const { page, close } = await open("/blog/search/?q=lamps");
    const region = page.locator(".search-page [data-search-results]");
    await region.locator("li").first().waitFor();
    expect(await region.locator(".search-result-link").allInnerTexts()).toEqual(["Lantern basics", "About"]);
    expect(await region.locator("li").nth(1).locator("time").count()).toBe(0);
    await close();
  });

  it("shows a passage around a match deep in a long section, cut at spaces", async () => {
    const { page, close } = await open("/blog/search/?q=kero");
    const excerpt = page.locator(".search-page .search-result-excerpt").first();
    await excerpt.waitFor();
    expect(await page.locator(".search-page .search-result-link").first().innerText()).toBe("Lantern basics › Oil");
    const text = await excerpt.innerText();
    expect(text).toMatch(/^… .* Kerosene smells\. More filler words .* …$/);
    // Cut at spaces: every word shown is a whole word of the post.
    const words = new Set("Filler words of a long paragraph. Kerosene smells. More filler words after it.".split(" "));
    expect(text.slice(2, -2).split(" ").filter((w) => !words.has(w))).toEqual([]);
    expect(text.length).toBeLessThan(220);
    expect(await excerpt.locator("mark").allInnerTexts()).toEqual(["Kerosene"]);
    await close();
  });

  it("shows the ten best of many results in order, and each at the section where the words count most", async () => {
    const { page, close } = await open("/blog/search/?q=walrus");
    const region = page.locator(".search-page [data-search-results]");
    // The first five are shown once their fragments are in, the other five when theirs are.
    await region.locator("li").nth(9).waitFor();
    expect(await region.locator(".search-status").innerText()).toBe("12 results for “walrus”");
    expect(await region.locator(".search-result-link").allInnerTexts()).toEqual(
      [11, 10, 9, 8, 7, 6, 5, 4, 3, 2].map((i) => `Tusk note ${i} › Herd`));
    // Both words: only the posts with both, the one saying "walrus" once at its Ice section.
    await page.getByLabel("Search the posts and pages").fill("walrus floe");
    await expect.poll(() => region.locator(".search-status").innerText()).toBe("6 results for “walrus floe”");
    await region.locator("li").nth(5).waitFor();
    expect(await region.locator(".search-result-link").allInnerTexts()).toEqual(
      [10, 8, 6, 4, 2].map((i) => `Tusk note ${i} › Herd`).concat("Tusk note 0 › Ice"));
    await close();
  });

  it("finds a word in a chunk split by three letters, and a two-letter word", async () => {
    for (const [query, mark] of [["kiwif", "kiwifruit"], ["ki", "Ki"]]) {
      const { page, close } = await open(`/blog/search/?q=${query}`);
      const region = page.locator(".search-page [data-search-results]");
      await region.locator("li").first().waitFor();
      expect(await region.locator(".search-result-link").allInnerTexts()).toEqual(["Kiwi words"]);
      expect(await region.locator("mark").first().innerText()).toBe(mark);
      await close();
    }
  });

  it("reads the index again when the one it read is gone, as in the dev server after an edit", async () => {
    const { page, close } = await open("/blog/search/?q=lamps");
    const links = page.locator(".search-page .search-result-link");
    await links.first().waitFor();
    expect(await links.allInnerTexts()).toEqual(["Lantern basics", "About"]);
    served = nextOut; // the old index's files are gone now
    await page.getByLabel("Search the posts and pages").fill("lamps olive");
    await page.waitForFunction("document.querySelector('.search-page .search-status')?.textContent === '1 result for “lamps olive”'");
    expect(await links.allInnerTexts()).toEqual(["Oil lamps"]);
    await close();
  });

  it("clears the header's results with Escape and says when nothing matches", async () => {
    const { page, close } = await open("/blog/");
    const input = page.getByLabel("Search this site");
    await input.focus();
    await page.keyboard.type("zebra");
    const region = page.locator(".site-search [data-search-results]");
    await page.waitForFunction("document.querySelector('.site-search .search-status')?.textContent === 'No results for “zebra”'");
    await page.keyboard.press("Escape");
    expect(await region.innerHTML()).toBe("");
    expect(await input.inputValue()).toBe("");
    await close();
  });

  it("without JavaScript shows no box, and the search page says search needs it", async () => {
    const { page, close } = await open("/blog/search/", { javaScriptEnabled: false });
    expect(await page.locator("form[data-search]").isVisible()).toBe(false);
    expect(await page.locator("main").innerText()).toContain("Search needs JavaScript");
    const { page: post, close: closePost } = await open("/blog/posts/lantern/", { javaScriptEnabled: false });
    expect(await post.locator(".site-search").isVisible()).toBe(false);
    await closePost();
    await close();
  });
});
