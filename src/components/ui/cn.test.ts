import { describe, expect, it } from "vitest";
import { cn } from "./cn";

describe("cn", () => {
  it("joins class names and skips falsy ones", () => {
    expect(cn("flex", false, null, undefined, "", "gap-2")).toBe("flex gap-2");
  });

  it("keeps the later of two classes that set the same property", () => {
    expect(cn("w-full px-3 text-sm", "w-44 px-5")).toBe("text-sm w-44 px-5");
    expect(cn("ring-slate-300 focus:ring-brand-500", "ring-red-400")).toBe("focus:ring-brand-500 ring-red-400");
  });

  it("keeps classes that only look alike", () => {
    expect(cn("text-sm text-slate-900 ring-1 ring-inset ring-slate-300")).toBe(
      "text-sm text-slate-900 ring-1 ring-inset ring-slate-300",
    );
  });
});
