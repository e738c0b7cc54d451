import { describe, expect, it } from "vitest";
import { boundaryOf, parseMultipart } from "./multipart";

describe("parseMultipart", () => {
  it("reads the parts of a body written by fetch's FormData", async () => {
    const form = new FormData();
    form.append("document", JSON.stringify({ name: "invoice.pdf" }));
    form.append(
      "attachment",
      new Blob([Buffer.from("%PDF-1.7\r\n--not a boundary\r\n")], { type: "application/pdf" }),
      "invoice.pdf",
    );
    const request = new Request("http://local/", { method: "POST", body: form });
    const boundary = boundaryOf(request.headers.get("content-type") ?? undefined);
    expect(boundary).not.toBeNull();
    const parts = parseMultipart(Buffer.from(await request.arrayBuffer()), boundary!);
    expect(parts?.map((part) => [part.name, part.filename, part.contentType])).toEqual([
      ["document", null, null],
      ["attachment", "invoice.pdf", "application/pdf"],
    ]);
    expect(JSON.parse(parts![0].data.toString())).toEqual({ name: "invoice.pdf" });
    expect(parts![1].data.toString()).toBe("%PDF-1.7\r\n--not a boundary\r\n");
  });

  it("refuses what is not multipart or is cut short", () => {
    expect(boundaryOf("application/json")).toBeNull();
    expect(boundaryOf(undefined)).toBeNull();
    expect(parseMultipart(Buffer.from("no delimiter here"), "b")).toBeNull();
    const truncated = Buffer.from('--b\r\nContent-Disposition: form-data; name="document"\r\n\r\n{"a":1}');
    expect(parseMultipart(truncated, "b")).toBeNull();
    const noName = Buffer.from("--b\r\nContent-Disposition: form-data\r\n\r\nx\r\n--b--");
    expect(parseMultipart(noName, "b")).toBeNull();
  });
});
