import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

/**
 * A test that needs a system package (Chromium, feedparser, xmllint, Java) skips when it is
 * missing, with a message saying what to install; with DAYLIGHT_REQUIRE_SYSTEM_TOOLS set
 * (as .ci/run does), a missing package fails the run instead.
 */
export function systemTool(name: string, available: boolean, install: string): { available: boolean } {
  if (!available) {
    const message = `${name} is not installed (${install}); its tests are skipped`;
    if (process.env.DAYLIGHT_REQUIRE_SYSTEM_TOOLS) throw new Error(`${message}, but DAYLIGHT_REQUIRE_SYSTEM_TOOLS is set`);
    console.warn(`SKIP: ${message}`);
  }
  return { available };
}

const runs = (command: string, args: string[]) => spawnSync(command, args, { stdio: "ignore" }).status === 0;

export const debianPython = "/usr/bin/python3";
export const feedparser = () =>
  systemTool("python3-feedparser", runs(debianPython, ["-c", "import feedparser"]), "apt-get install -y python3-feedparser");
export const java = () => systemTool("java", runs("java", ["-version"]), "a Java 17 runtime");
export const xmllint = () => systemTool("xmllint", runs("xmllint", ["--version"]), "apt-get install -y libxml2-utils");
export const chromiumPath = "/usr/bin/chromium";
export const chromium = () => systemTool("chromium", existsSync(chromiumPath), "apt-get install -y chromium");
