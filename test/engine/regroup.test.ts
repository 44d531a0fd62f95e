// Views (criteria `views:`) in process: the fixture scored by the real loader and engine, each
// figure worked out by hand in test/e2e/views.test.ts; and a unit that sent nothing.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { viewScore } from "../../src/engine/regroup.ts";
import { score } from "../../src/engine/views.ts";
import { loadAssessment } from "../../src/load/assessment.ts";
import type { UnitResult } from "../../src/model/result.ts";
import { ROOT } from "../helpers/exec.ts";

const l = await loadAssessment(path.join(ROOT, "test/fixtures/views"), {});
if (!l.criteria || !l.dataset) throw new Error("not loaded");
const r = score(l.criteria, l.dataset);

describe("views", () => {
  const unit = (code: string) => r.levels[0]?.units.find((u) => u.code === code) as UnitResult;

  it("sum the points and maxima of the indicators that count, or average their rates; band on their own bands", () => {
    expect(unit("S01").views).toEqual([
      { id: "dti", points: 25, max: 30, percent: (25 / 30) * 100, band: "muc-iv", groups: [{ id: "chinh-quyen-so", points: 13, max: 15, percent: (13 / 15) * 100 }, { id: "nen-tang", points: 12, max: 15, percent: 80 }] },
      { id: "san-sang", points: 8, max: 10, percent: 80, band: null, groups: [{ id: "san-sang", points: 8, max: 10, percent: 80 }] },
    ]);
    expect(unit("S02").views?.[0]).toMatchObject({ points: 6, max: 25, percent: 24, band: "muc-ii" });
    // the main tree is untouched
    expect([unit("S01").score, unit("S02").score]).toEqual([25, 6]);
  });

  it("a unit not ranked for want of data has no view score; a group with nothing that counts has none either", () => {
    const view = l.criteria?.views[0];
    if (!view) throw new Error("no view");
    const none = { ...unit("S02"), status: "not-ranked" } as UnitResult;
    expect(viewScore(view, none)).toMatchObject({ points: null, percent: null, band: null });
    const empty = { ...unit("S02"), nodes: {} } as UnitResult;
    expect(viewScore(view, empty)).toMatchObject({ points: null, max: 0, percent: null, groups: [{ points: null, max: 0 }, { points: null, max: 0 }] });
  });
});
