/**
 * Preloaded into a CLI child (`node --import <this> lib/cli.js …`) to kill it at an exact
 * point of its work, which a timer cannot hit reliably in a run of a few milliseconds.
 * It wraps the calls of `node:fs/promises` that change the file system, in the process
 * itself, so the code under test runs unchanged:
 *
 * - `DAYLIGHT_TEST_FS_LOG=FILE` appends one line per call: `<ms since epoch> <call> <path>`.
 * - `DAYLIGHT_TEST_KILL_AT=K` SIGKILLs the process when it is about to make call K+1, that
 *   is with exactly K calls done (0: before the first).
 */
import { appendFileSync } from "node:fs";
import { createRequire, syncBuiltinESMExports } from "node:module";

const fsPromises = createRequire(import.meta.url)("node:fs/promises");
const log = process.env.DAYLIGHT_TEST_FS_LOG;
const killAt = process.env.DAYLIGHT_TEST_KILL_AT === undefined ? -1 : Number(process.env.DAYLIGHT_TEST_KILL_AT);
let done = 0;

for (const name of ["writeFile", "rename", "unlink", "rm", "rmdir", "mkdir", "copyFile", "link"]) {
  const original = fsPromises[name];
  fsPromises[name] = async (...args) => {
    if (done === killAt) {
      process.kill(process.pid, "SIGKILL");
      await new Promise(() => {}); // never reached: a signal sent to oneself is delivered before kill() returns
    }
    const result = await original(...args);
    done++;
    if (log) appendFileSync(log, `${Date.now()} ${name} ${String(args[name === "rename" || name === "link" || name === "copyFile" ? 1 : 0])}\n`);
    return result;
  };
}
// ES module imports of node:fs/promises are live bindings: make them see the wrappers.
syncBuiltinESMExports();
