/** Whether `offset` lies in one of `ranges` ([start, end) pairs in document order, not overlapping). */
export function insideRanges(offset: number, ranges: ReadonlyArray<readonly [number, number]>): boolean {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const [start, end] = ranges[mid] ?? [0, 0];
    if (offset < start) high = mid - 1;
    else if (offset >= end) low = mid + 1;
    else return true;
  }
  return false;
}

/** Whether a node was written as raw HTML (its start lies in one of the raw ranges). */
export function fromRawHtml(node: { position?: { start: { offset?: number | undefined } } | undefined }, ranges: ReadonlyArray<readonly [number, number]>): boolean {
  const offset = node.position?.start.offset;
  return offset !== undefined && ranges.length > 0 && insideRanges(offset, ranges);
}
