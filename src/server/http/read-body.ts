// Reads a request body as UTF-8 text, at most `limit` bytes: a declared Content-Length over the
// limit is refused before anything is read, and a body that grows past it (chunked, or lying about
// its length) is cancelled as soon as it does, so a client can never make us hold more than that.
export type LimitedBody = { ok: true; text: string } | { ok: false };

export async function readBodyWithLimit(request: Request, limit: number): Promise<LimitedBody> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) return { ok: false };
  if (!request.body) return { ok: true, text: "" };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return { ok: false };
    }
    chunks.push(value);
  }
  return { ok: true, text: new TextDecoder().decode(Buffer.concat(chunks)) };
}
