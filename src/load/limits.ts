// Limits on what the loaders accept, so that a hostile or broken file is refused with a message
// instead of exhausting memory or the stack. Each can be raised by a flag.

export interface Limits {
  /** bytes; --max-file-size */
  maxFileSize: number;
  /** YAML nesting levels (block indentation plus flow brackets); --max-depth */
  maxDepth: number;
}

export const DEFAULT_LIMITS: Limits = { maxFileSize: 1024 ** 3, maxDepth: 100 };

/**
 * An upper bound of the nesting depth of a YAML text, found without parsing it: the YAML parser
 * itself runs out of memory on tens of thousands of nested brackets.
 */
export function yamlDepth(text: string): { depth: number; line: number } {
  let worst = { depth: 0, line: 1 };
  const indents: number[] = [];
  let flow = 0;
  let line = 0;
  for (const raw of text.split("\n")) {
    line++;
    const body = raw.replace(/^\s*/, "");
    if (flow === 0 && body !== "" && !body.startsWith("#")) {
      // block structure: each deeper indentation (and each "- " on the line) opens a level
      const indent = raw.length - body.length;
      while (indents.length && (indents[indents.length - 1] as number) >= indent) indents.pop();
      indents.push(indent);
    }
    const dashes = body.match(/^(?:-\s+)+/)?.[0].replace(/\s/g, "").length ?? 0;
    let quote: string | undefined;
    for (let i = 0; i < raw.length; i++) {
      const c = raw[i];
      if (quote) {
        if (c === quote) quote = undefined;
        continue;
      }
      if (c === '"' || c === "'") quote = c;
      else if (c === "#" && (i === 0 || /\s/.test(raw[i - 1] ?? ""))) break;
      else if (c === "[" || c === "{") {
        flow++;
        if (indents.length + dashes + flow > worst.depth) worst = { depth: indents.length + dashes + flow, line };
      } else if ((c === "]" || c === "}") && flow > 0) flow--;
    }
    if (indents.length + dashes > worst.depth) worst = { depth: indents.length + dashes, line };
  }
  return worst;
}
