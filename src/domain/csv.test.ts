import { describe, expect, it } from "vitest";
import { csvField, csvLine } from "./csv";

describe("CSV", () => {
  it("quotes what needs quoting and doubles quotes", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
  });

  it("writes empty fields for null and ISO dates", () => {
    expect(csvField(null)).toBe("");
    expect(csvField(new Date("2026-11-26T12:00:00Z"))).toBe("2026-11-26T12:00:00.000Z");
  });

  it("defuses spreadsheet formulas but keeps negative numbers", () => {
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField("-12.50")).toBe("-12.50");
  });

  it("defuses every formula start, a leading tab and carriage return included", () => {
    expect(csvField("+1+1")).toBe("'+1+1");
    expect(csvField("-1+1")).toBe("'-1+1");
    expect(csvField("\t=1+1")).toBe("'\t=1+1");
    expect(csvField("\r=1+1")).toBe('"\'\r=1+1"');
    expect(csvField("\tcmd")).toBe("'\tcmd");
    expect(csvField("a\t=b")).toBe("a\t=b");
  });

  it("ends lines with CRLF", () => {
    expect(csvLine(["#1001", "Müller, Hans", 12])).toBe('#1001,"Müller, Hans",12\r\n');
  });
});
