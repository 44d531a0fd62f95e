// The sheets of the workbook forms egov-score writes (`template -o form.xlsx`, `init --xlsx`),
// named here once for the writer (render/xlsx-form.ts) and the reader (load/workbook.ts), which
// reads such a form back without a note about the sheets it is known to hold besides its data.
export const FORM_SHEETS = { vi: { instructions: "Hướng dẫn", data: "Số liệu" }, en: { instructions: "Instructions", data: "Data" } } as const;

/** The very hidden sheet of the lists too long for a validation formula. */
export const LISTS_SHEET = "lists";

/** Whether a sheet skipped beside a read data sheet is one a form holds besides its data. */
export function isFormSheet(skipped: string, read: readonly string[]): boolean {
  return Object.values(FORM_SHEETS).some((s) => read.includes(s.data) && (skipped === s.instructions || skipped === LISTS_SHEET));
}
