/**
 * Errors an editor can fix (data, content, configuration, personal data in the output),
 * told apart from bugs by name: the build holds two copies of each class (Astro runs the
 * content layer as written and the pages from Vite's bundle), so `instanceof` is not
 * enough. Their messages are complete Chinese reports; a stack trace would only bury them.
 */
const EDITOR_ERRORS = new Set(["DataValidationError", "ProseCheckError", "PrivacyGuardError"]);

/** The message to print for an editor's error (following `cause`), or undefined for a bug. */
export function editorMessage(error: unknown): string | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 10; depth++) {
    if (EDITOR_ERRORS.has(current.name)) return current.message;
    current = current.cause;
  }
  return undefined;
}
