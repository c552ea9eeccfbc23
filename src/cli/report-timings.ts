/** `daylight build --timings`: the stages' times as a table, in total and per post. */
export function formatStageTimings(
  timings: ReadonlyArray<{ stage: string; ms: number; calls: number }>,
  { posts, wallMs }: { posts: number; wallMs: number },
): string {
  const outside = "(outside the stages: start-up, waits)";
  const width = Math.max(...timings.map((t) => t.stage.length), outside.length);
  const row = (stage: string, ms: string, perPost: string) => `  ${stage.padEnd(width)}  ${ms.padStart(9)}  ${perPost.padStart(9)}`;
  const perPost = (ms: number) => (posts > 0 ? (ms / posts).toFixed(3) : "-");
  const counted = timings.reduce((sum, t) => sum + t.ms, 0);
  return [
    `daylight: where the time went (${posts} posts; stages inside one another are counted once; the cache is saved while the output is written)`,
    row("stage", "ms", "ms/post"),
    ...[...timings].sort((a, b) => b.ms - a.ms).map((t) => row(t.stage, t.ms.toFixed(1), perPost(t.ms))),
    row(outside, Math.max(0, wallMs - counted).toFixed(1), perPost(Math.max(0, wallMs - counted))),
    row("total (wall)", wallMs.toFixed(1), perPost(wallMs)),
  ].join("\n");
}
