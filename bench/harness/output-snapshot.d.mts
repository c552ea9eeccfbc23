/** Types of output-snapshot.mjs, for the tests under tests/bench/. */
export interface OutputSnapshot {
  target: string | null;
  files: Map<string, { hash: string; mtimeMs: number }>;
  /** Hashed files the manifest keeps only for earlier generations. */
  retained?: Set<string>;
}
export interface SnapshotDiff {
  changed: number;
  added: number;
  removed: number;
  differing: string[];
  touched: boolean;
}
export declare function snapshotOutput(dir: string): Promise<OutputSnapshot>;
export declare function diffSnapshots(before: OutputSnapshot, after: OutputSnapshot, options?: { ignore?: string[]; madeOnly?: boolean }): SnapshotDiff;
