import { networkInterfaces } from "node:os";

/** Names that always mean this machine (RFC 6761 reserves `*.localhost` for loopback). */
const loopbackNames = ["localhost", "127.0.0.1", "[::1]"];

/** The host names a request may carry: loopback, the bound host, and every local address when bound to all. */
export function allowedHosts(boundHost: string): Set<string> {
  const hosts = new Set(loopbackNames);
  hosts.add(bracketed(boundHost.toLowerCase()));
  if (boundHost === "0.0.0.0" || boundHost === "::") {
    for (const list of Object.values(networkInterfaces())) {
      for (const address of list ?? []) hosts.add(bracketed(address.address.toLowerCase()));
    }
  }
  return hosts;
}

/**
 * True when the Host header names this server. A page on another site that rebinds its
 * DNS name to 127.0.0.1 still sends its own name here, so it is refused (DNS rebinding).
 */
export function isAllowedHost(hostHeader: string | undefined, allowed: ReadonlySet<string>): boolean {
  if (hostHeader === undefined) return false;
  const host = stripPort(hostHeader.trim().toLowerCase());
  if (host === undefined) return false;
  return allowed.has(host) || host.endsWith(".localhost");
}

/** `example.com:4000` → `example.com`, `[::1]:4000` → `[::1]`; undefined for a malformed header. */
function stripPort(host: string): string | undefined {
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/.exec(host);
  return match?.[1];
}

/** IPv6 addresses appear in Host headers in brackets. */
const bracketed = (host: string): string => (host.includes(":") && !host.startsWith("[") ? `[${host}]` : host);

/** True for hosts that only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  return host === "localhost" || host === "::1" || host === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(host);
}
