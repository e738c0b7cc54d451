// Shopify's query cost rules, as the Admin API applies them before and after executing a query:
// scalars and enums cost 0, objects 1, a connection 2 + (first|last) × the cost of one node,
// and a mutation 10. The requested cost is computed from the query alone; the actual cost from
// what was returned (a connection counts the nodes it really had).
import {
  Kind,
  getNamedType,
  isAbstractType,
  isCompositeType,
  isLeafType,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from "graphql";

const MUTATION_COST = 10;
export const MAX_SINGLE_QUERY_COST = 1000;

export interface CostContext {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

export function findOperation(
  document: DocumentNode,
  operationName?: string | null,
): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
  return operationName ? operations.find((op) => op.name?.value === operationName) : operations[0];
}

export function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const map = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) map.set(definition.name.value, definition);
  }
  return map;
}

export function valueOf(node: ValueNode | undefined, variables: Record<string, unknown>): unknown {
  if (!node) return undefined;
  if (node.kind === Kind.VARIABLE) return variables[node.name.value];
  if (node.kind === Kind.INT) return Number(node.value);
  return undefined;
}

/** The page size a connection field asks for: `first` or `last`, 0 when neither is given. */
function pageSizeOf(field: FieldNode, variables: Record<string, unknown>): number {
  for (const name of ["first", "last"]) {
    const argument = field.arguments?.find((arg) => arg.name.value === name);
    const value = valueOf(argument?.value, variables);
    if (typeof value === "number" && Number.isFinite(value)) return Math.max(0, value);
  }
  return 0;
}

export function isConnectionType(type: GraphQLNamedType): boolean {
  return type.name.endsWith("Connection") && isCompositeType(type);
}

/** Every field selected on `type`, with fragments and inline fragments merged in. */
export function collectFields(selectionSet: SelectionSetNode | undefined, ctx: CostContext): FieldNode[] {
  if (!selectionSet) return [];
  const fields: FieldNode[] = [];
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) fields.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) fields.push(...collectFields(selection.selectionSet, ctx));
    else {
      const fragment = ctx.fragments.get(selection.name.value);
      if (fragment) fields.push(...collectFields(fragment.selectionSet, ctx));
    }
  }
  return fields;
}

function fieldDefinition(parent: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
  if (!("getFields" in parent)) return undefined; // unions have no fields of their own
  return parent.getFields()[name];
}

/** A field of `parent`; for interfaces and unions, of any type that can stand in for it. */
export function resolveField(
  parent: GraphQLCompositeType,
  name: string,
  schema: GraphQLSchema,
): GraphQLField<unknown, unknown> | undefined {
  const direct = fieldDefinition(parent, name);
  if (direct || !isAbstractType(parent)) return direct;
  for (const possible of schema.getPossibleTypes(parent)) {
    const found = fieldDefinition(possible, name);
    if (found) return found;
  }
  return undefined;
}

/** The node selection of a connection (`edges { node { … } }` and/or `nodes { … }`) and its type. */
export function connectionNodes(
  field: FieldNode,
  connection: GraphQLCompositeType,
  ctx: CostContext,
): { selection: FieldNode[]; type: GraphQLCompositeType } | undefined {
  const nodeFields: FieldNode[] = [];
  let nodeType: GraphQLCompositeType | undefined;
  for (const child of collectFields(field.selectionSet, ctx)) {
    const childName = child.name.value;
    if (childName === "nodes") {
      nodeFields.push(...collectFields(child.selectionSet, ctx));
      nodeType ??= getNamedType(resolveField(connection, "nodes", ctx.schema)!.type) as GraphQLCompositeType;
    } else if (childName === "edges") {
      const edgeType = getNamedType(resolveField(connection, "edges", ctx.schema)!.type) as GraphQLCompositeType;
      for (const edgeChild of collectFields(child.selectionSet, ctx)) {
        if (edgeChild.name.value !== "node") continue;
        nodeFields.push(...collectFields(edgeChild.selectionSet, ctx));
        nodeType ??= getNamedType(resolveField(edgeType, "node", ctx.schema)!.type) as GraphQLCompositeType;
      }
    }
  }
  return nodeType ? { selection: nodeFields, type: nodeType } : undefined;
}

function selectionCost(fields: FieldNode[], parent: GraphQLCompositeType, ctx: CostContext): number {
  let total = 0;
  for (const field of fields) {
    if (field.name.value.startsWith("__")) continue;
    const definition = resolveField(parent, field.name.value, ctx.schema);
    if (!definition) continue;
    const type = getNamedType(definition.type);
    if (isLeafType(type)) continue;
    const composite = type as GraphQLCompositeType;
    if (isConnectionType(composite)) {
      const nodes = connectionNodes(field, composite, ctx);
      const perNode = nodes ? 1 + selectionCost(nodes.selection, nodes.type, ctx) : 0;
      total += 2 + pageSizeOf(field, ctx.variables) * perNode;
    } else {
      total += 1 + selectionCost(collectFields(field.selectionSet, ctx), composite, ctx);
    }
  }
  return total;
}

/** Applies `price` to the operation's root fields; a mutation costs a flat 10 per root field. */
function costOfOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  operationName: string | null | undefined,
  price: (rootFields: FieldNode[], ctx: CostContext) => number,
): number {
  const operation = findOperation(document, operationName);
  if (!operation) return 0;
  const ctx: CostContext = { schema, fragments: fragmentsOf(document), variables };
  const rootFields = collectFields(operation.selectionSet, ctx);
  if (operation.operation === "mutation") return rootFields.length * MUTATION_COST;
  return price(rootFields, ctx);
}

export function requestedQueryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> = {},
  operationName?: string | null,
): number {
  return costOfOperation(schema, document, variables, operationName, (fields, ctx) =>
    selectionCost(fields, schema.getQueryType()!, ctx),
  );
}

// --- actual cost: the same rules applied to the data that came back -------------------------

function responseKey(field: FieldNode): string {
  return field.alias?.value ?? field.name.value;
}

function actualSelectionCost(
  fields: FieldNode[],
  parent: GraphQLCompositeType,
  data: unknown,
  ctx: CostContext,
): number {
  if (data === null || typeof data !== "object") return 0;
  const record = data as Record<string, unknown>;
  let total = 0;
  for (const field of fields) {
    if (field.name.value.startsWith("__")) continue;
    const definition = resolveField(parent, field.name.value, ctx.schema);
    if (!definition) continue;
    const type = getNamedType(definition.type);
    if (isLeafType(type)) continue;
    const value = record[responseKey(field)];
    if (value === null || value === undefined) continue;
    const composite = type as GraphQLCompositeType;
    if (isConnectionType(composite)) {
      const nodes = connectionNodes(field, composite, ctx);
      const connection = value as { edges?: { node?: unknown }[]; nodes?: unknown[] };
      const items = connection.nodes ?? connection.edges?.map((edge) => edge.node) ?? [];
      let cost = 2;
      if (nodes) for (const item of items) cost += 1 + actualSelectionCost(nodes.selection, nodes.type, item, ctx);
      total += cost;
    } else if (Array.isArray(value)) {
      for (const item of value)
        total += 1 + actualSelectionCost(collectFields(field.selectionSet, ctx), composite, item, ctx);
    } else {
      total += 1 + actualSelectionCost(collectFields(field.selectionSet, ctx), composite, value, ctx);
    }
  }
  return total;
}

export function actualQueryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  data: unknown,
  variables: Record<string, unknown> = {},
  operationName?: string | null,
): number {
  return costOfOperation(schema, document, variables, operationName, (fields, ctx) =>
    actualSelectionCost(fields, schema.getQueryType()!, data, ctx),
  );
}
