import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { wholeImageInfoOf } from "../../src/assets/image-info.js";
import { isAnimated } from "../../src/assets/is-animated.js";

const frame = (colour: string) => sharp({ create: { width: 40, height: 30, channels: 3, background: colour } }).png().toBuffer();
const frames = async () => Promise.all(["#f00", "#0f0", "#00f"].map(frame));
/** An AVIF's first box, `ftyp`, with the major brand `brand`. */
const ftyp = (brand: string) => Buffer.concat([Buffer.from([0, 0, 0, 20]), Buffer.from(`ftyp${brand}\0\0\0\0mif1`)]);

describe("animated images are passed through", () => {
  it("tells animated GIFs, WebPs and AVIF sequences from still ones", async () => {
    const moving = await frames();
    expect(isAnimated("a.gif", await sharp(moving, { join: { animated: true } }).gif({ delay: 100 }).toBuffer())).toBe(true);
    expect(isAnimated("a.webp", await sharp(moving, { join: { animated: true } }).webp({ delay: 100 }).toBuffer())).toBe(true);
    expect(isAnimated("a.gif", await sharp(moving[0]).gif().toBuffer())).toBe(false);
    expect(isAnimated("a.webp", await sharp(moving[0]).webp().toBuffer())).toBe(false);
    expect(isAnimated("a.webp", await sharp(moving[0]).webp({ lossless: true }).toBuffer())).toBe(false);
    expect(isAnimated("a.avif", ftyp("avis"))).toBe(true);
    expect(isAnimated("a.avif", ftyp("avif"))).toBe(false);
    expect(isAnimated("a.png", await sharp(moving[0]).png().toBuffer())).toBe(false);
  });

  it("gives an animated image no digest, so it gets no still variants", async () => {
    const moving = await frames();
    const animated = wholeImageInfoOf("posts/a.gif", await sharp(moving, { join: { animated: true } }).gif({ delay: 100 }).toBuffer());
    expect(animated).toEqual({ width: 40, height: 30 });
    expect(wholeImageInfoOf("posts/a.gif", await sharp(moving[0]).gif().toBuffer())?.digest).toMatch(/^[0-9a-f]{64}$/);
  });
});
