import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { INSTRUMENT_CODES, PARTIES, partiesOf, partyByIso3, REGIONAL_GROUPS } from '../../src/reference/index.js';

/**
 * UN Member States that, to the author's knowledge, are not parties to the Convention. A CSV row
 * for a UN member with a regional group that is missing from our table must be listed here, so a
 * State is never left out of the table by accident. Correct this list when a State joins.
 */
const UN_MEMBERS_NOT_PARTY: Readonly<Record<string, string>> = {
  COG: 'Congo: signed in 2000, not ratified',
  IRN: 'Iran (Islamic Republic of): signed in 2000, not ratified',
  PNG: 'Papua New Guinea',
  SLB: 'Solomon Islands',
  SSD: 'South Sudan',
  TUV: 'Tuvalu',
};

// The shared reference list lives beside the project, not in it; the comparison is skipped without it.
const csv = fileURLToPath(new URL('../../../shared/data/un-regional-groups.csv', import.meta.url));

interface CsvRow {
  iso3: string;
  name: string;
  group: string | null;
  unMember: boolean;
}

function readCsv(path: string): CsvRow[] {
  const [header, ...lines] = readFileSync(path, 'utf8').split(/\r?\n/).filter((line) => line.trim() !== '');
  const columns = (header ?? '').split(',');
  const at = (name: string) => {
    const index = columns.indexOf(name);
    if (index < 0) throw new Error(`CSV has no column ${name}`);
    return index;
  };
  const [iso3, name, group, unMember] = [at('iso3'), at('name'), at('un_regional_group'), at('un_member')];
  return lines.map((line) => {
    const cells = line.split(',');
    return {
      iso3: cells[iso3] ?? '',
      name: cells[name] ?? '',
      group: cells[group] ? cells[group] : null,
      unMember: cells[unMember] === 'yes',
    };
  });
}

describe('parties', () => {
  it('has unique ISO codes', () => {
    const iso3 = PARTIES.map((p) => p.iso3);
    expect(iso3.filter((code, i) => iso3.indexOf(code) !== i)).toEqual([]);
    const iso2 = PARTIES.map((p) => p.iso2).filter((code) => code !== null);
    expect(iso2.filter((code, i) => iso2.indexOf(code) !== i)).toEqual([]);
  });

  it('makes every party a party to the Convention', () => {
    expect(PARTIES.filter((p) => !p.instruments.UNTOC).map((p) => p.iso3)).toEqual([]);
    expect(partiesOf('UNTOC')).toHaveLength(PARTIES.length);
  });

  it('has about 190 parties to the Convention', () => {
    expect(PARTIES.length).toBeGreaterThanOrEqual(185);
    expect(PARTIES.length).toBeLessThanOrEqual(197);
  });

  it.each([
    ['TIP', 170, 195],
    ['SOM', 140, 165],
    ['FA', 110, 135],
  ] as const)('has a plausible number of %s parties (%i to %i)', (code, min, max) => {
    const count = partiesOf(code).length;
    expect(count).toBeGreaterThanOrEqual(min);
    expect(count).toBeLessThanOrEqual(max);
  });

  it('gives every party a flag for every instrument', () => {
    for (const party of PARTIES) expect(Object.keys(party.instruments).sort()).toEqual([...INSTRUMENT_CODES].sort());
  });

  it('leaves exactly the five non-UN-member parties outside the regional groups', () => {
    const outside = PARTIES.filter((p) => p.regionalGroup === null).map((p) => p.iso3).sort();
    expect(outside).toEqual(['COK', 'EUU', 'NIU', 'PSE', 'VAT']);
    expect(PARTIES.filter((p) => !p.unMember).map((p) => p.iso3).sort()).toEqual(outside);
  });

  it('makes the European Union the only regional economic integration organization', () => {
    expect(PARTIES.filter((p) => p.kind === 'reio').map((p) => p.iso3)).toEqual(['EUU']);
    expect(partyByIso3('EUU')).toMatchObject({ iso2: 'EU', regionalGroup: null, unMember: false });
  });

  it('uses only the five regional groups', () => {
    const groups = new Set(PARTIES.map((p) => p.regionalGroup).filter((g) => g !== null));
    expect([...groups].sort()).toEqual([...REGIONAL_GROUPS].sort());
  });

  it('keeps the list of non-party UN members out of the table', () => {
    expect(Object.keys(UN_MEMBERS_NOT_PARTY).filter((code) => partyByIso3(code))).toEqual([]);
  });

  it('looks parties up by code, in any case', () => {
    expect(partyByIso3('fra')?.nameEn).toBe('France');
    expect(partyByIso3('XXX')).toBeUndefined();
  });

  describe('against the shared reference list', () => {
    it.skipIf(!existsSync(csv))('agrees on the regional group and UN membership of every party the list has', () => {
      const rows = new Map(readCsv(csv).map((row) => [row.iso3, row]));
      const mismatches = PARTIES.flatMap((party) => {
        const row = rows.get(party.iso3);
        if (!row) return [];
        const problems: string[] = [];
        if (row.group !== party.regionalGroup) problems.push(`${party.iso3}: ours ${party.regionalGroup}, list ${row.group}`);
        if (row.unMember !== party.unMember) problems.push(`${party.iso3}: ours unMember=${party.unMember}, list ${row.unMember}`);
        return problems;
      });
      expect(mismatches, `regional group mismatches:\n${mismatches.join('\n')}`).toEqual([]);
    });

    it.skipIf(!existsSync(csv))('misses no UN member of the list except the known non-parties', () => {
      const missing = readCsv(csv).filter((row) => !partyByIso3(row.iso3));
      if (missing.length > 0) {
        console.info(`reference list rows not in our table:\n${missing.map((r) => `${r.iso3} ${r.name} (${r.group ?? 'no group'})`).join('\n')}`);
      }
      const unexpected = missing
        .filter((row) => row.unMember && row.group !== null && !(row.iso3 in UN_MEMBERS_NOT_PARTY))
        .map((row) => `${row.iso3} ${row.name}`);
      expect(unexpected, `UN members missing from our table:\n${unexpected.join('\n')}`).toEqual([]);
    });
  });
});
