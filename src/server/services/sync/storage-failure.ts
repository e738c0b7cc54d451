// What is kept of a database error: a code from its SQLSTATE class and a fixed sentence. The
// database's own message (and drizzle's wrapper, which repeats the query with its parameters)
// can carry a recipient's name, phone, e-mail or address, so neither is ever stored or logged;
// the server log gets the SQLSTATE and the names of the constraint, table and column only.

export type StorageFailureCode = "value_out_of_range" | "value_too_long" | "constraint_violation" | "storage_failed";

export interface StorageFailure {
  code: StorageFailureCode;
  /** A fixed English sentence (the UI translates the code). */
  message: string;
  /** What identifies the failure without any value: safe to log. */
  sqlstate: string | null;
  constraint: string | null;
  table: string | null;
  column: string | null;
}

const MESSAGES: Record<StorageFailureCode, string> = {
  value_out_of_range: "A value of the order is out of the range the database can store.",
  value_too_long: "A text of the order is longer than the database can store.",
  constraint_violation: "The order breaks a rule of the database (a constraint).",
  storage_failed: "The database could not store the order.",
};

interface DriverError {
  code?: unknown;
  cause?: unknown;
  // PGlite's names, then postgres.js's.
  constraint?: unknown;
  table?: unknown;
  column?: unknown;
  constraint_name?: unknown;
  table_name?: unknown;
  column_name?: unknown;
}

const SQLSTATE = /^[0-9A-Z]{5}$/;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_$.]{0,127}$/;
const identifier = (...candidates: unknown[]) =>
  (candidates.find((value) => typeof value === "string" && IDENTIFIER.test(value)) as string | undefined) ?? null;

/** The driver's error under drizzle's wrappers: the first one that carries a SQLSTATE. */
function driverError(error: unknown): DriverError | null {
  let current = error as DriverError | undefined;
  for (let depth = 0; current && depth < 5; depth++) {
    if (typeof current.code === "string" && SQLSTATE.test(current.code)) return current;
    current = current.cause as DriverError | undefined;
  }
  return null;
}

function codeOf(sqlstate: string | null): StorageFailureCode {
  if (sqlstate === "22003") return "value_out_of_range";
  if (sqlstate === "22001") return "value_too_long";
  if (sqlstate?.startsWith("23")) return "constraint_violation";
  return "storage_failed";
}

export function classifyStorageFailure(error: unknown): StorageFailure {
  const driver = driverError(error);
  const sqlstate = driver ? (driver.code as string) : null;
  const code = codeOf(sqlstate);
  return {
    code,
    message: MESSAGES[code],
    sqlstate,
    constraint: identifier(driver?.constraint, driver?.constraint_name),
    table: identifier(driver?.table, driver?.table_name),
    column: identifier(driver?.column, driver?.column_name),
  };
}

/** The failure's identifying names for the server log, e.g. "SQLSTATE 22003 column total_price". */
export function describeForLog(failure: StorageFailure): string {
  return [
    `SQLSTATE ${failure.sqlstate ?? "none"}`,
    failure.table && `table ${failure.table}`,
    failure.constraint && `constraint ${failure.constraint}`,
    failure.column && `column ${failure.column}`,
  ]
    .filter(Boolean)
    .join(" ");
}
