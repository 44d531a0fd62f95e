// YAML with positions: parses a document, reports syntax problems as diagnostics, and
// finds the line and column of any path so that later checks can point into the file.
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml";
import { diag, type Diagnostic } from "../diag/diagnostic.ts";
import { DEFAULT_LIMITS, yamlDepth } from "./limits.ts";

export type Path = readonly (string | number)[];

export interface Position {
  line: number;
  column: number;
}

export interface YamlFile {
  file: string;
  value: unknown;
  /** the position of the node at `path` (or of its key, with `key`), else of its nearest ancestor */
  locate(path: Path, key?: boolean): Position;
  diagnostics: Diagnostic[];
}

/** Aliases expanded beyond this count are refused: a "billion laughs" file stops here. */
const MAX_ALIAS_COUNT = 1000;

export function parseYaml(text: string, file: string, maxDepth = DEFAULT_LIMITS.maxDepth): YamlFile {
  const deep = yamlDepth(text);
  if (deep.depth > maxDepth) {
    const diagnostics = [diag("YAML_TOO_DEEP", "error", { limit: maxDepth }, { file, line: deep.line })];
    return { file, value: undefined, locate: () => ({ line: 1, column: 1 }), diagnostics };
  }
  const lc = new LineCounter();
  const doc: Document.Parsed = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true, strict: true });
  const diagnostics: Diagnostic[] = [];
  const pos = (offset: number): Position => {
    const p = lc.linePos(offset);
    return { line: p.line, column: p.col };
  };
  // After a syntax error the parser's later complaints are mostly echoes of it: keep the first.
  // Duplicate keys are independent of each other, so each is reported.
  const syntax = doc.errors.filter((e) => e.code !== "DUPLICATE_KEY");
  for (const e of syntax.length ? syntax.slice(0, 1) : doc.errors) {
    const p = pos(e.pos[0]);
    if (e.code === "DUPLICATE_KEY") {
      const key = (text.slice(e.pos[0]).match(/^["']?([^"':\n]*)/)?.[1] ?? "").trim();
      diagnostics.push(diag("YAML_DUPLICATE_KEY", "error", { detail: key ? `"${key}"` : firstLine(e.message) }, { file, ...p }));
      continue;
    }
    // An unclosed { or [ is noticed where the next entry starts; point at the bracket itself.
    const unclosed = /end with an? ([}\]])/.exec(e.message)?.[1];
    const open = unclosed ? openingBracket(text, e.pos[0], unclosed === "}" ? "{" : "[", unclosed) : -1;
    if (open >= 0) {
      diagnostics.push(diag("YAML_UNCLOSED", "error", { open: text[open] as string, close: unclosed as string }, { file, ...pos(open) }));
      continue;
    }
    diagnostics.push(diag(e.code === "TAB_AS_INDENT" ? "YAML_TAB" : "YAML_SYNTAX", "error", { detail: firstLine(e.message) }, { file, ...p }));
  }
  let value: unknown = undefined;
  if (diagnostics.length === 0) {
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (e) {
      diagnostics.push(diag("YAML_ALIAS_LIMIT", "error", { limit: MAX_ALIAS_COUNT, detail: firstLine(String((e as Error).message)) }, { file, line: 1, column: 1 }));
    }
  }
  const locate = (path: Path, key = false): Position => {
    let node: unknown = doc.contents;
    let best: Position = { line: 1, column: 1 };
    if (node && (node as Node).range) best = pos((node as Node).range?.[0] ?? 0);
    for (let i = 0; i < path.length; i++) {
      const seg = path[i];
      const last = i === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
        if (!pair) return best;
        const k = pair.key as Node;
        if (last && key && k.range) return pos(k.range[0]);
        node = pair.value;
        const r = (node as Node | null)?.range ?? k.range;
        if (r) best = pos(r[0]);
      } else if (isSeq(node) && typeof seg === "number") {
        node = node.items[seg];
        const r = (node as Node | undefined)?.range;
        if (!r) return best;
        best = pos(r[0]);
      } else {
        return best;
      }
    }
    return best;
  };
  return { file, value, locate, diagnostics };
}

function firstLine(s: string): string {
  return (s.split("\n")[0] ?? s).replace(/ at line \d+, column \d+:?$/, "").trim();
}

/** The offset of the bracket left open before `offset`, skipping quoted text and comments. */
function openingBracket(text: string, offset: number, open: string, close: string): number {
  const stack: number[] = [];
  let quote: string | undefined;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === "\n") quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === "#" && (i === 0 || /\s/.test(text[i - 1] ?? ""))) {
      while (i < text.length && text[i] !== "\n") i++;
    } else if (c === open) stack.push(i);
    else if (c === close) stack.pop();
  }
  return stack.length ? (stack[stack.length - 1] as number) : -1;
}

/** Positions of a document's nodes by path (and of their keys), as `locate` finds them. */
export type Positions = Record<string, Position>;

const posKey = (path: Path, key: boolean): string => `${key ? "k" : "v"}${JSON.stringify(path)}`;

/**
 * Every path of the document's value, with its position and its key's, so that a checked file
 * kept in the cache (load/cache.ts) points into the text as exactly as the parsed one.
 */
export function positions(y: YamlFile): Positions {
  const out: Positions = {};
  const visit = (v: unknown, path: (string | number)[]): void => {
    out[posKey(path, false)] = y.locate(path);
    if (path.length) out[posKey(path, true)] = y.locate(path, true);
    if (Array.isArray(v)) v.forEach((c, i) => visit(c, [...path, i]));
    else if (v && typeof v === "object") for (const [k, c] of Object.entries(v)) visit(c, [...path, k]);
  };
  visit(y.value, []);
  return out;
}

/** `locate` over kept positions: a path the document lacks gets its nearest ancestor's, as there. */
export function locateIn(table: Positions): YamlFile["locate"] {
  return (path, key = false) => {
    const hit = table[posKey(path, key)];
    if (hit) return hit;
    for (let n = path.length - 1; n >= 0; n--) {
      const up = table[posKey(path.slice(0, n), false)];
      if (up) return up;
    }
    return { line: 1, column: 1 };
  };
}
