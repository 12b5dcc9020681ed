import { describe, expect, it } from 'vitest';
import type { InstrumentCode, RegionalGroup } from '../../src/reference/index.js';
import {
  benchDraw,
  DEFAULT_RULES,
  DrawError,
  drawLots,
  redrawOne,
  referencePool,
  resolveRules,
  validateDraw,
  type Assignment,
  type DrawInput,
  type DrawParty,
  type DrawResult,
  type RedrawInput,
} from '../../src/reviews/lots.js';

const AF: RegionalGroup = 'African';
const EE: RegionalGroup = 'Eastern European';
const WE: RegionalGroup = 'Western European and others';

/** A party to UNTOC and to the Protocols named by T (TIP), S (SOM), F (FA). */
function party(iso3: string, regionalGroup: RegionalGroup | null, protocols = 'TSF'): DrawParty {
  const instruments: InstrumentCode[] = ['UNTOC'];
  if (protocols.includes('T')) instruments.push('TIP');
  if (protocols.includes('S')) instruments.push('SOM');
  if (protocols.includes('F')) instruments.push('FA');
  return { iso3, regionalGroup, instruments };
}

function reviewersOf(result: DrawResult, sur: string) {
  const assignment = result.assignments.find((a) => a.underReview === sur);
  if (!assignment) throw new Error(`no assignment for ${sur}`);
  return assignment.reviewers;
}

function groupOf(pool: DrawParty[], iso3: string) {
  return pool.find((p) => p.iso3 === iso3)?.regionalGroup;
}

const SEEDS = Array.from({ length: 25 }, (_, i) => `seed-${i}`);

/** Draws and checks the result with the validator, so every example also exercises it. */
function draw(input: DrawInput): DrawResult {
  const result = drawLots(input);
  expect(validateDraw(input, result)).toEqual([]);
  return result;
}

// Two groups of four, every party to all four instruments.
const SMALL: DrawParty[] = [party('A1', AF), party('A2', AF), party('A3', AF), party('A4', AF), party('E1', EE), party('E2', EE), party('E3', EE), party('E4', EE)];

describe('rules', () => {
  it('has the documented defaults', () => {
    expect(DEFAULT_RULES).toEqual({
      maxReviewsPerReviewer: 3,
      forbidReciprocal: true,
      ungrouped: 'any_two_groups',
      ungroupedMayReview: false,
      instrumentsUnderReview: ['UNTOC', 'TIP', 'SOM', 'FA'],
    });
    expect(Object.isFrozen(DEFAULT_RULES)).toBe(true);
  });

  it('records the resolved rules in the result', () => {
    const result = draw({ seed: 's', underReview: ['A1'], pool: SMALL, rules: { maxReviewsPerReviewer: 2, instrumentsUnderReview: ['FA', 'UNTOC'] } });
    expect(result.rules).toEqual({ ...DEFAULT_RULES, maxReviewsPerReviewer: 2, instrumentsUnderReview: ['UNTOC', 'FA'] });
  });

  it.each([
    [{ maxReviewsPerReviewer: 0 }, /maxReviewsPerReviewer/],
    [{ maxReviewsPerReviewer: 1.5 }, /maxReviewsPerReviewer/],
    [{ instrumentsUnderReview: [] }, /at least one instrument/],
    [{ instrumentsUnderReview: ['XYZ' as InstrumentCode] }, /unknown instrument/],
    [{ ungrouped: { treatAs: 'Nowhere' as RegionalGroup } }, /ungrouped/],
  ])('rejects bad rules %j', (rules, message) => {
    expect(() => resolveRules(rules)).toThrow(message);
    expect(() => drawLots({ seed: 's', underReview: ['A1'], pool: SMALL, rules })).toThrow(DrawError);
  });
});

describe('drawLots: who reviews whom', () => {
  it('gives each State one reviewer from its own group and one from another, never itself', () => {
    for (const seed of SEEDS) {
      const result = draw({ seed, underReview: ['A1', 'E1', 'A2'], pool: SMALL });
      expect(result.seed).toBe(seed);
      expect(result.assignments.map((a) => a.underReview)).toEqual(['A1', 'E1', 'A2']);
      for (const { underReview, reviewers } of result.assignments) {
        expect(reviewers.map((r) => r.basis)).toEqual(['same_group', 'other_group']);
        const [same, other] = reviewers;
        expect(same!.party).not.toBe(underReview);
        expect(groupOf(SMALL, same!.party)).toBe(groupOf(SMALL, underReview));
        expect(groupOf(SMALL, other!.party)).not.toBe(groupOf(SMALL, underReview));
        for (const r of reviewers) expect(r.instruments).toEqual(['UNTOC', 'TIP', 'SOM', 'FA']);
      }
    }
  });

  it('reports the load of every pool party, counting existing assignments', () => {
    const existing: Assignment[] = [{ underReview: 'E4', reviewers: [{ party: 'E1', instruments: ['UNTOC'], basis: 'same_group' }] }];
    const result = draw({ seed: 'loads', underReview: ['A1'], pool: SMALL, existing });
    expect(Object.keys(result.loads)).toEqual(SMALL.map((p) => p.iso3).sort());
    const drawn = reviewersOf(result, 'A1').map((r) => r.party);
    for (const p of SMALL) expect(result.loads[p.iso3]).toBe((p.iso3 === 'E1' ? 1 : 0) + (drawn.includes(p.iso3) ? 1 : 0));
  });

  it('reviews only the instruments both States are party to', () => {
    const pool = [party('A1', AF, 'T'), party('A2', AF, 'TSF'), party('E1', EE, 'TS')];
    const result = draw({ seed: 's', underReview: ['A1'], pool });
    expect(reviewersOf(result, 'A1')).toEqual([
      { party: 'A2', instruments: ['UNTOC', 'TIP'], basis: 'same_group' },
      { party: 'E1', instruments: ['UNTOC', 'TIP'], basis: 'other_group' },
    ]);
  });

  it('balances the load: draws among the least-loaded candidates', () => {
    // A2 and A3 already review twice in the phase; A4 never did, so it is the same-group reviewer every time.
    const existing: Assignment[] = [
      { underReview: 'E3', reviewers: [{ party: 'A2', instruments: ['UNTOC'], basis: 'other_group' }, { party: 'A3', instruments: ['UNTOC'], basis: 'other_group' }] },
      { underReview: 'E4', reviewers: [{ party: 'A2', instruments: ['UNTOC'], basis: 'other_group' }, { party: 'A3', instruments: ['UNTOC'], basis: 'other_group' }] },
    ];
    for (const seed of SEEDS) expect(reviewersOf(draw({ seed, underReview: ['A1'], pool: SMALL, existing }), 'A1')[0]!.party).toBe('A4');
    // Without history, each of the three is drawn some of the time.
    const drawn = new Set(SEEDS.map((seed) => reviewersOf(draw({ seed, underReview: ['A1'], pool: SMALL }), 'A1')[0]!.party));
    expect(drawn).toEqual(new Set(['A2', 'A3', 'A4']));
  });
});

describe('drawLots: extra reviewers for missing instruments', () => {
  it('adds an extra reviewer for the instruments a main reviewer is not party to, and only those', () => {
    // A1's only group mate is party to TIP only: an extra reviewer is needed for SOM and FA.
    const pool = [party('A1', AF), party('A2', AF, 'T'), party('E1', EE), party('E2', EE)];
    for (const seed of SEEDS) {
      const reviewers = reviewersOf(draw({ seed, underReview: ['A1'], pool }), 'A1');
      expect(reviewers).toHaveLength(3);
      expect(reviewers[0]).toEqual({ party: 'A2', instruments: ['UNTOC', 'TIP'], basis: 'same_group' });
      expect(reviewers[1]).toMatchObject({ basis: 'extra_instruments', instruments: ['SOM', 'FA'] });
      expect(reviewers[2]).toMatchObject({ basis: 'other_group', instruments: ['UNTOC', 'TIP', 'SOM', 'FA'] });
      expect(reviewers[1]!.party).not.toBe(reviewers[2]!.party);
    }
  });

  it('adds one extra per main reviewer that lacks instruments', () => {
    // W1 and W2 already review twice, so the less loaded E1 (no FA) is the other-group reviewer.
    const pool = [party('A1', AF), party('A2', AF, 'T'), party('E1', EE, 'TS'), party('W1', WE), party('W2', WE)];
    const busy = (sur: string): Assignment => ({ underReview: sur, reviewers: ['W1', 'W2'].map((p) => ({ party: p, instruments: ['UNTOC'], basis: 'other_group' })) });
    const reviewers = reviewersOf(draw({ seed: 'x', underReview: ['A1'], pool, existing: [busy('X1'), busy('X2')] }), 'A1');
    expect(reviewers.map((r) => [r.party, r.basis, r.instruments.join('+')])).toEqual([
      ['A2', 'same_group', 'UNTOC+TIP'],
      [expect.stringMatching(/^W[12]$/), 'extra_instruments', 'SOM+FA'],
      ['E1', 'other_group', 'UNTOC+TIP+SOM'],
      [expect.stringMatching(/^W[12]$/), 'extra_instruments', 'FA'],
    ]);
  });

  it('prefers an extra reviewer that meets the group condition of the reviewer it complements', () => {
    // A3 is party to everything but already reviews twice, so the less loaded A2 (TIP only) is drawn
    // and A3, from the same group, is preferred as the extra over the idle E parties.
    const pool = [party('A1', AF), party('A2', AF, 'T'), party('A3', AF), party('E1', EE), party('E2', EE), party('E3', EE)];
    const existing: Assignment[] = [
      { underReview: 'E2', reviewers: [{ party: 'A3', instruments: ['UNTOC'], basis: 'other_group' }] },
      { underReview: 'E3', reviewers: [{ party: 'A3', instruments: ['UNTOC'], basis: 'other_group' }] },
    ];
    for (const seed of SEEDS) {
      const reviewers = reviewersOf(draw({ seed, underReview: ['A1'], pool, existing }), 'A1');
      expect(reviewers.slice(0, 2)).toEqual([
        { party: 'A2', instruments: ['UNTOC', 'TIP'], basis: 'same_group' },
        { party: 'A3', instruments: ['SOM', 'FA'], basis: 'extra_instruments' },
      ]);
    }
  });

  it('leans toward reviewers party to every instrument, so extras are rare', () => {
    const pool = referencePool();
    const all = pool.map((p) => p.iso3);
    let extras = 0;
    for (const seed of SEEDS.slice(0, 10)) {
      const result = draw({ seed, underReview: all.slice(0, 62), pool });
      extras += result.assignments.flatMap((a) => a.reviewers).filter((r) => r.basis === 'extra_instruments').length;
    }
    expect(extras).toBeLessThan(10 * 3);
  });

  it('only counts the instruments under review in the phase', () => {
    const pool = [party('A1', AF), party('A2', AF, 'T'), party('E1', EE, 'T')];
    const result = draw({ seed: 's', underReview: ['A1'], pool, rules: { instrumentsUnderReview: ['UNTOC', 'TIP'] } });
    expect(reviewersOf(result, 'A1')).toEqual([
      { party: 'A2', instruments: ['UNTOC', 'TIP'], basis: 'same_group' },
      { party: 'E1', instruments: ['UNTOC', 'TIP'], basis: 'other_group' },
    ]);
  });

  it('refuses a State party to none of the instruments under review', () => {
    const pool = [party('A1', AF, 'T'), party('A2', AF), party('E1', EE)];
    expect(() => drawLots({ seed: 's', underReview: ['A1'], pool, rules: { instrumentsUnderReview: ['FA'] } })).toThrow(/none of the instruments under review/);
  });
});

describe('drawLots: parties without a regional group', () => {
  const pool = [...SMALL, party('W1', WE), party('W2', WE), party('PSE', null, ''), party('EUU', null)];

  it("by default gives them two reviewers from two different groups, and never draws them as reviewers", () => {
    for (const seed of SEEDS) {
      const result = draw({ seed, underReview: ['PSE', 'EUU', 'A1', 'W1'], pool });
      for (const sur of ['PSE', 'EUU']) {
        const reviewers = reviewersOf(result, sur);
        expect(reviewers.map((r) => r.basis)).toEqual(['other_group', 'other_group']);
        const groups = reviewers.map((r) => groupOf(pool, r.party));
        expect(groups.every((g) => g !== null)).toBe(true);
        expect(new Set(groups).size).toBe(2);
      }
      const drawn = result.assignments.flatMap((a) => a.reviewers.map((r) => r.party));
      expect(drawn).not.toContain('PSE');
      expect(drawn).not.toContain('EUU');
      expect(reviewersOf(result, 'PSE')[0]!.instruments).toEqual(['UNTOC']);
    }
  });

  it('can treat them as members of a given group', () => {
    for (const seed of SEEDS) {
      const result = draw({ seed, underReview: ['EUU'], pool, rules: { ungrouped: { treatAs: WE } } });
      const [same, other] = reviewersOf(result, 'EUU');
      expect(same!.basis).toBe('same_group');
      expect(['W1', 'W2']).toContain(same!.party);
      expect(other!.basis).toBe('other_group');
      expect(groupOf(pool, other!.party)).not.toBe(WE);
    }
  });

  it('draws them as reviewers only when ungroupedMayReview is set', () => {
    // W1's only possible same-group reviewer is the EU, treated as Western European and others.
    const tiny = [party('W1', WE), party('EUU', null), party('A1', AF)];
    const rules = { ungrouped: { treatAs: WE }, ungroupedMayReview: true } as const;
    expect(reviewersOf(draw({ seed: 's', underReview: ['W1'], pool: tiny, rules }), 'W1')[0]).toMatchObject({ party: 'EUU', basis: 'same_group' });
    expect(() => drawLots({ seed: 's', underReview: ['W1'], pool: tiny, rules: { ungrouped: { treatAs: WE } } })).toThrow(DrawError);
  });

  it('throws when two groups cannot be found for them', () => {
    const oneGroup = [party('PSE', null, ''), party('A1', AF), party('A2', AF)];
    expect(() => drawLots({ seed: 's', underReview: ['PSE'], pool: oneGroup })).toThrow(/two different regional groups/);
  });
});

describe('drawLots: reciprocity and cap', () => {
  // E1 already reviews A1 in this phase (another group's draw).
  const existing: Assignment[] = [{ underReview: 'A1', reviewers: [{ party: 'E1', instruments: ['UNTOC'], basis: 'other_group' }] }];

  it('never lets two States review each other, counting existing assignments', () => {
    const pool = [party('A1', AF), party('A2', AF), party('E1', EE), party('E2', EE), party('E3', EE)];
    for (const seed of SEEDS) {
      const result = draw({ seed, underReview: ['E1'], pool, existing });
      expect(reviewersOf(result, 'E1').map((r) => r.party)).not.toContain('A1');
    }
  });

  it('throws when reciprocity leaves no candidate, and allows it when the rule is off', () => {
    const pool = [party('A1', AF), party('E1', EE), party('E2', EE)];
    expect(() => drawLots({ seed: 's', underReview: ['E1'], pool, existing })).toThrow(DrawError);
    const result = draw({ seed: 's', underReview: ['E1'], pool, existing, rules: { forbidReciprocal: false } });
    expect(reviewersOf(result, 'E1').map((r) => r.party)).toEqual(['E2', 'A1']);
  });

  it('avoids reciprocal pairs within one draw', () => {
    // A1 and A2 review each other unless the third member, A3, reviews one of them.
    const pool = [party('A1', AF), party('A2', AF), party('A3', AF), party('E1', EE), party('E2', EE), party('E3', EE)];
    for (const seed of SEEDS) draw({ seed, underReview: ['A1', 'A2', 'A3', 'E1', 'E2', 'E3'], pool });
  });

  it('keeps every reviewer within the cap, counting existing assignments', () => {
    const pool = [...SMALL, party('W1', WE), party('W2', WE), party('W3', WE)];
    const busy: Assignment[] = [{ underReview: 'W3', reviewers: [{ party: 'A2', instruments: ['UNTOC'], basis: 'other_group' }] }];
    for (const seed of SEEDS) {
      const result = draw({ seed, underReview: ['A1', 'A3', 'E1', 'W1'], pool, existing: busy, rules: { maxReviewsPerReviewer: 1 } });
      expect(Math.max(...Object.values(result.loads))).toBe(1);
      expect(result.assignments.flatMap((a) => a.reviewers.map((r) => r.party))).not.toContain('A2');
    }
  });

  it('says when the cap is too low for the number of reviews', () => {
    expect(() => drawLots({ seed: 's', underReview: SMALL.map((p) => p.iso3), pool: SMALL, rules: { maxReviewsPerReviewer: 1 } })).toThrow(
      /need at least 16 reviews, but the parties that may be drawn can perform only 8 more/,
    );
  });
});

describe('drawLots: impossible draws', () => {
  it('throws when a State is alone in its regional group', () => {
    const pool = [party('A1', AF), party('E1', EE), party('E2', EE)];
    expect(() => drawLots({ seed: 's', underReview: ['A1'], pool })).toThrow(DrawError);
    expect(() => drawLots({ seed: 's', underReview: ['A1'], pool })).toThrow(/A1 \(African\) cannot get a reviewer from its own regional group/);
  });

  it('proves impossibility by trying every combination', () => {
    // A1 and A2 must review each other.
    const pool = [party('A1', AF), party('A2', AF), party('E1', EE), party('E2', EE), party('E3', EE)];
    expect(() => drawLots({ seed: 's', underReview: ['A1', 'A2'], pool })).toThrow(/every combination was tried/);
    draw({ seed: 's', underReview: ['A1', 'A2'], pool, rules: { forbidReciprocal: false } });
  });

  it('throws when no party can review an instrument a main reviewer lacks', () => {
    const pool = [party('A1', AF), party('A2', AF, 'T'), party('E1', EE, 'T'), party('E2', EE, 'T')];
    expect(() => drawLots({ seed: 's', underReview: ['A1'], pool })).toThrow(DrawError);
  });

  it.each([
    [{ underReview: ['A1', 'A1'] }, /listed twice/],
    [{ underReview: ['ZZZ'] }, /not in the pool/],
    [{ pool: [...SMALL, party('A1', AF)] }, /appears twice in the pool/],
    [{ pool: [] }, /pool of parties is empty/],
    [{ existing: [{ underReview: 'A1', reviewers: [] }] }, /already has an assignment/],
  ])('rejects bad input %#', (patch, message) => {
    expect(() => drawLots({ seed: 's', underReview: ['A1'], pool: SMALL, ...patch })).toThrow(message);
  });

  it('returns an empty draw when nobody is under review', () => {
    expect(draw({ seed: 's', underReview: [], pool: SMALL }).assignments).toEqual([]);
  });
});

describe('drawLots: determinism', () => {
  const pool = referencePool();
  const underReview = pool.map((p) => p.iso3).filter((_, i) => i % 3 === 0);

  it('gives the same result for the same input', () => {
    const input: DrawInput = { seed: 'COP-10/group-1', underReview, pool };
    expect(drawLots(input)).toEqual(drawLots(structuredClone(input)));
  });

  it('gives different results for different seeds', () => {
    const a = drawLots({ seed: 'one', underReview, pool });
    const b = drawLots({ seed: 'two', underReview, pool });
    expect(a.assignments).not.toEqual(b.assignments);
  });

  it('does not depend on the order of the input lists', () => {
    const a = drawLots({ seed: 'order', underReview, pool });
    const b = drawLots({ seed: 'order', underReview: [...underReview].reverse(), pool: [...pool].reverse() });
    expect(b.assignments.map((x) => x.underReview)).toEqual([...underReview].reverse());
    expect(new Map(b.assignments.map((x) => [x.underReview, x.reviewers]))).toEqual(new Map(a.assignments.map((x) => [x.underReview, x.reviewers])));
  });
});

describe('redrawOne', () => {
  const pool = referencePool();
  const underReview = pool.map((p) => p.iso3).filter((_, i) => i % 3 === 1);
  const first = drawLots({ seed: 'phase-1', underReview, pool });

  function redraw(input: RedrawInput): DrawResult {
    const result = redrawOne(input);
    expect(validateDraw(input, result)).toEqual([]);
    return result;
  }

  it('replaces exactly the withdrawn reviewer and keeps the others', () => {
    for (const seed of SEEDS.slice(0, 10)) {
      for (const target of first.assignments.slice(0, 6)) {
        const [same, other] = target.reviewers.filter((r) => r.basis !== 'extra_instruments');
        const input: RedrawInput = { seed, pool, current: first.assignments, underReview: target.underReview, replace: same!.party, exclude: [same!.party] };
        const result = redraw(input);
        const after = reviewersOf(result, target.underReview);
        const newSame = after.find((r) => r.basis === 'same_group')!;
        expect(newSame.party).not.toBe(same!.party);
        expect(groupOf(pool, newSame.party)).toBe(groupOf(pool, target.underReview));
        expect(after).toContainEqual(other);
        expect(after.map((r) => r.party)).not.toContain(same!.party);
        expect(result.assignments.filter((a) => a.underReview !== target.underReview)).toEqual(
          first.assignments.filter((a) => a.underReview !== target.underReview),
        );
      }
    }
  });

  it('never redraws an excluded party', () => {
    const target = first.assignments[0]!;
    const sameGroup = pool.filter((p) => p.regionalGroup === groupOf(pool, target.underReview) && p.iso3 !== target.underReview).map((p) => p.iso3);
    // Exclude all but two of its group mates: the new same-group reviewer is one of those two.
    const allowed = sameGroup.filter((iso3) => !target.reviewers.some((r) => r.party === iso3)).slice(0, 2);
    const exclude = sameGroup.filter((iso3) => !allowed.includes(iso3));
    for (const seed of SEEDS) {
      const result = redraw({ seed, pool, current: first.assignments, underReview: target.underReview, exclude });
      const after = reviewersOf(result, target.underReview);
      for (const r of after) expect(exclude).not.toContain(r.party);
      expect(allowed).toContain(after[0]!.party);
    }
  });

  it('redraws all the reviewers without `replace`', () => {
    const target = first.assignments[3]!;
    const old = target.reviewers.map((r) => r.party);
    const result = redraw({ seed: 'again', pool, current: first.assignments, underReview: target.underReview, exclude: old });
    const after = reviewersOf(result, target.underReview);
    expect(after.filter((r) => r.basis !== 'extra_instruments').map((r) => r.basis)).toEqual(['same_group', 'other_group']);
    for (const r of after) expect(old).not.toContain(r.party);
  });

  it('is deterministic', () => {
    const target = first.assignments[5]!;
    const input: RedrawInput = { seed: 'r', pool, current: first.assignments, underReview: target.underReview, replace: target.reviewers[1]!.party, exclude: [] };
    expect(redrawOne(input)).toEqual(redrawOne(structuredClone(input)));
  });

  describe('with extra reviewers', () => {
    // A2 (TIP only) is A1's only group mate, so A1 always has an extra reviewer for SOM and FA.
    const small = [party('A1', AF), party('A2', AF, 'T'), party('A3', AF, 'T'), party('E1', EE), party('E2', EE), party('W1', WE), party('W2', WE)];
    const base = draw({ seed: 'x', underReview: ['A1'], pool: small });
    const [main, extra, other] = reviewersOf(base, 'A1');

    it('starts from a draw with an extra reviewer', () => {
      expect(main!.basis).toBe('same_group');
      expect(extra).toMatchObject({ basis: 'extra_instruments', instruments: ['SOM', 'FA'] });
    });

    it('keeps the extra reviewer when the other main reviewer is replaced', () => {
      const result = redraw({ seed: 'y', pool: small, current: base.assignments, underReview: 'A1', replace: other!.party, exclude: [other!.party] });
      const after = reviewersOf(result, 'A1');
      expect(after.slice(0, 2)).toEqual([main, extra]);
      expect(after[2]).toMatchObject({ basis: 'other_group' });
      expect(after[2]!.party).not.toBe(other!.party);
    });

    it('keeps the extra reviewer when the new main reviewer lacks the same instruments', () => {
      const result = redraw({ seed: 'y', pool: small, current: base.assignments, underReview: 'A1', replace: main!.party, exclude: [] });
      const after = reviewersOf(result, 'A1');
      expect(after[0]).toEqual({ party: main!.party === 'A2' ? 'A3' : 'A2', instruments: ['UNTOC', 'TIP'], basis: 'same_group' });
      expect(after.slice(1)).toEqual([extra, other]);
    });

    it('drops the extra reviewer when the new main reviewer is party to everything', () => {
      const withFull = [...small, party('A4', AF)];
      const result = redraw({ seed: 'y', pool: withFull, current: base.assignments, underReview: 'A1', replace: main!.party, exclude: ['A2', 'A3'] });
      expect(reviewersOf(result, 'A1')).toEqual([{ party: 'A4', instruments: ['UNTOC', 'TIP', 'SOM', 'FA'], basis: 'same_group' }, other]);
    });

    it('replaces a withdrawn extra reviewer with another for the same instruments', () => {
      const result = redraw({ seed: 'y', pool: small, current: base.assignments, underReview: 'A1', replace: extra!.party, exclude: [extra!.party] });
      const after = reviewersOf(result, 'A1');
      expect(after[0]).toEqual(main);
      expect(after[2]).toEqual(other);
      expect(after[1]).toMatchObject({ basis: 'extra_instruments', instruments: ['SOM', 'FA'] });
      expect([extra!.party, other!.party, 'A1']).not.toContain(after[1]!.party);
    });
  });

  it('only needs the redrawn State in the pool, and only checks its assignment in detail', () => {
    // Another review of the phase whose State has since left the pool, drawn under older rules.
    const stale: Assignment = { underReview: 'ZZZ', reviewers: [{ party: 'FRA', instruments: ['UNTOC'], basis: 'other_group' }] };
    const target = first.assignments[2]!;
    const input: RedrawInput = { seed: 's', pool, current: [...first.assignments, stale], underReview: target.underReview, exclude: [] };
    expect(validateDraw(input, redrawOne(input))).toEqual([]);
  });

  it('throws on a reviewer or a State that is not in the draw', () => {
    const target = first.assignments[0]!;
    expect(() => redrawOne({ seed: 's', pool, current: first.assignments, underReview: target.underReview, replace: 'ZZZ', exclude: [] })).toThrow(/not a reviewer/);
    expect(() => redrawOne({ seed: 's', pool, current: first.assignments, underReview: 'ZZZ', exclude: [] })).toThrow(/no assignment in the current draw/);
  });

  it('throws when every candidate is excluded', () => {
    const target = first.assignments[0]!;
    const group = groupOf(pool, target.underReview);
    const exclude = pool.filter((p) => p.regionalGroup === group).map((p) => p.iso3);
    const same = target.reviewers.find((r) => r.basis === 'same_group')!.party;
    expect(() => redrawOne({ seed: 's', pool, current: first.assignments, underReview: target.underReview, replace: same, exclude })).toThrow(/own regional group/);
  });
});

describe('validateDraw', () => {
  const pool = [...SMALL, party('W1', WE), party('W2', WE), party('T1', AF, 'T')];
  const input: DrawInput = { seed: 'v', underReview: ['A1', 'E1', 'W1'], pool, rules: { maxReviewsPerReviewer: 2 } };
  const good = drawLots(input);
  const tamper = (change: (result: DrawResult) => void) => {
    const copy = structuredClone(good);
    change(copy);
    return validateDraw(input, copy);
  };
  const assignmentOf = (result: DrawResult, sur: string) => result.assignments.find((a) => a.underReview === sur)!;

  it('accepts a valid draw', () => {
    expect(validateDraw(input, good)).toEqual([]);
  });

  it('finds a State reviewing itself', () => {
    expect(tamper((r) => (assignmentOf(r, 'A1').reviewers[0]!.party = 'A1')).join('\n')).toMatch(/A1 reviews itself/);
  });

  it('finds a same-group reviewer from another group', () => {
    expect(tamper((r) => (assignmentOf(r, 'A1').reviewers[0]!.party = 'W2')).join('\n')).toMatch(/not of A1's group/);
  });

  it('finds wrong instruments and a missing extra reviewer', () => {
    expect(tamper((r) => (assignmentOf(r, 'A1').reviewers[0]!.instruments = ['UNTOC'])).join('\n')).toMatch(/should review UNTOC\+TIP\+SOM\+FA/);
    const errors = tamper((r) => (assignmentOf(r, 'A1').reviewers[0] = { party: 'T1', instruments: ['UNTOC', 'TIP'], basis: 'same_group' }));
    expect(errors.join('\n')).toMatch(/T1 reviews A1 but is not party to SOM\+FA, and no extra reviewer/);
  });

  it('finds an extra reviewer nobody needs', () => {
    const errors = tamper((r) => assignmentOf(r, 'A1').reviewers.push({ party: 'W2', instruments: ['FA'], basis: 'extra_instruments' }));
    expect(errors.join('\n')).toMatch(/which no main reviewer lacks/);
  });

  it('finds reciprocal pairs, cap overruns and wrong loads', () => {
    const errors = validateDraw(
      { ...input, underReview: ['A1', 'A2'] },
      {
        ...good,
        assignments: [
          { underReview: 'A1', reviewers: [{ party: 'A2', instruments: ['UNTOC', 'TIP', 'SOM', 'FA'], basis: 'same_group' }, { party: 'E1', instruments: ['UNTOC', 'TIP', 'SOM', 'FA'], basis: 'other_group' }] },
          { underReview: 'A2', reviewers: [{ party: 'A1', instruments: ['UNTOC', 'TIP', 'SOM', 'FA'], basis: 'same_group' }, { party: 'E1', instruments: ['UNTOC', 'TIP', 'SOM', 'FA'], basis: 'other_group' }] },
        ],
      },
    );
    expect(errors.join('\n')).toMatch(/A2 and A1 review each other/);
    expect(errors.join('\n')).toMatch(/loads\[A1\]/);
    const capped = validateDraw({ ...input, underReview: ['A1', 'A2'], rules: { maxReviewsPerReviewer: 1 } }, { ...good, rules: resolveRules({ maxReviewsPerReviewer: 1 }), assignments: [] });
    expect(capped.join('\n')).toMatch(/A1 is under review but has no assignment/);
  });

  it('finds a missing assignment and a changed seed', () => {
    expect(tamper((r) => r.assignments.pop()).join('\n')).toMatch(/W1 is under review but has no assignment/);
    expect(tamper((r) => (r.seed = 'other')).join('\n')).toMatch(/seed/);
  });

  it('finds a redraw that changed another State or drew an excluded party', () => {
    const target = good.assignments[0]!;
    const redrawInput: RedrawInput = { seed: 'v', pool, rules: input.rules, current: good.assignments, underReview: target.underReview, exclude: ['A3', 'A4'] };
    const result = redrawOne(redrawInput);
    expect(validateDraw(redrawInput, result)).toEqual([]);
    const bad = structuredClone(result);
    bad.assignments[0]!.reviewers[0]!.party = bad.assignments[0]!.reviewers[0]!.party === 'A3' ? 'A4' : 'A3';
    expect(validateDraw(redrawInput, bad).join('\n')).toMatch(/was excluded but was drawn again/);
    const other = structuredClone(result);
    other.assignments[1]!.reviewers.reverse();
    expect(validateDraw(redrawInput, other).join('\n')).toMatch(/assignment changed/);
  });
});

describe('benchDraw', () => {
  it('times draws on the real parties', () => {
    const { medianMs, runs } = benchDraw({ runs: 3 });
    expect(runs).toBe(3);
    expect(medianMs).toBeGreaterThan(0);
    expect(medianMs).toBeLessThan(2_000);
  });
});
