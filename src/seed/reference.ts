// Seeds the reference data idempotently: running it twice changes nothing, and rows the
// secretariat has corrected since are not overwritten (inserts only, on natural keys).
import type { Db } from '../db/index.js';
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
  // About 2,000 rows on every start: prepared statements once, rather than one query build
  // per row, keep this to a few tens of milliseconds.
  const c = db.$client;
  const stmt = {
    instrument: c.prepare('INSERT OR IGNORE INTO instruments (code, name, short_name, adopted_in) VALUES (?, ?, ?, ?)'),
    article: c.prepare('INSERT OR IGNORE INTO instrument_articles (instrument, article, title) VALUES (?, ?, ?)'),
    cluster: c.prepare('INSERT OR IGNORE INTO clusters (id, theme, sourced) VALUES (?, ?, ?)'),
    clusterArticle: c.prepare('INSERT OR IGNORE INTO cluster_articles (cluster, instrument, article) VALUES (?, ?, ?)'),
    party: c.prepare('INSERT OR IGNORE INTO parties (iso3, iso2, name_en, regional_group, un_member, kind) VALUES (?, ?, ?, ?, ?, ?)'),
    name: c.prepare('INSERT OR IGNORE INTO party_names (party, lang, name) VALUES (?, ?, ?)'),
    // Only the first time: later changes of status are new dated rows, not updates.
    status: c.prepare(`INSERT INTO party_instruments (party, instrument, status, since)
      SELECT ?, ?, 'party', NULL WHERE NOT EXISTS (SELECT 1 FROM party_instruments WHERE party = ? AND instrument = ?)`),
    group: c.prepare('INSERT OR IGNORE INTO review_groups (party, group_no) VALUES (?, ?)'),
    phase: c.prepare('INSERT OR IGNORE INTO phases (cluster, sequence, group_no, starts_on, ends_on) VALUES (?, ?, ?, ?, ?)'),
  };
  let inserted = 0;
  const count = (r: { changes: number }) => (inserted += r.changes);
  c.transaction(() => {
    for (const ins of INSTRUMENTS) {
      count(stmt.instrument.run(ins.code, ins.name, ins.shortName, ins.adoptedIn));
      for (const a of ins.articles) count(stmt.article.run(ins.code, a.number, a.title));
    }
    for (const cl of CLUSTERS) {
      count(stmt.cluster.run(cl.id, cl.theme, cl.sourced ? 1 : 0));
      for (const a of cl.articles) count(stmt.clusterArticle.run(cl.id, a.instrument, a.article));
    }
    for (const p of PARTIES) {
      count(stmt.party.run(p.iso3, p.iso2, p.nameEn, p.regionalGroup, p.unMember ? 1 : 0, p.kind));
      const names = partyNames(p);
      for (const lang of UN_LANGUAGES) count(stmt.name.run(p.iso3, lang, names[lang]));
      for (const code of INSTRUMENT_CODES) if (p.instruments[code]) count(stmt.status.run(p.iso3, code, p.iso3, code));
    }
    seededShuffle(
      PARTIES.map((p) => p.iso3),
      GROUP_SEED,
    ).forEach((iso3, i) => {
      const groupNo = i < GROUP_SIZES[0] ? 1 : i < GROUP_SIZES[0] + GROUP_SIZES[1] ? 2 : 3;
      count(stmt.group.run(iso3, groupNo));
    });
    for (const { sequence, cluster } of PHASE_CLUSTERS) {
      for (const groupNo of [1, 2, 3]) {
        const d = phaseDates(sequence, groupNo);
        count(stmt.phase.run(cluster, sequence, groupNo, d.startsOn, d.endsOn));
      }
    }
  }).immediate();
  return { inserted };
}
