// audit: the append-only log. record() takes the transaction of the change it records, so
// the event and the change commit or roll back together. Imports db only.
import { and, desc, eq, gte, like, lte, type SQL } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import { tables } from '../db/index.js';

type Tx = Pick<Db, 'insert' | 'select'>;

export interface AuditEvent {
  at: string;
  actorUserId?: number | null;
  actorParty?: string | null;
  action: string;
  targetType?: string;
  targetId?: string | number;
  reviewId?: number | null;
  ip?: string | null;
  details?: Record<string, unknown>;
}

export function record(tx: Tx, e: AuditEvent): void {
  tx.insert(tables.auditEvents)
    .values({
      at: e.at,
      actorUserId: e.actorUserId ?? null,
      actorParty: e.actorParty ?? null,
      action: e.action,
      targetType: e.targetType ?? null,
      targetId: e.targetId === undefined ? null : String(e.targetId),
      reviewId: e.reviewId ?? null,
      ip: e.ip ?? null,
      details: e.details ?? null,
    })
    .run();
}

export interface AuditFilter {
  action?: string;
  actorUserId?: number;
  reviewId?: number;
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

export function listEvents(db: Db, f: AuditFilter) {
  const t = tables.auditEvents;
  const where: SQL[] = [];
  if (f.action) where.push(like(t.action, `${f.action.replace(/[%_]/g, '')}%`));
  if (f.actorUserId !== undefined) where.push(eq(t.actorUserId, f.actorUserId));
  if (f.reviewId !== undefined) where.push(eq(t.reviewId, f.reviewId));
  if (f.from) where.push(gte(t.at, f.from));
  if (f.to) where.push(lte(t.at, `${f.to}\uffff`));
  return db
    .select()
    .from(t)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(t.id))
    .limit(Math.min(f.limit ?? 100, 500))
    .offset(f.offset ?? 0)
    .all();
}
