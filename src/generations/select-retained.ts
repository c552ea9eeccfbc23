import type { GenerationRecord } from "./manifest.js";

/** How long earlier generations keep their assets: SiteConfig's two keys. */
export interface RetentionPolicy {
  readonly keepGenerations: number;
  readonly keepDays: number;
}

/** A hard cap, so that a frozen clock (a fixed SOURCE_DATE_EPOCH) cannot grow the manifest without end. */
export const maxRetainedGenerations = 100;

const dayMs = 24 * 60 * 60 * 1000;

/**
 * The earlier generations (newest first) whose assets stay: the last `keepGenerations`,
 * and every one that stopped being current less than `keepDays` days before `now`.
 */
export function selectRetained(
  current: GenerationRecord,
  earlier: readonly GenerationRecord[],
  policy: RetentionPolicy,
  now: Date,
): GenerationRecord[] {
  const until = retainedUntil(current, earlier, policy);
  return earlier.filter((_, i) => (until[i] ?? Number.NaN) > now.getTime()).slice(0, maxRetainedGenerations);
}

/**
 * When the first of `generations`' earlier ones (as a manifest lists them, current first)
 * stops being retained by age alone: after that moment the same build keeps fewer assets.
 * Undefined when none is kept for its age.
 */
export function firstRetentionEnd(generations: readonly GenerationRecord[], policy: RetentionPolicy): number | undefined {
  const [current, ...earlier] = generations;
  if (current === undefined) return undefined;
  const ends = retainedUntil(current, earlier, policy).filter(Number.isFinite);
  return ends.length === 0 ? undefined : Math.min(...ends);
}

/**
 * Until when (ms) each earlier generation is retained: for ever among the last
 * `keepGenerations`, else `keepDays` after it was replaced. A generation's pages stay in
 * browsers and caches from the moment it is replaced, so its age is counted from its
 * successor's time, not its own (NaN when that time cannot be read: not retained).
 */
function retainedUntil(current: GenerationRecord, earlier: readonly GenerationRecord[], policy: RetentionPolicy): number[] {
  return earlier.map((_, i) => {
    if (i < policy.keepGenerations) return Number.POSITIVE_INFINITY;
    const successor = i === 0 ? current : earlier[i - 1];
    return Date.parse(successor?.time ?? current.time) + policy.keepDays * dayMs;
  });
}
