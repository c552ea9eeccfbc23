/**
 * Test helper: three consecutive generations of a small blog, built by hand. Every page
 * changes each generation (its style sheet is new), posts are added (and the previous
 * newest post gains a "next" link to them), a second index page appears, a per-generation
 * tag page comes and goes, and hashed style sheets are kept for one generation back.
 */
import { makeSite, type SiteMap } from "./make-site.js";

const cssNames = ["assets/style.aaaaaaaa.css", "assets/style.bbbbbbbb.css", "assets/style.cccccccc.css", "assets/style.dddddddd.css"];
const perPage = 10;
/** A hashed file's bytes never change: the same name always holds the same style sheet. */
const css = (k: number) => `body { color: #${k}${k}${k}; background: url(../images/logo.png); }\n`;

const layout = (k: number, base: string, title: string, body: string) =>
  `<!doctype html>\n<html lang="en">\n<head>\n<title>${title}</title>\n` +
  `<link rel="stylesheet" href="${base}${cssNames[k]}">\n<link rel="icon" href="${base}images/logo.png">\n` +
  `</head>\n<body>\n<nav><a href="${base}">Home</a> <a href="${base}tags/all/">Tags</a></nav>\n${body}\n</body>\n</html>\n`;

/** The files of generation `k` (0, 1, 2…) of a site served at `baseUrl`. */
export function generationFiles(k: number, baseUrl = "https://example.com/"): Record<string, string | Uint8Array> {
  const base = new URL(baseUrl).pathname;
  const count = 8 + 4 * k;
  const files: Record<string, string | Uint8Array> = {
    [cssNames[k]!]: css(k),
    "images/logo.png": new Uint8Array([137, 80, 78, 71, 1, 2, 3]),
    "404.html": layout(k, base, "Not found", "<h1>Not found</h1>"),
    [`tags/gen-${k}/index.html`]: layout(k, base, `Generation ${k}`, `<a href="${base}posts/p${count - 1}/">newest</a>`),
  };
  if (k > 0) files[cssNames[k - 1]!] = css(k - 1);
  const list: string[] = [];
  for (let i = 0; i < count; i++) {
    const links = [i > 0 ? `<a href="../p${i - 1}/#top-${i - 1}">previous</a>` : "", i < count - 1 ? `<a href="${base}posts/p${i + 1}/">next</a>` : ""];
    const tag = i >= count - 4 ? `<a href="${base}tags/gen-${k}/">gen ${k}</a>` : "";
    files[`posts/p${i}/index.html`] = layout(k, base, `Post ${i}`, `<h1 id="top-${i}">Post ${i}</h1>\n${links.join(" ")} ${tag}`);
    list.push(`<li><a href="${base}posts/p${i}/">Post ${i}</a></li>`);
  }
  list.reverse();
  const pages = Math.ceil(count / perPage);
  for (let p = 1; p <= pages; p++) {
    const items = list.slice((p - 1) * perPage, p * perPage).join("\n");
    const more = p < pages ? `<a href="${base}page/${p + 1}/">older</a>` : "";
    files[p === 1 ? "index.html" : `page/${p}/index.html`] = layout(k, base, "Home", `<ul>\n${items}\n</ul>\n${more}`);
  }
  files["tags/all/index.html"] = layout(k, base, "All", `<ul>\n${list.join("\n")}\n</ul>`);
  const absolute = (path: string) => new URL(path, baseUrl).href;
  files["feed.xml"] = `<rss version="2.0"><channel><link>${absolute("")}</link>\n` +
    list.slice(0, 5).map((item) => `<item><link>${absolute(/href="[^"]*\/(posts\/p\d+\/)"/.exec(item)![1]!)}</link></item>`).join("\n") +
    "\n</channel></rss>\n";
  files["sitemap.xml"] = `<urlset>${[...Object.keys(files)].filter((p) => p.endsWith("index.html"))
    .map((p) => `<url><loc>${absolute(p.replace(/index\.html$/, ""))}</loc></url>`).join("")}</urlset>\n`;
  return files;
}

/** Generation `k` as a site map with its manifest. */
export const generation = (k: number, baseUrl = "https://example.com/"): SiteMap =>
  makeSite(generationFiles(k, baseUrl), baseUrl, k.toString(16).padStart(12, "0"));
