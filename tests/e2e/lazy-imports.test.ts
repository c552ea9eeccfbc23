import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync, utimesSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { makeBlog } from "../support/make-blog.js";
import { fixedNow, repoRoot, tempDir } from "../support/run-cli.js";

const recorder = path.join(repoRoot, "tests/support/record-modules.mjs");
const config = { title: "Lazy", url: "https://example.com/" };
const bangPost = (title: string, day: number) =>
  `!! title: ${title}\n!! published: 2024-01-${String(day).padStart(2, "0")}\n!! tags: notes\n\n---\n\nSome *text* with a [link](https://example.org/).\n`;

/** Runs the compiled CLI with the module recorder: its exit code and what it loaded (package names, daylight's own files, worker threads). */
function runRecorded(argv: string[]): { packages: Set<string>; own: Set<string>; workers: number; stdout: string } {
  const list = path.join(tempDir(), "modules.txt");
  const run = spawnSync(process.execPath, ["--import", recorder, path.join(repoRoot, "lib/cli.js"), ...argv], {
    env: { ...process.env, SOURCE_DATE_EPOCH: fixedNow, DAYLIGHT_TEST_MODULES: list },
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`daylight ${argv.join(" ")} exited ${run.status}: ${run.stderr}`);
  const lines = readFileSync(list, "utf8").split("\n").filter(Boolean);
  const packages = new Set(lines.flatMap((line) => /.*\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(line)?.[1] ?? []));
  const libDir = `${path.join(repoRoot, "lib")}/`;
  const own = new Set(lines.map((line) => (line.startsWith("file://") ? new URL(line).pathname : line))
    .filter((file) => file.startsWith(libDir)).map((file) => file.slice(libDir.length)));
  return { packages, own, workers: lines.filter((line) => line === "worker-thread").length, stdout: run.stdout };
}

/** Every file below `dir`, by relative path, with its bytes. */
function snapshot(dir: string): Map<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return new Map(files.map((entry) => {
    const file = path.join(entry.parentPath, entry.name);
    return [path.relative(dir, file), readFileSync(file).toString("base64")];
  }));
}

// Heavy packages a build imports only when it has something for them to do.
const templating = "liquidjs";
const xml = "xmlbuilder2";
const markdown = ["unified", "micromark", "remark-parse"];
const yaml = ["gray-matter", "js-yaml"];
/** What Shiki's highlighter brings (its list of languages does not). */
const shikiEngine = "@shikijs/core";
const onDemand = [templating, xml, ...markdown, ...yaml, "shiki", "smol-toml", "image-size"];

describe("a build imports only what it uses", () => {
  it("a repeat build whose renderings, pages and feeds all come from the cache loads neither LiquidJS, xmlbuilder2, the markdown pipeline, Shiki nor YAML, and writes the same files", () => {
    const root = makeBlog({ "posts/a.md": bangPost("A", 1), "posts/b.md": bangPost("B", 2), "posts/c.md": bangPost("C", 3) }, config);
    const out = path.join(root, "out");
    const cold = runRecorded(["build", "--root", root, "--out", out]);
    // The recorder sees these packages when they are used: the cold build renders posts, pages and feeds.
    for (const name of [templating, xml, ...markdown]) expect(cold.packages).toContain(name);
    // Three posts to render: on this thread, no worker thread with its own copy of the render stack.
    expect(cold.workers).toBe(0);
    const built = snapshot(out);

    // A post saved again as it was: the build runs (it is not "nothing changed"), and every
    // rendering, page and feed it needs is in the cache.
    utimesSync(path.join(root, "posts/b.md"), 1_000_000_000, 1_000_000_000);
    const warm = runRecorded(["build", "--root", root, "--out", out]);
    expect(warm.stdout).toMatch(/built 3 posts/);
    expect(onDemand.filter((name) => warm.packages.has(name))).toEqual([]);
    // Of the render step's code, only what checks links and reads cached renderings.
    const renderCode = /^(?:markdown\/(?!check-fragments|rendering-facts)|workers\/(?!prepare-renders))/;
    expect([...warm.own].filter((file) => renderCode.test(file))).toEqual([]);
    expect(snapshot(out)).toEqual(built);
  });

  it("a cold build of !! headers without code or images loads no YAML, TOML, Shiki or image-size", () => {
    const root = makeBlog({ "posts/a.md": bangPost("A", 1) }, config);
    const { packages } = runRecorded(["build", "--root", root, "--out", path.join(root, "out"), "--no-cache"]);
    expect(packages).toContain(templating);
    // js-yaml is not among them: xmlbuilder2, which writes the feeds, requires it too.
    expect(["gray-matter", "smol-toml", "shiki", "image-size"].filter((name) => packages.has(name))).toEqual([]);
  });

  it("each loads once the site needs it: a YAML header, a TOML header, a highlighted code block, an image", () => {
    const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");
    const root = makeBlog({
      "posts/yaml.md": "---\ntitle: Yaml\ndate: 2024-01-02\n---\n\n```js\nconst a = 1;\n```\n",
      "posts/toml.md": "+++\ntitle = \"Toml\"\ndate = 2024-01-03\n+++\n\n![a dot](./images/dot.png)\n",
      "public/images/dot.png": png.toString("latin1"),
    }, config);
    const { packages } = runRecorded(["build", "--root", root, "--out", path.join(root, "out"), "--no-cache"]);
    for (const name of [...yaml, "smol-toml", "shiki", shikiEngine, "image-size"]) expect(packages).toContain(name);
  });

  it("a code block in a language Shiki does not know loads Shiki's list of languages, not Shiki", () => {
    const root = makeBlog({ "posts/a.md": `${bangPost("A", 1)}\n\`\`\`frobnicate\nfrob 1 2\n\`\`\`\n` }, config);
    const { packages } = runRecorded(["build", "--root", root, "--out", path.join(root, "out"), "--no-cache"]);
    expect(packages).toContain("shiki");
    expect(packages).not.toContain(shikiEngine);
  });

  it("--version and --help load no command's code and no package", () => {
    for (const flag of ["--version", "--help"]) {
      const { packages, own } = runRecorded([flag]);
      expect([...packages].filter((name) => name !== "fastest-levenshtein")).toEqual([]);
      expect([...own].filter((file) => /-command\.js$|^config\/resolve-config\.js$/.test(file))).toEqual([]);
    }
  });
});
