import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { encodeCount } from "../../src/images/encode-variant.js";
import { makeBlog } from "../support/make-blog.js";
import { readOutput, repoRoot, runCli, snapshot } from "../support/run-cli.js";
import { java } from "../support/system-tools.js";
import { photo } from "./image-bytes.js";
import { packagesLoaded } from "./packages-loaded.js";

const config = { title: "Pictures", url: "https://example.com/" };
const post = "!! title: Trip\n!! published: 2024-01-02\n\n---\n\n![A gradient](./photo.jpg)\n\nText.\n\n<img src=\"/images/small.png\" alt=\"a smaller one\">\n\n![A diagram](/images/diagram.svg)\n";
const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20"/></svg>';
let photoBytes: Buffer;
let smallBytes: Buffer;
beforeAll(async () => {
  photoBytes = await photo(1600, 1000);
  smallBytes = await photo(600, 400, "png");
});

/** A site with a 1600-px JPEG beside its post, a 600-px PNG and an SVG in public/. */
function pictureSite(extra: Record<string, unknown> = {}): string {
  const root = makeBlog({ "posts/trip/index.md": post, "public/images/diagram.svg": svg }, { ...config, ...extra });
  writeFileSync(path.join(root, "posts/trip/photo.jpg"), photoBytes);
  mkdirSync(path.join(root, "public/images"), { recursive: true });
  writeFileSync(path.join(root, "public/images/small.png"), smallBytes);
  return root;
}

const variantNames = (out: string) => readdirSync(path.join(out, "assets")).filter((name) => /\.(?:avif|webp)$/.test(name)).sort();

describe("responsive images in a build", () => {
  it("publishes every variant the pages name, each decodable at its width and in its format, in pages the Nu Html Checker accepts", async () => {
    const root = pictureSite();
    const out = path.join(root, "out");
    expect((await runCli(["build", "--root", root, "--out", out])).code).toBe(0);
    const page = readOutput(out, "posts/trip/index.html");
    const named = Array.from(page.matchAll(/\/assets\/([^ "]+\.(?:avif|webp)) (\d+)w/g), (m) => [m[1]!, Number(m[2])] as const);
    expect(named.map(([, width]) => width)).toEqual([480, 800, 1200, 480, 800, 1200, 480, 600, 480, 600]);
    expect(variantNames(out)).toEqual(named.map(([name]) => name).sort());
    for (const [name, width] of named) {
      const meta = await sharp(path.join(out, "assets", name)).metadata();
      expect(meta.format).toBe(name.endsWith(".avif") ? "heif" : "webp");
      expect(meta.width).toBe(width);
      expect(meta.height).toBe(Math.round((width * (name.startsWith("photo") ? 1000 / 1600 : 400 / 600))));
    }
    expect(page).toContain('<img src="/images/diagram.svg" alt="A diagram" width="40" height="20" loading="lazy" decoding="async">');
    expect(page.match(/<picture>/g)).toHaveLength(2);
    if (java().available) {
      const jar = path.join(repoRoot, "node_modules/vnu-jar/build/dist/vnu.jar");
      const result = spawnSync("java", ["-jar", jar, "--errors-only", path.join(out, "posts/trip/index.html"), path.join(out, "index.html")], { encoding: "utf8" });
      expect(result.stderr).toBe("");
      expect(result.status).toBe(0);
    }
  });

  it("a warm build encodes nothing and writes the same files; a changed image encodes only its own variants", async () => {
    const root = pictureSite();
    const cache = path.join(root, "cache");
    const cold = path.join(root, "cold");
    const before = encodeCount();
    expect((await runCli(["build", "--root", root, "--out", cold, "--cache-dir", cache])).code).toBe(0);
    expect(encodeCount() - before).toBe(10);
    const warmStart = encodeCount();
    const warm = path.join(root, "warm");
    expect((await runCli(["build", "--root", root, "--out", warm, "--cache-dir", cache])).code).toBe(0);
    expect(encodeCount() - warmStart).toBe(0);
    expect(snapshot(warm)).toEqual(snapshot(cold));
    writeFileSync(path.join(root, "public/images/small.png"), await photo(600, 400, "png").then((png) => sharp(png).flop().png().toBuffer()));
    const edited = encodeCount();
    expect((await runCli(["build", "--root", root, "--out", warm, "--cache-dir", cache])).code).toBe(0);
    expect(encodeCount() - edited).toBe(4);
  });

  it("keeps an earlier generation's variants when the image changes", async () => {
    const root = pictureSite();
    const out = path.join(root, "out");
    expect((await runCli(["build", "--root", root, "--out", out])).code).toBe(0);
    const first = variantNames(out).filter((name) => name.startsWith("photo-"));
    writeFileSync(path.join(root, "posts/trip/photo.jpg"), await photo(1400, 1000));
    expect((await runCli(["build", "--root", root, "--out", out])).code).toBe(0);
    const second = variantNames(out).filter((name) => name.startsWith("photo-"));
    expect(second).toEqual(expect.arrayContaining(first));
    expect(second.length).toBe(first.length * 2);
  });

  it("with images: false, every <img> stays as written and no variant is made", async () => {
    const root = pictureSite({ images: false });
    const out = path.join(root, "out");
    expect((await runCli(["build", "--root", root, "--out", out])).code).toBe(0);
    expect(readOutput(out, "posts/trip/index.html")).not.toContain("<picture>");
    expect(variantNames(out)).toEqual([]);
    expect(existsSync(path.join(root, ".daylight-cache/images"))).toBe(false);
  });

  it("a wrong images setting is a config error", async () => {
    const root = pictureSite({ images: { widths: "800" } });
    const run = await runCli(["build", "--root", root, "--out", path.join(root, "out")]);
    expect(run.code).toBe(1);
    expect(run.err.join("\n")).toMatch(/images.*widths must be a list/s);
  });

  it("loads sharp only to encode: not for a site without raster images, nor for a warm build", () => {
    const plain = makeBlog({ "posts/a.md": "!! title: A\n!! published: 2024-01-01\n\n---\n\n![d](/images/diagram.svg)\n", "public/images/diagram.svg": svg }, config);
    expect(packagesLoaded(plain).has("sharp")).toBe(false);
    const root = pictureSite();
    expect(packagesLoaded(root, []).has("sharp")).toBe(true);
    utimesSync(path.join(root, "posts/trip/index.md"), 1_000_000_000, 1_000_000_000);
    expect(packagesLoaded(root, []).has("sharp")).toBe(false);
  });
});
