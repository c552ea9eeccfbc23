/**
 * The pathological inputs of cmark's test suite (test/pathological_tests.py), at its sizes:
 * markdown made to drive a parser into quadratic (or worse) time or deep recursion. Written
 * from the list of cases, each input generated here: repeats, nestings and ranges.
 */

const times = (text, n) => text.repeat(n);
const range = (from, to, line) => Array.from({ length: to - from }, (_, i) => line(from + i)).join("");

/** Every case as `{ name, markdown }`, in cmark's order. */
export function pathologicalCases() {
  return [
    ["nested strong emph", times("*a **a ", 65000) + "b" + times(" a** a*", 65000)],
    ["many emph closers with no openers", times("a_ ", 65000)],
    ["many emph openers with no closers", times("_a ", 65000)],
    ["many link closers with no openers", times("a]", 65000)],
    ["many link openers with no closers", times("[a", 65000)],
    ["mismatched openers and closers", times("*a_ ", 50000)],
    ["openers and closers multiple of 3", "a**b" + times("c* ", 50000)],
    ["link openers and emph closers", times("[ a_", 50000)],
    ["hard link/emph case", "**x [a*b**c*](d)"],
    ["nested brackets", times("[", 50000) + "a" + times("]", 50000)],
    ["nested block quotes", times("> ", 50000) + "a"],
    ["deeply nested lists", range(0, 1000, (x) => `${"  ".repeat(x)}* a\n`)],
    ["U+0000 in input", "abc\u0000de\u0000"],
    ["backticks", range(1, 10000, (x) => `e${"`".repeat(x)}`)],
    ["unclosed links A", times("[a](<b", 50000)],
    ["unclosed links B", times("[a](b", 50000)],
    ["many references", range(1, 50000 * 16, (x) => `[${x}]: u\n`) + times("[0] ", 50000)],
  ].map(([name, markdown]) => ({ name, markdown }));
}

const links = (n, shape) => Array.from({ length: n }, (_, i) => shape(`[link ${i}](https://example.org/page/${i})`, i)).join("");

/**
 * One post of 100,000 links in each common shape: daylight parses such a post in pieces and
 * must build it under 1 GB (its peak is the table's last column), whatever the shape.
 */
export function hugePostCases() {
  const n = 100000;
  return [
    ["100,000 links, one per line", links(n, (l) => `${l}\n`)],
    ["100,000 links, one per paragraph", links(n, (l) => `${l}\n\n`)],
    ["100,000 links, a tight list", links(n, (l) => `- ${l}\n`)],
    ["100,000 links, a loose list", links(n, (l) => `- ${l}\n\n`)],
    ["100,000 links, 20 a line", links(n, (l, i) => l + (i % 20 === 19 ? "\n" : " "))],
    ["100,000 links, all on one line", links(n, (l) => `${l} `)],
  ].map(([name, markdown]) => ({ name, markdown }));
}
