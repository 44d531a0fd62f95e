// The zod schema of the manifest (egov-score.yaml). A module of its own so that a run whose
// manifest checked clean before (load/cache.ts) never builds it: the build defers it to its
// first use (scripts/build.mjs LAZY_MODULES).
import { z } from "zod";

export const Columns = z.strictObject({
  code: z.string().optional(),
  name: z.string().optional(),
  level: z.string().optional(),
  parent: z.string().optional(),
  period: z.string().optional(),
  indicator: z.string().optional(),
  value: z.string().optional(),
  numerator: z.string().optional(),
  denominator: z.string().optional(),
  evidence: z.string().optional(),
  attributes: z.array(z.string()).optional(),
});

/** A data entry: a file, folder or glob; or, for workbooks, an object naming the sheet and its header row. */
const DataEntry = z.union([
  z.string(),
  z.strictObject({
    file: z.string(),
    sheet: z.string().optional(),
    "header-row": z.number().int().positive().optional(),
  }),
]);
export const DataEntries = z.union([DataEntry, z.array(DataEntry)]);

/** One period of a series: an assessment folder (or manifest) of its own, or its data files. */
export const PeriodEntry = z.union([
  z.string(),
  z.strictObject({
    data: DataEntries,
    units: z.string().optional(),
  }),
]);

const CrosswalkMethodFields = {
  combine: z.enum(["mean", "sum", "weighted"]).optional(),
  weight: z.string().optional(),
};

/** The crosswalk from the previous period's units to this assessment's: a CSV file, and how predecessors combine. */
const CrosswalkEntry = z.union([
  z.string(),
  z.strictObject({
    file: z.string(),
    ...CrosswalkMethodFields,
    levels: z.record(z.string(), z.strictObject(CrosswalkMethodFields)).optional(),
  }),
]);

export const ManifestSchema = z.strictObject({
  criteria: z.string().optional(),
  units: z.string().optional(),
  data: DataEntries.optional(),
  period: z.union([z.string(), z.number()]).optional(),
  periods: z.record(z.string(), PeriodEntry).optional(),
  input: z
    .strictObject({
      encoding: z.enum(["auto", "utf-8", "utf-16le", "windows-1258"]).optional(),
      delimiter: z.enum(["auto", ",", ";", "\t"]).optional(),
      decimal: z.enum([".", ","]).optional(),
    })
    .optional(),
  columns: Columns.optional(),
  map: z.record(z.string(), z.string()).optional(),
  ignore: z.array(z.string()).optional(),
  unranked: z
    .strictObject({
      attribute: z.string().optional(),
      units: z.record(z.string(), z.string()).optional(),
    })
    .optional(),
  crosswalk: CrosswalkEntry.optional(),
});

