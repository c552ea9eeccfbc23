import path from "node:path";
import { resolveSiteConfig, type ResolvedSiteConfig } from "../config/resolve-site-config.js";
import { isPostText } from "../content/read-sources.js";
import type { Diagnostic } from "../diagnostics.js";
import { classifyChange, type SiteChange } from "../dev/classify-change.js";
import { sourceKey, updateSources } from "../dev/update-sources.js";
import { prepareHighlighting } from "../markdown/create-post-renderer.js";
import { rendererFor } from "../markdown/keyed-renderer.js";
import type { Post, PostKind, RenderedPost, SourceFile } from "../model.js";
import { readSite, type SiteLayout, type SiteSources } from "../read/read-site.js";
import { diagnoseSource, type Rendering, type SourceReport } from "./diagnose-source.js";
import { buildSiteState, createParseMemo, identityOf, replaceParsed, type ParseMemo, type SiteState, type SiteView } from "./site-state.js";

/** A post or page file of the site, by its path from the root (`posts/a.md`). */
export interface SiteDocument {
  readonly key: string;
  readonly kind: PostKind;
}

/** The site as the language server holds it: the files on disk, the editor's texts over them, the state made from both. */
export interface Workspace {
  readonly layout: SiteLayout;
  /** The current state (every header parsed, the link index). */
  state(): SiteState;
  /** The config's own diagnostics (site.config.json), as the build reports them. */
  configDiagnostics(): readonly Diagnostic[];
  /** The post or page an absolute path with this text is, when it is one (a `.txt` is a post only when it starts with a header). */
  documentOf(file: string, text: string): SiteDocument | undefined;
  /** The key (path from the root) of an absolute path inside the site. */
  keyOf(file: string): string | undefined;
  /** Absolute path of a key. */
  fileOf(key: string): string;
  /** The text the server holds for a key: the editor's when open, else the disk's. */
  textOf(key: string): string | undefined;
  /** Sets the editor's text of a file; true when the change moved what other files are checked against. */
  edit(doc: SiteDocument, text: string): boolean;
  /** Drops the editor's text; true when that moved what other files are checked against. */
  close(key: string): boolean;
  /** Whether the server holds the editor's text of a key. */
  isOpen(key: string): boolean;
  /** The build's diagnostics for a file, and its rendering. */
  diagnose(key: string): Promise<SourceReport | undefined>;
  /** A post rendered for its headings, resources and links (kept per text). */
  rendered(post: Post): Promise<RenderedPost>;
  /** Reads what `changes` touched again (the files on disk, the config) and makes the state anew. */
  reload(changes: readonly SiteChange[]): Promise<void>;
}

/** Reads the site at `layout` and makes its state. `now` gives the build's "now" (read each time the state is made). */
export async function openWorkspace(layout: SiteLayout, now: () => Date): Promise<Workspace> {
  let disk: SiteSources = await readSite(layout);
  let resolved: ResolvedSiteConfig = resolveSiteConfig(disk.configSource);
  let parse: ParseMemo = createParseMemo(resolved.config);
  let targets = new WeakMap<SourceFile, RenderedPost>();
  const overlays = new Map<string, { kind: PostKind; source: SourceFile }>();
  const make = (): SiteState => buildSiteState(siteFiles(disk, overlays), resolved, now(), parse);
  let state = make();

  const rendering: Rendering = {
    prepare: (posts) => prepareHighlighting(posts),
    render(post, view) {
      const rendered = rendererFor(resolved.plugins).render(post, contextOf(state, view));
      // Its headings and resources are what completion and navigation read next.
      targets.set(post.source, withoutHtml(rendered));
      return rendered;
    },
    renderTarget(post) {
      let rendered = targets.get(post.source);
      if (rendered === undefined) {
        rendered = withoutHtml(rendererFor(resolved.plugins).render(post, contextOf(state)));
        targets.set(post.source, rendered);
      }
      return rendered;
    },
  };
  const sourceOf = (key: string): SourceFile | undefined =>
    overlays.get(key)?.source ?? disk.posts.find((p) => p.path === key) ?? disk.pages.find((p) => p.path === key);
  /** Puts the parse of `key`'s current text into the state; true when the whole state had to be made again. */
  const refresh = (key: string): boolean => {
    const source = sourceOf(key);
    const kind = overlays.get(key)?.kind ?? state.parsed.get(key)?.kind;
    const next = source && kind ? parse(source, kind) : undefined;
    if (identityOf(next) === identityOf(state.parsed.get(key))) {
      if (next !== undefined) state = replaceParsed(state, next);
      return false;
    }
    state = make();
    return true;
  };

  return {
    layout,
    state: () => state,
    configDiagnostics: () => resolved.diagnostics,
    documentOf(file, text) {
      const change = classifyChange(layout, "change", path.resolve(file));
      const key = sourceKey(layout, path.resolve(file));
      if (key === undefined || (change?.kind !== "post" && change?.kind !== "page") || !isPostText(file, text)) return undefined;
      return { key, kind: change.kind };
    },
    keyOf: (file) => sourceKey(layout, path.resolve(file)),
    fileOf: (key) => path.resolve(layout.root, key),
    textOf: (key) => sourceOf(key)?.text,
    edit(doc, text) {
      const onDisk = (doc.kind === "post" ? disk.posts : disk.pages).find((p) => p.path === doc.key);
      // The disk's own object when the texts agree: its parse is already in the memo.
      const open = overlays.get(doc.key);
      if (open?.kind === doc.kind && open.source.text === text) return false;
      const source = onDisk?.text === text ? onDisk : { path: doc.key, text };
      overlays.set(doc.key, { kind: doc.kind, source });
      return refresh(doc.key);
    },
    isOpen: (key) => overlays.has(key),
    close(key) {
      if (!overlays.delete(key)) return false;
      return refresh(key);
    },
    async diagnose(key) {
      const parsed = state.parsed.get(key);
      return parsed === undefined ? undefined : diagnoseSource(state, parsed, rendering);
    },
    async rendered(post) {
      await rendering.prepare([post]);
      return rendering.renderTarget(post);
    },
    async reload(changes) {
      disk = await updateSources(disk, layout, changes);
      if (changes.some((c) => c.kind === "config")) {
        resolved = resolveSiteConfig(disk.configSource);
        parse = createParseMemo(resolved.config);
        targets = new WeakMap();
      }
      state = make();
    },
  };
}

/**
 * A rendering kept for what the server reads of it (headings, anchors, resources, links,
 * description), without its HTML: references may render most of a site's posts, and their
 * pages' text would stay in memory for nothing.
 */
const withoutHtml = (rendered: RenderedPost): RenderedPost => ({ ...rendered, html: "", excerptHtml: undefined });

/** The render context of a view of the state, as buildSite makes it. */
const contextOf = (state: SiteState, view: SiteView = state) => ({ config: state.config, links: view.links, assets: state.assets, pages: view.pagePaths });

/** The disk's posts and pages with the editor's texts in place of (or beside) theirs. */
function siteFiles(disk: SiteSources, overlays: ReadonlyMap<string, { kind: PostKind; source: SourceFile }>) {
  const over = (kind: PostKind, files: readonly SourceFile[]): SourceFile[] => {
    const mine = [...overlays.values()].filter((o) => o.kind === kind).map((o) => o.source);
    const open = new Set(mine.map((source) => source.path));
    return [...files.filter((source) => !open.has(source.path)), ...mine];
  };
  return { posts: over("post", disk.posts), pages: over("page", disk.pages), assets: disk.assets };
}
