import { beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { demoRuntime, headers } from '../support/demo-runtime.js';

let d: Awaited<ReturnType<typeof demoRuntime>>;
beforeAll(async () => {
  d = await demoRuntime();
});

const url = () => `/api/reviews/${d.reviewId}/response`;

describe('answers API', () => {
  it('starts empty at revision 0 with an ETag', async () => {
    const h = headers(await d.as('surExpert'));
    const res = await request(d.rt.app).get(url()).set(h).expect(200);
    expect(res.body).toEqual({ revision: 0, data: {}, valid: false });
    expect(res.headers.etag).toBe('"rev-0"');
  });

  it('requires If-Match to save (428)', async () => {
    const h = headers(await d.as('surExpert'));
    const res = await request(d.rt.app).put(url()).set(h).send({}).expect(428);
    expect(res.body.code).toBe('precondition_required');
  });

  it('saves one article as a new revision, pruning hidden answers and ignoring unknown pages', async () => {
    const h = headers(await d.as('surExpert'));
    const cur = await request(d.rt.app).get(url()).set(h);
    const res = await request(d.rt.app)
      .put(`${url()}/pages/untoc_5`)
      .set(h)
      .set('If-Match', String(cur.headers.etag))
      .send({ p1_a_i: { status: 'yes', explanation: 'only asked for a partial answer', citations: [{ title: 'Penal Code', article: '210' }] } })
      .expect(200);
    expect(res.body.revision).toBe(cur.body.revision + 1);
    expect(res.headers.etag).toBe(`"rev-${res.body.revision}"`);
    expect(res.body.data.untoc_5.p1_a_i).toEqual({ status: 'yes', citations: [{ title: 'Penal Code', article: '210' }] });
    const whole = await request(d.rt.app).put(url()).set(h).set('If-Match', String(res.headers.etag)).send({ ...res.body.data, nonsense_page: { x: 1 } }).expect(200);
    expect(whole.body.data.nonsense_page).toBeUndefined();
  });

  it('answers a stale save with 412 and both versions, never overwriting', async () => {
    const a = headers(await d.as('surExpert'));
    const cur = await request(d.rt.app).get(url()).set(a);
    await request(d.rt.app).put(`${url()}/pages/tip_5`).set(a).set('If-Match', String(cur.headers.etag)).send({ p1: { status: 'no', explanation: 'first' } }).expect(200);
    const stale = await request(d.rt.app).put(`${url()}/pages/tip_5`).set(a).set('If-Match', String(cur.headers.etag)).send({ p1: { status: 'no', explanation: 'second' } }).expect(412);
    expect(stale.body.code).toBe('precondition_failed');
    expect(stale.body.details.theirs.tip_5.p1.explanation).toBe('first');
    expect(stale.body.details.yours.tip_5.p1.explanation).toBe('second');
    const now = await request(d.rt.app).get(url()).set(a);
    expect(now.body.data.tip_5.p1.explanation).toBe('first');
  });

  it('answers malformed JSON with 400 and a non-object response with 400', async () => {
    const h = headers(await d.as('surExpert'));
    const cur = await request(d.rt.app).get(url()).set(h);
    await request(d.rt.app).put(url()).set(h).set('If-Match', String(cur.headers.etag)).set('Content-Type', 'application/json').send('{"untoc_5":').expect(400);
    await request(d.rt.app).put(url()).set(h).set('If-Match', String(cur.headers.etag)).send([1, 2]).expect(400);
  });

  it('refuses a reviewer’s and an observer’s write with 403', async () => {
    for (const who of ['reviewerExpert', 'surObserver'] as const) {
      const h = headers(await d.as(who));
      await request(d.rt.app).put(`${url()}/pages/untoc_5`).set(h).set('If-Match', '"rev-0"').send({}).expect(403);
    }
  });

  it('audits every read of the answers by someone outside the State', async () => {
    const h = headers(await d.as('reviewerExpert'));
    await request(d.rt.app).get(url()).set(h).expect(200);
    const own = headers(await d.as('surExpert'));
    await request(d.rt.app).get(url()).set(own).expect(200);
    const rows = d.rt.db.$client.prepare("SELECT actor_party AS p FROM audit_events WHERE action = 'response.export' AND review_id = ?").all(d.reviewId) as { p: string }[];
    expect(rows.map((r) => r.p)).toEqual([d.accounts.reviewerExpert.party]);
  });

  it('lists revisions and gives a field-by-field diff', async () => {
    const h = headers(await d.as('surExpert'));
    const revs = await request(d.rt.app).get(`${url()}/revisions`).set(h).expect(200);
    expect(revs.body.items.length).toBeGreaterThanOrEqual(3);
    const diff = await request(d.rt.app).get(`${url()}/diff?from=0&to=1`).set(h).expect(200);
    expect(diff.body.changes.map((c: { pointer: string }) => c.pointer)).toContain('/untoc_5/p1_a_i/status');
    await request(d.rt.app).get(`${url()}/diff?from=0&to=999`).set(h).expect(400);
  });

  it('refuses submission of an incomplete questionnaire with 409 and the reason', async () => {
    const h = headers(await d.as('surFocal'));
    const cur = await request(d.rt.app).get(url()).set(h);
    const res = await request(d.rt.app).post(`${url()}/submit`).set(h).set('If-Match', String(cur.headers.etag)).expect(409);
    expect(res.body.message).toMatch(/not complete/);
  });
});
