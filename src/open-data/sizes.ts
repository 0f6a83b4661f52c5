/** `1234` → `1.2 KB`: download sizes as readers see them beside a link. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes}字节`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, "utf8");
}
