import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveOutput, useChromium } from "../support/launch-chromium.js";
import { runCli } from "../support/run-cli.js";
import { chromium } from "../support/system-tools.js";

/**
 * The built-in theme as a reader sees it, in Chromium: a small site under a base path, with a
 * custom.css override and a favicon, built by the CLI and served to the browser from the
 * output folder (requests are answered in-process: no server, no network).
 */
const tool = chromium();
const origin = "http://site.test";
const linkLight = "rgb(164, 38, 44)";
const linkDark = "rgb(255, 158, 158)";

const post = (slug: string, title: string, body: string, author = "Ann Example") =>
  `!! title: ${title}\n!! slug: ${slug}\n!! published: 2025-03-${slug.slice(-2)}\n!! author: ${author}\n\n---\n\n${body}\n`;

const numberedBody = ["## 1. Setup", "Text.", "## 2. Build", "Text.", "## What we skip", "Text.",
  "> The data should belong to the people who wrote it.", "> ", "> — a manifesto", "", "```sh\ndaylight build\n```"].join("\n\n");
const plainBody = ["## Setup", "Text.", "## Build", "Text.", "## Ship", "Text."].join("\n\n");

let root: string;
let out: string;
beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), "daylight-theme-layout-"));
  out = path.join(root, "dist");
  const files: Record<string, string> = {
    "site.config.json": JSON.stringify({ title: "Field Notes", url: "https://example.com/blog/", author: "Ann Example", postsPerPage: 50 }),
    "posts/numbered-10.md": post("numbered-10", "Numbered", numberedBody),
    "posts/plain-11.md": post("plain-11", "Plain", plainBody),
    "public/favicon.svg": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>',
    // The worked example of docs/theming.md: the link colour for both schemes, in one rule.
    "templates/assets/custom.css": ":root { --link-light: #a4262c; --link-dark: #ff9e9e; }\n",
  };
  // Authors of every length from 1 to 28 characters: wherever the line wraps, some post's
  // meta line ("… · Author · 1 min read") would split a phrase that must stay whole.
  for (let n = 1; n <= 28; n++) {
    const day = String(n).padStart(2, "0");
    files[`posts/p-${day}.md`] = post(`p-${day}`, `Post ${n}`, "Short.", "A".repeat(n));
  }
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  const run = await runCli(["build", "--root", root, "--out", out, "--no-cache"]);
  if (run.code !== 0) throw new Error(run.err.join("\n"));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe.skipIf(!tool.available)("the built-in theme in a browser", () => {
  const browser = useChromium();

  /** A page at `width` px in `scheme`, answered from the output folder; `missing` collects what was not there. */
  async function open(url: string, width: number, scheme: "light" | "dark" = "light") {
    const page: Page = await browser().newPage({ viewport: { width, height: 800 }, colorScheme: scheme });
    const missing = await serveOutput(page, { origin, basePath: "/blog/", folder: () => out });
    await page.goto(`${origin}${url}`);
    return { page, missing };
  }

  it("keeps dates, \"1 min read\" and \"JSON Feed\" on one line at every phone width", async () => {
    const { page } = await open("/blog/", 390);
    for (let width = 320; width <= 430; width += 5) {
      await page.setViewportSize({ width, height: 800 });
      // Each phrase is one box: a phrase split over two lines has two.
      const split = await page.evaluate(`[...document.querySelectorAll(".post-meta time, .post-meta .nowrap, .site-footer a")]
        .filter((el) => el.getClientRects().length !== 1).map((el) => el.textContent)`);
      expect({ width, split }).toEqual({ width, split: [] });
    }
    // The sweep met lines that wrapped inside the meta: it tested something.
    expect(await page.evaluate(`[...document.querySelectorAll(".post-meta")].some((p) => p.getClientRects()[0].height > 30)`)).toBe(true);
    await page.close();
  });

  it("links the favicon and the site's custom.css, so that nothing a page asks for is missing", async () => {
    const { page, missing } = await open("/blog/posts/numbered-10/", 1280);
    await page.waitForLoadState("load");
    expect(missing).toEqual([]);
    // Without a link, the browser asks for /favicon.ico at the domain root: not this site's.
    const icon = await page.evaluate(`document.querySelector('link[rel="icon"]')?.getAttribute("href")`);
    expect(icon).toBe("/blog/favicon.svg");
    expect(readFileSync(path.join(out, "favicon.svg"), "utf8")).toContain("<svg");
    expect(await page.evaluate(`[...document.styleSheets].map((s) => new URL(s.href).pathname.replace(/\\.[0-9a-f]{8}\\.css$/, ".css"))`))
      .toEqual(["/blog/assets/style.css", "/blog/assets/custom.css"]);
    await page.close();
  });

  it("changes the link colour in both schemes from the two values of custom.css", async () => {
    for (const [scheme, colour] of [["light", linkLight], ["dark", linkDark]] as const) {
      const { page } = await open("/blog/posts/numbered-10/", 1280, scheme);
      expect(await page.evaluate(`getComputedStyle(document.querySelector(".toc a")).color`)).toBe(colour);
      // The focus ring follows the link colour unless set on its own.
      expect(await page.evaluate(`(() => { const a = document.querySelector(".toc a"); a.focus(); return getComputedStyle(a).outlineColor; })()`))
        .toBe(colour);
      await page.close();
    }
  });

  it("numbers the contents only when the headings carry no numbers of their own", async () => {
    const listStyle = `getComputedStyle(document.querySelector(".toc ol")).listStyleType`;
    const numbered = await open("/blog/posts/numbered-10/", 390);
    expect(await numbered.page.evaluate(listStyle)).toBe("none");
    const plain = await open("/blog/posts/plain-11/", 390);
    expect(await plain.page.evaluate(listStyle)).toBe("decimal");
    await Promise.all([numbered.page.close(), plain.page.close()]);
  });

  it("pads a blockquote evenly and draws a visible box around code in light mode", async () => {
    const { page } = await open("/blog/posts/numbered-10/", 390);
    const [top, bottom] = (await page.evaluate(`(() => {
      const q = document.querySelector("blockquote").getBoundingClientRect();
      const first = document.querySelector("blockquote > :first-child").getBoundingClientRect();
      const last = document.querySelector("blockquote > :last-child").getBoundingClientRect();
      return [first.top - q.top, q.bottom - last.bottom];
    })()`)) as [number, number];
    expect(Math.abs(top - bottom)).toBeLessThanOrEqual(1);
    // Highlighted code brings a white background: on the near-white page only a border shows the box.
    const [border, width, background] = (await page.evaluate(`[getComputedStyle(document.querySelector("pre")).borderTopColor,
      getComputedStyle(document.querySelector("pre")).borderTopWidth, getComputedStyle(document.body).backgroundColor]`)) as string[];
    expect(width).not.toBe("0px");
    expect(border).not.toBe(background);
    await page.close();
  });
});
