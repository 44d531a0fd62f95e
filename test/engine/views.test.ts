// The result's columns (engine/views.ts columnsOf) are what report, score and compare read for
// every unit: they must say what each unit's node objects say, fact for fact. Held here on every
// sample and on the fixtures with computed indicators, roll-ups, "not applicable" cells and
// units that sent nothing; and the columns of a result built by hand (unitColumns) likewise.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { columnsOf, namesOfOwnUnits, score, unitColumns } from "../../src/engine/views.ts";
import { loadAssessment } from "../../src/load/assessment.ts";
import type { Criteria } from "../../src/model/criteria.ts";
import type { NodeScore, Result, ResultColumns, UnitResult } from "../../src/model/result.ts";
import { select, unitNames } from "../../src/render/select.ts";
import { scoreOf } from "../helpers/model.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const folders = [
  ...["ca-mau-2019", "ca-mau-2020", "ca-mau-2024", "ca-mau-2025", "un-egdi", "vn-766-dbscl", "vn-dti-dbscl", "ca-mau-2019-self", "ca-mau-2019-xlsx", "ca-mau-reform"].map((s) => path.join(ROOT, "samples", s)),
  ...["report", "computed", "applies", "views"].map((f) => path.join(ROOT, "test/fixtures", f)),
];

async function scored(dir: string): Promise<Result> {
  const l = await loadAssessment(dir, {});
  expect(l.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return score(l.criteria as Criteria, l.dataset as NonNullable<typeof l.dataset>);
}

/** What a node object says, in the columns' terms. */
function fromObject(n: NodeScore | undefined) {
  if (!n) return undefined;
  const c = n.cell;
  return {
    applicable: n.applicable,
    included: n.included,
    points: n.points,
    max: n.max,
    rate: n.rate,
    missing: n.missing,
    value: n.formula ? n.formula().value : !c || c.kind === "na" ? null : c.value,
    ratio: c?.kind === "number" ? { numerator: c.numerator ?? null, denominator: c.denominator ?? null } : { numerator: null, denominator: null },
  };
}

function fromColumns(cols: ResultColumns, u: UnitResult, id: string, indicator: boolean) {
  const c = cols.node(id);
  const i = cols.indicator(id);
  const g = cols.rowOf(u);
  if (!c || c.has?.[g] === 0) return undefined;
  expect(i === undefined, id).toBe(!indicator);
  const orNull = (x: number) => (Number.isNaN(x) ? null : x);
  return {
    applicable: c.applicable[g] === 1,
    included: c.included[g] === 1,
    points: orNull(c.points[g] as number),
    max: c.max[g] as number,
    rate: orNull(c.rate[g] as number),
    missing: i?.missing(g),
    value: i ? i.value(g) : null,
    ratio: i ? i.ratio(g) : { numerator: null, denominator: null },
  };
}

function expectSame(r: Result, cols: ResultColumns): number {
  let checked = 0;
  const ids: [string, boolean][] = r.criteria.indicators.map((i) => [i.id, true]);
  const groups = (n: Criteria["root"]): void => {
    ids.push([n.id, false]);
    for (const c of n.children) if (c.kind === "group") groups(c);
  };
  groups(r.criteria.root);
  for (const l of r.levels) {
    for (const u of l.units) {
      // (read the columns first: the unit's nodes are made when first asked for)
      const seen = ids.map(([id, indicator]) => [id, fromColumns(cols, u, id, indicator)] as const);
      const hasCell = cols.hasCell(cols.rowOf(u));
      for (const [id, got] of seen) {
        const want = fromObject(u.nodes[id]);
        expect(got, `${u.code} ${id}`).toEqual(want && (r.criteria.indicators.some((i) => i.id === id) ? want : { ...want, value: null, ratio: { numerator: null, denominator: null } }));
        checked++;
      }
      expect(hasCell, u.code).toBe(Object.values(u.nodes).some((n) => n.cell !== undefined));
    }
  }
  return checked;
}

describe("columnsOf: a scoring's columns say what its units' nodes say", () => {
  it.each(folders)("%s", async (dir) => {
    const r = await scored(dir);
    expect(r.columns).toBeDefined();
    expect(expectSame(r, columnsOf(r))).toBeGreaterThan(0);
  });

  it("a narrowed result (--level) keeps its columns, and they are not enumerable", async () => {
    const r = await scored(path.join(ROOT, "samples/ca-mau-2019"));
    const n = select(r, { level: "xa" });
    expect(n.columns).toBe(r.columns);
    expect(Object.keys(n)).not.toContain("columns");
    expectSame(n, columnsOf(n));
  });

  it("reads ratio cells' numerator and denominator, and the value of a yes/no cell", () => {
    const r = scoreOf(
      "id: t\ntitle: T\nversion: 1\nlevels:\n  - id: u\nindicators:\n  - id: a\n    max: 10\n    rule: { type: ratio }\n  - id: b\n    max: 5\n    unit: boolean\n    rule: { type: boolean }\n",
      "code,name,level,a.num,a.den,b\nX,Xa,u,3,4,có\nY,Ya,u,,,không\nZ,Za,u,1,2,-\n",
    );
    const cols = columnsOf(r);
    const row = (code: string) => cols.rowOf(r.levels[0]?.units.find((u) => u.code === code) as UnitResult);
    const [a, b] = [cols.indicator("a"), cols.indicator("b")];
    expect(a?.ratio(row("X"))).toEqual({ numerator: 3, denominator: 4 });
    expect(a?.value(row("X"))).toBe(75); // (a ratio is a percentage unless its unit says otherwise)
    expect(a?.ratio(row("Y"))).toEqual({ numerator: null, denominator: null });
    expect(b?.value(row("X"))).toBe(true);
    expect(b?.value(row("Y"))).toBe(false);
    expect(b?.value(row("Z"))).toBe(null);
    expect(a?.missing(row("Y"))).toBe("zero");
    expectSame(r, cols);
  });
});

describe("unitColumns: the columns of units built by hand", () => {
  const node = (id: string, o: Partial<NodeScore>): NodeScore => ({ id, kind: "indicator", applicable: true, included: true, points: 1, max: 2, rate: 0.5, ...o });
  const unitOf = (code: string, nodes: NodeScore[]) => ({ code, name: code, level: "u", peerGroup: "", status: "ranked", score: 1, max: 2, percent: 50, band: null, rank: 1, base: 1, bonus: 0, penalty: 0, nodes: Object.fromEntries(nodes.map((n) => [n.id, n])) }) as UnitResult;

  it("a node some units lack is marked per unit; one no unit has is undefined", () => {
    const a = unitOf("A", [node("i", { points: null, rate: null, missing: "exclude", included: false })]);
    const b = unitOf("B", []);
    const cols = unitColumns([a, b]);
    const c = cols.node("i");
    expect(c?.has).toEqual(Uint8Array.from([1, 0]));
    expect(Number.isNaN(c?.points[0])).toBe(true);
    expect(cols.indicator("i")?.missing(cols.rowOf(a))).toBe("exclude");
    expect(cols.node("nope")).toBeUndefined();
    expect(cols.hasCell(cols.rowOf(a))).toBe(false);
  });

  it("reads a computed value and a cell's value", () => {
    const a = unitOf("A", [node("f", { formula: () => ({ steps: [], value: 7 }) }), node("t", { cell: { kind: "text", value: "x", raw: "x" } }), node("n", { cell: { kind: "na", raw: "-" } })]);
    const cols = unitColumns([a]);
    expect(cols.indicator("f")?.value(0)).toBe(7);
    expect(cols.indicator("t")?.value(0)).toBe("x");
    expect(cols.indicator("n")?.value(0)).toBe(null);
    expect(cols.hasCell(0)).toBe(true);
  });
});

describe("unitNames: a scoring's names, read when asked for", () => {
  // every unit's name, as the map of every unit select() made before (its units' own names)
  const byUnits = (r: Result) => new Map(r.levels.flatMap((l) => l.units.map((u) => [u.code, u.name] as const)));

  it.each(folders)("%s: each unit's name by its code, and no other code", async (dir) => {
    const r = await scored(dir);
    const names = unitNames(r);
    expect(names).not.toBeInstanceOf(Map);
    for (const [code, name] of byUnits(r)) expect(names.get(code), code).toBe(name);
    expect(names.get("no such unit")).toBeUndefined();
  });

  it("decodes no name until one is asked for, and each once", async () => {
    const r = await scored(path.join(ROOT, "samples/ca-mau-2019"));
    const data = (r.scoring as NonNullable<Result["scoring"]>).dataset;
    const decode = data.nameOf;
    const decoded: number[] = [];
    data.nameOf = (g) => (decoded.push(g), decode(g));
    try {
      const narrowed = select(r, { level: "xa" });
      expect(decoded).toEqual([]);
      // a unit of a level --level left out
      const { code, name } = r.levels.find((l) => l.level.id !== "xa")?.units[0] as { code: string; name: string };
      expect(narrowed.levels.some((l) => l.units.some((u) => u.code === code))).toBe(false);
      decoded.length = 0;
      expect(narrowed.names?.get(code)).toBe(name);
      expect(narrowed.names?.get(code)).toBe(name);
      expect(decoded).toHaveLength(1);
    } finally {
      data.nameOf = decode;
    }
  });

  it("names a level's units only where the result shows that level", async () => {
    const r = await scored(path.join(ROOT, "samples/ca-mau-2019"));
    const onlyXa = { ...r, levels: r.levels.filter((l) => l.level.id === "xa") };
    Object.defineProperty(onlyXa, "scoring", { value: r.scoring, enumerable: false });
    const names = unitNames(onlyXa);
    const xa = r.levels.find((l) => l.level.id === "xa")?.units[0];
    const other = r.levels.find((l) => l.level.id !== "xa")?.units[0];
    expect(names.get(xa?.code as string)).toBe(xa?.name);
    expect(names.get(other?.code as string)).toBeUndefined();
    // such names do not name every unit of the whole result: the report reads its own
    expect(namesOfOwnUnits(names, onlyXa)).toBe(true);
    expect(namesOfOwnUnits(names, r)).toBe(false);
    expect(namesOfOwnUnits(unitNames(r), onlyXa)).toBe(true);
  });
});
