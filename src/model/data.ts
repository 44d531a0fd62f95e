// A cell as read (its typed value under the declared number and yes/no conventions, its text,
// and where it came from): what explain, score and report show of the data.

export interface Source {
  file: string;
  line: number;
  /** 1-based field number in the CSV row, or column number in a worksheet */
  column?: number;
  /** the worksheet, in a workbook (`line` is then its row) */
  sheet?: string;
  header?: string;
}

/** A source as a diagnostic's argument (DATA_DUPLICATE_UNIT's `first`): `file:line`, or `file.xlsx › Sheet › 7:7`. */
export const placeText = (s: Source | undefined): string =>
  s === undefined ? "" : s.sheet !== undefined ? `${s.file} › ${s.sheet} › ${s.line}:${s.line}` : `${s.file}:${s.line}`;

interface CellBase {
  /** the text of the cell as it was in the file */
  raw: string;
  source?: Source;
}

export type Cell =
  | (CellBase & { kind: "number"; value: number; numerator?: number; denominator?: number })
  | (CellBase & { kind: "boolean"; value: boolean })
  | (CellBase & { kind: "text"; value: string })
  | (CellBase & { kind: "na" });
