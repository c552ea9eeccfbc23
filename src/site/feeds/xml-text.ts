// C0 controls other than tab, LF and CR; U+FFFE/U+FFFF; with the `u` flag the surrogate
// range matches only lone surrogates, never the halves of a real pair.
const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/gu;

/**
 * Text made fit for XML: the characters XML 1.0 cannot hold at all (even escaped) removed,
 * tabs and newlines kept, line ends as LF (what every XML parser turns CR LF into anyway).
 */
export const toXmlText = (text: string): string => text.replace(forbidden, "").replace(/\r\n?/g, "\n");

/**
 * `toXmlText` with every `&` written as `&amp;`, for xmlbuilder2's `txt()` and attributes:
 * its serialiser leaves anything that looks like an entity (`&amp;`, `&lt;`) as it is, so a
 * post title "Tom &amp; Jerry" or escaped code in HTML would lose a level of escaping.
 * Pre-escaping the ampersands makes the output exact; `<`, `>` and `"` it escapes itself.
 */
export const toXmlbuilderText = (text: string): string => toXmlText(text).replace(/&/g, "&amp;");
