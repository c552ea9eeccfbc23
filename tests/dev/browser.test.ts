import { writeFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useChromium } from "../support/launch-chromium.js";
import { chromium } from "../support/system-tools.js";
import { postText, useDevServer, writeFiles } from "./dev-fixtures.js";

const tool = chromium();
const dev = useDevServer();
/** Browser-side predicates, as strings: the tests' TypeScript has no DOM types. */
const streamOpen = "window.__daylight?.source.readyState === 1";
const bodyHas = (text: string) => `document.body.textContent.includes(${JSON.stringify(text)})`;
const longBody = Array.from({ length: 80 }, (_, i) => `Paragraph ${i} of a long post.`).join("\n\n");

describe.skipIf(!tool.available)("the page in a real browser", () => {
  const browser = useChromium();

  /** A server over a fresh site and a page open at `target`, its live-reload stream connected. */
  async function open(target: string, files: Record<string, string> = {}) {
    const root = dev.site();
    writeFiles(root, { "posts/alpha.md": postText("Alpha", "alpha", `Top text.\n\n${longBody}`), ...files });
    const server = await dev.start(root);
    const page: Page = await browser().newPage();
    const navigations: string[] = [];
    page.on("framenavigated", (frame) => {
      if (frame === page.mainFrame()) navigations.push(frame.url());
    });
    await page.goto(new URL(target, server.url).href);
    await page.waitForFunction(streamOpen);
    await page.evaluate('window.marker = "still here"');
    const file = (p: string) => path.join(root, p);
    return { page, server, file, navigations, marker: () => page.evaluate("window.marker") };
  }

  it("morphs an edited post in place: no navigation, scroll kept", async () => {
    const t = await open("/posts/alpha/");
    await t.page.evaluate("window.scrollTo(0, 1500)");
    const scrolled = await t.page.evaluate("window.scrollY");
    expect(scrolled).toBeGreaterThan(1000);
    writeFileSync(t.file("posts/alpha.md"), postText("Alpha", "alpha", `Edited top text.\n\n${longBody}`));
    await t.page.waitForFunction(bodyHas("Edited top text."));
    expect(await t.marker()).toBe("still here");
    expect(await t.page.evaluate("window.scrollY")).toBe(scrolled);
    expect(t.navigations).toHaveLength(1);
    // The header's search box, shown by its script, is shown again after the morph.
    expect(await t.page.locator("form[data-search]").isVisible()).toBe(true);
    await t.page.close();
  });

  it("morphs from the page pushed with the quick answer, fetching nothing", async () => {
    const root = dev.site();
    writeFiles(root, { "posts/alpha.md": postText("Alpha", "alpha", `Top text.\n\n${longBody}`) });
    // The whole build (whose event makes the page fetch itself) comes long after the checks below.
    const server = await dev.start(root, { debounceMs: 10_000 });
    const page: Page = await browser().newPage();
    await page.goto(new URL("/posts/alpha/", server.url).href);
    await page.waitForFunction(streamOpen);
    const fetched: string[] = [];
    page.on("request", (request) => fetched.push(request.url()));
    writeFileSync(path.join(root, "posts/alpha.md"), postText("Alpha", "alpha", `Pushed text.\n\n${longBody}`));
    await page.waitForFunction(bodyHas("Pushed text."), undefined, { timeout: 9_000 });
    expect(fetched).toEqual([]);
    await page.close();
  });

  it("swaps a changed stylesheet without a reload", async () => {
    const t = await open("/posts/alpha/", { "templates/assets/style.css": "body { background: rgb(255, 255, 255); }\n" });
    writeFileSync(t.file("templates/assets/style.css"), "body { background: rgb(10, 20, 30); }\n");
    await t.page.waitForFunction("getComputedStyle(document.body).backgroundColor === 'rgb(10, 20, 30)'");
    expect(await t.marker()).toBe("still here");
    expect(await t.page.locator("link[rel=stylesheet]").count()).toBe(1);
    await t.page.close();
  });

  it("shows build errors in an overlay with file and line, and clears it once fixed", async () => {
    const t = await open("/posts/alpha/");
    writeFileSync(t.file("posts/alpha.md"), "!! slug: alpha\n!! published: 2024-03-05\n\n---\n\nNo title.\n");
    const overlay = t.page.locator("#__daylight-overlay");
    await overlay.waitFor();
    const text = await t.page.locator("#__daylight-overlay .panel").innerText();
    expect(text).toContain("posts/alpha.md:");
    expect(text).toContain("missing-title");
    expect(await t.page.locator("#__daylight-overlay .where").first().textContent()).toMatch(/^posts\/alpha\.md:\d+/);
    // The last good build is still what the page shows.
    expect(await t.page.locator("main").innerText()).toContain("Top text.");
    // A page loaded now shows the overlay at once.
    const second = await browser().newPage();
    await second.goto(t.page.url());
    await second.locator("#__daylight-overlay").waitFor();
    await second.close();
    writeFileSync(t.file("posts/alpha.md"), postText("Alpha", "alpha", `Fixed text.\n\n${longBody}`));
    await overlay.waitFor({ state: "detached" });
    await t.page.waitForFunction(bodyHas("Fixed text."));
    expect(await t.marker()).toBe("still here");
    await t.page.close();
  });

  it("never parses diagnostic text as HTML in the overlay", async () => {
    const t = await open("/posts/alpha/");
    const payload = '<img src=x onerror="window.pwned=1">';
    writeFileSync(t.file("posts/alpha.md"), `!! title: Alpha\n!! slug: alpha\n!! published: ${payload}\n\n---\n\nx\n`);
    await t.page.locator("#__daylight-overlay").waitFor();
    expect(await t.page.locator("#__daylight-overlay .panel").innerText()).toContain("posts/alpha.md:3");
    expect(await t.page.locator("#__daylight-overlay img").count()).toBe(0);
    expect(await t.page.evaluate("window.pwned")).toBeUndefined();
    await t.page.close();
  });

  it("shows a new post on the open index, and the 404 page on a deleted post's page", async () => {
    const t = await open("/");
    writeFileSync(t.file("posts/fresh.md"), postText("A fresh post", "fresh", "New.", "2024-12-01"));
    await t.page.getByText("A fresh post").first().waitFor();
    expect(await t.marker()).toBe("still here");
    await t.page.goto(new URL("/posts/beta/", t.server.url).href);
    await t.page.waitForFunction(streamOpen);
    const { unlinkSync } = await import("node:fs");
    unlinkSync(t.file("posts/beta.md"));
    await t.page.waitForFunction(`!${bodyHas("The second post")}`);
    expect(await t.page.title()).toMatch(/not found|404/i);
    await t.page.close();
  });

  it("follows to the edited post with navigate", async () => {
    const root = dev.site();
    const server = await dev.start(root, { navigate: true });
    const page = await browser().newPage();
    await page.goto(server.url);
    await page.waitForFunction(streamOpen);
    writeFileSync(path.join(root, "posts/beta.md"), postText("Beta", "beta", "Edited beta."));
    await page.waitForURL(/\/posts\/beta\/$/);
    await page.getByText("Edited beta.").waitFor();
    await page.close();
  });
});
