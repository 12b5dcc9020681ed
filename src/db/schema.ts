// The drizzle schema: tables only, no domain logic. Migrations in db/migrations are
// generated from this file by `npm run db:generate` and committed.
import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, primaryKey, uniqueIndex, index } from 'drizzle-orm/sqlite-core';

const createdAt = () => text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);

// ---- reference data -------------------------------------------------------

export const instruments = sqliteTable('instruments', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  shortName: text('short_name').notNull(),
  adoptedIn: integer('adopted_in').notNull(),
});

export const instrumentArticles = sqliteTable(
  'instrument_articles',
  {
    instrument: text('instrument').notNull().references(() => instruments.code),
    article: integer('article').notNull(),
    title: text('title').notNull(),
  },
  (t) => [primaryKey({ columns: [t.instrument, t.article] })],
);

export const clusters = sqliteTable('clusters', {
  id: text('id').primaryKey(),
  theme: text('theme').notNull(),
  sourced: integer('sourced', { mode: 'boolean' }).notNull(),
});

export const clusterArticles = sqliteTable(
  'cluster_articles',
  {
    cluster: text('cluster').notNull().references(() => clusters.id),
    instrument: text('instrument').notNull(),
    article: integer('article').notNull(),
  },
  (t) => [primaryKey({ columns: [t.instrument, t.article] })],
);

export const parties = sqliteTable('parties', {
  iso3: text('iso3').primaryKey(),
  iso2: text('iso2'),
  nameEn: text('name_en').notNull(),
  regionalGroup: text('regional_group'),
  unMember: integer('un_member', { mode: 'boolean' }).notNull(),
  kind: text('kind', { enum: ['state', 'reio'] }).notNull(),
});

export const partyNames = sqliteTable(
  'party_names',
  {
    party: text('party').notNull().references(() => parties.iso3),
    lang: text('lang').notNull(),
    name: text('name').notNull(),
  },
  (t) => [primaryKey({ columns: [t.party, t.lang] })],
);

/** Participation in an instrument over time: a row per change of status. */
export const partyInstruments = sqliteTable(
  'party_instruments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    party: text('party').notNull().references(() => parties.iso3),
    instrument: text('instrument').notNull().references(() => instruments.code),
    status: text('status', { enum: ['party', 'signatory', 'withdrawn'] }).notNull(),
    /** Date the status took effect; null where the seed data does not know it. */
    since: text('since'),
    recordedAt: createdAt(),
  },
  (t) => [index('party_instruments_party').on(t.party, t.instrument)],
);

export const phases = sqliteTable(
  'phases',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    cluster: text('cluster').notNull().references(() => clusters.id),
    sequence: integer('sequence').notNull(),
    groupNo: integer('group_no').notNull(),
    startsOn: text('starts_on').notNull(),
    endsOn: text('ends_on').notNull(),
  },
  (t) => [uniqueIndex('phases_sequence_group').on(t.sequence, t.groupNo)],
);

/** Which States were drawn into which review group (1–3). */
export const reviewGroups = sqliteTable('review_groups', {
  party: text('party').primaryKey().references(() => parties.iso3),
  groupNo: integer('group_no').notNull(),
});

// ---- questionnaires -------------------------------------------------------

export const questionnaireVersions = sqliteTable(
  'questionnaire_versions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    key: text('key').notNull(),
    version: integer('version').notNull(),
    cluster: text('cluster'),
    title: text('title').notNull(),
    hash: text('hash').notNull(),
    content: text('content', { mode: 'json' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('questionnaire_versions_key_version').on(t.key, t.version), uniqueIndex('questionnaire_versions_hash').on(t.hash)],
);

// ---- people ---------------------------------------------------------------

export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  email: text('email').notNull().unique(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash'),
  isSecretariat: integer('is_secretariat', { mode: 'boolean' }).notNull().default(false),
  status: text('status', { enum: ['invited', 'active', 'disabled'] }).notNull().default('invited'),
  preferredLang: text('preferred_lang').notNull().default('en'),
  createdAt: createdAt(),
});

export const invitations = sqliteTable('invitations', {
  tokenHash: text('token_hash').primaryKey(),
  userId: integer('user_id').notNull().references(() => users.id),
  purpose: text('purpose', { enum: ['invite', 'reset'] }).notNull(),
  expiresAt: text('expires_at').notNull(),
  usedAt: text('used_at'),
  createdAt: createdAt(),
});

/** A user acts for one State in a role. Which State is never taken from a request. */
export const memberships = sqliteTable(
  'memberships',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id').notNull().references(() => users.id),
    party: text('party').notNull().references(() => parties.iso3),
    role: text('role', { enum: ['focal_point', 'expert', 'observer'] }).notNull(),
    /** Focal points are appointed per review; null means every review of the State. */
    reviewId: integer('review_id').references(() => reviews.id),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [index('memberships_user').on(t.userId), index('memberships_party').on(t.party)],
);

export const sessions = sqliteTable('sessions', {
  idHash: text('id_hash').primaryKey(),
  userId: integer('user_id').notNull().references(() => users.id),
  csrfToken: text('csrf_token').notNull(),
  expiresAt: text('expires_at').notNull(),
  createdAt: createdAt(),
});

// ---- reviews --------------------------------------------------------------

export const reviews = sqliteTable(
  'reviews',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    party: text('party').notNull().references(() => parties.iso3),
    phaseId: integer('phase_id').notNull().references(() => phases.id),
    questionnaireVersionId: integer('questionnaire_version_id').notNull().references(() => questionnaireVersions.id),
    step: text('step').notNull(),
    launchedOn: text('launched_on').notNull(),
    publicationConsent: integer('publication_consent', { mode: 'boolean' }).notNull().default(false),
    redrawsUsed: integer('redraws_used').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('reviews_party_phase').on(t.party, t.phaseId)],
);

export const reviewDeadlines = sqliteTable(
  'review_deadlines',
  {
    reviewId: integer('review_id').notNull().references(() => reviews.id),
    step: text('step').notNull(),
    dueOn: text('due_on').notNull(),
    completedAt: text('completed_at'),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.step] })],
);

export const reviewTransitions = sqliteTable(
  'review_transitions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reviewId: integer('review_id').notNull().references(() => reviews.id),
    fromStep: text('from_step'),
    toStep: text('to_step').notNull(),
    actorUserId: integer('actor_user_id').references(() => users.id),
    reason: text('reason'),
    at: text('at').notNull(),
  },
  (t) => [index('review_transitions_review').on(t.reviewId)],
);

export const draws = sqliteTable('draws', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  phaseId: integer('phase_id').notNull().references(() => phases.id),
  groupNo: integer('group_no').notNull(),
  seed: text('seed').notNull(),
  inputs: text('inputs', { mode: 'json' }).notNull(),
  result: text('result', { mode: 'json' }).notNull(),
  /** Set for a re-draw of one review. */
  reviewId: integer('review_id').references(() => reviews.id),
  actorUserId: integer('actor_user_id').references(() => users.id),
  createdAt: createdAt(),
});

export const reviewerAssignments = sqliteTable(
  'reviewer_assignments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reviewId: integer('review_id').notNull().references(() => reviews.id),
    reviewerParty: text('reviewer_party').notNull().references(() => parties.iso3),
    instruments: text('instruments', { mode: 'json' }).$type<string[]>().notNull(),
    basis: text('basis', { enum: ['same_group', 'other_group', 'extra_instruments'] }).notNull(),
    drawId: integer('draw_id').references(() => draws.id),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [index('reviewer_assignments_review').on(t.reviewId), index('reviewer_assignments_party').on(t.reviewerParty)],
);

// ---- answers and comments -------------------------------------------------

/** Append-only: a save never updates a revision, it adds the next one. */
export const responseRevisions = sqliteTable(
  'response_revisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reviewId: integer('review_id').notNull().references(() => reviews.id),
    number: integer('number').notNull(),
    authorUserId: integer('author_user_id').notNull().references(() => users.id),
    data: text('data').notNull(),
    valid: integer('valid', { mode: 'boolean' }).notNull(),
    errorCount: integer('error_count').notNull(),
    submitted: integer('submitted', { mode: 'boolean' }).notNull().default(false),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('response_revisions_review_number').on(t.reviewId, t.number)],
);

export const comments = sqliteTable(
  'comments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reviewId: integer('review_id').notNull().references(() => reviews.id),
    kind: text('kind', { enum: ['feedback', 'clarification', 'observation'] }).notNull(),
    pointer: text('pointer'),
    authorUserId: integer('author_user_id').notNull().references(() => users.id),
    authorParty: text('author_party'),
    body: text('body').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('comments_review').on(t.reviewId)],
);

/** Append-only; written in the same transaction as the change it records. */
export const auditEvents = sqliteTable(
  'audit_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    actorUserId: integer('actor_user_id'),
    actorParty: text('actor_party'),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    reviewId: integer('review_id'),
    ip: text('ip'),
    details: text('details', { mode: 'json' }),
  },
  (t) => [index('audit_events_at').on(t.at), index('audit_events_action').on(t.action), index('audit_events_review').on(t.reviewId)],
);
