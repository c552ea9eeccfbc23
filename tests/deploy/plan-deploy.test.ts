import { describe, expect, it } from "vitest";
import { phaseOf, planDeploy, type BuildFile } from "../../src/deploy/plan-deploy.js";
import type { TargetEntry, TargetState } from "../../src/deploy/read-target.js";

const file = (hash: string, cache: BuildFile["cache"] = "revalidate"): BuildFile => ({ hash, size: 1, cache });
const target = (entries: Record<string, TargetEntry>, folders: string[] = [], temporaries: string[] = []): TargetState =>
  ({ entries: new Map(Object.entries(entries)), folders: new Set(folders), temporaries });

describe("phaseOf", () => {
  it.each([
    ["assets/style.0123abcd.css", "immutable", true, "immutable-asset"],
    ["images/logo.png", "revalidate", false, "asset"],
    ["posts/a/index.html", "revalidate", true, "new-page"],
    ["posts/a/index.html", "revalidate", false, "changed-page"],
    ["page/2/index.html", "revalidate", true, "new-listing"],
    ["tags/x/index.html", "revalidate", false, "changed-listing"],
    ["index.html", "revalidate", false, "changed-listing"],
    ["tags/x/feed.xml", "revalidate", false, "feed"],
    ["tags/x/atom.xml", "revalidate", true, "new-feed"],
    ["sitemap.xml", "revalidate", true, "feed"],
    ["robots.txt", "revalidate", false, "feed"],
    ["search/index.json", "revalidate", true, "feed"],
    ["search/index.json", "revalidate", false, "feed"],
    ["assets/search/terms.0123abcd.json", "immutable", true, "immutable-asset"],
    ["search/index.html", "revalidate", true, "new-page"],
    ["daylight-manifest.json", "revalidate", false, "manifest"],
  ] as const)("%s (%s, new: %s) → %s", (path, cache, isNew, phase) => {
    expect(phaseOf(path, cache, isNew)).toBe(phase);
  });
});

describe("planDeploy", () => {
  it("skips identical files, cleans leftovers first, deletes pages before assets, last", () => {
    const build = new Map([
      ["index.html", file("1")],
      ["posts/new/index.html", file("2")],
      ["assets/a.0123abcd.css", file("3", "immutable")],
      ["daylight-manifest.json", file("4")],
    ]);
    const plan = planDeploy(build, target(
      { "index.html": { kind: "file", hash: "old", size: 1 }, "assets/a.0123abcd.css": { kind: "file", hash: "3", size: 1 },
        "old.png": { kind: "file", hash: "x", size: 1 }, "posts/gone/index.html": { kind: "symlink" } },
      ["assets", "posts", "posts/gone"], [".index.html.daylight-tmp"]));
    expect(plan.steps.map((s) => `${s.kind} ${s.path}`)).toEqual([
      "clean .index.html.daylight-tmp",
      "upload posts/new/index.html",
      "upload index.html",
      "upload daylight-manifest.json",
      "delete posts/gone/index.html",
      "delete old.png",
    ]);
    expect([plan.uploads, plan.unchanged, plan.deletes.length, plan.conflicts]).toEqual([3, 1, 2, []]);
  });

  it("uploads a new tag's feeds after its new page and before the changed pages that lead readers to it", () => {
    // The new tag page links to its feeds (<link rel="alternate">): uploaded with the other
    // feeds, last, they were missing while the index already linked to the new post and its
    // tag, and for good when the deploy was killed there.
    const build = new Map([
      ["index.html", file("1")],
      ["posts/new/index.html", file("2")],
      ["tags/new/index.html", file("3")],
      ["tags/new/feed.xml", file("4")],
      ["feed.xml", file("5")],
      ["daylight-manifest.json", file("6")],
    ]);
    const old = { kind: "file", hash: "old", size: 1 } as const;
    const plan = planDeploy(build, target({ "index.html": old, "feed.xml": old, "daylight-manifest.json": old }, []));
    expect(plan.steps.map((s) => (s.kind === "upload" ? `${s.phase} ${s.path}` : s.path))).toEqual([
      "new-page posts/new/index.html",
      "new-listing tags/new/index.html",
      "new-feed tags/new/feed.xml",
      "changed-listing index.html",
      "feed feed.xml",
      "manifest daylight-manifest.json",
    ]);
  });

  it("removes, last and deepest first, the empty folders the build does not need", () => {
    const build = new Map([["a/b/index.html", file("1")], ["daylight-manifest.json", file("2")]]);
    const plan = planDeploy(build, target(
      { "daylight-manifest.json": { kind: "file", hash: "2", size: 1 }, "x/old.html": { kind: "file", hash: "3", size: 1 },
        "s/sock": { kind: "other" } },
      ["a", "a/b", "a/c", "e", "e/f", "e/f/g", "x", "s"]));
    expect(plan.steps.map((s) => `${s.kind} ${s.path}`)).toEqual([
      "upload a/b/index.html",
      "delete x/old.html",
      "remove-folder e/f/g",
      "remove-folder e/f",
      "remove-folder e",
      "remove-folder a/c",
    ]);
    expect(plan.deletes).toEqual(["x/old.html"]);
  });

  it("reports uploads blocked by a file, a symlink or a folder in the way", () => {
    const build = new Map([["a/b.html", file("1")], ["c", file("2")], ["d/e.css", file("3")]]);
    const plan = planDeploy(build, target({ a: { kind: "file", hash: "z", size: 1 }, d: { kind: "symlink" } }, ["c"]));
    expect([...plan.conflicts].sort()).toEqual(["a/b.html", "c", "d/e.css"]);
  });
});
