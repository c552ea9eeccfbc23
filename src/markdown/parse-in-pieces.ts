import type { Root } from "mdast";
import type { Processor } from "unified";
import type { VFile } from "vfile";
import { definitionsIn, definitionTrailer, withoutTrailer, type DefinitionTrailer } from "./definition-trailer.js";
import { appendPiece, joinable, shiftPositions, type Join, type Piece } from "./join-mdast-pieces.js";
import { candidateCuts, type Cut } from "./split-markdown-source.js";

/** When a source is parsed in pieces, and how long the pieces are. */
export interface PieceOptions {
  /** Sources shorter than this are parsed whole. */
  readonly minChars: number;
  /** Roughly how long each piece is: the next cut after this many characters ends it. */
  readonly pieceChars: number;
  /** Told how each piece was joined to the one before (for tests). */
  readonly onJoin?: ((join: Join) => void) | undefined;
}

/**
 * micromark keeps ~28 events of ~550 bytes per inline link of a paragraph until the whole
 * document is parsed, and its post-processing grows faster than the text: 100,000 links in
 * one post take 2.5 GB and over a minute. Pieces of 32 KiB take a few MB each.
 */
export const defaultPieceOptions: PieceOptions = { minChars: 256 * 1024, pieceChars: 32 * 1024 };

// A cut the trees refuse costs one parse of two pieces together; past this many, the whole source is parsed at once.
const maxRefusedCuts = 16;

/**
 * Parses `source` with `parse` in independent pieces cut at safe block boundaries, giving the
 * very tree that parsing it whole gives (positions included), in time and memory linear in
 * its length. Link and footnote definitions apply to the whole document: each piece is parsed
 * with a trailer defining every label the source may define, and the definitions the pieces
 * hold must be those, or the source is parsed whole, as is one whose cuts the pieces' trees
 * do not confirm.
 */
export function parseInPieces(source: string, parse: (text: string) => Root, options: PieceOptions = defaultPieceOptions): Root {
  if (source.length < options.minChars) return parse(source);
  const cuts = spacedCuts(candidateCuts(source), options.pieceChars);
  if (cuts.length === 0) return parse(source);
  const trailer = source.includes("]:") ? definitionTrailer(source, parse, options.pieceChars) : noTrailer;
  if (!trailer) return parse(source);
  const pieces: Array<Piece & { join: Join | undefined }> = [];
  let refused = 0;
  for (let i = 0; i <= cuts.length; i++) {
    const end = cuts[i]?.at ?? source.length;
    let piece = parsePiece(source, cuts[i - 1], end, parse, trailer);
    let join = piece && pieces.length ? joinable(pieces.at(-1)!, piece, source) : undefined;
    while (pieces.length && join === undefined) {
      if (++refused > maxRefusedCuts) return parse(source);
      const previous = pieces.pop()!;
      piece = parsePiece(source, previous.cut, end, parse, trailer);
      join = piece && pieces.length ? joinable(pieces.at(-1)!, piece, source) : undefined;
    }
    if (!piece) return parse(source);
    pieces.push({ ...piece, join });
  }
  const [first, ...rest] = pieces;
  for (const piece of rest) {
    options.onJoin?.(piece.join!);
    appendPiece(first!.tree, piece.tree, piece.join!, source);
  }
  return sameSets(definitionsIn(first!.tree), trailer.defines) ? first!.tree : parse(source);
}

const noTrailer: DefinitionTrailer = { text: "", defines: new Set() };

const sameSets = (a: ReadonlySet<string>, b: ReadonlySet<string>) => a.size === b.size && [...a].every((item) => b.has(item));

/** Every cut that leaves at least `pieceChars` characters since the previous one. */
function spacedCuts(cuts: readonly Cut[], pieceChars: number): Cut[] {
  const chosen: Cut[] = [];
  let last = 0;
  for (const cut of cuts) {
    if (cut.at - last < pieceChars) continue;
    chosen.push(cut);
    last = cut.at;
  }
  return chosen;
}

/** The piece of `source` from `cut` to `end`, parsed with `trailer`; undefined if a block of it ran into the trailer. */
function parsePiece(source: string, cut: Cut | undefined, end: number, parse: (text: string) => Root, trailer: DefinitionTrailer): Piece | undefined {
  const start = cut?.at ?? 0;
  const text = source.slice(start, end);
  const tree = trailer.text ? withoutTrailer(parse(text + trailer.text), text) : parse(text);
  if (!tree) return undefined;
  if (cut) shiftPositions(tree, cut);
  return { start, end, cut, tree };
}

/**
 * A unified plugin, used right after remark-gfm, that makes the parser parse big sources in
 * pieces (parseInPieces). Syntax added by other plugins is unknown to the cuts: a processor
 * with more micromark or mdast extensions than GFM's, or with another parser, parses whole.
 */
export function remarkParseInPieces(this: Processor, options: PieceOptions = defaultPieceOptions): void {
  const self = this;
  const whole = self.parser as ((document: string, file: VFile) => Root) | undefined;
  if (!whole) return;
  self.parser = (document: string, file: VFile) => {
    const onlyGfm = extensionCount(self, "micromarkExtensions") <= 1 && extensionCount(self, "fromMarkdownExtensions") <= 1;
    return onlyGfm ? parseInPieces(document, (text) => whole(text, file), options) : whole(document, file);
  };
}

function extensionCount(processor: Processor, key: "micromarkExtensions" | "fromMarkdownExtensions"): number {
  const list = processor.data(key) as unknown[] | undefined;
  return list?.length ?? 0;
}
