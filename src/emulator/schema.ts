// Shopify's real Admin GraphQL schema (introspection from @shopify/dev-mcp, see
// `npm run shopify:schema`), loaded once and shared by the emulator and the contract test.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { buildClientSchema, type GraphQLSchema, type IntrospectionQuery } from "graphql";

export const ADMIN_API_VERSION = "2026-07";

const schemas = new Map<string, GraphQLSchema>();

function schemaFile(version = ADMIN_API_VERSION): string {
  return path.join(process.cwd(), "src/emulator/schema", `admin_${version}.json.gz`);
}

export function loadAdminSchema(version = ADMIN_API_VERSION): GraphQLSchema {
  let schema = schemas.get(version);
  if (!schema) {
    const json = JSON.parse(zlib.gunzipSync(fs.readFileSync(schemaFile(version))).toString("utf8")) as {
      data: IntrospectionQuery;
    };
    schema = buildClientSchema(json.data, { assumeValid: true });
    schemas.set(version, schema);
  }
  return schema;
}
