import { describe, expect, it } from "vitest";
import { createServedFiles } from "../../src/dev/served-files.js";

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (files: ReadonlyMap<string, Uint8Array>, path: string) => {
  const found = files.get(path);
  return found && new TextDecoder().decode(found);
};

describe("the files the dev server serves", () => {
  it("serves a running build's files ahead of it, under quick answers, until that build is served", () => {
    const served = createServedFiles(new Map([["a.html", bytes("a1")], ["search/index.json", bytes("p1")]]));
    const before = served.answers();
    served.patch("a.html", bytes("a2 (a quick answer)"));
    served.early(new Map([["new.html", bytes("new")], ["search/index.json", bytes("p2")], ["a.html", bytes("a1, as the build read it")]]));
    expect(text(served.files, "new.html")).toBe("new");
    expect(text(served.files, "search/index.json")).toBe("p2");
    expect(text(served.files, "a.html")).toBe("a2 (a quick answer)");
    served.reset(new Map([["a.html", bytes("a3")], ["new.html", bytes("new, built")], ["search/index.json", bytes("p3")]]), before);
    expect([...served.files.keys()]).toEqual(["a.html", "new.html", "search/index.json"]);
    expect(text(served.files, "new.html")).toBe("new, built");
    expect(text(served.files, "search/index.json")).toBe("p3");
    expect(text(served.files, "a.html")).toBe("a2 (a quick answer)");
  });

  it("takes back what it served ahead of a build that failed", () => {
    const served = createServedFiles(new Map([["a.html", bytes("a1")]]));
    served.early(new Map([["new.html", bytes("new")]]));
    expect(served.files.has("new.html")).toBe(true);
    served.dropEarly();
    expect(served.files.has("new.html")).toBe(false);
    expect([...served.files.keys()]).toEqual(["a.html"]);
  });
});
