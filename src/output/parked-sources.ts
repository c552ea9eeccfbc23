import type { SourceFile } from "../model.js";
import type { SiteSources } from "../read/read-site.js";

/** Sources whose texts a build to disk can let go, and the call that lets them go. */
export interface ParkableSources {
  readonly sources: SiteSources;
  /** Parks every post's and page's text (see page-spool.ts) and lets the string go. */
  readonly park: () => void;
}

/**
 * The posts and pages of `sources`, each able to let its text go once every post is rendered:
 * 20,000 posts' texts are 200 MB that only a diagnostic's position needs after that (a clash
 * of tags or URLs, a broken link the output check finds). Asked for its text after that, a
 * source reads back its parked copy: the text that was parsed, never the file again (it may
 * have been edited since). `text` is an own, enumerable getter, so a post sent to a render
 * thread carries the text itself. A long-lived process (the dev server) keeps its sources.
 */
export function parkableSources(sources: SiteSources, parkText: (text: string) => () => string): ParkableSources {
  const parkers: (() => void)[] = [];
  const parkable = ({ path, text }: SourceFile): SourceFile => {
    // Only `held` and `parked` are shared with the getter: once parked, nothing here holds the text.
    let held: string | undefined = text;
    let parked = (): string => "";
    parkers.push(() => {
      parked = parkText(held ?? "");
      held = undefined;
    });
    return Object.defineProperty({ path } as SourceFile, "text", { get: () => held ?? parked(), enumerable: true });
  };
  return {
    sources: { ...sources, posts: sources.posts.map(parkable), pages: sources.pages.map(parkable) },
    park: () => {
      for (const park of parkers.splice(0)) park();
    },
  };
}
