/**
 * Every term's postings (`[doc, section, weight, …]`, docs as distances) as the index is
 * made page by page, packed in bytes: each number a varint, each term's list a chain of
 * blocks in 1 MiB pages shared by all terms. As JS arrays of numbers, the 4,000-post
 * bench's 2.7 million postings took about 65 MB (eight bytes a number, plus the arrays'
 * spare room); as bytes, about a tenth of that.
 */
export interface PostingsArena {
  /** Appends a posting of `term`; docs must not decrease for a term. */
  add(term: string, doc: number, section: number, weight: number): void;
  /** Every term met, in no particular order. */
  terms(): IterableIterator<string>;
  /** The term's list as the index writes it: each doc as its distance from the previous one. */
  list(term: string): number[];
}

const pageBits = 20;
const pageSize = 2 ** pageBits;
const firstBlock = 8;
const largestBlock = 4096;
/** Each block ends with the address of the next one, in four bytes (so addresses stay below 2^32). */
const link = 4;

/** An empty arena. */
export function createPostingsArena(): PostingsArena {
  const pages: Uint8Array[] = [];
  let top = pageSize; // where the next block goes; pageSize: a new page is needed
  const ids = new Map<string, number>();
  // Per term: where its list starts, where its next byte goes, where its current block ends, that block's size, bytes written, last doc.
  let start = new Uint32Array(1024), at = new Uint32Array(1024), end = new Uint32Array(1024);
  let size = new Uint32Array(1024), length = new Uint32Array(1024), lastDoc = new Float64Array(1024);

  const allocate = (bytes: number): number => {
    if (top + bytes > pageSize) {
      pages.push(new Uint8Array(pageSize));
      top = 0;
    }
    const address = (pages.length - 1) * pageSize + top;
    top += bytes;
    return address;
  };
  const page = (address: number) => pages[address >>> pageBits] as Uint8Array;
  const offset = (address: number) => address & (pageSize - 1);
  const readLink = (address: number): number => {
    const bytes = page(address);
    const o = offset(address);
    return (bytes[o] ?? 0) + (bytes[o + 1] ?? 0) * 2 ** 8 + (bytes[o + 2] ?? 0) * 2 ** 16 + (bytes[o + 3] ?? 0) * 2 ** 24;
  };
  /** The next block of term `t`, twice the size of its full one (up to largestBlock), named in that one's link. */
  const grow = (t: number) => {
    const grown = Math.min(2 * (size[t] ?? 0), largestBlock);
    const next = allocate(grown + link);
    const bytes = page(end[t] ?? 0);
    const o = offset(end[t] ?? 0);
    for (let i = 0, value = next; i < link; i++, value = Math.floor(value / 256)) bytes[o + i] = value % 256;
    at[t] = next;
    end[t] = next + grown;
    size[t] = grown;
  };
  const newTerm = (term: string): number => {
    const t = ids.size;
    ids.set(term, t);
    if (t === start.length) {
      const grown = 2 * t;
      [start, at, end] = [doubled(start, new Uint32Array(grown)), doubled(at, new Uint32Array(grown)), doubled(end, new Uint32Array(grown))];
      [size, length, lastDoc] = [doubled(size, new Uint32Array(grown)), doubled(length, new Uint32Array(grown)), doubled(lastDoc, new Float64Array(grown))];
    }
    const first = allocate(firstBlock + link);
    [start[t], at[t], end[t], size[t], length[t], lastDoc[t]] = [first, first, first + firstBlock, firstBlock, 0, 0];
    return t;
  };
  /** Appends `value` to term `t`'s list as a varint: seven bits a byte, the last byte below 128. */
  const put = (t: number, value: number) => {
    let address = at[t] ?? 0;
    let bytes = page(address);
    let rest = value;
    for (let written = 1; ; written++) {
      if (address === end[t]) {
        grow(t);
        address = at[t] ?? 0;
        bytes = page(address);
      }
      bytes[address & (pageSize - 1)] = rest < 128 ? rest : 128 + (rest % 128);
      address++;
      if (rest < 128) {
        at[t] = address;
        length[t] = (length[t] ?? 0) + written;
        return;
      }
      rest = rest < 2 ** 31 ? rest >>> 7 : Math.floor(rest / 128);
    }
  };

  return {
    add(term, doc, section, weight) {
      const t = ids.get(term) ?? newTerm(term);
      put(t, doc - (lastDoc[t] ?? 0));
      lastDoc[t] = doc;
      put(t, section);
      put(t, weight);
    },
    terms: () => ids.keys(),
    list(term) {
      const t = ids.get(term);
      if (t === undefined) return [];
      const out: number[] = [];
      let address = start[t] ?? 0;
      let bytes = page(address);
      let blockSize = firstBlock;
      let blockEnd = address + blockSize;
      let value = 0;
      let shift = 0;
      for (let left = length[t] ?? 0; left > 0; left--) {
        if (address === blockEnd) {
          address = readLink(blockEnd);
          bytes = page(address);
          blockSize = Math.min(2 * blockSize, largestBlock);
          blockEnd = address + blockSize;
        }
        const byte = bytes[address & (pageSize - 1)] ?? 0;
        address++;
        // Small integers, as bits while they fit 28 (the array stays one of small integers, which JSON.stringify writes fastest).
        value = shift <= 21 ? value | ((byte & 127) << shift) : value + (byte & 127) * 2 ** shift;
        if (byte < 128) {
          out.push(value);
          value = 0;
          shift = 0;
        } else shift += 7;
      }
      return out;
    },
  };
}

/** `grown` holding `array`'s values at its start. */
function doubled<A extends Uint32Array | Float64Array>(array: A, grown: A): A {
  grown.set(array);
  return grown;
}
