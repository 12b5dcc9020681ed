import { beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { demoRuntime, headers } from '../support/demo-runtime.js';
import { completeResponse } from '../support/complete-response.js';

let d: Awaited<ReturnType<typeof demoRuntime>>;
beforeAll(async () => {
  d = await demoRuntime();
});

describe('submission', () => {
  it('submits a complete response, locks editing, and reopens it on a clarification request', async () => {
    const url = `/api/reviews/${d.reviewId}/response`;
    const expert = headers(await d.as('surExpert'));
    const parsed = JSON.parse((await request(d.rt.app).get('/api/questionnaires/cluster-1').expect(200)).text) as Record<string, unknown>;
    const saved = await request(d.rt.app).put(url).set(expert).set('If-Match', '"rev-0"').send(completeResponse(parsed)).expect(200);
    expect(saved.body.valid).toBe(true);

    // Only the focal point can submit.
    await request(d.rt.app).post(`${url}/submit`).set(expert).set('If-Match', String(saved.headers.etag)).expect(403);
    const focal = headers(await d.as('surFocal'));
    const sub = await request(d.rt.app).post(`${url}/submit`).set(focal).set('If-Match', String(saved.headers.etag)).expect(200);
    expect(sub.body.revision).toBe(saved.body.revision + 1);
    const review = await request(d.rt.app).get(`/api/reviews/${d.reviewId}`).set(focal).expect(200);
    expect(review.body.step).toBe('submitted');

    // Locked: a save now is refused with the reason.
    const locked = await request(d.rt.app).put(`${url}/pages/untoc_5`).set(expert).set('If-Match', `"rev-${sub.body.revision}"`).send({}).expect(409);
    expect(locked.body.message).toMatch(/locked/);

    // The secretariat forwards; a reviewer asks for clarification; the experts can edit again.
    const sec = headers(await d.as('secretariat'));
    await request(d.rt.app).post(`/api/reviews/${d.reviewId}/transitions`).set(sec).send({ action: 'forward_to_reviewers' }).expect(200);
    const reviewer = headers(await d.as('reviewerExpert'));
    await request(d.rt.app).post(`/api/reviews/${d.reviewId}/transitions`).set(reviewer).send({ action: 'request_clarification', reason: 'Explain art. 5' }).expect(200);
    await request(d.rt.app).put(`${url}/pages/untoc_5`).set(expert).set('If-Match', `"rev-${sub.body.revision}"`).send(completeResponse(parsed, ['untoc_5']).untoc_5 as object).expect(200);
  });
});
