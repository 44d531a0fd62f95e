// The --fail-under gate: which ranked units fall below a percentage, compared as shown.
import { describe, expect, it } from "vitest";
import { belowThreshold, standing } from "../../src/engine/gates.ts";
import { select } from "../../src/render/select.ts";
import { scoreOf, unit } from "../helpers/model.ts";

// Two indicators of 50 points each, read as percentages: a unit's percentage is (a + b) / 2.
const CRITERIA = `id: t
title: T
version: 1
levels:
  - id: so
  - id: xa
indicators:
  - { id: a, max: 50, rule: { type: ratio } }
  - { id: b, max: 50, rule: { type: ratio } }
`;
const UNITS = "code,name,level\nA,A,so\nB,B,so\nC,C,so\nD,D,so\nE,E,so\nX1,X1,xa\nX2,X2,xa\n";
const DATA = [
  "code,a,b",
  "A,90,90", //      90
  "B,79.99,80", //   79.995: shown as 80.00
  "C,79.98,80", //   79.99
  "E,60,", //        30, incomplete (b missing, scored zero)
  "X1,20,40", //     30
  "X2,100,100", //   100
].join("\n");
// D sends nothing: not ranked.

const result = scoreOf(CRITERIA, DATA, UNITS);
const codes = (threshold: number, level?: string) => belowThreshold(level ? select(result, { level }) : result, threshold).map((u) => u.code);

describe("belowThreshold", () => {
  it("the result is what the test says it is", () => {
    expect(unit(result, "B").percent).toBeCloseTo(79.995, 9);
    expect(unit(result, "E").status).toBe("incomplete");
    expect(unit(result, "E").percent).toBeCloseTo(30, 9);
    expect(unit(result, "D").status).toBe("not-ranked");
  });

  it.each([
    { threshold: 0, expected: [] },
    { threshold: 30, expected: [] }, // exactly at the threshold passes
    { threshold: 30.01, expected: ["E", "X1"] }, // the incomplete unit is ranked, so it counts
    { threshold: 80, expected: ["C", "E", "X1"] }, // B is 79.995, shown and compared as 80.00
    { threshold: 80.01, expected: ["B", "C", "E", "X1"] },
    { threshold: 100, expected: ["A", "B", "C", "E", "X1"] }, // X2 at 100 passes; D is never listed
  ])("at $threshold: $expected", ({ threshold, expected }) => {
    expect(codes(threshold).sort()).toEqual(expected);
  });

  it("only the selected levels count", () => {
    expect(codes(80, "so")).toEqual(["C", "E"]);
    expect(codes(80, "xa")).toEqual(["X1"]);
  });

  it("lists units in the result's order: level, then rank", () => {
    expect(codes(100)).toEqual(["A", "B", "C", "E", "X1"]);
  });
});

describe("standing (the badge)", () => {
  const BANDED = `${CRITERIA}bands:
  on: percent
  list:
    - { id: good, min: 80 }
    - { id: fair, min: 50 }
    - { id: weak, min: 0 }
`;
  it("the mean percentage of every ranked unit of every level, and the band of that mean", () => {
    const r = scoreOf(BANDED, DATA, UNITS);
    // A 90, B 79.995, C 79.99, E 30, X1 30, X2 100; D not ranked
    const s = standing(r);
    expect(s.units).toBe(6);
    expect(s.percent).toBeCloseTo((90 + 79.995 + 79.99 + 30 + 30 + 100) / 6, 12);
    expect(s.band).toBe("fair");
    expect(standing(select(r, { level: "xa" }))).toEqual({ units: 2, percent: 65, band: "fair" });
  });

  it("bands on the score band the mean score", () => {
    const r = scoreOf(`${CRITERIA}bands:\n  on: score\n  list:\n    - { id: hi, min: 65 }\n    - { id: lo, min: 0 }\n`, "code,a,b\nX1,100,100\nX2,30,30\n", "code,name,level\nX1,X1,xa\nX2,X2,xa\n");
    // scores 100 and 30: the mean 65 reaches hi
    expect(standing(r)).toEqual({ units: 2, percent: 65, band: "hi" });
  });

  it("no ranked unit: no mean, no band", () => {
    const r = scoreOf(BANDED, "code,a,b\nA,90,90\n", UNITS);
    expect(standing(select(r, { level: "xa" }))).toEqual({ units: 0, percent: null, band: null });
  });
});
