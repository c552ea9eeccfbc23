import { describe, expect, it } from "vitest";
import { defaultSiteConfig, type SiteConfig } from "../../src/config/site-config.js";
import { headerKeyPosition } from "../../src/content/header-key-position.js";
import { parsePost } from "../../src/content/parse-post.js";
import { parseTomlHeader } from "../../src/content/parse-toml-header.js";
import { positionAt } from "../../src/diagnostics.js";

const config: SiteConfig = { ...defaultSiteConfig, url: "https://example.com/" };
const rules = (ds: readonly { rule: string; line?: number; column?: number }[]) => ds.map((d) => [d.rule, d.line, d.column]);

const hugo = [
  "+++", 'title = "Hugo post"', "date = 2024-03-05T10:00:00+01:00", "draft = false", 'tags = ["go", "Web"]',
  'categories = ["web"]', 'slug = "hugo-post"', 'description = "Short."', 'aliases = ["/old/hugo/"]', "+++", "", "Body.",
].join("\n");

const zola = [
  "+++", 'title = "Zola post"', "date = 2024-03-05", "", "[taxonomies]", 'tags = ["rust"]', "", "[extra]",
  'image = "cover.png"', "toc = true", "+++", "", "Body.",
].join("\n");

describe("parseTomlHeader", () => {
  it("reads top-level keys with their positions, tables as one field, dates as written", () => {
    const { fields, diagnostics, bodyStart } = parseTomlHeader(zola, "posts/z.md");
    expect(diagnostics).toEqual([]);
    expect(fields.get("title")).toMatchObject({ value: "Zola post", line: 2, column: 9, keyColumn: 1 });
    expect(fields.get("date")).toMatchObject({ value: "2024-03-05", raw: "2024-03-05", line: 3, column: 8 });
    expect(fields.get("taxonomies")).toMatchObject({ value: { tags: ["rust"] }, line: 5, keyColumn: 2 });
    expect(fields.get("extra")?.value).toEqual({ image: "cover.png", toc: true });
    expect(Object.getPrototypeOf(fields.get("extra")?.value)).toBe(Object.prototype);
    expect(zola.slice(bodyStart)).toBe("\nBody.");
  });

  it("reports invalid TOML at its line and column in the file", () => {
    const { diagnostics } = parseTomlHeader('+++\ntitle = "T"\ndate = @\n+++\n', "a.md");
    expect(rules(diagnostics)).toEqual([["toml-syntax", 3, 8]]);
    expect(diagnostics[0]?.message).toContain("invalid TOML");
    expect(rules(parseTomlHeader('+++\ntitle = "T"\n', "a.md").diagnostics)).toEqual([["toml-syntax", 1, 1]]);
    expect(rules(parseTomlHeader('\uFEFF+++\r\ntitle = "T"\r\ntitle = "U"\r\n+++\r\n', "a.md").diagnostics)).toEqual([["toml-syntax", 3, 1]]);
  });
});

describe("TOML posts (Hugo, Zola)", () => {
  it("read Hugo's keys into the same meta as YAML", () => {
    const { post, diagnostics } = parsePost({ path: "posts/h.md", text: hugo }, config);
    expect(diagnostics).toEqual([]);
    expect(post?.format).toBe("toml");
    expect(post?.meta).toMatchObject({ title: "Hugo post", slug: "hugo-post", description: "Short.", tags: ["go", "Web"], draft: false, aliases: ["/old/hugo/"] });
    expect(post?.meta.published?.toISOString()).toBe("2024-03-05T09:00:00.000Z");
    expect(positionAt(post?.body ?? "", post?.body.indexOf("Body.") ?? -1)).toEqual({ line: 12, column: 1 });
    expect(headerKeyPosition(post!, "slug")).toEqual({ line: 7, column: 8 });
  });

  it("read Zola's taxonomies as tags and keep [extra] for templates", () => {
    const { post, diagnostics } = parsePost({ path: "posts/2024-03-05-zola/index.md", text: zola }, config);
    expect(diagnostics).toEqual([]);
    expect(post?.meta).toMatchObject({ slug: "zola", tags: ["rust"], extra: { taxonomies: { tags: ["rust"] }, extra: { image: "cover.png", toc: true } } });
  });

  it("read `draft = true` as a draft and hint in TOML", () => {
    expect(parsePost({ path: "posts/d.md", text: '+++\ntitle = "D"\ndraft = true\n+++\n' }, config).post?.meta.draft).toBe(true);
    const { diagnostics } = parsePost({ path: "posts/d.md", text: '+++\ntitle = "D"\ndate = "soon"\n+++\n' }, config);
    expect(rules(diagnostics)).toEqual([["invalid-date", 3, 8]]);
    expect(diagnostics[0]?.hint).toContain("`date = 2025-03-14`");
    const draft = parsePost({ path: "posts/d.md", text: '+++\ntitle = "D"\ndraft = "maybe"\n+++\n' }, config).diagnostics;
    expect(draft.map((d) => [d.rule, d.hint])[0]).toEqual(["invalid-field", "write `draft = true` or `draft = false`"]);
  });
});
