// The small criteria set the comparison tests share: one level `u`, bands at 80 and 50, and the
// indicators given (by default one `p` of 100 points, read as written).

/** An indicator of `max` points, read as written. */
export const points = (id: string, max = 100): string => `  - { id: ${id}, max: ${max}, unit: number, rule: { type: points } }\n`;

/** One level, bands at 80 and 50; `ranking`: a ranking: block placed before the indicators. */
export const bandedCriteria = (indicators = points("p"), ranking = ""): string => `id: t
title: T
version: "1"
levels:
  - id: u
bands:
  list:
    - { id: tot, min: 80 }
    - { id: kha, min: 50 }
    - { id: yeu, min: 0 }
${ranking}indicators:
${indicators}`;
