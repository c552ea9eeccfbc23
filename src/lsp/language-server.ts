import path from "node:path";
import { pathToFileURL } from "node:url";
import {
  CodeActionKind,
  createConnection,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeResult,
  type ServerCapabilities,
} from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { SiteChange } from "../dev/classify-change.js";
import { watchSite, type SiteWatcher } from "../dev/watch-site.js";
import { siteLayout } from "../read/site-layout.js";
import { createDocumentChecks, pathOf } from "./document-checks.js";
import { registerEditorFeatures } from "./editor-features.js";
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

const capabilities: ServerCapabilities = {
  textDocumentSync: TextDocumentSyncKind.Incremental,
  completionProvider: { triggerCharacters: ["/", "#", "(", " "] },
  definitionProvider: true,
  hoverProvider: true,
  referencesProvider: true,
  renameProvider: { prepareProvider: true },
  codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
};

/**
 * Serves the Language Server Protocol over the given streams until the client says `exit`:
 * the build's diagnostics of every open post or page as it is typed, completion, go to
 * definition, hover, references, quick fixes and rename of slugs. Resolves when the
 * connection ends (the protocol library then ends the process).
 */
export function startLanguageServer(options: LanguageServerOptions): Promise<void> {
  const connection = createConnection(options.input, options.output);
  const documents = new TextDocuments(TextDocument);
  let workspace: Workspace | undefined;
  let watcher: SiteWatcher | undefined;
  const queue = createWorkQueue((e) => connection.console.error(`daylight: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));
  const checks = createDocumentChecks(connection, documents, queue, () => workspace);

  connection.onInitialize(async (params): Promise<InitializeResult> => {
    const clientRoot = pathOf(params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? "");
    const root = path.resolve(options.root ?? clientRoot ?? process.cwd());
    workspace = await openWorkspace(siteLayout(root, options.postsDir), options.now);
    // Answered once the watcher has seen the folder: a file the client writes after this is a change it reports.
    watcher = followFolder(workspace, checks.reload, (e) => connection.console.error(`daylight: watching the site: ${e.message}`));
    await watcher.ready;
    return { capabilities, serverInfo: { name: "daylight" } };
  });
  connection.onInitialized(() => void checks.publishConfig());
  documents.onDidChangeContent(({ document }) => checks.check(document.uri));
  documents.onDidClose(({ document }) => checks.closed(document.uri));
  registerEditorFeatures(connection, documents, () => workspace, { pathOf, uriOf: (file) => pathToFileURL(file).href, idle: () => queue.idle() });
  connection.onShutdown(async () => {
    await watcher?.close();
  });
  const ended = new Promise<void>((resolve) => connection.onExit(() => resolve()));
  documents.listen(connection);
  connection.listen();
  return ended;
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
  }, { onError });
}
