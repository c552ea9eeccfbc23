import { mkdtemp, rm, symlink, writeFile, mkdir, utimes } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { diffSnapshots, snapshotOutput } from "../../bench/harness/output-snapshot.mjs";

// The bench counts the files a build changed and says whether it touched the output: a
// wrong count would hide a build that rewrote everything, or one that changed nothing.
let dir = "";
afterEach(() => rm(dir, { recursive: true, force: true }));

async function site(files: Record<string, string>): Promise<string> {
  dir = await mkdtemp(path.join(os.tmpdir(), "bench-snapshot-"));
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, "a", rel)), { recursive: true });
    await writeFile(path.join(dir, "a", rel), text);
  }
  await symlink("a", path.join(dir, "out"));
  return path.join(dir, "out");
}

describe("bench output snapshots", () => {
  it("counts changed, added and removed files through daylight's symlink, ignored paths aside", async () => {
    const out = await site({ "index.html": "1", "posts/a/index.html": "a", "posts/b/index.html": "b", "daylight-manifest.json": "{}" });
    const before = await snapshotOutput(out);
    await writeFile(path.join(dir, "a", "posts/a/index.html"), "a2");
    await writeFile(path.join(dir, "a", "new.html"), "n");
    await rm(path.join(dir, "a", "posts/b/index.html"));
    await writeFile(path.join(dir, "a", "daylight-manifest.json"), "{ }");
    const diff = diffSnapshots(before, await snapshotOutput(out), { ignore: ["daylight-manifest.json"] });
    expect(diff).toEqual({ changed: 1, added: 1, removed: 1, differing: ["new.html", "posts/a/index.html", "posts/b/index.html"], touched: true });
  });

  it("tells an untouched output from one written again with the same bytes", async () => {
    const out = await site({ "index.html": "1" });
    const before = await snapshotOutput(out);
    expect(diffSnapshots(before, await snapshotOutput(out))).toMatchObject({ differing: [], touched: false });
    await utimes(path.join(dir, "a", "index.html"), new Date(1000), new Date(1000));
    expect(diffSnapshots(before, await snapshotOutput(out))).toMatchObject({ differing: [], touched: true });
  });

  it("leaves out, when asked, the hashed files kept only for earlier generations", async () => {
    const manifest = (generations: string[][]) => JSON.stringify({ generations: generations.map((assets, i) => ({ id: `g${i}`, assets })) });
    // The baseline: generation 0 made style.a.css and doc.x.json.
    const out = await site({ "index.html": "1", "assets/style.a.css": "s", "assets/doc.x.json": "x", "daylight-manifest.json": manifest([["assets/style.a.css", "assets/doc.x.json"]]) });
    const baseline = await snapshotOutput(out);
    // Two builds later, the same sources again: doc.y.json of the build between is kept beside them.
    await writeFile(path.join(dir, "a", "assets/doc.y.json"), "y");
    // The manifest lists the generations this one first.
    await writeFile(path.join(dir, "a", "daylight-manifest.json"), manifest([["assets/style.a.css", "assets/doc.x.json"], ["assets/style.a.css", "assets/doc.y.json"], ["assets/style.a.css", "assets/doc.x.json"]].reverse()));
    const again = await snapshotOutput(out);
    expect(diffSnapshots(baseline, again, { ignore: ["daylight-manifest.json"] }).differing).toEqual(["assets/doc.y.json"]);
    expect(diffSnapshots(baseline, again, { ignore: ["daylight-manifest.json"], madeOnly: true }).differing).toEqual([]);
    // A file this build made and the baseline did not is still a difference.
    await writeFile(path.join(dir, "a", "extra.html"), "e");
    expect(diffSnapshots(baseline, await snapshotOutput(out), { ignore: ["daylight-manifest.json"], madeOnly: true }).differing).toEqual(["extra.html"]);
  });
});
