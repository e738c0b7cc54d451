// CSV as spreadsheets read it (RFC 4180): fields with commas, quotes or line breaks are quoted,
// quotes doubled; a leading =, +, - or @ is prefixed with ' so a spreadsheet never runs it as a formula.
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (/^[=+\-@]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: unknown[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}
