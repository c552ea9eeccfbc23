import type { VFile } from "vfile";
import type { Point } from "unist";
import { createLineIndex, type Diagnostic, type Position } from "../diagnostics.js";
import type { Heading, PostLinkRef, Resource } from "../model.js";
import type { RenderContext } from "./render-context.js";

/**
 * What the plugins read and fill while one post renders. It travels in `vfile.data`, so the
 * processor itself holds no per-post state and can be shared by every render.
 */
export interface RenderState {
  readonly context: RenderContext;
  /** The post's path from the site root, for diagnostics and relative URLs. */
  readonly file: string;
  readonly diagnostics: Diagnostic[];
  readonly postLinks: PostLinkRef[];
  readonly assets: Set<string>;
  resources: Resource[];
  resourcesHeading: string | undefined;
  headings: Heading[];
  /** Plain text of the first paragraph with text, for the description fallback. */
  firstParagraph: string | undefined;
  /** [start, end) offsets of the raw HTML nodes, so later plugins know which elements came from them. */
  rawRanges: Array<readonly [number, number]>;
  /** The languages named after the post's code fences (languageKey form), all prepared in the highlighter. */
  readonly codeLanguages: ReadonlySet<string>;
  /** Offset in the body → line and column, lines ending at "\n" only (see positionOf). */
  readonly positionAt: (offset: number) => Position;
}

declare module "vfile" {
  interface DataMap {
    daylight: RenderState;
  }
}

/** A fresh state for rendering the post at `file`, whose body is `body` and whose code fences name `codeLanguages`. */
export function createRenderState(file: string, context: RenderContext, codeLanguages: ReadonlySet<string>, body: string): RenderState {
  return {
    context,
    file,
    diagnostics: [],
    postLinks: [],
    assets: new Set(),
    resources: [],
    resourcesHeading: undefined,
    headings: [],
    firstParagraph: undefined,
    rawRanges: [],
    codeLanguages,
    positionAt: createLineIndex(body),
  };
}

/** The render state of `file`; a missing one is a programmer error (the plugins ran outside renderPost). */
export function renderStateOf(file: VFile): RenderState {
  const state = file.data.daylight;
  if (!state) throw new Error("daylight markdown plugins need vfile.data.daylight (use renderPost)");
  return state;
}

/**
 * The line and column where a node starts, when it has a position. micromark and parse5 also
 * end a line at a lone "\r"; daylight's positions, like the rest of its diagnostics and most
 * editors' line numbers for such a file, count "\n" only: the offset says where.
 */
export function positionOf(node: { position?: { start: Point } | undefined }, state: RenderState): Position | undefined {
  const start = node.position?.start;
  if (!start) return undefined;
  return start.offset === undefined ? { line: start.line, column: start.column } : state.positionAt(start.offset);
}
