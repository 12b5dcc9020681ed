import { beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { createTestRuntime } from '../support/runtime.js';
import { makeUser } from '../support/fixtures.js';
import { anonymous } from '../support/actors.js';

let rt: ReturnType<typeof createTestRuntime>;
beforeAll(() => {
  rt = createTestRuntime();
});

describe('JSON sign-in', () => {
  it('sets an HttpOnly, SameSite=Strict session cookie and returns a CSRF token', async () => {
    const u = await makeUser(rt);
    const res = await request(rt.app).post('/api/session').send({ email: u.email, password: u.password }).expect(201);
    expect(res.body.csrfToken).toMatch(/^[\w-]{20,}$/);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
  });

  it('answers a wrong password with 401 and records the failure', async () => {
    const u = await makeUser(rt);
    const res = await request(rt.app).post('/api/session').send({ email: u.email, password: 'not the password!' }).expect(401);
    expect(res.body.code).toBe('unauthenticated');
    const n = rt.db.$client.prepare("SELECT count(*) AS n FROM audit_events WHERE action = 'login.failure' AND actor_user_id = ?").get(u.userId) as { n: number };
    expect(n.n).toBe(1);
  });

  it('throttles repeated failures with 429 and Retry-After, even for the right password', async () => {
    const u = await makeUser(rt);
    for (let i = 0; i < 5; i++) await request(rt.app).post('/api/session').send({ email: u.email, password: 'wrong wrong wrong' });
    const res = await request(rt.app).post('/api/session').send({ email: u.email, password: u.password }).expect(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('answers a malformed body with 400', async () => {
    await request(rt.app).post('/api/session').send({ email: 5 }).expect(400);
  });

  it('signs out: the cookie no longer works', async () => {
    const u = await makeUser(rt);
    const login = await request(rt.app).post('/api/session').send({ email: u.email, password: u.password });
    const cookie = ([] as string[]).concat(login.headers['set-cookie'] ?? []).find((c) => c.startsWith('session='))!.split(';')[0]!;
    await request(rt.app).get('/api/reviews').set('Cookie', cookie).expect(200);
    await request(rt.app).delete('/api/session').set('Cookie', cookie).set('X-CSRF-Token', login.body.csrfToken).expect(204);
    await request(rt.app).get('/api/reviews').set('Cookie', cookie).expect(401);
  });
});

describe('sign-in page', () => {
  it('signs in through the form and redirects to the page asked for', async () => {
    const u = await makeUser(rt);
    const anon = await anonymous(rt.app);
    const res = await request(rt.app).post('/login').set('Cookie', anon.cookie.join('; ')).type('form').send({ email: u.email, password: u.password, next: '/api/reviews', _csrf: anon.csrf }).expect(303);
    expect(res.headers.location).toBe('/api/reviews');
  });

  it('never redirects to another site after sign-in', async () => {
    const u = await makeUser(rt);
    const anon = await anonymous(rt.app);
    const res = await request(rt.app).post('/login').set('Cookie', anon.cookie.join('; ')).type('form').send({ email: u.email, password: u.password, next: '//evil.example/x', _csrf: anon.csrf }).expect(303);
    expect(res.headers.location).toBe('/');
  });

  it('refuses the form without its CSRF token', async () => {
    await request(rt.app).post('/login').type('form').send({ email: 'a@b.c', password: 'x' }).expect(403);
  });

  it('sends security headers with a Content-Security-Policy that allows no inline script', async () => {
    const res = await request(rt.app).get('/login').expect(200);
    expect(res.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(res.headers['content-security-policy']).not.toMatch(/unsafe-inline/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.text).not.toMatch(/<script>(?!<\/script>)/);
  });
});

describe('production cookies', () => {
  it('uses __Host- and Secure cookies in production', async () => {
    const prod = createTestRuntime({ env: 'production' });
    const u = await makeUser(prod);
    const res = await request(prod.app).post('/api/session').send({ email: u.email, password: u.password }).expect(201);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/__Host-session=/);
    expect(cookie).toMatch(/Secure/);
  });
});
