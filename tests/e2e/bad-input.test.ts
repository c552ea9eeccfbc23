import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fixturesDir, runCli, snapshot, spawnCli, tempDir } from "../support/run-cli.js";

interface Expected {
  rule: string;
  file: string;
  line: number;
  column: number;
  approximate?: boolean;
}

const badDir = path.join(fixturesDir, "bad");
const scenarios = readdirSync(badDir).filter((name) => !name.includes("."));

/** An output folder holding a previous generation, to prove that a failed build leaves it alone. */
function previousOutput(): string {
  const out = path.join(tempDir(), "dist");
  mkdirSync(path.join(out, "posts/old"), { recursive: true });
  writeFileSync(path.join(out, "index.html"), "<!doctype html><title>previous</title>");
  writeFileSync(path.join(out, "posts/old/index.html"), "previous post");
  // What marks a folder as daylight's to replace (any other would be refused up front).
  writeFileSync(path.join(out, "daylight-manifest.json"), "{}");
  return out;
}

const diagnosticLine = /^(?<file>[^:\s]+):(?<line>\d+):(?<column>\d+)  error  .+  \[(?<rule>[a-z-]+)\]$/;

describe.each(scenarios)("bad input: %s", (scenario) => {
  const root = path.join(badDir, scenario);
  const expected = JSON.parse(readFileSync(path.join(root, "expect.json"), "utf8")) as Expected;

  it("exits 1 with the diagnostic at its file, line and column, and writes nothing", async () => {
    const out = previousOutput();
    const before = snapshot(out);
    const run = await runCli(["build", "--root", root, "--out", out, "--base-url", "https://example.com/"]);
    expect(run.code).toBe(1);
    const lines = run.err.join("\n").split("\n");
    const reported = lines.map((line) => diagnosticLine.exec(line)?.groups).filter((g) => g !== undefined);
    const match = reported.find((g) => g.rule === expected.rule && g.file === expected.file);
    expect(match, run.err.join("\n")).toBeDefined();
    if (!expected.approximate) {
      expect({ line: Number(match!.line), column: Number(match!.column) }).toEqual({
        line: expected.line,
        column: expected.column,
      });
    }
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(path.dirname(out))).toEqual(["dist"]);
  });
});

describe("a user's mistake in a real terminal", () => {
  it("prints diagnostics, never a stack trace, and exits 1", () => {
    const out = path.join(tempDir(), "dist");
    const result = spawnCli(["build", "--root", path.join(badDir, "invalid-date"), "--out", out, "--base-url", "https://e.com/", "--no-cache"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/invalid-date/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("answers a wrong command with the reason and exit 2", () => {
    const result = spawnCli(["build", "--no-such-flag"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--no-such-flag/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("refuses an --out that would destroy the site, with exit 2", async () => {
    const root = path.join(badDir, "invalid-date");
    for (const out of [root, path.join(root, "posts"), "/", path.dirname(root)]) {
      const run = await runCli(["build", "--root", root, "--out", out, "--base-url", "https://e.com/"]);
      expect(run.code, out).toBe(2);
    }
  });

  it("requires a url for build, naming the fix", async () => {
    const root = tempDir();
    // A site of posts alone (an empty folder is not a site at all: see tests/cli/wrong-folder.test.ts).
    mkdirSync(path.join(root, "posts"));
    const run = await runCli(["build", "--root", root, "--out", path.join(root, "out")]);
    expect(run.code).toBe(1);
    expect(run.err.join("\n")).toMatch(/\[missing-url\]/);
  });
});

describe("mistakes in templates and config", () => {
  it("reports a template error at its line and column in the site's template, and writes nothing", async () => {
    const root = tempDir();
    mkdirSync(path.join(root, "posts"));
    mkdirSync(path.join(root, "templates"));
    writeFileSync(path.join(root, "posts/a.md"), "!! title: A\n!! published: 2024-01-01\n\nHi.\n");
    writeFileSync(
      path.join(root, "templates/post.liquid"),
      '{% layout "layout" %}\n{% block content %}\n<h1>{{ post.titel }}</h1>\n{% endblock %}\n',
    );
    const out = previousOutput();
    const before = snapshot(out);
    const run = await runCli(["build", "--root", root, "--out", out, "--base-url", "https://e.com/"]);
    expect(run.code).toBe(1);
    expect(run.err.join("\n")).toMatch(/^templates\/post\.liquid:3:\d+  error  .*\[template-error\]/m);
    expect(snapshot(out)).toEqual(before);
  });

  it("reports invalid JSON in site.config.json at its line and column", async () => {
    const root = tempDir();
    writeFileSync(path.join(root, "site.config.json"), '{\n  "title": "A",\n  "url": "https://e.com/",\n}\n');
    const run = await runCli(["build", "--root", root, "--out", path.join(root, "dist")]);
    expect(run.code).toBe(1);
    expect(run.err.join("\n")).toMatch(/^site\.config\.json:4:1  error  .*\[config-error\]/m);
  });
});
