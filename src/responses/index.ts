// responses: the answers of a State under review. Each save appends an immutable revision
// (author, time, data, validity); a save based on an older revision is a conflict that
// carries both versions; submission appends a submitted revision and moves the review on.
// Imports db, auth, audit, questionnaire (types) and reviews (visibility, transition).
export * from './revisions.js';
export * from './validation.js';
