import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from "vscode-jsonrpc/node";
import { fixedNow, repoRoot } from "../support/run-cli.js";

/** A diagnostic as the server publishes it (the protocol's shape, the fields the tests read). */
export interface PublishedDiagnostic {
  readonly range: { start: { line: number; character: number }; end: { line: number; character: number } };
  readonly severity: number;
  readonly code: string;
  readonly message: string;
}

/** One publishDiagnostics notification. */
export interface Published {
  readonly uri: string;
  readonly version?: number;
  readonly diagnostics: readonly PublishedDiagnostic[];
}

/** A client of `daylight lsp` run as a child process, speaking JSON-RPC over its stdio. */
export interface LspClient {
  readonly connection: MessageConnection;
  readonly root: string;
  uri(file: string): string;
  /** Opens `file` (relative to the root) with `text`; version 1. */
  open(file: string, text: string): Promise<void>;
  /** Replaces the whole text of `file`; returns the new version. */
  change(file: string, text: string): Promise<number>;
  close(file: string): Promise<void>;
  /** Resolves with the first published diagnostics of `file` (already received or to come) that `accept` takes. */
  diagnostics(file: string, accept: (published: Published) => boolean): Promise<Published>;
  /** The last diagnostics published for `file`, if any. */
  last(file: string): Published | undefined;
  /** Like diagnostics, among those published from now on only. */
  next(file: string, accept: (published: Published) => boolean): Promise<Published>;
  request<R>(method: string, params: unknown): Promise<R>;
  /** shutdown, exit, and the child's exit code. */
  stop(): Promise<number | null>;
}

/** Starts `daylight lsp` (the compiled CLI) on the site at `root` and initializes it with `root` as the workspace. */
export async function startClient(root: string, args: string[] = []): Promise<LspClient> {
  const child: ChildProcess = spawn(process.execPath, [path.join(repoRoot, "lib/cli.js"), "lsp", ...args], {
    cwd: root,
    env: { ...process.env, SOURCE_DATE_EPOCH: fixedNow },
    stdio: ["pipe", "pipe", "inherit"],
  });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const received: Published[] = [];
  const waiting: Array<{ uri: string; accept: (p: Published) => boolean; resolve: (p: Published) => void }> = [];
  connection.onNotification("textDocument/publishDiagnostics", (published: Published) => {
    received.push(published);
    for (const wait of waiting.splice(0)) {
      if (wait.uri === published.uri && wait.accept(published)) wait.resolve(published);
      else waiting.push(wait);
    }
  });
  connection.onRequest("client/registerCapability", () => null);
  connection.onRequest("workspace/configuration", () => []);
  connection.listen();
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const uri = (file: string) => pathToFileURL(path.join(root, file)).href;
  const versions = new Map<string, number>();
  await connection.sendRequest("initialize", { processId: null, rootUri: pathToFileURL(root).href, capabilities: {}, workspaceFolders: null });
  await connection.sendNotification("initialized", {});
  return {
    connection,
    root,
    uri,
    async open(file, text) {
      versions.set(file, 1);
      await connection.sendNotification("textDocument/didOpen", { textDocument: { uri: uri(file), languageId: "markdown", version: 1, text } });
    },
    async change(file, text) {
      const version = (versions.get(file) ?? 1) + 1;
      versions.set(file, version);
      await connection.sendNotification("textDocument/didChange", { textDocument: { uri: uri(file), version }, contentChanges: [{ text }] });
      return version;
    },
    async close(file) {
      await connection.sendNotification("textDocument/didClose", { textDocument: { uri: uri(file) } });
    },
    diagnostics(file, accept) {
      const found = received.find((p) => p.uri === uri(file) && accept(p));
      if (found) return Promise.resolve(found);
      return new Promise((resolve) => waiting.push({ uri: uri(file), accept, resolve }));
    },
    last: (file) => received.filter((p) => p.uri === uri(file)).at(-1),
    next(file, accept) {
      return new Promise((resolve) => waiting.push({ uri: uri(file), accept, resolve }));
    },
    request: (method, params) => connection.sendRequest(method, params),
    async stop() {
      await connection.sendRequest("shutdown");
      await connection.sendNotification("exit");
      const code = await exited;
      connection.dispose();
      return code;
    },
  };
}

/** The rule ids of published diagnostics with their 1-based line, `line:rule`. */
export const rulesOf = (published: Published): string[] =>
  published.diagnostics.map((d) => `${d.range.start.line + 1}:${d.code}`);
