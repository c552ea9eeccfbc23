/** The help texts; `daylight --help` and `daylight COMMAND --help` print these. */
export const mainUsage = `daylight: a static blog generator

Usage:
  daylight build  [--root DIR] [--posts DIR] [--out DIR] [--base-url URL]
                  [--strict] [--drafts] [--future] [--previous DIR|URL]
                  [--cache-dir DIR] [--no-cache] [--timings] [--force] [--no-wait]
  daylight dev    [--root DIR] [--posts DIR] [--port N] [--host H] [--open] [--navigate]
  daylight check  [--out DIR] [--strict]
  daylight deploy --to DIR [--out DIR] [--dry-run] [--max-deletes N] [--force]
  daylight new    "Title" [--root DIR]
  daylight init   [DIR] [--title T] [--url U] [--author A] [--force]
  daylight lsp    [--root DIR] [--posts DIR]
  daylight --help | --version | COMMAND --help

Commands:
  build   build the site in --root (default: this folder) into dist/
  dev     serve the site with live reload while you write
  check   verify a built site: links, fragments, assets, hashes
  deploy  publish a built site into a served folder, in an order that never breaks a page
  new     scaffold a draft post in posts/ with today's date
  init    start a new site in this folder (or DIR)
  lsp     the language server your editor starts: the build's diagnostics as you type

Exit codes: 0 done (warnings allowed), 1 the site has errors, 2 the command is wrong.`;

export const commandUsage: Record<string, string> = {
  build: `Usage: daylight build [options]

Builds the site into its output folder. The output is replaced only when the whole
build succeeded; on any error it is left exactly as it was. Hashed assets of the last
generations are kept, and every post or page URL a deploy ever published must still
answer (an alias, a redirect or a "gone" entry), so a deploy never breaks a page. URLs
that only local builds had may go: the ledger starts at the first deploy.

Options:
  --root DIR       the site folder (default: the current folder)
  --posts DIR      read posts from DIR instead of <root>/posts
  --out DIR        write the site to DIR instead of <root>/dist
  --base-url URL   the site's absolute URL, overriding "url" in site.config.json
  --strict         treat warnings as errors (after the config's "rules")
  --drafts         include drafts, marked as such
  --future         include posts whose publication date is still to come
  --previous X     the previous generation, when the output folder does not hold it
                   (a fresh CI checkout): a folder, or the live site's URL
  --cache-dir DIR  keep the build cache in DIR instead of <root>/.daylight-cache
  --no-cache       build cold: read and write no cache
  --timings        print the time each stage took, in total and per post, and the
                   command's own start-up (Node and imports) before the build
  --no-wait        exit 1 at once if another build of this output or cache is running
                   (by default, wait for it to finish)
  --force          replace an output folder (or use a cache folder) that holds files
                   daylight did not write; source folders are refused all the same
  --help           show this help

Rendered posts and pages are cached by content (source, config, the posts they link to,
daylight's own code), so a repeat build renders only what changed. The cache folder is
safe to delete at any time; each build keeps only the entries it used.

SOURCE_DATE_EPOCH, when set, is "now" for everything that needs one.`,
  dev: `Usage: daylight dev [options]

Builds the site in memory (drafts and future posts included, marked as such), serves it
at http://127.0.0.1:4000 (or the next free port) and updates the open page on every save:
posts and templates morph in place, CSS swaps without a reload, errors show in the page.
Writes no file.

Options:
  --root DIR    the site folder (default: the current folder)
  --posts DIR   read posts from DIR instead of <root>/posts
  --port N      the port to try first (default 4000; the next 20 are tried after it)
  --host H      the address to listen on (default 127.0.0.1; anything else is reachable
                from other machines, drafts included, and prints a warning)
  --open        open the site in a browser
  --navigate    follow to the page of the post you just saved
  --help        show this help`,
  check: `Usage: daylight check [--root DIR] [--out DIR] [--strict]

Verifies a built site (default: dist/ of the current folder): every internal href, src,
srcset, CSS url(), #fragment, feed and sitemap link resolves to a file of the output,
and every file matches the hash in daylight-manifest.json. Unknown fragments are warnings
unless --strict; the "rules" and "externalPaths" of the site config in --root apply
(docs/rules.md). Exit 1 when anything is broken.`,
  deploy: `Usage: daylight deploy --to DIR [--out DIR] [--dry-run] [--max-deletes N] [--force]

Publishes a built site (default: dist/) into DIR, the folder a web server serves, in an
order that never shows a reader a broken page: new hashed assets first, new pages before
the pages that link to them, index pages and feeds last, the manifest at the very end;
each file written beside its place and renamed over it. Then deletes what the build no
longer has (old generations' assets are part of the build while they are retained).
Before it uploads, it records in the built folder's manifest that the build's URLs are
published, so later builds keep them answering.

Options:
  --to DIR          the served folder (required)
  --out DIR         the built site to publish (default: dist/)
  --dry-run         print the plan, change nothing
  --max-deletes N   refuse, changing nothing, when more than N files would be deleted (default 50)
  --force           publish into a folder that holds files no daylight deploy wrote
                    (they are deleted); source folders are refused all the same
  --help            show this help

DIR may not be a source folder (posts/, pages/, templates/, public/, the site folder or
its ancestors), the built folder, or a folder that holds a site's sources.
An interrupted deploy is finished by running it again.`,
  new: `Usage: daylight new "Title" [--root DIR]

Creates posts/<slug>.md with a header dated today (in the site's time zone), as a
draft: daylight dev shows it, daylight build leaves it out until you remove its
"draft" line. Refuses to overwrite an existing post.

Options:
  --root DIR   the site folder (default: the current folder)
  --help       show this help`,
  init: `Usage: daylight init [DIR] [--title T] [--url U] [--author A] [--force]

Starts a site in DIR (default: the current folder): site.config.json (title, url,
author), posts/welcome.md (an example post, a draft), the scripts build, dev, check,
deploy and new in package.json (written when there is none), and a .gitignore for
the output and the build cache. Nothing else.

The folder must be empty, except for what npm and git leave there (package.json, its
lock file, node_modules/, .git): init adds its scripts to that package.json and keeps
every other field as it is.

Options:
  --title T    the site's title (default "My blog")
  --url U      the site's absolute address (default https://example.com/: change it
               before you publish)
  --author A   the author's name (default "Your Name")
  --force      start a site in a folder that holds other files. Even then nothing is
               overwritten: an existing site.config.json, posts, scripts of the same
               name and .gitignore lines are kept, and named in the report
  --help       show this help`,
  lsp: `Usage: daylight lsp [--root DIR] [--posts DIR]

The language server (Language Server Protocol, over stdin and stdout) that an editor
starts for the posts and pages of a site. As you type, each open post gets the
diagnostics the build would give it (header fields, dates, post links and their
#fragments, local files, citations, duplicate slugs), with the config's "rules"
applied: a post the build publishes is checked against what it publishes, a draft or
scheduled post as --drafts --future would build it. It completes slugs after ./posts/,
heading ids after #, header keys and cited authors; goes to a linked post, shows its
title, date and description, lists the posts that link to one, offers the build's
"did you mean" as a quick fix, and renames a slug everywhere (keeping the old URL in
"aliases"). It follows the folder: new, deleted and renamed posts and config changes
need no restart.

Options:
  --root DIR   the site folder (default: the editor's workspace folder, else the
               current folder)
  --posts DIR  read posts from DIR instead of <root>/posts
  --help       show this help`,
};
