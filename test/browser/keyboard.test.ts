// A keyboard-only run through an article of the questionnaire, as the demo expert: skip link,
// radios with the arrow keys, saving with Enter, the error summary's links, fixing the answer.
// Every interaction is page.keyboard: no mouse, no fill().
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describeFocus, launchBrowser, newContext, startApp, type Served } from './support.js';

let served: Served;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  served = await startApp();
  browser = await launchBrowser();
  context = await newContext(browser, served.baseUrl);
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await served?.close();
});

const STATUS = '/untoc_5/p1_a_i/status';
const EXPLANATION = '/untoc_5/p1_a_i/explanation';
const article = () => `/reviews/${served.reviewId}/questionnaire/pages/untoc_5`;

/**
 * Presses Tab until the focused element matches the CSS selector; returns how many presses it
 * took, or fails saying where focus went.
 */
async function tabTo(what: string, selector: string, max = 200): Promise<number> {
  const seen: string[] = [];
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate((sel) => {
      const el = document.activeElement;
      if (!el || el === document.body) return { matches: false, visible: true };
      // Every Tab stop shows where focus is (WCAG 2.4.7): an outline or a focus ring.
      const style = getComputedStyle(el);
      const visible = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
      return { matches: el.matches(sel), visible };
    }, selector);
    if (!stop.visible) throw new Error(`no visible focus indicator on ${await describeFocus(page)}`);
    if (stop.matches) return i;
    if (seen.length < 30) seen.push(await describeFocus(page));
  }
  throw new Error(`Tab never reached ${what} in ${max} presses; focus went: ${seen.join(' → ')}`);
}

const focused = () => page.evaluate(() => {
  const el = document.activeElement as HTMLInputElement | null;
  return { tag: el?.tagName.toLowerCase(), id: el?.id, name: el?.getAttribute('name') ?? null, value: el?.value, type: el?.getAttribute('type') ?? null, className: el?.className };
});

/** The autosave fires 3 s after the last change; saving by hand while it is in flight is a conflict. */
async function settleAutosave(): Promise<void> {
  await expect.poll(() => page.locator('.autosave-status').textContent(), { timeout: 10_000 }).toMatch(/\S/);
}

describe('keyboard only', () => {
  it('signs in with the keyboard', async () => {
    await page.goto('/login?lang=en');
    await tabTo('the email field', '#email', 20);
    await page.keyboard.type(served.accounts.surExpert.email);
    await page.keyboard.press('Tab');
    expect((await focused()).id).toBe('password');
    await page.keyboard.type(served.accounts.surExpert.password);
    await Promise.all([page.waitForURL((u) => u.pathname === '/'), page.keyboard.press('Enter')]);
  });

  it('skips to the content, answers "No" with the arrow keys, and saves with Enter', async () => {
    await page.goto(`${article()}?lang=en`);
    // The first Tab from the top of the page reaches the skip link, which is shown when focused.
    await page.keyboard.press('Tab');
    const skip = await focused();
    expect(skip.className, await describeFocus(page)).toBe('skip-link');
    const box = await page.locator('.skip-link').boundingBox();
    expect(box && box.width > 0 && box.height > 0 && box.x >= 0 && box.y >= 0, `skip link visible when focused: ${JSON.stringify(box)}`).toBe(true);
    await page.keyboard.press('Enter');
    expect((await focused()).id, 'Enter on the skip link moves focus to main').toBe('main');
    expect(new URL(page.url()).hash).toBe('#main');

    // From main, Tab continues inside the content: the first question's radios come soon.
    const presses = await tabTo('the first question’s radios', `input[type="radio"][name="${STATUS}"]`, 10);
    expect(presses).toBeLessThanOrEqual(3);
    expect((await focused()).value).toBe('yes');
    // Arrow keys move through the group and select; Space selects the focused one.
    for (let i = 0; i < 5 && (await focused()).value !== 'no'; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    expect(await focused()).toMatchObject({ name: STATUS, value: 'no' });
    expect(await page.locator(`input[name="${STATUS}"]:checked`).getAttribute('value')).toBe('no');
    // The explanation the answer asks for is revealed at once.
    await expect.poll(() => page.locator(`textarea[name="${EXPLANATION}"]`).isVisible()).toBe(true);

    await tabTo('the Save button', '.button-row button.button[value="save"]');
    await settleAutosave();
    await Promise.all([page.waitForURL(/[?&]saved=1/), page.keyboard.press('Enter')]);

    const summary = page.locator('.error-summary[role="alert"]');
    expect(await summary.count(), 'error summary shown').toBe(1);
    const explanationId = await page.locator(`textarea[name="${EXPLANATION}"]`).getAttribute('id');
    expect(explanationId).toMatch(/^f[0-9a-z]+$/);
    expect(await summary.locator(`a[href="#${explanationId}"]`).count(), 'the summary links to the explanation').toBe(1);
    // Only what was asked and left unanswered is reported, not the blank rows of optional lists.
    const messages = await summary.locator('a').allTextContents();
    expect(messages.filter((m) => /title of the law|year/i.test(m)), messages.join(' | ')).toEqual([]);
  });

  it('follows the error link with Enter to the field, fixes the answer and saves', async () => {
    const explanationId = (await page.locator(`textarea[name="${EXPLANATION}"]`).getAttribute('id'))!;
    await tabTo('the error link to the explanation', `.error-summary a[href="#${explanationId}"]`, 40);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused()).id, { message: 'focus lands on the explanation' }).toBe(explanationId);
    expect((await focused()).tag).toBe('textarea');
    // The field is in view with its label, and says it is invalid and why.
    const textarea = page.locator(`#${explanationId}`);
    expect(await textarea.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await textarea.getAttribute('aria-describedby')) ?? '';
    expect(describedBy.split(' ')).toContain(`${explanationId}--error`);
    expect(await page.locator(`label[for="${explanationId}"]`).isVisible()).toBe(true);

    const text = 'A bill to criminalize the agreement is before Parliament.';
    await page.keyboard.type(text);
    expect(await textarea.inputValue()).toBe(text);
    await tabTo('the Save button', '.button-row button.button[value="save"]');
    await settleAutosave();
    await Promise.all([page.waitForURL((u) => u.searchParams.has('saved') && u.hash === ''), page.keyboard.press('Enter')]);

    const notice = page.locator('main .notice.success[role="status"]');
    expect(await notice.count(), 'a saved notice').toBe(1);
    expect(await notice.textContent()).toMatch(/saved/i);
    const after = page.locator(`textarea[name="${EXPLANATION}"]`);
    expect(await after.inputValue()).toBe(text);
    expect(await after.getAttribute('aria-invalid')).toBeNull();
    expect(await page.locator(`#${explanationId}--error`).count(), 'no error message on the explanation').toBe(0);
    expect(await page.locator(`.error-summary a[href="#${explanationId}"]`).count(), 'the explanation left the error summary').toBe(0);
    expect(await page.locator(`input[name="${STATUS}"]:checked`).getAttribute('value')).toBe('no');
  });

  it('follows an error link on "check your answers" to the field on its article page', async () => {
    await page.goto(`/reviews/${served.reviewId}/questionnaire/check?lang=en`);
    const first = page.locator('.error-summary a').first();
    const href = (await first.getAttribute('href'))!;
    const target = new URL(href, page.url());
    expect(target.pathname, href).toMatch(/\/questionnaire\/pages\/[^/]+$/);
    const id = target.hash.slice(1);
    expect(id).toMatch(/^f[0-9a-z]+$/);
    await tabTo('the first error link', `.error-summary a[href="${href}"]`, 40);
    await Promise.all([page.waitForURL((u) => u.pathname === target.pathname), page.keyboard.press('Enter')]);
    await expect.poll(async () => (await focused()).id, { message: `focus lands on #${id}` }).toBe(id);
    // On its page the field shows its error.
    expect(await page.locator(`.error-summary a[href="#${id}"]`).count()).toBeGreaterThan(0);
  });
});
