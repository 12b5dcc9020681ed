/**
 * reference: static reference data about the Convention and its parties.
 *
 * Owns the instruments (UNTOC and its three Protocols) and their article titles, the thematic
 * clusters of the review cycle, the UN regional groups, the project's own table of parties with
 * their Protocol participation, and the parties' names in the six UN languages.
 *
 * It is plain data with lookup helpers: it imports nothing of the domain (only the
 * `i18n-iso-countries` package), so any module may import it. Facts that the secretariat may need
 * to correct (participation, cluster assignment) are data here, not logic elsewhere.
 */
export * from './instruments.js';
export * from './clusters.js';
export * from './regional-groups.js';
export * from './parties.js';
export * from './country-names.js';
