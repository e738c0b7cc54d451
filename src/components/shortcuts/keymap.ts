// Every keyboard shortcut of the dashboard, in the groups the "?" list shows. The list and the
// handler read this one table, so a shortcut cannot work without being listed, or the reverse.

export type ShortcutAction =
  | { kind: "go"; href: string; adminOnly?: boolean }
  | { kind: "search" }
  | { kind: "row"; move: 1 | -1 }
  | { kind: "openRow" }
  | { kind: "toggleRow" }
  | { kind: "editDraft" }
  | { kind: "help" };

type ShortcutGroup = "navigation" | "tables" | "general";

export interface Shortcut {
  /** Keys as `event.key` gives them, separated by spaces for a sequence ("g s"). */
  keys: string;
  group: ShortcutGroup;
  /** Its line in the list: a key of `shortcuts.actions`. */
  label:
    | "goShipments"
    | "goDrafts"
    | "goQuotations"
    | "goHistory"
    | "goStores"
    | "goUsers"
    | "goCarrierAccounts"
    | "search"
    | "nextRow"
    | "previousRow"
    | "openRow"
    | "toggleRow"
    | "editDraft"
    | "help"
    | "close";
  /** What the key does; the list-only lines (Enter, Escape) have none: the browser does it. */
  action?: ShortcutAction;
}

export const SHORTCUT_GROUPS: readonly ShortcutGroup[] = ["navigation", "tables", "general"];

const SHORTCUTS: readonly Shortcut[] = [
  { keys: "g s", group: "navigation", label: "goShipments", action: { kind: "go", href: "/shipments" } },
  {
    keys: "g d",
    group: "navigation",
    label: "goDrafts",
    action: { kind: "go", href: "/follow-up/quotations-shipments?tab=drafts" },
  },
  {
    keys: "g q",
    group: "navigation",
    label: "goQuotations",
    action: { kind: "go", href: "/follow-up/quotations-shipments?tab=quotations" },
  },
  { keys: "g h", group: "navigation", label: "goHistory", action: { kind: "go", href: "/sync-runs" } },
  { keys: "g t", group: "navigation", label: "goStores", action: { kind: "go", href: "/stores" } },
  {
    keys: "g c",
    group: "navigation",
    label: "goCarrierAccounts",
    action: { kind: "go", href: "/carrier-accounts", adminOnly: true },
  },
  { keys: "g u", group: "navigation", label: "goUsers", action: { kind: "go", href: "/users", adminOnly: true } },
  { keys: "/", group: "tables", label: "search", action: { kind: "search" } },
  { keys: "j", group: "tables", label: "nextRow", action: { kind: "row", move: 1 } },
  { keys: "k", group: "tables", label: "previousRow", action: { kind: "row", move: -1 } },
  // Enter on a highlighted row: the row has the focus, and the handler follows its main link.
  { keys: "Enter", group: "tables", label: "openRow", action: { kind: "openRow" } },
  { keys: "x", group: "tables", label: "toggleRow", action: { kind: "toggleRow" } },
  { keys: "e", group: "tables", label: "editDraft", action: { kind: "editDraft" } },
  { keys: "?", group: "general", label: "help", action: { kind: "help" } },
  { keys: "Escape", group: "general", label: "close" },
];

/** The shortcuts a user has: the admin pages' only for admins. */
export function shortcutsFor(isAdmin: boolean): Shortcut[] {
  return SHORTCUTS.filter((shortcut) => isAdmin || !(shortcut.action?.kind === "go" && shortcut.action.adminOnly));
}
