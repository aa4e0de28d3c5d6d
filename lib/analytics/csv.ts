// CSV lines per RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled,
// lines end with CRLF. Text cells that a spreadsheet would run as a formula (starting with = + - @,
// or a tab or carriage return that some spreadsheets strip first) get a leading apostrophe
// (OWASP's CSV-injection advice). Numbers are written as numbers and never prefixed.
export type Cell = string | number | boolean | null | undefined | Date;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  let text = value instanceof Date ? value.toISOString() : value;
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly Cell[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}
