import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { defaultCacheDirName } from "../../src/cache/cache-location.js";
import { parseCommand } from "../../src/cli/parse-args.js";
import { repoRoot } from "../support/run-cli.js";

const workflow = readFileSync(path.join(repoRoot, "docs/github-actions.yml"), "utf8");
const siteUrl = /^ {2}SITE_URL: (\S+)$/m.exec(workflow)?.[1];
const daylightRuns = [...workflow.matchAll(/^ +- run: npx daylight (.+)$/gm)].map((m) => m[1]!);
const paths = [...workflow.matchAll(/^ +path: (\S+)$/gm)].map((m) => m[1]!);

// The documented workflow is copied into people's repositories: its commands must be ones this daylight accepts.
describe("the GitHub Actions workflow in docs/", () => {
  it("builds with flags daylight accepts, reading the live site as the previous generation", () => {
    expect(siteUrl).toBeDefined();
    expect(daylightRuns.length).toBeGreaterThan(0);
    const commands = daylightRuns.map((line) => {
      const argv = line.replaceAll('"$SITE_URL"', siteUrl!).split(/ +/);
      return parseCommand(argv, "/blog", "/blog");
    });
    const build = commands.find((command) => command.kind === "build");
    expect(build).toMatchObject({ kind: "build", previous: siteUrl, baseUrl: siteUrl, outDir: "/blog/dist", noCache: false, cacheDir: undefined });
  });

  it("restores the cache folder the build uses and publishes the folder it writes", () => {
    expect(paths).toEqual([defaultCacheDirName, "dist"]);
  });
});
