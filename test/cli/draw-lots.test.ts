import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PARTIES } from '../../src/reference/index.js';

const root = new URL('../../', import.meta.url).pathname;
const run = (args: string[]) =>
  execFileSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'src/cli.ts'), ...args], { encoding: 'utf8', env: { ...process.env, DATABASE_PATH: join(mkdtempSync(join(tmpdir(), 'cli-')), 'db.sqlite') } });

describe('draw-lots command', () => {
  it('prints a valid draw for every State of group 1 as JSON, the same for the same seed', () => {
    const out = JSON.parse(run(['draw-lots', '--phase', '1', '--group', '1', '--seed', 'cli-seed', '--json'])) as { underReview: string; reviewers: { party: string; instruments: string[] }[] }[];
    expect(out).toHaveLength(62);
    const group = new Map(PARTIES.map((p) => [p.iso3, p.regionalGroup]));
    for (const a of out) {
      expect(a.reviewers.length).toBeGreaterThanOrEqual(2);
      expect(a.reviewers.map((r) => r.party)).not.toContain(a.underReview);
      const [first, second] = a.reviewers;
      if (group.get(a.underReview)) {
        expect(group.get(first!.party)).toBe(group.get(a.underReview));
        expect(group.get(second!.party)).not.toBe(group.get(a.underReview));
      }
    }
    expect(JSON.parse(run(['draw-lots', '--phase', '1', '--group', '1', '--seed', 'cli-seed', '--json']))).toEqual(out);
  });

  it('explains its usage when arguments are missing', () => {
    expect(() => run(['draw-lots', '--phase', '1'])).toThrow();
  });
});
