// From the rows of the files to the engine's columnar dataset, the one place units are made:
// the units registry, the data rows' units, periods, the placing of every cell (wide rows, and
// long rows of one indicator each), and the checks on units, duplicates and parents. The rows
// come from a file streamed or read whole (load/tables.ts), alike.
import { diag, pushAll, type Diagnostic } from "../../diag/diagnostic.ts";
import { ABSENT, CELL_BLANK, CELL_FROM_RATIO, NOT_APPLICABLE, stateOf, VALUE, valueAt, type ColumnarDataset, type IndicatorColumn } from "../../model/columns.ts";
import { dataColumns, type Criteria } from "../../model/criteria.ts";
import type { Source } from "../../model/data.ts";
import { normKey } from "../dialect.ts";
import { readFileSync } from "node:fs";
import type { Cell } from "../../model/data.ts";
import { readCsv, type Delimiter } from "../csv.ts";
import { cellOf, checkAbsentColumns, checkUnitName, choosePeriod, headerList, keptAttributes, levelReader, namesIndex, readCell, suggestUnit, listedReasons, unrankedReason, where, type At } from "../data.ts";
import { placeText } from "../../model/data.ts";
import type { CsvRow } from "../csv.ts";
import { closest } from "../../util/similar.ts";
import type { Assessment } from "../manifest.ts";
import type { FileRows } from "./read.ts";
import { textAt, textReader } from "./texts.ts";
import type { RowSpec } from "./rows.ts";

/** What reading a table's rows and making its units depend on in the manifest. */
export type Settings = Pick<Assessment, "columns" | "period" | "decimal" | "ignore" | "unranked">;

/** A file read into rows, with what its header says. */
export interface Table {
  /** the path as shown to the user */
  file: string;
  /** where its rows are: the file, and the worksheet of a workbook */
  at: At;
  header: string[];
  /** the line of the header (CSV_REPEATED_HEADER names it) */
  headerLine: number;
  spec: RowSpec;
  rows: FileRows;
  /** the CSV_UNKNOWN_COLUMN warnings of its header, reported before its rows' problems */
  unknown: Diagnostic[];
  /** the rows as text, for a table read whole: its cells are derived from them on demand
   * (a streamed file's are read again from the file) */
  text?: readonly CsvRow[];
}

export interface Assembled {
  dataset: ColumnarDataset;
  periods: string[];
  diagnostics: Diagnostic[];
}


export function assemble(criteria: Criteria, s: Settings, tables: { units?: Table; data: Table[] }): Assembled {
  const diagnostics: Diagnostic[] = [];
  const levelIds = criteria.levels.map((l) => l.id);
  const singleLevel = levelIds.length === 1 ? levelIds[0] : undefined;
  const attrNames = keptAttributes(criteria, s);
  const columns = dataColumns(criteria);
  const K = columns.length;
  const indicatorIndex = new Map(columns.map((ind, k) => [ind, k] as const));

  // The units, as they are met: the registry's rows, then data rows of units it does not list.
  // Where things were read is kept as (file, line) numbers, not objects: a million units.
  // Files are numbered: the data files in order, then the registry.
  const fileAts: At[] = [...tables.data.map((t) => t.at), tables.units?.at ?? ""];
  const REGISTRY = tables.data.length;
  const capacity = (tables.units?.rows.rows ?? 0) + tables.data.reduce((n, t) => n + t.rows.rows, 0);
  const units = new Map<string, number>();
  const code: string[] = [];
  const level: number[] = [];
  const parent: (string | undefined)[] = [];
  const at = (file: Int32Array, line: Int32Array) => ({
    file,
    line,
    get(u: number): Source | undefined {
      const f = file[u] as number;
      return f < 0 ? undefined : where(fileAts[f] as At, line[u] as number);
    },
  });
  const positions = () => new Int32Array(capacity).fill(-1);
  /** the registry row, or the data row that made the unit */
  const source = at(positions(), new Int32Array(capacity));
  /** the first data row of the unit in the period scored */
  const rowAt = at(positions(), new Int32Array(capacity));
  /** where the parent was read: the cell of the parent column in the unit's own (source) row */
  const parentAt = (u: number): Source | undefined => {
    const src = parent[u] === undefined ? undefined : source.get(u);
    const table = src && tableOf(source.file[u] as number);
    return src && table ? where(table.at, src.line, table.spec.fields.parent + 1) : undefined;
  };
  const attributes = attrNames.map((): (string | undefined)[] => []);
  // a unit's name is the one of the row that made it (its bytes, read when the unit is shown)
  const nameRow = new Int32Array(capacity);
  const tableOf = (file: number): Table | undefined => (file === REGISTRY ? tables.units : tables.data[file]);
  const addUnit = (c: string, row: number, l: string, file: number, line: number): number => {
    const u = code.length;
    units.set(c, u);
    code.push(c);
    nameRow[u] = row;
    level.push(levelIds.indexOf(l));
    parent.push(undefined);
    source.file[u] = file;
    source.line[u] = line;
    for (const a of attributes) a.push(undefined);
    return u;
  };
  const rejected = new Set<string>();
  let registryBroken = false;

  // levels as the rows write them (already trimmed and normalised), once read without complaint
  const knownLevel = new Map<string, string>();
  for (const id of levelIds) knownLevel.set(id, id);
  if (singleLevel !== undefined) knownLevel.set("", singleLevel);
  const readLevel = levelReader(levelIds, diagnostics);

  const registry = tables.units && tables.units.rows.rows > 0 ? tables.units : undefined;
  if (registry) {
    const { fields: f } = registry.spec;
    const rows = registry.rows;
    if (f.code < 0) {
      diagnostics.push(diag("CSV_NO_CODE_COLUMN", "error", { column: s.columns.code, header: headerList(registry.header) }, where(registry.at, registry.headerLine)));
      registryBroken = true;
    } else {
      for (let r = 0; r < rows.rows; r++) {
        const line = rows.columns.line[r] as number;
        const c = rows.code[r] as string;
        if (c === "") {
          diagnostics.push(diag("DATA_NO_CODE", "error", {}, where(registry.at, line, f.code + 1)));
          continue;
        }
        const first = units.get(c);
        if (first !== undefined) {
          diagnostics.push(diag("DATA_DUPLICATE_UNIT", "error", { unit: c, first: placeText(source.get(first)) }, where(registry.at, line, f.code + 1)));
          continue;
        }
        const lv = rows.level[r] as string;
        const l = f.level >= 0 ? readLevel(lv, registry.at, line, f.level + 1) : singleLevel;
        if (l === undefined) {
          if (f.level < 0 || lv === "") diagnostics.push(diag("DATA_NO_LEVEL", "error", { unit: c }, where(registry.at, line, f.level < 0 ? undefined : f.level + 1)));
          rejected.add(c);
          continue;
        }
        const u = addUnit(c, r, l, REGISTRY, line);
        const p = rows.parent[r] as string;
        if (p) parent[u] = p;
        registry.spec.attributes.forEach((col, i) => {
          if (col >= 0) (attributes[i] as (string | undefined)[])[u] = rows.attributes[i]?.[r] as string;
        });
      }
    }
  }

  // Which rows belong to the period being scored.
  const periods = new Set<string>();
  for (const t of tables.data) {
    if (t.spec.fields.period < 0) continue;
    for (const p of t.rows.period) if (p !== "") periods.add(p);
  }
  const { period, sorted: sortedPeriods } = choosePeriod(periods, s.period, diagnostics);

  const submitted = new Uint8Array(capacity);
  const blanks = new Map<number, Source>();
  const errorPolicy = columns.map((ind) => ind.role === "score" && ind.missing === "error");
  /** per data file: the unit of each row (-1: the row was not taken) */
  const unitRows: Int32Array[] = [];
  const firstRow = new Int32Array(capacity).fill(-1);
  /** the file of the unit's last row, and its line: a second row in one wide file is a duplicate */
  const lastFile = new Int32Array(capacity).fill(-1);
  const lastLine = new Int32Array(capacity);
  /** Where the cells of units met in more than one row were placed (unit × indicators +
   * indicator: the row's place): a second value is a duplicate. Most units have one row, and
   * need nothing here; a unit's first row is entered when its second is met. */
  const placed = new Map<number, string>();
  const multi = new Uint8Array(capacity);
  const enterRow = (u: number, ti: number, r: number): void => {
    const t = tables.data[ti] as Table;
    const place = placeText(where(t.at, t.rows.columns.line[r] as number));
    t.spec.entries.forEach((e, i) => {
      if (stateOf(t.rows.columns.state[i]?.[r] as number) !== ABSENT) placed.set(u * K + (indicatorIndex.get(e.indicator) as number), place);
    });
  };

  // the registry's names (DATA_UNIT_NAME_MISMATCH, and suggestions for unknown codes by name)
  const registeredName = (u: number): string => (registry && textAt(registry.rows.name, nameRow[u] as number)) || (code[u] as string);
  let names: Map<string, string> | undefined;
  const registryNames = () => (names ??= namesIndex(code.map((c, u) => [c, registeredName(u)] as [string, string])));

  tables.data.forEach((t, ti) => {
    const f = t.spec.fields;
    const long = t.spec.long !== undefined;
    const rows = t.rows;
    const unitOfRow = new Int32Array(rows.rows).fill(-1);
    unitRows.push(unitOfRow);
    if (f.code < 0) {
      diagnostics.push(diag("CSV_NO_CODE_COLUMN", "error", { column: s.columns.code, header: headerList(t.header) }, where(t.at, t.headerLine)));
      return;
    }
    pushAll(diagnostics, t.unknown);
    const entries = t.spec.entries.map((e) => {
      const k = indicatorIndex.get(e.indicator) as number;
      return {
        ...e,
        k,
        // by level index: does the indicator apply there
        applies: Uint8Array.from(criteria.levels, (l) => (e.indicator.maxByLevel.has(l.id) ? 1 : 0)),
        keepBlank: errorPolicy[k] === true,
      };
    });
    const states = rows.columns.state;
    /** by level index: every entry applies there and none keeps its blanks (rows.ts's usual row) */
    const plainRow = Uint8Array.from(criteria.levels, (_, li) => (entries.every((e) => e.applies[li] === 1 && !e.keepBlank) ? 1 : 0));
    let problem = 0;
    const problems = rows.problems;
    for (let r = 0; r < rows.rows; r++) {
      const line = rows.columns.line[r] as number;
      const skipProblems = () => {
        while (problem < problems.length && (problems[problem]?.row as number) <= r) problem++;
      };
      if (f.period >= 0) {
        const p = rows.period[r] as string;
        if (p !== "" && p !== period) {
          skipProblems();
          continue;
        }
      }
      // The unit of the row: from the registry, or made from the row itself.
      const c = rows.code[r] as string;
      let u: number | undefined;
      if (c === "") diagnostics.push(diag("DATA_NO_CODE", "error", {}, where(t.at, line, f.code + 1)));
      else {
        u = units.get(c);
        if (u !== undefined && registry && f.name >= 0 && source.file[u] === REGISTRY) {
          const d = checkUnitName(c, textAt(rows.name, r), registeredName(u), registryNames(), where(t.at, line, f.name + 1));
          if (d) diagnostics.push(d);
        }
        if (u === undefined && (rejected.size === 0 || !rejected.has(c)) && !registryBroken) {
          if (registry) {
            const suggestion = suggestUnit(c, f.name >= 0 ? textAt(rows.name, r) : "", registryNames(), units.keys());
            diagnostics.push(diag("DATA_UNKNOWN_UNIT", "error", { unit: c, ...(suggestion ? { suggestion } : {}) }, where(t.at, line, f.code + 1)));
          } else {
            const lv = rows.level[r] as string;
            const l = f.level >= 0 ? (knownLevel.get(lv) ?? readLevel(lv, t.at, line, f.level + 1)) : singleLevel;
            if (l === undefined) {
              if (f.level < 0 || lv === "") diagnostics.push(diag("DATA_NO_LEVEL", "error", { unit: c }, where(t.at, line, f.level < 0 ? undefined : f.level + 1)));
              rejected.add(c);
            } else {
              u = addUnit(c, r, l, ti, line);
              const p = rows.parent[r] as string;
              if (p) parent[u] = p;
              t.spec.attributes.forEach((col, i) => {
                if (col >= 0) (attributes[i] as (string | undefined)[])[u as number] = rows.attributes[i]?.[r] as string;
              });
            }
          }
        }
      }
      if (u !== undefined && !long) {
        if (lastFile[u] === ti) {
          diagnostics.push(diag("DATA_DUPLICATE_UNIT", "error", { unit: c, first: placeText(where(t.at, lastLine[u] as number)) }, where(t.at, line, f.code + 1)));
          u = undefined;
        } else {
          lastFile[u] = ti;
          lastLine[u] = line;
        }
      }
      if (u === undefined) {
        // the row's unit was refused: its cells' problems are still told (all in one pass); a
        // long row is about its unit only, and says nothing more
        while (problem < problems.length && (problems[problem]?.row as number) <= r) {
          const p = (problems[problem] as (typeof problems)[number]);
          if (p.row === r && !long) diagnostics.push(diag(p.diagnostic.code, p.diagnostic.severity, p.diagnostic.args, where(t.at, line, p.diagnostic.column)));
          problem++;
        }
        continue;
      }
      unitOfRow[r] = u;
      if ((rowAt.file[u] as number) < 0) {
        rowAt.file[u] = ti;
        rowAt.line[u] = line;
      }
      // a unit's second row (another file, or a long file's next row): where its cells were
      // placed is kept from now on, for duplicate values
      const fr = firstRow[u] as number;
      if (fr < 0) firstRow[u] = r;
      else if (!multi[u]) {
        multi[u] = 1;
        enterRow(u, rowAt.file[u] as number, fr);
      }
      const many = multi[u] === 1;
      const li = level[u] as number;
      const problemsHere = problem < problems.length && problems[problem]?.row === r;
      // The usual row: its unit's first, no problem, every indicator of the file applies at its
      // level and none keeps its blanks: nothing to check or place, only whether it sent a value.
      if (!problemsHere && !many && plainRow[li] === 1) {
        if (!submitted[u]) {
          for (let e = 0; e < states.length; e++) {
            if (stateOf(states[e]?.[r] as number) !== ABSENT) {
              submitted[u] = 1;
              break;
            }
          }
        }
        continue;
      }
      for (let e = 0; e < entries.length; e++) {
        const entry = entries[e] as (typeof entries)[number];
        if (problemsHere) {
          while (problem < problems.length && problems[problem]?.row === r && problems[problem]?.entry === e) {
            const p = (problems[problem] as (typeof problems)[number]).diagnostic;
            diagnostics.push(diag(p.code, p.severity, p.args, where(t.at, line, p.column)));
            problem++;
          }
        }
        const state = states[e] as Uint8Array;
        const st = state[r] as number;
        const kind = stateOf(st);
        if (kind === ABSENT) {
          if (st & CELL_BLANK && entry.keepBlank && !blanks.has(u * K + entry.k)) blanks.set(u * K + entry.k, where(t.at, line, entry.cols.value + 1));
          continue;
        }
        const first = many ? placed.get(u * K + entry.k) : undefined;
        if (!entry.applies[li] || first !== undefined) {
          const { cols, indicator: ind } = entry;
          const column = (st & CELL_FROM_RATIO ? (cols.numerator >= 0 ? cols.numerator : cols.denominator) : cols.value) + 1;
          const lvl = criteria.levels[li]?.id as string;
          if (!entry.applies[li]) {
            if (kind !== NOT_APPLICABLE) diagnostics.push(diag("DATA_NOT_APPLICABLE_LEVEL", "warning", { indicator: ind.id, level: lvl, unit: c }, where(t.at, line, column)));
          } else {
            diagnostics.push(diag("DATA_DUPLICATE_VALUE", "error", { unit: c, indicator: ind.id, first: first as string }, where(t.at, line, column)));
          }
          state[r] = 0;
          continue;
        }
        submitted[u] = 1;
        if (many) placed.set(u * K + entry.k, placeText(where(t.at, line)));
      }
      // (problems of the row not tied to an indicator of the file: a long row's unknown indicator)
      while (problem < problems.length && problems[problem]?.row === r) {
        const p = (problems[problem] as (typeof problems)[number]).diagnostic;
        diagnostics.push(diag(p.code, p.severity, p.args, where(t.at, line, p.column)));
        problem++;
      }
    }
  });

  const n = code.length;
  // the levels each file fed, and how many units sent a row (checkAbsentColumns of load/data.ts)
  const sent = new Map<string, number>();
  for (let u = 0; u < n; u++) if ((rowAt.file[u] as number) >= 0) {
    const id = criteria.levels[level[u] as number]?.id as string;
    sent.set(id, (sent.get(id) ?? 0) + 1);
  }
  const feeds = tables.data.map((t, ti) => {
    const levels = new Set<string>();
    for (const u of unitRows[ti] ?? []) if (u >= 0) levels.add(criteria.levels[level[u] as number]?.id as string);
    return { file: t.file, at: where(t.at, t.headerLine), header: t.header, levels };
  });
  pushAll(diagnostics, checkParents(criteria, { code, level, parent, parentAt, source: (u) => source.get(u) }, units));

  // The cells: the data file's columns themselves when its rows are the units one for one (one
  // file, no registry, nothing skipped: the usual large case); else copied unit by unit.
  const only = tables.data.length === 1 ? tables.data[0] : undefined;
  const identity = !registry && only !== undefined && n === only.rows.rows && (unitRows[0] as Int32Array).every((u, r) => u === r);
  const cells: IndicatorColumn[] = columns.map((ind) => {
    const texts: string[] = [];
    if (identity && only) {
      const e = only.spec.entries.findIndex((x) => x.indicator === ind);
      // (the engine reads the state's low bits only: the loader's flags above them can stay)
      if (e < 0) return { state: new Uint8Array(n), value: new Float64Array(n), texts };
      const c = only.rows.columns;
      const col: IndicatorColumn = { state: c.state[e] as Uint8Array, value: c.value[e] as Float64Array | Int32Array, wide: c.wide[e] as Map<number, number>, texts: only.rows.texts[e] as string[] };
      const [numerator, denominator] = [c.numerator[e], c.denominator[e]];
      if (numerator && denominator) Object.assign(col, { numerator, denominator });
      return col;
    }
    const col: IndicatorColumn = { state: new Uint8Array(n), value: new Float64Array(n), texts };
    const textIndex = new Map<string, number>();
    tables.data.forEach((t, ti) => {
      const e = t.spec.entries.findIndex((x) => x.indicator === ind);
      const rows = unitRows[ti];
      if (e < 0 || !rows) return;
      const state = t.rows.columns.state[e] as Uint8Array;
      // the file's column, read as the engine reads one (the values here: whole, in 8 bytes)
      const from: IndicatorColumn = { state, value: t.rows.columns.value[e] as Float64Array | Int32Array, wide: t.rows.columns.wide[e] as Map<number, number>, texts: [] };
      for (let r = 0; r < rows.length; r++) {
        const u = rows[r] as number;
        const st = stateOf(state[r] as number);
        if (u < 0 || st === ABSENT) continue;
        // (the values are copied whole, in 8 bytes: the scale goes, the ratio flag stays, with the
        // numerator and the denominator)
        col.state[u] = st | ((state[r] as number) & CELL_FROM_RATIO);
        if (st !== VALUE) continue;
        const [nums, dens] = [t.rows.columns.numerator[e], t.rows.columns.denominator[e]];
        if (nums && dens && (state[r] as number) & CELL_FROM_RATIO) {
          (col.numerator ??= new Float64Array(n))[u] = nums[r] as number;
          (col.denominator ??= new Float64Array(n))[u] = dens[r] as number;
        }
        let v = valueAt(from, r);
        if (ind.unit === "text") {
          const text = t.rows.texts[e]?.[v] as string;
          let i = textIndex.get(text);
          if (i === undefined) {
            textIndex.set(text, (i = texts.length));
            texts.push(text);
          }
          v = i;
        }
        (col.value as Float64Array)[u] = v;
      }
    });
    return col;
  });

  // the names of each file's rows (numbered as tableOf numbers them), each read by one reader (a report reads every unit's name)
  const nameReaders = [...tables.data, tables.units].map((t) => (t ? textReader(t.rows.name) : () => ""));
  const attributeMap = new Map(attrNames.map((a, i) => [a, attributes[i] as (string | undefined)[]] as const));
  const dataset: ColumnarDataset = {
    size: n,
    code,
    nameOf: (g) => {
      const read = nameReaders[source.file[g] as number];
      return (read && read(nameRow[g] as number)) || (code[g] as string);
    },
    level: Uint8Array.from(level),
    parent,
    attributes: attributeMap,
    submitted: submitted.subarray(0, n),
    cells,
    index: units,
    missingAt: (g, k) => blanks.get(g * K + k) ?? rowAt.get(g) ?? source.get(g) ?? {},
    cellAt: cellReader(criteria, tables.data, unitRows, n),
  };
  if (period !== undefined) dataset.period = period;
  if (s.unranked) {
    const cells = s.unranked.attribute === undefined ? undefined : attributeMap.get(normKey(s.unranked.attribute));
    const unranked = new Map<number, string>();
    const listed = listedReasons(s);
    for (let g = 0; g < n; g++) {
      const reason = listed.get(code[g] as string) ?? unrankedReason({}, code[g] as string, cells?.[g]);
      if (reason !== undefined) unranked.set(g, reason);
    }
    dataset.unranked = unranked;
    // a code listed that names no unit (a typo would leave the unit it meant in the ranking)
    for (const written of Object.keys(s.unranked.units)) {
      const c = normKey(written);
      if (units.has(c)) continue;
      const suggestion = closest(c, units.keys())[0];
      diagnostics.push(diag("UNIT_UNRANKED_UNKNOWN", "warning", { unit: c, ...(suggestion ? { suggestion } : {}) }, s.unranked.at?.[written] ?? {}));
    }
  }
  // a level of the registry none of whose units sent a row (of the period scored), where others
  // did: its file left out of `data:` or named otherwise, or not yet in (each of its units "not
  // ranked", and nothing else said). A warning, as a column absent from a level is: a ranking that
  // differs is never left without one (--strict on data collected in part stops on it).
  if (registry && sent.size > 0) {
    const listed = new Map<string, number>();
    for (let u = 0; u < n; u++) {
      const id = criteria.levels[level[u] as number]?.id;
      if (id !== undefined) listed.set(id, (listed.get(id) ?? 0) + 1);
    }
    const files = [...new Set(tables.data.map((t) => (typeof t.at === "string" ? t.at : t.at.file)))].join(", ");
    // (a level no indicator applies at sends nothing: its units are parents only)
    const scored = (id: string): boolean => criteria.indicators.some((ind) => ind.maxByLevel.has(id));
    for (const [id, units] of listed) if (!sent.has(id) && scored(id)) diagnostics.push(diag("DATA_LEVEL_NOT_SENT", "warning", { level: id, units, files, ...(periods.size > 0 && period !== undefined ? { period } : {}) }, where(registry.at, registry.headerLine)));
  }
  pushAll(diagnostics, checkAbsentColumns(criteria, s, feeds, sent));
  return { dataset, periods: sortedPeriods, diagnostics };
}

/** Each unit's parent: given where its level has one, known, of the parent level, and no cycle. */
function checkParents(
  criteria: Criteria,
  u: { code: string[]; level: number[]; parent: (string | undefined)[]; parentAt: (u: number) => Source | undefined; source: (u: number) => Source | undefined },
  units: Map<string, number>,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const parentLevel = criteria.levels.map((l) => l.parent);
  for (let i = 0; i < u.code.length; i++) {
    const code = u.code[i] as string;
    const src = u.source(i);
    const at = u.parentAt(i) ?? (src ? { file: src.file, line: src.line } : {});
    const levelId = criteria.levels[u.level[i] as number]?.id as string;
    const expected = parentLevel[u.level[i] as number];
    const p0 = u.parent[i];
    if (p0 === undefined) {
      if (expected !== undefined) out.push(diag("UNIT_NO_PARENT", "warning", { unit: code, level: levelId, expected }, at));
      continue;
    }
    const seen = new Set([code]);
    let cyclic = false;
    for (let p: string | undefined = p0; p !== undefined; ) {
      if (seen.has(p)) {
        cyclic = true;
        break;
      }
      seen.add(p);
      const pi = units.get(p);
      p = pi === undefined ? undefined : u.parent[pi];
    }
    if (cyclic) {
      out.push(diag("UNIT_PARENT_CYCLE", "error", { unit: code }, at));
      continue;
    }
    const pi = units.get(p0);
    if (pi === undefined) out.push(diag("UNIT_PARENT_MISSING", "error", { unit: code, parent: p0 }, at));
    else if (expected !== undefined && criteria.levels[u.level[pi] as number]?.id !== expected) {
      out.push(diag("UNIT_PARENT_LEVEL", "error", { unit: code, parent: p0, expected, actual: criteria.levels[u.level[pi] as number]?.id as string }, at));
    }
  }
  return out;
}

/**
 * The cells as the engine's views show them (their text and place: what explain, score and
 * report show), derived on demand instead of kept for every cell: the unit's row in the table
 * that gave the value is found (each table's rows know their unit), its text taken from the
 * table read whole, or read again from a streamed file by readCsv (once per file, on first use),
 * and read by readCell, the function that read it the first time. A ranking never asks, and
 * pays nothing.
 */
function cellReader(criteria: Criteria, tables: Table[], unitRows: Int32Array[], units: number): (g: number, k: number) => Cell | undefined {
  /** per table: the row of each unit (a wide table), or of each unit and entry (a long one) */
  const rowOfUnit: (Int32Array | Map<number, number> | undefined)[] = [];
  const textOf: (Map<number, string[]> | undefined)[] = [];
  const entryOf = tables.map((t) => new Map(t.spec.entries.map((e, i) => [e.indicator, i] as const)));
  const rowOf = (ti: number, g: number, e: number): number => {
    const t = tables[ti] as Table;
    const E = t.spec.entries.length;
    let m = rowOfUnit[ti];
    if (!m) {
      const rows = unitRows[ti] ?? new Int32Array(0);
      if (t.spec.long) {
        const byCell = new Map<number, number>();
        rows.forEach((u, r) => {
          if (u < 0) return;
          for (let i = 0; i < E; i++) if (stateOf(t.rows.columns.state[i]?.[r] as number) !== ABSENT) byCell.set(u * E + i, r);
        });
        m = byCell;
      } else {
        const byUnit = new Int32Array(units).fill(-1);
        rows.forEach((u, r) => {
          if (u >= 0) byUnit[u] = r;
        });
        m = byUnit;
      }
      rowOfUnit[ti] = m;
    }
    return m instanceof Map ? (m.get(g * E + e) ?? -1) : (m[g] as number);
  };
  const linesOf = (ti: number): Map<number, string[]> => {
    let m = textOf[ti];
    if (!m) {
      const t = tables[ti] as Table;
      const rows = t.text ?? readCsv(readFileSync(t.spec.path), t.file, { encoding: "utf-8", delimiter: t.spec.delimiter as Delimiter }).table?.rows ?? [];
      m = new Map(rows.map((row) => [row.line, row.cells] as const));
      textOf[ti] = m;
    }
    return m;
  };
  const columns = dataColumns(criteria);
  return (g, k) => {
    const ind = columns[k];
    if (!ind) return undefined;
    for (let ti = 0; ti < tables.length; ti++) {
      const t = tables[ti] as Table;
      const e = entryOf[ti]?.get(ind);
      if (e === undefined) continue;
      const r = rowOf(ti, g, e);
      if (r < 0 || stateOf(t.rows.columns.state[e]?.[r] as number) === ABSENT) continue;
      const line = t.rows.columns.line[r] as number;
      const cells = linesOf(ti).get(line);
      const entry = t.spec.entries[e];
      if (!cells || !entry) return undefined;
      const read = readCell(ind, (i) => (i >= 0 ? (cells[i] ?? "") : ""), entry.cols, t.spec.decimal, () => {});
      return read && cellOf(read, t.at, line, t.header);
    }
    return undefined;
  };
}
