import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, normalize } from "node:path";
import { afterEach } from "vitest";
import { defaultSiteConfig, type SiteConfig } from "../../src/config/site-config.js";
import type { OutputFile } from "../../src/model.js";
import { outputContents } from "../../src/files/output-contents.js";
import { planGeneration, type GenerationInput } from "../../src/generations/plan-generation.js";
import { readPreviousGeneration } from "../../src/generations/read-previous.js";
import { parseManifest } from "../../src/generations/parse-manifest.js";
import { recordDeploy } from "../../src/deploy/record-deploy.js";
import { manifestPath } from "../../src/urls/generated-files.js";

export const config = (over: Partial<SiteConfig> = {}): SiteConfig => ({
  ...defaultSiteConfig,
  url: "https://example.com/",
  basePath: "/",
  ...over,
});

export const day = 24 * 60 * 60 * 1000;
export const t0 = new Date("2025-03-01T12:00:00.000Z");
export const at = (days: number): Date => new Date(t0.getTime() + days * day);

/** A small built site: an index, one post and a stylesheet whose hashed name follows `css`. */
export function site(css: string, posts: Record<string, string> = { a: "A" }): OutputFile[] {
  return [
    { path: "index.html", contents: `<link rel="stylesheet" href="/assets/style.${css}.css">` },
    { path: `assets/style.${css}.css`, contents: `body{color:#${css.slice(0, 6)}}` },
    { path: "404.html", contents: "<p>not found</p>" },
    { path: "feed.xml", contents: "<rss/>" },
    ...Object.entries(posts).map(([slug, body]) => ({ path: `posts/${slug}/index.html`, contents: body })),
  ];
}

export const published = (slugs: string[], aliases: Record<string, string[]> = {}) =>
  slugs.map((slug) => ({ url: `/posts/${slug}/`, file: `posts/${slug}.md`, aliases: aliases[slug] ?? [] }));

export const textOf = (files: readonly OutputFile[], path: string): string => {
  const file = files.find((f) => f.path === path);
  if (!file) throw new Error(`no ${path}`);
  const contents = outputContents(file);
  return typeof contents === "string" ? contents : Buffer.from(contents).toString("utf8");
};

/** Replaces a folder with exactly these files, as the disk writer would (carried files may come from it). */
export function writeTree(dir: string, files: readonly OutputFile[]): void {
  const bytes = files.map((file) => [outputContents(file), file.path] as const);
  rmSync(dir, { recursive: true, force: true });
  for (const [contents, path] of bytes) {
    const target = join(dir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, contents);
  }
}

export function useTemp(): () => string {
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), "daylight-generations-"));
    made.push(dir);
    return dir;
  };
}

/** Serves a folder over HTTP on 127.0.0.1 (port 0); closed after each test. */
export function useStaticServer(): (root: string) => Promise<string> {
  const servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => new Promise((done) => server.close(done))));
  });
  return async (root) => {
    const server = createServer((request, response) => {
      const path = normalize(decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname));
      try {
        response.end(readFileSync(join(root, path)));
      } catch {
        response.statusCode = 404;
        response.end("not found");
      }
    });
    servers.push(server);
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  };
}

/** What `daylight deploy` records in the built folder `dir` before it publishes it: its URLs are now live. */
export async function deployFrom(dir: string): Promise<void> {
  const parsed = parseManifest(readFileSync(join(dir, manifestPath), "utf8"));
  if ("problem" in parsed) throw new Error(parsed.problem);
  await recordDeploy(dir, parsed.manifest);
}

/** Builds into `dir` the way the CLI will: read the previous generation there, plan, write. */
export async function buildInto(dir: string, input: Omit<GenerationInput, "previous">) {
  const read = await readPreviousGeneration({ kind: "dir", dir });
  const plan = await planGeneration({ ...input, previous: read.previous });
  writeTree(dir, plan.files);
  return { ...plan, diagnostics: [...read.diagnostics, ...plan.diagnostics] };
}
