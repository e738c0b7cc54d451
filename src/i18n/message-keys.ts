// Every message key of the English messages as a type ("errors.notFound", "pickups.problems.weekend"…),
// so a key built in code is checked by the compiler; pt-BR.json has the same keys (messages.test.ts).
import type en from "./messages/en.json";

type Leaves<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type Messages = typeof en;
export type MessageKey = Leaves<Messages>;

type Values = Record<string, string | number | Date>;

/**
 * The message of a key that arrives as data (a stored reason or error code, a field name from the
 * database), or `fallback` when the messages have none: `t.has` checks at run time what the compiler
 * cannot. Keys written in code are passed to `t` directly and checked by the compiler.
 */
export function translateOr<Key extends string>(
  t: { has(key: Key): boolean; (key: Key, values?: Values): string },
  key: string,
  fallback: string,
  values?: Values,
): string {
  const candidate = key as Key;
  return t.has(candidate) ? t(candidate, values) : fallback;
}
