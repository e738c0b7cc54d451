import { parse } from "yaml"; import fs from "node:fs";
export function repair(text) {
  const out = []; let quote = null; let indent = 0;
  const closes = (s, q) => { // does s contain an unmatched closing quote?
    if (q === "'") { let t = s.replace(/''/g, ""); return t.includes("'"); }
    let t = s.replace(/\\./g, ""); return t.includes('"');
  };
  for (let line of text.split(/\r?\n/)) {
    if (quote) {
      const body = line.replace(/^[\t ]+/, "");
      out.push(" ".repeat(indent + 2) + body);
      if (closes(body, quote)) quote = null;
      continue;
    }
    const m = /^( *)(?:- )?[^\s:'"][^:]*: (['"])(.*)$/.exec(line);
    if (m && !closes(m[3], m[2])) { quote = m[2]; indent = m[1].length; }
    out.push(line);
  }
  return out.join("\n");
}
const docs = {};
for (const f of ["OAuthClientCredentials","Shipping","Rating","Pickup","Paperless","Tracking"]) {
  const doc = parse(repair(fs.readFileSync(`contracts/ups/${f}.yaml`,"utf8"))); docs[f]=doc;
  if (process.env.P) console.log("==",f, JSON.stringify(doc.servers));
  for (const [p, ops] of Object.entries(doc.paths)) for (const [m, op] of Object.entries(ops)) {
    if (typeof op !== "object" || !op.responses) continue;
    const rb = op.requestBody?.content; const ct = rb && Object.keys(rb)[0];
    if (process.env.P) console.log(m.toUpperCase(), p, op.operationId, ct, JSON.stringify(rb?.[ct]?.schema)?.slice(0,100), "params:", (op.parameters||[]).map(x=>x.name+(x.required?"*":"")+"@"+x.in).join(","));
  }
}
globalThis.docs = docs;
