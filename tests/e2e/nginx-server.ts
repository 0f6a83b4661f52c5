import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

/**
 * Debian's nginx serving the built site with the server block cities copy
 * (deploy/nginx/gongshi.conf), on 127.0.0.1 and a free port, as an unprivileged process in
 * a temporary prefix. Only `listen` and `root` are changed; every header, cache and
 * compression rule is the file's own. Needs `bash scripts/ensure-nginx.sh`.
 */
export interface NginxServer {
  origin: string;
  stop(): Promise<void>;
}

const BROTLI = "/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so";

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => done(port));
    });
  });
}

export async function startNginx(distDir: string): Promise<NginxServer> {
  const prefix = mkdtempSync(join(tmpdir(), "gongshi-nginx-"));
  for (const dir of ["body", "proxy", "fastcgi", "uwsgi", "scgi"]) mkdirSync(join(prefix, dir));
  const port = await freePort();
  const site = readFileSync("deploy/nginx/gongshi.conf", "utf8")
    .replace(/^\s*listen 80;$/m, `    listen 127.0.0.1:${port};`)
    .replace(/^\s*listen \[::\]:80;$\n/m, "")
    .replace(/^\s*root .*;$/m, `    root ${resolve(distDir)};`);
  if (!site.includes(`127.0.0.1:${port}`) || !site.includes(resolve(distDir))) {
    throw new Error("deploy/nginx/gongshi.conf no longer has the listen and root lines");
  }
  writeFileSync(join(prefix, "site.conf"), site);
  writeFileSync(
    join(prefix, "nginx.conf"),
    [
      existsSync(BROTLI) ? `load_module ${BROTLI};` : "",
      // Run as root (this machine's test user), nginx would switch workers to nobody.
      process.getuid?.() === 0 ? "user root;" : "",
      "worker_processes 1;",
      "daemon off;",
      `pid ${join(prefix, "nginx.pid")};`,
      `error_log ${join(prefix, "error.log")} warn;`,
      "events { worker_connections 128; }",
      "http {",
      "  include /etc/nginx/mime.types;",
      "  default_type application/octet-stream;",
      "  access_log off;",
      ...["body", "proxy", "fastcgi", "uwsgi", "scgi"].map(
        (dir) => `  ${dir === "body" ? "client_body" : dir}_temp_path ${join(prefix, dir)};`,
      ),
      `  include ${join(prefix, "site.conf")};`,
      "}",
      "",
    ].join("\n"),
  );
  const nginx = spawn("nginx", ["-p", prefix, "-c", join(prefix, "nginx.conf")], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  nginx.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const origin = `http://127.0.0.1:${port}`;
  // Ready when it answers; failed when it exits first.
  for (let attempt = 0; ; attempt++) {
    if (nginx.exitCode !== null) {
      const log = existsSync(join(prefix, "error.log"))
        ? readFileSync(join(prefix, "error.log"), "utf8")
        : "";
      throw new Error(`nginx exited (${nginx.exitCode}): ${stderr}${log}`);
    }
    try {
      await fetch(`${origin}/`);
      break;
    } catch {
      if (attempt > 100) throw new Error(`nginx did not answer on ${origin}: ${stderr}`);
      await new Promise((done) => setTimeout(done, 100));
    }
  }
  return {
    origin,
    stop: () =>
      new Promise<void>((done) => {
        nginx.once("exit", () => {
          rmSync(prefix, { recursive: true, force: true });
          done();
        });
        // QUIT: graceful stop of the master and its worker.
        nginx.kill("SIGQUIT");
      }),
  };
}
