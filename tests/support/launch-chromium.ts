import { afterAll, beforeAll } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { chromium as playwright, type Browser, type Page } from "playwright-core";
import { chromiumPath } from "./system-tools.js";

/** Debian's Chromium, headless, with the flags that keep it off the network and quiet. */
export function launchChromium(): Promise<Browser> {
  return playwright.launch({
    executablePath: chromiumPath,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/** A browser for the tests of the enclosing `describe`: launched before them, closed after them. */
export function useChromium(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());
  return () => {
    if (browser === undefined) throw new Error("Chromium was not launched");
    return browser;
  };
}

const contentTypes: Readonly<Record<string, string>> = {
  ".css": "text/css", ".js": "text/javascript", ".json": "application/json", ".svg": "image/svg+xml",
  ".avif": "image/avif", ".webp": "image/webp", ".png": "image/png", ".jpg": "image/jpeg", ".woff2": "font/woff2",
};

/**
 * Answers `page`'s requests to `origin` from an output folder, as a static host serving it
 * below `basePath` would (`…/` is `…/index.html`; anything else is 404), in-process: no
 * server, no network. `folder` is read at each request, so a test may swap builds. Returns
 * the paths asked for that were not there.
 */
export async function serveOutput(page: Page, { origin, basePath, folder }: { origin: string; basePath: string; folder: () => string }): Promise<string[]> {
  const missing: string[] = [];
  await page.route(`${origin}/**`, async (route) => {
    const pathname = decodeURIComponent(new URL(route.request().url()).pathname);
    const file = pathname.startsWith(basePath) ? pathname.slice(basePath.length).replace(/(^|\/)$/, "$1index.html") : undefined;
    let body: Buffer | undefined;
    try {
      body = file === undefined ? undefined : readFileSync(path.join(folder(), file));
    } catch {
      body = undefined;
    }
    if (body === undefined) missing.push(pathname);
    await route.fulfill({ status: body === undefined ? 404 : 200, body: body ?? "", contentType: contentTypes[path.extname(file ?? "")] ?? "text/html" });
  });
  return missing;
}
