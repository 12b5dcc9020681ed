import { beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { demoRuntime } from '../support/demo-runtime.js';

let d: Awaited<ReturnType<typeof demoRuntime>>;
beforeAll(async () => {
  d = await demoRuntime();
});

const base = () => `/reviews/${d.reviewId}/questionnaire`;
async function post(who: 'surExpert' | 'surFocal', page: string, fields: Record<string, string | string[]>) {
  const h = await d.as(who);
  return request(d.rt.app).post(`${base()}/pages/${page}`).set('Cookie', h.Cookie).type('form').send({ _csrf: h.csrf, ...fields });
}
async function get(who: 'surExpert' | 'surFocal' | 'reviewerExpert', path: string, status = 200) {
  const h = await d.as(who);
  const res = await request(d.rt.app).get(path).set('Cookie', h.Cookie);
  expect(res.status, path).toBe(status);
  return res;
}
const revision = async () => (d.rt.db.$client.prepare('SELECT max(number) AS n FROM response_revisions WHERE review_id = ?').get(d.reviewId) as { n: number | null }).n ?? 0;

describe('questionnaire pages', () => {
  it('lists the articles with progress', async () => {
    const res = await get('surExpert', base());
    expect(res.text).toContain('UNTOC article 5');
    expect(res.text).toMatch(/0 of \d+/);
  });

  it('filters the articles by instrument and by level of obligation', async () => {
    const tip = await get('surExpert', `${base()}?instrument=TIP`);
    expect(tip.text).toContain('TIP article 5');
    expect(tip.text).not.toContain('UNTOC article 5 ');
    const optional = await get('surExpert', `${base()}?obligation=optional`);
    const all = await get('surExpert', base());
    expect((optional.text.match(/<tr>/g) ?? []).length).toBeLessThan((all.text.match(/<tr>/g) ?? []).length);
  });

  it('saves an article, then shows the errors with a summary linking to the fields, keeping the input', async () => {
    const res = await post('surExpert', 'untoc_5', { _revision: String(await revision()), _action: 'save', '/untoc_5/p1_a_i/status': 'no', '/untoc_5/p1_b/status': 'yes' });
    expect(res.status).toBe(303);
    const page = await get('surExpert', res.headers.location!);
    expect(page.text).toContain('role="alert"');
    expect(page.text).toMatch(/href="#[^"]+"/);
    expect(page.text).toMatch(/value="no"[^>]*checked/);
  });

  it('ignores unknown fields and loses nothing else', async () => {
    const res = await post('surExpert', 'untoc_10', { _revision: String(await revision()), '/untoc_10/p1/status': 'yes', '/not/a/field': 'x', '/untoc_10/zzz': 'y' });
    expect(res.status).toBe(303);
    const stored = JSON.parse((d.rt.db.$client.prepare('SELECT data FROM response_revisions WHERE review_id = ? ORDER BY number DESC LIMIT 1').get(d.reviewId) as { data: string }).data);
    expect(stored.untoc_10).toEqual({ p1: { status: 'yes' } });
    expect(stored.untoc_5.p1_a_i.status).toBe('no');
  });

  it('adds and removes rows without JavaScript', async () => {
    const r = String(await revision());
    const res = await post('surExpert', 'untoc_23', { _revision: r, _action: 'add:/untoc_23/a/examples', '/untoc_23/a/status': 'yes', '/untoc_23/a/examples/0': 'First case' });
    expect(res.status).toBe(303);
    const page = await get('surExpert', res.headers.location!.split('#')[0]!);
    expect(page.text).toContain('First case');
    expect((page.text.match(/name="\/untoc_23\/a\/examples\/\d+"/g) ?? []).length).toBe(2);
  });

  it('shows HTML typed into an answer as text', async () => {
    await post('surExpert', 'untoc_9', { _revision: String(await revision()), '/untoc_9/p1/status': 'no', '/untoc_9/p1/explanation': '<script>alert("x")</script><b>bold</b>' });
    for (const path of [`${base()}/pages/untoc_9`, `${base()}/check`]) {
      const page = await get('surExpert', path);
      expect(page.text).not.toContain('<script>alert');
      expect(page.text).toContain('&lt;script&gt;alert');
    }
  });

  it('meets a colleague’s save with a conflict page that shows both versions, then merges per field', async () => {
    const opened = String(await revision());
    await post('surFocal', 'som_5', { _revision: opened, '/som_5/sole/status': 'no', '/som_5/sole/explanation': 'Colleague text' });
    const conflict = await post('surExpert', 'som_5', { _revision: opened, '/som_5/sole/status': 'no', '/som_5/sole/explanation': 'My text' });
    expect(conflict.status).toBe(409);
    expect(conflict.text).toContain('Colleague text');
    expect(conflict.text).toContain('My text');
    const current = /name="_revision" value="(\d+)"/.exec(conflict.text)![1]!;
    const yours = /name="_yours" value="([^"]+)"/.exec(conflict.text)![1]!.replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;/g, "'");
    const h = await d.as('surExpert');
    const resolved = await request(d.rt.app)
      .post(`${base()}/pages/som_5/resolve`)
      .set('Cookie', h.Cookie)
      .type('form')
      .send({ _csrf: h.csrf, _revision: current, _yours: yours, _resolve: 'fields', 'choice:/som_5/sole/explanation': 'mine' });
    expect(resolved.status).toBe(303);
    const stored = JSON.parse((d.rt.db.$client.prepare('SELECT data FROM response_revisions WHERE review_id = ? ORDER BY number DESC LIMIT 1').get(d.reviewId) as { data: string }).data);
    expect(stored.som_5.sole.explanation).toBe('My text');
  });

  it('shows check-your-answers and a diff between two revisions', async () => {
    const check = await get('surExpert', `${base()}/check`);
    expect(check.text).toContain('UNTOC article 5');
    const diff = await get('surExpert', `${base()}/revisions?from=1&to=2`);
    expect(diff.text).toMatch(/Changes from revision 1 to revision 2/);
  });

  it('gives a reviewer a read-only view', async () => {
    const page = await get('reviewerExpert', `${base()}/pages/untoc_5`);
    expect(page.text).not.toContain('<form method="post" action="/reviews');
  });

  it('answers an oversized post with a 413 page', async () => {
    const h = await d.as('surExpert');
    const res = await request(d.rt.app).post(`${base()}/pages/untoc_5`).set('Cookie', h.Cookie).set('Accept', 'text/html').type('form').send({ _csrf: h.csrf, big: 'x'.repeat(2_100_000) });
    expect(res.status).toBe(413);
    expect(res.headers['content-type']).toMatch(/html/);
    expect(res.text).toContain('too large');
  });
});
