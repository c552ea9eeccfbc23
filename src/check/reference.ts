/** A URL found in a file, with the character offset where it starts (for line and column). */
export interface Reference {
  readonly url: string;
  readonly offset: number;
  /** Only absolute `http(s)` URLs count (feeds, sitemaps, `<meta content>`): a guid or an id may be any string. */
  readonly absoluteOnly?: boolean;
}
