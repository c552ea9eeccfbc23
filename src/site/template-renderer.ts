import type { Liquid, Template } from "liquidjs";
import { error, type Diagnostic } from "../diagnostics.js";
import type { SiteConfig } from "../config/site-config.js";
import type { Theme, ThemeTemplate } from "./read-theme.js";
import { createThemeFs, themeRoot } from "./theme-fs.js";
import { toTemplateDiagnostic } from "./template-error.js";
import { registerDateFilter } from "./date-filter.js";
import { loadLiquid } from "./load-liquid.js";

/** The outcome of rendering one template: the HTML, or the diagnostics that stopped it. */
export interface RenderResult {
  readonly html: string | undefined;
  readonly diagnostics: Diagnostic[];
}

/** Renders the theme's templates by name (`post` or `post.liquid`) with the given data. */
export interface TemplateRenderer {
  render(name: string, data: object): RenderResult;
  /** The page's key, when the renderer is the page cache's (cache/page-cache.ts): what the last build's pages are matched by. */
  keyOf?(name: string, data: object): string | undefined;
}

const extname = ".liquid";

/**
 * A LiquidJS renderer over the theme held in memory. Every output is HTML-escaped unless a
 * template says `| raw`; unknown variables and filters are errors, not silent blanks.
 * Each template is parsed once, on first use; layouts and partials are cached by LiquidJS.
 * `now` is the build's "now": what `"now" | date` prints. LiquidJS itself is loaded on the
 * first render: a build whose pages all come from the page cache never loads it.
 */
export function createTemplateRenderer(theme: Theme, config: SiteConfig, now: Date): TemplateRenderer {
  let made: { liquid: Liquid; filterNames: string[] } | undefined;
  const engine = () => {
    if (made) return made;
    const liquid = createLiquid(theme, config, now);
    liquid.registerFilter("asset_url", (name: unknown) => assetUrl(theme, config, name));
    return (made = { liquid, filterNames: Object.keys(liquid.filters) });
  };
  const themeData = toThemeData(theme, config);
  const parsed = new Map<string, Template[] | Diagnostic>();

  const parse = (template: ThemeTemplate): Template[] | Diagnostic => {
    let result = parsed.get(template.name);
    if (result === undefined) {
      const { liquid, filterNames } = engine();
      try {
        result = liquid.parseFileSync(template.name);
      } catch (thrown) {
        result = toTemplateDiagnostic(thrown, { theme, rendered: template, filterNames });
      }
      parsed.set(template.name, result);
    }
    return result;
  };

  return {
    render(name, data) {
      const fileName = name.endsWith(extname) ? name : `${name}${extname}`;
      const template = theme.templates.get(fileName);
      if (template === undefined) return missingTemplate(fileName);
      const templates = parse(template);
      if (!Array.isArray(templates)) return { html: undefined, diagnostics: [templates] };
      const { liquid, filterNames } = engine();
      try {
        // As globals too, so that partials pulled in with {% render %} see site, page and post.
        const html: unknown = liquid.renderSync(templates, data, { globals: { ...data, theme: themeData } });
        return { html: String(html), diagnostics: [] };
      } catch (thrown) {
        return { html: undefined, diagnostics: [toTemplateDiagnostic(thrown, { theme, rendered: template, filterNames })] };
      }
    },
  };
}

function createLiquid(theme: Theme, config: SiteConfig, now: Date): Liquid {
  const { Liquid } = loadLiquid();
  const liquid = new Liquid({
    fs: createThemeFs(theme),
    root: [themeRoot],
    extname,
    relativeReference: false,
    cache: true,
    outputEscape: "escape",
    strictVariables: true,
    lenientIf: true,
    strictFilters: true,
    timezoneOffset: config.timezone,
    // Month and day names follow the site's language, never the build machine's locale.
    locale: config.language,
  });
  liquid.registerFilter("absolute_url", (value: unknown) => absoluteUrl(value, config.url));
  liquid.registerFilter("url", (value: unknown) => siteUrl(value, config.basePath));
  liquid.registerFilter("date_iso", dateIso);
  registerDateFilter(liquid, { ...config, now });
  return liquid;
}

/** `theme`: what templates need to know about the theme itself. */
export interface ThemeData {
  /** URL of the site's own `templates/assets/custom.css` (hashed, base path included); null without one. */
  readonly customCss: string | null;
}

/** The site's override stylesheet: the one theme file the built-in theme does not have. */
const customCssName = "assets/custom.css";

function toThemeData(theme: Theme, config: SiteConfig): ThemeData {
  const custom = theme.assets.get(customCssName);
  return { customCss: custom === undefined ? null : config.basePath + custom.outputPath };
}

/**
 * `{{ "/images/logo.png" | url }}` → `/blog/images/logo.png`: a path from the site root (a
 * file of public/), with the base path in front, as Eleventy's `url` filter does. A URL with
 * a scheme, a protocol-relative, fragment, query or `./` URL stays as written, and so does a
 * path that already starts with the base path: the URLs in the data (`post.url`) have it.
 */
export function siteUrl(value: unknown, basePath: string): string {
  if (value === null || value === undefined) throw new Error(`url expects a path from the site root, got ${String(value)}`);
  const text = String(value);
  if (/^(?:[a-z][a-z0-9+.-]*:|\/\/|[#?]|\.\.?(?:\/|$))/i.test(text)) return text;
  if (basePath !== "/" && text.startsWith(basePath)) return text;
  return basePath + text.replace(/^\/+/, "");
}

/** `{{ post.url | absolute_url }}`: against the site URL when there is one, else unchanged. */
function absoluteUrl(value: unknown, siteUrl: string | undefined): string {
  const text = value === null || value === undefined ? "" : String(value);
  if (siteUrl === undefined) return text;
  try {
    return new URL(text, siteUrl).href;
  } catch {
    return text;
  }
}

/**
 * `{{ "style.css" | asset_url }}`: the URL of a theme asset under its content-hashed name,
 * base path included. An unknown name is an error, reported where the template uses it.
 */
function assetUrl(theme: Theme, config: SiteConfig, name: unknown): string {
  const wanted = `assets/${String(name).replace(/^\/?(assets\/)?/, "")}`;
  const asset = theme.assets.get(wanted);
  if (asset === undefined) {
    const known = [...theme.assets.keys()].map((key) => key.slice("assets/".length)).join(", ");
    throw new Error(`asset_url: the theme has no asset "${String(name)}" (it has: ${known || "none"})`);
  }
  return config.basePath + asset.outputPath;
}

/** `{{ post.published | date_iso }}`: ISO 8601 in UTC, as `<time datetime>` and feeds want it. */
function dateIso(value: unknown): string {
  const date = value instanceof Date ? value : new Date(String(value));
  if (Number.isNaN(date.getTime())) throw new Error(`date_iso expects a date, got ${JSON.stringify(value)}`);
  return date.toISOString();
}

function missingTemplate(fileName: string): RenderResult {
  return {
    html: undefined,
    diagnostics: [
      error("template-error", `template "${fileName}" not found`, `templates/${fileName}`, undefined,
        `create templates/${fileName}, or remove the site's copy of the theme to use the built-in one`),
    ],
  };
}
