import type { Liquid } from "liquidjs";
import { zoneOffsetMs } from "../content/dates.js";
import { loadLiquid } from "./load-liquid.js";

type DateFilter = (this: unknown, value: unknown, format?: unknown, timezoneOffset?: unknown) => unknown;

/**
 * Registers LiquidJS's `date` filter for the site's time zone and language, with the same
 * output but without its cost on a large site. As shipped, it makes a new
 * Intl.DateTimeFormat for every month or weekday name it prints (`%B`, `%b`, `%A`, `%a`) and
 * formats each date twice more to learn the zone's offset. Those are ICU objects whose
 * memory V8 does not see, so they pile up between collections: 100,000 of them held 1.4 GB,
 * and a 4,000-post site prints more dates than that. Here the names come from formatters
 * made once, the offset is worked out by one cached formatter and handed over in minutes,
 * and the builtin does the rest. Values other than dates, an explicit zone argument, and
 * names with flags (`%^B`) go to the builtin as they are.
 */
export function registerDateFilter(liquid: Liquid, { timezone, language, now }: { timezone: string; language: string; now: Date }): void {
  const names = nameFormatters(timezone, language);
  const { filters, toValue } = loadLiquid();
  const builtinDate = filters["date"] as DateFilter;
  liquid.registerFilter("date", function (this: { context: { opts: { dateFormat: string } } }, value: unknown, format?: unknown, zone?: unknown) {
    // LiquidJS reads the machine's clock for "now" and "today": a page would depend on the
    // moment it was rendered. The build's own "now" (SOURCE_DATE_EPOCH when set) is used.
    if (isClockWord(toValue(value))) value = now;
    const date = toValue(value);
    if (zone !== undefined || !(date instanceof Date) || Number.isNaN(date.getTime())) {
      return builtinDate.call(this, value, format, zone);
    }
    const given = toValue(format);
    const pattern = given === undefined || given === null ? this.context.opts.dateFormat : String(given);
    const offsetMinutes = -zoneOffsetMs(date.getTime(), timezone) / 60_000;
    return builtinDate.call(this, date, spellNames(pattern, date, names, timezone), offsetMinutes);
  });
}

type NameConversion = "A" | "a" | "B" | "b";

function nameFormatters(timeZone: string, locale: string): Record<NameConversion, Intl.DateTimeFormat> {
  const make = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, { ...options, timeZone });
  return { A: make({ weekday: "long" }), a: make({ weekday: "short" }), B: make({ month: "long" }), b: make({ month: "short" }) };
}

// A conversion as LiquidJS's strftime reads one: flags, width, modifier, conversion character.
const CONVERSION = /%([-_0^#:]*)(\d*)([EO]?)(.)/g;

/** `pattern` with its plain name conversions (and `%Z`, the zone's name) spelled out. */
function spellNames(pattern: string, date: Date, names: Record<NameConversion, Intl.DateTimeFormat>, timezone: string): string {
  return pattern.replace(CONVERSION, (whole, flags: string, width: string, modifier: string, conversion: string) => {
    if (flags !== "" || width !== "" || modifier !== "") return whole;
    if (conversion === "Z") return literal(timezone);
    const formatter = names[conversion as NameConversion] as Intl.DateTimeFormat | undefined;
    return formatter ? literal(formatter.format(date)) : whole;
  });
}

const literal = (text: string): string => text.replaceAll("%", "%%");

const isClockWord = (value: unknown): boolean => typeof value === "string" && /^\s*(?:now|today)\s*$/i.test(value);
