// A runtime with the demo data: the demo review at the drafting step and one account per role.
import { createTestRuntime } from './runtime.js';
import { seedDemo } from '../../src/seed/demo.js';
import { pickDemoAccounts, signIn, type Session } from './actors.js';

export async function demoRuntime() {
  const rt = createTestRuntime();
  const accounts = pickDemoAccounts(await seedDemo(rt.db, rt.questionnaires, rt.clock.now()));
  const reviewId = (rt.db.$client.prepare("SELECT id FROM reviews WHERE step = 'drafting'").get() as { id: number }).id;
  const sessions = new Map<string, Session>();
  const as = async (who: keyof typeof accounts) => {
    if (!sessions.has(who)) sessions.set(who, await signIn(rt.app, accounts[who].email, accounts[who].password));
    const s = sessions.get(who)!;
    return { Cookie: s.cookie.join('; '), 'X-CSRF-Token': s.csrf, csrf: s.csrf };
  };
  return { rt, accounts, reviewId, as };
}

/** Headers for supertest from `as()` (without the helper's csrf field). */
export function headers(h: { Cookie: string; 'X-CSRF-Token': string }) {
  return { Cookie: h.Cookie, 'X-CSRF-Token': h['X-CSRF-Token'] };
}
