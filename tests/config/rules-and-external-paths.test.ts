import { describe, expect, it } from "vitest";
import { resolveConfig } from "../../src/config/resolve-config.js";
import { resolveSiteConfig } from "../../src/config/resolve-site-config.js";
import { isExternalPath } from "../../src/config/external-paths.js";

const brief = (text: string) => resolveConfig(text).diagnostics.map((d) => [d.severity, d.rule, d.line, d.column, d.message]);

describe('config "rules"', () => {
  it("takes error, warning and off for any rule id, none by default", () => {
    expect(resolveConfig(undefined).config.rules).toEqual({});
    const { config, diagnostics } = resolveConfig('{ "rules": { "broken-reference": "warning", "missing-file": "off", "unknown-fragment": "error" } }');
    expect(diagnostics).toEqual([]);
    expect(config.rules).toEqual({ "broken-reference": "warning", "missing-file": "off", "unknown-fragment": "error" });
  });

  it("reports an unknown rule id at the id, naming the nearest known one", () => {
    const found = brief('{\n  "rules": {\n    "broken-reference": "warning",\n    "brokn-post-link": "off"\n  }\n}');
    expect(found).toEqual([["error", "config-error", 4, 5, expect.stringContaining('unknown rule "brokn-post-link": did you mean "broken-post-link"?')]]);
    expect(brief('{ "rules": { "zzzzzzzzzzzzzzzz": "off" } }')[0]?.[4]).toContain("docs/rules.md lists every rule id");
  });

  it("reports a setting other than error, warning or off at the setting", () => {
    expect(brief('{ "rules": { "missing-file": "warn" } }')).toEqual([
      ["error", "config-error", 1, 30, expect.stringContaining('use "error", "warning" or "off"')],
    ]);
    expect(brief('{ "rules": ["missing-file"] }')).toEqual([["error", "config-error", 1, 12, expect.stringContaining("must map rule ids")]]);
  });

  it("refuses to lower a rule that must stay an error, but lets it be set to error", () => {
    expect(brief('{ "rules": { "duplicate-slug": "warning" } }')).toEqual([
      ["error", "config-error", 1, 32, expect.stringContaining('cannot lower "duplicate-slug"')],
    ]);
    expect(brief('{ "rules": { "config-error": "off" } }')[0]?.[4]).toContain("not about the site's content");
    expect(brief('{ "rules": { "duplicate-slug": "error" } }')).toEqual([]);
  });

  it("is checked the same in a config module, which has no positions", () => {
    const resolved = resolveSiteConfig({ kind: "module", file: "site.config.mjs", exports: { rules: { "missing-fle": "off" } } });
    expect(resolved.diagnostics.map((d) => [d.rule, d.file, d.message])).toEqual([
      ["config-error", "site.config.mjs", expect.stringContaining('did you mean "missing-file"?')],
    ]);
  });
});

describe('config "externalPaths"', () => {
  it("takes a list of paths from the host's root, none by default", () => {
    expect(resolveConfig(undefined).config.externalPaths).toEqual([]);
    const { config, diagnostics } = resolveConfig('{ "externalPaths": ["/docs/", "/api/"] }');
    expect(diagnostics).toEqual([]);
    expect(config.externalPaths).toEqual(["/docs/", "/api/"]);
  });

  it("reports an entry that does not start with / at the entry", () => {
    expect(brief('{ "externalPaths": ["/docs/",\n  "api/"] }')).toEqual([
      ["error", "config-error", 2, 3, expect.stringContaining('"api/", which does not start with a single "/"')],
    ]);
    expect(brief('{ "externalPaths": ["//cdn.example/"] }').map((d) => d.slice(0, 4))).toEqual([["error", "config-error", 1, 21]]);
    expect(brief('{ "externalPaths": "/docs/" }').map((d) => d.slice(0, 4))).toEqual([["error", "config-error", 1, 20]]);
  });

  it("matches a path under a prefix, and a folder's own path without its slash", () => {
    expect(isExternalPath("/docs/intro", ["/docs/"])).toBe(true);
    expect(isExternalPath("/docs", ["/docs/"])).toBe(true);
    expect(isExternalPath("/docsify/", ["/docs/"])).toBe(false);
    expect(isExternalPath("/api-v2/", ["/api"])).toBe(true);
    expect(isExternalPath("/posts/a/", ["/docs/", "/api/"])).toBe(false);
  });
});
