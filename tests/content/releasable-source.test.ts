import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { releasableSource } from "../../src/content/releasable-source.js";
import { tempDir } from "../support/run-cli.js";

describe("a releasable source", () => {
  it("holds its text until released, then reads the file again", () => {
    const file = path.join(tempDir(), "a.md");
    writeFileSync(file, "on disk");
    const source = releasableSource("posts/a.md", file, "as read");
    expect(source.text).toBe("as read");
    source.releaseText?.();
    expect(source.text).toBe("on disk");
  });

  it("crosses to a render thread as plain data, text included", () => {
    const source = releasableSource("posts/a.md", "/nowhere/a.md", "as read");
    expect(structuredClone({ source })).toEqual({ source: { path: "posts/a.md", text: "as read" } });
    expect(Object.keys(structuredClone(source))).toEqual(["path", "text"]);
  });
});
