import { collectPosts } from "../content/collect-posts.js";
import { withoutCascades } from "../content/link-cascades.js";
import { sortDiagnostics, type Diagnostic } from "../diagnostics.js";
import { checkFragments } from "../markdown/check-fragments.js";
import type { Post, RenderedPost } from "../model.js";
import { applyRules } from "../rules/apply-rules.js";
import { checkPostUrls } from "../site/post-url-clashes.js";
import { checkPageSlugs } from "../site/reserved-slugs.js";
import { buildTagIndex, tagSlug } from "../site/tag-index.js";
import { slugKey, viewFor, type ParsedSource, type SiteState, type SiteView } from "./site-state.js";

/** How the server renders: the build's renderer with the state's context, code languages prepared first. */
export interface Rendering {
  /** Loads the highlighter's grammars for these posts' code fences (renders are synchronous). */
  prepare(posts: readonly Post[]): Promise<void>;
  /** The post rendered now, against the view's link index and pages. */
  render(post: Post, view: SiteView): RenderedPost;
  /** Another post rendered for its headings and anchors: may come from a cache kept per text. */
  renderTarget(post: Post): RenderedPost;
}

/** The diagnostics the build gives for one source, and its rendering when the build would render it. */
export interface SourceReport {
  readonly diagnostics: readonly Diagnostic[];
  readonly rendered: RenderedPost | undefined;
}

/**
 * The build's diagnostics for one post or page, from the build's own stages: its header
 * (parsePost), a slug it shares (collectPosts over the posts with that slug), its body
 * (the renderer: post links, files, languages…, without links into posts whose header is
 * broken: withoutCascades), its links' `#fragments` (checkFragments, against the targets'
 * renderings), what assembly says of its slug, URL and tags, then the site's `rules`. A post that loses its slug to another is not
 * rendered, as in the build. A post `daylight build` publishes is checked against what it
 * publishes; a draft or scheduled post against what --drafts --future publish (viewFor).
 */
export async function diagnoseSource(state: SiteState, parsed: ParsedSource, rendering: Rendering): Promise<SourceReport> {
  const { post } = parsed;
  const file = parsed.source.path;
  if (post === undefined) return { diagnostics: settle(state, parsed.diagnostics), rendered: undefined };
  const others = (state.bySlug.get(slugKey(post.kind, post.meta.slug)) ?? []).filter((p) => p.source.path !== file);
  // Slugs are unique across every post whatever the flags: the options do not change what collectPosts finds twice.
  const duplicates = others.length === 0 ? [] : collectPosts([post, ...others], state.options).diagnostics.filter((d) => d.file === file);
  if (duplicates.length > 0) return { diagnostics: settle(state, [...parsed.diagnostics, ...duplicates]), rendered: undefined };
  const view = viewFor(state, post);
  await rendering.prepare([post]);
  const rendered = rendering.render(post, view);
  const targets = fragmentTargets(view, rendered);
  await rendering.prepare(targets);
  const fragments = checkFragments([rendered, ...targets.map((target) => rendering.renderTarget(target))], view.links);
  return {
    diagnostics: settle(state, [
      ...parsed.diagnostics,
      ...siteChecks(state, view, post),
      ...withoutCascades([rendered], state.failed),
      ...fragments.filter((d) => d.file === file),
    ]),
    rendered,
  };
}

/**
 * What assembling the site says of one post or page: a slug or URL taken by daylight's own
 * pages or a page; its tags (too many, or spelled otherwise elsewhere) from the tag index
 * of the view's posts that share one, in the build's order (the owners').
 */
function siteChecks(state: SiteState, view: SiteView, post: Post) {
  const one = [{ post }];
  const pages = checkPageSlugs(view.pages.map((page) => ({ post: page })), state.config).pages;
  const taken = post.kind === "page" ? checkPageSlugs(one, state.config) : checkPostUrls(one, pages, state.config);
  const tags = post.kind === "post" && post.meta.tags.length > 0 ? buildTagIndex(sharingTags(view, post), state.config.language).diagnostics : [];
  return [...taken.diagnostics, ...tags.filter((d) => d.file === post.source.path)];
}

/**
 * The view's posts, in its order, that carry one of `post`'s tags (in any spelling): the
 * tags of `post` are indexed in the same groups as among all posts, without sorting every
 * tag of the site on each keystroke.
 */
function sharingTags(view: SiteView, post: Post): Array<{ post: Post }> {
  const slugs = new Set(post.meta.tags.map(tagSlug));
  const sharing: Array<{ post: Post }> = [];
  for (const other of view.owners.values()) if (other.meta.tags.some((tag) => slugs.has(tagSlug(tag)))) sharing.push({ post: other });
  return sharing;
}

/** The posts whose ids the rendered post's `#fragment` links name (itself left out: its own rendering is the current one). */
function fragmentTargets(view: SiteView, rendered: RenderedPost): Post[] {
  const slugs = new Set(rendered.postLinks.filter((ref) => ref.fragment !== undefined).map((ref) => ref.slug));
  slugs.delete(rendered.post.meta.slug);
  return [...slugs].flatMap((slug) => view.owners.get(slug) ?? []);
}

/** The site's `rules` over the diagnostics, in the build's order (no --strict: the editor shows what the writer will see by default). */
function settle(state: SiteState, diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return sortDiagnostics(applyRules(diagnostics, state.config.rules));
}
