// The closed list of output formats per view. The renderer registry must provide exactly these
// (checked by its type), and the CLI offers them as --format choices without loading a renderer.
export const FORMATS = {
  rank: ["table", "csv", "json", "md", "junit"],
  score: ["table", "csv", "json"],
  criteria: ["table", "json"],
  validate: ["table", "json", "sarif", "github", "junit", "gitlab"],
  compare: ["table", "csv", "json", "md", "html", "junit"],
  template: ["csv"],
  report: ["md", "html", "xlsx"],
  explain: ["table", "json"],
  sensitivity: ["table", "csv", "json", "md", "html"],
  audit: ["table", "csv", "json", "md", "html", "xlsx"],
} as const;

export type View = keyof typeof FORMATS;
export type Format<V extends View> = (typeof FORMATS)[V][number];

/** The format without -f and without a known -o extension, where it is not "table". */
export const DEFAULT_FORMAT: { [V in View]?: Format<V> } = { report: "md" };

/** The format a file name asks for, by its extension. */
export function formatFromPath(view: View, file: string | undefined): Format<View> | undefined {
  const found = file?.match(/\.([a-z]+)$/i)?.[1]?.toLowerCase();
  // a JUnit report is an .xml file
  const ext = found === "xml" ? "junit" : found;
  return (FORMATS[view] as readonly string[]).includes(ext ?? "") ? (ext as Format<View>) : undefined;
}
