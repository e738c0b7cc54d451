// Shopify refuses a connection read without `first` or `last`, or with either above 250, before
// running the query (bulk operations excepted: they read whole connections). The emulator checks
// the parsed query the same way, so a dashboard page size Shopify would refuse fails here first.
import { getNamedType, isLeafType, type DocumentNode, type FieldNode, type GraphQLCompositeType } from "graphql";
import type { GraphQLSchema } from "graphql";
import {
  collectFields,
  connectionNodes,
  findOperation,
  fragmentsOf,
  isConnectionType,
  resolveField,
  valueOf,
  type CostContext,
} from "./cost";

const MAX_PAGE_SIZE = 250;

export interface PageSizeError {
  message: string;
  locations: { line: number; column: number }[];
  path: string[];
  extensions: { code: "BAD_REQUEST" };
}

function error(field: FieldNode, path: string[], message: string): PageSizeError {
  const location = field.loc ? [{ line: field.loc.startToken.line, column: field.loc.startToken.column }] : [];
  return { message, locations: location, path, extensions: { code: "BAD_REQUEST" } };
}

function checkConnection(field: FieldNode, path: string[], ctx: CostContext): PageSizeError[] {
  const size = (name: string) => valueOf(field.arguments?.find((arg) => arg.name.value === name)?.value, ctx.variables);
  const sizes = (["first", "last"] as const)
    .map((name) => ({ name, value: size(name) }))
    .filter((entry): entry is { name: "first" | "last"; value: number } => typeof entry.value === "number");
  if (sizes.length === 0) return [error(field, path, "you must provide one of first or last")];
  return sizes
    .filter((entry) => entry.value > MAX_PAGE_SIZE)
    .map((entry) =>
      error(
        field,
        path,
        `The page size requested by '${entry.name}' on '${field.name.value}' (${entry.value}) exceeds the maximum of ${MAX_PAGE_SIZE}.`,
      ),
    );
}

function walk(fields: FieldNode[], parent: GraphQLCompositeType, path: string[], ctx: CostContext): PageSizeError[] {
  const errors: PageSizeError[] = [];
  for (const field of fields) {
    if (field.name.value.startsWith("__")) continue;
    const definition = resolveField(parent, field.name.value, ctx.schema);
    if (!definition) continue;
    const type = getNamedType(definition.type);
    if (isLeafType(type)) continue;
    const here = [...path, field.alias?.value ?? field.name.value];
    const composite = type as GraphQLCompositeType;
    if (isConnectionType(composite)) {
      errors.push(...checkConnection(field, here, ctx));
      const nodes = connectionNodes(field, composite, ctx);
      if (nodes) errors.push(...walk(nodes.selection, nodes.type, here, ctx));
    } else {
      errors.push(...walk(collectFields(field.selectionSet, ctx), composite, here, ctx));
    }
  }
  return errors;
}

/** Every connection of the operation read without a page size, or with one above 250. */
export function pageSizeErrors(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> = {},
  operationName?: string | null,
): PageSizeError[] {
  const operation = findOperation(document, operationName);
  const root = operation?.operation === "mutation" ? schema.getMutationType() : schema.getQueryType();
  if (!operation || !root) return [];
  const ctx: CostContext = { schema, fragments: fragmentsOf(document), variables };
  return walk(collectFields(operation.selectionSet, ctx), root, [], ctx);
}
