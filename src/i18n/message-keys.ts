// Every message key of the English messages as a type ("errors.notFound", "pickups.problems.weekend"…),
// so a key built in code is checked by the compiler; pt-BR.json has the same keys (messages.test.ts).
import type en from "./messages/en.json";

type Leaves<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type Messages = typeof en;
export type MessageKey = Leaves<Messages>;
