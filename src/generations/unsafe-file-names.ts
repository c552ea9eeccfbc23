import path from "node:path";
import { error, type Diagnostic } from "../diagnostics.js";
import type { OutputFile } from "../model.js";

/**
 * C0 and C1 controls (newline, carriage return, tab, NUL…) and the Unicode line and
 * paragraph separators: in a line-based rules file (`_headers`, `_redirects`) a name that
 * holds one ends its line, and what follows is read as a rule of its own.
 */
const unsafeCharacter = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** Whether `text` cannot be written into a line of a rules file as it is. */
export const hasUnsafeCharacter = (text: string): boolean => unsafeCharacter.test(text);

/** A name as it can be shown on one line: control characters as JSON escapes (`\n`, `\u0001`). */
export const shownName = (name: string): string => JSON.stringify(name).slice(1, -1);

/**
 * An error for each output file whose path holds a control character: `_headers` would list
 * it (a public file named "a\n/*\n  Access-Control-Allow-Origin: *" adds a site-wide rule),
 * and no host serves such a name reliably. Named as the site holds it: `public/…` for a
 * public file, else its source path.
 */
export function unsafeFileNames(files: readonly OutputFile[]): Diagnostic[] {
  return files
    .filter((file) => hasUnsafeCharacter(file.path))
    .map((file) => error("unsafe-file-name",
      `the file name "${shownName(file.path)}" holds a line break or another control character, which would break the host's _headers and _redirects files`,
      shownName(sourceOf(file)), { line: 1, column: 1 },
      "rename the file without newlines, tabs or other control characters"));
}

function sourceOf(file: OutputFile): string {
  if (!("sourcePath" in file) || file.generated) return file.path;
  const inPublic = `${path.sep}public${path.sep}${file.path.split("/").join(path.sep)}`;
  return file.sourcePath.endsWith(inPublic) ? `public/${file.path}` : file.sourcePath;
}
