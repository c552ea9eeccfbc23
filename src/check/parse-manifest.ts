import type { Manifest } from "../generations/manifest.js";

/** A manifest read from its JSON text, or why it cannot be used. */
export type ParsedManifest = { readonly manifest: Manifest } | { readonly problem: string };

/**
 * Parses `daylight-manifest.json`, checking the parts that check and deploy rely on:
 * version 1, an absolute `baseUrl`, and `files` with a hex hash, a size and a cache class each.
 */
export function parseManifest(text: string): ParsedManifest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { problem: `it is not valid JSON (${(e as Error).message})` };
  }
  if (!isRecord(value)) return { problem: "it is not a JSON object" };
  if (value.version !== 1) return { problem: `its version is ${JSON.stringify(value.version)}, not 1` };
  if (typeof value.baseUrl !== "string" || !/^https?:\/\//i.test(value.baseUrl)) {
    return { problem: "its baseUrl is not an absolute http(s) URL" };
  }
  if (!isRecord(value.files)) return { problem: "it has no files object" };
  for (const [path, file] of Object.entries(value.files)) {
    const fault = fileFault(file);
    if (fault) return { problem: `its entry for ${JSON.stringify(path)} ${fault}` };
  }
  const generations = Array.isArray(value.generations) ? value.generations : [];
  const urls = isRecord(value.urls) ? value.urls : {};
  return { manifest: { ...value, generations, urls } as unknown as Manifest };
}

function fileFault(file: unknown): string | undefined {
  if (!isRecord(file)) return "is not an object";
  if (typeof file.hash !== "string" || !/^[0-9a-f]{16}$/.test(file.hash)) return "has no 16-character hex hash";
  if (typeof file.size !== "number" || !Number.isInteger(file.size) || file.size < 0) return "has no size";
  if (file.cache !== "immutable" && file.cache !== "revalidate") return "has no cache class";
  return undefined;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
