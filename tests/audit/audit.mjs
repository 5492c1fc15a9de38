// Runs graphql-http's server audits (the GraphQL-over-HTTP spec's MUST and SHOULD rules)
// against the real server, started on port 0 with a throwaway SQLite database. Fails on any
// MUST failure; SHOULD failures are printed, and the ones we decline on purpose are listed
// in DECLINED with the reason.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { serverAudits } from 'graphql-http';

const DECLINED = {
  // Accepting urlencoded/form bodies would reopen CSRF for cookie sessions (SECURITY.md).
  'SHOULD accept application/x-www-form-urlencoded': 'CSRF defence: JSON bodies only',
};

const bin = process.env.PIAZZA_BIN;
if (!bin) throw new Error('set PIAZZA_BIN to the piazza binary');
const dir = mkdtempSync(join(tmpdir(), 'piazza-audit-'));
const server = spawn(bin, ['serve'], {
  env: { ...process.env, PIAZZA_BIND: '127.0.0.1:0', PIAZZA_DATABASE_URL: `sqlite:${join(dir, 'a.db')}`, PIAZZA_LOG: 'warn' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const url = await new Promise((resolve, reject) => {
  server.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  createInterface({ input: server.stdout }).on('line', (line) => {
    const m = line.match(/^piazza listening on (http:\/\/\S+)$/);
    if (m) resolve(`${m[1]}/graphql`);
  });
});

let mustFailures = 0;
try {
  for (const audit of serverAudits({ url })) {
    const result = await audit.fn();
    if (result.status === 'ok') continue;
    const declined = DECLINED[audit.name];
    const label = declined ? `declined (${declined})` : result.status;
    console.log(`${label}: ${audit.name}${result.reason ? ` — ${result.reason}` : ''}`);
    if (audit.name.startsWith('MUST') && result.status !== 'ok' && !declined) mustFailures += 1;
  }
} finally {
  server.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
if (mustFailures > 0) {
  console.error(`${mustFailures} MUST rule(s) of the GraphQL-over-HTTP spec failed`);
  process.exit(1);
}
console.log('GraphQL-over-HTTP audit: every MUST passes');
