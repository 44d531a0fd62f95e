// The words of yes and no, in Vietnamese and English, named once: the loaders read cells with
// them (load/values.ts), and the engine matches unit attributes with them (`applies: where`).

/** A text as compared: NFC, trimmed, lower case (Vietnamese rules). */
export const textKey = (s: string): string => s.normalize("NFC").trim().toLocaleLowerCase("vi");

export const YES: ReadonlySet<string> = new Set(["có", "co", "yes", "y", "x", "true", "1", "đạt", "dat", "✓", "✔"]);
export const NO: ReadonlySet<string> = new Set(["không", "khong", "no", "n", "false", "0", "chưa", "chua", "không đạt", "khong dat"]);

/**
 * An attribute's value as `applies: where` compares it: yes and no whatever the word ("có", "x",
 * "yes" are one value), any other text by textKey.
 */
export function attributeKey(raw: string | number | boolean): string {
  if (typeof raw === "boolean") return raw ? "\u0000yes" : "\u0000no";
  const k = textKey(String(raw));
  return YES.has(k) ? "\u0000yes" : NO.has(k) ? "\u0000no" : k;
}
