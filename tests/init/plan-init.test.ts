import { describe, expect, it } from "vitest";
import { planInit, type InitFolder, type InitRequest } from "../../src/init/plan-init.js";
import { examplePostPath } from "../../src/init/init-files.js";

const folder = (over: Partial<InitFolder> = {}): InitFolder => ({ names: [], packageJson: undefined, gitignore: undefined, postCount: 0, folderName: "My Blog!", ...over });
const request = (over: Partial<InitRequest> = {}): InitRequest => ({
  title: undefined, url: undefined, author: undefined, force: false, today: "2027-01-15", packageName: "daylight-blog", packageVersion: "0.1.0", ...over,
});
const npmPackage = '{\n  "name": "blog",\n  "version": "1.0.0",\n  "main": "index.js",\n  "scripts": {\n    "test": "echo \\"Error: no test specified\\" && exit 1"\n  },\n  "license": "ISC",\n  "devDependencies": {\n    "daylight-blog": "file:../daylight-blog-0.1.0.tgz"\n  }\n}\n';

describe("planInit", () => {
  it("writes the config, one draft example post, package.json and .gitignore into an empty folder", () => {
    const plan = planInit(folder(), request({ title: "Notes", url: "https://notes.example/", author: "Ada" }));
    if (plan.kind !== "write") throw new Error(plan.reason);
    expect(plan.writes.map((w) => [w.path, w.action])).toEqual([
      ["site.config.json", "create"], [examplePostPath, "create"], ["package.json", "create"], [".gitignore", "create"],
    ]);
    const [config, post, pkg, gitignore] = plan.writes.map((w) => w.contents);
    expect(JSON.parse(config!)).toEqual({ title: "Notes", url: "https://notes.example/", author: "Ada" });
    expect(post).toMatch(/^!! title: .+\n!! published: 2027-01-15\n!! draft: true\n/);
    expect(JSON.parse(pkg!)).toMatchObject({ name: "my-blog", private: true, scripts: { build: "daylight build", dev: "daylight dev" }, devDependencies: { "daylight-blog": "^0.1.0" } });
    expect(gitignore!.split("\n")).toEqual(expect.arrayContaining(["dist", "dist.generations/", ".daylight-cache/"]));
    expect(plan.newPackage).toBe(true);
  });

  it("fills what no flag gave with placeholders", () => {
    const plan = planInit(folder(), request());
    if (plan.kind !== "write") throw new Error(plan.reason);
    expect(JSON.parse(plan.writes[0]!.contents)).toEqual({ title: "My blog", url: "https://example.com/", author: "Your Name" });
  });

  it("counts what npm init, npm install and git init leave as empty, and adds its scripts to that package.json", () => {
    const names = ["package.json", "package-lock.json", "node_modules", ".git"];
    const plan = planInit(folder({ names, packageJson: npmPackage }), request());
    if (plan.kind !== "write") throw new Error(plan.reason);
    const pkg = plan.writes.find((w) => w.path === "package.json")!;
    expect(pkg.action).toBe("update");
    const before = JSON.parse(npmPackage) as Record<string, unknown>;
    const after = JSON.parse(pkg.contents) as Record<string, unknown>;
    expect(Object.keys(after)).toEqual(Object.keys(before));
    expect({ ...after, scripts: undefined }).toEqual({ ...before, scripts: undefined });
    expect(after.scripts).toMatchObject({ test: (before.scripts as Record<string, string>).test, build: "daylight build", deploy: "daylight build && daylight deploy --to" });
    expect(plan.newPackage).toBe(false);
  });

  it("refuses a folder with anything else in it, naming what is there", () => {
    const plan = planInit(folder({ names: ["package.json", "notes.txt", "src"] }), request());
    expect(plan).toMatchObject({ kind: "refused", reason: expect.stringContaining("notes.txt, src") });
  });

  it("with --force, keeps every file that exists and only adds what is missing", () => {
    const names = ["site.config.json", "posts", ".gitignore", "package.json", "README.md"];
    const packageJson = '{"scripts": {"build": "make", "dev": "daylight dev"}}';
    const plan = planInit(folder({ names, packageJson, gitignore: "dist\n*.log", postCount: 3 }), request({ force: true }));
    if (plan.kind !== "write") throw new Error(plan.reason);
    expect(plan.writes.map((w) => w.path)).toEqual(["package.json", ".gitignore"]);
    expect(JSON.parse(plan.writes[0]!.contents).scripts).toMatchObject({ build: "make", dev: "daylight dev", check: "daylight check" });
    expect(plan.writes[1]!.contents).toMatch(/^dist\n\*\.log\n\n# daylight.*\ndist\.generations\/\n\.daylight-cache\/\nnode_modules\/\n$/);
    expect(plan.kept.join("\n")).toMatch(/site\.config\.json[\s\S]*posts\/[\s\S]*"build" script/);
  });

  it("refuses a package.json that is not JSON rather than replace it", () => {
    expect(planInit(folder({ names: ["package.json"], packageJson: "{ nope" }), request())).toMatchObject({ kind: "refused" });
  });
});
