import path from "node:path";

/**
 * True for the files editors and operating systems write beside the real ones: swap and
 * backup files (`.x.swp`, `x~`, `x.tmp`, Vim's `4913` probe), Emacs locks and autosaves
 * (`.#x`, `#x#`) and `.DS_Store`. Changes to them never start a rebuild.
 */
export function isEditorLitter(file: string): boolean {
  const name = path.basename(file);
  return (
    /\.(swp|swx|swo|tmp|bak)$/i.test(name) ||
    name.endsWith("~") ||
    name === "4913" ||
    name.startsWith(".#") ||
    (name.startsWith("#") && name.endsWith("#")) ||
    name === ".DS_Store"
  );
}
