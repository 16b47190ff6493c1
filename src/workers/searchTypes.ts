/** What the search worker reports while it scans a project's titles and texts. */
export interface SearchUpdate {
  /** Ids found since the previous update. */
  found: string[];
  /** Texts scanned so far, of `total`. */
  scanned: number;
  total: number;
  done: boolean;
}
