import { describe, expect, it } from "vitest";
import { addScripts } from "../../src/init/add-scripts.js";

describe("addScripts", () => {
  it("adds the scripts a package.json lacks, keeping every field, its order and the file's indent", () => {
    const text = '{\n    "name": "x",\n    "type": "commonjs",\n    "scripts": {\n        "test": "vitest"\n    },\n    "license": "ISC"\n}\n';
    const merge = addScripts(text, { build: "daylight build", test: "other" });
    if (typeof merge === "string") throw new Error(merge);
    expect(merge.added).toEqual(["build"]);
    expect(merge.kept).toEqual([{ name: "test", command: "vitest" }]);
    expect(merge.text).toBe(
      '{\n    "name": "x",\n    "type": "commonjs",\n    "scripts": {\n        "test": "vitest",\n        "build": "daylight build"\n    },\n    "license": "ISC"\n}\n',
    );
  });

  it("appends a scripts field when there is none, and keeps CRLF and a missing final newline", () => {
    const merge = addScripts('{\r\n  "name": "x"\r\n}', { dev: "daylight dev" });
    if (typeof merge === "string") throw new Error(merge);
    expect(merge.text).toBe('{\r\n  "name": "x",\r\n  "scripts": {\r\n    "dev": "daylight dev"\r\n  }\r\n}');
  });

  it("changes nothing when every script is there already", () => {
    expect(addScripts('{"scripts": {"dev": "daylight dev"}}', { dev: "daylight dev" })).toEqual({ text: undefined, added: [], kept: [] });
  });

  it.each([["{"], ["[]"], ['{"scripts": []}']])("says why %j cannot take scripts", (text) => {
    expect(typeof addScripts(text, { dev: "daylight dev" })).toBe("string");
  });
});
