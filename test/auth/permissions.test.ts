import { describe, expect, it } from 'vitest';
import { can, roleIn, type Actor, type ReviewTarget } from '../../src/auth/index.js';

const review: ReviewTarget = { id: 7, party: 'ATG', reviewers: ['BHS', 'AUT'] };
const actor = (memberships: Actor['memberships'], isSecretariat = false): Actor => ({ userId: 1, email: 'a@b.c', displayName: 'A', isSecretariat, memberships, lang: 'en' });
const target = { kind: 'review' as const, review };

describe('roleIn', () => {
  it('is null for a State with no part in the review', () => {
    expect(roleIn(actor([{ party: 'FRA', role: 'focal_point', reviewId: null }]), review)).toBeNull();
  });

  it('places a State on the side it is on', () => {
    expect(roleIn(actor([{ party: 'ATG', role: 'expert', reviewId: null }]), review)).toMatchObject({ side: 'under_review', role: 'expert' });
    expect(roleIn(actor([{ party: 'BHS', role: 'observer', reviewId: null }]), review)).toMatchObject({ side: 'reviewer', role: 'observer' });
  });

  it('ignores a focal-point appointment for another review', () => {
    expect(roleIn(actor([{ party: 'ATG', role: 'focal_point', reviewId: 99 }]), review)).toBeNull();
  });

  it('is nobody for an anonymous caller', () => {
    expect(roleIn(null, review)).toBeNull();
  });
});

describe('can', () => {
  it('lets the experts of the State under review edit answers, and only its focal point submit', () => {
    const expert = actor([{ party: 'ATG', role: 'expert', reviewId: null }]);
    const focal = actor([{ party: 'ATG', role: 'focal_point', reviewId: 7 }]);
    expect(can(expert, 'response.edit', target)).toBe(true);
    expect(can(expert, 'response.submit', target)).toBe(false);
    expect(can(focal, 'response.submit', target)).toBe(true);
  });

  it('keeps observers read-only', () => {
    const observer = actor([{ party: 'ATG', role: 'observer', reviewId: null }]);
    expect(can(observer, 'response.view', target)).toBe(true);
    expect(can(observer, 'response.edit', target)).toBe(false);
  });

  it('lets reviewers draft feedback but never edit the answers', () => {
    const reviewer = actor([{ party: 'BHS', role: 'expert', reviewId: null }]);
    expect(can(reviewer, 'feedback.draft', target)).toBe(true);
    expect(can(reviewer, 'response.edit', target)).toBe(false);
    expect(can(reviewer, 'feedback.clear', target)).toBe(false);
  });

  it('lets the secretariat facilitate but not decide content', () => {
    const sec = actor([], true);
    expect(can(sec, 'review.manage', target)).toBe(true);
    expect(can(sec, 'response.view', target)).toBe(true);
    expect(can(sec, 'response.edit', target)).toBe(false);
    expect(can(sec, 'feedback.draft', target)).toBe(false);
    expect(can(sec, 'lots.draw', { kind: 'system' })).toBe(true);
  });

  it('gives State users nothing at system level', () => {
    expect(can(actor([{ party: 'ATG', role: 'focal_point', reviewId: null }]), 'lots.draw', { kind: 'system' })).toBe(false);
  });
});
