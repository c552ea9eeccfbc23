import { error, type Diagnostic } from "../diagnostics.js";
import type { HeaderFormat } from "../model.js";
import type { RawField } from "./raw-fields.js";

/** Where field readers report to. */
export interface FieldSink {
  readonly file: string;
  readonly diagnostics: Diagnostic[];
  /** The header's format, for hints written in its syntax (`key = "…"` in TOML). */
  readonly format?: HeaderFormat;
}

const isToml = (sink: FieldSink): boolean => sink.format === "toml";

const at = (field: RawField) => ({ line: field.line, column: field.column });

/** Reports `invalid-field` at the field's value, naming the key as the user wrote it. */
export function invalidField(sink: FieldSink, name: string, field: RawField, why: string, hint: string): void {
  sink.diagnostics.push(error("invalid-field", `\`${field.key || name}\` ${why}`, sink.file, at(field), hint));
}

/**
 * A field that must be one piece of text; undefined when absent or empty. YAML numbers and
 * booleans are read back as written (`10:30`, not 630).
 */
export function readText(sink: FieldSink, name: string, field: RawField | undefined): string | undefined {
  if (field === undefined || field.value === null || field.value === undefined) return undefined;
  const { value } = field;
  if (typeof value === "string") return value.trim() || undefined;
  if ((typeof value === "number" || typeof value === "boolean") && field.raw !== undefined) return field.raw;
  if (typeof value === "boolean") return String(value);
  const what = typeof value === "number" ? "was read as a number" : "must be a single piece of text";
  invalidField(sink, name, field, what, `write it in quotes: ${field.key || name}${isToml(sink) ? " =" : ":"} "…"`);
  return undefined;
}

/** A list field: a YAML list or comma-separated text; trimmed, empties dropped. */
export function readList(sink: FieldSink, name: string, field: RawField | undefined): string[] {
  if (field === undefined || field.value === null || field.value === undefined) return [];
  const { value } = field;
  const items = Array.isArray(value) ? value : typeof value === "string" ? value.split(",") : [field.raw ?? value];
  const texts: string[] = [];
  for (const item of items) {
    if (typeof item === "string" || typeof item === "number" || typeof item === "boolean") {
      const text = String(item).trim();
      if (text !== "") texts.push(text);
    } else if (item !== null && item !== undefined) {
      invalidField(sink, name, field, "must be a list of text items", isToml(sink)
        ? `write \`${field.key || name} = ["a", "b"]\`` : `write \`${field.key || name}: a, b\` or one \`- item\` per line`);
      return [];
    }
  }
  return texts;
}

/** `true`/`false`/`yes`/`no` (any case); undefined when absent, reported when anything else. */
export function readBoolean(sink: FieldSink, name: string, field: RawField | undefined): boolean | undefined {
  if (field === undefined || field.value === null || field.value === undefined) return undefined;
  if (typeof field.value === "boolean") return field.value;
  const text = typeof field.value === "string" ? field.value.trim().toLowerCase() : "";
  if (typeof field.value === "string" && text === "") return undefined;
  if (text === "true" || text === "yes") return true;
  if (text === "false" || text === "no") return false;
  invalidField(sink, name, field, `must be true or false, not \`${field.raw ?? String(field.value)}\``,
    `write \`${field.key || name}${isToml(sink) ? " =" : ":"} true\` or \`${field.key || name}${isToml(sink) ? " =" : ":"} false\``);
  return undefined;
}
