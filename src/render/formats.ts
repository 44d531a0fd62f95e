// The closed list of output formats per view. The renderer registry must provide exactly these
// (checked by its type), and the CLI offers them as --format choices without loading a renderer.
export const FORMATS = {
  rank: ["table", "csv", "json"],
  score: ["table", "csv", "json"],
  criteria: ["table", "json"],
  validate: ["table", "json"],
  sensitivity: ["table", "csv", "json", "md", "html"],
} as const;

export type View = keyof typeof FORMATS;
export type Format<V extends View> = (typeof FORMATS)[V][number];

/** The format a file name asks for, by its extension. */
export function formatFromPath(view: View, file: string | undefined): Format<View> | undefined {
  const ext = file?.match(/\.([a-z]+)$/i)?.[1]?.toLowerCase();
  return (FORMATS[view] as readonly string[]).includes(ext ?? "") ? (ext as Format<View>) : undefined;
}
