/** How local raster images become responsive pictures (config `images`). */
export interface ImageSettings {
  /** The widths (CSS pixels) of the variants, smallest first; none is larger than the original. */
  readonly widths: readonly number[];
  /** The `sizes` of each `<source>`: how wide the picture is shown at each viewport width. */
  readonly sizes: string;
}

/**
 * Suited to the default theme's column (at most 38rem of text, 608 px): 800 covers it at 1×,
 * 1200 at 2×, 480 a phone at 1–1.5×.
 */
export const defaultImageSettings: ImageSettings = {
  widths: [480, 800, 1200],
  sizes: "(min-width: 40rem) 38rem, calc(100vw - 2rem)",
};

/** What the config's `images` must be, or undefined when it is fine: `false`, `true`, or `{ widths?, sizes? }`. */
export function imagesProblem(value: unknown): string | undefined {
  if (typeof value === "boolean") return undefined;
  const shape = 'must be false, true, or { "widths": [480, 800, 1200], "sizes": "…" }';
  if (typeof value !== "object" || value === null || Array.isArray(value)) return shape;
  const { widths, sizes, ...rest } = value as Record<string, unknown>;
  const unknown = Object.keys(rest)[0];
  if (unknown !== undefined) return `has an unknown key "${unknown}": ${shape}`;
  if (widths !== undefined && !(Array.isArray(widths) && widths.length > 0 && widths.every(isWidth))) {
    return "widths must be a list of whole numbers of pixels from 16 to 8192, like [480, 800, 1200]";
  }
  if (sizes !== undefined && (typeof sizes !== "string" || sizes.trim() === "")) return 'sizes must be a media list like "(min-width: 40rem) 38rem, 100vw"';
  return undefined;
}

const isWidth = (w: unknown): boolean => typeof w === "number" && Number.isInteger(w) && w >= 16 && w <= 8192;

/** The settings a checked `images` value gives: false turns pictures off. */
export function resolveImageSettings(value: unknown): ImageSettings | false {
  if (value === false) return false;
  if (value === true || value === undefined) return defaultImageSettings;
  const { widths, sizes } = value as Partial<ImageSettings>;
  return {
    widths: widths === undefined ? defaultImageSettings.widths : [...new Set(widths)].sort((a, b) => a - b),
    sizes: sizes?.trim() ?? defaultImageSettings.sizes,
  };
}
