// A message quotes a figure in its language's decimal convention: in Vietnamese 72,25 (as the
// user typed it in a Vietnamese form), in English 72.25; whole numbers and texts as they are.
import { describe, expect, it } from "vitest";
import { diag } from "../../src/diag/diagnostic.ts";
import { hint, message } from "../../src/diag/format.ts";

describe("numbers in messages", () => {
  const above = diag("VALUE_ABOVE_MAX", "error", { unit: "S03", indicator: "dao-tao", value: 72.25, max: 22 });
  const fraction = diag("VALUE_LOOKS_LIKE_FRACTION", "warning", { unit: "S01", indicator: "ky-so", value: 0.85, all: "no" });

  it("Vietnamese writes a decimal with a comma, English with a dot; a whole number is left alone", () => {
    expect(message(above, "vi")).toBe('72,25 của "dao-tao" ở đơn vị "S03" vượt điểm tối đa 22 của chỉ số');
    expect(message(above, "en")).toBe('72.25 for "dao-tao" of unit "S03" is above the indicator\'s maximum of 22 points');
    expect(message(diag("VALUE_ABOVE_MAX", "error", { unit: "S03", indicator: "x", value: 23, max: 22.5 }), "vi")).toBe('23 của "x" ở đơn vị "S03" vượt điểm tối đa 22,5 của chỉ số');
  });

  it("the hint too; the diagnostic's own arguments (what -f json writes) keep the number", () => {
    expect(hint(fraction, "vi")).toContain("không phải 0,85");
    expect(hint(fraction, "en")).toContain("not 0.85");
    expect(fraction.args.value).toBe(0.85);
    expect(above.args.value).toBe(72.25);
  });

  it("a text that looks like a number is quoted as written, in either language", () => {
    const d = diag("VALUE_DECIMAL_DOT", "error", { value: "85.5", header: "dvc", decimal: "," });
    expect(message(d, "vi")).toContain('"85.5"');
    expect(message(d, "en")).toContain('"85.5"');
  });
});
