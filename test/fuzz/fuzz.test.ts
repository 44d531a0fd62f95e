// Fuzzing: random bytes and random mutations of valid criteria and CSV files must only ever
// produce diagnostics, never an exception; random valid criteria and data keep the engine's
// invariants. `npm test` runs a bounded number of cases; `npm run fuzz` a longer campaign
// (FUZZ_RUNS) and reports how many cases it tried.
import fc from "fast-check";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { score } from "../../src/engine/views.ts";
import { loadCriteriaText } from "../../src/load/criteria.ts";
import { readCsv } from "../../src/load/csv.ts";
import { assembleTables } from "../../src/load/tables.ts";
import { plainPalette } from "../../src/render/common.ts";
import { rankCsv, rankJson, rankTable } from "../../src/render/rank.ts";
import { scoreCsv } from "../../src/render/score.ts";
import { ROOT, folder, run } from "../helpers/exec.ts";
import { settings } from "../helpers/model.ts";

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const TIMEOUT = Math.max(60_000, RUNS * 400);
let tried = 0;
afterAll(() => {
  if (process.env.FUZZ_RUNS) process.stdout.write(`fuzz: ${tried} cases tried\n`);
});

const SAMPLE = path.join(ROOT, "samples/ca-mau-2019");
const CRITERIA = readFileSync(path.join(ROOT, "criteria/vn-cqdt-2019.yaml"), "utf8");
// the first rows of the commune file, and the registry rows they need: quick to score
const XA = readFileSync(path.join(SAMPLE, "data/xa.csv"), "utf8").split("\n").slice(0, 16).join("\n");
const XA_CODES = new Set(XA.split("\n").slice(1).map((l) => l.split(",")[0]));
const UNITS = Buffer.from(
  readFileSync(path.join(SAMPLE, "units.csv"), "utf8")
    .split("\n")
    .filter((l, i) => i === 0 || XA_CODES.has(l.split(",")[0]) || l.includes(",huyen,"))
    .join("\n"),
);
const PARSED = loadCriteriaText(CRITERIA, "c.yaml");

/** The whole pipeline, in-process: every stage may report diagnostics, none may throw. */
function pipeline(criteriaText: string, data: Uint8Array[], decimal: "." | "," = "."): void {
  tried++;
  const c = criteriaText === CRITERIA ? PARSED : loadCriteriaText(criteriaText, "c.yaml");
  if (!c.criteria) {
    expect(c.diagnostics.length).toBeGreaterThan(0);
    return;
  }
  const tables = data.map((d, i) => readCsv(d, `d${i}.csv`, { encoding: "auto", delimiter: "auto" })).flatMap((t) => (t.table ? [t.table] : []));
  const units = readCsv(UNITS, "units.csv", { encoding: "auto", delimiter: "auto" }).table;
  const loaded = assembleTables(c.criteria, { ...settings, decimal }, { ...(units ? { units } : {}), data: tables });
  const r = score(c.criteria, loaded.dataset);
  const o = { lang: "vi" as const, palette: plainPalette };
  for (const render of [rankCsv, rankJson, rankTable, scoreCsv]) expect(typeof render(r, o)).toBe("string");
}

const HOSTILE = ["", "-", "N/A", "1e308", "-1e308", "NaN", "Infinity", "--5", "1.234.567,8", "1,234,567.8", "120%", "-3", "0", "x", "có", "\u0000", '"', '""', "=1+1", "\u001b[31m", "\t", "\r", "\n", "9".repeat(400), "không áp dụng", "1/0", " ", "٣"];
const YAML_TOKENS = ["[", "]", "{", "}", ":", "- ", "&a ", "*a", "!!binary", "\t", "---", "...", "#", "'", '"', "? ", "|", ">", "null", "-1", "1e999", "~", "<<: *a", "%YAML 1.2"];

describe("fuzzing the loaders", () => {
  it("random bytes as criteria, manifest-like YAML or CSV never throw", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        tried++;
        const text = Buffer.from(bytes).toString("utf8");
        expect(loadCriteriaText(text, "c.yaml").diagnostics).toBeDefined();
        expect(readCsv(bytes, "d.csv", { encoding: "auto", delimiter: "auto" }).diagnostics).toBeDefined();
        expect(readCsv(bytes, "d.csv", { encoding: "windows-1258", delimiter: "auto" }).diagnostics).toBeDefined();
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  it("random mutations of a valid criteria file give diagnostics or a usable model", () => {
    const lines = CRITERIA.split("\n");
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant("delete" as const), at: fc.nat() }),
      fc.record({ kind: fc.constant("duplicate" as const), at: fc.nat() }),
      fc.record({ kind: fc.constant("swap" as const), at: fc.nat(), to: fc.nat() }),
      fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), col: fc.nat(), token: fc.constantFrom(...YAML_TOKENS) }),
      fc.record({ kind: fc.constant("number" as const), at: fc.nat(), value: fc.constantFrom("-1", "0", "1e9", "0.5", "abc", "[]", "{}") }),
      fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (ms) => {
        let ls = [...lines];
        for (const m of ms) {
          const i = m.at % ls.length;
          if (m.kind === "delete") ls.splice(i, 1);
          else if (m.kind === "duplicate") ls.splice(i, 0, ls[i] ?? "");
          else if (m.kind === "swap") [ls[i], ls[m.to % ls.length]] = [ls[m.to % ls.length] ?? "", ls[i] ?? ""];
          else if (m.kind === "insert") {
            const l = ls[i] ?? "";
            const c = m.col % (l.length + 1);
            ls[i] = l.slice(0, c) + m.token + l.slice(c);
          } else if (m.kind === "number") ls[i] = (ls[i] ?? "").replace(/\d+(\.\d+)?/, m.value);
          else ls = ls.slice(0, i);
        }
        pipeline(ls.join("\n"), [Buffer.from(XA)]);
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  it("random hostile cells and broken rows in a valid data file give diagnostics, never an exception", () => {
    const rows = XA.trimEnd().split("\n").map((l) => l.split(","));
    const edit = fc.record({ row: fc.nat(), col: fc.nat(), cell: fc.constantFrom(...HOSTILE), op: fc.constantFrom("set", "drop", "add", "quote") });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 8 }), fc.constantFrom(".", ","), fc.constantFrom("utf8", "utf16le", "latin1"), (edits, decimal, enc) => {
        const rs = rows.map((r) => [...r]);
        for (const e of edits) {
          const r = rs[e.row % rs.length] as string[];
          const c = e.col % r.length;
          if (e.op === "set") r[c] = e.cell;
          else if (e.op === "drop") r.splice(c, 1);
          else if (e.op === "add") r.splice(c, 0, e.cell);
          else r[c] = `"${r[c]}`;
        }
        const text = rs.map((r) => r.join(",")).join("\n");
        const bytes = enc === "utf16le" ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]) : Buffer.from(text, enc);
        pipeline(CRITERIA, [bytes], decimal as "." | ",");
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);
});

// Random valid criteria: a tree of groups and indicators with every rule, random data.
const ruleArb = fc.oneof(
  fc.constant({ type: "ratio" }),
  fc.constantFrom("higher", "lower").map((direction) => ({ type: "target", target: 50, direction })),
  fc.constant({ type: "steps", steps: [{ atLeast: 60, share: 1 }, { atLeast: 20, share: 0.5 }] }),
  fc.constant({ type: "steps", steps: [{ atMost: 10, share: 1 }, { atMost: 40, share: 0.25 }] }),
  fc.constant({ type: "points" }),
  fc.constantFrom("higher", "lower").map((direction) => ({ type: "linear", lower: 10, upper: 90, direction })),
  fc.constantFrom("relative", "minmax", "zscore").chain((type) => fc.constantFrom("higher", "lower").map((direction) => ({ type, direction }))),
);
interface Gen {
  id: string;
  max?: number;
  rule?: unknown;
  aggregation?: string;
  weight?: number;
  indicators?: Gen[];
}
const treeArb = fc.record({
  aggregation: fc.constantFrom("sum", "mean", "geometric"),
  missing: fc.constantFrom("zero", "exclude", "impute-mean", "impute-median"),
  groups: fc.array(
    fc.record({
      aggregation: fc.constantFrom("sum", "mean", "geometric"),
      indicators: fc.array(fc.record({ max: fc.integer({ min: 1, max: 10 }), rule: ruleArb, weight: fc.integer({ min: 1, max: 3 }) }), { minLength: 1, maxLength: 4 }),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  ranking: fc.constantFrom("competition", "dense"),
});

describe("engine invariants on random valid criteria", () => {
  it("scores stay within [0, max], ranks are valid, shuffling rows changes nothing", () => {
    fc.assert(
      fc.property(treeArb, fc.array(fc.array(fc.oneof(fc.integer({ min: 0, max: 100 }).map(String), fc.constantFrom("", "N/A")), { minLength: 12, maxLength: 12 }), { minLength: 1, maxLength: 12 }), (t, cells) => {
        tried++;
        let n = 0;
        const groups: Gen[] = t.groups.map((g, gi) => ({
          id: `g${gi}`,
          aggregation: g.aggregation,
          ...(g.aggregation === "sum" ? {} : { max: 10 }),
          indicators: g.indicators.map((i) => ({ id: `i${n++}`, max: i.max, weight: i.weight, rule: i.rule })),
        }));
        const yaml = JSON.stringify({ id: "f", title: "F", version: 1, levels: [{ id: "u" }], missing: t.missing, aggregation: t.aggregation, ...(t.aggregation === "sum" ? {} : { max: 100 }), ranking: { method: t.ranking }, groups });
        const c = loadCriteriaText(yaml, "f.yaml");
        expect(c.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
        const ids = c.criteria!.indicators.map((i) => i.id);
        const csv = (order: number[]) => [["code", ...ids].join(","), ...order.map((r) => [`U${r}`, ...ids.map((_, k) => cells[r]![k] ?? "")].join(","))].join("\n");
        const forward = cells.map((_, i) => i);
        const run1 = score(c.criteria!, assembleTables(c.criteria!, settings, { data: [readCsv(Buffer.from(csv(forward)), "d.csv", { encoding: "auto", delimiter: "," }).table!] }).dataset);
        const run2 = score(c.criteria!, assembleTables(c.criteria!, settings, { data: [readCsv(Buffer.from(csv([...forward].reverse())), "d.csv", { encoding: "auto", delimiter: "," }).table!] }).dataset);
        expect(rankCsv(run2)).toBe(rankCsv(run1));
        const units = run1.levels[0]!.units;
        const ranked = units.filter((u) => u.rank !== null);
        for (const u of ranked) {
          expect(u.score).toBeGreaterThanOrEqual(0);
          expect(u.score!).toBeLessThanOrEqual(u.max! + 1e-9);
          const ahead = new Set(ranked.filter((v) => Math.round(v.percent! * 100) > Math.round(u.percent! * 100)).map((v) => Math.round(v.percent! * 100)));
          const strictlyAhead = ranked.filter((v) => Math.round(v.percent! * 100) > Math.round(u.percent! * 100)).length;
          expect(u.rank).toBe(t.ranking === "dense" ? ahead.size + 1 : strictlyAhead + 1);
        }
      }),
      { numRuns: Math.max(50, Math.floor(RUNS / 2)) },
    );
  }, TIMEOUT);
});

describe("fuzzing the built CLI", () => {
  it("hostile folders end with exit 0 or 2 and never a stack trace", () => {
    const cases = fc.sample(fc.tuple(fc.uint8Array({ maxLength: 300 }), fc.constantFrom(...HOSTILE), fc.nat()), { numRuns: Math.min(12, RUNS), seed: 42 });
    for (const [bytes, token, at] of cases) {
      tried++;
      const lines = CRITERIA.split("\n");
      lines.splice(at % lines.length, 0, token);
      const dir = folder({ "egov-score.yaml": "criteria: c.yaml\nunits: units.csv\ndata: [d/*.csv]\n", "c.yaml": lines.join("\n"), "units.csv": UNITS, "d/a.csv": bytes, "d/b.csv": XA.replace(/,\d+\.\d,/, `,${token},`) });
      const r = run(["rank", dir, "-f", "csv"]);
      expect([0, 2]).toContain(r.code);
      expect(r.stderr).not.toMatch(/^\s+at |node:internal|internal error/m);
    }
  }, TIMEOUT);
});
