import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { extname, join, normalize, resolve } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".jsonld": "application/ld+json; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".wasm": "application/wasm",
  ".pf_meta": "application/octet-stream",
  ".pf_index": "application/octet-stream",
  ".pf_fragment": "application/octet-stream",
  ".pagefind": "application/octet-stream",
};

/** Headers from dist/_headers for a path (the subset of the format our build writes). */
function headersFor(root: string, path: string): Record<string, string> {
  const file = join(root, "_headers");
  if (!existsSync(file)) return {};
  const headers = new Map<string, string>();
  let applies = false;
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (line.trim() === "") continue;
    if (!line.startsWith(" ")) {
      const pattern = line.trim();
      applies = pattern.endsWith("*") ? path.startsWith(pattern.slice(0, -1)) : path === pattern;
      continue;
    }
    if (!applies) continue;
    const entry = line.trim();
    if (entry.startsWith("!")) {
      headers.delete(entry.slice(1).trim());
      continue;
    }
    const colon = entry.indexOf(":");
    headers.set(entry.slice(0, colon).trim(), entry.slice(colon + 1).trim());
  }
  return Object.fromEntries(headers);
}

/**
 * Serves a built site the way a plain static host does: files as they are, `dir/` as
 * `dir/index.html`, unknown paths as 404.html with status 404, and `_headers` applied.
 */
export function serveStatic(dir: string): Promise<{ server: Server; origin: string }> {
  const root = resolve(dir);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const path = decodeURIComponent(url.pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) {
      res.writeHead(400).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    let status = 200;
    if (!existsSync(file)) {
      status = 404;
      file = join(root, "404.html");
    }
    const type = TYPES[extname(file)] ?? "application/octet-stream";
    res.writeHead(status, { "Content-Type": type, ...headersFor(root, path) });
    if (existsSync(file)) createReadStream(file).pipe(res);
    else res.end("Not found");
  });
  // Idle keep-alive connections are never closed by the server (Node closes them after 5 s
  // by default): under CPU load a client sending on a connection at the moment the server
  // drops it gets "other side closed", which failed a download test at random. Clients close
  // their own idle connections; the test teardown closes whatever is left.
  server.keepAliveTimeout = 0;
  return new Promise((resolvePromise) => {
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      resolvePromise({ server, origin: `http://127.0.0.1:${port}` });
    });
  });
}
