import { describe, expect, it } from "vitest";
import { isNotApplicable, ratioValue, readBoolean, readNumber } from "../../src/load/values.ts";

describe("numbers under each decimal convention", () => {
  it.each([
    ["85", ".", 85, false],
    ["85.5", ".", 85.5, false],
    ["85%", ".", 85, true],
    [" 85,5 % ", ",", 85.5, true],
    ["97,28", ",", 97.28, false],
    ["1.234,5", ",", 1234.5, false],
    ["2.154", ",", 2154, false],
    ["1.234.567,8", ",", 1234567.8, false],
    ["1,234,567.8", ".", 1234567.8, false],
    ["1 234", ".", 1234, false],
    ["-3", ".", -3, false],
    ["1.5E+3", ".", 1500, false],
    [".5", ".", 0.5, false],
    ["95 %", ".", 95, true],
    ["1\u00a0000", ".", 1000, false],
    ["1\u202f234,5", ",", 1234.5, false],
    ["1\u2009000", ".", 1000, false],
    ["1\u2007000", ".", 1000, false],
    ["-12 345 678.5", ".", -12345678.5, false],
    ["1,000", ".", 1000, false],
  ] as const)("%j with decimal %j reads %d", (raw, dec, value, percent) => {
    expect(readNumber(raw, dec)).toEqual({ ok: true, value, percent });
  });

  it.each([
    ["97,28", ".", "VALUE_DECIMAL_COMMA"],
    ["1.234,5", ".", "VALUE_DECIMAL_COMMA"],
    ["1.5", ",", "VALUE_DECIMAL_DOT"],
    ["1.234.567,8", ".", "VALUE_DECIMAL_COMMA"],
    ["1,234,567.8", ",", "VALUE_NOT_A_NUMBER"],
    ["NaN", ".", "VALUE_NOT_A_NUMBER"],
    ["Infinity", ".", "VALUE_NOT_A_NUMBER"],
    ["--5", ".", "VALUE_NOT_A_NUMBER"],
    ["1e999", ".", "VALUE_NOT_FINITE"],
    // a first group of 0 starts no thousands: a decimal dot, or a decimal comma, of the other convention
    ["0.071", ",", "VALUE_DECIMAL_DOT"],
    ["00.004", ",", "VALUE_DECIMAL_DOT"],
    ["0,071", ".", "VALUE_DECIMAL_COMMA"],
    // spaces only between groups of three digits
    ["1 5", ".", "VALUE_NOT_A_NUMBER"],
    ["8 5.7", ".", "VALUE_NOT_A_NUMBER"],
    ["85 .7", ".", "VALUE_NOT_A_NUMBER"],
    ["85. 7", ".", "VALUE_NOT_A_NUMBER"],
    ["8\u00a05", ".", "VALUE_NOT_A_NUMBER"],
    ["1\u202f5", ",", "VALUE_NOT_A_NUMBER"],
    ["12 34", ".", "VALUE_NOT_A_NUMBER"],
    ["0 071", ".", "VALUE_NOT_A_NUMBER"],
    ["1\t000", ".", "VALUE_NOT_A_NUMBER"],
    ["- 5", ".", "VALUE_NOT_A_NUMBER"],
    ["1 234,5", ".", "VALUE_DECIMAL_COMMA"],
    ["1 234.5", ",", "VALUE_DECIMAL_DOT"],
    ["abc", ",", "VALUE_NOT_A_NUMBER"],
    ["12a", ".", "VALUE_NOT_A_NUMBER"],
  ] as const)("%j with decimal %j is %s", (raw, dec, code) => {
    expect(readNumber(raw, dec)).toEqual({ ok: false, code });
  });
});

describe("yes, no and not applicable", () => {
  it.each(["có", "Có", "CÓ", "x", "X", "yes", "TRUE", "1", "đạt", "co"])("%j is yes", (s) => expect(readBoolean(s)).toBe(true));
  it.each(["không", "Không", "no", "false", "0", "chưa", "khong"])("%j is no", (s) => expect(readBoolean(s)).toBe(false));
  it.each(["maybe", "", "2"])("%j is neither", (s) => expect(readBoolean(s)).toBeUndefined());
  it.each(["-", "N/A", "n/a", "NA", "không áp dụng", "Không áp dụng", " KAD "])("%j is not applicable", (s) => expect(isNotApplicable(s)).toBe(true));
  it.each(["không", "0", "", "--5"])("%j is not 'not applicable'", (s) => expect(isNotApplicable(s)).toBe(false));
  it("NFD input (combining marks) reads like NFC", () => {
    expect(readBoolean("có".normalize("NFD"))).toBe(true);
    expect(isNotApplicable("không áp dụng".normalize("NFD"))).toBe(true);
  });
});

describe("the value of a ratio of two columns", () => {
  it("multiplies before it divides, so whole figures stay whole", () => {
    expect((14 / 25) * 100).not.toBe(56);
    expect(ratioValue(14, 25, 100)).toBe(56);
    expect(ratioValue(70, 71, 100)).toBe(98.59154929577464);
    expect(ratioValue(3, 4, 1)).toBe(0.75);
    expect(ratioValue(0, 9, 100)).toBe(0);
  });
});
