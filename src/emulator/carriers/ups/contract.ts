// UPS's published request contract (contracts/ups/*.yaml, UPS-API/api-documentation, MIT): the
// request body schema of every operation the UPS client sends, compiled once with ajv. The emulator
// refuses what fails it; the integration tests check every request the client sent against it.
// CARRIERS.md: UPS's own examples do not satisfy these schemas, so requests are built from the schemas.
import fs from "node:fs";
import path from "node:path";
import Ajv, { type ValidateFunction } from "ajv";
import { parse } from "yaml";

const CONTRACT_DIR = path.join(process.cwd(), "contracts", "ups");

/**
 * The vendored files are kept byte for byte as UPS publishes them, but two of them are not valid
 * YAML 1.2 (Shipping.yaml has tab-indented and under-indented continuation lines inside quoted
 * descriptions). Re-indenting the continuation lines of quoted scalars changes no value but the
 * folded whitespace of those descriptions.
 */
function repairQuotedContinuations(text: string): string {
  const lines = text.split(/\r?\n/);
  const out: string[] = [];
  let quote: "'" | '"' | null = null;
  let indent = 0;
  const closes = (s: string, q: "'" | '"') =>
    q === "'" ? s.replace(/''/g, "").includes("'") : s.replace(/\\./g, "").includes('"');
  for (const line of lines) {
    if (quote) {
      const body = line.replace(/^[\t ]+/, "");
      out.push(" ".repeat(indent + 2) + body);
      if (closes(body, quote)) quote = null;
      continue;
    }
    const opening = /^( *)(?:- )?[^\s:'"][^:]*: (['"])(.*)$/.exec(line);
    if (opening && !closes(opening[3], opening[2] as "'" | '"')) {
      quote = opening[2] as "'" | '"';
      indent = opening[1].length;
    }
    out.push(line);
  }
  return out.join("\n");
}

type Schema = Record<string, unknown>;
interface OpenApiDocument {
  components: { schemas: Record<string, Schema> };
}

/**
 * Where the schema contradicts its own description and UPS's documented behaviour, so that no
 * correct request could pass: corrected in memory only, each one named (contracts/ups/README.md).
 */
const ERRATA: { file: string; schema: string; apply: (schema: Schema) => void }[] = [
  {
    // "Local pickup date of the location. Format: yyyyMMdd" — but minLength/maxLength 4.
    file: "Pickup",
    schema: "PickupCreationRequest_PickupDateInfo",
    apply: (s) => Object.assign(prop(s, "PickupDate"), { minLength: 8, maxLength: 8 }),
  },
  {
    // "One decimal digit is allowed. Example: 10.9" — but minLength 6.
    file: "Pickup",
    schema: "PickupCreationRequest_TotalWeight",
    apply: (s) => Object.assign(prop(s, "Weight"), { minLength: 1, maxLength: 6 }),
  },
  {
    // "01 = Same-Day Pickup, 02 = Future-Day Pickup, 03 = A Specific-Day Pickup" — but maxLength 1.
    file: "Pickup",
    schema: "PickupRateRequest",
    apply: (s) => Object.assign(prop(s, "ServiceDateOption"), { minLength: 2, maxLength: 2 }),
  },
  {
    // TrackingNumbers are Roadie (1R) numbers only, yet listed as required beside ReferenceValues,
    // which the description says is one of several alternatives.
    file: "Shipping",
    schema: "LabelRecoveryRequest",
    apply: (s) => {
      s.required = ["Request"];
    },
  },
  {
    // "Valid values are: GIF, PDF, ZPL, EPL, SPL" — 3 letters, but minLength/maxLength 4.
    file: "Shipping",
    schema: "LabelRecovery_LabelSpecification_LabelImageFormat",
    apply: (s) => Object.assign(prop(s, "Code"), { minLength: 3, maxLength: 4 }),
  },
];

function prop(schema: Schema, name: string): Schema {
  const props = schema.properties as Record<string, Schema> | undefined;
  const found = props?.[name];
  if (!found) throw new Error(`UPS contract erratum: no property ${name}`);
  return found;
}

function load(file: string): OpenApiDocument {
  const text = fs.readFileSync(path.join(CONTRACT_DIR, `${file}.yaml`), "utf8");
  const doc = parse(repairQuotedContinuations(text)) as OpenApiDocument;
  for (const erratum of ERRATA.filter((e) => e.file === file)) {
    const schema = doc.components.schemas[erratum.schema];
    if (!schema) throw new Error(`UPS contract erratum: no schema ${erratum.schema} in ${file}.yaml`);
    erratum.apply(schema);
  }
  return doc;
}

/** The UPS operations that carry a request body, and their request schema in the vendored files. */
const OPERATIONS = {
  rate: { file: "Rating", schema: "RATERequestWrapper" },
  ship: { file: "Shipping", schema: "SHIPRequestWrapper" },
  label: { file: "Shipping", schema: "LABELRECOVERYRequestWrapper" },
  pickupAvailability: { file: "Pickup", schema: "PICKUPRequestWrapper" },
  pickupCreate: { file: "Pickup", schema: "PICKUPCreationRequestWrapper" },
  upload: { file: "Paperless", schema: "PAPERLESSDOCUMENTUploadRequestWrapper" },
} as const;
export type UpsBodyOperation = keyof typeof OPERATIONS;

// OpenAPI keywords ajv does not know ("nullable", "example", "xml", "x-*"): strict off.
const ajv = new Ajv({ strict: false, allErrors: true });
const validators = new Map<UpsBodyOperation, ValidateFunction>();

function validatorFor(operation: UpsBodyOperation): ValidateFunction {
  let validate = validators.get(operation);
  if (!validate) {
    const { file, schema } = OPERATIONS[operation];
    if (!ajv.getSchema(file)) ajv.addSchema(load(file), file);
    validate = ajv.getSchema(`${file}#/components/schemas/${schema}`);
    if (!validate) throw new Error(`UPS contract: no schema ${schema} in ${file}.yaml`);
    validators.set(operation, validate);
  }
  return validate;
}

/** Compiles every operation's validator now (a few seconds for Shipping.yaml) rather than on the first request. */
export function compileUpsContract(): void {
  for (const operation of Object.keys(OPERATIONS) as UpsBodyOperation[]) validatorFor(operation);
}

export function hasUpsContract(operation: string): operation is UpsBodyOperation {
  return Object.hasOwn(OPERATIONS, operation);
}

/** The body's departures from the operation's UPS schema ("/RateRequest/Shipment: must have required property 'Package'"); empty when it conforms. */
export function upsContractProblems(operation: UpsBodyOperation, body: unknown): string[] {
  const validate = validatorFor(operation);
  if (validate(body)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath || "/"}: ${error.message ?? "invalid"}`);
}

/** The token request (a form, OAuthClientCredentials.yaml): grant_type is required and must be client_credentials. */
export function upsTokenProblems(form: Record<string, string>): string[] {
  return form.grant_type === "client_credentials" ? [] : ["/grant_type: must be client_credentials"];
}
