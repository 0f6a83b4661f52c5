import { createHash } from "node:crypto";

/**
 * Files Pagefind writes whatever the site contains (its scripts, styles and wasm). They
 * carry third-party text that looks like personal data (the UI translators' e-mail
 * addresses in `pagefind-ui.js`) and nothing of ours, so a file byte-for-byte identical to
 * one of them is recognised rather than scanned. Pagefind itself is asked for them (the
 * files of an empty index), so the list cannot drift from the installed version; anything
 * built from the site (fragments, index chunks, metadata) differs and is scanned as usual.
 */
export async function pagefindOwnFiles(): Promise<Map<string, string>> {
  const pagefind = await import("pagefind");
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
    const { files, errors: fileErrors } = await index.getFiles();
    if (fileErrors.length > 0)
      throw new Error(`Pagefind could not list its files: ${fileErrors.join("; ")}`);
    return new Map(files.map((file) => [sha256(file.content), `Pagefind 自带文件 ${file.path}`]));
  } finally {
    await pagefind.close();
  }
}

export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}
