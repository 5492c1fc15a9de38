/** Debian's Chromium through playwright-core (no browser download), and an axe-core scan. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const require = createRequire(import.meta.url);

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/**
 * A context like an office laptop (1366×768, Italian, Rome time). CSP stays enforced:
 * every page records the violations it reports, and tests assert there are none.
 */
export async function newContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  // Reduced motion: no colour transitions half-way through when axe measures contrast.
  return browser.newContext({
    baseURL,
    viewport: { width: 1366, height: 768 },
    locale: 'it-IT',
    timezoneId: 'Europe/Rome',
    reducedMotion: 'reduce',
  });
}

export interface PageProblems {
  cspViolations: string[];
  pageErrors: string[];
}

export function watchProblems(page: Page): PageProblems {
  const problems: PageProblems = { cspViolations: [], pageErrors: [] };
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) problems.cspViolations.push(message.text());
  });
  page.on('pageerror', (error) => problems.pageErrors.push(error.message));
  if (process.env.PIAZZA_E2E_DEBUG_WS) {
    page.on('websocket', (ws) => {
      const log = (dir: string) => (frame: { payload: string | Buffer }) =>
        console.log(`[ws ${dir}] ${String(frame.payload).slice(0, 300)}`);
      ws.on('framesent', log('→'));
      ws.on('framereceived', log('←'));
      ws.on('close', () => console.log('[ws closed]'));
      ws.on('socketerror', (error) => console.log(`[ws error] ${error}`));
    });
  }
  return problems;
}

/** A GraphQL exchange as the page saw it, for a failed test's report. */
export interface Exchange {
  at: string;
  operation: string;
  status: number;
  /** The server's `x-piazza-cache` header (hit, miss, fallback), when the feed cache answered. */
  cache: string | null;
  body: string;
}

/**
 * Keep the page's last GraphQL exchanges. A step that waits for data in vain then shows
 * what the page was actually told, and whether the feed cache told it.
 */
export function watchGraphql(page: Page, keep = 20): Exchange[] {
  const exchanges: Exchange[] = [];
  page.on('response', async (response) => {
    const request = response.request();
    if (request.method() !== 'POST' || new URL(response.url()).pathname !== '/graphql') return;
    const operation = (request.postDataJSON() as { operationName?: string } | null)?.operationName ?? '?';
    const body = await response.text().catch((error: Error) => `(body unavailable: ${error.message})`);
    exchanges.push({
      at: new Date().toISOString(),
      operation,
      status: response.status(),
      cache: response.headers()['x-piazza-cache'] ?? null,
      body: body.slice(0, 800),
    });
    if (exchanges.length > keep) exchanges.shift();
  });
  page.on('requestfailed', (request) => {
    if (new URL(request.url()).pathname !== '/graphql') return;
    const operation = (request.postDataJSON() as { operationName?: string } | null)?.operationName ?? '?';
    exchanges.push({ at: new Date().toISOString(), operation, status: 0, cache: null, body: request.failure()?.errorText ?? 'failed' });
    if (exchanges.length > keep) exchanges.shift();
  });
  return exchanges;
}

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Run axe-core in the page. The source is evaluated through the DevTools protocol, which
 * the page's CSP does not govern (an injected <script> would be blocked, rightly).
 */
export async function axeScan(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate('typeof window.axe === "object"');
  if (!loaded) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: any[] }> } }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return result.violations.map((v) => ({
      id: v.id as string,
      impact: v.impact as string | null,
      help: v.help as string,
      nodes: (v.nodes as { target: unknown[] }[]).slice(0, 5).map((n) => JSON.stringify(n.target)),
    }));
  });
}

export function serious(violations: AxeViolation[]): AxeViolation[] {
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
