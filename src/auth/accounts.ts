// Users, invitations, password resets, sessions and role memberships.
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import { tables } from '../db/index.js';
import { record } from '../audit/index.js';
import { Problem } from '../lib/errors.js';
import type { Actor, Membership } from './actor.js';
import { generatePassword, hashPassword, passwordProblems, verifyPassword } from './passwords.js';
import type { StateRole } from './roles.js';
import { hashToken, newToken } from './tokens.js';

export const INVITATION_DAYS = 10;
export const SESSION_HOURS = 8;

export interface Ctx {
  db: Db;
  now: Date;
  actor?: Actor | null;
  ip?: string | null;
}

const iso = (d: Date) => d.toISOString();
const plusHours = (d: Date, h: number) => new Date(d.getTime() + h * 3_600_000);

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export interface NewUser {
  email: string;
  displayName: string;
  isSecretariat?: boolean;
  lang?: string;
  memberships?: { party: string; role: StateRole; reviewId?: number | null }[];
}

export function createUser(ctx: Ctx, input: NewUser): { userId: number; inviteToken: string } {
  const email = normalizeEmail(input.email);
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new Problem('validation_failed', 'Enter an email address in the correct format, like name@example.org.', { field: 'email' });
  if (!input.displayName.trim()) throw new Problem('validation_failed', 'Enter the person’s name.', { field: 'displayName' });
  return ctx.db.transaction(
    (tx) => {
      if (tx.select({ id: tables.users.id }).from(tables.users).where(eq(tables.users.email, email)).get()) {
        throw new Problem('conflict', 'A user with this email address already exists.', { field: 'email' });
      }
      const user = tx
        .insert(tables.users)
        .values({ email, displayName: input.displayName.trim(), isSecretariat: input.isSecretariat ?? false, status: 'invited', preferredLang: input.lang ?? 'en', createdAt: iso(ctx.now) })
        .returning({ id: tables.users.id })
        .get();
      const { token, hash } = newToken();
      tx.insert(tables.invitations).values({ tokenHash: hash, userId: user.id, purpose: 'invite', expiresAt: iso(plusHours(ctx.now, INVITATION_DAYS * 24)), createdAt: iso(ctx.now) }).run();
      record(tx, { at: iso(ctx.now), actorUserId: ctx.actor?.userId, action: 'user.create', targetType: 'user', targetId: user.id, ip: ctx.ip, details: { email, isSecretariat: input.isSecretariat ?? false } });
      for (const m of input.memberships ?? []) grantInTx(tx, ctx, user.id, m.party, m.role, m.reviewId ?? null);
      return { userId: user.id, inviteToken: token };
    },
    { behavior: 'immediate' },
  );
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

function grantInTx(tx: Tx, ctx: Ctx, userId: number, party: string, role: StateRole, reviewId: number | null): void {
  const m = tables.memberships;
  if (role === 'focal_point' && reviewId !== null) {
    // One active focal point per review: appointing a new one replaces the previous one.
    tx.update(m).set({ active: false }).where(and(eq(m.party, party), eq(m.role, 'focal_point'), eq(m.reviewId, reviewId), eq(m.active, true))).run();
  }
  tx.insert(m).values({ userId, party, role, reviewId, active: true, createdAt: iso(ctx.now) }).run();
  record(tx, { at: iso(ctx.now), actorUserId: ctx.actor?.userId, action: 'role.grant', targetType: 'user', targetId: userId, reviewId, ip: ctx.ip, details: { party, role } });
}

export function grantRole(ctx: Ctx, userId: number, party: string, role: StateRole, reviewId: number | null = null): void {
  ctx.db.transaction((tx) => grantInTx(tx, ctx, userId, party, role, reviewId), { behavior: 'immediate' });
}

export function revokeRole(ctx: Ctx, membershipId: number): void {
  ctx.db.transaction(
    (tx) => {
      const row = tx.select().from(tables.memberships).where(eq(tables.memberships.id, membershipId)).get();
      if (!row) throw new Problem('not_found', 'The role was not found.');
      tx.update(tables.memberships).set({ active: false }).where(eq(tables.memberships.id, membershipId)).run();
      record(tx, { at: iso(ctx.now), actorUserId: ctx.actor?.userId, action: 'role.revoke', targetType: 'user', targetId: row.userId, reviewId: row.reviewId, ip: ctx.ip, details: { party: row.party, role: row.role } });
    },
    { behavior: 'immediate' },
  );
}

export type InvitationState = { state: 'valid'; userId: number; email: string; purpose: 'invite' | 'reset' } | { state: 'expired' | 'used' | 'unknown' };

export function invitationState(db: Db, token: string, now: Date): InvitationState {
  const row = db
    .select({ inv: tables.invitations, email: tables.users.email })
    .from(tables.invitations)
    .innerJoin(tables.users, eq(tables.users.id, tables.invitations.userId))
    .where(eq(tables.invitations.tokenHash, hashToken(token)))
    .get();
  if (!row) return { state: 'unknown' };
  if (row.inv.usedAt) return { state: 'used' };
  if (row.inv.expiresAt <= iso(now)) return { state: 'expired' };
  return { state: 'valid', userId: row.inv.userId, email: row.email, purpose: row.inv.purpose };
}

/** Sets the password from an invitation or reset link. Returns message keys on a weak password. */
export async function acceptInvitation(ctx: Ctx, token: string, password: string): Promise<{ ok: true; userId: number } | { ok: false; problems: string[] }> {
  const inv = invitationState(ctx.db, token, ctx.now);
  if (inv.state !== 'valid') return { ok: false, problems: [`auth.invitation.${inv.state}`] };
  const problems = passwordProblems(password, inv.email);
  if (problems.length) return { ok: false, problems };
  const hash = await hashPassword(password);
  ctx.db.transaction(
    (tx) => {
      tx.update(tables.users).set({ passwordHash: hash, status: 'active' }).where(eq(tables.users.id, inv.userId)).run();
      tx.update(tables.invitations).set({ usedAt: iso(ctx.now) }).where(eq(tables.invitations.tokenHash, hashToken(token))).run();
      // A new password ends every open session of the account.
      tx.delete(tables.sessions).where(eq(tables.sessions.userId, inv.userId)).run();
      record(tx, { at: iso(ctx.now), actorUserId: inv.userId, action: inv.purpose === 'reset' ? 'password.reset' : 'invitation.accept', targetType: 'user', targetId: inv.userId, ip: ctx.ip });
    },
    { behavior: 'immediate' },
  );
  return { ok: true, userId: inv.userId };
}

/** The secretariat resets a password: a new link valid for the same period as an invitation. */
export function issuePasswordReset(ctx: Ctx, userId: number): string {
  return ctx.db.transaction(
    (tx) => {
      if (!tx.select({ id: tables.users.id }).from(tables.users).where(eq(tables.users.id, userId)).get()) throw new Problem('not_found', 'The user was not found.');
      tx.update(tables.invitations).set({ usedAt: iso(ctx.now) }).where(and(eq(tables.invitations.userId, userId), isNull(tables.invitations.usedAt))).run();
      const { token, hash } = newToken();
      tx.insert(tables.invitations).values({ tokenHash: hash, userId, purpose: 'reset', expiresAt: iso(plusHours(ctx.now, INVITATION_DAYS * 24)), createdAt: iso(ctx.now) }).run();
      record(tx, { at: iso(ctx.now), actorUserId: ctx.actor?.userId, action: 'password.reset_issued', targetType: 'user', targetId: userId, ip: ctx.ip });
      return token;
    },
    { behavior: 'immediate' },
  );
}

/** Checks email and password; records the attempt either way. */
export async function authenticate(ctx: Ctx, email: string, password: string): Promise<number | null> {
  const user = ctx.db.select().from(tables.users).where(eq(tables.users.email, normalizeEmail(email))).get();
  // Verify against a dummy hash when the user is unknown, so timing does not reveal accounts.
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  const success = !!user && ok && user.status === 'active';
  record(ctx.db, { at: iso(ctx.now), actorUserId: user?.id ?? null, action: success ? 'login.success' : 'login.failure', targetType: 'user', targetId: user?.id, ip: ctx.ip, details: success ? undefined : { email: normalizeEmail(email).slice(0, 200) } });
  return success ? user.id : null;
}

const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

export function createSession(db: Db, userId: number, now: Date): { token: string; csrfToken: string } {
  const { token, hash } = newToken();
  const csrfToken = newToken().token;
  db.insert(tables.sessions).values({ idHash: hash, userId, csrfToken, expiresAt: iso(plusHours(now, SESSION_HOURS)), createdAt: iso(now) }).run();
  return { token, csrfToken };
}

export function deleteSession(db: Db, token: string): void {
  db.delete(tables.sessions).where(eq(tables.sessions.idHash, hashToken(token))).run();
}

export function loadSession(db: Db, token: string, now: Date): { actor: Actor; csrfToken: string } | null {
  const row = db
    .select({ s: tables.sessions, u: tables.users })
    .from(tables.sessions)
    .innerJoin(tables.users, eq(tables.users.id, tables.sessions.userId))
    .where(and(eq(tables.sessions.idHash, hashToken(token)), gt(tables.sessions.expiresAt, iso(now))))
    .get();
  if (!row || row.u.status !== 'active') return null;
  return { actor: loadActor(db, row.u), csrfToken: row.s.csrfToken };
}

export function loadActor(db: Db, u: typeof tables.users.$inferSelect): Actor {
  const memberships: Membership[] = db
    .select({ party: tables.memberships.party, role: tables.memberships.role, reviewId: tables.memberships.reviewId })
    .from(tables.memberships)
    .where(and(eq(tables.memberships.userId, u.id), eq(tables.memberships.active, true)))
    .all();
  return { userId: u.id, email: u.email, displayName: u.displayName, isSecretariat: u.isSecretariat, memberships, lang: u.preferredLang };
}

export function actorById(db: Db, userId: number): Actor | null {
  const u = db.select().from(tables.users).where(eq(tables.users.id, userId)).get();
  return u ? loadActor(db, u) : null;
}

/**
 * First start: one secretariat account with a one-time password, printed once to the console.
 * Returns the password when the account was created now.
 */
export async function ensureSecretariatAccount(db: Db, now: Date, email = 'secretariat@unodc.example'): Promise<{ email: string; password: string } | null> {
  const existing = db.select({ id: tables.users.id }).from(tables.users).where(eq(tables.users.isSecretariat, true)).get();
  if (existing) return null;
  const password = generatePassword();
  const hash = await hashPassword(password);
  db.transaction(
    (tx) => {
      const u = tx.insert(tables.users).values({ email, displayName: 'UNODC secretariat', isSecretariat: true, status: 'active', passwordHash: hash, createdAt: iso(now) }).returning({ id: tables.users.id }).get();
      record(tx, { at: iso(now), action: 'user.create', targetType: 'user', targetId: u.id, details: { email, isSecretariat: true, firstStart: true } });
    },
    { behavior: 'immediate' },
  );
  return { email, password };
}

/** Sets a password directly (demo data and tests only). */
export async function setPassword(db: Db, userId: number, password: string): Promise<void> {
  db.update(tables.users).set({ passwordHash: await hashPassword(password), status: 'active' }).where(eq(tables.users.id, userId)).run();
}
