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
 * and every one that stopped being current less than `keepDays` days before `now`. A
 * generation's pages stay in browsers and caches from the moment it is replaced, so its
 * age is counted from its successor's time, not its own.
 */
export function selectRetained(
  current: GenerationRecord,
  earlier: readonly GenerationRecord[],
  policy: RetentionPolicy,
  now: Date,
): GenerationRecord[] {
  const cutoff = now.getTime() - policy.keepDays * dayMs;
  return earlier
    .filter((_, i) => {
      const successor = i === 0 ? current : earlier[i - 1];
      const replacedAt = Date.parse(successor?.time ?? current.time);
      return i < policy.keepGenerations || replacedAt > cutoff;
    })
    .slice(0, maxRetainedGenerations);
}

/**
 * When the first of `generations`' earlier ones (as a manifest lists them, current first)
 * stops being retained by age alone: after that moment the same build keeps fewer assets.
 * Undefined when none is kept for its age.
 */
export function firstRetentionEnd(generations: readonly GenerationRecord[], policy: RetentionPolicy): number | undefined {
  const ends = generations.slice(1).flatMap((_, i) => {
    if (i < policy.keepGenerations) return [];
    const replacedAt = Date.parse(generations[i]?.time ?? "");
    return Number.isNaN(replacedAt) ? [] : [replacedAt + policy.keepDays * dayMs];
  });
  return ends.length === 0 ? undefined : Math.min(...ends);
}
