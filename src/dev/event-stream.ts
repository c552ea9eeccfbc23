import type { ServerResponse } from "node:http";

/** The open live-reload connections (server-sent events). */
export interface EventStream {
  /** Takes over a response as an event stream; `greeting` events go to it first. */
  open(response: ServerResponse, greeting: readonly StreamEvent[]): void;
  send(event: StreamEvent): void;
  /** Ends every stream, so that `server.close()` need not wait for them. */
  closeAll(): void;
  readonly size: number;
}

/** One named event with a JSON payload. */
export interface StreamEvent {
  readonly name: string;
  readonly data: unknown;
}

/**
 * How much a client may leave unread before it is dropped. Events carry whole pages; a
 * client that stops reading (a stalled tab, a malicious socket) would otherwise make the
 * server hold every page sent since. A browser that was only slow reconnects (`retry`) and
 * is greeted afresh.
 */
const maxUnreadBytes = 4 * 2 ** 20;

/** A set of SSE responses; a client that goes away, or stops reading, is dropped. */
export function createEventStream({ maxUnread = maxUnreadBytes } = {}): EventStream {
  const clients = new Set<ServerResponse>();
  const write = (response: ServerResponse, event: StreamEvent) => {
    response.write(`event: ${event.name}\ndata: ${JSON.stringify(event.data)}\n\n`);
    if (response.writableLength > maxUnread) {
      clients.delete(response);
      response.destroy();
    }
  };
  return {
    open(response, greeting) {
      response.writeHead(200, {
        "Content-Type": "text/event-stream; charset=utf-8",
        "Cache-Control": "no-store",
        Connection: "keep-alive",
        "X-Content-Type-Options": "nosniff",
      });
      // Writing at once makes the browser report the stream open; `retry` reconnects fast after a restart.
      response.write("retry: 500\n\n");
      for (const event of greeting) write(response, event);
      clients.add(response);
      response.on("close", () => clients.delete(response));
    },
    send(event) {
      for (const response of clients) write(response, event);
    },
    closeAll() {
      for (const response of clients) response.end();
      clients.clear();
    },
    get size() {
      return clients.size;
    },
  };
}
