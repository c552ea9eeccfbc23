import { describe, expect, it } from "vitest";
import { nearestSlug } from "../../src/content/nearest-slug.js";

const slugs = ["2024-05-01-hello", "blue-green-basics", "edd-for-ha", "release-notes-v2", "world"];

describe("nearestSlug", () => {
  it("matches a name with or without its date prefix first", () => {
    expect(nearestSlug("hello", slugs)).toBe("2024-05-01-hello");
    expect(nearestSlug("2023-12-31-world", slugs)).toBe("world");
  });

  it("then a typo, then a slug containing the name (or contained in it)", () => {
    expect(nearestSlug("blue-green-basic", slugs)).toBe("blue-green-basics");
    expect(nearestSlug("helo", slugs)).toBe("2024-05-01-hello");
    expect(nearestSlug("release-notes", slugs)).toBe("release-notes-v2");
    expect(nearestSlug("the-world-and-more", slugs)).toBe("world");
  });

  it("suggests nothing for a far or very short name, and is independent of the order given", () => {
    expect(nearestSlug("zzz", slugs)).toBeUndefined();
    expect(nearestSlug("a", slugs)).toBeUndefined();
    expect(nearestSlug("notes", [...slugs].reverse())).toBe(nearestSlug("notes", slugs));
  });
});
