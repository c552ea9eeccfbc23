/**
 * Preloaded into a CLI child (`node --import <this> lib/cli.js …`) to record which modules the
 * process loads: each one's path or URL is appended, one per line, to the file that
 * `DAYLIGHT_TEST_MODULES` names. ES modules are written by a resolve hook before they load (see
 * record-modules-hooks.mjs); CommonJS modules, which Node 20's hooks do not see when other
 * CommonJS requires them (gray-matter's js-yaml), are taken from the require cache at exit. A
 * worker thread (workers inherit this preload) writes the line `worker-thread` as it starts.
 */
import { appendFileSync } from "node:fs";
import { createRequire, register } from "node:module";
import { isMainThread } from "node:worker_threads";

const require = createRequire(import.meta.url);
const file = process.env.DAYLIGHT_TEST_MODULES;
if (!file) throw new Error("record-modules.mjs: set DAYLIGHT_TEST_MODULES to the file to write");
if (!isMainThread) appendFileSync(file, "worker-thread\n");
register("./record-modules-hooks.mjs", import.meta.url, { data: { file } });
process.on("exit", () => appendFileSync(file, Object.keys(require.cache).map((p) => `${p}\n`).join("")));
