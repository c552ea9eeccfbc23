/**
 * The pipeline's types on one screen. Each stage takes one of these and returns the next;
 * which type a value has says which stages have run.
 *
 *   read ─▶ parse ─▶ index ─▶ render ─▶ assemble ─▶ template ─▶ write
 *   SourceFile  Post  LinkIndex  Rendering  Page     OutputFile
 */
import type { Diagnostic } from "./diagnostics.js";

/** A text file read from the site folder (a post, a page). */
export interface SourceFile {
  /** Path from the site root, POSIX separators: `posts/2024/hello.md`. Used in diagnostics. */
  readonly path: string;
  /** The file's text, decoded as UTF-8 (BOM kept: the header parser skips it). */
  readonly text: string;
}

/** Which header a post was written with. */
export type HeaderFormat = "bang" | "yaml" | "toml";

/** A post's header, validated: what every later stage may rely on. */
export interface PostMeta {
  readonly title: string;
  /** Lowercase `a-z0-9` and single `-`; safe as a path segment. */
  readonly slug: string;
  /** The publication instant. Absent only for drafts that give none. */
  readonly published: Date | undefined;
  readonly updated: Date | undefined;
  /** The `description` field as written; RenderedPost.description falls back to the text. */
  readonly description: string | undefined;
  readonly tags: readonly string[];
  readonly draft: boolean;
  readonly author: string | undefined;
  readonly image: string | undefined;
  /** Old URLs of this post, site-relative (`/old/path/`). */
  readonly aliases: readonly string[];
  /** Every other header key, lowercased, handed to templates as is. */
  readonly extra: Readonly<Record<string, unknown>>;
}

/** A dated post from posts/, or a standalone page from pages/ (About, Now…) at `/<slug>/`. */
export type PostKind = "post" | "page";

/** A post (or page) after its header is parsed; the markdown body is not parsed yet. */
export interface Post {
  readonly kind: PostKind;
  readonly source: SourceFile;
  readonly format: HeaderFormat;
  readonly meta: PostMeta;
  /**
   * The markdown the parser sees: the source text with the header replaced by spaces
   * (newlines kept), so that line and column in the body are true positions in the file.
   */
  readonly body: string;
  /** The URL path on the built site, base path included: `/blog/posts/<slug>/` (a page: `/blog/<slug>/`). */
  readonly url: string;
}

/**
 * What a post link may point at; built from every post's header before any rendering. Only
 * what a rendering reads: a cached rendering is valid while the entries it read are the
 * same, so a title here would render every post that links to a retitled one again.
 */
export interface LinkTarget {
  readonly slug: string;
  readonly url: string;
}

/** slug → target, for every post of the build. */
export interface LinkIndex {
  readonly posts: ReadonlyMap<string, LinkTarget>;
}

/** What the build knows of a local file: where it is published and, for an image, its size. */
export interface AssetInfo {
  /** The URL path the file has in the output (base path included). */
  readonly url: string;
  /** Intrinsic size in CSS pixels (EXIF rotation applied), read from the file; absent for non-images and SVGs that declare none. */
  readonly width?: number;
  readonly height?: number;
  /** Why a file with an image extension could not be read as an image; reported where a post shows it. */
  readonly invalidImage?: string;
  /** For a raster image: the SHA-256 of its bytes (hex) and how many there are, which name and decide its variants. */
  readonly digest?: string;
  readonly bytes?: number;
}

/**
 * Local files that posts may reference, keyed by their path from the site root
 * (`posts/2024/img/plot.png`, `public/images/x.png`).
 */
export type AssetIndex = ReadonlyMap<string, AssetInfo>;

/** One `./posts/<slug>#fragment` reference found while rendering; checked after all posts render. */
export interface PostLinkRef {
  readonly slug: string;
  readonly fragment: string | undefined;
  readonly line: number;
  readonly column: number;
}

/** A heading of a rendered post, for fragment checks and tables of contents. */
export interface Heading {
  readonly depth: number;
  readonly id: string;
  readonly text: string;
}

/** One entry of a post's closing Resources list. */
export interface Resource {
  /** 1-based; the entry's anchor is `resource-<n>`. */
  readonly n: number;
  readonly author: string | undefined;
  readonly title: string;
  readonly url: string | undefined;
}

/**
 * What a rendering says of its post besides the body's HTML: all that the build works with
 * between the render and the pages (indexes, backlinks, tags, digests, fragment checks).
 */
export interface RenderingFacts {
  readonly post: Post;
  /** The `description` field, or the first paragraph's text cut at about 160 characters. */
  readonly description: string;
  /** The body's HTML up to a `<!-- more -->` comment, for index pages; undefined without one. */
  readonly excerptHtml: string | undefined;
  readonly headings: readonly Heading[];
  readonly resources: readonly Resource[];
  /** The heading of the Resources section as written ("Resources", "References", "Sources"). */
  readonly resourcesHeading: string | undefined;
  readonly postLinks: readonly PostLinkRef[];
  /** Site-root paths of local files this post uses (keys of the AssetIndex). */
  readonly assets: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
  /** Words in the body, for the reading time. */
  readonly wordCount: number;
  /** A digest of the rendered parts above (html, description, excerpt, resources, headings). */
  readonly digest: string;
  /** Every id in the HTML's start tags (headings, footnotes, raw anchors): what a `#fragment` may name. */
  readonly anchorIds: readonly string[];
  /** Whether the HTML holds a formula: its page links KaTeX's stylesheet. */
  readonly math: boolean;
}

/** A post with its body rendered to HTML: a pure function of the post, the indexes and the config. */
export interface RenderedPost extends RenderingFacts {
  /** The body as HTML, without the Resources section. URLs are site-absolute paths (`/blog/...`). */
  readonly html: string;
}

/** A text the writer keeps out of memory until it is needed (see Writer.park): `read` reads it back, from disk. */
export interface ParkedText {
  read(): string;
}

/**
 * A rendering whose HTML waits in the writer's spool until its pages are made: what a build
 * to disk holds between the render and the pages. Pages show their backlinks, so none is
 * made before every post is rendered; 20,000 posts' HTML held until then is some 400 MB.
 */
export interface ParkedRendering extends RenderingFacts {
  readonly parkedHtml: ParkedText;
}

/** A rendering as the build holds it: with its HTML (in memory), or with the HTML parked. */
export type Rendering = RenderedPost | ParkedRendering;

/** The body's HTML of a rendering; reads the spool when it is parked. */
export function htmlOf(rendering: Rendering): string {
  return "html" in rendering ? rendering.html : rendering.parkedHtml.read();
}

/**
 * A file of the built site. `path` is POSIX, relative to the output folder: `posts/a/index.html`.
 * Its bytes are held (`contents`), or are those of a file on disk (`sourcePath`): a file of
 * the site copied as it is (public/, post assets), or a page the disk writer staged while
 * the build made it (see output/staging-folder.ts) or kept from the last build (see
 * cache/page-ledger.ts).
 */
export type OutputFile =
  | { readonly path: string; readonly contents: string | Uint8Array }
  | {
      readonly path: string;
      readonly sourcePath: string;
      /**
       * A page the build generated, not a file of the site (diagnostics call it a generated
       * page): `staged`, made by this build and waiting in the writer's staging folder (moved,
       * not copied, into place); or `unchanged`, the same bytes as the live output's file at
       * this path, which the last build made from the same inputs (copied from there).
       */
      readonly generated?: "staged" | "unchanged";
    };
