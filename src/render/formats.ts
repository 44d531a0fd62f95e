// The closed list of output formats per view. The renderer registry must provide exactly these
// (checked by its type), and the CLI offers them as --format choices without loading a renderer.
export const FORMATS = {
  rank: ["table", "csv", "json", "md", "junit", "xlsx"],
  score: ["table", "csv", "json", "xlsx"],
  criteria: ["table", "json"],
  validate: ["table", "json", "sarif", "github", "junit", "gitlab"],
  compare: ["table", "csv", "json", "md", "html", "junit", "xlsx"],
  template: ["csv", "xlsx"],
  report: ["md", "html", "xlsx"],
  explain: ["table", "json"],
  sensitivity: ["table", "csv", "json", "md", "html", "xlsx"],
  audit: ["table", "csv", "json", "md", "html", "xlsx"],
} as const;

export type View = keyof typeof FORMATS;
export type Format<V extends View> = (typeof FORMATS)[V][number];

/** The format without -f and without a known -o extension, where it is not "table". */
export const DEFAULT_FORMAT: { [V in View]?: Format<V> } = { report: "md" };

/**
 * The formats a file name may hold, by its extension (any case), the first the one it means
 * alone: an `-o` name is a promise. JSON-based reports (GitLab code quality, SARIF) are .json
 * files too; a JUnit report is an .xml file; a SARIF log also a .sarif one.
 */
const EXTENSIONS: Record<string, readonly string[]> = {
  csv: ["csv"],
  json: ["json", "gitlab", "sarif"],
  md: ["md"],
  markdown: ["md"],
  html: ["html"],
  htm: ["html"],
  xlsx: ["xlsx"],
  xml: ["junit"],
  sarif: ["sarif"],
};

/** The formats a file name says it holds, whether or not the view writes them; undefined for names that say none. */
export function formatsOfPath(file: string | undefined): readonly string[] | undefined {
  const ext = file?.match(/\.([a-z]+)$/i)?.[1]?.toLowerCase();
  return ext === undefined ? undefined : EXTENSIONS[ext];
}

/** The format a file name means alone. */
export function formatOfPath(file: string | undefined): string | undefined {
  return formatsOfPath(file)?.[0];
}
