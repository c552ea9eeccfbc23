import path from "node:path";
import type { SiteConfig } from "../config/site-config.js";
import { parsePost } from "../content/parse-post.js";
import { error, type Diagnostic } from "../diagnostics.js";
import type { SiteLayout, SiteSources } from "../read/read-site.js";
import type { SiteChange } from "./classify-change.js";
import type { EditedPage } from "./edited-page.js";

/** What one (re)build did, as the terminal and the browser are told. */
export interface BuildOutcome {
  /** False when the build had errors: the previous good output is still served. */
  readonly ok: boolean;
  readonly diagnostics: readonly Diagnostic[];
  /** URL paths whose bytes changed (added, changed, removed), `/blog/posts/a/` form. */
  readonly changedUrls: readonly string[];
  /** The page of the post just edited, when exactly one post was. */
  readonly editedUrl: string | undefined;
  readonly postCount: number;
  readonly milliseconds: number;
}

/** The quick answer to an edit: the outcome as the browser is told, and the edited post's new page. */
export interface QuickAnswer extends BuildOutcome {
  readonly page: EditedPage;
}

/** The URL of the one post `changes` edited, when they edited exactly one (the browser opens it). */
export function editedPostUrl(sources: SiteSources, layout: SiteLayout, changes: readonly SiteChange[], config: SiteConfig): string | undefined {
  const edited = changes.filter((c) => c.kind === "post" && c.event !== "unlink");
  const keys = new Set(edited.map((c) => path.relative(path.resolve(layout.root), c.file).split(path.sep).join("/")));
  if (keys.size !== 1) return undefined;
  const [key] = keys;
  const source = sources.posts.find((p) => p.path === key);
  return source ? parsePost(source, config).post?.url : undefined;
}

/** A failure of daylight itself, shown like any error: nothing the user types may stop the server. */
export function internalError(e: unknown): Diagnostic {
  const text = e instanceof Error ? (e.stack ?? e.message) : String(e);
  return error("internal-error", `the build failed unexpectedly: ${text}`, undefined, undefined,
    "this is a bug in daylight; the last good build is still served. Please report it.");
}
