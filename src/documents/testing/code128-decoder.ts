// An independent Code 128 decoder for the tests, written from the symbology's published pattern table
// (ISO/IEC 15417) rather than from bwip-js, so a barcode that decodes here really says what it should.

/** Bar/space widths of symbol values 0–106, ten to a row (106 = stop, whose 7th element is the final bar). */
const PATTERNS = [
  "212222 222122 222221 121223 121322 131222 122213 122312 132212 221213",
  "221312 231212 112232 122132 122231 113222 123122 123221 223211 221132",
  "221231 213212 223112 312131 311222 321122 321221 312212 322112 322211",
  "212123 212321 232121 111323 131123 131321 112313 132113 132311 211313",
  "231113 231311 112133 112331 132131 113123 113321 133121 313121 211331",
  "231131 213113 213311 213131 311123 311321 331121 312113 312311 332111",
  "314111 221411 431111 111224 111422 121124 121421 141122 141221 112214",
  "112412 122114 122411 142112 142211 241211 221114 413111 241112 134111",
  "111242 121142 121241 114212 124112 124211 411212 421112 421211 212141",
  "214121 412121 111143 111341 131141 114113 114311 411113 411311 113141",
  "114131 311141 411131 211412 211214 211232 2331112",
]
  .join(" ")
  .split(" ");

const START = { 103: "A", 104: "B", 105: "C" } as const;
type CodeSet = "A" | "B" | "C";

/** The text encoded by Code 128 `widths` (bar, space, bar… in modules); throws if they are not valid. */
export function decodeCode128(widths: number[]): string {
  const values: number[] = [];
  for (let i = 0; i < widths.length; i += 6) {
    const value = PATTERNS.indexOf(widths.slice(i, i + (widths.length - i === 7 ? 7 : 6)).join(""));
    if (value < 0) throw new Error(`no Code 128 symbol at element ${i}`);
    values.push(value);
    if (value === 106) break;
  }
  if (values.at(-1) !== 106) throw new Error("no stop pattern");
  const [start, ...rest] = values.slice(0, -1);
  const check = rest.pop();
  const sum = rest.reduce((total, value, i) => total + value * (i + 1), start);
  if (sum % 103 !== check) throw new Error(`check symbol ${check} should be ${sum % 103}`);

  let set: CodeSet | undefined = START[start as keyof typeof START];
  if (!set) throw new Error(`no start pattern (got ${start})`);
  let text = "";
  for (const value of rest) {
    if (set === "C" && value < 100) text += String(value).padStart(2, "0");
    else if (value === 99) set = "C";
    else if (value === 100 && set !== "B") set = "B";
    else if (value === 101 && set !== "A") set = "A";
    else if (value < 96) text += String.fromCharCode(set === "A" && value >= 64 ? value - 64 : value + 32);
    else throw new Error(`unsupported Code 128 function symbol ${value} in set ${set}`);
  }
  return text;
}
