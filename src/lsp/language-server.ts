import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import {
  CodeActionKind,
  createConnection,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { configFileName } from "../config/config-file-names.js";
import { resolveConfig } from "../config/resolve-config.js";
import type { Diagnostic } from "../diagnostics.js";
import type { SiteChange } from "../dev/classify-change.js";
import { watchSite, type SiteWatcher } from "../dev/watch-site.js";
import { siteLayout } from "../read/site-layout.js";
import { registerEditorFeatures } from "./editor-features.js";
import { toLspDiagnostic } from "./lsp-diagnostic.js";
import { createWorkQueue } from "./work-queue.js";
import { openWorkspace, type Workspace } from "./workspace.js";

/** What `daylight lsp` starts the server with. */
export interface LanguageServerOptions {
  /** The site folder (`--root`); undefined: the client's workspace folder, else the current folder. */
  readonly root: string | undefined;
  readonly postsDir: string | undefined;
  /** "Now", for which posts are scheduled: read whenever the state is made. */
  readonly now: () => Date;
  readonly input: NodeJS.ReadableStream;
  readonly output: NodeJS.WritableStream;
}

/**
 * Serves the Language Server Protocol over the given streams until the client says `exit`:
 * the build's diagnostics of every open post or page as it is typed, completion, go to
 * definition, hover, references and rename of slugs. Resolves when the connection ends.
 */
export function startLanguageServer(options: LanguageServerOptions): Promise<void> {
  const connection = createConnection(options.input, options.output);
  const documents = new TextDocuments(TextDocument);
  let workspace: Workspace | undefined;
  let watcher: SiteWatcher | undefined;
  const queue = createWorkQueue((e) => connection.console.error(`daylight: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));

  const check = (uri: string, later = false) => queue.add(uri, async () => {
    const document = documents.get(uri);
    const file = pathOf(uri);
    if (document === undefined || workspace === undefined || file === undefined) return;
    const site = workspace.documentOf(file, document.getText());
    if (site === undefined) {
      // Not a post or page of the site (its config has diagnostics of its own: left alone), or
      // no longer one (a `.txt` whose header is gone): what was published for it is cleared.
      const key = workspace.keyOf(file);
      if (key === configFileName) return publishConfigText(connection, uri, document.version, document.getText());
      if (key === undefined || !workspace.isOpen(key)) return;
      if (workspace.close(key)) for (const other of documents.all()) if (other.uri !== uri) check(other.uri, true);
      await connection.sendDiagnostics({ uri, version: document.version, diagnostics: [] });
      return;
    }
    // An edit that moves a slug or URL, or breaks or mends a header, changes what other open files are checked against.
    if (workspace.edit(site, document.getText())) for (const other of documents.all()) if (other.uri !== uri) check(other.uri, true);
    const report = await workspace.diagnose(site.key);
    const diagnostics = (report?.diagnostics ?? []).filter((d) => d.file === site.key);
    await connection.sendDiagnostics({ uri, version: document.version, diagnostics: diagnostics.map((d) => toLspDiagnostic(d, document.getText())) });
  }, later);
  const reload = (changes: readonly SiteChange[]) => queue.add("reload", async () => {
    if (workspace === undefined) return;
    await workspace.reload(changes);
    await publishConfig(connection, workspace);
    for (const document of documents.all()) check(document.uri);
  });

  connection.onInitialize(async (params): Promise<InitializeResult> => {
    const clientRoot = pathOf(params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? "");
    const root = path.resolve(options.root ?? clientRoot ?? process.cwd());
    workspace = await openWorkspace(siteLayout(root, options.postsDir), options.now);
    // Answered once the watcher has seen the folder: a file the client writes after this is a change it reports.
    watcher = followFolder(workspace, reload, (e) => connection.console.error(`daylight: watching the site: ${e.message}`));
    await watcher.ready;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: ["/", "#", "(", " "] },
        definitionProvider: true,
        hoverProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      },
      serverInfo: { name: "daylight" },
    };
  });
  connection.onInitialized(() => {
    if (workspace === undefined) return;
    void publishConfig(connection, workspace);
  });
  documents.onDidChangeContent(({ document }) => check(document.uri));
  documents.onDidClose(({ document }) => {
    const file = pathOf(document.uri);
    const key = file === undefined ? undefined : workspace?.keyOf(file);
    if (workspace === undefined || key === undefined) return;
    queue.add(document.uri, async () => {
      // The config's diagnostics are those of the file on disk again; a post's are dropped.
      if (key === configFileName && workspace) return publishConfig(connection, workspace);
      await connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
      if (workspace?.close(key)) for (const other of documents.all()) check(other.uri, true);
    });
  });
  registerEditorFeatures(connection, documents, () => workspace, { pathOf, uriOf: (file) => pathToFileURL(file).href, idle: () => queue.idle() });
  connection.onShutdown(async () => {
    await watcher?.close();
  });
  const ended = new Promise<void>((resolve) => {
    connection.onExit(() => resolve());
  });
  documents.listen(connection);
  connection.listen();
  return ended;
}

/** The file a `file:` URI names; undefined for any other scheme (an untitled buffer). */
function pathOf(uri: string): string | undefined {
  if (!uri.startsWith("file:")) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** Watches the site as the dev server does; changes that come together are read together. */
function followFolder(workspace: Workspace, reload: (changes: readonly SiteChange[]) => void, onError: (e: Error) => void): SiteWatcher {
  let batch: SiteChange[] = [];
  return watchSite(workspace.layout, (change) => {
    if (batch.length === 0) setImmediate(() => {
      const changes = batch;
      batch = [];
      reload(changes);
    });
    batch.push(change);
  }, onError);
}

/** The config's diagnostics on the config file (none when it is fine: that clears the old ones). */
async function publishConfig(connection: Connection, workspace: Workspace): Promise<void> {
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of workspace.configDiagnostics()) if (d.file !== undefined) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
  for (const name of new Set([configFileName, ...byFile.keys()])) {
    const file = path.resolve(workspace.layout.root, name);
    const text = readText(file);
    if (text === undefined) continue;
    const diagnostics = (byFile.get(name) ?? []).map((d) => toLspDiagnostic(d, text));
    await connection.sendDiagnostics({ uri: pathToFileURL(file).href, diagnostics });
  }
}

/**
 * The diagnostics of site.config.json as typed, before a save: the build's own check of its
 * text. The posts are checked against the saved config (read again when it is saved).
 */
async function publishConfigText(connection: Connection, uri: string, version: number, text: string): Promise<void> {
  const diagnostics = resolveConfig(text).diagnostics.filter((d) => d.file === configFileName);
  await connection.sendDiagnostics({ uri, version, diagnostics: diagnostics.map((d) => toLspDiagnostic(d, text)) });
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}
