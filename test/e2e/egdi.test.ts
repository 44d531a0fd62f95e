// The UN EGDI criteria on data in the UN's published layout: the computed index must equal the
// published one (the mean of the three component indices, at 4 decimals) and so must the ranks,
// ties included.
import { parse } from "csv-parse/sync";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { folder, ROOT, run } from "../helpers/exec.ts";

const MANIFEST = `criteria: ${path.join(ROOT, "criteria/un-egdi.yaml")}
data: [egdi.csv]
columns: { code: Country Name, name: Country Name, attributes: [Region] }
ignore: [E-Government Index, E-Government Rank]
map:
  osi: Online Service Index
  hci: Human Capital Index
  tii: Telecommunication Infrastructure Index
`;

function competitionRanks(values: number[]): number[] {
  return values.map((v) => 1 + values.filter((w) => w > v).length);
}

/** A seeded synthetic table in the published layout, with ties and untrimmed names. */
function synthetic(n: number): { csv: string; expected: Map<string, { egdi: number; rank: number }> } {
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const rows: { name: string; osi: number; hci: number; tii: number }[] = [];
  for (let i = 0; i < n; i++) {
    const q = () => Math.round(rnd() * 10000) / 10000;
    rows.push({ name: `Country ${String(i).padStart(3, "0")}${i % 7 === 0 ? " " : ""}`, osi: q(), hci: q(), tii: q() });
  }
  // exact ties: the same three components, and a permutation of them
  rows.push({ ...rows[3]!, name: "Twin A" }, { name: "Twin B", osi: rows[3]!.tii, hci: rows[3]!.osi, tii: rows[3]!.hci });
  const egdi = rows.map((r) => Number(((r.osi + r.hci + r.tii) / 3).toFixed(10)));
  const published = egdi.map((e) => Math.round(e * 10000) / 10000);
  const ranks = competitionRanks(published);
  const csv = ["Country Name,Region,Online Service Index,Human Capital Index,Telecommunication Infrastructure Index,E-Government Index,E-Government Rank"]
    .concat(rows.map((r, i) => `${r.name},Region ${i % 5},${r.osi.toFixed(4)},${r.hci.toFixed(4)},${r.tii.toFixed(4)},${published[i]!.toFixed(4)},${ranks[i]}`))
    .join("\n");
  const expected = new Map(rows.map((r, i) => [r.name.trim(), { egdi: published[i]!, rank: ranks[i]! }]));
  return { csv, expected };
}

describe("UN E-Government Development Index", () => {
  it("reproduces the published EGDI values and ranks, ties included", () => {
    const { csv, expected } = synthetic(193);
    const dir = folder({ "egov-score.yaml": MANIFEST, "egdi.csv": csv });
    const r = run(["rank", dir, "-f", "csv"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe("");
    const rows = parse(r.stdout, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(expected.size);
    for (const row of rows) {
      const e = expected.get(row.code as string)!;
      expect(Number(Number(row.score).toFixed(4)), row.code).toBe(e.egdi);
      expect(Number(row.rank), row.code).toBe(e.rank);
    }
    const twins = rows.filter((x) => x.code === "Twin A" || x.code === "Twin B");
    expect(twins[0]!.rank).toBe(twins[1]!.rank);
  });

  it("bands at 0.75, 0.50 and 0.25, with the boundary in the higher band", () => {
    const rows = parse(run(["rank", "samples/un-egdi", "-f", "csv"]).stdout, { columns: true }) as Record<string, string>[];
    const published = parse(readFileSync(path.join(ROOT, "samples/un-egdi/egdi.csv")), { columns: true }) as Record<string, string>[];
    for (const p of published) {
      const row = rows.find((x) => x.code === (p["Country Name"] as string).trim())!;
      expect(Number(Number(row.score).toFixed(4))).toBe(Number(p["E-Government Index"]));
      const v = Number(p["E-Government Index"]);
      expect(row.band).toBe(v >= 0.75 ? "very-high" : v >= 0.5 ? "high" : v >= 0.25 ? "middle" : "low");
    }
  });
});
