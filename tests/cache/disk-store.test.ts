import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createDiskStore } from "../../src/cache/disk-store.js";
import { tempDir } from "../support/run-cli.js";
import { encodeEntry } from "../../src/cache/entry-codec.js";

const isText = (v: unknown): v is string => typeof v === "string";

/** name → contents of every file below `dir`. */
const snapshotDir = (dir: string): Record<string, string> =>
  Object.fromEntries(files(dir).map((f) => [f, readFileSync(path.join(dir, f), "utf8")]));

/** The entry files below the cache folder, relative. */
const entryFiles = (dir: string): string[] => files(dir).filter((f) => f.endsWith(".json"));

/** Every file below the cache folder, relative. */
function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

describe("the disk store", () => {
  it("creates nothing until something is written, and nothing with no new entry", async () => {
    const dir = path.join(tempDir(), "cache");
    const store = createDiskStore(dir, "id");
    expect(store.read("page", "k", isText)).toBeUndefined();
    expect(await store.flush({ prune: true })).toEqual([]);
    expect(existsSync(dir)).toBe(false);
  });

  it("gives back what an earlier process stored, in sharded files named by key", async () => {
    const dir = path.join(tempDir(), "cache");
    const writer = createDiskStore(dir, "id");
    writer.write("page", "k", "<p>hi</p>");
    await writer.flush({ prune: true });
    const entryFiles = files(dir).filter((f) => f.endsWith(".json"));
    expect(entryFiles).toHaveLength(1);
    expect(entryFiles[0]).toMatch(/^([0-9a-f]{2})\/\1[0-9a-f]{62}\.json$/);
    expect(files(dir)).toContain("CACHEDIR.TAG");
    const reader = createDiskStore(dir, "id");
    expect(reader.read("page", "k", isText)).toBe("<p>hi</p>");
    expect(reader.read("post", "k", isText)).toBeUndefined();
    expect(reader.diagnostics()).toEqual([]);
  });

  it("writes entries before the flush once enough are waiting, and reads them all back", async () => {
    const dir = path.join(tempDir(), "cache");
    const store = createDiskStore(dir, "id", { spillChars: 1500 });
    const value = (i: number) => `<p>${String(i).repeat(400)}</p>`;
    store.write("page", "k0", value(0));
    store.write("page", "k1", value(1));
    expect(files(dir)).toEqual([]); // two entries of some 560 characters wait
    store.write("page", "k2", value(2));
    expect(files(dir).filter((f) => f.endsWith(".json"))).toHaveLength(3); // past 1500: all three written
    store.write("page", "k3", value(3));
    expect(files(dir).filter((f) => f.endsWith(".json"))).toHaveLength(3);
    expect([0, 1, 2, 3].map((i) => store.read("page", `k${i}`, isText))).toEqual([0, 1, 2, 3].map(value));
    expect(await store.flush({ prune: true })).toEqual([]);
    const reader = createDiskStore(dir, "id");
    expect([0, 1, 2, 3].map((i) => reader.read("page", `k${i}`, isText))).toEqual([0, 1, 2, 3].map(value));
    expect(files(dir).some((f) => f.endsWith(".tmp"))).toBe(false);
  });

  it("never finds entries made by other code (another identity)", async () => {
    const dir = path.join(tempDir(), "cache");
    const old = createDiskStore(dir, "old");
    old.write("page", "k", "<p>old</p>");
    await old.flush({ prune: true });
    const store = createDiskStore(dir, "new");
    expect(store.read("page", "k", isText)).toBeUndefined();
    expect(store.diagnostics()).toEqual([]);
    await store.flush({ prune: true });
    expect(files(dir).filter((f) => f.endsWith(".json"))).toEqual([]);
  });

  it("distrusts a corrupted, truncated, foreign or misshapen entry with one warning, and overwrites it", async () => {
    const dir = path.join(tempDir(), "cache");
    const writer = createDiskStore(dir, "id");
    for (const key of ["a", "b", "c", "d"]) writer.write("page", key, `<p>${key}</p>`);
    await writer.flush({ prune: true });
    const [a, b, c, d] = files(dir).filter((f) => f.endsWith(".json")).map((f) => path.join(dir, f));
    const good = readFileSync(a!, "utf8");
    writeFileSync(a!, good.slice(0, 20));
    // Valid JSON of the right shape, but written for another key: a copied or renamed file.
    writeFileSync(b!, readFileSync(c!, "utf8"));
    writeFileSync(c!, JSON.stringify({ hello: "world" }));
    // Whole and well-formed, but holding a value of another shape than the reader asks for.
    writeFileSync(d!, encodeEntry("id", path.basename(d!, ".json"), 42));
    const store = createDiskStore(dir, "id");
    const read = ["a", "b", "c", "d"].map((key) => store.read("page", key, isText));
    expect(read).toEqual([undefined, undefined, undefined, undefined]);
    const warnings = store.diagnostics();
    expect(warnings.map((w) => [w.rule, w.severity])).toEqual([["cache-entry", "warning"]]);
    expect(warnings[0]?.message).toMatch(/4 entries/);
    for (const key of ["a", "b", "c", "d"]) store.write("page", key, `<p>${key}!</p>`);
    await store.flush({ prune: true });
    const again = createDiskStore(dir, "id");
    expect(["a", "b", "c", "d"].map((key) => again.read("page", key, isText))).toEqual(["<p>a!</p>", "<p>b!</p>", "<p>c!</p>", "<p>d!</p>"]);
    expect(again.diagnostics()).toEqual([]);
  });

  it("prunes entries the build neither read nor wrote, keeps other files, and only adds after a failed build", async () => {
    const dir = path.join(tempDir(), "cache");
    const first = createDiskStore(dir, "id");
    for (const key of ["keep", "drop", "later"]) first.write("page", key, key);
    await first.flush({ prune: true });
    mkdirSync(path.join(dir, "notes"));
    writeFileSync(path.join(dir, "notes", "mine.txt"), "x");
    writeFileSync(path.join(dir, "ab.json"), "{}");

    const failed = createDiskStore(dir, "id");
    failed.read("page", "keep", isText);
    failed.write("page", "new", "new");
    await failed.flush({ prune: false });
    const afterFailure = createDiskStore(dir, "id");
    expect(["keep", "drop", "later", "new"].map((k) => afterFailure.read("page", k, isText))).toEqual(["keep", "drop", "later", "new"]);

    const second = createDiskStore(dir, "id");
    expect(second.read("page", "keep", isText)).toBe("keep");
    second.write("page", "new", "new");
    await second.flush({ prune: true });
    const third = createDiskStore(dir, "id");
    expect(["keep", "drop", "later", "new"].map((k) => third.read("page", k, isText))).toEqual(["keep", undefined, undefined, "new"]);
    expect(files(dir).filter((f) => !/^[0-9a-f]{2}\//.test(f))).toEqual(["CACHEDIR.TAG", "ab.json", "notes/mine.txt"]);
  });

  it("removes a killed build's temporary files and foreign files in shards once, and says so in one line", async () => {
    const dir = path.join(tempDir(), "cache");
    const store = createDiskStore(dir, "id");
    store.write("page", "k", "v");
    await store.flush({ prune: true });
    const shard = path.dirname(path.join(dir, entryFiles(dir)[0]!));
    const strays = [path.join(shard, `.${"a".repeat(64)}.0a1b.tmp`), path.join(shard, "notes.txt"), path.join(shard, `${"b".repeat(64)}.json.bak`)];
    for (const stray of strays) writeFileSync(stray, "half");
    mkdirSync(path.join(shard, "folder"));
    // At the top of the cache folder, only shard names are daylight's: the lock and the writer's folder stay.
    writeFileSync(path.join(dir, "lock"), "123");
    writeFileSync(path.join(dir, ".CACHEDIR.TAG.0a1b2c.tmp"), "Signature");
    strays.push(path.join(dir, ".CACHEDIR.TAG.0a1b2c.tmp"));
    mkdirSync(path.join(dir, "spare-outputs"));
    const next = createDiskStore(dir, "id");
    expect(next.read("page", "k", isText)).toBe("v");
    const said = await next.flush({ prune: true });
    expect(said.map((d) => [d.rule, d.severity, d.hint])).toEqual([["cache-repair", "warning", undefined]]);
    expect(said[0]!.message).toMatch(/5 leftover temporary or foreign files/);
    expect(said[0]!.message).not.toMatch(/\n/);
    expect(strays.filter((f) => existsSync(f))).toEqual([]);
    expect(existsSync(path.join(shard, "folder"))).toBe(false);
    expect([existsSync(path.join(dir, "lock")), existsSync(path.join(dir, "spare-outputs"))]).toEqual([true, true]);
    const third = createDiskStore(dir, "id");
    expect(third.read("page", "k", isText)).toBe("v");
    expect(await third.flush({ prune: true })).toEqual([]);
  });

  it("distrusts an entry with four letters changed (same length) and names it in one line; it is rewritten", async () => {
    const dir = path.join(tempDir(), "cache");
    const writer = createDiskStore(dir, "id");
    writer.write("page", "k", `<p>${"daylight ".repeat(100)}</p>`);
    await writer.flush({ prune: true });
    const [file] = entryFiles(dir);
    const text = readFileSync(path.join(dir, file!), "utf8");
    const at = text.lastIndexOf("daylight");
    writeFileSync(path.join(dir, file!), `${text.slice(0, at)}dark${text.slice(at + 4)}`);
    const store = createDiskStore(dir, "id");
    expect(store.read("page", "k", isText)).toBeUndefined();
    const [warned, ...more] = store.diagnostics();
    expect(more).toEqual([]);
    expect([warned?.rule, warned?.hint]).toEqual(["cache-entry", undefined]);
    expect(warned?.message).toContain(`1 entry`);
    expect(warned?.message).toContain(file);
    store.write("page", "k", "<p>fresh</p>");
    expect(await store.flush({ prune: true })).toEqual([]);
    const again = createDiskStore(dir, "id");
    expect(again.read("page", "k", isText)).toBe("<p>fresh</p>");
    expect(again.diagnostics()).toEqual([]);
  });

  it("treats an older format's entry as a plain miss, with no warning", async () => {
    const dir = path.join(tempDir(), "cache");
    const writer = createDiskStore(dir, "id");
    writer.write("page", "k", "<p>v</p>");
    await writer.flush({ prune: true });
    const [file] = entryFiles(dir);
    writeFileSync(path.join(dir, file!), readFileSync(path.join(dir, file!), "utf8").replace(/^daylight-cache-entry\/3 [0-9a-f]+/, "daylight-cache-entry/2"));
    const store = createDiskStore(dir, "id");
    expect(store.read("page", "k", isText)).toBeUndefined();
    expect(store.diagnostics()).toEqual([]);
  });

  it("removes an untrusted entry that the build does not store again, even after a failed build", async () => {
    const dir = path.join(tempDir(), "cache");
    const writer = createDiskStore(dir, "id");
    writer.write("page", "k", "<p>v</p>");
    await writer.flush({ prune: true });
    const [file] = entryFiles(dir);
    writeFileSync(path.join(dir, file!), "garbage");
    const store = createDiskStore(dir, "id");
    expect(store.read("page", "k", isText)).toBeUndefined();
    expect(store.diagnostics()).toHaveLength(1);
    await store.flush({ prune: false });
    expect(entryFiles(dir)).toEqual([]);
    const next = createDiskStore(dir, "id");
    expect(next.read("page", "k", isText)).toBeUndefined();
    expect(next.diagnostics()).toEqual([]);
  });

  it("replaces a shard folder that became a file: its entries are misses, the next build is quiet", async () => {
    const dir = path.join(tempDir(), "cache");
    const writer = createDiskStore(dir, "id");
    writer.write("page", "k", "<p>v</p>");
    await writer.flush({ prune: true });
    const shard = entryFiles(dir)[0]!.slice(0, 2);
    rmSync(path.join(dir, shard), { recursive: true });
    writeFileSync(path.join(dir, shard), "not a folder");
    const store = createDiskStore(dir, "id");
    expect(store.read("page", "k", isText)).toBeUndefined();
    expect(store.diagnostics()).toEqual([]);
    store.write("page", "k", "<p>again</p>");
    const said = await store.flush({ prune: true });
    expect(said.map((d) => d.rule)).toEqual(["cache-repair"]);
    expect(said[0]!.message).toContain("1 shard folder that was not a folder");
    const next = createDiskStore(dir, "id");
    expect(next.read("page", "k", isText)).toBe("<p>again</p>");
    expect([...next.diagnostics(), ...(await next.flush({ prune: true }))]).toEqual([]);
  });

  it("removes a shard-named file even when the build writes nothing into it", async () => {
    const dir = path.join(tempDir(), "cache");
    const writer = createDiskStore(dir, "id");
    writer.write("page", "k", "<p>v</p>");
    await writer.flush({ prune: true });
    const other = entryFiles(dir)[0]!.startsWith("00") ? "01" : "00";
    writeFileSync(path.join(dir, other), "x");
    const store = createDiskStore(dir, "id");
    store.read("page", "k", isText);
    expect((await store.flush({ prune: true })).map((d) => d.rule)).toEqual(["cache-repair"]);
    expect(existsSync(path.join(dir, other))).toBe(false);
  });

  it("never follows a symlinked shard or entry out of the cache folder, and removes the link alone", async () => {
    const dir = path.join(tempDir(), "cache");
    const writer = createDiskStore(dir, "id");
    writer.write("page", "k", "<p>v</p>");
    writer.write("page", "j", "<p>w</p>");
    await writer.flush({ prune: true });
    const [kFile, jFile] = ["k", "j"].map((key) => entryFiles(dir).find((f) => readFileSync(path.join(dir, f), "utf8").includes(`<p>${key === "k" ? "v" : "w"}</p>`))!);
    // Elsewhere: a folder holding a copy of k's shard (a valid entry), and a file j's entry will point at.
    const outside = path.join(tempDir(), "elsewhere");
    cpSync(path.join(dir, kFile!.slice(0, 2)), outside, { recursive: true });
    const target = path.join(tempDir(), "precious.txt");
    writeFileSync(target, encodeEntry("id", "whatever", "<p>foreign</p>"));
    const before = [snapshotDir(outside), readFileSync(target, "utf8")];
    rmSync(path.join(dir, kFile!.slice(0, 2)), { recursive: true });
    symlinkSync(outside, path.join(dir, kFile!.slice(0, 2)));
    if (kFile!.slice(0, 2) !== jFile!.slice(0, 2)) {
      rmSync(path.join(dir, jFile!));
      symlinkSync(target, path.join(dir, jFile!));
    }
    const store = createDiskStore(dir, "id");
    expect(store.read("page", "k", isText)).toBeUndefined();
    store.read("page", "j", isText);
    store.write("page", "k", "<p>v2</p>");
    store.write("page", "j", "<p>w2</p>");
    expect((await store.flush({ prune: true })).map((d) => d.rule)).toEqual(["cache-repair"]);
    expect([snapshotDir(outside), readFileSync(target, "utf8")]).toEqual(before);
    expect(lstatSync(path.join(dir, kFile!.slice(0, 2))).isDirectory()).toBe(true);
    expect(lstatSync(path.join(dir, jFile!)).isFile()).toBe(true);
    const next = createDiskStore(dir, "id");
    expect([next.read("page", "k", isText), next.read("page", "j", isText)]).toEqual(["<p>v2</p>", "<p>w2</p>"]);
  });

  it("replaces an entry that is a folder and a CACHEDIR.TAG that is a symlink, writing nothing through it", async () => {
    const dir = path.join(tempDir(), "cache");
    const writer = createDiskStore(dir, "id");
    writer.write("page", "k", "<p>v</p>");
    await writer.flush({ prune: true });
    const [file] = entryFiles(dir);
    rmSync(path.join(dir, file!));
    mkdirSync(path.join(dir, file!, "inner"), { recursive: true });
    const target = path.join(tempDir(), "precious.txt");
    writeFileSync(target, "mine");
    rmSync(path.join(dir, "CACHEDIR.TAG"));
    symlinkSync(target, path.join(dir, "CACHEDIR.TAG"));
    const store = createDiskStore(dir, "id");
    expect(store.read("page", "k", isText)).toBeUndefined();
    store.write("page", "k", "<p>v2</p>");
    const said = await store.flush({ prune: true });
    expect(said.map((d) => d.rule)).toEqual(["cache-repair"]);
    expect(readFileSync(target, "utf8")).toBe("mine");
    expect(lstatSync(path.join(dir, "CACHEDIR.TAG")).isFile()).toBe(true);
    expect(createDiskStore(dir, "id").read("page", "k", isText)).toBe("<p>v2</p>");
  });

  it("reports a folder it cannot write as a warning, never an exception", async () => {
    const file = path.join(tempDir(), "not-a-folder");
    writeFileSync(file, "x");
    const store = createDiskStore(file, "id");
    store.write("page", "k", "v");
    expect((await store.flush({ prune: true })).map((d) => d.rule)).toEqual(["cache-write"]);
  });
});
