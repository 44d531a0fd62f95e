// Unit data as the loaders hand it to the engine: typed cells, already read under the
// declared number and yes/no conventions, each remembering where it came from.

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

export interface UnitData {
  code: string;
  name: string;
  level: string;
  parent?: string;
  /** extra columns of the units registry (peer-group attributes) */
  attributes: Record<string, string>;
  /** false when no data row or cell was found for the unit */
  submitted: boolean;
  /** indicator id -> cell; an absent key is a missing value */
  cells: Map<string, Cell>;
  /** where an indicator's cell was left empty, so that a missing value can be pointed at */
  blanks: Map<string, Source>;
  /** the registry row, or the first data row, of the unit */
  source?: Source;
  /** where the parent code was read */
  parentAt?: Source;
  /** the first data row of the unit in the period scored */
  row?: Source;
}

export interface Dataset {
  period?: string;
  units: UnitData[];
}
