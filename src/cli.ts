#!/usr/bin/env node
/** The daylight command. The only place that calls process.exit. */
import { main } from "./cli/main.js";
import type { Console } from "./cli/report.js";

const terminal: Console = {
  out: (line) => process.stdout.write(line + "\n"),
  err: (line) => process.stderr.write(line + "\n"),
};

main(process.argv.slice(2), process.env, terminal).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error("daylight: internal error (please report it):", e);
    process.exit(70);
  },
);
