// The rows of the page's tables, as j/k, Enter, x and e reach them. The data table marks each row
// (`data-table-row`, focusable with tabIndex -1): the highlighted row is the one with the focus, so a
// screen reader reads it and the browser shows its focus ring.

const ROW = "main [data-table-row]";
const EDIT_DRAFT = 'a[href^="/follow-up/quotations-shipments/drafts/"][href$="/edit"]';

function rows(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>(ROW)];
}

/** The highlighted row: the one holding the focus, itself or within. */
function currentRow(): HTMLElement | null {
  const active = document.activeElement;
  return active instanceof HTMLElement ? active.closest<HTMLElement>("[data-table-row]") : null;
}

/** Highlights the next (1) or previous (-1) row, or the first one; scrolled into view. */
export function moveRow(move: 1 | -1): boolean {
  const all = rows();
  if (all.length === 0) return false;
  const index = all.indexOf(currentRow() as HTMLElement);
  const next = index === -1 ? (move === 1 ? 0 : all.length - 1) : Math.min(all.length - 1, Math.max(0, index + move));
  all[next].focus({ preventScroll: true });
  all[next].scrollIntoView({ block: "nearest" });
  return true;
}

/** Enter on a highlighted row (the row itself focused, not a control in it): follows its main link. */
export function openRow(): boolean {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement) || !active.matches("[data-table-row]")) return false;
  const link = active.querySelector<HTMLAnchorElement>("[data-row-link], a[href]");
  link?.click();
  return link !== null;
}

/** Ticks or clears the highlighted row's checkbox, where the table has selection. */
export function toggleRow(): boolean {
  const checkbox = currentRow()?.querySelector<HTMLInputElement>('input[type="checkbox"]');
  if (!checkbox || checkbox.disabled) return false;
  checkbox.click();
  return true;
}

/**
 * Opens Edit Draft: of the highlighted row when it is a draft, else — on a page without table rows,
 * such as a shipment's own page — the page's one Edit Draft link.
 */
export function editDraft(): boolean {
  const row = currentRow();
  const link = row
    ? row.querySelector<HTMLAnchorElement>(EDIT_DRAFT)
    : rows().length === 0
      ? document.querySelector<HTMLAnchorElement>(`main ${EDIT_DRAFT}`)
      : null;
  if (!link) return false;
  link.click();
  return true;
}

/** Puts the focus in the page's table search, its text selected to type over. */
export function focusSearch(): boolean {
  const search = [...document.querySelectorAll<HTMLInputElement>('main input[type="search"]')].find(
    (input) => input.offsetParent !== null,
  );
  if (!search) return false;
  search.focus();
  search.select();
  return true;
}
