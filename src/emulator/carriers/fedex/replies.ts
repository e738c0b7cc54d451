// FedEx's answers that several emulated endpoints share: its error body (CARRIERS.md FedEx §6),
// its 401, 429 and contract refusals, the account and postal code refusals.
import crypto from "node:crypto";
import type { EmulatorReply, EmulatorRequest } from "../context";
import type { FedexOperation } from "./contract";

/** A request body, already checked against contract.ts. */
export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- validated by the contract first

/** FedEx's error body (CARRIERS.md FedEx §6). */
export function fedexError(
  status: number,
  errors: { code: string; message: string; parameterList?: unknown[] }[],
  request?: EmulatorRequest,
): EmulatorReply {
  const echoed = request?.headers["x-customer-transaction-id"];
  return {
    status,
    body: {
      transactionId: crypto.randomUUID(),
      ...(typeof echoed === "string" ? { customerTransactionId: echoed } : {}),
      errors,
    },
  };
}

export const NOT_AUTHORIZED = {
  code: "NOT.AUTHORIZED.ERROR",
  message: "Access token expired. Please modify your request and try again.",
};

export const tooManyRequests = (): EmulatorReply => ({
  ...fedexError(429, [
    {
      code: "TOO.MANY.REQUESTS.ERROR",
      message: "We have received too many requests in a short duration. Please wait a while to try again.",
    },
  ]),
  headers: { "Retry-After": "10" },
});

/** One INVALID.INPUT.EXCEPTION per contract problem (the first 20). */
export function invalid(problems: { path: string; message: string }[], request: EmulatorRequest): EmulatorReply {
  return fedexError(
    400,
    problems.slice(0, 20).map((problem) => ({
      code: "INVALID.INPUT.EXCEPTION",
      message: `Invalid field value in the input: ${problem.path} ${problem.message}`,
      parameterList: [{ key: "field", value: problem.path }],
    })),
    request,
  );
}

/** A body naming an account the token's credentials do not hold. */
export function wrongAccount(request: EmulatorRequest): EmulatorReply {
  return fedexError(
    400,
    [
      {
        code: "ACCOUNTNUMBER.REGISTRATION.REQUIRED",
        message: "Please provide a valid account number for this client.",
      },
    ],
    request,
  );
}

/** Postal code shapes the emulator checks (a wrong one is FedEx's postal code refusal). */
const POSTAL_CODES: Record<string, RegExp> = { US: /^[0-9]{5}(-[0-9]{4})?$/, BR: /^[0-9]{5}-?[0-9]{3}$/ };

export function postalRefusal(address: Json | undefined): boolean {
  const pattern = address ? POSTAL_CODES[String(address.countryCode)] : undefined;
  return pattern !== undefined && !pattern.test(String(address?.postalCode ?? ""));
}

export const postalError = (operation: FedexOperation, request: EmulatorRequest) =>
  fedexError(
    400,
    [
      operation === "ship"
        ? { code: "SHIP.RECIPIENT.POSTALCITY.MISMATCH", message: "Recipient Postal-City Mismatch." }
        : { code: "RATE.RECIPIENT.POSTALCODE.INVALID", message: "Recipient postal code or routing code is invalid." },
    ],
    request,
  );

// --- Operations (body already valid against the contract) -------------------------------------
