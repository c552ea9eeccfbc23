// A minimal VS Code client for `daylight lsp`: it starts the server in the workspace
// folder (the site) and hands it the posts and pages. Everything else is the server's.
const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

exports.activate = async function activate() {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (folder === undefined) return;
  const [command, ...args] = vscode.workspace.getConfiguration("daylight").get("server.command");
  client = new LanguageClient(
    "daylight",
    "daylight",
    { command, args, transport: TransportKind.stdio, options: { cwd: folder.uri.fsPath, shell: process.platform === "win32" } },
    {
      // Posts and pages: Markdown, and `.txt` files that start with a header.
      documentSelector: [
        { scheme: "file", language: "markdown" },
        { scheme: "file", pattern: "**/{posts,pages}/**/*.txt" },
      ],
    },
  );
  await client.start();
};

exports.deactivate = function deactivate() {
  return client?.stop();
};
