import { describe, expect, it } from "vitest";
import { firstLocated, locateInTemplates } from "../../src/check/locate-in-templates.js";

const template = (name: string, text: string) => ({ name, path: `templates/${name}`, text });

describe("locateInTemplates", () => {
  const templates = [
    template("post.liquid", '<p>\n  <a href="{{ "/about/" | url }}">About</a>\n</p>\n'),
    template("partials/footer.liquid", '<footer>\n  <a href="/blog/nope/">x</a> <a href=/plain/>y</a>\n</footer>\n'),
  ];
  const locate = locateInTemplates(templates, "/blog/");

  it("finds a URL written whole in an attribute, at its line and column", () => {
    expect(locate("index.html", "/blog/nope/")).toEqual({ file: "templates/partials/footer.liquid", at: { line: 2, column: 12 } });
    expect(locate("index.html", "/blog/plain/")).toEqual({ file: "templates/partials/footer.liquid", at: { line: 2, column: 39 } });
  });

  it("finds one written without the base path, through the url filter", () => {
    expect(locate("index.html", "/blog/about/")).toEqual({ file: "templates/post.liquid", at: { line: 2, column: 16 } });
  });

  it("finds nothing for a URL written only as part of a longer one", () => {
    expect(locate("index.html", "/blog/no")).toBeUndefined();
    expect(locate("index.html", "/elsewhere/")).toBeUndefined();
  });

  it("asks each locator in turn", () => {
    const never = () => undefined;
    expect(firstLocated(never, locate)("x", "/blog/nope/")?.file).toBe("templates/partials/footer.liquid");
  });
});
