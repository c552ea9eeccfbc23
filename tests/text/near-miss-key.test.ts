import { describe, expect, it } from "vitest";
import { nearMissKey } from "../../src/text/closest-match.js";
import { knownKeys } from "../../src/content/post-fields.js";

describe("nearMissKey", () => {
  it("names the known key one edit or one swap away", () => {
    expect(nearMissKey("publised", knownKeys)).toBe("published");
    expect(nearMissKey("titel", knownKeys)).toBe("title");
    expect(nearMissKey("tag", knownKeys)).toBe("tags");
    expect(nearMissKey("pubilshed", knownKeys)).toBe("published");
    expect(nearMissKey("alias", knownKeys)).toBeUndefined();
  });

  it("leaves known and unrelated keys alone", () => {
    expect(nearMissKey("title", knownKeys)).toBeUndefined();
    expect(nearMissKey("series", knownKeys)).toBeUndefined();
    expect(nearMissKey("date", knownKeys)).toBeUndefined();
  });
});
