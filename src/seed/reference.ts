// Seeds the reference data idempotently: running it twice changes nothing, and rows the
// secretariat has corrected since are not overwritten (inserts only, on natural keys).
import { sql } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import { tables } from '../db/index.js';
import { CLUSTERS, INSTRUMENTS, INSTRUMENT_CODES, PARTIES, UN_LANGUAGES, partyNames } from '../reference/index.js';
import { seededShuffle } from '../lib/random.js';

/**
 * Which cluster each phase reviews. Phase 1 reviewed cluster I and phase 2 cluster IV
 * (domain.md); the order of clusters II and III in phases 3 and 4 is unverified.
 */
export const PHASE_CLUSTERS: readonly { sequence: number; cluster: string }[] = [
  { sequence: 1, cluster: 'I' },
  { sequence: 2, cluster: 'IV' },
  { sequence: 3, cluster: 'II' },
  { sequence: 4, cluster: 'III' },
];

/** Group g starts its first phase in 2019 + g; each phase lasts two years. */
export function phaseDates(sequence: number, groupNo: number): { startsOn: string; endsOn: string } {
  const start = 2020 + (groupNo - 1) + 2 * (sequence - 1);
  return { startsOn: `${start}-06-01`, endsOn: `${start + 2}-05-31` };
}

/**
 * The real split of States into the three review groups is not in this project's sources,
 * so the seed draws one with a recorded seed (62, 63, then the rest, as domain.md's sizes).
 * The secretariat replaces it with the real membership.
 */
export const GROUP_SEED = 'untoc-review-groups-2020';
export const GROUP_SIZES = [62, 63] as const;

export function seedReference(db: Db): { inserted: number } {
  let inserted = 0;
  const count = (r: { changes: number }) => (inserted += r.changes);
  db.transaction(
    (tx) => {
      for (const ins of INSTRUMENTS) {
        count(tx.insert(tables.instruments).values({ code: ins.code, name: ins.name, shortName: ins.shortName, adoptedIn: ins.adoptedIn }).onConflictDoNothing().run());
        for (const a of ins.articles) {
          count(tx.insert(tables.instrumentArticles).values({ instrument: ins.code, article: a.number, title: a.title }).onConflictDoNothing().run());
        }
      }
      for (const c of CLUSTERS) {
        count(tx.insert(tables.clusters).values({ id: c.id, theme: c.theme, sourced: c.sourced }).onConflictDoNothing().run());
        for (const a of c.articles) {
          count(tx.insert(tables.clusterArticles).values({ cluster: c.id, instrument: a.instrument, article: a.article }).onConflictDoNothing().run());
        }
      }
      for (const p of PARTIES) {
        count(
          tx
            .insert(tables.parties)
            .values({ iso3: p.iso3, iso2: p.iso2, nameEn: p.nameEn, regionalGroup: p.regionalGroup, unMember: p.unMember, kind: p.kind })
            .onConflictDoNothing()
            .run(),
        );
        const names = partyNames(p);
        for (const lang of UN_LANGUAGES) {
          count(tx.insert(tables.partyNames).values({ party: p.iso3, lang, name: names[lang] }).onConflictDoNothing().run());
        }
        for (const code of INSTRUMENT_CODES) {
          if (!p.instruments[code]) continue;
          // Only the first time: later changes of status are new dated rows, not updates.
          count(
            tx.run(sql`INSERT INTO party_instruments (party, instrument, status, since)
              SELECT ${p.iso3}, ${code}, 'party', NULL
              WHERE NOT EXISTS (SELECT 1 FROM party_instruments WHERE party = ${p.iso3} AND instrument = ${code})`),
          );
        }
      }
      const order = seededShuffle(
        PARTIES.map((p) => p.iso3),
        GROUP_SEED,
      );
      order.forEach((iso3, i) => {
        const groupNo = i < GROUP_SIZES[0] ? 1 : i < GROUP_SIZES[0] + GROUP_SIZES[1] ? 2 : 3;
        count(tx.insert(tables.reviewGroups).values({ party: iso3, groupNo }).onConflictDoNothing().run());
      });
      for (const { sequence, cluster } of PHASE_CLUSTERS) {
        for (const groupNo of [1, 2, 3]) {
          count(tx.insert(tables.phases).values({ cluster, sequence, groupNo, ...phaseDates(sequence, groupNo) }).onConflictDoNothing().run());
        }
      }
    },
    { behavior: 'immediate' },
  );
  return { inserted };
}
