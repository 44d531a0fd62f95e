// A crosswalk between two periods: which units of an earlier assessment became which units of a
// later one (merged: many to one; divided: one to many), and how a later unit's predecessors are
// combined into the figure it is compared with. Read by load/crosswalk.ts, used by the engine's
// comparison and trends.

/** How the predecessors of one unit are combined: their mean, their sum, or a mean weighted by a registry attribute. */
export type Combine = "mean" | "sum" | "weighted";

export interface CrosswalkMethod {
  combine: Combine;
  /** with `weighted`: the units registry attribute (a column listed under columns.attributes) that weighs each predecessor */
  weight?: string;
}

export interface CrosswalkRow {
  old: string;
  new: string;
  /** the date the change took effect, YYYY-MM-DD */
  date?: string;
  /** the part of the old unit that went to the new one, in (0, 1]; an old unit divided without shares is split evenly */
  share: number;
  /** true when the share was given in the file */
  shareGiven: boolean;
  file: string;
  line: number;
  /** 1-based field numbers of the columns, for diagnostics */
  columns: { old: number; new: number; share?: number };
}

export interface Crosswalk {
  file: string;
  rows: CrosswalkRow[];
  /** the method for every level, unless `levels` names another */
  method: CrosswalkMethod;
  levels: Record<string, CrosswalkMethod>;
  /** where the method was written (manifest or criteria), for diagnostics about it */
  methodAt?: { file: string; line?: number; column?: number };
}

export const methodFor = (cw: Crosswalk, level: string): CrosswalkMethod => cw.levels[level] ?? cw.method;
