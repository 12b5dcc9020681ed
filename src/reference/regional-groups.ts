/** The five United Nations regional groups, used to draw one reviewer from a State's own group and one from another. */

export type RegionalGroup =
  | 'African'
  | 'Asia-Pacific'
  | 'Eastern European'
  | 'Latin American and Caribbean'
  | 'Western European and others';

export const REGIONAL_GROUPS: readonly RegionalGroup[] = [
  'African',
  'Asia-Pacific',
  'Eastern European',
  'Latin American and Caribbean',
  'Western European and others',
];

export function isRegionalGroup(value: string): value is RegionalGroup {
  return (REGIONAL_GROUPS as readonly string[]).includes(value);
}
