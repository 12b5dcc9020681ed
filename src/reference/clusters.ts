/**
 * The four thematic clusters of the review cycle and the articles each covers.
 *
 * The cluster number is not the order of review (the second phase reviewed cluster IV), so
 * nothing here says which phase reviews which cluster. Cluster I is sourced; clusters II-IV are
 * a reconstruction and are flagged `sourced: false` so callers can say so. The assignment is
 * data: correct it here, not in code that uses it.
 */
import type { InstrumentCode } from './instruments.js';

export type ClusterId = 'I' | 'II' | 'III' | 'IV';

export const CLUSTER_IDS: readonly ClusterId[] = ['I', 'II', 'III', 'IV'];

export interface ClusterArticle {
  readonly instrument: InstrumentCode;
  readonly article: number;
}

export interface Cluster {
  readonly id: ClusterId;
  readonly theme: string;
  readonly articles: readonly ClusterArticle[];
  /** false where the assignment of articles is a reconstruction, not taken from a source. */
  readonly sourced: boolean;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

function of(instrument: InstrumentCode, articles: readonly number[]): ClusterArticle[] {
  return articles.map((article) => ({ instrument, article }));
}

export const CLUSTERS: readonly Cluster[] = [
  {
    id: 'I',
    theme: 'Criminalization and jurisdiction',
    articles: [
      ...of('UNTOC', [2, 5, 6, 8, 9, 10, 15, 23]),
      ...of('TIP', [3, 5]),
      ...of('SOM', [3, 5, 6]),
      // The Firearms Protocol articles of this cluster are unverified.
      ...of('FA', [3, 5]),
    ],
    sourced: true,
  },
  {
    id: 'II',
    theme: 'Prevention, technical assistance, protection measures and other measures',
    articles: [
      ...of('UNTOC', [24, 25, 28, 29, 30, 31]),
      ...of('TIP', range(6, 13)),
      ...of('SOM', [...range(10, 16), 18]),
      ...of('FA', [...range(7, 11), 14, 15]),
    ],
    sourced: false,
  },
  {
    id: 'III',
    theme: 'Law enforcement and judicial system',
    articles: [...of('UNTOC', [7, 11, 19, 20, 22, 26, 27])],
    sourced: false,
  },
  {
    id: 'IV',
    theme: 'International cooperation, mutual legal assistance and confiscation',
    articles: [
      ...of('UNTOC', [12, 13, 14, 16, 17, 18, 21]),
      ...of('SOM', [7, 8, 9, 17]),
      ...of('FA', [6, 12, 13]),
    ],
    sourced: false,
  },
];

/** The cluster that reviews an article, or undefined for articles no cluster reviews (final clauses, for instance). */
export function clusterOf(instrument: InstrumentCode, article: number): ClusterId | undefined {
  return CLUSTERS.find((c) => c.articles.some((a) => a.instrument === instrument && a.article === article))?.id;
}

export function articlesOf(cluster: ClusterId, instrument?: InstrumentCode): readonly ClusterArticle[] {
  const found = CLUSTERS.find((c) => c.id === cluster);
  if (!found) return [];
  return instrument ? found.articles.filter((a) => a.instrument === instrument) : found.articles;
}
