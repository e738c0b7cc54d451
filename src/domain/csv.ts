// CSV as spreadsheets read it (RFC 4180): fields with commas, quotes or line breaks are quoted,
// quotes doubled; a leading =, +, -, @, tab or carriage return is prefixed with ' so a spreadsheet
// never runs it as a formula (Excel and LibreOffice skip a leading tab or CR and read what follows).
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (FORMULA_START.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: unknown[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}
