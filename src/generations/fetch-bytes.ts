/** Limits for reading from a live site: a slow or huge answer must not stall or swamp a build. */
export interface FetchLimits {
  readonly timeoutMs: number;
  readonly maxBytes: number;
}

/** What a GET gave: the body, a 404 (nothing there), or why it failed. */
export type FetchResult =
  | { readonly kind: "ok"; readonly bytes: Uint8Array }
  | { readonly kind: "missing" }
  | { readonly kind: "failed"; readonly reason: string };

/** GETs an http(s) URL with a timeout and a size cap, reading the body as a stream. */
export async function fetchBytes(url: URL, limits: FetchLimits): Promise<FetchResult> {
  if (url.protocol !== "http:" && url.protocol !== "https:") return { kind: "failed", reason: `${url.protocol} is not http or https` };
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(limits.timeoutMs), redirect: "follow" });
    if (response.status === 404 || response.status === 410) {
      await response.body?.cancel();
      return { kind: "missing" };
    }
    if (!response.ok) {
      await response.body?.cancel();
      return { kind: "failed", reason: `the server answered ${response.status}` };
    }
    return await readCapped(response, limits.maxBytes);
  } catch (error) {
    const name = (error as Error).name;
    const reason = name === "TimeoutError" ? `no answer within ${limits.timeoutMs / 1000} s` : describeFetchError(error);
    return { kind: "failed", reason };
  }
}

async function readCapped(response: Response, maxBytes: number): Promise<FetchResult> {
  const declared = Number(response.headers.get("content-length") ?? "0");
  if (declared > maxBytes) {
    await response.body?.cancel();
    return { kind: "failed", reason: `it is larger than ${maxBytes} bytes` };
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (response.body) {
    for await (const chunk of response.body) {
      total += chunk.byteLength;
      if (total > maxBytes) return { kind: "failed", reason: `it is larger than ${maxBytes} bytes` };
      chunks.push(chunk);
    }
  }
  return { kind: "ok", bytes: Buffer.concat(chunks) };
}

function describeFetchError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}
