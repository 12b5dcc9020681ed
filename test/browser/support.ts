// Browser tests: the real app on an ephemeral loopback port, Debian's Chromium driven by
// playwright-core (no browser download), and axe-core for the WCAG 2.2 AA rules.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createTestRuntime } from '../support/runtime.js';
import { pickDemoAccounts } from '../support/actors.js';
import { seedDemo, type DemoAccount } from '../../src/seed/demo.js';

const require = createRequire(import.meta.url);

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface Served {
  baseUrl: string;
  runtime: ReturnType<typeof createTestRuntime>;
  accounts: ReturnType<typeof pickDemoAccounts>;
  /** The demo review: the alphabetically first State of group 1, at the drafting step. */
  reviewId: number;
  close: () => Promise<void>;
}

/** The app with the demo data, listening on 127.0.0.1 on a port the system picks. */
export async function startApp(): Promise<Served> {
  const runtime = createTestRuntime();
  const all: DemoAccount[] = await seedDemo(runtime.db, runtime.questionnaires, runtime.clock.now());
  const accounts = pickDemoAccounts(all);
  const focal = all.find((a) => a.role === 'focal_point' && a.note.includes('State under review'))!;
  const match = /review #(\d+)/.exec(focal.note);
  if (!match) throw new Error(`no review id in the demo note: ${focal.note}`);
  const reviewId = Number(match[1]);
  const server: Server = await new Promise((resolve, reject) => {
    const s = runtime.app.listen(0, '127.0.0.1', () => resolve(s));
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    runtime,
    accounts,
    reviewId,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/**
 * A fresh context (its own cookies). `bypassCSP` lets axe be injected as a script tag: the
 * app's Content-Security-Policy rightly allows no inline script.
 */
export function newContext(browser: Browser, baseUrl: string): Promise<BrowserContext> {
  return browser.newContext({ baseURL: baseUrl, bypassCSP: true, viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
}

/** Signs in through the /login form, as a person would. */
export async function signInThroughForm(page: Page, account: { email: string; password: string }): Promise<void> {
  await page.goto('/login');
  await page.locator('#email').fill(account.email);
  await page.locator('#password').fill(account.password);
  await Promise.all([page.waitForURL((u) => u.pathname !== '/login'), page.locator('form[action="/login"] button[type=submit]').click()]);
}

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let axeSource: string | undefined;

export interface AxeNode {
  target: unknown[];
  html: string;
  failureSummary?: string;
}
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

/**
 * Runs axe-core on the page with the WCAG 2.0/2.1/2.2 A and AA rules. `exclude` takes CSS
 * selectors of nodes to leave out; each use must say in a comment why it is a false positive.
 */
export async function runAxe(page: Page, exclude: string[] = []): Promise<AxeViolation[]> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  const results = await page.evaluate(
    async ({ tags, exclude }) => {
      const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: unknown[] }> } }).axe;
      const context = exclude.length ? { include: [['html']], exclude: exclude.map((s) => [s]) } : document;
      const r = await axe.run(context, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return r.violations;
    },
    { tags: WCAG_TAGS, exclude },
  );
  return results as AxeViolation[];
}

/** Violations as a readable list: rule, impact, help, then each node's target and failure. */
export function formatViolations(where: string, violations: AxeViolation[]): string {
  if (!violations.length) return `${where}: no violations`;
  const lines = [`${where}: ${violations.length} axe violation(s)`];
  for (const v of violations) {
    lines.push(`- ${v.id} (${v.impact ?? 'n/a'}): ${v.help} — ${v.helpUrl}`);
    for (const n of v.nodes) {
      lines.push(`    at ${JSON.stringify(n.target)}: ${n.html.slice(0, 200)}`);
      if (n.failureSummary) lines.push(`      ${n.failureSummary.replace(/\n/g, '\n      ')}`);
    }
  }
  return lines.join('\n');
}

/** What the page would be described as, to put in an assertion message. */
export async function describeFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el) return '(nothing)';
    const id = el.id ? `#${el.id}` : '';
    const name = el.getAttribute('name') ? `[name="${el.getAttribute('name')}"]` : '';
    return `${el.tagName.toLowerCase()}${id}${name} "${(el.textContent ?? '').trim().slice(0, 60)}"`;
  });
}
