// Which errors are about one cell of the data: those `--provisional` ranks despite (cli/provisional.ts).
import type { Diagnostic } from "./diagnostic.ts";
import type { DiagCode } from "./messages.ts";

/** The errors that are about one cell: the ones a provisional ranking can be made despite. */
const CELL_CODES: ReadonlySet<DiagCode> = new Set<DiagCode>([
  "VALUE_NOT_A_NUMBER",
  "VALUE_DECIMAL_COMMA",
  "VALUE_DECIMAL_DOT",
  "VALUE_NOT_FINITE",
  "VALUE_NOT_BOOLEAN",
  "VALUE_UNKNOWN_CATEGORY",
  "VALUE_OUT_OF_RANGE",
  "VALUE_NEGATIVE",
  "VALUE_NUM_ABOVE_DEN",
  "VALUE_HALF_RATIO",
  "VALUE_AND_RATIO",
  "VALUE_PERCENT_SIGN",
  "VALUE_ZERO_DENOMINATOR",
  "VALUE_LOOKS_LIKE_FRACTION",
  "VALUE_ABOVE_MAX",
  "DATA_DUPLICATE_VALUE",
  "MISSING_VALUE",
]);

export const isCellError = (d: Diagnostic): boolean => d.severity === "error" && CELL_CODES.has(d.code);
