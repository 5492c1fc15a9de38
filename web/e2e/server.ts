/**
 * Start the real `piazza` binary for a test run: a fresh SQLite database in a temporary
 * directory, an admin account, an approved email domain, port 0 (no SMTP: mail is kept in
 * the outbox, which the admin reads through `mailOutbox`). Ready when the server prints its one
 * "piazza listening on http://…" line (no sleeps).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const WEB_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const ADMIN = { email: 'admin@example.it', name: 'Admin', password: 'e2e-admin-password-1' };

/**
 * The email domain of every account in the journey, approved with `piazza admin
 * approve-domain`: its members may post as soon as they confirm their address.
 */
export const APPROVED_DOMAIN = 'example.it';

export function serverBinary(): string {
  const candidates = [
    process.env.PIAZZA_BIN,
    process.env.CARGO_TARGET_DIR && join(process.env.CARGO_TARGET_DIR, 'debug', 'piazza'),
    resolve(WEB_DIR, '../target/debug/piazza'),
    '/var/tmp/piazza-target/debug/piazza',
  ].filter((path): path is string => Boolean(path));
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error(`piazza binary not found; build it or set PIAZZA_BIN (tried ${candidates.join(', ')})`);
  return found;
}

export interface RunningServer {
  url: string;
  /** The last lines the server logged (stderr), for a failed test's report. */
  recentLog: () => string;
  stop: () => Promise<void>;
}

export async function startServer(): Promise<RunningServer> {
  const binary = serverBinary();
  const webDist = join(WEB_DIR, 'dist');
  if (!existsSync(join(webDist, 'index.html'))) throw new Error('web/dist is missing: run `npm run build` first');
  const dir = mkdtempSync(join(tmpdir(), 'piazza-e2e-'));
  const env = {
    ...process.env,
    PIAZZA_DATABASE_URL: `sqlite:${join(dir, 'e2e.db')}`,
    PIAZZA_BIND: '127.0.0.1:0',
    PIAZZA_WEB_DIR: webDist,
    // clap's boolean parser reads "true"; see web/README.md about "1".
    PIAZZA_RATE_LIMIT_DISABLED: 'true',
    PIAZZA_ADMIN_PASSWORD: ADMIN.password,
  };

  for (const args of [
    ['admin', 'create', '--email', ADMIN.email, '--name', ADMIN.name],
    ['admin', 'approve-domain', '--domain', APPROVED_DOMAIN],
  ]) {
    const run = spawnSync(binary, args, { env, encoding: 'utf8' });
    if (run.status !== 0) {
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`piazza ${args.slice(0, 2).join(' ')} failed (${run.status}): ${run.stderr}`);
    }
  }

  const child: ChildProcess = spawn(binary, ['serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-8000);
  });

  const url = await new Promise<string>((resolveUrl, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const match = /^piazza listening on (http:\/\/\S+)$/.exec(line.trim());
      if (match) resolveUrl(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`piazza exited early (${code}):\n${stderr}`)));
    child.once('error', reject);
  });

  return {
    url,
    recentLog: () => stderr,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((done) => child.once('exit', done));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
