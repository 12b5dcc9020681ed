// WCAG 2.2 AA in a real headless Chromium: axe-core finds no violation on the pages people
// use most, in English and in Arabic (right to left).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { formatViolations, launchBrowser, newContext, runAxe, signInThroughForm, startApp, type Served } from './support.js';

let served: Served;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  served = await startApp();
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await served?.close();
});

type Lang = 'en' | 'ar';
const LANGS: Lang[] = ['en', 'ar'];

/** One signed-in page (the demo expert of the State under review) per language. */
const signedIn = new Map<Lang, Page>();
async function expertPage(lang: Lang): Promise<Page> {
  let page = signedIn.get(lang);
  if (!page) {
    const context = await newContext(browser, served.baseUrl);
    contexts.push(context);
    page = await context.newPage();
    await signInThroughForm(page, served.accounts.surExpert);
    signedIn.set(lang, page);
  }
  return page;
}

async function anonymousPage(): Promise<Page> {
  const context = await newContext(browser, served.baseUrl);
  contexts.push(context);
  return context.newPage();
}

const withLang = (path: string, lang: Lang) => `${path}${path.includes('?') ? '&' : '?'}lang=${lang}`;
const questionnaire = () => `/reviews/${served.reviewId}/questionnaire`;

async function visit(page: Page, path: string, lang: Lang): Promise<void> {
  const res = await page.goto(withLang(path, lang));
  expect(res?.status(), path).toBe(200);
}

/** Language and direction of the document, and a layout that really runs the right way. */
async function expectDirection(page: Page, lang: Lang): Promise<void> {
  const doc = await page.evaluate(() => ({ lang: document.documentElement.getAttribute('lang'), dir: document.documentElement.getAttribute('dir'), direction: getComputedStyle(document.body).direction }));
  expect(doc).toEqual(lang === 'ar' ? { lang: 'ar', dir: 'rtl', direction: 'rtl' } : { lang: 'en', dir: 'ltr', direction: 'ltr' });
  const h1s = page.locator('main h1');
  expect(await h1s.count(), 'one main heading').toBe(1);
  // Where the heading's text sits inside its (full-width) box: flush right in Arabic, flush left in English.
  const box = await h1s.first().evaluate((h1) => {
    const range = document.createRange();
    range.selectNodeContents(h1);
    const text = range.getBoundingClientRect();
    const own = h1.getBoundingClientRect();
    return { textLeft: text.left, textRight: text.right, left: own.left, right: own.right };
  });
  if (lang === 'ar') expect(Math.abs(box.right - box.textRight), `heading text flush right: ${JSON.stringify(box)}`).toBeLessThan(2);
  else expect(Math.abs(box.textLeft - box.left), `heading text flush left: ${JSON.stringify(box)}`).toBeLessThan(2);
  // The header runs the same way: its first item (the application's name) is on the reading side.
  const header = await page.evaluate(() => {
    const name = document.querySelector('.app-name')!.getBoundingClientRect();
    const languages = document.querySelector('.languages')!.getBoundingClientRect();
    return { nameLeft: name.left, languagesLeft: languages.left };
  });
  if (lang === 'ar') expect(header.nameLeft, 'app name right of the language links').toBeGreaterThan(header.languagesLeft);
  else expect(header.nameLeft, 'app name left of the language links').toBeLessThan(header.languagesLeft);
  // Nothing pushed out sideways: no horizontal scrolling at a desktop width.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'horizontal overflow').toBeLessThanOrEqual(0);
}

/** Links to a place on the same page must have somewhere to land. */
async function brokenFragmentLinks(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLAnchorElement>('a[href]')]
      .filter((a) => a.hash.length > 1 && a.pathname === location.pathname && a.search === location.search)
      .filter((a) => !document.getElementById(decodeURIComponent(a.hash.slice(1))))
      .map((a) => `${a.getAttribute('href')} "${a.textContent?.trim()}"`),
  );
}

async function expectAccessible(page: Page, where: string, lang: Lang): Promise<void> {
  await expectDirection(page, lang);
  expect(await brokenFragmentLinks(page), `${where}: in-page links without a target`).toEqual([]);
  const violations = await runAxe(page);
  expect(violations, formatViolations(`${where} (${lang})`, violations)).toEqual([]);
}

describe.each(LANGS)('WCAG 2.2 AA, %s', (lang) => {
  it('article page', async () => {
    const page = await expertPage(lang);
    await visit(page, `${questionnaire()}/pages/untoc_5`, lang);
    expect(await page.locator('form[action$="/pages/untoc_5"]').count()).toBe(1);
    await expectAccessible(page, 'article page', lang);
  });

  it('article page: each radio and checkbox beside its label, and controls of 24 px at least', async () => {
    const page = await expertPage(lang);
    await visit(page, `${questionnaire()}/pages/untoc_5`, lang);
    const problems = await page.evaluate(() => {
      const out: string[] = [];
      const shown = (el: Element) => (el as HTMLElement).offsetParent !== null;
      for (const input of document.querySelectorAll<HTMLInputElement>('main input[type=radio], main input[type=checkbox]')) {
        if (!shown(input)) continue;
        const label = document.querySelector(`label[for="${input.id}"]`);
        const a = input.getBoundingClientRect();
        const b = label!.getBoundingClientRect();
        const sameLine = b.top < a.bottom && a.top < b.bottom;
        if (!sameLine) out.push(`label "${label!.textContent}" not beside its control #${input.id}`);
        if (a.width < 24 || a.height < 24) out.push(`#${input.id} is ${a.width}×${a.height}`);
      }
      // WCAG 2.5.8 (24 × 24 px, or spaced apart): the design meets it by size, not by spacing
      // that a longer translation or another font would undo. The rows' Add and Remove included.
      for (const button of document.querySelectorAll<HTMLButtonElement>('main button')) {
        if (!shown(button) || button.classList.contains('visually-hidden')) continue;
        const r = button.getBoundingClientRect();
        if (r.width < 24 || r.height < 24) out.push(`button "${button.textContent?.trim()}" is ${r.width}×${r.height}`);
      }
      return out;
    });
    expect(problems).toEqual([]);
  });

  it('article page with errors after saving an invalid answer', async () => {
    const page = await expertPage(lang);
    await visit(page, `${questionnaire()}/pages/untoc_5`, lang);
    // Status "No" asks for an explanation; leave it empty and save through the form.
    await page.locator('input[name="/untoc_5/p1_a_i/status"][value="no"]').check();
    await page.locator('textarea[name="/untoc_5/p1_a_i/explanation"]').fill('');
    await Promise.all([page.waitForURL(/saved=1/), page.locator('.button-row button[name="_action"][value="save"]').click()]);
    const summary = page.locator('.error-summary[role="alert"]');
    await expect.poll(() => summary.count()).toBe(1);
    const explanationId = await page.locator('textarea[name="/untoc_5/p1_a_i/explanation"]').getAttribute('id');
    expect(await summary.locator(`a[href="#${explanationId}"]`).count(), 'the summary links to the explanation').toBe(1);
    expect(await page.locator(`#${explanationId}`).getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'article page with errors', lang);
  });

  it('check your answers', async () => {
    const page = await expertPage(lang);
    await visit(page, `${questionnaire()}/check`, lang);
    await expectAccessible(page, 'check your answers', lang);
  });

  it('table of contents', async () => {
    const page = await expertPage(lang);
    await visit(page, questionnaire(), lang);
    await expectAccessible(page, 'table of contents', lang);
  });

  it('home page', async () => {
    const page = await expertPage(lang);
    await visit(page, '/', lang);
    await expectAccessible(page, 'home page', lang);
  });

  it('login page', async () => {
    const page = await anonymousPage();
    await visit(page, '/login', lang);
    await expectAccessible(page, 'login page', lang);
  });

  it('login page with an error', async () => {
    const page = await anonymousPage();
    await visit(page, '/login', lang);
    await page.locator('#email').fill('nobody@demo.example');
    await page.locator('#password').fill('not the password');
    await page.locator('form[action="/login"] button[type=submit]').click();
    await expect.poll(() => page.locator('.error-summary[role="alert"]').count()).toBe(1);
    await page.waitForLoadState();
    await expectAccessible(page, 'login page with an error', lang);
  });
});
