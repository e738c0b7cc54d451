import "./.scratch.mjs";
const [file, root, ...filters] = process.argv.slice(2);
const doc = globalThis.docs[file];
const res = (s) => { while (s && s.$ref) s = doc.components.schemas[s.$ref.split("/").pop()]; return s; };
function walk(s, path, depth, req) {
  s = res(s); if (!s || depth > 9) return;
  if (s.type === "array") return walk(s.items, path + "[]", depth, req);
  const info = [s.type, req ? "REQ" : "", s.minLength!=null?`min${s.minLength}`:"", s.maxLength!=null?`max${s.maxLength}`:"", s.enum?`enum${JSON.stringify(s.enum)}`:"", s.pattern?`pat${s.pattern}`:"", s.maxItems?`maxItems${s.maxItems}`:"", s.oneOf?"ONEOF":"" , s.allOf?"ALLOF":"", s.anyOf?"ANYOF":""].filter(Boolean).join(" ");
  if (!filters.length || filters.some(f => path.includes(f))) console.log(path, info);
  for (const [k, v] of Object.entries(s.properties || {})) walk(v, path + "." + k, depth + 1, (s.required || []).includes(k));
}
walk({ $ref: "#/components/schemas/" + root }, root, 0, true);
