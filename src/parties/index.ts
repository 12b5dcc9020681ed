// parties: what the stored reference data says about parties today. Participation is kept
// as dated status rows (a change of status is a new row), so the current status of a party
// in an instrument is its latest row; this module is the one place that reads it that way.
// Imports db only.
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import { tables } from '../db/index.js';

export interface Participation {
  instrument: string;
  /** When the party's current status took effect; null where the data does not know. */
  since: string | null;
}

/** Current participation of every party (or of one), keyed by ISO alpha-3. */
export function currentParticipation(db: Pick<Db, 'select'>, party?: string): Map<string, Participation[]> {
  const rows = db
    .select()
    .from(tables.partyInstruments)
    .where(party === undefined ? undefined : eq(tables.partyInstruments.party, party))
    .orderBy(asc(tables.partyInstruments.id))
    .all();
  const latest = new Map<string, Map<string, { status: string; since: string | null }>>();
  for (const r of rows) {
    const m = latest.get(r.party) ?? new Map();
    m.set(r.instrument, { status: r.status, since: r.since });
    latest.set(r.party, m);
  }
  const out = new Map<string, Participation[]>();
  for (const [p, m] of latest) out.set(p, [...m].filter(([, s]) => s.status === 'party').map(([instrument, s]) => ({ instrument, since: s.since })));
  return out;
}

/** The instruments one party is party to today. */
export function instrumentsOf(db: Pick<Db, 'select'>, party: string): string[] {
  return (currentParticipation(db, party).get(party) ?? []).map((p) => p.instrument);
}
