// Signs in the demo actors over real HTTP and keeps their cookies and CSRF tokens.
import request from 'supertest';
import type { Express } from 'express';
import type { DemoAccount } from '../../src/seed/demo.js';

export const ACTORS = ['secretariat', 'surFocal', 'surExpert', 'surObserver', 'reviewerExpert', 'unrelatedExpert', 'anonymous'] as const;
export type ActorName = (typeof ACTORS)[number];

export interface Session {
  cookie: string[];
  csrf: string;
}

export function pickDemoAccounts(accounts: DemoAccount[]): Record<Exclude<ActorName, 'anonymous'>, DemoAccount> {
  const find = (pred: (a: DemoAccount) => boolean, what: string) => {
    const a = accounts.find(pred);
    if (!a) throw new Error(`demo account missing: ${what}`);
    return a;
  };
  return {
    secretariat: find((a) => a.role === 'secretariat', 'secretariat'),
    surFocal: find((a) => a.role === 'focal_point' && a.note.includes('State under review'), 'focal point under review'),
    surExpert: find((a) => a.role === 'expert' && a.note.includes('answers the questionnaire'), 'expert under review'),
    surObserver: find((a) => a.role === 'observer', 'observer'),
    reviewerExpert: find((a) => a.role === 'expert' && a.note.includes('a reviewing State'), 'reviewer expert'),
    unrelatedExpert: find((a) => a.note.includes('no part'), 'unrelated expert'),
  };
}

export async function signIn(app: Express, email: string, password: string): Promise<Session> {
  const res = await request(app).post('/api/session').send({ email, password });
  if (res.status !== 201) throw new Error(`sign-in failed for ${email}: ${res.status} ${JSON.stringify(res.body)}`);
  const cookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]!);
  return { cookie, csrf: res.body.csrfToken };
}

/** An anonymous visitor still gets a CSRF cookie for the sign-in form. */
export async function anonymous(app: Express): Promise<Session> {
  const res = await request(app).get('/login');
  const cookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]!);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(res.text)?.[1] ?? '';
  return { cookie, csrf };
}
