import { createHash } from "node:crypto";
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildAssetIndex, postAssetSource, publicAssetSource } from "../../src/assets/asset-index.js";
import { imageInfoOf, isImageFile } from "../../src/assets/image-info.js";
import { readImageInfos } from "../../src/assets/read-image-info.js";
import { readSite, siteLayout } from "../../src/read/read-site.js";
import { jpegBytes, onePixelPng, pngBytes, svgBytes } from "./image-bytes.js";

describe("imageInfoOf", () => {
  it("reads PNG and JPEG sizes", () => {
    expect(imageInfoOf("a.png", onePixelPng)).toEqual({ width: 1, height: 1 });
    expect(imageInfoOf("plot.PNG", pngBytes(640, 480))).toEqual({ width: 640, height: 480 });
    expect(imageInfoOf("photo.jpg", jpegBytes(1200, 800))).toEqual({ width: 1200, height: 800 });
    expect(imageInfoOf("photo.jpeg", jpegBytes(3, 5))).toEqual({ width: 3, height: 5 });
  });

  it("reads an SVG's declared size and gives none to one that only has a viewBox", () => {
    expect(imageInfoOf("a.svg", svgBytes('<svg xmlns="http://www.w3.org/2000/svg" width="120" height="60">'))).toEqual({ width: 120, height: 60 });
    expect(imageInfoOf("b.svg", svgBytes('<svg xmlns="http://www.w3.org/2000/svg" width="100" viewBox="0 0 50 25">'))).toEqual({ width: 100, height: 50 });
    expect(imageInfoOf("c.svg", svgBytes('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 50 25">'))).toEqual({});
    expect(imageInfoOf("d.svg", svgBytes('<svg xmlns="http://www.w3.org/2000/svg" width="100%" height="100%">'))).toEqual({});
    expect(imageInfoOf("e.svg", new TextEncoder().encode("not svg at all"))).toEqual({});
  });

  it("marks a corrupt raster image instead of throwing", () => {
    expect(imageInfoOf("broken.png", new TextEncoder().encode("this is no png"))).toMatchObject({ invalidImage: expect.any(String) });
    expect(imageInfoOf("empty.jpg", new Uint8Array())).toMatchObject({ invalidImage: expect.any(String) });
    expect(imageInfoOf("broken.png", new TextEncoder().encode("x"))?.width).toBeUndefined();
  });

  it("reads only image files", () => {
    expect(imageInfoOf("data.csv", pngBytes(1, 1))).toBeUndefined();
    expect(["a.png", "a.jpg", "a.jpeg", "a.gif", "a.webp", "a.avif", "a.svg"].every(isImageFile)).toBe(true);
    expect(["a.pdf", "a.txt", "png", "a.png.txt"].some(isImageFile)).toBe(false);
  });
});

describe("image sizes in the asset index", () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));
  const tempDir = async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "daylight-images-"));
    dirs.push(dir);
    return dir;
  };

  it("carries url, width and height for post assets and public files", () => {
    const assets = [
      postAssetSource("posts/img/plot.png", "/x/plot.png", pngBytes(40, 30)),
      postAssetSource("posts/data.csv", "/x/data.csv", new TextEncoder().encode("a,b")),
      publicAssetSource("images/logo.svg", "/x/logo.svg", { width: 10, height: 20 }),
    ];
    const index = buildAssetIndex(assets, "/blog/");
    expect(index.get("posts/img/plot.png")).toMatchObject({ width: 40, height: 30 });
    expect(index.get("posts/img/plot.png")?.url).toMatch(/^\/blog\/assets\/plot\.[0-9a-f]{8}\.png$/);
    expect(index.get("posts/data.csv")).toEqual({ url: expect.stringMatching(/data\.[0-9a-f]{8}\.csv$/) });
    expect(index.get("public/images/logo.svg")).toEqual({ url: "/blog/images/logo.svg", width: 10, height: 20 });
  });

  it("reads each image's size, a raster image's digest and length for its variants, and a corrupt one's problem", async () => {
    const dir = await tempDir();
    const files = ["a.png", "b.jpg", "c.txt", "d.png"].map((name) => path.join(dir, name));
    await Promise.all([
      writeFile(files[0]!, pngBytes(7, 9)),
      writeFile(files[1]!, jpegBytes(20, 10)),
      writeFile(files[2]!, "text"),
      writeFile(files[3]!, "garbage"),
    ]);
    const infos = await readImageInfos(files);
    const whole = (bytes: Uint8Array) => ({ digest: createHash("sha256").update(bytes).digest("hex"), bytes: bytes.length });
    expect(infos.slice(0, 3)).toEqual([{ width: 7, height: 9, ...whole(pngBytes(7, 9)) }, { width: 20, height: 10, ...whole(jpegBytes(20, 10)) }, undefined]);
    expect(infos[3]?.invalidImage).toBeTypeOf("string");
    expect(infos[3]?.digest).toBeUndefined();
  });

  it("gives readSite's assets their sizes", async () => {
    const root = await tempDir();
    await mkdir(path.join(root, "posts", "img"), { recursive: true });
    await mkdir(path.join(root, "public", "images"), { recursive: true });
    await writeFile(path.join(root, "posts", "img", "plot.png"), pngBytes(300, 200));
    await writeFile(path.join(root, "public", "images", "photo.jpg"), jpegBytes(800, 600));
    const sources = await readSite(siteLayout(root));
    const index = buildAssetIndex(sources.assets, "/");
    expect(index.get("posts/img/plot.png")).toMatchObject({ width: 300, height: 200 });
    expect(index.get("public/images/photo.jpg")).toEqual({ url: "/images/photo.jpg", width: 800, height: 600, digest: expect.stringMatching(/^[0-9a-f]{64}$/), bytes: jpegBytes(800, 600).length });
  });
});
