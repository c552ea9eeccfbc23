import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { defaultImageSettings, imagesProblem, resolveImageSettings } from "../../src/config/image-settings.js";
import { encoderVersion, planVariants, smallImageBytes } from "../../src/images/plan-variants.js";
import { repoRoot } from "../support/run-cli.js";

const photo = (width: number, digest = "a".repeat(64), bytes = 200_000) => ({ url: "/assets/p.jpg", width, height: width / 2, digest, bytes });
const widthsOf = (variants: ReturnType<typeof planVariants>) => [...new Set(variants.map((v) => v.width))];

describe("planVariants", () => {
  it("offers each configured width below the original, in AVIF then WebP, never wider than the original", () => {
    const big = planVariants("posts/p.jpg", photo(4000), defaultImageSettings);
    expect(widthsOf(big)).toEqual([480, 800, 1200]);
    expect(big.map((v) => v.format)).toEqual(["avif", "webp", "avif", "webp", "avif", "webp"]);
    expect(widthsOf(planVariants("posts/p.jpg", photo(1000), defaultImageSettings))).toEqual([480, 800, 1000]);
    expect(widthsOf(planVariants("posts/p.jpg", photo(300), defaultImageSettings))).toEqual([300]);
    expect(widthsOf(planVariants("posts/p.jpg", photo(1200), defaultImageSettings))).toEqual([480, 800, 1200]);
  });

  it("passes SVGs, small files and images it could not read through", () => {
    expect(planVariants("posts/p.svg", photo(2000), defaultImageSettings)).toEqual([]);
    expect(planVariants("posts/p.png", photo(2000, "b".repeat(64), smallImageBytes - 1), defaultImageSettings)).toEqual([]);
    expect(planVariants("posts/p.png", { url: "/p.png", invalidImage: "truncated" }, defaultImageSettings)).toEqual([]);
  });

  it("names each variant by a hash of its source's bytes, width, format, quality, effort and encoder", () => {
    const [first] = planVariants("posts/2024/Trip Photo.jpg", photo(2000), defaultImageSettings);
    expect(first?.path).toMatch(/^assets\/Trip Photo-480\.[0-9a-f]{8}\.avif$/);
    expect(first?.path.split(".")[1]).toBe(first?.id.slice(0, 8));
    const other = planVariants("posts/2024/Trip Photo.jpg", photo(2000, "c".repeat(64)), defaultImageSettings);
    expect(other[0]?.path).not.toBe(first?.path);
    const narrower = planVariants("posts/2024/Trip Photo.jpg", photo(2000), { ...defaultImageSettings, widths: [480] });
    expect(narrower.map((v) => v.path)).toEqual(planVariants("posts/2024/Trip Photo.jpg", photo(2000), defaultImageSettings).slice(0, 2).map((v) => v.path));
  });

  it("names the installed sharp as its encoder, so that a new sharp names new files", () => {
    const installed = JSON.parse(readFileSync(path.join(repoRoot, "node_modules/sharp/package.json"), "utf8")) as { version: string };
    const pinned = (JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { dependencies: Record<string, string> }).dependencies["sharp"];
    expect(encoderVersion).toBe(`sharp ${installed.version}`);
    expect(pinned).toBe(installed.version);
  });
});

describe("the images setting", () => {
  it("accepts false, true and { widths, sizes }, and explains anything else", () => {
    expect(imagesProblem(false)).toBeUndefined();
    expect(imagesProblem({ widths: [640, 320] })).toBeUndefined();
    expect(imagesProblem("yes")).toMatch(/must be false, true/);
    expect(imagesProblem({ widths: [] })).toMatch(/widths must be/);
    expect(imagesProblem({ widths: [0.5] })).toMatch(/widths must be/);
    expect(imagesProblem({ width: [480] })).toMatch(/unknown key "width"/);
    expect(resolveImageSettings(false)).toBe(false);
    expect(resolveImageSettings(true)).toEqual(defaultImageSettings);
    expect(resolveImageSettings({ widths: [640, 320, 640] })).toEqual({ ...defaultImageSettings, widths: [320, 640] });
  });
});
