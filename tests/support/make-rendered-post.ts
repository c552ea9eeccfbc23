import { defaultSiteConfig, type SiteConfig } from "../../src/config/site-config.js";
import type { Heading, PostKind, PostLinkRef, PostMeta, RenderedPost, Resource } from "../../src/model.js";
import { renderingFacts } from "../../src/markdown/rendering-facts.js";

/** What a test says about a post: its slug, any meta, and any rendered parts. */
export interface RenderedPostInput extends Partial<PostMeta> {
  readonly slug: string;
  readonly kind?: PostKind;
  readonly html?: string;
  readonly description?: string;
  readonly excerptHtml?: string;
  readonly headings?: readonly Heading[];
  readonly resources?: readonly Resource[];
  readonly resourcesHeading?: string;
  /** Slugs this post links to (`./posts/<slug>`). */
  readonly linksTo?: readonly string[];
  /** The header text, when a test needs diagnostics positioned in it. */
  readonly sourceText?: string;
}

/**
 * A RenderedPost without running the pipeline: title `Post <slug>`, body "<p>Body text.</p>",
 * description `About <slug>`; a page (kind "page") lives at `/<slug>/` under pages/.
 */
export function makeRenderedPost(input: RenderedPostInput, config: SiteConfig = defaultSiteConfig): RenderedPost {
  const {
    slug, kind = "post", html = "<p>Body text.</p>", description = `About ${slug}`, excerptHtml, headings = [],
    resources = [], resourcesHeading, linksTo = [], sourceText = "", ...meta
  } = input;
  const postLinks: PostLinkRef[] = linksTo.map((target, i) => ({ slug: target, fragment: undefined, line: i + 5, column: 1 }));
  const parts = { html, description, excerptHtml, headings, resources, resourcesHeading: resourcesHeading ?? (resources.length > 0 ? "References" : undefined) };
  return {
    post: {
      kind,
      source: { path: `${kind === "page" ? "pages" : "posts"}/${slug}.md`, text: sourceText },
      format: "bang",
      body: sourceText.replace(/[^\n]/g, " "),
      url: kind === "page" ? `${config.basePath}${slug}/` : `${config.basePath}posts/${slug}/`,
      meta: {
        title: `Post ${slug}`, slug, published: undefined, updated: undefined, description: undefined, tags: [],
        draft: false, author: undefined, image: undefined, aliases: [], extra: {}, ...meta,
      },
    },
    ...parts,
    ...renderingFacts(parts),
    postLinks,
    assets: [],
    diagnostics: [],
  };
}
