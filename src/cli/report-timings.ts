/**
 * `daylight build --timings`: the stages' times as a table, in total and per post; then,
 * when given, the command's own start before the build began (Node's start and daylight's
 * imports), which the build's wall time does not include.
 */
export function formatStageTimings(
  timings: ReadonlyArray<{ stage: string; ms: number; calls: number }>,
  { posts, wallMs, startUpMs, notes = [] }: { posts: number; wallMs: number; startUpMs?: number | undefined; notes?: readonly string[] },
): string {
  const outside = "(outside the stages: waits, imports made during the build)";
  const startUp = "start-up before the build (Node, imports)";
  const width = Math.max(...timings.map((t) => t.stage.length), outside.length, startUp.length);
  const row = (stage: string, ms: string, perPost: string) => `  ${stage.padEnd(width)}  ${ms.padStart(9)}  ${perPost.padStart(9)}`;
  const perPost = (ms: number) => (posts > 0 ? (ms / posts).toFixed(3) : "-");
  const counted = timings.reduce((sum, t) => sum + t.ms, 0);
  return [
    `daylight: where the time went (${posts} posts; stages inside one another are counted once; the cache is saved while the output is written)`,
    row("stage", "ms", "ms/post"),
    ...[...timings].sort((a, b) => b.ms - a.ms).map((t) => row(t.stage, t.ms.toFixed(1), perPost(t.ms))),
    row(outside, Math.max(0, wallMs - counted).toFixed(1), perPost(Math.max(0, wallMs - counted))),
    row("total (wall)", wallMs.toFixed(1), perPost(wallMs)),
    ...(startUpMs === undefined ? [] : [row(startUp, startUpMs.toFixed(1), perPost(startUpMs))]),
    ...notes.map((note) => `  ${note}`),
  ].join("\n");
}

/** The performance mark the daylight command sets as it starts (see cli.ts). */
export const commandEntryMark = "daylight:command";

/** The command's own start-up (Node and imports) when daylight runs as its own command; undefined when main() is called in-process. */
export function startUpMs(started: number): number | undefined {
  return performance.getEntriesByName(commandEntryMark).length > 0 ? started : undefined;
}
