import { readdirSync } from "node:fs";
import { join } from "node:path";

/** Every non-folder entry under `root`, as POSIX paths relative to it; empty when `root` is missing. */
export function listFiles(root: string, prefix = ""): string[] {
  let entries;
  try {
    entries = readdirSync(join(root, prefix), { withFileTypes: true });
  } catch (error) {
    if (prefix === "" && (error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const found: string[] = [];
  for (const entry of entries) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) found.push(...listFiles(root, path));
    else found.push(path);
  }
  return found;
}
