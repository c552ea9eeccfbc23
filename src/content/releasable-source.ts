import { readFileSync } from "node:fs";
import type { SourceFile } from "../model.js";

/**
 * A SourceFile read from `file` whose text a build to disk can let go once every post is
 * rendered: 20,000 posts' sources are 200 MB that nothing reads after that. Asked for its
 * text after all, it reads the file again. `text` is an own, enumerable getter, so a post
 * sent to a render thread carries the text itself; `releaseText` is not enumerable, and
 * is left behind.
 */
export function releasableSource(path: string, file: string, text: string): SourceFile {
  let held: string | undefined = text;
  return Object.defineProperties({ path } as SourceFile, {
    text: { get: () => held ?? readFileSync(file, "utf8"), enumerable: true },
    releaseText: { value: () => (held = undefined), enumerable: false },
  });
}
