import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PARTIES, REGIONAL_GROUPS, type InstrumentCode } from '../../src/reference/index.js';
import { drawLots, drawPartyOf, redrawOne, validateDraw, type Assignment, type DrawInput, type DrawRules, type RedrawInput } from '../../src/reviews/lots.js';

// The real parties: 190 in the five regional groups and 5 without one.
const POOL = PARTIES.map(drawPartyOf);
const ALL = POOL.map((p) => p.iso3);

const seedArb = fc.string();
/** About the size of a real group of reviews (62, 63 and 64 in the first cycle). */
const underReviewArb = fc.shuffledSubarray(ALL, { minLength: 50, maxLength: 75 });
const rulesArb: fc.Arbitrary<Partial<DrawRules>> = fc.record(
  {
    maxReviewsPerReviewer: fc.integer({ min: 2, max: 4 }),
    forbidReciprocal: fc.boolean(),
    ungrouped: fc.oneof(fc.constant('any_two_groups' as const), fc.constantFrom(...REGIONAL_GROUPS).map((treatAs) => ({ treatAs }))),
    ungroupedMayReview: fc.boolean(),
    // Every cluster covers the Convention; the Protocols vary.
    instrumentsUnderReview: fc.subarray<InstrumentCode>(['TIP', 'SOM', 'FA']).map((protocols): InstrumentCode[] => ['UNTOC', ...protocols]),
  },
  { requiredKeys: ['maxReviewsPerReviewer'] },
);

describe('drawLots on the real parties (property)', () => {
  it('meets every constraint, balances the load and is reproducible', () => {
    fc.assert(
      fc.property(seedArb, underReviewArb, rulesArb, (seed, underReview, rules) => {
        const input: DrawInput = { seed, underReview, pool: POOL, rules };
        const result = drawLots(input);
        expect(validateDraw(input, result)).toEqual([]);
        expect(drawLots(structuredClone(input))).toEqual(result);
        // With no earlier assignments, the least-loaded rule keeps everyone at two reviews or fewer.
        expect(Math.max(...Object.values(result.loads))).toBeLessThanOrEqual(2);
      }),
      { numRuns: 150 },
    );
  });

  it('does not depend on the order of the input lists', () => {
    fc.assert(
      fc.property(seedArb, underReviewArb, rulesArb, (seed, underReview, rules) => {
        const a = drawLots({ seed, underReview, pool: POOL, rules });
        const b = drawLots({ seed, underReview: [...underReview].reverse(), pool: [...POOL].reverse(), rules });
        const bySur = (assignments: Assignment[]) => new Map(assignments.map((x) => [x.underReview, x.reviewers]));
        expect(bySur(b.assignments)).toEqual(bySur(a.assignments));
      }),
      { numRuns: 30 },
    );
  });

  it('draws a whole phase, three groups in turn, each counting the earlier ones', () => {
    fc.assert(
      fc.property(
        seedArb,
        fc.shuffledSubarray(ALL, { minLength: ALL.length, maxLength: ALL.length }),
        rulesArb.map((rules) => ({ ...rules, maxReviewsPerReviewer: Math.max(3, rules.maxReviewsPerReviewer ?? 3) })),
        (seed, everyone, rules) => {
          const groups = [everyone.slice(0, 62), everyone.slice(62, 125), everyone.slice(125)];
          let existing: Assignment[] = [];
          groups.forEach((underReview, k) => {
            const input: DrawInput = { seed: `${seed}/group-${k + 1}`, underReview, pool: POOL, rules, existing };
            const result = drawLots(input);
            expect(validateDraw(input, result)).toEqual([]);
            existing = [...existing, ...result.assignments];
          });
          expect(existing.map((a) => a.underReview).sort()).toEqual([...ALL].sort());
        },
      ),
      { numRuns: 15 },
    );
  });
});

describe('redrawOne on the real parties (property)', () => {
  it('replaces only what it should, never draws an excluded party, and keeps the draw valid', () => {
    fc.assert(
      fc.property(seedArb, seedArb, underReviewArb, rulesArb, fc.nat(), fc.nat(), fc.boolean(), (seed, redrawSeed, underReview, rules, i, j, whole) => {
        const first = drawLots({ seed, underReview, pool: POOL, rules });
        const target = first.assignments[i % first.assignments.length]!;
        const withdrawn = target.reviewers[j % target.reviewers.length]!.party;
        const input: RedrawInput = whole
          ? { seed: redrawSeed, pool: POOL, rules, current: first.assignments, underReview: target.underReview, exclude: target.reviewers.map((r) => r.party) }
          : { seed: redrawSeed, pool: POOL, rules, current: first.assignments, underReview: target.underReview, replace: withdrawn, exclude: [withdrawn] };
        const result = redrawOne(input);
        expect(validateDraw(input, result)).toEqual([]);
        expect(redrawOne(structuredClone(input))).toEqual(result);
        const after = result.assignments.find((a) => a.underReview === target.underReview)!;
        const drawnNow = after.reviewers.filter((r) => whole || !target.reviewers.some((x) => x.party === r.party));
        for (const r of drawnNow) expect(input.exclude).not.toContain(r.party);
        if (!whole) {
          expect(after.reviewers.map((r) => r.party)).not.toContain(withdrawn);
          // Every other main reviewer is kept as it was.
          for (const r of target.reviewers) if (r.party !== withdrawn && r.basis !== 'extra_instruments') expect(after.reviewers).toContainEqual(r);
        }
      }),
      { numRuns: 80 },
    );
  });
});
