#!/usr/bin/env node
/** The daylight command. The only place that calls process.exit. */
import { describeIoFailure } from "./cli/describe-io-failure.js";
import { commandEntryMark, main } from "./cli/main.js";
import { runWithRoomyHeap, wantsRoomyHeap } from "./cli/roomy-dev-heap.js";
import type { Console } from "./cli/report.js";

const terminal: Console = {
  out: (line) => process.stdout.write(line + "\n"),
  err: (line) => process.stderr.write(line + "\n"),
};

/** A failure main() could not turn into an exit code: a machine's is one line, a bug's is reported as one. */
function exitOnFailure(e: unknown): never {
  const ioFailure = describeIoFailure(e);
  if (ioFailure) {
    process.stderr.write(`daylight: ${ioFailure}\n`);
    process.exit(1);
  }
  console.error("daylight: internal error (please report it):", e);
  process.exit(70);
}

// Every failure should reach main() as a rejection; one thrown from an event handler
// instead must still not print a stack trace for a full disk.
process.on("uncaughtException", exitOnFailure);

// Marks this process as the command itself: `build --timings` then reports its start-up
// (performance.now() counts from the process's start), which a caller of main() has not.
performance.mark(commandEntryMark);
const argv = process.argv.slice(2);
// The dev server runs in a process of its own with a larger young generation (roomy-dev-heap.ts).
const run = wantsRoomyHeap(argv, process.execArgv) ? runWithRoomyHeap(process.argv[1] ?? "", argv) : main(argv, process.env, terminal);
run.then((code) => process.exit(code), exitOnFailure);
