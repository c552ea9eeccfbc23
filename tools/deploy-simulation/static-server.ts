import { statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { resolveRequest } from "../../src/dev/resolve-request.js";

/** A running loopback server. */
export interface StaticServer {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  close(): Promise<void>;
}

/**
 * Serves `root` over HTTP on 127.0.0.1 only, like a plain static host: every request
 * reads the file fresh from disk (so a deploy into `root` is seen at once), `x/` serves
 * `x/index.html`, anything else missing is a 404. For the deploy simulation, not production.
 */
export async function serveFolder(root: string, basePath: string): Promise<StaticServer> {
  const isFile = (path: string): boolean => {
    try {
      return statSync(join(root, path)).isFile();
    } catch {
      return false;
    }
  };
  const server = createServer((request, response) => {
    const resolved = resolveRequest(request.url ?? "/", basePath, isFile);
    if (request.method !== "GET" || resolved.kind !== "file") {
      const status = resolved.kind === "redirect" ? 301 : resolved.kind === "bad-request" ? 400 : 404;
      response.writeHead(status, resolved.kind === "redirect" ? { Location: resolved.location } : {});
      response.end();
      return;
    }
    readFile(join(root, resolved.path)).then(
      (bytes) => {
        response.writeHead(200, { "Content-Length": bytes.byteLength, "Cache-Control": "no-store" });
        response.end(bytes);
      },
      () => {
        // Gone between the lookup and the read: what a host would answer a moment later.
        response.writeHead(404);
        response.end();
      },
    );
  });
  server.maxConnections = 32;
  server.requestTimeout = 10_000;
  await listen(server);
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function listen(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
}
