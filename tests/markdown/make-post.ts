import { defaultSiteConfig, type SiteConfig } from "../../src/config/site-config.js";
import type { RenderContext } from "../../src/markdown/render-context.js";
import type { AssetInfo, LinkTarget, Post } from "../../src/model.js";

/** Options for a test post. */
export interface PostOptions {
  readonly path?: string;
  readonly slug?: string;
  readonly description?: string;
}

/** A post whose file is `text`; the `!!` header and its `---` are blanked to spaces, as the content stage does. */
export function makePost(text: string, options: PostOptions = {}): Post {
  const slug = options.slug ?? "test-post";
  const body = blankHeader(text);
  return {
    source: { path: options.path ?? `posts/${slug}.md`, text },
    kind: "post",
    format: "bang",
    meta: {
      title: "Test post",
      slug,
      published: new Date("2024-03-05T00:00:00Z"),
      updated: undefined,
      description: options.description,
      tags: [],
      draft: false,
      author: undefined,
      image: undefined,
      aliases: [],
      extra: {},
    },
    body,
    url: `/posts/${slug}/`,
  };
}

function blankHeader(text: string): string {
  const lines = text.split("\n");
  const blank = (i: number) => (lines[i] = " ".repeat(lines[i]?.length ?? 0));
  let i = 0;
  for (; lines[i]?.startsWith("!!"); i++) blank(i);
  if (i === 0) return text;
  while (lines[i]?.trim() === "") i++;
  if (/^-{3,}\s*$/.test(lines[i] ?? "")) blank(i);
  return lines.join("\n");
}

/** Options for a test render context. */
export interface ContextOptions {
  readonly basePath?: string;
  readonly slugs?: readonly string[];
  /** key → URL, or everything the index knows of the file. */
  readonly assets?: Readonly<Record<string, string | AssetInfo>>;
  readonly config?: Partial<SiteConfig>;
}

/** A render context with the given post slugs (URLs under the base path) and assets. */
export function makeContext(options: ContextOptions = {}): RenderContext {
  const basePath = options.basePath ?? "/";
  const targets = (options.slugs ?? []).map((slug): [string, LinkTarget] => [
    slug,
    { slug, url: `${basePath}posts/${slug}/` },
  ]);
  return {
    config: { ...defaultSiteConfig, basePath, ...options.config },
    links: { posts: new Map(targets) },
    assets: new Map(
      Object.entries(options.assets ?? {}).map(([key, info]): [string, AssetInfo] => [key, typeof info === "string" ? { url: info } : info]),
    ),
  };
}
