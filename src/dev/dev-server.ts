import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createRequire } from "node:module";
import type { Diagnostic } from "../diagnostics.js";
import type { SiteLayout } from "../read/read-site.js";
import { clientScript } from "./client/client-script.js";
import type { BuildOutcome, QuickAnswer } from "./build-outcome.js";
import { createDevSite, type DevSite } from "./dev-site.js";
import { injectClient } from "./inject-client.js";
import { createEventStream, type EventStream, type StreamEvent } from "./event-stream.js";
import { allowedHosts, isAllowedHost } from "./host-check.js";
import { listenOnFreePort } from "./listen.js";
import { createRebuildScheduler } from "./rebuild-scheduler.js";
import { serveRequest } from "./serve-request.js";
import { watchSite } from "./watch-site.js";
import type { SiteChange } from "./classify-change.js";

/** How to run the dev server. */
export interface DevServerOptions {
  readonly layout: SiteLayout;
  /** Default 127.0.0.1; anything else exposes the site to the network. */
  readonly host?: string;
  /** Default 4000; taken or not, the next free port up to +20 is used. 0: any free port. */
  readonly port?: number;
  /** Follow the browser to the page of the post just edited. */
  readonly navigate?: boolean;
  readonly now: Date;
  /** Quiet time before a burst of changes is rebuilt. */
  readonly debounceMs?: number;
  /** Told about every build (the initial one too): the terminal prints from this. */
  readonly onBuild?: (outcome: BuildOutcome) => void;
}

/** A running dev server. */
export interface DevServer {
  /** `http://127.0.0.1:4000/` plus the site's base path. */
  readonly url: string;
  readonly site: DevSite;
  /** Resolves when no rebuild is queued or running (tests wait on this). */
  idle(): Promise<void>;
  /** Stops watching, ends the event streams and frees the port. */
  close(): Promise<void>;
}

/**
 * A browser sends a request's headers at once. A connection that dribbles them (slowloris)
 * or sends nothing is answered 408 and closed after 5 s; Node's defaults (60 s, checked every
 * 30 s) let it hold a socket for up to 90 s. The server takes no request body, so one that
 * is still arriving after 10 s is cut off too. A response (an event stream) may last forever.
 * Headers over 16 KB get 431 (Node's default, pinned: NODE_OPTIONS cannot raise it).
 */
const connectionLimits = { headersTimeout: 5_000, requestTimeout: 10_000, connectionsCheckingInterval: 1_000, maxHeaderSize: 16_384 };

/** How long the whole build waits for a browser to fetch the page of a quick answer. */
const quickAnswerGraceMs = 60;

/** Builds the site into memory, serves it with live reload and rebuilds it on every change. */
export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const host = options.host ?? "127.0.0.1";
  const stream = createEventStream();
  const assets = { client: clientScript, idiomorph: await readIdiomorph() };
  const hosts = allowedHosts(host);
  let site: DevSite | undefined;
  let ready!: () => void;
  const siteReady = new Promise<void>((resolve) => (ready = resolve));
  const server = createServer(connectionLimits, (request, response) => {
    void handle(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
      response.end("internal error\n");
    });
  });
  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    if (!isAllowedHost(request.headers.host, hosts)) return refuse(response, 403, "this Host is not allowed\n");
    await siteReady;
    if (!site) return refuse(response, 503, "the site is not built\n");
    serveRequest(request, response, { site, stream, assets, greeting: greetingOf(site.last) });
    quickPageServed?.(request.url ?? "");
  };
  // A quick answer's page is usually fetched within a few ms of the event; the whole build
  // waits for that (at most quickAnswerGraceMs), since it keeps the event loop busy.
  let quickPageServed: ((url: string) => void) | undefined;
  const untilRequested = (urls: readonly string[], ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        quickPageServed = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      quickPageServed = (url) => {
        if (urls.includes(url.split(/[?#]/)[0] ?? "")) done();
      };
    });
  const port = await listenOnFreePort(server, host, options.port ?? 4000);
  const origin = `http://${urlHost(host)}:${port}/`;
  site = await createDevSite(options.layout, origin, options.now);
  ready();
  options.onBuild?.(site.last);
  // Quick answers given at the first sign of an edit; the whole build waits for them.
  let answered: Promise<void> = Promise.resolve();
  const answerAtOnce = (change: SiteChange) => {
    const answer = site!.answerEdit(change).then((quick) => {
      if (quick === undefined || quick.changedUrls.length === 0) return;
      const event = quickEventOf(quick, options.navigate ?? false);
      stream.send(event);
      // A page too large to push is fetched: the whole build, which holds the event loop, waits for that.
      if (!isPushed(event) && stream.size > 0) return untilRequested(quick.changedUrls, quickAnswerGraceMs);
    });
    answered = Promise.all([answered, answer]).then(() => undefined, () => undefined);
  };
  const scheduler = createRebuildScheduler<SiteChange>({
    // Editors' saves (write, or temp file + rename) reach the watcher within a few ms of each
    // other; a longer wait would only delay the lists and feeds (the open post's page is
    // answered at once).
    delayMs: options.debounceMs ?? 12,
    run: async (changes) => {
      await answered;
      const outcome = await site!.rebuild(changes);
      options.onBuild?.(outcome);
      stream.send(eventOf(outcome, options.navigate ?? false));
    },
  });
  const watcher = watchSite(options.layout, (change) => {
    scheduler.add(change);
    // The edited post's page need not wait for the debounce: its quick answer is the same whatever follows.
    if (change.kind === "post" && change.event === "change") answerAtOnce(change);
    else site?.releaseBuild();
  }, { onWrite: () => site?.holdBuild() });
  await watcher.ready;
  return {
    url: new URL(site.basePath, origin).href,
    site,
    idle: () => scheduler.idle(),
    close: () => closeAll(server, stream, watcher, scheduler),
  };
}

async function closeAll(
  server: ReturnType<typeof createServer>,
  stream: EventStream,
  watcher: { close(): Promise<void> },
  scheduler: { close(): Promise<void> },
): Promise<void> {
  await watcher.close();
  await scheduler.close();
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  stream.closeAll();
  server.closeAllConnections();
  await closed;
}

/** What a browser that connects now must be told: the errors, when the last build had some. */
function greetingOf(last: BuildOutcome): StreamEvent[] {
  return last.ok ? [] : [errorsEvent(last.diagnostics)];
}

function eventOf(outcome: BuildOutcome, navigate: boolean): StreamEvent {
  if (!outcome.ok) return errorsEvent(outcome.diagnostics);
  return {
    name: "rebuilt",
    data: { changed: outcome.changedUrls, navigate: navigate ? outcome.editedUrl : undefined },
  };
}

/**
 * Pages up to this many characters travel inside the event, so the browser morphs without fetching
 * them: a round trip less on every save. A larger one is fetched as before.
 */
export const pushLimitChars = 512 * 1024;

/** The event for a quick answer: the edited page's HTML (as it would be served) goes with it when small enough. */
export function quickEventOf(quick: QuickAnswer, navigate: boolean): StreamEvent {
  const event = eventOf(quick, navigate);
  const html = injectClient(quick.page.html);
  if (html.length > pushLimitChars) return event;
  const url = quick.changedUrls[0];
  return { name: event.name, data: { ...(event.data as object), page: { url, html } } };
}

const isPushed = (event: StreamEvent): boolean => typeof event.data === "object" && event.data !== null && "page" in event.data;

const errorsEvent = (diagnostics: readonly Diagnostic[]): StreamEvent => ({ name: "errors", data: { diagnostics } });

function refuse(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" });
  response.end(text);
}

/** A host as it is written in a URL: wildcard binds are reached through loopback. */
function urlHost(host: string): string {
  if (host === "0.0.0.0" || host === "::") return "127.0.0.1";
  return host.includes(":") ? `[${host}]` : host;
}

async function readIdiomorph(): Promise<string> {
  const require = createRequire(import.meta.url);
  return readFile(require.resolve("idiomorph/dist/idiomorph.esm.js"), "utf8");
}
