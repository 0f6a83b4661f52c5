/**
 * The Content-Security-Policy every page is served under. No inline scripts or styles and
 * no third-party origin. `'wasm-unsafe-eval'` is the one loosening: Pagefind's search runs
 * as WebAssembly. Pages carry it in a <meta> tag; hosts that read `_headers` also send it
 * as a header, where `frame-ancestors` (ignored in <meta>) also applies.
 */
const directives: Record<string, string> = {
  "default-src": "'self'",
  "script-src": "'self' 'wasm-unsafe-eval'",
  "style-src": "'self'",
  "img-src": "'self' data:",
  "font-src": "'self'",
  "connect-src": "'self'",
  "object-src": "'none'",
  "base-uri": "'self'",
  "form-action": "'self'",
};

export const contentSecurityPolicy = Object.entries(directives)
  .map(([name, value]) => `${name} ${value}`)
  .join("; ");

/** `_headers` for Netlify, Cloudflare Pages and hosts that read the same format. */
export function headersFile(): string {
  const common = [
    "  X-Content-Type-Options: nosniff",
    "  Referrer-Policy: strict-origin-when-cross-origin",
    "  Permissions-Policy: camera=(), microphone=(), geolocation=()",
  ];
  return [
    "/*",
    `  Content-Security-Policy: ${contentSecurityPolicy}; frame-ancestors 'self'`,
    ...common,
    "",
    // Embeds exist to be framed by other sites.
    "/embed/*",
    `  ! Content-Security-Policy`,
    `  Content-Security-Policy: ${contentSecurityPolicy}; frame-ancestors *`,
    "",
    // Hosts guess types from extensions and few know `.jsonld`; harvesters look at the type.
    "/data/catalog.jsonld",
    "  Content-Type: application/ld+json; charset=utf-8",
    "",
  ].join("\n");
}
