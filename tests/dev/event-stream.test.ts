import { createServer, get, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { connect } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createEventStream, type EventStream } from "../../src/dev/event-stream.js";

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function streamServer(stream: EventStream): Promise<number> {
  const server = createServer((_request, response) => stream.open(response, []));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

const until = async (done: () => boolean, what: string) => {
  for (let waited = 0; !done(); waited += 10) {
    if (waited > 5000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe("the live-reload event stream", () => {
  it("drops a client that stops reading, and keeps serving one that reads", async () => {
    const stream = createEventStream({ maxUnread: 256 * 1024 });
    const port = await streamServer(stream);
    // A socket that asks for the stream and never reads a byte of it.
    const stalled = connect(port, "127.0.0.1");
    stalled.pause();
    stalled.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    let received = "";
    get({ host: "127.0.0.1", port, path: "/" }, (response) => response.on("data", (chunk: Buffer) => (received += chunk.toString())));
    await until(() => stream.size === 2, "both clients");

    const page = "x".repeat(128 * 1024);
    for (let i = 0; i < 200 && stream.size === 2; i++) {
      stream.send({ name: "page", data: { i, page } });
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(stream.size).toBe(1); // the kernel's buffers filled, then 256 KiB more: the stalled client is gone

    stream.send({ name: "reload", data: { last: true } });
    await until(() => received.includes('"last":true'), "the reading client's last event");
    stalled.destroy();
  });
});
