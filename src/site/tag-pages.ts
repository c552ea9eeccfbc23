import type { OutputFile, Rendering } from "../model.js";
import type { FeedSpec } from "./feeds/feed-spec.js";
import type { HeadContext } from "./head-metadata.js";
import { paginate } from "./paginate.js";
import type { PostData } from "./post-data.js";
import { feedTexts, type KeptTexts } from "./site-files.js";
import type { Tag } from "./tag-index.js";
import { toTagData, toTagPageData, toTagsPageData } from "./template-data.js";

/** Where rendered pages go: a template, an output path, its data. */
export interface PageSink {
  render(template: string, outputPath: string, data: object): void;
  /** Generated files that are not templated pages (robots.txt, search files), kept as pages are. */
  add(files: readonly OutputFile[]): void;
  /** Generated texts that the text cache keeps (feeds, the sitemap), kept as pages are. */
  addTexts(texts: KeptTexts): void;
  readonly files: OutputFile[];
}

/**
 * `tags/index.html` (every tag with its count), each tag's posts paginated like the index
 * (`tags/<slug>/`, `tags/<slug>/page/2/`) and, with a site URL, each tag's three feeds;
 * a step (see assembleSiteInSteps) after each page and each tag's feeds.
 */
export function* renderTagPages(
  tags: readonly Tag[],
  dataOf: ReadonlyMap<Rendering, PostData>,
  context: HeadContext & { readonly now: Date },
  sink: PageSink,
): Generator<void, void, void> {
  if (tags.length === 0) return;
  const { config } = context;
  const tagsData = tags.map((tag) => toTagData(tag.name, tag.slug, tag.posts.length, context));
  sink.render("tags", "tags/index.html", toTagsPageData(tagsData, context));
  for (const [i, tag] of tags.entries()) {
    const tagData = tagsData[i];
    if (tagData === undefined) continue;
    const posts = tag.posts.flatMap((p) => dataOf.get(p) ?? []);
    for (const page of paginate(posts, config.postsPerPage, config.basePath, `tags/${tag.slug}/`)) {
      sink.render("tag", page.outputPath, toTagPageData(tagData, page, context));
      yield;
    }
    if (config.url === undefined) continue;
    const spec: FeedSpec = {
      title: `${config.title}: ${tag.name}`,
      description: `Posts tagged “${tag.name}” on ${config.title}`,
      pageUrl: new URL(tagData.url, config.url).href,
      folder: `tags/${tag.slug}/`,
    };
    sink.addTexts(feedTexts(tag.posts, config, context.now, spec));
    yield;
  }
}
