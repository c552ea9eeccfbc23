import type { TextCache } from "../../cache/text-cache.js";
import type { SiteConfig } from "../../config/site-config.js";
import type { OutputFile, RenderedPost } from "../../model.js";
import { timed } from "../../timings/stage-timings.js";
import { themeDateText, toSearchDocument } from "./search-document.js";
import { searchFiles } from "./search-files.js";

/**
 * The search index of the posts and pages this build publishes (drafts and scheduled posts
 * only in a build that shows them), none when the config says `search: false`. With a
 * cache, a build where no page's text or header changed reads no body and indexes nothing:
 * the key is each page's rendering digest, URL and header.
 */
export function siteSearchFiles(
  posts: readonly RenderedPost[],
  pages: readonly RenderedPost[],
  config: SiteConfig,
  cache?: TextCache,
): OutputFile[] {
  if (!config.search) return [];
  const all = [...posts, ...pages];
  const make = () => timed("search index", () => {
    const dateText = themeDateText(config.timezone, config.language);
    return searchFiles(all.map((r) => toSearchDocument(r, dateText))).flatMap((f) => [f.path, String("contents" in f ? f.contents : "")]);
  });
  const key = () => JSON.stringify([config.timezone, config.language, all.map((r) => [r.digest, r.post.url, r.post.meta])]);
  const flat = cache ? cache.texts("search", key(), make) : make();
  const files: OutputFile[] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) files.push({ path: flat[i] as string, contents: flat[i + 1] as string });
  return files;
}
