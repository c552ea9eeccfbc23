import { Liquid } from "liquidjs";
import { describe, expect, it } from "vitest";
import { registerDateFilter } from "../../src/site/date-filter.js";

const zones = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe"];
const languages = ["en", "fr", "de", "ja"];
const formats = [
  "%-d %B %Y", "%-d %b", "%A, %B %-e, %Y at %-l:%M %P %z", "%a %d %b %Y %H:%M:%S %Z", "%Y-%m-%dT%H:%M:%S%:z",
  "100%% on %B", "%^B %-B %10A", "%j %U %W %u %w", "%c", "%s",
];
// Around the DST changes of both hemispheres, at the end of years, and at odd minutes.
const instants = [
  "2024-03-31T00:59:59Z", "2024-03-31T01:00:00Z", "2024-10-27T00:30:00Z", "2024-10-27T01:30:00Z",
  "2024-11-03T05:59:00Z", "2024-11-03T06:01:00Z", "2023-12-31T23:30:00Z", "2024-04-06T15:15:00Z",
  "1999-02-28T12:34:56Z", "2031-07-04T08:00:00Z",
].map((iso) => new Date(iso));

const now = new Date("2030-05-06T07:08:09Z");

describe("date filter", () => {
  it("prints the build's now for \"now\" and \"today\", never the machine's clock", () => {
    const liquid = new Liquid({ timezoneOffset: "Europe/Berlin", locale: "en" });
    registerDateFilter(liquid, { timezone: "Europe/Berlin", language: "en", now });
    const template = `{{ "now" | date: "%Y-%m-%d %H:%M:%S %z" }}|{{ "today" | date: "%-d %B %Y" }}|{{ " Now " | date: "%Y" }}`;
    expect(liquid.parseAndRenderSync(template)).toBe("2030-05-06 09:08:09 +0200|6 May 2030|2030");
  });

  it("prints what LiquidJS's own prints for the site's zone and language", () => {
    for (const timezone of zones) {
      for (const language of languages) {
        const builtin = new Liquid({ timezoneOffset: timezone, locale: language });
        const ours = new Liquid({ timezoneOffset: timezone, locale: language });
        registerDateFilter(ours, { timezone, language, now });
        for (const format of formats) {
          const template = `{{ d | date: "${format}" }}|{{ d | date }}`;
          for (const d of instants) {
            expect(ours.parseAndRenderSync(template, { d }), `${timezone} ${language} ${format} ${d.toISOString()}`)
              .toBe(builtin.parseAndRenderSync(template, { d }));
          }
        }
      }
    }
  });

  it("leaves other values and an explicit zone to LiquidJS", () => {
    const builtin = new Liquid({ timezoneOffset: "Europe/Berlin", locale: "en" });
    const ours = new Liquid({ timezoneOffset: "Europe/Berlin", locale: "en" });
    registerDateFilter(ours, { timezone: "Europe/Berlin", language: "en", now });
    const template = `{{ s | date: "%B %-d" }}|{{ n | date: "%B %-d" }}|{{ d | date: "%B %-d %H:%M %Z", "Asia/Tokyo" }}|{{ x | date: "%B" }}`;
    const data = { s: "2024-06-01T23:30:00", n: 1_700_000_000, d: new Date("2024-06-01T23:30:00Z"), x: "not a date" };
    expect(ours.parseAndRenderSync(template, data)).toBe(builtin.parseAndRenderSync(template, data));
  });

  it("makes no formatter per date", () => {
    const liquid = new Liquid({ timezoneOffset: "Europe/Berlin", locale: "en" });
    registerDateFilter(liquid, { timezone: "Europe/Berlin", language: "en", now });
    liquid.parseAndRenderSync(`{{ d | date: "%B" }}`, { d: new Date() }); // the formatters made once
    const made = { count: 0 };
    const Original = Intl.DateTimeFormat;
    const counting = function (this: unknown, ...args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
      made.count++;
      return new Original(...args);
    } as unknown as typeof Intl.DateTimeFormat;
    Intl.DateTimeFormat = counting;
    try {
      for (const d of instants) liquid.parseAndRenderSync(`{{ d | date: "%A %-d %B %Y %Z" }}`, { d });
    } finally {
      Intl.DateTimeFormat = Original;
    }
    expect(made.count).toBe(0);
  });
});
