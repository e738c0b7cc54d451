// Key sequences such as "g s": pure, so the rules are tested without a browser or a timer. The
// caller passes the time of each key press; a prefix ("g") waits SEQUENCE_TIMEOUT_MS for its
// second key and is forgotten after that.

export const SEQUENCE_TIMEOUT_MS = 1500;

export interface SequenceState {
  /** The keys pressed so far of a longer binding, or null. */
  prefix: string | null;
  /** When the prefix was pressed. */
  at: number;
}

export const IDLE: SequenceState = { prefix: null, at: 0 };

/**
 * The state after `key` (an event's `key`, single characters lower-cased by the caller) at `now`,
 * and the binding it completes, if any. Bindings are keys separated by spaces ("g s", "/").
 * A key that continues no pending prefix starts afresh: "g x j" still fires "j".
 */
export function pressKey(
  state: SequenceState,
  key: string,
  now: number,
  bindings: readonly string[],
): { state: SequenceState; match: string | null } {
  const pending = state.prefix !== null && now - state.at <= SEQUENCE_TIMEOUT_MS ? state.prefix : null;
  if (pending !== null) {
    const result = step(`${pending} ${key}`, now, bindings);
    if (result.match !== null || result.state.prefix !== null) return result;
  }
  return step(key, now, bindings);
}

function step(keys: string, now: number, bindings: readonly string[]) {
  if (bindings.includes(keys)) return { state: IDLE, match: keys };
  if (bindings.some((binding) => binding.startsWith(`${keys} `)))
    return { state: { prefix: keys, at: now }, match: null };
  return { state: IDLE, match: null };
}
