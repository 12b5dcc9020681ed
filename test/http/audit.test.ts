import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { createTestRuntime } from '../support/runtime.js';
import { makeUser } from '../support/fixtures.js';
import { signIn } from '../support/actors.js';

describe('audit log', () => {
  it('filters by action prefix and user, on the API and on the page alike', async () => {
    const rt = createTestRuntime();
    const sec = await makeUser(rt, { secretariat: true });
    const other = await makeUser(rt);
    await request(rt.app).post('/api/session').send({ email: other.email, password: 'wrong password!!' }).expect(401);
    const s = await signIn(rt.app, sec.email, sec.password);
    const h = { Cookie: s.cookie.join('; ') };
    const api = await request(rt.app).get(`/api/audit?action=login&user=${other.userId}`).set(h).expect(200);
    expect(api.body.items.map((e: { action: string }) => e.action)).toEqual(['login.failure']);
    const all = await request(rt.app).get('/api/audit?action=login&user=x').set(h).expect(200);
    expect(all.body.items.length).toBeGreaterThan(1);
    const page = await request(rt.app).get(`/secretariat/audit?action=login&user=${other.userId}`).set(h).expect(200);
    expect(page.text).toContain('login.failure');
    expect(page.text).not.toContain('login.success');
  });
});
