// The journey of issue 4, as people would take it in a browser WITHOUT JavaScript: an expert
// answers an article, meets an error and fixes it; a colleague saves the same article first
// and the expert resolves the conflict; the focal point checks the answers and submits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, signInThroughForm, startApp, type Served } from './support.js';
import { completeResponse } from '../support/complete-response.js';
import { actorById } from '../../src/auth/index.js';
import { latestRevision, saveResponse } from '../../src/responses/index.js';
import { instrumentsOf } from '../../src/parties/index.js';
import { tables } from '../../src/db/index.js';
import { eq } from 'drizzle-orm';

let app: Served;
let browser: Browser;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function personWithoutJs(account: { email: string; password: string }): Promise<Page> {
  const context = await browser.newContext({ baseURL: app.baseUrl, javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signInThroughForm(page, account);
  return page;
}

const save = (page: Page) => Promise.all([page.waitForLoadState('load'), page.locator('button.button[name="_action"][value="save"]').click()]);
const stored = () => latestRevision(app.runtime.db, app.reviewId).data as Record<string, Record<string, Record<string, unknown>>>;

describe('answering without JavaScript', () => {
  it('answers an article, sees the error, fixes it and saves', async () => {
    const page = await personWithoutJs(app.accounts.surExpert);
    await page.goto(`/reviews/${app.reviewId}/questionnaire/pages/untoc_5`);
    await page.check('input[name="/untoc_5/p1_a_i/status"][value="no"]');
    await save(page);
    const summary = page.locator('.error-summary');
    await expect.poll(() => summary.isVisible()).toBe(true);
    expect(await summary.textContent()).toContain('Explain, and describe the steps planned');
    // The explanation is revealed after saving, and the summary links to it.
    const link = summary.locator('a').first();
    const target = (await link.getAttribute('href'))!;
    await link.click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(target.slice(1));
    await page.fill('textarea[name="/untoc_5/p1_a_i/explanation"]', 'A bill is before Parliament.');
    await save(page);
    expect(await page.locator('[role=status]').first().textContent()).toMatch(/saved/);
    expect(stored().untoc_5!.p1_a_i).toEqual({ status: 'no', explanation: 'A bill is before Parliament.' });
  }, 60_000);

  it('meets a colleague’s save as a conflict showing both versions, and keeps its own answer', async () => {
    const mine = await personWithoutJs(app.accounts.surExpert);
    const colleague = await personWithoutJs({ email: app.accounts.surExpert.email.replace('.expert@', '.expert2@'), password: app.accounts.surExpert.password });
    await mine.goto(`/reviews/${app.reviewId}/questionnaire/pages/untoc_9`);
    await colleague.goto(`/reviews/${app.reviewId}/questionnaire/pages/untoc_9`);

    await colleague.check('input[name="/untoc_9/p1/status"][value="yes"]');
    await save(colleague);

    await mine.check('input[name="/untoc_9/p1/status"][value="no"]');
    await save(mine);
    await expect.poll(() => mine.locator('h1').textContent()).toContain('Someone else changed these answers');
    const table = await mine.locator('table').textContent();
    expect(table).toContain('yes');
    expect(table).toContain('no');
    await mine.check('input[type=radio][name="choice:/untoc_9/p1/status"][value="mine"]');
    await Promise.all([mine.waitForLoadState('load'), mine.locator('button[name=_resolve][value=fields]').click()]);
    expect(stored().untoc_9!.p1).toEqual({ status: 'no' });
  }, 60_000);

});

describe('answering with JavaScript', () => {
  it('reveals a follow-up question live and autosaves the article through the API', async () => {
    const context = await browser.newContext({ baseURL: app.baseUrl, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signInThroughForm(page, { email: app.accounts.surExpert.email.replace('.expert@', '.expert2@'), password: app.accounts.surExpert.password });
    await page.goto(`/reviews/${app.reviewId}/questionnaire/pages/untoc_10`);
    const explanation = page.locator('textarea[name="/untoc_10/p1/explanation"]');
    expect(await explanation.isVisible()).toBe(false);
    const before = latestRevision(app.runtime.db, app.reviewId).number;
    await page.check('input[name="/untoc_10/p1/status"][value="yes_in_part"]');
    await expect.poll(() => explanation.isVisible()).toBe(true);
    await explanation.fill('Only legal persons of some kinds are covered.');
    await expect.poll(() => page.locator('.autosave-status').textContent(), { timeout: 15_000 }).toMatch(/Saved automatically/);
    expect(latestRevision(app.runtime.db, app.reviewId).number).toBeGreaterThan(before);
    expect(stored().untoc_10!.p1).toEqual({ status: 'yes_in_part', explanation: 'Only legal persons of some kinds are covered.' });
    await context.close();
  }, 60_000);
});

describe('submission', () => {
  it('lets the focal point check the whole response and submit it', async () => {
    // The remaining articles are filled in directly: typing 15 articles adds nothing here.
    const db = app.runtime.db;
    const review = db.select().from(tables.reviews).where(eq(tables.reviews.id, app.reviewId)).get()!;
    const q = app.runtime.questionnaires.byId(review.questionnaireVersionId)!;
    const expertId = (db.$client.prepare('SELECT id FROM users WHERE email = ?').get(app.accounts.surExpert.email) as { id: number }).id;
    const current = latestRevision(db, app.reviewId);
    saveResponse({ db, now: new Date(), actor: actorById(db, expertId), ip: null }, app.reviewId, { questionnaire: q, instruments: instrumentsOf(db, review.party) }, { baseRevision: current.number, data: completeResponse(q.schema) });

    const focal = await personWithoutJs(app.accounts.surFocal);
    await focal.goto(`/reviews/${app.reviewId}/questionnaire/check`);
    expect(await focal.locator('h1').textContent()).toContain('Check your answers');
    await Promise.all([focal.waitForURL(/\/reviews\/\d+\?done=1/), focal.locator('form[action$="/submit"] button').click()]);
    expect(await focal.locator('main').textContent()).toContain('Questionnaire submitted');
  }, 60_000);
});
