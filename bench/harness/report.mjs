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
  return out.join("\n");
}
