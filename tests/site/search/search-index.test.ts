import { describe, expect, it } from "vitest";
import { cacheClassOf } from "../../../src/generations/cache-class-of.js";
import { htmlToText } from "../../../src/site/search/html-text.js";
import { themeDateText, toSearchDocument } from "../../../src/site/search/search-document.js";
import { chunkPostings, searchFiles, searchPointerPath } from "../../../src/site/search/search-files.js";
import { searchTerms } from "../../../src/site/search/search-terms.js";
import { makeRenderedPost } from "../../support/make-rendered-post.js";

const anchor = (id: string) => `<a class="heading-anchor" aria-label="Link to this section" href="#${id}"><span aria-hidden="true">#</span></a>`;
const body = [
  "<p>Intro about <code>a &#x3C; b</code> &amp; caching.</p>",
  `<h2 id="setup">Setting up${anchor("setup")}</h2>`,
  "<p>Install the <strong>widget</strong>.</p><ul><li>one</li><li>two</li></ul>",
  `<h3 id="caf\u00e9">Caf\u00e9 notes${anchor("caf\u00e9")}</h3>`,
  "<p>Cr\u00e8me br\u00fbl\u00e9e.</p>",
].join("\n");
const post = makeRenderedPost({
  slug: "widgets", title: "All about widgets", html: body, description: "A post on widgets",
  published: new Date("2025-06-24T14:00:00Z"),
  headings: [{ depth: 2, id: "setup", text: "Setting up" }, { depth: 3, id: "caf\u00e9", text: "Caf\u00e9 notes" }],
});
const dateText = themeDateText("UTC", "en");

describe("a post as the search index sees it", () => {
  it("is split at each heading with an id, with the text under it and no anchor marks", () => {
    const doc = toSearchDocument(post, dateText);
    expect(doc).toEqual({
      url: "/posts/widgets/", title: "All about widgets", description: "A post on widgets",
      date: "2025-06-24T14:00:00.000Z", dateText: "24 June 2025",
      sections: [
        { id: "", heading: "", text: "Intro about a < b & caching." },
        { id: "setup", heading: "Setting up", text: "Install the widget. one two" },
        { id: "caf\u00e9", heading: "Caf\u00e9 notes", text: "Cr\u00e8me br\u00fbl\u00e9e." },
      ],
    });
  });

  it("dates a post as the theme prints it, in the site's zone and language", () => {
    expect(themeDateText("Pacific/Auckland", "en")(new Date("2025-06-24T14:00:00Z"))).toBe("25 June 2025");
    expect(themeDateText("UTC", "de")(new Date("2025-03-01T00:00:00Z"))).toBe("1 M\u00e4rz 2025");
  });

  it("never takes markup for text: tags are dropped, entities decoded once", () => {
    expect(htmlToText("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p><script>x()</script><p>b&amp;amp;c</p>"))
      .toBe("<script>alert(1)</script> b&amp;c");
  });

  it("folds words as a query is folded: case, accents, compatibility forms", () => {
    expect(searchTerms("Caf\u00e9 CR\u00c8ME \ufb01le x2-y")).toEqual(["cafe", "creme", "file", "x2", "y"]);
  });
});

describe("the index's files", () => {
  const other = makeRenderedPost({ slug: "gadgets", title: "Gadgets", html: "<p>Widget free text.</p>" });
  const docs = [post, other].map((p) => toSearchDocument(p, dateText));

  it("rank a title's word over a body's, and keep each word's section", () => {
    const chunks = chunkPostings(docs);
    expect(chunks.get("wi")?.["widgets"]).toEqual([0, 0, 10 + 2]);
    expect(chunks.get("wi")?.["widget"]).toEqual([0, 1, 1, 1, 0, 1]);
    expect(chunks.get("ca")?.["cafe"]).toEqual([0, 2, 5]);
    // Each doc is its distance from the previous one in the list: docs 1, 3 and 4 are 1, 2, 1.
    const lamps = ["a", "b lamp", "c", "d lamp", "e lamp"].map((text, i) =>
      toSearchDocument(makeRenderedPost({ slug: `s${i}`, title: "T", html: `<p>${text}</p>` }), dateText));
    expect(chunkPostings(lamps).get("la")?.["lamp"]).toEqual([1, 0, 1, 2, 0, 1, 1, 0, 1]);
    // One-letter words are not indexed: a query needs two letters.
    expect(chunks.get("a")).toBeUndefined();
  });

  it("split a large chunk by three letters, a two-letter word keeping the two-letter chunk", () => {
    const many = Array.from({ length: 3000 }, (_, i) => `kiw${i}`).join(" ");
    const kiwis = [makeRenderedPost({ slug: "k", title: "Kiwi", html: `<p>ki ${many}</p>` }), makeRenderedPost({ slug: "w", title: "Wiki", html: "<p>kayak</p>" })]
      .map((p) => toSearchDocument(p, dateText));
    const chunks = chunkPostings(kiwis);
    expect([...chunks.keys()].filter((k) => k.startsWith("k"))).toEqual(["ka", "ki", "kiw"]);
    expect(Object.keys(chunks.get("ki") ?? {})).toEqual(["ki"]);
    expect(chunks.get("kiw")?.["kiwi"]).toEqual([0, 0, 10]);
    expect(Object.keys(chunks.get("kiw") ?? {})).toHaveLength(3001);
    expect(chunks.get("ka")).toEqual({ kayak: [1, 0, 1] });
  });

  it("are content-hashed below assets/ except the pointer, which names the entry relative to itself", () => {
    const files = searchFiles(docs);
    const paths = files.map((f) => f.path);
    expect(paths).toContain(searchPointerPath);
    for (const path of paths.filter((p) => p !== searchPointerPath)) {
      expect(path).toMatch(/^assets\/search\/(doc|terms|index)\.[0-9a-f]{8}\.json$/);
      expect(cacheClassOf(path)).toBe("immutable");
    }
    expect(cacheClassOf(searchPointerPath)).toBe("revalidate");
    const text = (path: string) => String((files.find((f) => f.path === path) as { contents: string }).contents);
    const pointer = JSON.parse(text(searchPointerPath)) as { format: number; index: string };
    const entryPath = `search/${pointer.index}`.replace("search/../", "");
    const entry = JSON.parse(text(entryPath)) as { docs: string[]; chunks: Record<string, string> };
    expect(entry.docs.map((d) => `assets/search/${d}`).every((p) => paths.includes(p))).toBe(true);
    expect(Object.values(entry.chunks).map((c) => `assets/search/${c}`).every((p) => paths.includes(p))).toBe(true);
    expect(JSON.parse(text(`assets/search/${entry.docs[1]}`))).toMatchObject({ url: "/posts/gadgets/", title: "Gadgets", date: "" });
  });

  it("are the same bytes for the same documents, whatever order their words were met in", () => {
    const again = [post, other].map((p) => toSearchDocument(p, dateText));
    expect(searchFiles(again)).toEqual(searchFiles(docs));
    // A changed post changes its fragment's and its chunks' names, and the entry's.
    const edited = searchFiles([toSearchDocument(makeRenderedPost({ slug: "widgets", title: "All about gizmos", html: body }), dateText), docs[1]!]);
    expect(edited.find((f) => f.path.startsWith("assets/search/index."))?.path).not.toBe(searchFiles(docs).find((f) => f.path.startsWith("assets/search/index."))?.path);
  });
});
