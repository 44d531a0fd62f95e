// The base criteria set of the criteria loader's tests (test/load/criteria*.test.ts): each test
// varies it a little and expects a diagnostic at a line and column counted by hand.
//
// Line numbers, for counting positions:
//  1 id: t                5   - id: so          9     max: 10          13         rule: { type: ratio }
//  2 title: T             6   - id: xa         10     indicators:      14       - id: b
//  3 version: 1           7 groups:            11       - id: a        15         max: 4
//  4 levels:              8   - id: g          12         max: 6       16         rule: { type: steps, steps: [...] }
export const BASE = `id: t
title: T
version: 1
levels:
  - id: so
  - id: xa
groups:
  - id: g
    max: 10
    indicators:
      - id: a
        max: 6
        rule: { type: ratio }
      - id: b
        max: 4
        rule: { type: steps, steps: [{ atLeast: 4, points: 4 }, { atLeast: 2, points: 2 }] }
`;
