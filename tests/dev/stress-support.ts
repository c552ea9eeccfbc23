/**
 * Helpers for tests/dev/stress.test.ts: a generated many-post site, an editor that saves
 * from another process, event-stream clients, raw (possibly malicious) sockets, and
 * measurements of this process (heap after a forced GC, open handles by type).
 */
import { spawn } from "node:child_process";
import { get } from "node:http";
import { Session } from "node:inspector/promises";
import { connect } from "node:net";
import { postText } from "./dev-fixtures.js";

/** A small deterministic PRNG (mulberry32): the same seed gives the same edit schedule. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** The file of post `i` of a generated site (`posts/p07.md`), relative to the site root. */
export const stressPostFile = (i: number): string => `posts/p${pad(i, 2)}.md`;
/** The URL path of post `i`. */
export const stressPostUrl = (i: number): string => `/posts/post-${pad(i, 2)}/`;
/** A sentence that names exactly one version of one post (no version's text is a prefix of another's). */
export const versionMark = (i: number, version: number): string => `Saved as version ${pad(version, 4)} of post ${pad(i, 2)}.`;

/**
 * Post `i` of `count`, at `version`: a few tags shared with other posts (so the tag pages and
 * feeds change too), a link to the next post, and a highlighted code block in every third post.
 */
export function stressPostText(i: number, count: number, version: number): string {
  const code = i % 3 === 0 ? `\n\n\`\`\`js\nconst version = ${version};\n\`\`\`` : "";
  const body = `${versionMark(i, version)} See [the next post](./posts/post-${pad((i + 1) % count, 2)}).${code}\n\nMore words about post ${i}.`;
  const text = postText(`Post ${i}`, `post-${pad(i, 2)}`, body, `2024-${pad(1 + (i % 12), 2)}-${pad(1 + (i % 28), 2)}`);
  return text.replace("\n\n---", `\n!! tags: stress, group-${i % 5}\n\n---`);
}

/** The files of a site with `count` generated posts. */
export function stressSite(count: number): Record<string, string> {
  const files: Record<string, string> = {
    "site.config.json": JSON.stringify({ title: "Stress", url: "https://example.com/", timezone: "UTC" }),
  };
  for (let i = 0; i < count; i++) files[stressPostFile(i)] = stressPostText(i, count, 0);
  return files;
}

/**
 * One save: `write` writes the file in place; `rename` writes a temp file beside it and
 * renames it over (atomic save); `halves` truncates the file and writes it in two halves
 * a moment apart, so the server may read a half-written post.
 */
export interface Edit {
  readonly file: string;
  readonly text: string;
  readonly style: "write" | "rename" | "halves";
  /** Pause after this save. */
  readonly pauseMs: number;
}

/** Runs in a child process: the edits come as JSON on stdin. */
const editorScript = String.raw`
import { closeSync, openSync, renameSync, writeFileSync, writeSync } from "node:fs";
let input = "";
for await (const chunk of process.stdin) input += chunk;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
for (const edit of JSON.parse(input)) {
  if (edit.style === "rename") {
    writeFileSync(edit.file + ".tmp", edit.text);
    renameSync(edit.file + ".tmp", edit.file);
  } else if (edit.style === "halves") {
    const fd = openSync(edit.file, "w");
    const half = edit.text.length >> 1;
    writeSync(fd, edit.text.slice(0, half));
    await sleep(2);
    writeSync(fd, edit.text.slice(half));
    closeSync(fd);
  } else {
    writeFileSync(edit.file, edit.text);
  }
  if (edit.pauseMs > 0) await sleep(edit.pauseMs);
}
`;

/**
 * Saves `edits` in order from a separate process, as an editor does: the saves keep coming
 * while the server's event loop is busy rebuilding. Resolves with the editor's wall time.
 */
export function runEditor(edits: readonly Edit[]): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--input-type=module", "-e", editorScript], { stdio: ["pipe", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(performance.now() - started) : reject(new Error(`editor exited ${code}: ${stderr}`))));
    child.stdin.end(JSON.stringify(edits));
  });
}

/** The heap in use after full garbage collections, in bytes (forced through the inspector: no --expose-gc needed). */
export async function heapAfterGc(): Promise<number> {
  const session = new Session();
  session.connect();
  try {
    for (let i = 0; i < 3; i++) {
      await session.post("HeapProfiler.collectGarbage");
      await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    session.disconnect();
  }
  return process.memoryUsage().heapUsed;
}

/** Handle types a dev server owns: its listening socket, its connections, its file watchers. */
export const serverHandleTypes = ["TCPServerWrap", "TCPSocketWrap", "FSEventWrap", "StatWatcher"] as const;

/** How many handles of each of `serverHandleTypes` this process holds open. */
export function openHandles(): Record<(typeof serverHandleTypes)[number], number> {
  const counts = Object.fromEntries(serverHandleTypes.map((type) => [type, 0])) as Record<(typeof serverHandleTypes)[number], number>;
  for (const type of process.getActiveResourcesInfo()) if (type in counts) counts[type as keyof typeof counts]++;
  return counts;
}

/** A connected live-reload client that keeps everything it was sent. */
export interface StreamClient {
  /** The raw stream text so far. */
  readonly text: () => string;
  /** The data of every event of this name so far, parsed. */
  events(name: string): unknown[];
  /** Resolves when the stream ends or its socket closes, from either side. */
  readonly ended: Promise<void>;
  close(): void;
}

/** Opens `/__daylight/events` on its own connection; resolves once the server's first line arrived. */
export function openEventStream(serverUrl: string, timeoutMs = 10_000): Promise<StreamClient> {
  return new Promise((resolve, reject) => {
    let text = "";
    let ended!: () => void;
    const endedPromise = new Promise<void>((r) => (ended = r));
    const timer = setTimeout(() => {
      request.destroy();
      reject(new Error("the event stream did not open in time"));
    }, timeoutMs);
    const request = get(new URL("/__daylight/events", serverUrl), { agent: false }, (response) => {
      if (response.statusCode !== 200) {
        clearTimeout(timer);
        reject(new Error(`event stream answered ${response.statusCode}`));
        response.resume();
        return;
      }
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        text += chunk;
        if (text.includes("retry:")) {
          clearTimeout(timer);
          resolve(client);
        }
      });
      response.on("close", ended);
    });
    request.on("error", (e) => {
      clearTimeout(timer);
      ended();
      reject(e);
    });
    request.on("close", ended);
    const client: StreamClient = {
      text: () => text,
      events: (name) =>
        text
          .split("\n\n")
          .filter((block) => block.startsWith(`event: ${name}\n`))
          .map((block) => JSON.parse(block.slice(block.indexOf("data: ") + 6)) as unknown),
      ended: endedPromise,
      close: () => request.destroy(),
    };
  });
}

/** What a raw exchange came to. */
export interface RawExchange {
  /** The status of the first response, when one came. */
  readonly status: number | undefined;
  readonly head: string;
  /** True when the server closed the connection (rather than the exchange timing out). */
  readonly closedByServer: boolean;
  readonly milliseconds: number;
}

/**
 * Sends `bytes` on a fresh connection and waits for one complete response or for the server
 * to close the connection, at most `timeoutMs`.
 */
export function rawExchange(serverUrl: string, bytes: string | Buffer, timeoutMs = 5000): Promise<RawExchange> {
  const url = new URL(serverUrl);
  const started = performance.now();
  return new Promise((resolve) => {
    let received = Buffer.alloc(0);
    let settled = false;
    const finish = (closedByServer: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const text = received.toString("latin1");
      const head = text.split("\r\n\r\n", 1)[0] ?? "";
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1];
      resolve({ status: status === undefined ? undefined : Number(status), head, closedByServer, milliseconds: performance.now() - started });
    };
    const timer = setTimeout(() => finish(false), timeoutMs);
    const socket = connect(Number(url.port), url.hostname, () => socket.write(bytes));
    socket.on("data", (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (isCompleteResponse(received.toString("latin1"))) finish(false);
    });
    socket.on("error", () => finish(true));
    socket.on("close", () => finish(true));
  });
}

function isCompleteResponse(text: string): boolean {
  const end = text.indexOf("\r\n\r\n");
  if (end === -1) return false;
  const length = /\r\ncontent-length: *(\d+)/i.exec(text.slice(0, end))?.[1];
  return length !== undefined && Buffer.byteLength(text.slice(end + 4), "latin1") >= Number(length);
}

/** A slowloris: a request whose headers never end, one byte every `intervalMs`. */
export interface Slowloris {
  /** Resolves when the server closed the connection, with what it answered and after how long. */
  readonly closed: Promise<{ readonly status: number | undefined; readonly milliseconds: number }>;
  /** Bytes sent so far. */
  readonly sent: () => number;
  stop(): void;
}

export function slowloris(serverUrl: string, intervalMs: number): Slowloris {
  const url = new URL(serverUrl);
  const started = performance.now();
  let sent = 0;
  let received = "";
  let interval: ReturnType<typeof setInterval> | undefined;
  const socket = connect(Number(url.port), url.hostname);
  const send = (text: string) => {
    if (socket.writable) {
      socket.write(text);
      sent += text.length;
    }
  };
  socket.on("connect", () => {
    send(`GET / HTTP/1.1\r\nHost: ${url.host}\r\nX-Slow: `);
    interval = setInterval(() => send("a"), intervalMs);
  });
  socket.on("data", (chunk: Buffer) => (received += chunk.toString("latin1")));
  const closed = new Promise<{ status: number | undefined; milliseconds: number }>((resolve) => {
    const done = () => {
      clearInterval(interval);
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(received)?.[1];
      resolve({ status: status === undefined ? undefined : Number(status), milliseconds: performance.now() - started });
    };
    socket.on("close", done);
  });
  socket.on("error", () => undefined);
  return {
    closed,
    sent: () => sent,
    stop() {
      clearInterval(interval);
      socket.destroy();
    },
  };
}

/** Summary figures of a list of durations, rounded to 0.1 ms. */
export function latencySummary(ms: readonly number[]): { count: number; median: number; p95: number; max: number } {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => Math.round((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0) * 10) / 10;
  return { count: sorted.length, median: at(0.5), p95: at(0.95), max: at(1) };
}
