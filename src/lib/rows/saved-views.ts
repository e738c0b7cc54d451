// A saved view as its table's strip shows it; `query` is already parsed by the table's spec.

export interface SavedViewRow {
  id: string;
  name: string;
  query: string;
  pinned: boolean;
}
