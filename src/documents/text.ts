// The documents use the PDF standard fonts (Helvetica), which need no embedding and keep files small
// and fast to build, but can only show the WinAnsi (Windows-1252) character set: pdf-lib throws on
// anything else. Every string printed goes through toPdfText first, so customer data in any script
// prints as well as WinAnsi allows instead of failing the whole document.

/** The 27 characters Windows-1252 places in 0x80–0x9F, in addition to ASCII and Latin-1. */
const WIN_ANSI_EXTRAS = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ";

/** Printable WinAnsi text; the soft hyphen (0xAD) is left out because it should print nothing. */
const PRINTABLE_WIN_ANSI = new RegExp(`^[\\x20-\\x7E\\xA0-\\xAC\\xAE-\\xFF${WIN_ANSI_EXTRAS}]*$`);

/** Letters with a stroke or other mark that Unicode does not decompose, so NFKD cannot strip it. */
const UNDECOMPOSABLE_LETTERS: Readonly<Record<string, string>> = {
  ł: "l",
  Ł: "L",
  đ: "d",
  Đ: "D",
  ħ: "h",
  Ħ: "H",
  ı: "i",
  ŧ: "t",
  Ŧ: "T",
  ŋ: "n",
  Ŋ: "N",
  ə: "e",
  Ə: "E",
  // Dashes that are not in WinAnsi, often pasted from word processors.
  "‐": "-",
  "‒": "-",
  "−": "-",
};

const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });

function isPrintableWinAnsi(text: string): boolean {
  return PRINTABLE_WIN_ANSI.test(text);
}

/** One user-perceived character (which may be several code points) as WinAnsi text. */
function foldGrapheme(grapheme: string): string {
  // Zero-width format characters (joiners, direction marks, soft hyphens) print nothing.
  const visible = grapheme.replace(/\p{Cf}/gu, "");
  if (visible === "") return "";
  const composed = visible.normalize("NFC");
  if (isPrintableWinAnsi(composed)) return composed;
  const folded = Array.from(composed.normalize("NFKD"), (char) => UNDECOMPOSABLE_LETTERS[char] ?? char)
    .join("")
    .replace(/\p{M}/gu, "");
  return folded !== "" && isPrintableWinAnsi(folded) ? folded : "?";
}

/**
 * `value` as text a standard PDF font can show, on one line: Latin-1 and the other WinAnsi characters
 * (ã, ç, é, ü, ß, €, “ ”…) are kept; other accented letters lose their accents (ł → l, ő → o, Ş → S);
 * anything else (CJK, emoji…) becomes one "?" per character; runs of whitespace and control
 * characters (newlines, tabs) become a single space, and the ends are trimmed.
 */
export function toPdfText(value: string | null | undefined): string {
  if (value == null) return "";
  const oneLine = value.replace(/[\s\p{Cc}]+/gu, " ").trim();
  if (isPrintableWinAnsi(oneLine)) return oneLine;
  let result = "";
  for (const { segment } of graphemes.segment(oneLine)) result += foldGrapheme(segment);
  return result.replace(/ {2,}/g, " ").trim();
}
