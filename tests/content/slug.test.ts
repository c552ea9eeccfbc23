import { describe, expect, it } from "vitest";
import { isValidSlug, slugFromPath } from "../../src/content/slug.js";
import { slugify } from "../../src/text/slugify.js";

describe("slugs", () => {
  it("transliterates to ASCII", () => {
    expect(slugify("über-café")).toBe("uber-cafe");
    expect(slugify("Ærø  ß")).toBe("aero-ss");
    expect(slugify("日本語")).toBe("");
  });

  it("turns separators into single dashes", () => {
    expect(slugify("my_post  name")).toBe("my-post-name");
    expect(slugify("a/b")).toBe("a-b");
    expect(slugify("--a--b--")).toBe("a-b");
    expect(slugify("version 1.10")).toBe("version-1-10");
    expect(slugify("..")).toBe("");
  });

  it("derives a slug from a path, folder name for index files", () => {
    expect(slugFromPath("posts/2024/über-café.md")).toBe("uber-cafe");
    expect(slugFromPath("posts/日本語.md")).toBe("");
    expect(slugFromPath("posts/my-trip/index.md")).toBe("my-trip");
    expect(slugFromPath("posts/Hello World.markdown")).toBe("hello-world");
    expect(slugFromPath("posts/notes.v2.txt")).toBe("notes-v2");
  });

  it("validates slugs", () => {
    for (const ok of ["a", "a-b", "2025-recap", "x1"]) expect(isValidSlug(ok), ok).toBe(true);
    for (const bad of ["", "..", "a/b", "Has-Caps", "a b", "a--b", "-a", "a-", "é", "a_b"]) {
      expect(isValidSlug(bad), bad).toBe(false);
    }
  });
});
