import { buildAssetIndex, type AssetSource } from "../assets/asset-index.js";
import type { SitePlugins } from "../config/resolve-site-config.js";
import type { BuildOptions, SiteConfig } from "../config/site-config.js";
import { collectPosts, placePost } from "../content/collect-posts.js";
import { buildLinkIndex } from "../content/link-index.js";
import { intendedSlug } from "../content/link-cascades.js";
import { parsePost } from "../content/parse-post.js";
import type { Diagnostic } from "../diagnostics.js";
import type { AssetIndex, LinkIndex, Post, PostKind, SourceFile } from "../model.js";
import { pagePathsOf } from "../urls/page-paths.js";

/** One post or page file after its header is parsed (post undefined: the header has errors). */
export interface ParsedSource {
  readonly source: SourceFile;
  readonly kind: PostKind;
  readonly post: Post | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/** Parses a source's header, once per source object (a new text is a new object). */
export type ParseMemo = (source: SourceFile, kind: PostKind) => ParsedSource;

/** A parse memo for one config: parsePost depends on it, so a new config starts a new memo. */
export function createParseMemo(config: SiteConfig): ParseMemo {
  const memo = new WeakMap<SourceFile, ParsedSource>();
  return (source, kind) => {
    let parsed = memo.get(source);
    if (parsed === undefined || parsed.kind !== kind) {
      const { post, diagnostics } = parsePost(source, config, kind);
      parsed = { source, kind, post, diagnostics };
      memo.set(source, parsed);
    }
    return parsed;
  };
}

/** The posts and pages one build publishes, as a post of that build is checked against them. */
export interface SiteView {
  readonly options: BuildOptions;
  /** The build's link index (buildLinkIndex of collectPosts' posts). */
  readonly links: LinkIndex;
  /** Slug → the post that owns it (the one collectPosts keeps). */
  readonly owners: ReadonlyMap<string, Post>;
  /** The pages the build publishes (collectPosts' pages), and their paths below the base path. */
  readonly pages: readonly Post[];
  readonly pagePaths: ReadonlySet<string>;
}

/**
 * What the whole list of posts tells about one of them, made from every header and no
 * body: the build's link index and what a keystroke in one post is checked against. Two
 * views: `daylight build`'s (a post it publishes is checked against the posts it
 * publishes: a link to a draft is broken there) and, for drafts and scheduled posts, the
 * build's with --drafts --future, as `daylight dev` shows them; editor features use the latter.
 */
export interface SiteState extends SiteView {
  readonly config: SiteConfig;
  readonly plugins: SitePlugins;
  /** `daylight build`'s view, without flags. */
  readonly published: SiteView;
  /** Source path → its parse, posts and pages. */
  readonly parsed: ReadonlyMap<string, ParsedSource>;
  /** `${kind}:${slug}` → every parsed post or page with that slug: what collectPosts needs to find duplicates of one. */
  readonly bySlug: ReadonlyMap<string, readonly Post[]>;
  /** Posts whose header has errors: links to them are not reported (withoutCascades). */
  readonly failed: readonly SourceFile[];
  readonly assets: AssetIndex;
}

/** The site's files as the server sees them: the sources on disk with the editor's texts of open files over them. */
export interface SiteFiles {
  readonly posts: readonly SourceFile[];
  readonly pages: readonly SourceFile[];
  readonly assets: readonly AssetSource[];
}

/** Builds the state from every header, as buildSite's first stages do (headers parsed once per text through `parse`). */
export function buildSiteState(
  files: SiteFiles,
  resolved: { readonly config: SiteConfig; readonly plugins: SitePlugins },
  now: Date,
  parse: ParseMemo,
): SiteState {
  const { config } = resolved;
  const posts = files.posts.map((source) => parse(source, "post"));
  const pages = files.pages.map((source) => parse(source, "page"));
  const parsed = new Map([...posts, ...pages].map((p) => [p.source.path, p]));
  const validPosts = posts.flatMap((p) => (p.post ? [p.post] : []));
  const validPages = pages.flatMap((p) => (p.post ? [p.post] : []));
  const bySlug = new Map<string, Post[]>();
  for (const post of [...validPosts, ...validPages]) {
    const key = slugKey(post.kind, post.meta.slug);
    bySlug.set(key, [...(bySlug.get(key) ?? []), post]);
  }
  const view = (options: BuildOptions, published: readonly Post[], publishedPages: readonly Post[]): SiteView => ({
    options,
    links: buildLinkIndex(published),
    owners: new Map(published.map((post) => [post.meta.slug, post])),
    pages: publishedPages,
    pagePaths: pagePathsOf(publishedPages, config.basePath),
  });
  const all = { drafts: true, future: true, strict: false, now };
  const plain = { ...all, drafts: false, future: false };
  const allPosts = collectPosts(validPosts, all).posts;
  const allPages = collectPosts(validPages, all).posts;
  const allView = view(all, allPosts, allPages);
  // The plain build's lists are the same lists without what it leaves out (collectPosts' order is total).
  const plainPosts = allPosts.filter((post) => isFinal(post, plain));
  const plainPages = allPages.filter((page) => isFinal(page, plain));
  const sameLists = plainPosts.length === allPosts.length && plainPages.length === allPages.length;
  return {
    ...resolved,
    ...allView,
    published: sameLists ? { ...allView, options: plain } : view(plain, plainPosts, plainPages),
    parsed,
    bySlug,
    failed: posts.filter((p) => p.post === undefined).map((p) => p.source),
    assets: buildAssetIndex(files.assets, config.basePath),
  };
}

/** The view a post is checked in: the plain build's when it publishes the post, else the one with --drafts --future. */
export function viewFor(state: SiteState, post: Post): SiteView {
  return isFinal(post, state.published.options) ? state.published : state;
}

/** Whether a build with these options publishes the post: collectPosts' own rule, through placePost. */
const isFinal = (post: Post, options: BuildOptions): boolean => placePost([], post, options) !== undefined;

/** The key of `bySlug`: posts and pages each have their own slugs (the build collects them apart). */
export const slugKey = (kind: PostKind, slug: string): string => `${kind}:${slug}`;

/**
 * What of a parse the other files' diagnostics depend on: its slug and URL (what links to
 * it resolve to), or, when its header is broken, the slug links to it are taken to mean.
 * When an edit leaves this the same, the state is still right with the new parse put in.
 */
export function identityOf(parsed: ParsedSource | undefined): string {
  if (parsed === undefined) return "absent";
  const { post, kind } = parsed;
  if (post === undefined) return JSON.stringify(["failed", kind, kind === "post" ? intendedSlug(parsed.source) : ""]);
  // Whether the plain build publishes it decides which view holds it.
  return JSON.stringify([kind, post.meta.slug, post.url, post.meta.draft, post.meta.published?.getTime()]);
}

/**
 * Puts `next` in place of the parse of the same path, for an edit whose identity
 * (identityOf) is unchanged: the link indexes and the failed list stay right as they are
 * (a render reads a link target's URL, never its title). Done in place, as the state's maps
 * are its own: copying four maps of every post on each keystroke cost more than the parse.
 */
export function replaceParsed(state: SiteState, next: ParsedSource): SiteState {
  const path = next.source.path;
  const previous = state.parsed.get(path)?.post;
  const post = next.post;
  (state.parsed as Map<string, ParsedSource>).set(path, next);
  if (previous === undefined || post === undefined) return state;
  const key = slugKey(post.kind, post.meta.slug);
  (state.bySlug as Map<string, readonly Post[]>).set(key, swap(state.bySlug.get(key) ?? [], previous, post));
  return { ...state, ...replaceInView(state, previous, post), published: replaceInView(state.published, previous, post) };
}

/** A view with `post` in place of `previous` (same slug and URL): hover, completion and the tag index read the owners. */
function replaceInView(view: SiteView, previous: Post, post: Post): SiteView {
  // The same position in the owners' order: the build's order, which the tag index follows.
  if (view.owners.get(post.meta.slug) === previous) (view.owners as Map<string, Post>).set(post.meta.slug, post);
  return view.pages.includes(previous) ? { ...view, pages: swap(view.pages, previous, post) } : view;
}

const swap = (list: readonly Post[], previous: Post, post: Post): Post[] => list.map((p) => (p === previous ? post : p));
