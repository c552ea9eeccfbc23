#!/usr/bin/env node
/**
 * Measures `daylight lsp` on a generated corpus: its start-up (initialize until the first
 * post's diagnostics), then the time from each keystroke (a didChange) to the diagnostics
 * of that version, typed one after another as a writer does, in a post's body, in its
 * header's title, and in its slug (which makes the link index again). A measurement, not a
 * test: the machine's load moves it. Run `npm run compile` first.
 *
 *   node bench/lsp-keystroke.mjs [--size 4000] [--keys 200] [--out DIR]
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from "vscode-jsonrpc/node";
import { generateCorpus } from "./generate-corpus.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({ options: { size: { type: "string" }, keys: { type: "string" }, out: { type: "string" } } });
const size = Number(values.size ?? 4000);
const keys = Number(values.keys ?? 200);
const outDir = path.resolve(values.out ?? path.join(os.tmpdir(), "daylight-lsp-bench"));

const corpus = await generateCorpus({ size, outDir, sides: ["daylight"] });
const root = corpus.dirs.daylight;
const target = corpus.editTarget.file;
const original = await readFile(target, "utf8");

const started = performance.now();
const child = spawn(process.execPath, [path.join(HERE, "../lib/cli.js"), "lsp", "--root", root], { stdio: ["pipe", "pipe", "inherit"] });
const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
const waiting = new Map();
connection.onNotification("textDocument/publishDiagnostics", (p) => {
  const resolve = waiting.get(p.version);
  if (resolve) {
    waiting.delete(p.version);
    resolve(p);
  }
});
connection.listen();
const uri = pathToFileURL(target).href;
const published = (version) => new Promise((resolve) => waiting.set(version, resolve));

await connection.sendRequest("initialize", { processId: process.pid, rootUri: pathToFileURL(root).href, capabilities: {} });
await connection.sendNotification("initialized", {});
let version = 1;
const first = published(version);
await connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "markdown", version, text: original } });
await first;
const startUp = performance.now() - started;
const rssAfterStart = rssOf(child.pid);

/** Types `keys` characters at the offset `at` of the text, one change per key; the milliseconds of each, and the server's CPU per key. */
async function type(text, at, typed) {
  const times = [];
  const cpuBefore = cpuMsOf(child.pid);
  let current = text;
  for (const char of typed) {
    current = current.slice(0, at) + char + current.slice(at);
    at += 1;
    version += 1;
    const answer = published(version);
    const sent = performance.now();
    await connection.sendNotification("textDocument/didChange", { textDocument: { uri, version }, contentChanges: [{ text: current }] });
    await answer;
    times.push(performance.now() - sent);
  }
  return { text: current, times, cpuPerKey: (cpuMsOf(child.pid) - cpuBefore) / typed.length };
}

const typed = "the quick brown fox jumps over the lazy dog ".repeat(Math.ceil(keys / 44)).slice(0, keys);
const bodyAt = original.lastIndexOf("\n\n") + 2;
const body = await type(original, bodyAt, typed);
const titleAt = original.indexOf("title") + original.slice(original.indexOf("title")).indexOf("\n");
const title = await type(body.text, titleAt, typed.slice(0, Math.min(keys, 60)));
const slugLine = /^(?:!! )?slug: *([a-z0-9-]+)/m.exec(title.text);
const slug = slugLine ? await type(title.text, slugLine.index + slugLine[0].length, "-x".repeat(15)) : { times: [] };

const rssAtEnd = rssOf(child.pid);
await connection.sendRequest("shutdown");
await connection.sendNotification("exit");

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
const line = (name, { times: xs, cpuPerKey }) => `${name.padEnd(22)} n=${String(xs.length).padStart(3)}  median ${median(xs).toFixed(1)} ms  p90 ${quantile(xs, 0.9)?.toFixed(1)} ms  max ${Math.max(...xs).toFixed(1)} ms  (server CPU ${cpuPerKey.toFixed(1)} ms a key)`;
console.log(`daylight lsp on ${size} posts (${path.relative(root, target)}, ${original.length} characters), load ${os.loadavg()[0].toFixed(1)} on ${os.availableParallelism()} cores`);
console.log(`start-up (initialize → first diagnostics)  ${startUp.toFixed(0)} ms; resident memory ${rssAfterStart} after it, ${rssAtEnd} at the end`);
console.log(line("keystroke in the body", body));
console.log(line("keystroke in the title", title));
if (slug.times.length > 0) console.log(line("keystroke in the slug", slug));

/** The resident memory of a process, from /proc (Linux); "?" elsewhere. */
function rssOf(pid) {
  try {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]);
    return `${Math.round(kb / 1024)} MB`;
  } catch {
    return "?";
  }
}

/** User and system CPU milliseconds a process has used, from /proc (Linux; clock ticks of 10 ms); NaN elsewhere. */
function cpuMsOf(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").replace(/^.*\) /, "").split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}
