import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { BuildOutcome } from "../../src/dev/build-outcome.js";
import { createDevSite } from "../../src/dev/dev-site.js";
import { siteLayout } from "../../src/read/read-site.js";
import { postText, useDevServer } from "./dev-fixtures.js";

const dev = useDevServer();
const text = (files: ReadonlyMap<string, Uint8Array>, file: string) => Buffer.from(files.get(file) ?? []).toString();

describe("the quick answer to a post edit", () => {
  it("updates the edited post's page first, then the whole build reports every change", async () => {
    const root = dev.site();
    const site = await createDevSite(siteLayout(root), "http://127.0.0.1:4000/", new Date("2025-01-01T00:00:00Z"));
    const file = path.join(root, "posts/alpha.md");
    writeFileSync(file, postText("Alpha", "alpha", "Edited quickly."));
    const early: { outcome: BuildOutcome; page: string; index: string }[] = [];
    const full = await site.rebuild([{ kind: "post", event: "change", file }], (outcome) => {
      early.push({ outcome, page: text(site.files, "posts/alpha/index.html"), index: text(site.files, "index.html") });
    });
    expect(early).toHaveLength(1);
    expect(early[0]?.outcome.changedUrls).toEqual(["/posts/alpha/"]);
    expect(early[0]?.page).toContain("Edited quickly.");
    // The lists are the whole build's job: at the quick answer the index still has the old excerpt.
    expect(early[0]?.index).toContain("The first post.");
    expect(full.changedUrls).toEqual(expect.arrayContaining(["/posts/alpha/", "/"]));
    expect(text(site.files, "index.html")).toContain("Edited quickly.");
  });

  it("gives no quick answer for a post that is added, or whose header is broken", async () => {
    const root = dev.site();
    const site = await createDevSite(siteLayout(root), "http://127.0.0.1:4000/", new Date("2025-01-01T00:00:00Z"));
    let quick = 0;
    const added = path.join(root, "posts/gamma.md");
    writeFileSync(added, postText("Gamma", "gamma", "New."));
    await site.rebuild([{ kind: "post", event: "add", file: added }], () => void quick++);
    const broken = path.join(root, "posts/alpha.md");
    writeFileSync(broken, "!! title: Alpha\n!! published: 2024-13-45\n\nText.\n");
    const outcome = await site.rebuild([{ kind: "post", event: "change", file: broken }], () => void quick++);
    expect(quick).toBe(0);
    expect(outcome.ok).toBe(false);
  });
});

describe("the quick answer equals the whole build's page", () => {
  const site = {
    // Edits here leave links to posts renamed or not written yet, as writing does: warnings, not errors.
    "site.config.json": JSON.stringify({ title: "Quick", url: "https://example.com/", timezone: "UTC", rules: { "broken-post-link": "warning" } }),
    "posts/alpha.md": postText("Alpha", "alpha", "The first post."),
    "posts/beta.md": postText("Beta", "beta", "Beta links [to alpha](./posts/alpha).", "2024-04-01"),
    "posts/gamma.md": postText("Gamma", "gamma", "Gamma also [links alpha](./posts/alpha#top) and [beta](./posts/beta).", "2024-05-01"),
    "posts/delta.md": postText("Delta", "delta", "Delta.", "2024-02-01"),
    "pages/about.md": "!! title: About\n\nAbout [alpha](./posts/alpha).\n",
  };
  const header = (fields: Record<string, string>, body: string) =>
    `${Object.entries(fields).map(([k, v]) => `!! ${k}: ${v}`).join("\n")}\n\n---\n\n${body}\n`;
  const alpha = (fields: Record<string, string>, body = "The first post, edited.") =>
    header({ title: "Alpha", slug: "alpha", published: "2024-03-05", ...fields }, body);

  it.each([
    ["a new body", alpha({}, "A new body with `code` and a [link](https://example.com/).")],
    ["a new title", alpha({ title: "Alpha, renamed" })],
    ["a date that makes it the newest post", alpha({ published: "2024-12-01" })],
    ["a date that makes it the oldest post", alpha({ published: "2023-01-01" })],
    ["the site's first tags (the nav gains Tags)", alpha({ tags: "notes, ideas" })],
    ["a new slug (a new URL)", alpha({ slug: "alpha-moved" })],
    ["links to itself, to others and to no post", alpha({}, "[me](./posts/alpha), [beta](./posts/beta#x), [none](./posts/nothing).")],
    ["a draft without a date", header({ title: "Alpha", slug: "alpha", draft: "true" }, "Draft.")],
  ])("after %s", async (_what, content) => {
    const root = dev.site(site);
    const devSite = await createDevSite(siteLayout(root), "http://127.0.0.1:4000/", new Date("2025-01-01T00:00:00Z"));
    const file = path.join(root, "posts/alpha.md");
    writeFileSync(file, content);
    const quick = await devSite.answerEdit({ kind: "post", event: "change", file });
    expect(quick).toBeDefined();
    expect(text(devSite.files, quick!.page.outputPath)).toBe(quick!.page.html);
    const full = await devSite.rebuild([{ kind: "post", event: "change", file }]);
    expect(full.ok).toBe(true);
    expect(full.changedUrls).toContain(quick!.changedUrls[0]);
    expect(text(devSite.files, quick!.page.outputPath)).toBe(quick!.page.html);
  });

  it("equals it edit after edit, the later ones answered from what the earlier builds left", async () => {
    const root = dev.site(site);
    const devSite = await createDevSite(siteLayout(root), "http://127.0.0.1:4000/", new Date("2025-01-01T00:00:00Z"));
    const edits: Array<[string, string]> = [
      ["posts/alpha.md", alpha({ tags: "one" })],
      ["posts/beta.md", postText("Beta, retitled", "beta", "Beta now links [gamma](./posts/gamma).", "2024-04-01")],
      ["posts/gamma.md", postText("Gamma", "gamma-2", "Gamma [links alpha](./posts/alpha).", "2024-01-01")],
      ["posts/alpha.md", alpha({ published: "2024-06-01" }, "Back to [gamma-2](./posts/gamma-2).")],
      ["posts/delta.md", postText("Delta", "delta", "Delta [links alpha](./posts/alpha) now.", "2024-02-01")],
      ["posts/alpha.md", alpha({})],
    ];
    for (const [name, content] of edits) {
      const file = path.join(root, name);
      writeFileSync(file, content);
      const quick = await devSite.answerEdit({ kind: "post", event: "change", file });
      expect(quick, name).toBeDefined();
      await devSite.rebuild([{ kind: "post", event: "change", file }]);
      expect(text(devSite.files, quick!.page.outputPath), name).toBe(quick!.page.html);
    }
  });

  it("equals it after a whole build added a post beside it and one linking to it, then deleted them", async () => {
    const root = dev.site(site);
    const devSite = await createDevSite(siteLayout(root), "http://127.0.0.1:4000/", new Date("2025-01-01T00:00:00Z"));
    const alphaFile = path.join(root, "posts/alpha.md");
    const answered = async (content: string) => {
      writeFileSync(alphaFile, content);
      const quick = await devSite.answerEdit({ kind: "post", event: "change", file: alphaFile });
      expect(quick).toBeDefined();
      await devSite.rebuild([{ kind: "post", event: "change", file: alphaFile }]);
      expect(text(devSite.files, "posts/alpha/index.html")).toBe(quick!.page.html);
      return quick!.page.html;
    };
    // Epsilon comes just before alpha in the order (newer), zeta links to it from far away.
    const added = { "posts/epsilon.md": postText("Epsilon", "epsilon", "Epsilon.", "2024-03-10"), "posts/zeta.md": postText("Zeta", "zeta", "Zeta [links alpha](./posts/alpha).", "2020-01-01") };
    for (const [name, content] of Object.entries(added)) writeFileSync(path.join(root, name), content);
    await devSite.rebuild(Object.keys(added).map((name) => ({ kind: "post" as const, event: "add" as const, file: path.join(root, name) })));
    const withThem = await answered(alpha({}, "Alpha, with new posts around."));
    expect(withThem).toContain('href="/posts/epsilon/"');
    expect(withThem).toContain('href="/posts/zeta/"');
    for (const name of Object.keys(added)) rmSync(path.join(root, name));
    await devSite.rebuild(Object.keys(added).map((name) => ({ kind: "post" as const, event: "unlink" as const, file: path.join(root, name) })));
    const without = await answered(alpha({}, "Alpha, alone again."));
    expect(without).not.toContain('href="/posts/epsilon/"');
    expect(without).not.toContain('href="/posts/zeta/"');
  });

  it("equals it through a long run of edits of every kind, on a site of many posts", async () => {
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), Math.floor(seed / 65536) % n);
    const names = Array.from({ length: 16 }, (_, i) => `p${i}`);
    const write = (name: string, edit: number) => {
      const title = random(3) === 0 ? `Title ${name} ${edit}` : `Title ${name}`;
      const day = String(1 + random(28)).padStart(2, "0");
      const fields = { title, slug: random(6) === 0 ? `${name}-e${Math.abs(edit)}` : name, published: `2024-0${1 + random(9)}-${day}` };
      const tags: Record<string, string> = edit > 0 && random(4) === 0 ? { tags: ["notes", "Notes", "ideas"][random(3)]! } : {};
      const links = Array.from({ length: random(4) }, () => `[x](./posts/${names[random(names.length)]})`).join(" ");
      return header({ ...fields, ...tags }, `Edit ${edit} of ${name}. ${links}`);
    };
    const files = Object.fromEntries(names.map((name, i) => [`posts/${name}.md`, write(name, -i)]));
    const root = dev.site({ ...site, "posts/alpha.md": alpha({ tags: "start" }), ...files });
    const devSite = await createDevSite(siteLayout(root), "http://127.0.0.1:4000/", new Date("2025-01-01T00:00:00Z"));
    let answered = 0;
    for (let edit = 0; edit < 24; edit++) {
      const name = edit === 0 ? "alpha" : names[random(names.length)]!;
      const file = path.join(root, `posts/${name}.md`);
      writeFileSync(file, edit === 0 ? alpha({}) : write(name, edit)); // the first edit takes the tags of the only tagged post: the nav loses Tags
      const quick = await devSite.answerEdit({ kind: "post", event: "change", file });
      const full = await devSite.rebuild([{ kind: "post", event: "change", file }]);
      if (quick === undefined) continue; // a slug another post holds: the whole build reports it
      answered++;
      expect(full.ok, `edit ${edit}`).toBe(true);
      expect(text(devSite.files, quick.page.outputPath), `edit ${edit} of ${name}`).toBe(quick.page.html);
    }
    expect(answered).toBeGreaterThan(20);
  });

  it("gives none while another post's change is not built yet, or when the new slug is taken", async () => {
    const root = dev.site(site);
    const devSite = await createDevSite(siteLayout(root), "http://127.0.0.1:4000/", new Date("2025-01-01T00:00:00Z"));
    const beta = path.join(root, "posts/beta.md");
    writeFileSync(beta, postText("Beta", "beta", "Changed.", "2024-04-01"));
    expect(await devSite.answerEdit({ kind: "post", event: "change", file: beta })).toBeDefined();
    const alphaFile = path.join(root, "posts/alpha.md");
    writeFileSync(alphaFile, alpha({}));
    // Beta's page is answered, not built: alpha's page would show beta as it was.
    expect(await devSite.answerEdit({ kind: "post", event: "change", file: alphaFile })).toBeUndefined();
    await devSite.rebuild([{ kind: "post", event: "change", file: beta }, { kind: "post", event: "change", file: alphaFile }]);
    writeFileSync(alphaFile, alpha({ slug: "beta" }));
    expect(await devSite.answerEdit({ kind: "post", event: "change", file: alphaFile })).toBeUndefined();
    expect((await devSite.rebuild([{ kind: "post", event: "change", file: alphaFile }])).ok).toBe(false);
  });

  it("a save that changed nothing builds nothing", async () => {
    const root = dev.site(site);
    const devSite = await createDevSite(siteLayout(root), "http://127.0.0.1:4000/", new Date("2025-01-01T00:00:00Z"));
    const file = path.join(root, "posts/alpha.md");
    writeFileSync(file, alpha({}));
    await devSite.rebuild([{ kind: "post", event: "change", file }]);
    const files = devSite.files;
    writeFileSync(file, alpha({}));
    const again = await devSite.rebuild([{ kind: "post", event: "change", file }]);
    expect(again.ok).toBe(true);
    expect(again.changedUrls).toEqual([]);
    expect(devSite.files).toBe(files);
  });
});

/** The small dev site, read whole: where the tests of reading one edited post start. */
async function readSmallSite() {
  const { readSite } = await import("../../src/read/read-site.js");
  const root = dev.site();
  const layout = siteLayout(root);
  return { root, layout, sources: await readSite(layout), ...(await import("../../src/dev/update-sources.js")) };
}

describe("readEditedPostNow", () => {
  it("reads an edited post at once, keeps the sources for an unchanged one, and leaves anything else to the whole build", async () => {
    const { root, layout, sources, readEditedPostNow } = await readSmallSite();
    const change = (name: string) => ({ kind: "post" as const, event: "change" as const, file: path.join(root, name) });
    expect(readEditedPostNow(sources, layout, change("posts/alpha.md"))).toBe(sources);
    writeFileSync(path.join(root, "posts/alpha.md"), postText("Alpha", "alpha", "Now."));
    const read = readEditedPostNow(sources, layout, change("posts/alpha.md"));
    expect(read?.posts.map((p) => p.path)).toEqual(sources.posts.map((p) => p.path));
    expect(read?.posts.find((p) => p.path === "posts/alpha.md")?.text).toContain("Now.");
    expect(read?.posts.find((p) => p.path === "posts/beta.md")).toBe(sources.posts.find((p) => p.path === "posts/beta.md"));
    writeFileSync(path.join(root, "posts/new.md"), postText("New", "new", "New."));
    expect(readEditedPostNow(sources, layout, change("posts/new.md"))).toBeUndefined();
    writeFileSync(path.join(root, "posts/alpha.md"), Buffer.from([0xff, 0xfe, 0x00]));
    expect(readEditedPostNow(sources, layout, change("posts/alpha.md"))).toBeUndefined();
  });
});

describe("updateSources with files whose kind depends on their text", () => {
  it("agrees with a whole read when a .txt gains or loses its header, and when an .mdx appears", async () => {
    const { readSite } = await import("../../src/read/read-site.js");
    const { updateSources } = await import("../../src/dev/update-sources.js");
    const root = dev.site();
    const layout = siteLayout(root);
    let sources = await readSite(layout);
    const steps: Array<[string, string]> = [
      ["posts/notes.txt", "a,b\n1,2\n"],
      ["posts/notes.txt", postText("Notes", "notes", "Now a post.")],
      ["posts/notes.txt", "plain again"],
      ["posts/intro.mdx", "# MDX"],
    ];
    for (const [name, text] of steps) {
      const file = path.join(root, name);
      writeFileSync(file, text);
      const kind = name.endsWith(".txt") ? ("post" as const) : ("post-asset" as const);
      sources = await updateSources(sources, layout, [{ kind, event: "change", file }]);
      const whole = await readSite(layout);
      expect(sources.posts.map((p) => p.path)).toEqual(whole.posts.map((p) => p.path));
      expect(sources.assets.map((a) => a.key)).toEqual(whole.assets.map((a) => a.key));
      expect(sources.diagnostics).toEqual(whole.diagnostics);
    }
    expect(sources.diagnostics.map((d) => d.rule)).toEqual(["unbuilt-markup"]);
  });
});

describe("readEditedPost", () => {
  it("waits for a post saved in place (truncated, then written) rather than reading it empty", async () => {
    const { root, layout, sources, readEditedPost } = await readSmallSite();
    const file = path.join(root, "posts/alpha.md");
    const change = { kind: "post" as const, event: "change" as const, file };
    writeFileSync(file, "");
    const written = new Promise<void>((resolve) => setTimeout(() => resolve(writeFileSync(file, postText("Alpha", "alpha", "Written."))), 10));
    const read = await readEditedPost(sources, layout, change);
    await written;
    expect(read?.posts.find((p) => p.path === "posts/alpha.md")?.text).toContain("Written.");
  });

  it("reads a post emptied on purpose as empty once the wait is over", async () => {
    const { root, layout, sources, readEditedPost, emptiedMidWriteMs } = await readSmallSite();
    const file = path.join(root, "posts/alpha.md");
    writeFileSync(file, "");
    const started = performance.now();
    const read = await readEditedPost(sources, layout, { kind: "post", event: "change", file });
    expect(performance.now() - started).toBeGreaterThanOrEqual(emptiedMidWriteMs);
    expect(read?.posts.find((p) => p.path === "posts/alpha.md")?.text).toBe("");
  });
});
