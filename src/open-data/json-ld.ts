/** A JSON-LD value as the catalogue writes it (https://www.w3.org/TR/json-ld11/). */
export type JsonLdValue = string | number | boolean | JsonLdNode | readonly JsonLdValue[];

export interface JsonLdNode {
  readonly [key: string]: JsonLdValue;
}

const SCRIPT_ESCAPES: Record<string, string> = {
  "<": "\\u003c",
  ">": "\\u003e",
  "&": "\\u0026",
  "\u2028": "\\u2028",
  "\u2029": "\\u2029",
};

/**
 * JSON for a `<script type="application/ld+json">` data block. The browser never runs a
 * data block, so the Content-Security-Policy needs no exception for it; what must not
 * happen is text from the data closing the element (`</script>`) or opening a comment
 * (`<!--`), after which the rest would be parsed as HTML. Escaping `<`, `>` and `&` as
 * JSON `\u` escapes rules both out and leaves the same JSON value
 * (https://html.spec.whatwg.org/multipage/scripting.html#restrictions-for-contents-of-script-elements).
 */
export function scriptJson(value: JsonLdNode): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (char) => SCRIPT_ESCAPES[char] ?? char,
  );
}
