// Turns zod issues into diagnostics that point at the YAML: the unknown key itself, the value
// of the wrong type, the object that lacks a required key.
import type { z } from "zod";
import { diag, type Diagnostic } from "../diag/diagnostic.ts";
import type { DiagCode } from "../diag/messages.ts";
import type { Path, YamlFile } from "./yaml.ts";

type Issue = z.core.$ZodIssue;

export function pathText(path: Path): string {
  let s = "";
  for (const p of path) s += typeof p === "number" ? `[${p}]` : s ? `.${p}` : p;
  return s || "(root)";
}

function valueAt(value: unknown, path: Path): unknown {
  let v = value;
  for (const p of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string | number, unknown>)[p];
  }
  return v;
}

/** zod's type names as a reader says them. */
function typeWord(t: string): string {
  return ({ number: "a number", string: "a text", boolean: "true or false", object: "a mapping", array: "a list", record: "a mapping" } as Record<string, string>)[t] ?? t;
}

function typeName(v: unknown): string {
  if (v === undefined) return "nothing";
  if (v === null) return "null";
  if (Array.isArray(v)) return v.length === 0 ? "an empty list" : "a list";
  if (typeof v === "object") return "a mapping";
  return `${typeof v} ${JSON.stringify(v)}`;
}

export function schemaIssues(issues: readonly Issue[], y: YamlFile, prefix: Path = [], codes: { unknownKey: DiagCode; invalid: DiagCode } = { unknownKey: "CRITERIA_UNKNOWN_KEY", invalid: "CRITERIA_INVALID" }): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of issues) {
    const path: Path = [...prefix, ...(issue.path as (string | number)[])];
    const at = (p: Path, key = false) => ({ file: y.file, ...y.locate(p, key) });
    switch (issue.code) {
      case "unrecognized_keys":
        for (const k of issue.keys) out.push(diag(codes.unknownKey, "error", { key: k, path: pathText(path) }, at([...path, k], true)));
        break;
      case "invalid_type": {
        const actual = valueAt(y.value, path);
        const expected = typeWord(issue.expected);
        if (actual === undefined) {
          const parent = path.slice(0, -1);
          out.push(diag("SCHEMA_REQUIRED", "error", { key: String(path[path.length - 1] ?? ""), path: pathText(parent) }, at(parent)));
        } else {
          out.push(diag("SCHEMA_TYPE", "error", { path: pathText(path), expected, actual: typeName(actual) }, at(path)));
        }
        break;
      }
      case "invalid_value":
        out.push(diag("SCHEMA_VALUE", "error", { path: pathText(path), actual: typeName(valueAt(y.value, path)), allowed: issue.values.map(String).join(", ") }, at(path)));
        break;
      case "invalid_union": {
        if ("discriminator" in issue && issue.discriminator) {
          const options = (issue as { options?: unknown[] }).options ?? [];
          out.push(diag("SCHEMA_VALUE", "error", { path: pathText(path), actual: typeName(valueAt(y.value, path)), allowed: options.map(String).join(", ") }, at(path)));
          break;
        }
        const actual = valueAt(y.value, path);
        if (actual === undefined) {
          const parent = path.slice(0, -1);
          out.push(diag("SCHEMA_REQUIRED", "error", { key: String(path[path.length - 1] ?? ""), path: pathText(parent) }, at(parent)));
          break;
        }
        // Of the alternatives, report the one that matched the shape of the value (a mapping for a mapping).
        const branch = issue.errors.find((errs) => !errs.some((e) => e.code === "invalid_type" && e.path.length === 0));
        if (branch) out.push(...schemaIssues(branch, y, path, codes));
        else {
          const expected = issue.errors.flatMap((errs) => errs.filter((e) => e.code === "invalid_type" && e.path.length === 0).map((e) => typeWord((e as { expected: string }).expected)));
          out.push(diag("SCHEMA_TYPE", "error", { path: pathText(path), expected: [...new Set(expected)].join(" or "), actual: typeName(actual) }, at(path)));
        }
        break;
      }
      case "too_small":
      case "too_big":
        if (issue.origin === "array") {
          const n = Number(issue.code === "too_small" ? issue.minimum : issue.maximum);
          const bound = `${issue.code === "too_small" ? "at least" : "at most"} ${n} item${n === 1 ? "" : "s"}`;
          out.push(diag("SCHEMA_RANGE", "error", { path: pathText(path), actual: typeName(valueAt(y.value, path)), bound: `have ${bound}` }, at(path)));
          break;
        }
        out.push(
          diag("SCHEMA_RANGE", "error", { path: pathText(path), actual: typeName(valueAt(y.value, path)), bound: `${issue.code === "too_small" ? (issue.inclusive ? "≥" : ">") : issue.inclusive ? "≤" : "<"} ${String(issue.code === "too_small" ? issue.minimum : issue.maximum)}` }, at(path)),
        );
        break;
      case "invalid_format":
        out.push(diag("SCHEMA_FORMAT", "error", { path: pathText(path), actual: typeName(valueAt(y.value, path)), detail: issue.message }, at(path)));
        break;
      default:
        out.push(diag(codes.invalid, "error", { path: pathText(path), detail: issue.message }, at(path)));
    }
  }
  return out;
}
