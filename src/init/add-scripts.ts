/** Adding daylight's scripts to a package.json that npm (or its owner) wrote, losing nothing. */

/** The new text, and which scripts were added, already there, or kept because the owner's differ. */
export interface ScriptsMerge {
  /** Undefined when nothing changes. */
  readonly text: string | undefined;
  readonly added: readonly string[];
  /** Scripts whose name is taken by a different command: the owner's command stays. */
  readonly kept: readonly { readonly name: string; readonly command: string }[];
}

/**
 * Adds `scripts` to the package.json `text`. Every other field keeps its value and place
 * (JSON.parse keeps key order; npm's package.json has no integer-like keys), the indent
 * and the final newline are the file's own. A script the owner already has is never
 * replaced: the same command is left alone, a different one is reported as kept.
 * Returns a string when the text is not a JSON object.
 */
export function addScripts(text: string, scripts: Readonly<Record<string, string>>): ScriptsMerge | string {
  let pkg: unknown;
  try {
    pkg = JSON.parse(text);
  } catch (e) {
    return `it is not valid JSON (${(e as Error).message})`;
  }
  if (pkg === null || typeof pkg !== "object" || Array.isArray(pkg)) return "it is not a JSON object";
  const fields = pkg as Record<string, unknown>;
  const existing = fields.scripts ?? {};
  if (existing === null || typeof existing !== "object" || Array.isArray(existing)) return `its "scripts" is not an object`;
  const merged: Record<string, unknown> = { ...(existing as Record<string, unknown>) };
  const added: string[] = [];
  const kept: { name: string; command: string }[] = [];
  for (const [name, command] of Object.entries(scripts)) {
    if (!Object.hasOwn(merged, name)) {
      merged[name] = command;
      added.push(name);
    } else if (merged[name] !== command) kept.push({ name, command: String(merged[name]) });
  }
  if (added.length === 0) return { text: undefined, added, kept };
  fields.scripts = merged;
  const newline = text.includes("\r\n") ? "\r\n" : "\n";
  const json = JSON.stringify(fields, null, indentOf(text)).replace(/\n/g, newline);
  return { text: /\r?\n\s*$/.test(text) ? json + newline : json, added, kept };
}

/** The indent of the first indented line (npm writes two spaces), or two spaces. */
function indentOf(text: string): string | number {
  const match = /\n([ \t]+)"/.exec(text);
  return match?.[1] ?? 2;
}
