import { readFile } from "node:fs/promises";
import path from "node:path";
import { configFileName } from "./resolve-config.js";

/** The text of `<root>/site.config.json`, or undefined when the site has none. */
export async function readConfigText(root: string): Promise<string | undefined> {
  try {
    return await readFile(path.join(root, configFileName), "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw e;
  }
}
