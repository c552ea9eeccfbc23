import { error, type Position } from "../diagnostics.js";
import type { AssetInfo } from "../model.js";
import type { RenderState } from "./render-state.js";
import { resolveLocalUrl, type LocalUrl } from "./resolve-local-url.js";

/**
 * The URL `url` (written at `at`) has on the built site: its real URL when it names a post, a
 * file or a page of the build, else `url` exactly as written. Records post links and used
 * assets in `state`, and warns about unknown posts and missing files.
 */
export function rewriteLocalUrl(url: string, at: Position | undefined, state: RenderState): string {
  return rewriteLocal(url, at, state).url;
}

/** rewriteLocalUrl, also giving what the index knows of the file when the URL names one. */
export function rewriteLocal(url: string, at: Position | undefined, state: RenderState): { url: string; asset?: AssetInfo } {
  const local = resolveLocalUrl(url, state.file, state.context);
  if (local.kind === "asset") {
    state.assets.add(local.key);
    return { url: local.url, asset: local.asset };
  }
  return { url: rewriteOther(url, local, at, state) };
}

function rewriteOther(url: string, local: Exclude<LocalUrl, { kind: "asset" }>, at: Position | undefined, state: RenderState): string {
  switch (local.kind) {
    case "external":
    case "unresolved":
      return url;
    case "page":
      return local.url;
    case "post": {
      // Unknown slugs are recorded too: they are what a cached render depends on.
      const where = at ?? { line: 1, column: 1 };
      state.postLinks.push({ slug: local.slug, fragment: local.fragment, line: where.line, column: where.column });
      if (!local.known) state.diagnostics.push(local.written === undefined
        ? brokenPostLink(local.slug, local.suggestion, at, state.file)
        : brokenPermalinkLink(local.written, local.suggestion, at, state.file));
      return local.url;
    }
    case "missing":
      state.diagnostics.push(
        error(
          "missing-file",
          `\`${url}\` names no file (looked for ${local.looked.map((k) => `\`${k}\``).join(" and ") || "nothing inside the site"})`,
          state.file,
          at,
          "put the file next to the post or in public/, or fix the path",
        ),
      );
      return url;
  }
}

function brokenPostLink(slug: string, suggestion: string | undefined, at: Position | undefined, file: string) {
  const hint = suggestion ? `did you mean \`${suggestion}\`?` : "use the slug of an existing post: posts/<slug>";
  return error("broken-post-link", `link to an unknown post \`${slug}\``, file, at, hint);
}

/** A root link in the form of the `permalink` pattern that is no post's URL. */
function brokenPermalinkLink(path: string, suggestion: string | undefined, at: Position | undefined, file: string) {
  const hint = suggestion ? `did you mean \`${suggestion}\`?` : "link to an existing post at its URL, or as posts/<slug>";
  return error("broken-post-link", `\`${path}\` has the form of a post URL, but no post is there`, file, at, hint);
}
