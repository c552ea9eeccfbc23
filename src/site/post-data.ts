/**
 * `post` and each entry of `posts`: a rendered post or page as templates see it. Every field
 * is always present (null when absent), because the renderer runs with strictVariables.
 */
import { createHash } from "node:crypto";
import type { SiteConfig } from "../config/site-config.js";
import { identityOf, type VariantMemo } from "../memo/identity-memo.js";
import { htmlOf, type PostKind, type Rendering } from "../model.js";
import { resolveImageUrl } from "./image-url.js";
import { precomputedDigest } from "../cache/page-cache.js";
import { buildTableOfContents, type TableOfContents } from "./table-of-contents.js";
import { tagSlug } from "./tag-index.js";
import { mapInSteps, type Steps } from "../timings/run-steps.js";

/** A post linked from another: previous/next, "Referenced by". */
export interface PostLinkData {
  readonly title: string;
  readonly url: string;
}

/** A tag of a post, with its page. */
export interface TagLinkData {
  readonly name: string;
  readonly url: string;
}

/** One entry of the Resources list; its anchor is `resource-<n>`. */
export interface ResourceData {
  readonly n: number;
  readonly author: string | null;
  readonly title: string;
  readonly url: string | null;
}

/** `post` (and each of `posts`): a rendered post or page. */
export interface PostData {
  readonly kind: PostKind;
  readonly title: string;
  readonly slug: string;
  /** Site-absolute: `/blog/posts/<slug>/` (a page: `/blog/<slug>/`). */
  readonly url: string;
  /** Absolute URL; null without a site URL. */
  readonly permalink: string | null;
  readonly published: Date | null;
  readonly updated: Date | null;
  /** Published after the build's "now": only in --future builds and dev. */
  readonly scheduled: boolean;
  readonly description: string;
  /** The body up to `<!-- more -->`, trusted HTML; null without the marker. */
  readonly excerptHtml: string | null;
  readonly tags: readonly string[];
  readonly tagLinks: readonly TagLinkData[];
  /** The post's author, else the site's; null when neither is known. */
  readonly author: string | null;
  /** The `image` field as written. */
  readonly image: string | null;
  /** The image's URL: absolute with a site URL, else site-absolute. */
  readonly imageUrl: string | null;
  readonly draft: boolean;
  /** Whether the body holds a formula (its page links KaTeX's stylesheet). */
  readonly math: boolean;
  /** Header keys daylight does not know, lowercased, as written. */
  readonly extra: Readonly<Record<string, unknown>>;
  /** The body as trusted HTML (without Resources): output it with `| raw`. */
  readonly html: string;
  readonly resources: readonly ResourceData[];
  /** "Resources", "References"…; null when the post has no resource list. */
  readonly resourcesHeading: string | null;
  readonly headings: readonly { readonly depth: number; readonly id: string; readonly text: string }[];
  readonly toc: TableOfContents;
  readonly readingMinutes: number;
  /** Posts and pages linking here, newest first. */
  readonly referencedBy: readonly PostLinkData[];
  /** The next older post, or null (always null on a page). */
  readonly previous: PostLinkData | null;
  /** The next newer post, or null (always null on a page). */
  readonly next: PostLinkData | null;
}

/** What post data depends on besides the post. */
export interface PostDataContext {
  readonly config: SiteConfig;
  /** The build's "now", for `scheduled`. */
  readonly now: Date;
  /** Backlinks by target URL (collectBacklinks); none when absent. */
  readonly backlinks?: ReadonlyMap<string, readonly PostLinkData[]>;
  /** The data of posts whose Rendering is the very object of an earlier build, kept by a long-lived process (see RememberedData). */
  readonly remembered?: VariantMemo<Rendering, PostData> | undefined;
}

const wordsPerMinute = 220;

/**
 * Every post's data, with its neighbours, a step after each post (see run-steps.ts); `posts`
 * must be newest first. With `context.remembered`, a post whose inputs are the very same
 * objects as in an earlier build (the dev server's) gets the very same data object back, so
 * nothing derived from it is computed again.
 */
export function postsDataInSteps(posts: readonly Rendering[], context: PostDataContext): Steps<PostData[]> {
  const shared = JSON.stringify([context.config, context.now]);
  return mapInSteps(posts.map((_, i) => i), (i) => postDataAt(posts, i, context, shared));
}

/** The data `postsDataInSteps(posts, context)` gives the post at `i`, alone: the dev server's quick answer needs one post's page. */
export function toPostDataAt(posts: readonly Rendering[], i: number, context: PostDataContext): PostData {
  return postDataAt(posts, i, context, JSON.stringify([context.config, context.now]));
}

function postDataAt(posts: readonly Rendering[], i: number, context: PostDataContext, shared: string): PostData {
  const rendered = posts[i] as Rendering;
  const older = posts[i + 1];
  const newer = posts[i - 1];
  const make = () => toPostData(rendered, context, older, newer);
  if (context.remembered === undefined) return make();
  const variant = JSON.stringify([shared, older && identityOf(older), newer && identityOf(newer), context.backlinks?.get(rendered.post.url)]);
  return context.remembered.get(rendered, variant, make);
}

/** `post` for one rendered post or page; `older` and `newer` are its neighbours in date order. */
export function toPostData(rendered: Rendering, context: PostDataContext, older?: Rendering, newer?: Rendering): PostData {
  const data = buildPostData(rendered, context, older, newer);
  // Everything heavy is a function of the rendered post, digested once per rendered post. Keys,
  // not a destructuring: that would call the `html` getter, reading the body back from the spool.
  const light = Object.fromEntries(Object.keys(data).filter((key) => !heavyKeys.has(key)).map((key) => [key, data[key as keyof PostData]]));
  const digest = createHash("sha256").update(rendered.digest).update(JSON.stringify(light)).digest("hex");
  return Object.defineProperty(data, precomputedDigest, { value: digest, enumerable: false });
}

/** The fields of PostData that are functions of `Rendering.digest` alone. */
const heavyKeys = new Set(["html", "description", "excerptHtml", "resources", "resourcesHeading", "headings", "toc", "readingMinutes"]);

function buildPostData(rendered: Rendering, context: PostDataContext, older?: Rendering, newer?: Rendering): PostData {
  const { post } = rendered;
  const { meta } = post;
  const { config } = context;
  const neighbour = (p: Rendering | undefined) => (p && post.kind === "post" ? link(p) : null);
  return {
    kind: post.kind,
    title: meta.title,
    slug: meta.slug,
    url: post.url,
    permalink: config.url === undefined ? null : new URL(post.url, config.url).href,
    published: meta.published ?? null,
    updated: meta.updated ?? null,
    scheduled: meta.published !== undefined && meta.published.getTime() > context.now.getTime(),
    description: rendered.description,
    excerptHtml: rendered.excerptHtml ?? null,
    tags: [...meta.tags],
    tagLinks: meta.tags.map((name) => ({ name, url: `${config.basePath}tags/${tagSlug(name)}/` })),
    author: meta.author ?? (config.author || null),
    image: meta.image ?? null,
    imageUrl: resolveImageUrl(meta.image, config),
    draft: meta.draft,
    math: rendered.math === true,
    extra: { ...meta.extra },
    // Read when a template asks: a build to disk parks each post's HTML in the writer's spool
    // (output/parked-rendering.ts), and a page the last build made from the same data is not made again.
    get html() {
      return htmlOf(rendered);
    },
    resources: rendered.resources.map((r) => ({ n: r.n, author: r.author ?? null, title: r.title, url: r.url ?? null })),
    resourcesHeading: rendered.resources.length > 0 ? (rendered.resourcesHeading ?? "Resources") : null,
    headings: rendered.headings.map((h) => ({ depth: h.depth, id: h.id, text: h.text })),
    toc: buildTableOfContents(rendered.headings),
    readingMinutes: Math.max(1, Math.round(rendered.wordCount / wordsPerMinute)),
    referencedBy: [...(context.backlinks?.get(post.url) ?? [])],
    previous: neighbour(older),
    next: neighbour(newer),
  };
}

const link = (rendered: Rendering): PostLinkData => ({ title: rendered.post.meta.title, url: rendered.post.url });
