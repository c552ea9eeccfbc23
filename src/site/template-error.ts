import type { LiquidError } from "liquidjs";
import { error, type Diagnostic } from "../diagnostics.js";
import { closestMatch } from "../text/closest-match.js";
import type { Theme, ThemeTemplate } from "./read-theme.js";
import { loadLiquid } from "./load-liquid.js";

/** What a template error is measured against: the theme, the template being rendered, the known filters. */
export interface TemplateErrorContext {
  readonly theme: Theme;
  /** The template `render` was asked for; blamed when the error names no file of its own. */
  readonly rendered: ThemeTemplate;
  readonly filterNames: readonly string[];
}

const rule = "template-error";

/** Turns whatever LiquidJS threw into a positioned `template-error` diagnostic (never a stack trace). */
export function toTemplateDiagnostic(thrown: unknown, context: TemplateErrorContext): Diagnostic {
  // LiquidJS is loaded by now: it threw this.
  const { LiquidError } = loadLiquid();
  if (!LiquidError.is(thrown)) {
    const message = thrown instanceof Error ? thrown.message : String(thrown);
    return error(rule, `template error: ${message}`, context.rendered.path, undefined, genericHint);
  }
  const err = innermost(thrown);
  const message = cleanMessage(err.originalError?.message ?? err.message);
  const template = blamedTemplate(err, context);
  const [line, column] = template ? err.token.getPosition() : [];
  const at = line !== undefined && column !== undefined ? { line, column } : undefined;
  return error(rule, `template error: ${message}`, (template ?? context.rendered).path, at, hintFor(message, context));
}

/** A render error around a partial's error: the partial's own position is the useful one. */
function innermost(err: LiquidError): LiquidError {
  const { LiquidError } = loadLiquid();
  let current = err;
  while (current.originalError && LiquidError.is(current.originalError)) current = current.originalError;
  return current;
}

/** LiquidJS appends `, file:…, line:…, col:…` to its messages; the diagnostic carries those separately. */
const cleanMessage = (message: string): string => message.replace(/(, file:.*?)?, line:\d+, col:\d+$/s, "");

/**
 * The template the error's token comes from. Some tokens (undefined variables) carry no file
 * name but do carry the template's text, which identifies it.
 */
function blamedTemplate(err: LiquidError, context: TemplateErrorContext): ThemeTemplate | undefined {
  const token = err.token as LiquidError["token"] | undefined;
  if (!token) return undefined;
  if (token.file) return context.theme.templates.get(token.file.replace(/^\/+/, ""));
  if (token.input === context.rendered.text) return context.rendered;
  return [...context.theme.templates.values()].find((t) => t.text === token.input);
}

const genericHint = "check the Liquid syntax there; docs/templates.md lists the data every template gets";

function hintFor(message: string, context: TemplateErrorContext): string {
  const variable = /^undefined variable: (.+)$/.exec(message)?.[1];
  if (variable !== undefined) {
    return `"${variable}" is not in the data this template gets (docs/templates.md lists it all); ` +
      "fix the name, or guard an optional value with {% if %}";
  }
  const filter = /^undefined filter: (.+)$/.exec(message)?.[1];
  if (filter !== undefined) {
    const near = closestMatch(filter, context.filterNames);
    return near ? `did you mean "${near}"?` : "see https://liquidjs.com/filters/overview.html for the built-in filters";
  }
  const missing = /Failed to lookup "([^"]+)"/.exec(message)?.[1];
  if (missing !== undefined) {
    const names = [...context.theme.templates.keys()].map((n) => n.replace(/\.liquid$/, ""));
    const near = closestMatch(missing.replace(/\.liquid$/, ""), names);
    return near ? `did you mean "${near}"?` : `create templates/${missing.replace(/\.liquid$/, "")}.liquid`;
  }
  return genericHint;
}
