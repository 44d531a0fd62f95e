// `compare` reads each side's figures off the scoring's columns (engine/compare.ts). The built
// CLI is run on two different generated assessments (every rule type, cohort rules, roll-ups,
// missing-data policies), read whole and streamed: each side's figures in the comparison are the
// ones `rank` gives for that assessment on its own. And failures are reported side by side: the
// first side's first.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../bench/generate.mjs";
import { run } from "../helpers/exec.ts";

type Row = Record<string, string>;
const records = (csv: string): Row[] => parse(csv, { columns: true }) as Row[];

describe("compare: each side is the side rank scores", () => {
  let before: string;
  let after: string;
  beforeAll(() => {
    const dir = mkdtempSync(path.join(tmpdir(), "egov-score-sides-"));
    before = path.join(dir, "before");
    after = path.join(dir, "after");
    generate(before, 800, 3);
    generate(after, 900, 4);
  });

  // (each way round: the units only in the first side, gone, are named from that side)
  for (const [large, way] of [["never", "forward"], ["always", "forward"], ["always", "back"]] as const) {
    it(`EGOV_SCORE_LARGE=${large}, ${way}: names, scores, maxima, percentages, bands, statuses and group points of both sides`, () => {
      const env = { EGOV_SCORE_LARGE: large };
      const sides = way === "forward" ? [before, after] : [after, before];
      const cmp = run(["compare", ...sides, "-f", "csv"], { env });
      expect(cmp.stderr).toBe("");
      expect(cmp.code).toBe(0);
      const rows = records(cmp.stdout);
      const ranks = sides.map((d) => {
        const r = run(["rank", d, "-f", "csv"], { env });
        expect(r.code).toBe(0);
        return new Map(records(r.stdout).map((x) => [x.code as string, x]));
      }) as [Map<string, Row>, Map<string, Row>];
      // the second set has the first's units and more
      expect(new Set(rows.map((r) => r.presence))).toEqual(new Set(["both", way === "forward" ? "new" : "gone"]));
      let checked = 0;
      for (const r of rows) {
        for (const [side, ranked] of [["before", ranks[0]], ["after", ranks[1]]] as const) {
          const u = ranked.get(r.code as string);
          if (!u) {
            expect(r[`status_${side}`]).toBe("");
            continue;
          }
          checked++;
          expect([r.name, r[`score_${side}`], r[`max_${side}`], r[`percent_${side}`], r[`band_${side}`], r[`status_${side}`]]).toEqual([u.name, u.score, u.max, u.percent, u.band, u.status]);
          for (const g of ["g1", "g2", "g3", "g4", "g5", "g6"]) if (r[`${g}_${side}`] !== "") expect(r[`${g}_${side}`]).toBe(u[g]);
        }
      }
      expect(checked).toBeGreaterThan(1500);
    });
  }

  it("two sides that cannot be read: both errors, the first side's first", () => {
    const [one, two] = [path.join(tmpdir(), "egov-score-no-such-1"), path.join(tmpdir(), "egov-score-no-such-2")];
    const r = run(["compare", one, two, "-f", "csv", "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.match(/MANIFEST_NOT_FOUND: no egov-score\.yaml in \S+/g)).toEqual([`MANIFEST_NOT_FOUND: no egov-score.yaml in ${one},`, `MANIFEST_NOT_FOUND: no egov-score.yaml in ${two},`]);
  });

  it("one side readable, the other not: that one's error, nothing written", () => {
    const second = run(["compare", before, path.join(tmpdir(), "egov-score-no-such-2"), "-f", "csv", "--lang", "en"]);
    expect([second.code, second.stdout]).toEqual([2, ""]);
    expect(second.stderr).toContain("egov-score-no-such-2");
    const first = run(["compare", path.join(tmpdir(), "egov-score-no-such-1"), after, "-f", "csv", "--lang", "en"]);
    expect([first.code, first.stdout]).toEqual([2, ""]);
    expect(first.stderr).toContain("egov-score-no-such-1");
  });
});
