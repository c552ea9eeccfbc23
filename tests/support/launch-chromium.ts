import { chromium as playwright, type Browser } from "playwright-core";
import { chromiumPath } from "./system-tools.js";

/** Debian's Chromium, headless, with the flags that keep it off the network and quiet. */
export function launchChromium(): Promise<Browser> {
  return playwright.launch({
    executablePath: chromiumPath,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}
