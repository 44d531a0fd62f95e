// Text made safe for the markup formats: HTML (and the SVG inside it) and Markdown tables.

/**
 * Escapes text for HTML and SVG element content and attribute values. Control characters other
 * than tab and line breaks are dropped: they are not allowed in XML, so not in an SVG either.
 */
export function escapeHtml(s: string): string {
  return s
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, "")
    .replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);
}

/**
 * A Markdown table cell: pipes, backslashes, entities and the characters that start inline markup
 * are escaped, line breaks become spaces and control characters go, so that data can neither
 * break the table nor format itself.
 */
export function mdCell(s: string): string {
  return s
    .replace(/\r\n|\r|\n|\t/g, " ")
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, "")
    .replace(/[\\`*_{}[\]<>|#~&]/g, (c) => `\\${c}`)
    .trim();
}
