import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "../support/run-cli.js";

const npmInitPackage = '{\n  "name": "blog",\n  "version": "1.0.0",\n  "type": "commonjs",\n  "scripts": {\n    "test": "exit 1"\n  }\n}\n';

describe("daylight init", () => {
  it("starts a site that builds, with the example post left out as a draft", async () => {
    const root = tempDir();
    writeFileSync(path.join(root, "package.json"), npmInitPackage);
    mkdirSync(path.join(root, "node_modules"));
    const init = await runCli(["init", "--root", root, "--title", "Field notes", "--url", "https://notes.example/blog/"]);
    expect(init.err).toEqual([]);
    expect(init.code).toBe(0);
    expect(init.out.join("\n")).toMatch(/created site\.config\.json[\s\S]*created posts\/welcome\.md[\s\S]*updated package\.json[\s\S]*npm run dev/);
    expect(readdirSync(root).sort()).toEqual([".gitignore", "node_modules", "package.json", "posts", "site.config.json"]);
    expect(readdirSync(path.join(root, "posts"))).toEqual(["welcome.md"]);
    const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string>; type: string };
    expect(pkg.type).toBe("commonjs");
    expect(pkg.scripts).toMatchObject({ test: "exit 1", build: "daylight build", dev: "daylight dev", check: "daylight check" });

    const build = await runCli(["build", "--root", root]);
    expect(build.err).toEqual([]);
    expect(build.code).toBe(0);
    const index = readFileSync(path.join(root, "dist/index.html"), "utf8");
    expect(index).toContain("Field notes");
    expect(index).not.toContain("Welcome to your new blog");
    expect(readdirSync(path.join(root, "dist"))).not.toContain("posts");
    const withDrafts = await runCli(["build", "--root", root, "--drafts", "--out", path.join(root, "preview")]);
    expect(withDrafts.code).toBe(0);
    expect(readFileSync(path.join(root, "preview/posts/welcome/index.html"), "utf8")).toContain("Welcome to your new blog");
  });

  it("refuses a folder that holds other files, writing nothing, and with --force overwrites nothing", async () => {
    const root = tempDir();
    writeFileSync(path.join(root, "site.config.json"), '{"title": "Mine", "url": "https://mine.example/"}');
    const refused = await runCli(["init", "--root", root]);
    expect(refused.code).toBe(1);
    expect(refused.err.join("\n")).toMatch(/not empty \(it has site\.config\.json\)[\s\S]*--force/);
    expect(readdirSync(root)).toEqual(["site.config.json"]);

    const forced = await runCli(["init", "--root", root, "--force", "--title", "Other"]);
    expect(forced.code).toBe(0);
    expect(readFileSync(path.join(root, "site.config.json"), "utf8")).toBe('{"title": "Mine", "url": "https://mine.example/"}');
    expect(forced.out.join("\n")).toContain("kept site.config.json");
    expect(readdirSync(root).sort()).toEqual([".gitignore", "package.json", "posts", "site.config.json"]);
  });

  it("creates the folder it is given, and refuses a --url that is not an absolute address", async () => {
    const parent = tempDir();
    const made = await runCli(["init", path.join(parent, "blog")]);
    expect(made.code).toBe(0);
    expect(readdirSync(path.join(parent, "blog")).sort()).toEqual([".gitignore", "package.json", "posts", "site.config.json"]);
    expect((await runCli(["init", path.join(parent, "other"), "--url", "example.com"])).code).toBe(2);
  });
});
