import type { ThemeRegistrationAny } from "shiki";

/**
 * One Shiki theme that carries two: each rule's foreground names the light and the dark
 * colour at once. Shiki's two-theme mode tokenizes every block once per theme, and the
 * grammar's regexes are most of a block's cost; github-light and github-dark share their
 * rules (same scopes, same order, only the colours differ), so one pass with this theme
 * yields both colours for every token, half the work for the same output.
 *
 * A foreground that does not start with "#" is kept by Shiki as an opaque value and given
 * back on the token as written, which is what lets a pair travel through the tokenizer.
 */
export const PAIRED_THEME_NAME = "daylight-paired";

const PREFIX = "pair:";

/** A token's light and dark colours. */
export interface ColorPair {
  readonly light: string;
  readonly dark: string;
}

/** The theme pairing `light` and `dark`, which must have the same rules apart from colours. */
export function pairedCodeTheme(light: ThemeRegistrationAny, dark: ThemeRegistrationAny): ThemeRegistrationAny {
  const lightRules = light.tokenColors ?? light.settings ?? [];
  const darkRules = dark.tokenColors ?? dark.settings ?? [];
  if (lightRules.length !== darkRules.length) throw new Error(`${light.name} and ${dark.name} have different rules`);
  const tokenColors = lightRules.map((rule, i) => {
    const other = darkRules[i];
    if (JSON.stringify(rule.scope) !== JSON.stringify(other?.scope)) {
      throw new Error(`${light.name} and ${dark.name} differ at rule ${i}: they cannot share one tokenization`);
    }
    const { foreground } = rule.settings;
    const darkForeground = other?.settings.foreground;
    if ((foreground === undefined) !== (darkForeground === undefined)) {
      throw new Error(`${light.name} and ${dark.name} differ at rule ${i}: only one of them sets a colour`);
    }
    return foreground === undefined || darkForeground === undefined
      ? rule
      : { ...rule, settings: { ...rule.settings, foreground: encodePair({ light: foreground, dark: darkForeground }) } };
  });
  return {
    name: PAIRED_THEME_NAME,
    type: "light",
    colors: light.colors,
    fg: encodePair(editorColors(light, dark, "editor.foreground")),
    bg: light.colors?.["editor.background"] ?? "#fff",
    tokenColors,
  };
}

/** The two colours of a token tokenized with the paired theme, or undefined for any other value. */
export function decodePair(value: string | undefined): ColorPair | undefined {
  if (!value?.startsWith(PREFIX)) return undefined;
  const [light, dark] = value.slice(PREFIX.length).split("|");
  return light && dark ? { light, dark } : undefined;
}

/** The editor colour `key` of both themes (e.g. the background of a code block). */
export function editorColors(light: ThemeRegistrationAny, dark: ThemeRegistrationAny, key: string): ColorPair {
  const pick = (theme: ThemeRegistrationAny) => {
    const value = theme.colors?.[key];
    if (value === undefined) throw new Error(`${theme.name} has no ${key}`);
    return value;
  };
  return { light: pick(light), dark: pick(dark) };
}

function encodePair({ light, dark }: ColorPair): string {
  return `${PREFIX}${light}|${dark}`;
}
