"use client";
// The runs this tab started, shared by every "Sync Orders" button and shown in one progress panel
// above the page's content. The panel follows navigation and reloads (the run ids are kept in
// sessionStorage) as a small pill once the runs end, until it is dismissed: dismissing forgets the
// ids, so it does not come back; a new run shows it again. The "Sync Orders" button lives here too.
import { useRouter } from "next/navigation";
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
  useTransition,
  type ReactNode,
} from "react";
import type { FormAction } from "@/lib/action-result";
import type { RunProgress } from "@/lib/rows/sync-runs";
import { RefreshCcw } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button, type ButtonVariant } from "../ui/button";
import { SyncPanel } from "./sync-panel";

interface SyncContextValue {
  start: (storeId?: string) => void;
  starting: boolean;
  /** Why the last start failed, and for which button ("all" for every store). */
  error: { message: string; target: string } | null;
}

const SyncContext = createContext<SyncContextValue | null>(null);
const STORAGE_KEY = "shipsmart.sync.runs";
const POLL_MS = 1000;

function useSync(): SyncContextValue {
  const value = useContext(SyncContext);
  if (!value) throw new Error("useSync needs a SyncProvider");
  return value;
}

/** The ids kept in sessionStorage, or none when what is there is not a list of run ids. */
function savedRunIds(saved: string | null): string[] {
  try {
    const value: unknown = saved ? JSON.parse(saved) : [];
    const uuid = /^[0-9a-f-]{36}$/i;
    return Array.isArray(value) && value.every((id) => typeof id === "string" && uuid.test(id)) ? value : [];
  } catch {
    return [];
  }
}

const finished = (run: RunProgress) => run.status === "succeeded" || run.status === "failed";

export function SyncProvider({
  syncOrders,
  children,
}: {
  /** The route's "Sync Orders" server action: queues a run per store and answers their ids. */
  syncOrders: FormAction<{ runIds: string[] }>;
  children: ReactNode;
}) {
  const router = useRouter();
  const [runIds, setRunIds] = useState<string[]>([]);
  const [runs, setRuns] = useState<RunProgress[]>([]);
  // Open while runs go (started here), a pill once they end or when restored after a reload.
  const [expanded, setExpanded] = useState(false);
  const [restoring, setRestoring] = useState(false);
  const [error, setError] = useState<SyncContextValue["error"]>(null);
  const [starting, startTransition] = useTransition();
  const refreshedFor = useRef<string>("");

  useEffect(() => {
    const saved = sessionStorage.getItem(STORAGE_KEY);
    // sessionStorage exists only in the browser, so the saved runs are read once hydrated: the
    // server's HTML and the first client render must agree (no panel).
    const ids = savedRunIds(saved);
    if (ids.length === 0) return;
    // Restored runs stay out of sight until their first poll says how they stand: a finished run
    // must not show "Syncing…" for a moment after every reload.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setRestoring(true);
    setRunIds(ids);
  }, []);

  useEffect(() => {
    if (runIds.length === 0) return;
    let stopped = false;
    async function poll() {
      const response = await fetch(`/api/sync-runs?ids=${runIds.join(",")}`, { cache: "no-store" }).catch(() => null);
      if (stopped) return;
      if (response?.ok) {
        const body = (await response.json()) as { runs: RunProgress[] };
        setRuns(body.runs);
        setRestoring(false);
        if (body.runs.length > 0 && body.runs.every(finished)) {
          // Once per set of runs: the panel folds into its pill, and the tables behind it show
          // what was imported.
          const key = runIds.join(",");
          if (refreshedFor.current !== key) {
            refreshedFor.current = key;
            setExpanded(false);
            router.refresh();
          }
          return;
        }
      }
      timer = setTimeout(poll, POLL_MS);
    }
    let timer = setTimeout(poll, 0);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [runIds, router]);

  // Stored where the ids change, never by an effect on mount: a page left before its first
  // render settles must not wipe the runs the next page restores.
  const remember = useCallback((ids: string[]) => {
    if (ids.length > 0) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(ids));
    else sessionStorage.removeItem(STORAGE_KEY);
    setRunIds(ids);
  }, []);

  const start = useCallback(
    (storeId?: string) => {
      setError(null);
      // The panel shows "Starting…" at once, never the previous runs' end while the new ones queue.
      remember([]);
      setRuns([]);
      setRestoring(false);
      setExpanded(true);
      startTransition(async () => {
        const form = new FormData();
        if (storeId) form.set("storeId", storeId);
        const result = await syncOrders(null, form);
        if (!result.ok) {
          setError({ message: result.formError ?? "", target: storeId ?? "all" });
          return;
        }
        remember(result.data?.runIds ?? []);
      });
    },
    [syncOrders, remember],
  );

  return (
    <SyncContext.Provider value={{ start, starting, error }}>
      {(runIds.length > 0 || starting) && !restoring ? (
        <SyncPanel
          runs={runs}
          expanded={expanded}
          onToggle={() => setExpanded((open) => !open)}
          onDismiss={() => remember([])}
        />
      ) : null}
      {children}
    </SyncContext.Provider>
  );
}

/** "Sync Orders" for one store, or for every connected store when no storeId is given. */
export function SyncOrdersButton({
  storeId,
  variant = "primary",
  size = "md",
}: {
  storeId?: string;
  variant?: ButtonVariant;
  size?: "sm" | "md";
}) {
  const t = useTranslations("sync");
  const { start, starting, error } = useSync();
  return (
    <div className="flex flex-col items-end gap-1">
      <Button variant={variant} size={size} onClick={() => start(storeId)} disabled={starting}>
        <RefreshCcw className={`size-4 ${starting ? "animate-spin" : ""}`} aria-hidden />
        {t("button")}
      </Button>
      {error && error.target === (storeId ?? "all") ? (
        <p className="text-xs text-red-700" role="alert">
          {error.message}
        </p>
      ) : null}
    </div>
  );
}
