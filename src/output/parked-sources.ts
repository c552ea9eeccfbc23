import type { SourceFile } from "../model.js";
import type { SiteSources } from "../read/read-site.js";

/** Sources whose texts a build to disk can let go, and the calls that let them go. */
export interface ParkableSources {
  readonly sources: SiteSources;
  /** Parks the text of one post or page of `sources` (the object `sources` holds), and lets the string go. */
  readonly parkOne: (source: SourceFile) => void;
  /** Parks every text not parked yet. */
  readonly parkAll: () => void;
}

/**
 * The posts and pages of `sources`, each able to let its text go once the render step is done
 * with it: 20,000 posts' texts are 200 MB that only a diagnostic's position needs after that
 * (a clash of tags or URLs, a broken link the output check finds). Parked before the render
 * threads start (each is read back as its post is sent to one) or as a cached rendering is
 * found, they are never all in memory beside the threads' heaps, where a large build's memory
 * peaks. Asked for its text after that, a source reads back its parked
 * copy: the text that was parsed, never the file again (it may have been edited since).
 * `text` is an own, enumerable getter, so a post sent to a render thread carries the text
 * itself. A long-lived process (the dev server) keeps its sources.
 */
export function parkableSources(sources: SiteSources, parkText: (text: string) => () => string): ParkableSources {
  const parkers = new Map<SourceFile, () => void>();
  const parkable = ({ path, text }: SourceFile): SourceFile => {
    // Only `held` and `parked` are shared with the getter: once parked, nothing here holds the text.
    let held: string | undefined = text;
    let parked = (): string => "";
    const source = Object.defineProperty({ path } as SourceFile, "text", { get: () => held ?? parked(), enumerable: true });
    parkers.set(source, () => {
      parked = parkText(held ?? "");
      held = undefined;
    });
    return source;
  };
  const parkOne = (source: SourceFile): void => {
    parkers.get(source)?.();
    parkers.delete(source);
  };
  return {
    sources: { ...sources, posts: sources.posts.map(parkable), pages: sources.pages.map(parkable) },
    parkOne,
    parkAll: () => {
      for (const source of [...parkers.keys()]) parkOne(source);
    },
  };
}
