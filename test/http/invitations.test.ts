import { beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { createTestRuntime } from '../support/runtime.js';
import { makeUser } from '../support/fixtures.js';
import { anonymous, signIn } from '../support/actors.js';

let rt: ReturnType<typeof createTestRuntime>;
let sec: Awaited<ReturnType<typeof signIn>>;
beforeAll(async () => {
  rt = createTestRuntime();
  const s = await makeUser(rt, { secretariat: true });
  sec = await signIn(rt.app, s.email, s.password);
});

async function invite(email: string) {
  const res = await request(rt.app).post('/api/users').set('Cookie', sec.cookie.join('; ')).set('X-CSRF-Token', sec.csrf).send({ email, displayName: 'Invited Person', memberships: [{ party: 'FRA', role: 'expert' }] }).expect(201);
  return new URL(res.body.invitationUrl).pathname;
}

describe('invitations', () => {
  it('lets the invitee set a strong password and sign in', async () => {
    const path = await invite('invitee1@example.org');
    const anon = await anonymous(rt.app);
    const page = await request(rt.app).get(path).set('Cookie', anon.cookie.join('; ')).expect(200);
    expect(page.text).toContain('invitee1@example.org');
    const weak = await request(rt.app).post(path).set('Cookie', anon.cookie.join('; ')).type('form').send({ password: 'short', _csrf: anon.csrf }).expect(400);
    expect(weak.text).toContain('at least 12 characters');
    await request(rt.app).post(path).set('Cookie', anon.cookie.join('; ')).type('form').send({ password: 'a strong enough secret', _csrf: anon.csrf }).expect(303);
    await signIn(rt.app, 'invitee1@example.org', 'a strong enough secret');
  });

  it('shows a clear page for a used link', async () => {
    const path = await invite('invitee2@example.org');
    const anon = await anonymous(rt.app);
    await request(rt.app).post(path).set('Cookie', anon.cookie.join('; ')).type('form').send({ password: 'a strong enough secret', _csrf: anon.csrf }).expect(303);
    const again = await request(rt.app).get(path).expect(410);
    expect(again.text).toContain('already been used');
  });

  it('shows a clear page for an expired link (after 10 days)', async () => {
    const path = await invite('invitee3@example.org');
    rt.clock.advanceDays(11);
    try {
      const res = await request(rt.app).get(path).expect(410);
      expect(res.text).toContain('This link has expired');
    } finally {
      rt.clock.advanceDays(-11);
    }
  });

  it('lets the secretariat issue a reset link that replaces the password', async () => {
    const u = await makeUser(rt);
    const res = await request(rt.app).post(`/api/users/${u.userId}/password-reset`).set('Cookie', sec.cookie.join('; ')).set('X-CSRF-Token', sec.csrf).expect(201);
    const path = new URL(res.body.invitationUrl).pathname;
    const anon = await anonymous(rt.app);
    await request(rt.app).post(path).set('Cookie', anon.cookie.join('; ')).type('form').send({ password: 'brand new passphrase', _csrf: anon.csrf }).expect(303);
    await signIn(rt.app, u.email, 'brand new passphrase');
    await expect(signIn(rt.app, u.email, u.password)).rejects.toThrow();
  });
});
