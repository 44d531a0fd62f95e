// The SARIF 2.1.0 JSON Schema (draft-04), as OASIS publishes it: test/fixtures/sarif/ holds a copy
// from github.com/oasis-tcs/sarif-spec (sarif-2.1/schema/sarif-schema-2.1.0.json, commit e058381).
// ajv-draft-04 reads draft-04 schemas; ajv-formats checks the "uri" and "date-time" formats.
import { readFileSync } from "node:fs";
import path from "node:path";
import AjvDraft04 from "ajv-draft-04";
import ajvFormats from "ajv-formats";
import { ROOT } from "./exec.ts";

// CommonJS packages whose types declare an ES default export: at run time the import is the module itself.
const Ajv = ((AjvDraft04 as unknown as { default?: unknown }).default ?? AjvDraft04) as typeof AjvDraft04.default;
const addFormats = ((ajvFormats as unknown as { default?: unknown }).default ?? ajvFormats) as typeof ajvFormats.default;

const schema = JSON.parse(readFileSync(path.join(ROOT, "test/fixtures/sarif/sarif-schema-2.1.0.json"), "utf8")) as object;
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);

/** True when the document is valid SARIF 2.1.0; its `errors` say why not. */
export const validSarif = ajv.compile(schema);
