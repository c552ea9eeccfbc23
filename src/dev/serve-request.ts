import type { IncomingMessage, ServerResponse } from "node:http";
import { contentTypeFor } from "./content-type.js";
import type { DevSite } from "./dev-site.js";
import type { EventStream, StreamEvent } from "./event-stream.js";
import { clientPath, eventsPath, idiomorphPath, injectClient, reservedPrefix } from "./inject-client.js";
import { resolveRequest } from "./resolve-request.js";

/** What a request is answered from. */
export interface ServeContext {
  readonly site: DevSite;
  readonly stream: EventStream;
  readonly assets: { readonly client: string; readonly idiomorph: string };
  readonly greeting: readonly StreamEvent[];
}

const baseHeaders = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };

/** Answers one request from the in-memory site: a file, the 404 page, a redirect, or the client's own files. */
export function serveRequest(request: IncomingMessage, response: ServerResponse, context: ServeContext): void {
  const method = request.method ?? "GET";
  if (method !== "GET" && method !== "HEAD") {
    response.writeHead(405, { ...baseHeaders, Allow: "GET, HEAD", "Content-Type": "text/plain; charset=utf-8" });
    response.end("method not allowed\n");
    return;
  }
  const target = request.url ?? "/";
  if (target.startsWith(reservedPrefix)) return serveReserved(target, method, response, context);
  const files = context.site.files;
  const resolved = resolveRequest(target, context.site.basePath, (p) => files.has(p));
  switch (resolved.kind) {
    case "file":
      return send(response, method, 200, resolved.path, files.get(resolved.path)!);
    case "redirect":
      response.writeHead(301, { ...baseHeaders, Location: resolved.location });
      response.end();
      return;
    case "bad-request":
      response.writeHead(400, { ...baseHeaders, "Content-Type": "text/plain; charset=utf-8" });
      response.end(method === "HEAD" ? undefined : "bad request\n");
      return;
    case "not-found": {
      const page = files.get("404.html");
      if (page) return send(response, method, 404, "404.html", page);
      response.writeHead(404, { ...baseHeaders, "Content-Type": "text/plain; charset=utf-8" });
      response.end(method === "HEAD" ? undefined : "not found\n");
    }
  }
}

function serveReserved(target: string, method: string, response: ServerResponse, context: ServeContext): void {
  const pathname = target.split("?", 1)[0] ?? target;
  if (pathname === eventsPath && method === "GET") return context.stream.open(response, context.greeting);
  const script = pathname === clientPath ? context.assets.client : pathname === idiomorphPath ? context.assets.idiomorph : undefined;
  if (script === undefined) {
    response.writeHead(404, { ...baseHeaders, "Content-Type": "text/plain; charset=utf-8" });
    response.end(method === "HEAD" ? undefined : "not found\n");
    return;
  }
  send(response, method, 200, pathname, Buffer.from(script));
}

function send(response: ServerResponse, method: string, status: number, path: string, bytes: Uint8Array): void {
  const type = contentTypeFor(path);
  const body = type.startsWith("text/html") ? Buffer.from(injectClient(Buffer.from(bytes).toString("utf8"))) : bytes;
  response.writeHead(status, { ...baseHeaders, "Content-Type": type, "Content-Length": body.byteLength });
  response.end(method === "HEAD" ? undefined : body);
}
