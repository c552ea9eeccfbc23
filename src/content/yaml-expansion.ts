/**
 * YAML aliases (`*name`) repeat the node their anchor (`&name`) names without copying it:
 * nine lines of aliases to aliases ("billion laughs") stand for 9⁹ strings, which parse
 * in a millisecond and then take minutes and gigabytes in whatever walks the data (templates,
 * JSON). These helpers measure data as a tree — what it becomes once anything walks it.
 */

/**
 * How much of the tree `value` unfolds to, counted up to `limit` (never past it, so that a
 * bomb costs no more than `limit` steps): one per node plus the length of every string and key.
 */
export function unfoldedSize(value: unknown, limit: number): number {
  let size = 0;
  const pending: unknown[] = [value];
  while (pending.length > 0 && size <= limit) {
    const next = pending.pop();
    size += 1;
    if (typeof next === "string") size += next.length;
    else if (Array.isArray(next)) for (let i = 0; i < next.length && i <= limit - size; i++) pending.push(next[i]);
    else if (isPlainObject(next)) {
      for (const [key, child] of Object.entries(next)) {
        size += key.length;
        pending.push(child);
        if (size > limit) break;
      }
    }
  }
  return Math.min(size, limit + 1);
}

/**
 * The most a front matter of `length` characters may unfold to: an alias-free block never
 * comes near it (a node takes at least a character to write), a few reused anchors fit, and
 * a bomb is stopped after a few thousand steps.
 */
export const unfoldLimit = (length: number): number => 10_000 + 4 * length;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !(value instanceof Date);
