/**
 * What the render and page caches need from a persistent store: synchronous reads (renders
 * are synchronous) and writes that may be deferred. Keys are the caches' own digests; the
 * store adds its namespace and the code identity, so a key never meets another version's value.
 */
export interface EntryStore {
  /**
   * The value stored under `key` in `namespace` when it is there and passes `isValid`;
   * undefined otherwise. A present entry that is not valid (its checksum, key or shape) is
   * noted (one warning per build) and is overwritten by this build's write of that key, or
   * removed when there is none.
   */
  read<T>(namespace: string, key: string, isValid: (value: unknown) => value is T): T | undefined;
  /** Stores `value` (plain JSON data) under `key`; it reaches the disk when the store is flushed. */
  write(namespace: string, key: string, value: unknown): void;
  /**
   * Marks the entry under `key` as used by this build without reading it (a page taken from
   * the live output as it is: see page-ledger.ts), so that a store that prunes keeps it.
   */
  touch?(namespace: string, key: string): void;
}
