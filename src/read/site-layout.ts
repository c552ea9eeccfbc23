import path from "node:path";

/** Where a site's parts live; any of them may be missing on disk. */
export interface SiteLayout {
  readonly root: string;
  readonly postsDir: string;
  readonly pagesDir: string;
  readonly templatesDir: string;
  readonly publicDir: string;
}

/** The usual layout of a site folder, with `--posts` overriding where posts are read from. */
export function siteLayout(root: string, postsDir = path.join(root, "posts")): SiteLayout {
  return {
    root,
    postsDir,
    pagesDir: path.join(root, "pages"),
    templatesDir: path.join(root, "templates"),
    publicDir: path.join(root, "public"),
  };
}
