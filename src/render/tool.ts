// Who made an output, for the formats that name their tool (SARIF, JUnit): the name, the version
// (set by the build), and where each diagnostic code is documented.

declare const __VERSION__: string;

export const TOOL_NAME = "egov-score";
export const TOOL_VERSION = typeof __VERSION__ === "string" ? __VERSION__ : "0.0.0-dev";

/**
 * docs/errors.md as published with this version of the package (the package ships docs/). An
 * absolute address, because SARIF asks for one; the anchor is the heading of the code, which
 * Markdown viewers make from its lower-case form.
 */
export const ERRORS_DOC = `https://unpkg.com/${TOOL_NAME}@${TOOL_VERSION}/docs/errors.md`;

export function errorsDocAnchor(code: string): string {
  return `${ERRORS_DOC}#${code.toLowerCase()}`;
}
