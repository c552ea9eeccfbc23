/**
 * Preloaded into a CLI child (`node --import <this> lib/cli.js …`) to make the file system
 * fail as a sick machine's would (a full disk, a refused permission, a busy mount), at the
 * calls that change it, so that the code under test runs unchanged:
 *
 * - `DAYLIGHT_TEST_FAIL_CALL`: the call, by its system name: `write` (a write on a
 *   descriptor: `fs.writeSync`, a file handle's `write`, `writeFile`), `open` (an open for
 *   writing), `rename`, `mkdir`, `link`, `copyfile`, `symlink`.
 * - `DAYLIGHT_TEST_FAIL_CODE`: the errno code to fail with (`ENOSPC`, `EACCES`, `EBUSY`…).
 * - `DAYLIGHT_TEST_FAIL_PATH`: fail only calls whose path contains this text.
 *
 * Every matching call fails. The error is shaped like Node's own: `code`, `errno`,
 * `syscall`, and `path` only where Node gives one (never for a write on a descriptor).
 */
import { createRequire, syncBuiltinESMExports } from "node:module";
import { constants } from "node:os";

const require = createRequire(import.meta.url);
const fs = require("node:fs");
const call = process.env.DAYLIGHT_TEST_FAIL_CALL;
const code = process.env.DAYLIGHT_TEST_FAIL_CODE ?? "EIO";
const fragment = process.env.DAYLIGHT_TEST_FAIL_PATH ?? "";
const fdPaths = new Map();

const matches = (name, ...paths) => name === call && paths.some((p) => String(p ?? "").includes(fragment));

function fault(syscall, path) {
  const error = new Error(`${code}: injected failure, ${syscall}${path === undefined ? "" : ` '${path}'`}`);
  return Object.assign(error, { errno: -(constants.errno[code] ?? 5), code, syscall }, path === undefined ? {} : { path: String(path) });
}

const writes = (flags) => flags !== undefined && flags !== "r" && flags !== fs.constants.O_RDONLY;

function wrapSync(name, syscall, pathsOf, guard = () => true) {
  const original = fs[name];
  fs[name] = function (...args) {
    const paths = pathsOf(args);
    if (guard(args) && matches(syscall, ...paths)) throw fault(syscall, syscall === "write" ? undefined : paths[0]);
    const result = original.apply(this, args);
    if (name === "openSync") fdPaths.set(result, String(args[0]));
    return result;
  };
}

function wrapAsync(name, syscall, pathsOf, guard = () => true) {
  const original = fs.promises[name];
  fs.promises[name] = async function (...args) {
    const paths = pathsOf(args);
    if (guard(args) && matches(syscall, ...paths)) throw fault(syscall, syscall === "write" ? undefined : paths[0]);
    return original.apply(this, args);
  };
}

const first = (args) => [args[0]];
const both = (args) => [args[0], args[1]];

wrapSync("openSync", "open", first, (args) => writes(args[1]));
wrapSync("writeSync", "write", (args) => [fdPaths.get(args[0])]);
wrapSync("writeFileSync", "write", first);
wrapSync("renameSync", "rename", both);
wrapSync("mkdirSync", "mkdir", first);
wrapSync("linkSync", "link", both);
wrapSync("copyFileSync", "copyfile", both);
wrapSync("symlinkSync", "symlink", both);
wrapAsync("writeFile", "write", first);
wrapAsync("open", "open", first, (args) => writes(args[1]));
wrapAsync("rename", "rename", both);
wrapAsync("mkdir", "mkdir", first);
wrapAsync("link", "link", both);
wrapAsync("copyFile", "copyfile", both);
wrapAsync("symlink", "symlink", both);
// ES module imports of node:fs and node:fs/promises are live bindings: make them see the wrappers.
syncBuiltinESMExports();
