/**
 * The names daylight itself writes at the output root, for every stage that must keep
 * them free (an alias, a public/ file) or recognise them (a link to `/feed.xml`).
 */

/** The manifest's file name at the output root. */
export const manifestPath = "daylight-manifest.json";

/** The file names of the three feeds, the same in every feed folder. */
export const feedFiles = { rss: "feed.xml", atom: "atom.xml", json: "feed.json" } as const;

/** One of the three feed formats. */
export type FeedFormat = keyof typeof feedFiles;

/** The sitemap's path in the output folder. */
export const sitemapPath = "sitemap.xml";

/**
 * The search index's one file without a hash in its name: it names the current index, so it
 * is revalidated, and a deploy publishes it after the pages its index finds.
 */
export const searchPointerPath = "search/index.json";

/** robots.txt's path in the output folder. */
export const robotsTxtPath = "robots.txt";

/**
 * Files that every build writes at the output root: a post may link to them (`/feed.xml`)
 * although no source file has that name.
 */
export const generatedRootFiles: ReadonlySet<string> = new Set([
  ...Object.values(feedFiles),
  sitemapPath,
  robotsTxtPath,
  "404.html",
]);
