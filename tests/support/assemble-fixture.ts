import { readFile } from "node:fs/promises";
import path from "node:path";
import { buildAssetIndex } from "../../src/assets/asset-index.js";
import type { BuildOptions, SiteConfig } from "../../src/config/site-config.js";
import { resolveConfig } from "../../src/config/resolve-config.js";
import { collectPosts } from "../../src/content/collect-posts.js";
import { buildLinkIndex } from "../../src/content/link-index.js";
import { parsePost } from "../../src/content/parse-post.js";
import { readPostSources } from "../../src/content/read-sources.js";
import type { Diagnostic } from "../../src/diagnostics.js";
import { prepareHighlighting } from "../../src/markdown/create-post-renderer.js";
import { renderPost } from "../../src/markdown/render-post.js";
import type { OutputFile, PostKind, RenderedPost } from "../../src/model.js";
import { builtinTemplatesDir } from "../../src/config/package-paths.js";
import { assembleSite } from "../../src/site/assemble-site.js";
import { readTheme } from "../../src/site/read-theme.js";
import { createTemplateRenderer } from "../../src/site/template-renderer.js";

/** A fixture site assembled in memory, with every stage's diagnostics. */
export interface AssembledFixture {
  readonly config: SiteConfig;
  readonly files: readonly OutputFile[];
  readonly diagnostics: readonly Diagnostic[];
  readonly posts: readonly RenderedPost[];
  readonly pages: readonly RenderedPost[];
  /** The text of a generated file; throws when there is none. */
  text(outputPath: string): string;
}

/**
 * Reads a fixture site (site.config.json, posts/, pages/) and runs it through the real
 * stages up to `assembleSite`, as build-site.ts does, without touching the CLI or the disk writer.
 */
export async function assembleFixture(root: string, options: Partial<BuildOptions> = {}, publicPaths: ReadonlySet<string> = new Set()): Promise<AssembledFixture> {
  const build: BuildOptions = { drafts: false, future: false, strict: false, now: new Date("2025-06-01T00:00:00Z"), ...options };
  const configText = await readFile(path.join(root, "site.config.json"), "utf8").catch(() => undefined);
  const { config, diagnostics: configDiagnostics } = resolveConfig(configText);
  const read = async (folder: string, kind: PostKind) => {
    const sources = readPostSources(root, path.join(root, folder));
    const parsed = sources.sources.map((source) => parsePost(source, config, kind));
    const collected = collectPosts(parsed.flatMap((r) => (r.post ? [r.post] : [])), build);
    return { posts: collected.posts, diagnostics: [...sources.diagnostics, ...parsed.flatMap((r) => r.diagnostics), ...collected.diagnostics] };
  };
  const posts = await read("posts", "post");
  const pages = await read("pages", "page");
  const context = { config, links: buildLinkIndex(posts.posts), assets: buildAssetIndex([], config.basePath) };
  await prepareHighlighting([...posts.posts, ...pages.posts]);
  const renderedPosts = posts.posts.map((p) => renderPost(p, context));
  const renderedPages = pages.posts.map((p) => renderPost(p, context));
  const theme = await readTheme(undefined, builtinTemplatesDir);
  const site = assembleSite({
    posts: renderedPosts, pages: renderedPages, config, theme, renderer: createTemplateRenderer(theme, config, build.now), now: build.now, publicPaths,
  });
  const diagnostics = [
    ...configDiagnostics, ...posts.diagnostics, ...pages.diagnostics,
    ...[...renderedPosts, ...renderedPages].flatMap((r) => r.diagnostics), ...site.diagnostics,
  ];
  return {
    config, files: site.files, diagnostics, posts: renderedPosts, pages: renderedPages,
    text(outputPath) {
      const file = site.files.find((f) => f.path === outputPath);
      if (!file || !("contents" in file) || typeof file.contents !== "string") throw new Error(`no generated ${outputPath}`);
      return file.contents;
    },
  };
}
