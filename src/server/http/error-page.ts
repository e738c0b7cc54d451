import "server-only";
// A small, translated, self-contained HTML page for route handlers that must answer with an
// error status (400, 403) instead of redirecting — e.g. a bad shop parameter on /auth/toplevel.
const escape = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char]!);

export function errorPage(
  status: number,
  content: { lang: string; title: string; message: string; linkHref: string; linkLabel: string },
): Response {
  const html = `<!doctype html>
<html lang="${escape(content.lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(content.title)}</title>
<style>
body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;background:#f8fafc;
font-family:ui-sans-serif,system-ui,"Segoe UI",Roboto,sans-serif;color:#0f172a}
main{max-width:440px;margin:16px;padding:32px;background:#fff;border:1px solid #e2e8f0;border-radius:12px;box-shadow:0 1px 2px rgba(0,0,0,.05)}
h1{font-size:20px;margin:0 0 8px}p{margin:0 0 20px;color:#475569;line-height:1.5}
a{display:inline-block;padding:8px 14px;border-radius:6px;background:#1f57d6;color:#fff;text-decoration:none;font-size:14px;font-weight:500}
</style></head>
<body><main><h1>${escape(content.title)}</h1><p>${escape(content.message)}</p>
<a href="${escape(content.linkHref)}">${escape(content.linkLabel)}</a></main></body></html>`;
  return new Response(html, {
    status,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
  });
}
