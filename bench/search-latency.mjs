/**
 * Time from a keystroke to the search results, in headless Chromium, on a built site with
 * `"search": true`: node bench/search-latency.mjs OUT_DIR [WORD ...]. The site is served from
 * the folder by a static server on localhost (no cache headers: every file is fetched once
 * per page), so the figures are the script's own time plus fetching and parsing the index's
 * files, without a network's latency. For each word, in a fresh page: the box is focused, the reader takes 400 ms to
 * start typing (the index's entry is read meanwhile), then the word is typed at once.
 * "first" is that first query; "again" types a longer word whose chunk is loaded. Each is
 * timed to the answer (its status line, shown with the first results) and to the last of
 * the results shown (up to ten: the script shows the first five as soon as their fragments
 * are in, the others as they come).
 * A measurement, not a test: it depends on the machine.
 */
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import { chromium } from "playwright-core";

const [out, ...given] = process.argv.slice(2);
if (!out) throw new Error("usage: node bench/search-latency.mjs OUT_DIR [WORD ...]");
const words = given.length > 0 ? given : ["deploy", "cache", "rollback", "schema", "latency", "thread", "budget"];
const types = { ".html": "text/html", ".css": "text/css", ".js": "text/javascript", ".json": "application/json", ".svg": "image/svg+xml" };

// A static host on localhost: the files as they are, with the theme's cache headers left out.
let searchBytes = 0;
const server = createServer((request, response) => {
  const pathname = decodeURIComponent(new URL(request.url, "http://localhost").pathname);
  const file = path.join(out, pathname.replace(/(^|\/)$/, "$1index.html"));
  let body;
  try {
    body = readFileSync(file);
  } catch {
    response.writeHead(404).end();
    return;
  }
  if (pathname.includes("/search/")) searchBytes += body.length;
  response.writeHead(200, { "content-type": types[path.extname(file)] ?? "text/html" }).end(body);
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const first = [];
const firstComplete = [];
const again = [];
let bytes = 0;
for (const word of words) {
  const page = await browser.newPage();
  const before = searchBytes;
  await page.goto(`${origin}/`);
  const input = page.locator("#site-search-input");
  await input.focus();
  await page.waitForTimeout(400);
  // Timed inside the page: from the input event to the mutation that shows the answer's status line.
  await page.evaluate(() => {
    const region = document.querySelector(".site-search [data-search-results]");
    document.querySelector("#site-search-input").addEventListener("input", () => { window.typedAt = performance.now(); }, { capture: true });
    new MutationObserver(() => {
      const text = region.querySelector(".search-status")?.textContent ?? "";
      if (!text.includes(`“${document.querySelector("#site-search-input").value}”`)) return;
      window.answeredAt ??= performance.now();
      const count = Number.parseInt(text, 10) || 0; // "No results…": none to wait for
      if (region.querySelectorAll("li").length >= Math.min(10, count)) window.completeAt ??= performance.now();
    }).observe(region, { childList: true, subtree: true, characterData: true });
  });
  const timeTo = async (text) => {
    await page.evaluate(() => { window.answeredAt = undefined; window.completeAt = undefined; });
    await input.fill(text);
    await page.waitForFunction(() => window.completeAt !== undefined);
    return page.evaluate(() => [window.answeredAt - window.typedAt, window.completeAt - window.typedAt]);
  };
  const [answered, complete] = await timeTo(word.slice(0, 4));
  first.push(answered);
  firstComplete.push(complete);
  bytes += searchBytes - before;
  again.push((await timeTo(word))[0]);
  await page.close();
}
await browser.close();
server.close();
console.log(`words: ${words.join(", ")}`);
console.log(`first query (4 letters, after focus): median ${median(first).toFixed(0)} ms (${first.map((ms) => ms.toFixed(0)).join(", ")})`);
console.log(`first query, all results shown: median ${median(firstComplete).toFixed(0)} ms (${firstComplete.map((ms) => ms.toFixed(0)).join(", ")})`);
console.log(`refined query (whole word): median ${median(again).toFixed(0)} ms (${again.map((ms) => ms.toFixed(0)).join(", ")})`);
console.log(`search files read up to the first answer: ${(bytes / words.length / 1024).toFixed(0)} KB on average`);
