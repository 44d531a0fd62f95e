// Reading one cell: numbers under the declared decimal convention, percent signs, yes/no in
// Vietnamese and English, and the tokens that mean "not applicable".

export type Decimal = "." | ",";

import { NO, textKey as key, YES } from "../model/yesno.ts";

const NA = new Set(["-", "–", "—", "n/a", "na", "#n/a", "không áp dụng", "khong ap dung", "kad", "k/a", "not applicable"]);

export const isEmpty = (raw: string): boolean => raw.trim() === "";

/** Excel's and LibreOffice's error values (#N/A is not among them: it reads as not applicable). */
const SPREADSHEET_ERROR = /^#(?:DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|GETTING_DATA|ERR:\d+|ERROR!?)$/i;
/** A cell holding a spreadsheet's error (a formula that failed), as a workbook or a CSV exported from one carries it. */
export const isSpreadsheetError = (raw: string): boolean => raw.length > 1 && raw.trimStart().startsWith("#") && SPREADSHEET_ERROR.test(raw.trim());
export const isNotApplicable = (raw: string): boolean => NA.has(key(raw));

export type NumberRead =
  | { ok: true; value: number; percent: boolean }
  | { ok: false; code: "VALUE_NOT_A_NUMBER" | "VALUE_DECIMAL_COMMA" | "VALUE_DECIMAL_DOT" | "VALUE_NOT_FINITE" };

const EXP = "(?:[eE][+-]?\\d+)?";
const DOT_PLAIN = new RegExp(`^[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)${EXP}$`);
// (thousands are grouped from a first group of one to three digits that is not 0: 0.071 is no
// thousand, and 1 5 no fifteen)
const DOT_THOUSANDS = /^[+-]?[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?$/;
const COMMA_PLAIN = new RegExp(`^[+-]?(?:\\d+(?:,\\d*)?|,\\d+)${EXP}$`);
const COMMA_THOUSANDS = /^[+-]?[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?$/;
/** thousands grouped by spaces (a space, a no-break, narrow, thin or figure space: 1 234,5), the decimals after them */
const SPACE_THOUSANDS = /^[+-]?[1-9]\d{0,2}(?:[ \u00a0\u202f\u2009\u2007]\d{3})+(?:[.,]\d+)?$/;
const SPACES = /[ \u00a0\u202f\u2009\u2007]/g;

/** Reads a number written under the given decimal convention; "85%" reads 85 with percent set. */
export function readNumber(raw: string, decimal: Decimal): NumberRead {
  let s = raw.trim();
  let percent = false;
  if (s.endsWith("%")) {
    percent = true;
    s = s.slice(0, -1).trimEnd();
  }
  // spaces inside a number only between groups of three digits: "1 5" is not 15
  if (/\s/.test(s)) {
    if (!SPACE_THOUSANDS.test(s)) return { ok: false, code: "VALUE_NOT_A_NUMBER" };
    s = s.replace(SPACES, "");
  }
  let text: string | undefined;
  if (decimal === ".") {
    if (DOT_PLAIN.test(s)) text = s;
    else if (DOT_THOUSANDS.test(s)) text = s.replace(/,/g, "");
    else if (COMMA_PLAIN.test(s) || COMMA_THOUSANDS.test(s)) return { ok: false, code: "VALUE_DECIMAL_COMMA" };
  } else {
    if (COMMA_PLAIN.test(s)) text = s.replace(",", ".");
    else if (COMMA_THOUSANDS.test(s)) text = s.replace(/\./g, "").replace(",", ".");
    else if (DOT_PLAIN.test(s)) return { ok: false, code: "VALUE_DECIMAL_DOT" };
  }
  if (text === undefined) return { ok: false, code: "VALUE_NOT_A_NUMBER" };
  const value = Number(text);
  if (!Number.isFinite(value)) return { ok: false, code: "VALUE_NOT_FINITE" };
  return { ok: true, value, percent };
}

/** yes/no in Vietnamese or English; undefined when the text is neither. */
export function readBoolean(raw: string): boolean | undefined {
  const k = key(raw);
  if (YES.has(k)) return true;
  if (NO.has(k)) return false;
  return undefined;
}

/**
 * The value of a ratio of two columns in the indicator's unit: numerator × scale / denominator.
 * Multiplying first keeps whole figures whole (14 / 25 × 100 would be 56.00000000000001).
 * Every reader of a ratio (readCell, and the row writer's plain case) computes it here.
 */
export const ratioValue = (numerator: number, denominator: number, scale: number): number => (numerator * scale) / denominator;
