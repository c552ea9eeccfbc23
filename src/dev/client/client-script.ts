/**
 * The browser side of live reload, served at /__daylight/client.js as an ES module. It is
 * kept as text (not compiled) because it runs in the page, not in Node. It listens to the
 * server's event stream and, after a rebuild: morphs the open page's <body> with Idiomorph
 * when that page changed (no navigation, scroll kept; from the HTML in the event when the
 * server pushed it, else fetched), swaps changed stylesheets with a
 * cache-buster, follows to the edited post with --navigate, and shows build errors in an
 * overlay built with textContent only (diagnostic text is never parsed as HTML).
 */
export const clientScript = String.raw`
import { Idiomorph } from "/__daylight/idiomorph.js";

const overlayId = "__daylight-overlay";
const state = { busy: Promise.resolve(), navigatingTo: undefined, shown: undefined };

function pagePath(pathname) {
  return pathname.endsWith("/index.html") ? pathname.slice(0, -"index.html".length) : pathname;
}

async function morphPage() {
  const response = await fetch(location.href, { cache: "no-store" });
  morphWith(await response.text());
}

/** Morphs the page into the given HTML; the same HTML as last time (a whole build after a quick answer) changes nothing. */
function morphWith(html) {
  if (html === state.shown) return;
  state.shown = html;
  const doc = new DOMParser().parseFromString(html, "text/html");
  document.title = doc.title;
  Idiomorph.morph(document.body, doc.body, { morphStyle: "outerHTML" });
  syncStylesheets(doc);
  document.dispatchEvent(new CustomEvent("daylight:morphed"));
}

function stylesheetLinks(root) {
  return Array.from(root.querySelectorAll("link[rel~=stylesheet][href]"));
}

function withoutBuster(href) {
  const url = new URL(href, location.href);
  url.searchParams.delete("daylight");
  return url.href;
}

/** After a morph: add and drop stylesheet links so the head matches the new page. */
function syncStylesheets(doc) {
  const wanted = stylesheetLinks(doc).map((link) => withoutBuster(link.href));
  const present = stylesheetLinks(document.head);
  for (const link of present) if (!wanted.includes(withoutBuster(link.href))) link.remove();
  const have = present.map((link) => withoutBuster(link.href));
  for (const href of wanted) {
    if (have.includes(href)) continue;
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = href;
    document.head.append(link);
  }
}

/** Loads the new stylesheet beside the old one and drops the old one once loaded: no flash. */
function reloadStylesheets(changedUrls) {
  for (const link of stylesheetLinks(document)) {
    const url = new URL(link.href, location.href);
    if (url.origin !== location.origin || !changedUrls.includes(url.pathname)) continue;
    const fresh = link.cloneNode();
    url.searchParams.set("daylight", String(Date.now()));
    fresh.href = url.href;
    fresh.addEventListener("load", () => link.remove(), { once: true });
    fresh.addEventListener("error", () => link.remove(), { once: true });
    link.after(fresh);
  }
}

function showOverlay(diagnostics) {
  hideOverlay();
  const host = document.createElement("div");
  host.id = overlayId;
  const shadow = host.attachShadow({ mode: "open" });
  const panel = element("div", "panel");
  const title = element("h2", "title", "daylight: the site has errors (the last good build is shown)");
  const close = element("button", "close", "×");
  close.setAttribute("aria-label", "Close");
  close.addEventListener("click", hideOverlay);
  panel.append(close, title);
  const list = element("ul", "list");
  for (const d of diagnostics) list.append(diagnosticItem(d));
  panel.append(list);
  const style = element("style", "", overlayCss);
  shadow.append(style, panel);
  host.setAttribute("role", "alert");
  // Outside <body>, so that morphing the page leaves the overlay alone.
  document.documentElement.append(host);
}

function diagnosticItem(d) {
  const item = element("li", "item " + (d.severity === "error" ? "error" : "warning"));
  const where = [d.file, d.line, d.column].filter((part) => part !== undefined && part !== null).join(":");
  item.append(element("div", "where", where || "daylight"));
  const head = element("div", "message");
  head.append(element("strong", "severity", d.severity), document.createTextNode(" " + d.message + " "), element("code", "rule", "[" + d.rule + "]"));
  item.append(head);
  if (d.hint) item.append(element("div", "hint", "hint: " + d.hint));
  return item;
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function hideOverlay() {
  document.getElementById(overlayId)?.remove();
}

const overlayCss = [
  ":host { all: initial; position: fixed; inset: 1rem; z-index: 2147483647; }",
  ".panel { position: absolute; inset: 0; overflow: auto; box-sizing: border-box;",
  "  padding: 1rem 1.25rem; background: #1d1f21; color: #f4f4f4; border-top: 6px solid #e5484d;",
  "  font: 14px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; box-shadow: 0 8px 32px rgba(0,0,0,.5); }",
  ".title { margin: 0 2rem .75rem 0; font-size: 16px; color: #ff8e8e; }",
  ".list { list-style: none; margin: 0; padding: 0; }",
  ".item { padding: .5rem 0; border-top: 1px solid #3a3d41; white-space: pre-wrap; overflow-wrap: anywhere; }",
  ".where { color: #9ecbff; }",
  ".error .severity { color: #ff8e8e; } .warning .severity { color: #f5d67b; }",
  ".rule { color: #a0a0a0; } .hint { color: #c8e6c9; }",
  ".close { position: absolute; top: .5rem; right: .75rem; background: none; border: 0; color: inherit; font-size: 20px; cursor: pointer; }",
].join("\n");

function onRebuilt(event) {
  const data = JSON.parse(event.data);
  hideOverlay();
  const here = pagePath(location.pathname);
  if (data.navigate && data.navigate !== here) {
    // A quick answer and the whole build both name the edited post: going there twice would
    // abort the first navigation.
    if (state.navigatingTo !== data.navigate) {
      state.navigatingTo = data.navigate;
      location.assign(data.navigate);
    }
    return;
  }
  reloadStylesheets(data.changed);
  if (!data.changed.includes(here)) return;
  // A quick answer brings the edited page along: no round trip for it.
  const pushed = data.page && data.page.url === here ? data.page.html : undefined;
  const morph = pushed === undefined ? morphPage : () => morphWith(pushed);
  state.busy = state.busy.then(morph).catch(() => location.reload());
}

function onErrors(event) {
  showOverlay(JSON.parse(event.data).diagnostics);
}

const source = new EventSource("/__daylight/events");
source.addEventListener("rebuilt", onRebuilt);
source.addEventListener("errors", onErrors);
window.__daylight = { source, morphPage };
`;
