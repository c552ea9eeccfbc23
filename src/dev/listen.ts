import type { Server } from "node:http";

/**
 * Listens on `port`, or on the next free one up to `port + tries - 1` (port 0: any free
 * port). Resolves to the port bound; rejects when none was free or the host is wrong.
 */
export async function listenOnFreePort(server: Server, host: string, port: number, tries = 21): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    const candidate = port === 0 ? 0 : port + attempt;
    try {
      await listenOnce(server, host, candidate);
      const address = server.address();
      if (address === null || typeof address === "string") throw new Error("the server has no TCP address");
      return address.port;
    } catch (e) {
      const inUse = (e as NodeJS.ErrnoException).code === "EADDRINUSE";
      if (!inUse || port === 0 || attempt + 1 >= tries) throw e;
    }
  }
}

function listenOnce(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (e: Error) => {
      server.off("listening", onListening);
      reject(e);
    };
    const onListening = () => {
      server.off("error", onError);
      resolve();
    };
    server.once("error", onError);
    server.once("listening", onListening);
    server.listen(port, host);
  });
}
