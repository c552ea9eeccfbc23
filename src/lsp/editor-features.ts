import { ErrorCodes, ResponseError, type CompletionItem, type Connection, type TextDocuments, type WorkspaceEdit } from "vscode-languageserver/node";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { Post } from "../model.js";
import { authorItems, completionNeedAt, fragmentItems, headerKeyItems, slugItems } from "./complete.js";
import { headerLines } from "./header-lines.js";
import { lineOf } from "./lsp-diagnostic.js";
import { declarationOf, hoverOf, landingOf, linksTo } from "./navigate.js";
import { postLinkAt } from "./post-link-at.js";
import { quickFixOf } from "./quick-fixes.js";
import { RenameRefused, renameSlug } from "./rename-slug.js";
import type { Workspace } from "./workspace.js";

/** How the features reach files: URIs and paths, and the wait until every queued check is done. */
export interface FeatureHelpers {
  pathOf(uri: string): string | undefined;
  uriOf(file: string): string;
  /** Resolves once every edit received so far is in the workspace. */
  idle(): Promise<void>;
}

type Params = { textDocument: { uri: string }; position: { line: number; character: number } };

/**
 * Completion, definition, hover, references, quick fixes and rename. Each first waits for the checks
 * queued before it, so that it answers from the text the editor has now.
 */
export function registerEditorFeatures(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  workspaceOf: () => Workspace | undefined,
  helpers: FeatureHelpers,
): void {
  /** The open document, the workspace and the post or page it is, once the queue is idle. */
  const at = async ({ textDocument, position }: Params) => {
    await helpers.idle();
    const document = documents.get(textDocument.uri);
    const workspace = workspaceOf();
    const text = document?.getText() ?? "";
    const file = helpers.pathOf(textDocument.uri);
    const site = file === undefined ? undefined : workspace?.documentOf(file, text);
    if (document === undefined || workspace === undefined || site === undefined) return undefined;
    return { text, workspace, site, position, own: workspace.state().parsed.get(site.key)?.post };
  };
  registerCompletion(connection, at);
  registerNavigation(connection, at, helpers);
  registerEdits(connection, documents, at, helpers);
}

/** Where a feature was asked for: the text, the workspace, the post or page, the cursor, its own post. */
type At = (params: Params) => Promise<{
  text: string;
  workspace: Workspace;
  site: { key: string };
  position: { line: number; character: number };
  own: Post | undefined;
} | undefined>;

/** The post a slug names, in the view with drafts and scheduled posts. */
const target = (workspace: Workspace, slug: string): Post | undefined => workspace.state().owners.get(slug);

/** Slugs, heading ids, header keys and cited authors. */
function registerCompletion(connection: Connection, at: At): void {
  connection.onCompletion(async (params): Promise<CompletionItem[]> => {
    const here = await at(params);
    const need = here && completionNeedAt(here.text, here.position.line, here.position.character);
    if (here === undefined || need === undefined) return [];
    switch (need.kind) {
      case "slug":
        // Every post but the one being written: a link to itself is not what is being typed.
        return slugItems([...here.workspace.state().owners.values()].filter((post) => post.source.path !== here.site.key), need.range);
      case "fragment": {
        const post = target(here.workspace, need.slug);
        const rendered = post && (await here.workspace.rendered(post));
        return rendered ? fragmentItems(rendered.headings, rendered.resources, need.range) : [];
      }
      case "header-key":
        return headerKeyItems(need.format, need.written, need.range);
      case "author": {
        const rendered = here.own && (await here.workspace.rendered(here.own));
        return rendered ? authorItems(rendered.resources, need.range) : [];
      }
    }
  });

}

/** Definition, hover and references of post links and posts. */
function registerNavigation(connection: Connection, at: At, helpers: FeatureHelpers): void {
  connection.onDefinition(async (params) => {
    const here = await at(params);
    const link = here && postLinkAt(here.text, here.position.line, here.position.character);
    const post = link && here && target(here.workspace, link.slug);
    if (!here || !link || !post) return null;
    const range = landingOf(post, await here.workspace.rendered(post), link.fragment);
    return { uri: helpers.uriOf(here.workspace.fileOf(post.source.path)), range };
  });

  connection.onHover(async (params) => {
    const here = await at(params);
    const link = here && postLinkAt(here.text, here.position.line, here.position.character);
    const post = link && here && target(here.workspace, link.slug);
    if (!here || !link || !post) return null;
    return hoverOf(post, await here.workspace.rendered(post), link.range);
  });

  connection.onReferences(async (params) => {
    const here = await at(params);
    if (here === undefined) return [];
    // On a link: that post's; anywhere else in a post: its own.
    const slug = postLinkAt(here.text, here.position.line, here.position.character)?.slug ?? (here.own?.kind === "post" ? here.own.meta.slug : undefined);
    const post = slug === undefined ? undefined : target(here.workspace, slug);
    if (post === undefined) return [];
    const links = await linksTo(here.workspace, post.meta.slug, helpers.uriOf);
    const declaration = { uri: helpers.uriOf(here.workspace.fileOf(post.source.path)), range: declarationOf(post) };
    return params.context.includeDeclaration ? [declaration, ...links] : links;
  });

}

/** Quick fixes and the rename of a slug. */
function registerEdits(connection: Connection, documents: TextDocuments<TextDocument>, at: At, helpers: FeatureHelpers): void {
  connection.onCodeAction(async (params) => {
    await helpers.idle();
    const document = documents.get(params.textDocument.uri);
    if (document === undefined) return [];
    return params.context.diagnostics.flatMap((d) => quickFixOf(params.textDocument.uri, document.getText(), d) ?? []);
  });

  connection.onPrepareRename(async (params) => {
    const here = await at(params);
    const found = here && slugAt(here.text, here.position.line, here.position.character, here.own);
    if (!here || !found || !target(here.workspace, found.slug)) {
      throw new ResponseError(ErrorCodes.InvalidRequest, "put the cursor on a post link or on a post's slug to rename it");
    }
    return { range: found.range, placeholder: found.slug };
  });

  connection.onRenameRequest(async (params): Promise<WorkspaceEdit> => {
    const here = await at(params);
    const found = here && slugAt(here.text, here.position.line, here.position.character, here.own);
    if (!here || !found) throw new ResponseError(ErrorCodes.InvalidRequest, "put the cursor on a post link or on a post's slug to rename it");
    try {
      const edits = await renameSlug(here.workspace, found.slug, params.newName.trim());
      return { changes: Object.fromEntries([...edits].map(([key, list]) => [helpers.uriOf(here.workspace.fileOf(key)), list])) };
    } catch (e) {
      if (e instanceof RenameRefused) throw new ResponseError(ErrorCodes.InvalidRequest, e.message);
      throw e;
    }
  });
}

/** The slug under the cursor: a post link's, or the value of the post's own `slug` field. */
function slugAt(text: string, line: number, character: number, own: Post | undefined) {
  const link = postLinkAt(text, line, character);
  if (link) return { slug: link.slug, range: link.slugRange };
  if (own === undefined || own.kind !== "post" || headerLines(text)?.keys.get("slug") !== line) return undefined;
  const lineText = lineOf(text, line);
  const start = lineText.indexOf(own.meta.slug, lineText.search(/[:=]/));
  if (start === -1 || character < start || character > start + own.meta.slug.length) return undefined;
  return { slug: own.meta.slug, range: { start: { line, character: start }, end: { line, character: start + own.meta.slug.length } } };
}
