import type { OutputFile } from "../model.js";

/** What one write did, counted in files (folders are not counted). */
export interface WriteReport {
  /**
   * Files whose bytes were written or copied: new or changed since the last write (on disk:
   * since the generation the filled slot held, the one before the live one).
   */
  readonly written: number;
  /** Files whose bytes were already in place (on disk: in the slot filled; in memory: the previous output). */
  readonly unchanged: number;
  /** Files of the previous output that are not in this write. */
  readonly removed: number;
}

/** The one place that writes a built site: the output becomes exactly `files`. */
export interface Writer {
  /**
   * Takes a file the build generates (a page, a feed) as it is made, and returns the output
   * file to list and hand to `write`: the disk writer stages it on disk, the memory writer
   * holds it.
   */
  stage(path: string, text: string): OutputFile;
  /**
   * Keeps a text the build needs again after a while (a rendering's HTML until its pages are
   * made, a source's text once its post is rendered) and returns what reads it back: the disk
   * writer parks it in a spool beside the output, the memory writer holds it.
   */
  park(text: string): () => string;
  write(files: readonly OutputFile[]): Promise<WriteReport>;
}
