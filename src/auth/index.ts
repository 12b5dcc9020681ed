// auth: users, invitations, sessions, login throttling, roles → permissions and can().
// Imports db, audit and lib.
export * from './accounts.js';
export * from './actor.js';
export * from './permissions.js';
export * from './roles.js';
export * from './passwords.js';
export * from './throttle.js';
