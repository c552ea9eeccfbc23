/** The printed results table. */

const fmt = (value, digits = 2) => (value === null || value === undefined ? "–" : value.toFixed(digits));
const ratio = (a, b) => (a == null || b == null || b === 0 ? null : a / b);

/** Formats the results of every size as a fixed-width table (competitor columns are their cold builds). */
export function resultsTable(results) {
  const head = ["posts", "case", "daylight s", "MiB", "11ty s", "MiB", "d/11ty", "mem d/11ty", "hugo s", "MiB", "d/hugo"];
  const rows = [];
  for (const r of results) {
    const e = r.eleventy?.cold;
    const h = r.hugo?.cold;
    for (const kind of ["cold", "warm", "edit"]) {
      const d = r.daylight[kind];
      rows.push([
        String(r.size), kind === "edit" ? "one-post-edit" : kind, fmt(d.seconds), fmt(d.peakMiB, 0),
        fmt(e?.seconds), fmt(e?.peakMiB, 0), fmt(ratio(d.seconds, e?.seconds)), fmt(ratio(d.peakMiB, e?.peakMiB)),
        fmt(h?.seconds), fmt(h?.peakMiB, 0), fmt(ratio(d.seconds, h?.seconds)),
      ]);
    }
    if (r.dev) {
      const dev = r.dev.error
        ? `dev edit→DOM: failed (${r.dev.error.split("\n")[0]})`
        : `dev edit→DOM: median ${fmt(r.dev.medianMs, 1)} ms, max ${fmt(r.dev.maxMs, 1)} ms over ${r.dev.samples.length} saves` +
          `${r.dev.reloads ? `, ${r.dev.reloads} full reloads` : ""} (server start ${fmt(r.dev.startupSeconds, 1)} s)`;
      rows.push([String(r.size), dev]);
    }
  }
  const widths = head.map((h, i) => Math.max(h.length, ...rows.filter((row) => row.length > 2).map((row) => row[i].length)));
  const line = (cells) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  const out = [line(head), widths.map((w) => "-".repeat(w)).join("  ")];
  for (const row of rows) out.push(row.length > 2 ? line(row) : `${row[0].padEnd(widths[0])}  ${row[1]}`);
  out.push("", "11ty/hugo columns are their cold builds (neither keeps a build cache); ratios are daylight ÷ that cold build.");
  return [out.join("\n"), ...results.map(stageTable).filter(Boolean)].join("\n\n");
}

/**
 * What each stage of daylight's build cost per post (ms), from `--timings`: the median over
 * the runs of each case. The stages add up to the build's own wall time; Node's start-up
 * and module loading are outside them.
 */
function stageTable(result) {
  const kinds = ["cold", "warm", "edit"];
  const perPost = (kind, stage) => {
    const values = result.daylight[kind].samples.map((s) => s.stages?.[stage]).filter((v) => v !== undefined).sort((a, b) => a - b);
    return values.length === 0 ? null : values[Math.floor(values.length / 2)] / result.size;
  };
  const stages = [...new Set(kinds.flatMap((kind) => result.daylight[kind].samples.flatMap((s) => Object.keys(s.stages ?? {}))))];
  if (stages.length === 0) return "";
  const rows = stages.map((stage) => [stage, ...kinds.map((kind) => perPost(kind, stage))])
    .filter((row) => row.slice(1).some((v) => v !== null && v >= 0.001))
    .sort((a, b) => Number(a[0] === "total (wall)") - Number(b[0] === "total (wall)") || (b[1] ?? 0) - (a[1] ?? 0));
  const width = Math.max(...rows.map((row) => row[0].length));
  const line = (cells) => `${cells[0].padEnd(width)}  ${cells.slice(1).map((c) => c.padStart(9)).join("  ")}`;
  return [
    `${result.size} posts: ms per post by stage (daylight build --timings, medians)`,
    line(["stage", "cold", "warm", "edit"]),
    ...rows.map((row) => line([row[0], ...row.slice(1).map((v) => fmt(v, 3))])),
  ].join("\n");
}
