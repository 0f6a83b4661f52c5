// Text placed into HTML or XML that a script writes (feeds, the search page's filter options,
// the iframe code readers copy): one escaper, so every writer escapes the same characters.

const XML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};

/**
 * Escapes text for XML content and attribute values. Characters XML 1.0 forbids (C0
 * controls other than tab and line breaks) are dropped, since no escape makes them legal.
 */
export function escapeXml(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- matching the controls XML forbids is the point
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
      .replace(/[&<>"']/g, (char) => XML_ESCAPES[char] ?? char)
  );
}
