import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { createTestRuntime } from '../support/runtime.js';
import { seedDemo } from '../../src/seed/demo.js';
import { signIn } from '../support/actors.js';

describe('demo data', () => {
  it('creates a launched phase 1 of group 1 with its draw, and accounts that sign in as documented', async () => {
    const rt = createTestRuntime();
    const accounts = await seedDemo(rt.db, rt.questionnaires, rt.clock.now());
    expect(new Set(accounts.map((a) => a.role))).toEqual(new Set(['secretariat', 'focal_point', 'expert', 'observer']));
    for (const a of accounts) {
      const s = await signIn(rt.app, a.email, a.password);
      const res = await request(rt.app).get('/api/reviews').set('Cookie', s.cookie.join('; ')).expect(200);
      if (a.role === 'secretariat') expect(res.body.items).toHaveLength(62);
      else expect(res.body.items.length).toBeGreaterThan(0);
    }
  });

  it('is idempotent', async () => {
    const rt = createTestRuntime();
    const first = await seedDemo(rt.db, rt.questionnaires, rt.clock.now());
    const again = await seedDemo(rt.db, rt.questionnaires, rt.clock.now());
    expect(again).toEqual(first);
    expect((rt.db.$client.prepare('SELECT count(*) AS n FROM draws').get() as { n: number }).n).toBe(1);
  });
});

describe('the README', () => {
  it('lists exactly the demo accounts that `npm run demo` creates', async () => {
    const { readFileSync } = await import('node:fs');
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const documented = [...readme.matchAll(/^\| `([^`]+@[^`]+)` \|/gm)].map((m) => m[1]).sort();
    const rt = createTestRuntime();
    const created = (await seedDemo(rt.db, rt.questionnaires, rt.clock.now())).map((a) => a.email).sort();
    expect(documented).toEqual(created);
  });
});
