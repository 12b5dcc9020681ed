import { describe, expect, it } from 'vitest';
import { articleTitle, CLUSTERS, clusterOf, INSTRUMENT_CODES, INSTRUMENTS } from '../../src/reference/index.js';

describe('instruments', () => {
  it.each([
    ['UNTOC', 41],
    ['TIP', 20],
    ['SOM', 25],
    ['FA', 21],
  ] as const)('%s has %i articles numbered from 1', (code, count) => {
    const instrument = INSTRUMENTS.find((i) => i.code === code);
    expect(instrument?.articles.map((a) => a.number)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
  });

  it('lists every instrument code once', () => {
    expect(INSTRUMENTS.map((i) => i.code)).toEqual([...INSTRUMENT_CODES]);
  });

  it('gives every article a non-empty title', () => {
    const empty = INSTRUMENTS.flatMap((i) => i.articles.filter((a) => a.title.trim() === '').map((a) => `${i.code} ${a.number}`));
    expect(empty).toEqual([]);
  });

  it('knows the titles of the criminalization articles', () => {
    expect(articleTitle('UNTOC', 5)).toBe('Criminalization of participation in an organized criminal group');
    expect(articleTitle('UNTOC', 6)).toBe('Criminalization of the laundering of proceeds of crime');
    expect(articleTitle('UNTOC', 23)).toBe('Criminalization of obstruction of justice');
    expect(articleTitle('TIP', 5)).toBe('Criminalization');
    expect(articleTitle('SOM', 6)).toBe('Criminalization');
  });

  it('returns undefined for an article that does not exist', () => {
    expect(articleTitle('TIP', 21)).toBeUndefined();
  });
});

describe('clusters', () => {
  it('refers only to articles that exist', () => {
    const missing = CLUSTERS.flatMap((c) =>
      c.articles.filter((a) => articleTitle(a.instrument, a.article) === undefined).map((a) => `${c.id}: ${a.instrument} ${a.article}`),
    );
    expect(missing).toEqual([]);
  });

  it('puts no article in two clusters', () => {
    const keys = CLUSTERS.flatMap((c) => c.articles.map((a) => `${a.instrument} ${a.article}`));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('marks only cluster I as sourced', () => {
    expect(CLUSTERS.filter((c) => c.sourced).map((c) => c.id)).toEqual(['I']);
  });

  it('finds the cluster of an article', () => {
    expect(clusterOf('UNTOC', 5)).toBe('I');
    expect(clusterOf('TIP', 13)).toBe('II');
    expect(clusterOf('FA', 9)).toBe('II');
    expect(clusterOf('UNTOC', 20)).toBe('III');
    expect(clusterOf('FA', 12)).toBe('IV');
    expect(clusterOf('UNTOC', 41)).toBeUndefined();
  });
});
