import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveOutput, useChromium } from "../support/launch-chromium.js";
import { repoRoot, runCli } from "../support/run-cli.js";
import { chromium } from "../support/system-tools.js";

/**
 * The sample blog's post with a chart and formulas, in Chromium at a phone's and a desktop's
 * width: the picture takes the AVIF variant its width needs, the formulas are laid out with
 * KaTeX's fonts, and nothing it asks for is missing. Screenshots are left in the system's
 * temp folder (the path is printed) for a person to look at.
 */
const tool = chromium();
const origin = "http://site.test";
const shots = mkdtempSync(path.join(os.tmpdir(), "daylight-pictures-shots-"));
let out: string;
beforeAll(async () => {
  out = path.join(mkdtempSync(path.join(os.tmpdir(), "daylight-pictures-browser-")), "dist");
  const run = await runCli(["build", "--root", repoRoot, "--out", out, "--no-cache"]);
  if (run.code !== 0) throw new Error(run.err.join("\n"));
});
afterAll(() => rmSync(path.dirname(out), { recursive: true, force: true }));

describe.skipIf(!tool.available)("a post with a picture and formulas in a browser", () => {
  const browser = useChromium();

  it.each([
    ["phone", 390, 2, 800],
    ["desktop", 1280, 1, 800],
  ])("at %s width (%i px, %i× pixels) shows the %iw AVIF and typeset formulas", async (name, width, scale, expectedWidth) => {
    const page = await browser().newPage({ viewport: { width, height: 900 }, deviceScaleFactor: scale });
    const missing = await serveOutput(page, { origin, basePath: "/", folder: () => out });
    await page.goto(`${origin}/posts/eight-hex-digits/`);
    await page.waitForFunction("[...document.images].every((img) => img.complete)");
    await page.evaluate("document.fonts.ready");
    // Strings: the test's own code is typed for Node, not for the page's DOM.
    const seen = (await page.evaluate(`(() => {
      const img = document.querySelector("picture img");
      const display = document.querySelector(".katex-display .katex-html");
      return {
        currentSrc: img.currentSrc,
        naturalWidth: img.naturalWidth,
        shownWidth: img.getBoundingClientRect().width,
        katexFont: document.fonts.check("16px KaTeX_Main") && document.fonts.check("16px KaTeX_Math"),
        formulaFont: getComputedStyle(document.querySelector(".katex")).fontFamily,
        displayHeight: display.getBoundingClientRect().height,
        mathmlHidden: getComputedStyle(document.querySelector(".katex-mathml")).position === "absolute",
      };
    })()`)) as { currentSrc: string; naturalWidth: number; shownWidth: number; katexFont: boolean; formulaFont: string; displayHeight: number; mathmlHidden: boolean };
    await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
    console.log(`screenshot: ${path.join(shots, `${name}.png`)}`);
    await page.close();
    expect(missing).toEqual([]);
    expect(seen.currentSrc).toMatch(new RegExp(`/assets/collisions-${expectedWidth}\\.[0-9a-f]{8}\\.avif$`));
    // A srcset candidate's density makes its natural width the width of the slot it fills: decoded, and at the size the layout gave it.
    expect(seen.naturalWidth).toBe(Math.round(seen.shownWidth));
    expect(seen.shownWidth).toBeLessThanOrEqual(width);
    expect(seen.katexFont).toBe(true);
    expect(seen.formulaFont).toContain("KaTeX_Main");
    expect(seen.displayHeight).toBeGreaterThan(20);
    expect(seen.mathmlHidden).toBe(true);
  });
});
