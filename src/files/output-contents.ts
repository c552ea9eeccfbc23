import { readFileSync } from "node:fs";
import type { OutputFile } from "../model.js";

/** An output file's bytes, or its text while the build holds it as text; read from disk when staged or copied. */
export function outputContents(file: OutputFile): string | Uint8Array {
  if ("sourcePath" in file) return readFileSync(file.sourcePath);
  return file.contents;
}
