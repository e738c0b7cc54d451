// Below the md breakpoint a table is a list of cards: each row a card, each cell a place in it.
// The table keeps its elements and roles (screen readers still read rows and columns); only the
// classes below change how they are laid out, so desktop and phone render the same markup.
import { cn } from "../ui/cn";
import type { CardPlacement } from "./features";

/** What the card layout needs to know of a column. */
interface CardColumn {
  id: string;
  header: unknown;
  placement?: CardPlacement;
}

/** The column's header as a label for its field in a card, if it is plain text. */
export function cardLabel(column: CardColumn): string | null {
  return typeof column.header === "string" ? column.header : null;
}

/**
 * Where each column goes in the card: the meta's choice, else "select" in the corner, the first
 * other column as the title, a text header as a labelled field, anything else (buttons) as actions.
 */
export function cardPlacements(columns: CardColumn[]): Map<string, CardPlacement | "select"> {
  const placements = new Map<string, CardPlacement | "select">();
  let titled = columns.some((column) => column.placement === "title");
  for (const column of columns) {
    if (column.placement) placements.set(column.id, column.placement);
    else if (column.id === "select") placements.set(column.id, "select");
    else if (!titled) {
      placements.set(column.id, "title");
      titled = true;
    } else placements.set(column.id, cardLabel(column) ? "field" : "actions");
  }
  return placements;
}

export const cardWrapper =
  "max-md:overflow-visible max-md:rounded-none max-md:border-0 max-md:bg-transparent max-md:shadow-none";
export const cardTable = "max-md:block";
// The header stays for screen readers (visually hidden); the cards carry their own labels.
export const cardHead = "max-md:sr-only";
export const cardBody = "max-md:block max-md:space-y-3";
export const cardRow = cn(
  "max-md:relative max-md:grid max-md:grid-cols-2 max-md:gap-x-4 max-md:gap-y-3",
  "max-md:rounded-lg max-md:border max-md:border-slate-200 max-md:bg-white max-md:p-4 max-md:shadow-xs",
);

const cellPlacement: Record<CardPlacement | "select", string> = {
  // The checkbox sits in the card's top right corner, in a target big enough for a thumb.
  select:
    "max-md:absolute max-md:top-1.5 max-md:right-1.5 max-md:flex max-md:size-11 max-md:items-center max-md:justify-center max-md:[&_input]:size-5",
  title: "max-md:col-span-2 max-md:pr-10 max-md:text-base",
  // A field with nothing in it is left out of the card rather than shown as a bare label.
  field: "max-md:[&:has(>[data-card-value]:empty)]:hidden",
  wide: "max-md:col-span-2 max-md:[&:has(>[data-card-value]:empty)]:hidden",
  // Likewise the actions, when the row has none to offer.
  actions:
    "max-md:col-span-2 max-md:border-t max-md:border-slate-100 max-md:pt-3 max-md:[&:not(:has(a,button,input))]:hidden" +
    // A row of buttons wraps inside the card instead of running past its edge.
    " max-md:whitespace-normal max-md:[&_.flex]:flex-wrap",
  hidden: "max-md:hidden",
};

export function cardCell(placement: CardPlacement | "select" | undefined): string {
  // wrap-anywhere: a long unbroken value (an OAuth scope, a tracking number) wraps inside its card.
  return cn(
    "max-md:block max-md:min-w-0 max-md:p-0 max-md:text-left max-md:wrap-anywhere",
    cellPlacement[placement ?? "field"],
  );
}
