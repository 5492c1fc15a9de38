/**
 * The main user journey against the real server in a real Chromium: register with a
 * comune, join a community, ask, answer from a second browser, see the answer, edit with
 * history, switch language, use the admin page; follow levels that survive a reload, a saved
 * thread under "Salvati", an expert's official answer, FAQ proposal, editor, publication
 * and withdrawal seen by a member, search and similar questions; email verification through
 * the link in the outbox, a member waiting for approval, a report in the live review queue,
 * a moderator's thread actions and the moderation log — and an axe-core scan of every page.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import {
  axeScan,
  launchBrowser,
  newContext,
  serious,
  watchGraphql,
  watchProblems,
  type AxeViolation,
  type Exchange,
  type PageProblems,
} from './browser';
import { ADMIN, APPROVED_DOMAIN, startServer, type RunningServer } from './server';

const SCHEMA = resolve(dirname(fileURLToPath(import.meta.url)), '../../schema.graphql');
const schemaText = existsSync(SCHEMA) ? readFileSync(SCHEMA, 'utf8') : '';
/** Live updates are asserted unless the server's schema has no subscriptions at all. */
const serverHasSubscriptions = /^type Subscription\b/m.test(schemaText);
/** Likewise notifications, which arrived on the server after the rest of the API. */
const serverHasNotifications = /^\s*unreadNotificationCount\b/m.test(schemaText);

const COMMUNITY = 'personale-organizzazione';
const PASSWORD = 'una-password-lunga-42';
const asker = { name: 'Anna Rossi', job: 'Ufficio personale', comuneSearch: 'Agliè', comune: 'Agliè', email: 'anna@example.it' };
const answerer = {
  name: 'Bruno Bianchi',
  job: 'Segretario comunale',
  comuneSearch: 'Airasca',
  comune: 'Airasca',
  email: 'bruno@example.it',
};
const question = {
  title: 'Come si calcola il fondo per la contrattazione decentrata?',
  body: 'Vorrei sapere **quali voci** rientrano nel fondo del 2026.',
  tags: 'fondo, contrattazione',
};
const answer = 'Le voci sono elencate nel CCNL Funzioni locali, articolo 79.';

let server: RunningServer;
let browser: Browser;
let askerContext: BrowserContext;
let answererContext: BrowserContext;
let askerPage: Page;
let answererPage: Page;
const problems: PageProblems[] = [];
/** Each open page's recent GraphQL exchanges, by the page's number in opening order. */
const exchanges: Exchange[][] = [];
const axeFindings = new Map<string, AxeViolation[]>();
let threadPath = '';

async function openPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  problems.push(watchProblems(page));
  exchanges.push(watchGraphql(page));
  return page;
}

async function scan(page: Page, name: string): Promise<void> {
  const violations = await axeScan(page);
  axeFindings.set(name, violations);
  expect(serious(violations), `${name}: ${JSON.stringify(serious(violations), null, 2)}`).toEqual([]);
}

/** Call the API from the page, with its session cookie, as the app itself does. */
async function graphqlAs(page: Page, query: string, variables: Record<string, unknown>): Promise<unknown> {
  const result = await page.evaluate(
    async ([q, v]) => {
      const response = await fetch('/graphql', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: q, variables: v }),
      });
      return response.json();
    },
    [query, variables] as const,
  );
  const { data, errors } = result as { data?: unknown; errors?: unknown[] };
  expect(errors, JSON.stringify(errors)).toBeUndefined();
  return data;
}

/**
 * How the server's feed cache answered the app's own requests for `operations` while `load`
 * ran: its `x-piazza-cache` header (hit, miss, fallback), null for a request that did not
 * qualify.
 */
async function cacheOutcomes<Name extends string>(
  page: Page,
  operations: readonly Name[],
  load: () => Promise<unknown>,
): Promise<Record<Name, string | null>> {
  const responses = operations.map((name) =>
    page.waitForResponse((response) => {
      const request = response.request();
      if (request.method() !== 'POST' || new URL(response.url()).pathname !== '/graphql') return false;
      return (request.postDataJSON() as { operationName?: string } | null)?.operationName === name;
    }),
  );
  await load();
  const headers = await Promise.all(responses.map(async (response) => (await response).headers()['x-piazza-cache'] ?? null));
  return Object.fromEntries(operations.map((name, i) => [name, headers[i]])) as Record<Name, string | null>;
}

let adminToken: string | undefined;

/** Call the API as the admin, with a bearer token (from the test, not from a page). */
async function graphqlAsAdmin(query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const call = async (q: string, v: Record<string, unknown>, token?: string) => {
    const response = await fetch(new URL('/graphql', server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query: q, variables: v }),
    });
    const { data, errors } = (await response.json()) as { data?: any; errors?: unknown[] };
    expect(errors, JSON.stringify(errors)).toBeUndefined();
    return data;
  };
  adminToken ??= (
    await call('mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }', {
      email: ADMIN.email,
      password: ADMIN.password,
    })
  ).login.token as string;
  return call(query, variables, adminToken);
}

/**
 * Confirm the address as its owner would: take the link from the newest mail to it (the
 * server has no SMTP here, so the admin reads it in the outbox) and open it in the browser.
 */
async function verifyEmail(page: Page, email: string, outcome: RegExp): Promise<void> {
  const data = await graphqlAsAdmin('query($to: String!) { mailOutbox(recipient: $to, first: 1) { nodes { body } } }', { to: email });
  const body = (data.mailOutbox.nodes[0]?.body ?? '') as string;
  const link = /https?:\/\/\S*(\/verifica-email\?token=[^\s]+)/.exec(body);
  expect(link, `no verification link in the mail to ${email}: ${body}`).not.toBeNull();
  await page.goto(link![1]!);
  await page.getByRole('heading', { level: 1, name: 'Conferma dell’indirizzo email' }).waitFor();
  await page.getByText(outcome).waitFor();
}

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/accedi');
  await page.getByLabel('Indirizzo e-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Accedi' }).click();
  await page.getByRole('link', { name: 'Esci' }).waitFor();
}

/** A new browser context signed in as the admin (close it with `page.context().close()`). */
async function signInAsAdmin(): Promise<Page> {
  const context = await newContext(browser, server.url);
  const page = await openPage(context);
  await signIn(page, ADMIN.email, ADMIN.password);
  return page;
}

async function register(page: Page, user: typeof asker): Promise<void> {
  await page.goto('/registrati');
  await page.getByLabel('Nome e cognome').fill(user.name);
  await page.getByLabel('Ruolo o ufficio').fill(user.job);
  const comune = page.getByRole('combobox', { name: 'Comune' });
  await comune.pressSequentially(user.comuneSearch, { delay: 30 });
  const option = page.getByRole('option', { name: new RegExp(`^${user.comune} `) });
  await option.waitFor();
  // Keyboard only: highlight the option with the arrows, choose it with Enter.
  const options = await page.getByRole('option').allTextContents();
  const index = options.findIndex((text) => text.startsWith(`${user.comune} `));
  for (let i = 0; i <= index; i++) await comune.press('ArrowDown');
  await comune.press('Enter');
  await expect.poll(() => comune.inputValue()).toMatch(new RegExp(`^${user.comune} \\(`));
  await page.getByLabel('Indirizzo e-mail').fill(user.email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Crea account' }).click();
  await page.getByText(`Bentornato, ${user.name}.`).waitFor();
  await page.getByText('Ti abbiamo inviato un’email per confermare l’indirizzo').waitFor();
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  askerContext = await newContext(browser, server.url);
  answererContext = await newContext(browser, server.url);
  askerPage = await openPage(askerContext);
  answererPage = await openPage(answererContext);
});

// A failed step reports what each page was told by the server, and what the server logged.
beforeEach(({ onTestFailed }) => {
  onTestFailed(() => {
    const pages = exchanges.map((list, i) => {
      const lines = list.map((e) => `  ${e.at} ${e.operation} ${e.status} cache=${e.cache ?? '-'} ${e.body}`);
      return `page ${i + 1}:\n${lines.join('\n')}`;
    });
    console.log(`GraphQL exchanges, most recent last:\n${pages.join('\n')}\nserver log (tail):\n${server?.recentLog()}`);
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  const summary = [...axeFindings].map(
    ([page, violations]) => `${page}: ${violations.map((v) => `${v.id}(${v.impact})`).join(', ') || 'none'}`,
  );
  console.log(`axe findings by page:\n  ${summary.join('\n  ')}`);
});

describe('a member asks and a colleague answers', () => {
  test('the signed-out home page lists the communities', async () => {
    await askerPage.goto('/');
    await expect.poll(() => askerPage.title()).toBe('Piazza · Piazza');
    await askerPage.getByRole('link', { name: 'Personale e organizzazione' }).waitFor();
    await scan(askerPage, 'home (signed out)');
    await askerPage.goto('/accedi');
    await askerPage.getByRole('heading', { level: 1, name: 'Accedi' }).waitFor();
    await scan(askerPage, 'sign in');
  });

  test('registering picks the comune with the keyboard and signs in', async () => {
    await askerPage.goto('/registrati');
    await askerPage.getByRole('heading', { level: 1, name: 'Registrati' }).waitFor();
    await scan(askerPage, 'register');
    await register(askerPage, asker);
    await askerPage.getByRole('link', { name: 'Esci' }).waitFor();
    await scan(askerPage, 'home (signed in, not verified)');
  });

  test('the link in the confirmation email verifies the address; the domain is approved', async () => {
    await verifyEmail(askerPage, asker.email, /Ora puoi scrivere/);
    await scan(askerPage, 'verify email');
    await askerPage.getByRole('link', { name: 'Home', exact: true }).click();
    await askerPage.getByText(`Bentornato, ${asker.name}.`).waitFor();
    await expect.poll(() => askerPage.getByText('Ti abbiamo inviato un’email per confermare l’indirizzo').count()).toBe(0);
    await scan(askerPage, 'home (signed in)');
  });

  test('the profile shows the comune with its "piccolo comune" badge', async () => {
    await askerPage.getByRole('link', { name: 'Profilo' }).click();
    await askerPage.getByRole('heading', { level: 1, name: 'Il mio profilo' }).waitFor();
    await askerPage.getByText(asker.job).waitFor();
    const comune = askerPage.locator('dd', { hasText: asker.comune });
    await expect.poll(() => comune.textContent()).toContain('piccolo comune');
    await scan(askerPage, 'profile');
  });

  test('editing the profile keeps focus in place', async () => {
    await askerPage.getByRole('button', { name: 'Modifica il profilo' }).click();
    await expect.poll(() => askerPage.evaluate(() => document.activeElement?.id)).toBe('profile-name');
    await scan(askerPage, 'profile form');
    await askerPage.getByLabel('Ruolo o ufficio').fill('Responsabile ufficio personale');
    await askerPage.getByRole('button', { name: 'Salva il profilo' }).click();
    await askerPage.getByText('Responsabile ufficio personale').waitFor();
    await expect.poll(() => askerPage.evaluate(() => document.activeElement?.textContent)).toBe('Modifica il profilo');
    asker.job = 'Responsabile ufficio personale';
  });

  test('joining a community, from a link, moves focus to the page heading', async () => {
    await askerPage.getByRole('link', { name: 'Home' }).click();
    await askerPage.getByRole('link', { name: 'Personale e organizzazione' }).click();
    const heading = askerPage.getByRole('heading', { level: 1, name: 'Personale e organizzazione' });
    await heading.waitFor();
    await expect.poll(() => askerPage.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await expect.poll(() => askerPage.title()).toBe('Personale e organizzazione · Piazza');
    await askerPage.getByRole('button', { name: 'Iscriviti' }).click();
    await askerPage.getByRole('button', { name: 'Lascia la comunità' }).waitFor();
    await expect.poll(() => askerPage.getByTestId('live-announcer').textContent()).toContain('Ti sei iscritto');
    await scan(askerPage, 'community');
    await askerPage.getByRole('link', { name: 'FAQ', exact: true }).click();
    await askerPage.getByRole('heading', { level: 2, name: 'Domande frequenti' }).waitFor();
    await scan(askerPage, 'community FAQ');
  });

  test('asking a question shows a server-rendered preview and opens the thread', async () => {
    await askerPage.goto(`/c/${COMMUNITY}`);
    await askerPage.getByRole('link', { name: 'Fai una domanda' }).click();
    await askerPage.getByRole('heading', { level: 1, name: 'Fai una domanda' }).waitFor();
    await askerPage.getByLabel('Titolo').fill(question.title);
    await askerPage.getByLabel('Testo', { exact: true }).fill(question.body);
    await askerPage.getByRole('region', { name: 'Anteprima' }).locator('strong', { hasText: 'quali voci' }).waitFor();
    await askerPage.getByLabel('Etichette (facoltative)').fill(question.tags);
    await scan(askerPage, 'ask');
    await askerPage.getByRole('button', { name: 'Pubblica la domanda' }).click();
    await askerPage.getByRole('heading', { level: 1, name: question.title }).waitFor();
    threadPath = new URL(askerPage.url()).pathname;
    expect(threadPath).toMatch(/^\/t\/\w+$/);
    await askerPage.locator('.post-body strong', { hasText: 'quali voci' }).waitFor();
    await askerPage.getByText('Senza risposta', { exact: true }).first().waitFor();
    await scan(askerPage, 'thread');
  });

  test('a colleague answers in another browser and the asker sees it', async () => {
    await register(answererPage, answerer);
    // Not verified yet: the thread says why there is no reply form.
    await answererPage.goto(threadPath);
    await answererPage.getByText('Conferma il tuo indirizzo email per poter scrivere').waitFor();
    await scan(answererPage, 'thread (not verified)');
    await verifyEmail(answererPage, answerer.email, /Ora puoi scrivere/);
    await answererPage.goto(threadPath);
    await answererPage.getByRole('heading', { level: 1, name: question.title }).waitFor();
    await answererPage.getByLabel('Testo della risposta').fill(answer);
    await answererPage.getByRole('button', { name: 'Pubblica la risposta' }).click();
    await answererPage.getByRole('article').filter({ hasText: answer }).waitFor();

    const answerOnAskerPage = askerPage.getByRole('article').filter({ hasText: answer });
    if (serverHasSubscriptions) {
      // Live: no reload, and focus stays where it was.
      await answerOnAskerPage.waitFor({ timeout: 15_000 });
      await expect.poll(() => askerPage.getByTestId('live-announcer').textContent()).toContain(answerer.name);
    } else {
      await askerPage.reload();
      await answerOnAskerPage.waitFor();
    }
    await expect.poll(() => answerOnAskerPage.textContent()).toContain(answerer.job);
  });

  test('the asker is notified of the answer', async (context) => {
    if (!serverHasNotifications) context.skip();
    // The badge follows notificationReceived live (or shows the count on the next page).
    if (!serverHasSubscriptions) await askerPage.reload();
    const badge = askerPage.getByTestId('unread-badge');
    await badge.waitFor();
    await askerPage.getByRole('link', { name: /^Notifiche/ }).click();
    await askerPage.getByRole('heading', { level: 1, name: 'Notifiche' }).waitFor();
    await askerPage.getByRole('link', { name: `${answerer.name} ha risposto a «${question.title}»` }).waitFor();
    await scan(askerPage, 'notifications (one unread)');
    await askerPage.getByRole('button', { name: 'Segna tutte come lette' }).click();
    await askerPage.getByRole('button', { name: 'Segna tutte come lette' }).waitFor({ state: 'detached' });
    await badge.waitFor({ state: 'detached' });
    await askerPage.goBack();
    await askerPage.getByRole('heading', { level: 1, name: question.title }).waitFor();
  });

  test('the asker accepts the answer and votes for it; the colleague is told', async () => {
    const reply = askerPage.getByRole('article').filter({ hasText: answer });
    await reply.getByRole('button', { name: 'Accetta questa risposta' }).click();
    await reply.getByTestId('accepted-marker').waitFor();
    await askerPage.getByText('Risolta', { exact: true }).first().waitFor();

    const useful = reply.getByRole('button', { name: 'Utile', exact: true });
    await useful.click();
    await expect.poll(() => useful.getAttribute('aria-pressed')).toBe('true');
    await reply.getByText('Punteggio: 1').waitFor();
    await scan(askerPage, 'thread with accepted answer');

    if (!serverHasNotifications) return;
    if (!serverHasSubscriptions) await answererPage.reload();
    await answererPage.getByTestId('unread-badge').waitFor();
    await answererPage.getByRole('link', { name: /^Notifiche/ }).click();
    await answererPage.getByRole('link', { name: `La tua risposta a «${question.title}» è stata accettata` }).waitFor();
  });

  test('the asker edits the question and sees its history', async () => {
    const first = askerPage.getByRole('article').first();
    await first.getByRole('button', { name: 'Modifica' }).click();
    const editor = first.getByLabel('Modifica il testo');
    await editor.fill(`${question.body}\n\nAggiornamento: parlo del 2026.`);
    await first.getByRole('button', { name: 'Salva modifiche' }).click();
    await first.getByText('Aggiornamento: parlo del 2026.').waitFor();
    await first.getByRole('button', { name: 'Mostra cronologia modifiche' }).click();
    await first.getByRole('heading', { name: 'Cronologia modifiche' }).waitFor();
    await expect.poll(() => first.locator('.revision-body').count()).toBeGreaterThanOrEqual(1);
    await scan(askerPage, 'thread with history');
  });

  test('the community list shows the thread with its reply count', async () => {
    await askerPage.goto(`/c/${COMMUNITY}?tipo=question`);
    const item = askerPage.getByRole('listitem').filter({ hasText: question.title });
    await item.waitFor();
    await expect.poll(() => item.textContent()).toContain('1 risposta');
  });

  test('a page loaded again comes from the feed cache, except what is the viewer’s own', async () => {
    // What everyone sees is one query, shared through the cache; votes, membership and the
    // like are a second one, which never is.
    const pages = [
      { path: `/c/${COMMUNITY}`, shared: ['CommunityHeader', 'CommunityThreads'], own: 'CommunityViewer' },
      { path: threadPath, shared: ['Thread', 'ThreadReplies'], own: 'ThreadViewer' },
      { path: '/', shared: ['HomeFeed'], own: 'HomePage' },
    ];
    for (const { path, shared, own } of pages) {
      const operations = [...shared, own];
      const load = () => askerPage.goto(path);
      await cacheOutcomes(askerPage, operations, load); // may be the first time
      const again = await cacheOutcomes(askerPage, operations, load);
      for (const name of shared) expect(again[name], `${name} on ${path}`).toBe('hit');
      expect(again[own], `${own} on ${path}`).not.toBe('hit');
      if (path === threadPath) {
        // The asker's own state, merged into the shared page: their vote, their edit rights.
        const useful = askerPage.getByRole('article').filter({ hasText: answer }).getByRole('button', { name: 'Utile', exact: true });
        await expect.poll(() => useful.getAttribute('aria-pressed')).toBe('true');
        await askerPage.getByRole('article').first().getByRole('button', { name: 'Modifica' }).waitFor();
      } else if (path !== '/') {
        await askerPage.getByRole('button', { name: 'Lascia la comunità' }).waitFor();
      }
    }
  });

  test('English is one click away, and the choice is remembered', async () => {
    await askerPage.goto('/');
    await askerPage.getByRole('button', { name: 'English' }).click();
    await askerPage.getByRole('link', { name: 'Sign out' }).waitFor();
    await expect.poll(() => askerPage.evaluate(() => document.documentElement.lang)).toBe('en');
    await askerPage.reload();
    await askerPage.getByRole('heading', { level: 2, name: 'Recent activity' }).waitFor();
    await scan(askerPage, 'home (English)');
    await askerPage.getByRole('button', { name: 'Italiano' }).click();
    await askerPage.getByRole('link', { name: 'Esci' }).waitFor();
  });

  test('notifications and unknown pages render without errors', async () => {
    await askerPage.goto('/notifiche');
    await askerPage.getByRole('heading', { level: 1, name: 'Notifiche' }).waitFor();
    await scan(askerPage, 'notifications');
    await askerPage.goto('/non-esiste');
    await askerPage.getByRole('heading', { level: 1, name: 'Pagina non trovata' }).waitFor();
    await scan(askerPage, 'not found');
  });

  test('the admin creates a community and makes the colleague an expert', async () => {
    const adminContext = await newContext(browser, server.url);
    const page = await openPage(adminContext);
    await page.goto('/accedi');
    await page.getByLabel('Indirizzo e-mail').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Accedi' }).click();
    await page.getByRole('link', { name: 'Amministrazione' }).click();
    await page.getByRole('heading', { level: 1, name: 'Amministrazione' }).waitFor();
    await scan(page, 'admin');
    await page.getByLabel('Nome', { exact: true }).fill('Protezione civile');
    await expect.poll(() => page.getByLabel('Indirizzo breve').inputValue()).toBe('protezione-civile');
    await page.getByLabel('Descrizione').fill('Piani di emergenza e volontariato.');
    await page.getByRole('button', { name: 'Crea comunità' }).click();
    await page.getByRole('link', { name: 'Apri la comunità' }).waitFor();

    await page.getByLabel('Indirizzo e-mail dell’utente').fill(answerer.email);
    await page.getByLabel('Ruolo', { exact: true }).selectOption('EXPERT');
    await page.getByRole('button', { name: 'Assegna' }).click();
    await page.getByText(`${answerer.name} ora è Esperto.`).first().waitFor();

    await page.getByRole('link', { name: 'Apri la comunità' }).click();
    await page.getByRole('heading', { level: 1, name: 'Protezione civile' }).waitFor();
    await adminContext.close();
  });

  test('the admin approves an email domain and watches a word, which then refuses a member’s reply', async () => {
    // A member has no administration: no link, and the page says so instead of the sections.
    await askerPage.goto('/admin');
    await askerPage.getByRole('heading', { level: 1, name: 'Amministrazione' }).waitFor();
    await askerPage.getByText('Non hai i permessi per questa operazione.').waitFor();
    expect(await askerPage.getByRole('link', { name: 'Amministrazione' }).count()).toBe(0);
    expect(await askerPage.getByRole('heading', { name: 'Domini email approvati' }).count()).toBe(0);
    expect(await askerPage.getByRole('heading', { name: 'Parole sorvegliate' }).count()).toBe(0);

    const admin = await signInAsAdmin();
    await admin.getByRole('link', { name: 'Amministrazione' }).click();
    const domains = admin.getByRole('region', { name: 'Domini email approvati' });
    // The journey's own domain, approved from the command line for every public body.
    await domains.getByRole('row', { name: new RegExp(`^${APPROVED_DOMAIN.replace('.', '\\.')} Tutti gli enti pubblici`) }).waitFor();
    const domainField = domains.getByLabel('Dominio email');
    await domainField.fill('comune di aglie');
    await domains.getByRole('button', { name: 'Approva il dominio' }).click();
    await expect.poll(() => domainField.evaluate((el) => el === document.activeElement)).toBe(true);
    await expect.poll(() => domainField.getAttribute('aria-invalid')).toBe('true');
    await domains.getByText('Il dominio non è valido').waitFor();
    await domainField.fill('@Comune.Aglie.TO.it');
    const comune = domains.getByRole('combobox', { name: 'Comune (facoltativo)' });
    await comune.pressSequentially('Agliè', { delay: 30 });
    await admin.getByRole('option', { name: /^Agliè / }).click();
    await domains.getByRole('button', { name: 'Approva il dominio' }).click();
    await domains.getByRole('status').filter({ hasText: 'Dominio comune.aglie.to.it approvato per il comune di Agliè.' }).waitFor();
    const row = domains.getByRole('row', { name: /^comune\.aglie\.to\.it Agliè \(TO\)/ });
    await row.waitFor();
    await scan(admin, 'admin (domains and watched words)');
    await row.getByRole('button', { name: 'Rimuovi comune.aglie.to.it' }).click();
    await row.getByText('Rimuovere comune.aglie.to.it? Chi è già stato approvato resta approvato.').waitFor();
    await scan(admin, 'admin (confirm removal)');
    await row.getByRole('button', { name: 'Sì, rimuovi' }).click();
    await domains.getByRole('status').filter({ hasText: 'Dominio comune.aglie.to.it rimosso.' }).waitFor();
    await row.waitFor({ state: 'detached' });
    await expect.poll(() => admin.evaluate(() => document.activeElement?.id)).toBe('domains-heading');

    const words = admin.getByRole('region', { name: 'Parole sorvegliate' });
    await words.getByText('Nessuna parola sorvegliata.').waitFor();
    await words.getByLabel('Parola o espressione').fill('truff*');
    // Each action is explained beside its choice.
    const block = words.getByLabel('Blocca', { exact: true });
    const help = await block.getAttribute('aria-describedby');
    await expect.poll(() => admin.locator(`#${help}`).textContent()).toContain('Il messaggio non viene pubblicato');
    await words.locator(`label[for="${await block.getAttribute('id')}"]`).click();
    await words.getByRole('button', { name: 'Sorveglia la parola' }).click();
    await words.getByRole('status').filter({ hasText: '«truff*» è sorvegliata: Blocca.' }).waitFor();
    const word = words.getByRole('row', { name: /^truff\* Blocca/ });
    await word.waitFor();

    // The member's reply with the word is refused, with the server's reason.
    await askerPage.goto(threadPath);
    await askerPage.getByLabel('Testo della risposta').fill('Attenzione: potrebbe essere una truffa.');
    await askerPage.getByRole('button', { name: 'Pubblica la risposta' }).click();
    await askerPage.getByRole('alert').filter({ hasText: 'Il testo contiene parole non ammesse: truff*' }).waitFor();
    await askerPage.getByLabel('Testo della risposta').fill('');

    await word.getByRole('button', { name: 'Rimuovi truff*' }).click();
    await word.getByRole('button', { name: 'Sì, rimuovi' }).click();
    await words.getByRole('status').filter({ hasText: '«truff*» non è più sorvegliata.' }).waitFor();
    await words.getByText('Nessuna parola sorvegliata.').waitFor();
    await admin.context().close();
  });

  test('an FAQ entry shows its answer, references, history and a diff', async () => {
    const adminContext = await newContext(browser, server.url);
    const page = await openPage(adminContext);
    await page.goto('/accedi');
    await page.getByLabel('Indirizzo e-mail').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Accedi' }).click();
    await page.getByRole('link', { name: 'Esci' }).waitFor();
    // Set up through the API, as the admin (the editor UI has its own test below).
    const published = await graphqlAs(page, 'mutation($input: PublishFaqEntryInput!) { publishFaqEntry(input: $input) { id } }', {
      input: {
        communitySlug: COMMUNITY,
        question: 'Quali voci compongono il fondo decentrato?',
        answer: 'Le voci stabili e quelle variabili.',
        references: ['CCNL Funzioni locali 2019-2021, art. 79'],
      },
    });
    const id = (published as { publishFaqEntry: { id: string } }).publishFaqEntry.id;
    await graphqlAs(page, 'mutation($id: ID!, $input: UpdateFaqEntryInput!) { updateFaqEntry(id: $id, input: $input) { id } }', {
      id,
      input: { answer: 'Le voci stabili, quelle variabili e le risorse aggiuntive.', changeNote: 'Aggiunte le risorse aggiuntive.' },
    });

    await page.goto(`/c/${COMMUNITY}/faq`);
    await page.locator('summary', { hasText: 'Quali voci compongono il fondo decentrato?' }).click();
    await page.getByRole('link', { name: 'Apri la scheda completa' }).click();
    await page.getByRole('heading', { level: 1, name: 'Quali voci compongono il fondo decentrato?' }).waitFor();
    await page.getByText('CCNL Funzioni locali 2019-2021, art. 79').waitFor();
    await page.getByText('Aggiunte le risorse aggiuntive.').waitFor();
    await expect.poll(() => page.locator('.faq-diff').innerHTML()).toMatch(/<ins|<del/);
    await scan(page, 'FAQ entry');
    await adminContext.close();
  });

  test('follow levels chosen on a thread and a community persist after a reload', async () => {
    // The asker watches their own question and tracks the community they joined: choose another level.
    for (const [path, level] of [
      [threadPath, 'Seguita'],
      [`/c/${COMMUNITY}`, 'In osservazione'],
    ] as const) {
      await askerPage.goto(path);
      const summary = askerPage.locator('summary', { hasText: 'Notifiche:' });
      await summary.click();
      const radio = askerPage.getByLabel(level, { exact: true });
      // Bootstrap Italia draws the radio on its label, which is what a pointer clicks.
      await askerPage.locator(`label[for="${await radio.getAttribute('id')}"]`).click();
      await expect
        .poll(() => askerPage.getByRole('status').filter({ hasText: 'Preferenza salvata' }).textContent())
        .toBe(`Preferenza salvata: ${level}.`);
      await scan(askerPage, `notification level (${path === threadPath ? 'thread' : 'community'})`);
      await askerPage.reload();
      await expect.poll(() => summary.textContent()).toBe(`Notifiche: ${level}`);
      await summary.click();
      await expect.poll(() => radio.isChecked()).toBe(true);
    }
    await askerPage.getByRole('link', { name: 'Profilo' }).click();
    const levels = askerPage.getByRole('region', { name: 'Notifiche delle comunità' });
    await expect.poll(() => levels.textContent()).toContain('Personale e organizzazione: In osservazione');
    await scan(askerPage, 'profile (community levels)');
  });

  test('a saved thread appears under "Salvati"', async () => {
    await askerPage.goto(threadPath);
    const save = askerPage.getByRole('button', { name: 'Salva', exact: true });
    await save.click();
    await expect.poll(() => save.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => askerPage.getByTestId('live-announcer').textContent()).toContain('Discussione salvata');
    await askerPage.reload();
    await expect.poll(() => save.getAttribute('aria-pressed')).toBe('true');
    await askerPage.getByRole('link', { name: 'Salvati' }).click();
    await askerPage.getByRole('heading', { level: 1, name: 'Salvati' }).waitFor();
    await expect.poll(() => askerPage.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await askerPage.getByRole('link', { name: question.title }).waitFor();
    await scan(askerPage, 'bookmarks');
  });

  test('replies can be sorted by score, kept in the URL', async () => {
    await askerPage.goto(threadPath);
    const sort = askerPage.getByLabel('Ordina le risposte');
    if ((await sort.count()) === 0) return; // one reply only: nothing to sort
    await sort.selectOption('SCORE');
    await expect.poll(() => askerPage.url()).toContain('risposte=voti');
  });

  test('an expert marks the official answer, proposes it as FAQ, publishes and withdraws it', async () => {
    // A full load: the session reads the role the admin just gave.
    await answererPage.goto(threadPath);
    const reply = answererPage.getByRole('article').filter({ hasText: answer });
    await reply.getByRole('button', { name: 'Segna come risposta ufficiale' }).click();
    await reply.getByTestId('official-marker').waitFor();
    await reply.getByRole('button', { name: 'Proponi come FAQ' }).click();
    const faqQuestion = reply.getByLabel('Domanda come apparirà nelle FAQ');
    await expect.poll(() => faqQuestion.evaluate((el) => el === document.activeElement)).toBe(true);
    await faqQuestion.fill('Quali voci entrano nel fondo per la contrattazione decentrata?');
    await scan(answererPage, 'thread (expert, promote form)');
    await reply.getByRole('button', { name: 'Crea la bozza' }).click();
    await answererPage.getByRole('heading', { level: 1, name: 'Quali voci entrano nel fondo per la contrattazione decentrata?' }).waitFor();
    await answererPage.getByText('Bozza', { exact: true }).first().waitFor();
    await scan(answererPage, 'FAQ draft (editor)');
    await answererPage.getByRole('button', { name: 'Pubblica bozza' }).click();
    await answererPage.getByRole('button', { name: 'Ritira' }).waitFor();
    await answererPage.getByRole('button', { name: 'Ritira' }).click();
    await answererPage.getByLabel('Motivo del ritiro').fill('Superata dalla FAQ generale sul fondo.');
    await answererPage.getByRole('button', { name: 'Ritira la FAQ' }).click();
    await answererPage.getByText('Questa FAQ è stata ritirata: Superata dalla FAQ generale sul fondo.').waitFor();
  });

  test('an expert publishes an FAQ entry from the editor and a member sees it', async () => {
    const faq = {
      question: 'Entro quando va costituito il fondo decentrato?',
      answer: 'Il fondo va costituito **prima** della contrattazione, ogni anno.',
      references: 'CCNL Funzioni locali 2019-2021, art. 79\nD.Lgs. 165/2001, art. 40',
    };
    await answererPage.goto(`/c/${COMMUNITY}/faq`);
    await answererPage.getByRole('button', { name: 'Nuova FAQ' }).click();
    const questionField = answererPage.getByLabel('Domanda', { exact: true });
    await expect.poll(() => questionField.evaluate((el) => el === document.activeElement)).toBe(true);
    await questionField.fill(faq.question);
    await answererPage.getByLabel('Risposta', { exact: true }).fill(faq.answer);
    await answererPage.getByRole('region', { name: 'Anteprima' }).locator('strong', { hasText: 'prima' }).waitFor();
    await answererPage.getByLabel('Etichette (facoltative)').fill('fondo, scadenze');
    await answererPage.getByLabel('Riferimenti normativi (facoltativi)').fill(faq.references);
    await scan(answererPage, 'FAQ editor (new)');
    await answererPage.getByRole('button', { name: 'Pubblica', exact: true }).click();
    await answererPage.getByRole('heading', { level: 1, name: faq.question }).waitFor();
    await answererPage.getByText('D.Lgs. 165/2001, art. 40').waitFor();

    // A new version needs its note.
    await answererPage.getByRole('button', { name: 'Modifica' }).click();
    await answererPage.getByLabel('Risposta', { exact: true }).fill(`${faq.answer}\n\nLo ricorda la Corte dei conti.`);
    await answererPage.getByLabel('Nota di modifica').fill('Aggiunto il richiamo alla Corte dei conti.');
    await scan(answererPage, 'FAQ editor (edit)');
    await answererPage.getByRole('button', { name: 'Salva la nuova versione' }).click();
    await answererPage.getByText('Aggiunto il richiamo alla Corte dei conti.').first().waitFor();
    await expect.poll(() => answererPage.evaluate(() => document.activeElement?.textContent)).toBe('Modifica');

    // The member sees it, with what is new since their last visit.
    await askerPage.goto(`/c/${COMMUNITY}/faq`);
    await askerPage.locator('summary', { hasText: faq.question }).waitFor();
    await askerPage.getByTestId('faq-unseen').waitFor();
    await askerPage.getByRole('link', { name: `Aggiornata: «${faq.question}» (versione 2)` }).waitFor();
    await scan(askerPage, 'community FAQ (news)');
    await askerPage.getByRole('heading', { name: 'Novità nelle FAQ' }).scrollIntoViewIfNeeded();
    // Once seen, the FAQ is marked as seen: the next visit has no news.
    await expect
      .poll(async () => {
        await askerPage.reload();
        await askerPage.locator('summary', { hasText: faq.question }).waitFor();
        await askerPage.getByRole('heading', { name: 'Novità nelle FAQ' }).waitFor();
        return askerPage.getByTestId('faq-unseen').count();
      })
      .toBe(0);
  });

  test('search finds the thread from the header, with filters in the URL', async () => {
    await askerPage.goto('/');
    await askerPage.getByRole('searchbox', { name: 'Cerca discussioni e FAQ' }).fill('contrattazione');
    await askerPage.getByRole('searchbox', { name: 'Cerca discussioni e FAQ' }).press('Enter');
    await askerPage.getByRole('heading', { level: 1, name: 'Cerca' }).waitFor();
    await expect.poll(() => askerPage.url()).toContain('/cerca?q=contrattazione');
    const result = askerPage.locator('.search-result', { hasText: question.title });
    await result.waitFor();
    await expect.poll(() => result.locator('mark').count()).toBeGreaterThan(0);
    await expect.poll(() => askerPage.getByTestId('search-status').textContent()).toMatch(/risultat/);
    await scan(askerPage, 'search');
    await askerPage.getByLabel('Tipo').selectOption('FAQ');
    await expect.poll(() => askerPage.url()).toContain('tipo=faq');
    await askerPage.locator('.search-result', { hasText: 'fondo decentrato' }).first().waitFor();
    await scan(askerPage, 'search (FAQ only)');
  });

  test('the ask page shows similar questions while typing, without taking focus', async () => {
    await askerPage.goto(`/c/${COMMUNITY}/nuova`);
    const title = askerPage.getByLabel('Titolo');
    await title.pressSequentially('Calcolo del fondo per la contrattazione decentrata', { delay: 10 });
    const similar = askerPage.getByTestId('similar-questions');
    await similar.getByRole('link', { name: new RegExp(question.title.replace(/[?]/g, '\\?')) }).waitFor();
    await expect.poll(() => similar.getAttribute('aria-live')).toBe('polite');
    await expect.poll(() => title.evaluate((el) => el === document.activeElement)).toBe(true);
    await scan(askerPage, 'ask (similar questions)');
  });

  test('a member waits for approval when their domain is not approved, and a moderator approves them', async () => {
    const newcomer = {
      name: 'Carla Verdi',
      job: 'Ufficio tributi',
      comuneSearch: 'Agliè',
      comune: 'Agliè',
      email: 'carla@posta-esempio.net',
    };
    const context = await newContext(browser, server.url);
    const page = await openPage(context);
    await register(page, newcomer);
    // A wrong or used link says so, and offers a new one to the signed-in member.
    await page.goto('/verifica-email?token=non-valido');
    await page.getByText('Il link non è valido, è scaduto o è già stato usato.').waitFor();
    // The registration mail went out seconds ago: one link a minute.
    await page.getByRole('button', { name: 'Invia di nuovo l’email' }).click();
    await page.getByText('Ti abbiamo inviato un link meno di un minuto fa').waitFor();
    await scan(page, 'verify email (invalid link)');
    await verifyEmail(page, newcomer.email, /attende l’approvazione di un moderatore/);
    await page.goto(threadPath);
    await page.getByText('La tua iscrizione attende l’approvazione di un moderatore').waitFor();
    await scan(page, 'thread (pending member)');

    const admin = await signInAsAdmin();
    await admin.getByRole('link', { name: 'Moderazione' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Moderazione' }).waitFor();
    const item = admin.getByRole('listitem').filter({ hasText: `Nuovo iscritto da approvare: ${newcomer.name}` });
    await item.waitFor();
    await scan(admin, 'moderation (member to approve)');
    await item.getByRole('button', { name: 'Approva' }).click();
    await item.waitFor({ state: 'detached' });
    await admin.getByText('Iscritto approvato').first().waitFor();

    await page.reload();
    await page.getByLabel('Testo della risposta').waitFor();
    await admin.context().close();
    await context.close();
  });

  test('a member reports a post; the queue shows it live and a moderator dismisses it', async () => {
    const admin = await signInAsAdmin();
    await admin.goto('/moderazione');
    await admin.getByRole('heading', { level: 1, name: 'Moderazione' }).waitFor();
    await admin.getByTestId('review-count').waitFor();

    await answererPage.goto(threadPath);
    const opening = answererPage.getByRole('article').first();
    await opening.getByRole('button', { name: 'Segnala' }).click();
    const reason = opening.getByLabel('Motivo della segnalazione');
    await expect.poll(() => reason.evaluate((el) => el === document.activeElement)).toBe(true);
    await reason.selectOption('INACCURATE');
    await opening.getByLabel('Nota per i moderatori (facoltativa)').fill('Il riferimento al CCNL è superato.');
    await scan(answererPage, 'thread (report form)');
    await opening.getByRole('button', { name: 'Invia la segnalazione' }).click();
    await opening.getByText('Segnalazione inviata ai moderatori. Grazie.').waitFor();

    const item = admin.getByRole('listitem').filter({ hasText: `Messaggio segnalato: ${question.title}` });
    if (!serverHasSubscriptions) await admin.reload();
    await item.waitFor({ timeout: 15_000 });
    await expect.poll(() => item.textContent()).toContain('Il riferimento al CCNL è superato.');
    await scan(admin, 'moderation (report)');
    // Hiding needs a reason: the field says so and takes focus.
    await item.getByRole('button', { name: 'Nascondi' }).click();
    await item.getByText('Scrivi il motivo per rifiutare o nascondere.').waitFor();
    await item.getByRole('button', { name: 'Archivia la segnalazione' }).click();
    await item.waitFor({ state: 'detached' });
    await admin.getByText('Segnalazione archiviata').first().waitFor();
    await admin.context().close();
  });

  test('a moderator pins, locks, hides a reply and closes a duplicate; readers see each', async () => {
    const admin = await signInAsAdmin();
    // A second thread on the same question, to close as its duplicate.
    const created = await graphqlAs(admin, 'mutation($input: CreateThreadInput!) { createThread(input: $input) { id } }', {
      input: { communitySlug: COMMUNITY, kind: 'QUESTION', title: 'Quali voci vanno nel fondo decentrato del 2026?', body: 'Come sopra.' },
    });
    const duplicateId = (created as { createThread: { id: string } }).createThread.id;

    await admin.goto(threadPath);
    await admin.locator('summary', { hasText: 'Moderazione della discussione' }).click();
    await scan(admin, 'thread (moderator tools)');
    await admin.getByRole('button', { name: 'Metti in evidenza' }).click();
    await admin.getByRole('button', { name: 'Togli dall’evidenza' }).waitFor();
    await admin.getByText('In evidenza', { exact: true }).first().waitFor();

    await admin.getByLabel('Motivo (facoltativo, finisce nel registro di moderazione)').fill('Pausa di riflessione.');
    await admin.getByRole('button', { name: 'Blocca le risposte' }).click();
    await admin.getByRole('button', { name: 'Sblocca le risposte' }).waitFor();
    await askerPage.goto(threadPath);
    await askerPage.getByText('Questa discussione è chiusa: non si possono aggiungere risposte.').waitFor();
    await admin.getByRole('button', { name: 'Sblocca le risposte' }).click();
    await admin.getByRole('button', { name: 'Blocca le risposte' }).waitFor();

    const reply = admin.getByRole('article').filter({ hasText: answer });
    await reply.getByRole('button', { name: 'Nascondi' }).click();
    await reply.getByLabel('Motivo (lo vedranno l’autore e il registro di moderazione)').fill('Verifica in corso.');
    await reply.getByRole('button', { name: 'Nascondi il messaggio' }).click();
    await reply.getByTestId('hidden-marker').waitFor();
    await askerPage.reload();
    await askerPage.getByText('Questo messaggio è stato nascosto da un moderatore.').waitFor();
    await scan(askerPage, 'thread (hidden reply)');
    await reply.getByRole('button', { name: 'Ripristina' }).click();
    await reply.getByLabel('Motivo (lo vedranno l’autore e il registro di moderazione)').fill('Verificato.');
    await reply.getByRole('button', { name: 'Ripristina il messaggio' }).click();
    await reply.getByTestId('hidden-marker').waitFor({ state: 'detached' });

    await admin.goto(`/t/${duplicateId}`);
    await admin.locator('summary', { hasText: 'Moderazione della discussione' }).click();
    await admin.getByLabel('Indirizzo o numero dell’originale').fill(`${server.url}${threadPath}`);
    await admin.getByRole('button', { name: 'Chiudi come duplicato' }).click();
    await admin.getByRole('button', { name: 'Riapri la discussione' }).waitFor();
    await askerPage.goto(`/t/${duplicateId}`);
    const notice = askerPage.getByTestId('duplicate-notice');
    await expect.poll(() => notice.textContent()).toBe(`Chiusa come duplicato di ${question.title}`);
    await scan(askerPage, 'thread (closed as duplicate)');
    await notice.getByRole('link', { name: question.title }).click();
    await askerPage.getByRole('heading', { level: 1, name: question.title }).waitFor();

    await admin.goto(`/moderazione?comunita=${COMMUNITY}`);
    const log = admin.getByRole('region', { name: 'Registro di moderazione' });
    for (const entry of [
      'Chiusa come duplicato',
      'Messaggio ripristinato',
      'Messaggio nascosto',
      'Discussione bloccata',
      'Discussione in evidenza',
    ]) {
      await log.getByText(entry, { exact: true }).first().waitFor();
    }
    await log.getByText('Motivo: Pausa di riflessione.').waitFor();
    await scan(admin, 'moderation (log)');
    await admin.context().close();
  });

  test('a moderator moves a thread to another community; members read the log, others see no link', async () => {
    const admin = await signInAsAdmin();
    const title = 'Chi redige il piano comunale di protezione civile?';
    const created = await graphqlAs(admin, 'mutation($input: CreateThreadInput!) { createThread(input: $input) { id } }', {
      input: { communitySlug: COMMUNITY, kind: 'QUESTION', title, body: 'Nel nostro comune se ne occupa l’ufficio tecnico.' },
    });
    const movedPath = `/t/${(created as { createThread: { id: string } }).createThread.id}`;

    await admin.goto(movedPath);
    await admin.locator('summary', { hasText: 'Moderazione della discussione' }).click();
    const move = admin.getByRole('group', { name: 'Sposta in un’altra comunità' });
    await move.waitFor();
    await scan(admin, 'thread (move form)');
    // The reason is obligatory: the field says so and takes focus.
    await move.getByRole('button', { name: 'Sposta la discussione' }).click();
    const reason = move.getByLabel('Motivo dello spostamento (obbligatorio)');
    await expect.poll(() => reason.evaluate((el) => el === document.activeElement)).toBe(true);
    await move.getByText('Scrivi il motivo.').waitFor();
    await move.getByLabel('Comunità di destinazione').selectOption({ label: 'Protezione civile' });
    await reason.fill('Riguarda la protezione civile.');
    await move.getByRole('button', { name: 'Sposta la discussione' }).click();
    const breadcrumb = admin.getByRole('navigation', { name: 'Percorso' });
    await breadcrumb.getByRole('link', { name: 'Protezione civile' }).waitFor();
    await expect.poll(() => admin.getByTestId('live-announcer').textContent()).toContain('Discussione spostata in Protezione civile.');
    // Its new community's log, read by a moderator who is not a member: with who acted.
    await admin.goto('/c/protezione-civile/registro');
    await admin.getByRole('heading', { level: 1, name: 'Registro di moderazione: Protezione civile' }).waitFor();
    await admin.getByText('Motivo: Riguarda la protezione civile.').waitFor();
    await admin.getByText(`da ${ADMIN.name}`).first().waitFor();

    // A member reads the thread where it now is, without the moderator's tools.
    await askerPage.goto(movedPath);
    await askerPage.getByRole('navigation', { name: 'Percorso' }).getByRole('link', { name: 'Protezione civile' }).waitFor();
    await askerPage.getByRole('heading', { level: 1, name: title }).waitFor();
    expect(await askerPage.locator('summary', { hasText: 'Moderazione della discussione' }).count()).toBe(0);
    expect(await askerPage.getByText('Sposta in un’altra comunità').count()).toBe(0);

    // ...and the log of the community they joined, from its page: what, why, not who.
    await askerPage.goto(`/c/${COMMUNITY}`);
    await askerPage.getByRole('link', { name: 'Registro di moderazione' }).click();
    await askerPage.getByRole('heading', { level: 1, name: 'Registro di moderazione: Personale e organizzazione' }).waitFor();
    await expect.poll(() => askerPage.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    const entries = askerPage.locator('.moderation-log');
    await entries.getByText('Discussione spostata', { exact: true }).waitFor();
    await entries.getByRole('link', { name: title }).waitFor();
    await entries.getByText('Motivo: Riguarda la protezione civile.').waitFor();
    await entries.getByText('Messaggio nascosto', { exact: true }).first().waitFor();
    expect(await entries.getByText(`da ${ADMIN.name}`).count()).toBe(0);
    await scan(askerPage, 'community moderation log (member)');

    // The colleague never joined it: no link, and the address says who may read it.
    await answererPage.goto(`/c/${COMMUNITY}`);
    await answererPage.getByRole('heading', { level: 1, name: 'Personale e organizzazione' }).waitFor();
    await answererPage.getByRole('button', { name: 'Iscriviti' }).waitFor();
    expect(await answererPage.getByRole('link', { name: 'Registro di moderazione' }).count()).toBe(0);
    await answererPage.goto(`/c/${COMMUNITY}/registro`);
    await answererPage.getByText('Il registro di moderazione di questa comunità è visibile ai suoi iscritti.').waitFor();
    expect(await answererPage.locator('.moderation-log').count()).toBe(0);
    await scan(answererPage, 'community moderation log (not a member)');
    await admin.context().close();
  });

  test('a global moderator suspends a member from a post and from the review queue, and lifts it', async () => {
    const member = { name: 'Dario Neri', job: 'Ufficio tecnico', comuneSearch: 'Airasca', comune: 'Airasca', email: 'dario@example.it' };
    const memberContext = await newContext(browser, server.url);
    const memberPage = await openPage(memberContext);
    await register(memberPage, member);
    await verifyEmail(memberPage, member.email, /Ora puoi scrivere/);
    const text = 'Offro consulenze a pagamento sul fondo: scrivetemi in privato.';
    const threadId = threadPath.split('/').pop();
    await graphqlAs(memberPage, 'mutation($input: CreatePostInput!) { createPost(input: $input) { id } }', {
      input: { threadId, body: text },
    });

    // A member sees no suspension control anywhere on the thread.
    await askerPage.goto(threadPath);
    await askerPage.getByRole('article').filter({ hasText: text }).waitFor();
    expect(await askerPage.getByRole('button', { name: /Sospendi|Sospensione/ }).count()).toBe(0);

    const admin = await signInAsAdmin();
    await admin.goto(threadPath);
    const post = admin.getByRole('article').filter({ hasText: text });
    const opener = post.getByRole('button', { name: 'Sospendi l’autore' });
    await opener.click();
    await expect.poll(() => opener.getAttribute('aria-expanded')).toBe('true');
    const panel = post.getByRole('group', { name: `Sospensione di ${member.name}` });
    await panel.getByRole('group', { name: 'Durata' }).waitFor();
    await scan(admin, 'thread (suspension form)');
    await panel.getByRole('button', { name: 'Continua' }).click();
    const reason = panel.getByLabel('Motivo (obbligatorio)');
    await expect.poll(() => reason.evaluate((el) => el === document.activeElement)).toBe(true);
    await panel.getByText('Scrivi il motivo.').waitFor();
    await reason.fill('Messaggi promozionali ripetuti.');
    await panel.getByRole('button', { name: 'Continua' }).click();
    const confirm = panel.getByRole('group', { name: new RegExp(`^Sospendere ${member.name} fino al`) });
    await confirm.waitFor();
    await scan(admin, 'thread (suspension confirmation)');
    await confirm.getByRole('button', { name: 'Sì, sospendi' }).click();
    const status = panel.getByTestId('suspension-status');
    await expect.poll(() => status.textContent()).toMatch(/^Sospensione in corso fino al .+\. Motivo: Messaggi promozionali ripetuti\.$/);
    await expect.poll(() => status.evaluate((el) => el === document.activeElement)).toBe(true);
    await post.getByTestId('suspended-marker').waitFor();
    await expect.poll(() => admin.getByTestId('live-announcer').textContent()).toContain(`Sospensione registrata: ${member.name}`);
    await scan(admin, 'thread (member suspended)');

    // The member's session ended; signed in again, they read but may not write.
    await memberPage.reload();
    await memberPage.getByRole('link', { name: 'Accedi' }).first().waitFor();
    await signIn(memberPage, member.email, PASSWORD);
    await memberPage.goto(threadPath);
    const blocked = memberPage.getByTestId('posting-blocked');
    await expect
      .poll(() => blocked.textContent())
      .toMatch(/^Il tuo account è sospeso fino al .+ Motivo: Messaggi promozionali ripetuti\.$/);
    expect(await memberPage.getByLabel('Testo della risposta').count()).toBe(0);

    await panel.getByRole('button', { name: 'Revoca la sospensione' }).click();
    await post.getByTestId('suspended-marker').waitFor({ state: 'detached' });
    await expect.poll(() => opener.evaluate((el) => el === document.activeElement)).toBe(true);
    await expect.poll(() => admin.getByTestId('live-announcer').textContent()).toContain(`Sospensione di ${member.name} revocata`);
    await memberPage.reload();
    await memberPage.getByLabel('Testo della risposta').waitFor();

    // From the review queue: a member reports the post, a moderator suspends its author until a date.
    const reported = askerPage.getByRole('article').filter({ hasText: text });
    await reported.getByRole('button', { name: 'Segnala' }).click();
    await reported.getByLabel('Motivo della segnalazione').selectOption('SPAM');
    await reported.getByRole('button', { name: 'Invia la segnalazione' }).click();
    await reported.getByText('Segnalazione inviata ai moderatori. Grazie.').waitFor();

    await admin.goto('/moderazione');
    const item = admin
      .getByRole('listitem')
      .filter({ hasText: `Messaggio segnalato: ${question.title}` })
      .filter({ hasText: text });
    await item.waitFor();
    await item.getByRole('button', { name: 'Sospendi l’autore' }).click();
    const card = item.getByRole('group', { name: `Sospensione di ${member.name}` });
    await card.locator(`label[for="${await card.getByLabel('Fino a una data').getAttribute('id')}"]`).click();
    const lastDay = await admin.evaluate(() => {
      const day = new Date(Date.now() + 3 * 24 * 3600 * 1000);
      return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
    });
    await card.getByLabel('Ultimo giorno di sospensione').fill(lastDay);
    await card.getByLabel('Motivo (obbligatorio)').fill('Spam segnalato dai colleghi.');
    await card.getByRole('button', { name: 'Continua' }).click();
    await card.getByRole('button', { name: 'Sì, sospendi' }).click();
    await expect.poll(() => card.getByTestId('suspension-status').textContent()).toContain('Motivo: Spam segnalato dai colleghi.');
    await expect.poll(() => card.getByTestId('suspension-status').textContent()).toContain('23:59');
    await item.getByTestId('suspended-marker').waitFor();
    await scan(admin, 'moderation (member suspended)');
    await card.getByRole('button', { name: 'Revoca la sospensione' }).click();
    await item.getByTestId('suspended-marker').waitFor({ state: 'detached' });
    await item.getByRole('button', { name: 'Archivia la segnalazione' }).click();
    await item.waitFor({ state: 'detached' });

    // Both suspensions and their lifting are in the moderation log.
    const log = admin.getByRole('region', { name: 'Registro di moderazione' });
    await expect.poll(() => log.getByText('Iscritto sospeso', { exact: true }).count()).toBe(2);
    await expect.poll(() => log.getByText('Sospensione revocata', { exact: true }).count()).toBe(2);
    await admin.context().close();
    await memberContext.close();
  });

  test('signing out returns home as a visitor', async () => {
    await askerPage.goto('/');
    await askerPage.getByRole('link', { name: 'Esci' }).click();
    await askerPage.getByRole('link', { name: 'Accedi' }).first().waitFor();
    await expect.poll(() => askerPage.getByTestId('live-announcer').textContent()).toContain('Sei uscito');
  });

  test('the keyboard reaches the content through the skip link', async () => {
    await askerPage.goto('/');
    await askerPage.getByRole('heading', { level: 1 }).waitFor();
    await askerPage.keyboard.press('Tab');
    const skip = askerPage.getByRole('link', { name: 'Vai al contenuto principale' });
    await expect.poll(() => skip.evaluate((el) => el === document.activeElement)).toBe(true);
    await askerPage.keyboard.press('Enter');
    await expect.poll(() => askerPage.evaluate(() => document.activeElement?.id)).toBe('main');
  });

  test('pages fit a phone screen', async () => {
    const phone = await browser.newContext({ baseURL: server.url, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await openPage(phone);
    for (const path of ['/', `/c/${COMMUNITY}`, threadPath, '/registrati', '/cerca?q=fondo']) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.locator('main *').first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
      await scan(page, `phone ${path}`);
    }
    await phone.close();
  });

  test('no page broke the Content-Security-Policy or threw', () => {
    for (const page of problems) {
      expect(page.cspViolations).toEqual([]);
      expect(page.pageErrors).toEqual([]);
    }
  });
});
