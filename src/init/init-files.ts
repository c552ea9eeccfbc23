/** What `daylight init` writes into a new site folder: the texts, as pure functions of the options. */

/** The site's settings as given to `daylight init` (flags), before placeholders fill the gaps. */
export interface InitSettings {
  readonly title?: string | undefined;
  readonly url?: string | undefined;
  readonly author?: string | undefined;
}

/** The placeholders used when a flag is not given; the printed next steps say to change them. */
export const placeholders = { title: "My blog", url: "https://example.com/", author: "Your Name" } as const;

/** The example post's path: a draft that explains itself. */
export const examplePostPath = "posts/welcome.md";

/** The scripts init adds to package.json: `npm run deploy -- /var/www/blog` builds, then publishes there. */
export const initScripts: Readonly<Record<string, string>> = {
  build: "daylight build",
  dev: "daylight dev",
  check: "daylight check",
  deploy: "daylight build && daylight deploy --to",
  new: "daylight new",
};

/**
 * What a build writes beside the sources: the output (a link, so no trailing slash: `dist/`
 * would not match it), its generations, and the build cache. node_modules/ because the
 * folder is an npm package.
 */
export const gitignoreLines: readonly string[] = ["dist", "dist.generations/", ".daylight-cache/", "node_modules/"];

/** site.config.json: title, url and author, from the flags or the placeholders. */
export function siteConfigText(settings: InitSettings): string {
  const config = {
    title: settings.title ?? placeholders.title,
    url: settings.url ?? placeholders.url,
    author: settings.author ?? placeholders.author,
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}

/** .gitignore: the lines a build needs ignored, after whatever `existing` already has. */
export function gitignoreText(existing: string | undefined): string | undefined {
  const have = new Set((existing ?? "").split(/\r?\n/).map((line) => line.trim()));
  const missing = gitignoreLines.filter((line) => !have.has(line) && !have.has(`/${line}`));
  if (missing.length === 0) return undefined;
  const block = `# daylight: the output, its generations and the build cache\n${missing.join("\n")}\n`;
  if (existing === undefined || existing.trim() === "") return block;
  return `${existing}${existing.endsWith("\n") ? "" : "\n"}\n${block}`;
}

/** The example post: a draft dated `today` that says what it is and how to publish a real one. */
export function examplePostText(today: string): string {
  return `!! title: Welcome to your new blog
!! published: ${today}
!! draft: true
!! description: What this file is, and how to write and publish your first post.
!! tags: meta

---

This is an example post, and it is a **draft**: \`npm run dev\` shows it (marked as a
draft) while you write, and \`npm run build\` leaves it out of the site. Delete it when
you no longer need it.

The lines at the top that start with \`!!\` are the post's header: \`title\` and
\`published\` are required, the rest is optional. Remove the \`draft\` line (or write
\`draft: false\`) and this post is published with the next build.

To start a post of your own:

    npm run new -- "My first post"

It is written to \`posts/my-first-post.md\`, also as a draft. Write Markdown below the
\`---\` line; link to another post with its slug, like \`[my first post](./posts/my-first-post)\`,
and daylight checks the link when it builds.

Before you publish, set \`url\` in \`site.config.json\` to your site's address. Then
\`npm run build\` writes the site to \`dist/\`, and \`npm run deploy -- /var/www/blog\`
builds it and publishes it into the folder your web server serves.
`;
}
