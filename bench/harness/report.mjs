/** The printed results table. */

const fmt = (value, digits = 2) => (value === null || value === undefined ? "–" : value.toFixed(digits));
const ratio = (a, b) => (a == null || b == null || b === 0 ? null : a / b);

/** Formats the results of every size as a fixed-width table (competitor columns are their cold builds). */
export function resultsTable(results) {
  const head = ["posts", "case", "daylight s", "MiB", "11ty s", "MiB", "d/11ty", "mem d/11ty", "hugo s", "MiB", "d/hugo", "check", "output / report"];
  const rows = [];
  for (const r of results) {
    const e = r.eleventy?.cold;
    const h = r.hugo?.cold;
    const row = (size, label, d, check = "", note = "") => [
      size, label, fmt(d?.seconds), fmt(d?.peakMiB, 0),
      fmt(e?.seconds), fmt(e?.peakMiB, 0), fmt(ratio(d?.seconds, e?.seconds)), fmt(ratio(d?.peakMiB, e?.peakMiB)),
      fmt(h?.seconds), fmt(h?.peakMiB, 0), fmt(ratio(d?.seconds, h?.seconds)), check, note,
    ];
    for (const kind of ["cold", "warm", "edit"]) rows.push(row(String(r.size), kind === "edit" ? "one-post-edit" : kind, r.daylight[kind]));
    for (const c of Object.values(r.incremental ?? {})) rows.push(row(String(r.size), c.label, c.error ? null : c, ...verdict(c)));
    if (r.dev) {
      const dev = r.dev.error
        ? `dev edit→DOM: failed (${r.dev.error.split("\n")[0]})`
        : `dev edit→DOM: median ${fmt(r.dev.medianMs, 1)} ms, max ${fmt(r.dev.maxMs, 1)} ms over ${r.dev.samples.length} saves` +
          `${r.dev.reloads ? `, ${r.dev.reloads} full reloads` : ""} (server start ${fmt(r.dev.startupSeconds, 1)} s)` +
          (r.dev.newPostFindableMs === undefined ? "" : `; a new post found by search in a median of ${fmt(r.dev.newPostFindableMs, 0)} ms over ${r.dev.newPostSamples.length}`);
      rows.push([String(r.size), dev]);
    }
  }
  const widths = head.map((h, i) => Math.max(h.length, ...rows.filter((row) => row.length > 2).map((row) => row[i].length)));
  // Labels left, numbers right, the last column (free text) unpadded.
  const line = (cells) => cells.map((c, i) => (i < 2 || i === cells.length - 1 ? c.padEnd(i === cells.length - 1 ? 0 : widths[i]) : c.padStart(widths[i]))).join("  ").trimEnd();
  const out = [line(head), widths.map((w) => "-".repeat(w)).join("  ")];
  for (const row of rows) out.push(row.length > 2 ? line(row) : `${row[0].padEnd(widths[0])}  ${row[1]}`);
  out.push("", "11ty/hugo columns are their cold builds (neither keeps a build cache); ratios are daylight ÷ that cold build.");
  return [out.join("\n"), failureList(results), ...results.map(stageTable)].filter(Boolean).join("\n\n");
}

/** The check column and the note of an incremental case's row: FAILED loudly, then what the output and the report said. */
function verdict(c) {
  if (c.error) return ["ERROR", c.error.split("\n")[0]];
  const n = c.samples.length;
  const failed = c.samples.filter((s) => s.failures.length > 0).length;
  const differing = median(c.samples.map((s) => s.filesChanged.changed + s.filesChanged.added + s.filesChanged.removed));
  const local = c.comparedWith?.startsWith("a local build");
  const notes = [local ? (differing === 0 ? "same bytes as a local build" : `${differing} files differ from a local build`) : `${differing} files changed`];
  const said = c.samples.filter((s) => s.saidNothingChanged).length;
  if (said > 0 || (!local && differing === 0)) {
    notes.push(`said "nothing changed" ${said}/${n}`, `output untouched ${c.samples.filter((s) => !s.outputTouched).length}/${n}`);
  }
  const counts = [...new Set(c.samples.flatMap((s) => s.reportedCounts))];
  if (counts.length > 0) notes.push(`CLI: ${counts.join(", ")}`);
  if (c.target) notes.push(c.target);
  if (c.restore?.differing > 0) notes.push(`RESTORE FAILED: ${c.restore.differing} files differ from the baseline`);
  return [failed > 0 ? `FAILED ${failed}/${n}` : "ok", notes.join("; ")];
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Every failed verification, one per line, so none hides behind a median. */
function failureList(results) {
  const lines = [];
  for (const r of results) {
    for (const [name, c] of Object.entries(r.incremental ?? {})) {
      if (c.error) lines.push(`  ${r.size} ${name}: ${c.error.split("\n").slice(0, 3).join(" | ")}`);
      for (const failure of c.failures ?? []) lines.push(`  ${r.size} ${name}: ${failure}`);
      for (const rel of c.restore?.examples ?? []) lines.push(`  ${r.size} ${name}: after restoring the sources, ${rel} differs from the baseline build`);
    }
  }
  return lines.length === 0 ? "" : ["VERIFICATION FAILED: a build did not produce the output its change requires", ...lines].join("\n");
}

/** The columns of the stage table: daylight's own cases, then the incremental ones. */
const STAGE_COLUMNS = [
  ["cold", (r) => r.daylight.cold], ["warm", (r) => r.daylight.warm], ["edit", (r) => r.daylight.edit],
  ["none", (r) => r.incremental?.["no-change"]], ["body", (r) => r.incremental?.["edit-body"]], ["title", (r) => r.incremental?.["edit-title"]],
  ["tmpl", (r) => r.incremental?.["edit-template"]], ["rename", (r) => r.incremental?.rename], ["ci", (r) => r.incremental?.ci],
  ["ci+edit", (r) => r.incremental?.["ci-edit"]],
];

/**
 * What each stage of daylight's build cost per post (ms), from `--timings`: the median over
 * the runs of each case. The stages add up to the build's own wall time; Node's start-up
 * and module loading are outside them.
 */
function stageTable(result) {
  const columns = STAGE_COLUMNS.filter(([, pick]) => pick(result)?.samples);
  const perPost = (pick, stage) => {
    const values = pick(result).samples.map((s) => s.stages?.[stage]).filter((v) => v !== undefined).sort((a, b) => a - b);
    return values.length === 0 ? null : values[Math.floor(values.length / 2)] / result.size;
  };
  const stages = [...new Set(columns.flatMap(([, pick]) => pick(result).samples.flatMap((s) => Object.keys(s.stages ?? {}))))];
  if (stages.length === 0) return "";
  const rows = stages.map((stage) => [stage, ...columns.map(([, pick]) => perPost(pick, stage))])
    .filter((row) => row.slice(1).some((v) => v !== null && v >= 0.001))
    .sort((a, b) => Number(a[0] === "total (wall)") - Number(b[0] === "total (wall)") || (b[1] ?? 0) - (a[1] ?? 0));
  const width = Math.max(...rows.map((row) => row[0].length));
  const line = (cells) => `${cells[0].padEnd(width)}  ${cells.slice(1).map((c) => c.padStart(8)).join(" ")}`;
  const threads = result.daylight?.cold?.samples?.map((s) => s.threads).filter(Boolean) ?? [];
  return [
    `${result.size} posts: ms per post by stage (daylight build --timings, medians)`,
    line(["stage", ...columns.map(([label]) => label)]),
    ...rows.map((row) => line([row[0], ...row.slice(1).map((v) => fmt(v, 3))])),
    ...(threads.length > 0 ? ["", `cold builds' render threads (CPU over wall time, each run): ${threads.join("; ")}`] : []),
  ].join("\n");
}
