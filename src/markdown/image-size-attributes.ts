import type { Properties } from "hast";
import { warning, type Position } from "../diagnostics.js";
import type { AssetInfo } from "../model.js";
import type { RenderState } from "./render-state.js";

/**
 * The `width` and `height` an `<img>` of the local file `asset` should get, so that the
 * browser reserves its box before it loads. What the author wrote wins: both given, nothing
 * is added; one given (a number), the other follows from the file's aspect ratio. A file
 * that could not be read as an image gets an `invalid-image` warning at `at` and no size.
 */
export function imageSizeAttributes(asset: AssetInfo, written: Properties, at: Position | undefined, state: RenderState): Properties {
  if (asset.invalidImage !== undefined) {
    state.diagnostics.push(invalidImage(asset, at, state));
    return {};
  }
  const { width, height } = asset;
  if (width === undefined || height === undefined) return {};
  const givenWidth = written["width"];
  const givenHeight = written["height"];
  if (givenWidth === undefined && givenHeight === undefined) return { width, height };
  if (givenWidth !== undefined && givenHeight !== undefined) return {};
  const given = Number(givenWidth ?? givenHeight);
  if (!Number.isFinite(given) || given <= 0) return {};
  return givenWidth !== undefined
    ? { height: Math.round((given * height) / width) }
    : { width: Math.round((given * width) / height) };
}

function invalidImage(asset: AssetInfo, at: Position | undefined, state: RenderState) {
  return warning(
    "invalid-image",
    `\`${decodeURI(asset.url)}\` could not be read as an image (${asset.invalidImage}), so it gets no width and height`,
    state.file,
    at,
    "check that the file is a complete image whose format matches its extension",
  );
}
