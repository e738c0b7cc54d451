import { describe, expect, it } from "vitest";
import { readBodyWithLimit } from "./read-body";

function streamed(chunks: string[], onPull?: () => void): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let index = 0;
  return new ReadableStream(
    {
      pull(controller) {
        onPull?.();
        if (index < chunks.length) controller.enqueue(encoder.encode(chunks[index++]));
        else controller.close();
      },
    },
    { highWaterMark: 0 },
  );
}

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request("http://localhost/hook", { method: "POST", body, headers, duplex: "half" } as RequestInit);

describe("readBodyWithLimit", () => {
  it("reads a body up to the limit as UTF-8", async () => {
    expect(await readBodyWithLimit(post("São Paulo"), 10)).toEqual({ ok: true, text: "São Paulo" });
    expect(await readBodyWithLimit(post(streamed(["ab", "cd"])), 4)).toEqual({ ok: true, text: "abcd" });
  });

  it("refuses a declared length over the limit without reading", async () => {
    let pulls = 0;
    const request = post(
      streamed(["x"], () => pulls++),
      { "content-length": "11" },
    );
    expect(await readBodyWithLimit(request, 10)).toEqual({ ok: false });
    expect(pulls).toBe(0);
  });

  it("stops reading a streamed body as soon as it passes the limit", async () => {
    let pulls = 0;
    const chunks = Array.from({ length: 100 }, () => "x".repeat(1000));
    expect(await readBodyWithLimit(post(streamed(chunks, () => pulls++)), 2500)).toEqual({ ok: false });
    expect(pulls).toBeLessThan(10);
  });
});
