import { describe, expect, it } from "vitest";
import { resolveConfig } from "../../src/config/resolve-config.js";

describe("resolveConfig", () => {
  it("fills every default when there is no file", () => {
    const { config, diagnostics } = resolveConfig(undefined);
    expect(diagnostics).toEqual([]);
    expect(config).toMatchObject({ url: undefined, basePath: "/", postsPerPage: 10, feedItems: 20, timezone: "UTC" });
  });

  it("takes the base path from the url and adds the trailing slash", () => {
    const { config } = resolveConfig('{ "url": "https://example.com/blog" }');
    expect(config.url).toBe("https://example.com/blog/");
    expect(config.basePath).toBe("/blog/");
  });

  it("lets --base-url win over the file", () => {
    const { config } = resolveConfig('{ "url": "https://a.example/" }', "https://b.example/x/");
    expect(config.url).toBe("https://b.example/x/");
    expect(config.basePath).toBe("/x/");
  });

  it("reports invalid JSON at its line and column", () => {
    const { diagnostics } = resolveConfig('{\n  "title": "A",\n  "url": }\n');
    expect(diagnostics).toMatchObject([{ rule: "config-error", severity: "error", file: "site.config.json", line: 3, column: 10 }]);
  });

  it("takes a render budget in whole seconds above 0, 60 by default", () => {
    expect(resolveConfig(undefined).config.renderBudgetSeconds).toBe(60);
    expect(resolveConfig('{ "renderBudgetSeconds": 120 }').config.renderBudgetSeconds).toBe(120);
    for (const bad of ["0", "-5", "1.5", '"30"']) {
      expect(resolveConfig(`{ "renderBudgetSeconds": ${bad} }`).diagnostics, bad).toMatchObject([{ rule: "config-error", line: 1, column: 26 }]);
    }
  });

  it("refuses redirects and gone paths where daylight writes a file of its own", () => {
    const { diagnostics } = resolveConfig('{\n  "redirects": { "/_headers": "/posts/a/" },\n  "gone": ["/daylight-manifest.json"]\n}');
    expect(diagnostics).toMatchObject([
      { rule: "config-error", severity: "error", line: 2, column: 16 },
      { rule: "config-error", severity: "error", line: 3, column: 11 },
    ]);
  });

  it("reports a value of the wrong type where it stands", () => {
    const { diagnostics } = resolveConfig('{\n  "postsPerPage": "ten",\n  "timezone": "Mars/Olympus"\n}');
    expect(diagnostics).toMatchObject([
      { rule: "config-error", line: 2, column: 19 },
      { rule: "config-error", line: 3, column: 15 },
    ]);
  });

  it("rejects a language that is not a language tag where it stands, and keeps a good one", () => {
    // Found by the build fuzzer: "language": " " made Intl.Collator throw while sorting the
    // navigation, which crashed the build with a RangeError and exit code 70.
    for (const language of [" ", "", "en_US", "not a tag", "x", "\u00fcber"]) {
      const { diagnostics } = resolveConfig(`{\n  "language": ${JSON.stringify(language)}\n}`);
      expect(diagnostics, language).toMatchObject([{ rule: "config-error", severity: "error", line: 2, column: 15 }]);
    }
    for (const language of ["en", "pt-BR", "zh-Hant-TW", "de-CH-1996", "EN"]) {
      const { config, diagnostics } = resolveConfig(JSON.stringify({ language }));
      expect(diagnostics, language).toEqual([]);
      expect(config.language).toBe(language);
    }
  });

  it("rejects a relative url, and a url with a query", () => {
    expect(resolveConfig('{"url": "/blog/"}').diagnostics[0]?.rule).toBe("config-error");
    expect(resolveConfig('{"url": "https://e.com/?a=1"}').diagnostics[0]?.rule).toBe("config-error");
    expect(resolveConfig(undefined, "example.com").diagnostics[0]?.rule).toBe("config-error");
  });

  it("warns about a near-miss key and names the known one", () => {
    const { diagnostics } = resolveConfig('{\n "postPerPage": 5\n}');
    expect(diagnostics).toMatchObject([{ rule: "unknown-key", severity: "warning", line: 2, column: 2, hint: 'did you mean "postsPerPage"?' }]);
  });

  it("warns about keys named like Object's own members, and keeps the rest", () => {
    // Found by the build fuzzer: "__proto__" found Object.prototype as the key's checker and
    // crashed the build with "TypeError: checker is not a function" and exit code 70.
    for (const key of ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf"]) {
      const { config, diagnostics } = resolveConfig(`{\n  ${JSON.stringify(key)}: {"x": 1},\n  "title": "T"\n}`);
      expect(diagnostics, key).toMatchObject([{ rule: "unknown-key", severity: "warning", line: 2, column: 3 }]);
      expect(config.title).toBe("T");
      expect(Object.getPrototypeOf(config)).toBe(Object.prototype);
    }
  });

  it("rejects a config that is not an object", () => {
    expect(resolveConfig("[1]").diagnostics).toMatchObject([{ rule: "config-error", line: 1, column: 1 }]);
  });
});

describe("resolveConfig: lists", () => {
  it("reads nav as a list of page slugs, and refuses anything else", () => {
    expect(resolveConfig('{"nav": ["about", "now"]}').config.nav).toEqual(["about", "now"]);
    expect(resolveConfig('{"nav": "about"}').diagnostics).toMatchObject([{ rule: "config-error", line: 1, column: 9 }]);
  });
});
