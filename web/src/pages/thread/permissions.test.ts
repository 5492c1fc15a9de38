import { describe, expect, test } from 'vitest';
import { canSuspend, moveTargets } from './permissions';

describe('canSuspend', () => {
  const member = { id: '1', role: 'MEMBER' as const };
  const expert = { id: '2', role: 'EXPERT' as const };
  const moderator = { id: '3', role: 'MODERATOR' as const };
  const admin = { id: '4', role: 'ADMIN' as const };
  const otherAdmin = { id: '5', role: 'ADMIN' as const };

  test('global moderators and admins suspend members, experts and moderators', () => {
    for (const viewer of [moderator, admin]) {
      expect(canSuspend(viewer, member)).toBe(true);
      expect(canSuspend(viewer, expert)).toBe(true);
    }
    expect(canSuspend(admin, moderator)).toBe(true);
    expect(canSuspend(moderator, { id: '6', role: 'MODERATOR' })).toBe(true);
  });

  test('only an admin suspends an admin', () => {
    expect(canSuspend(moderator, admin)).toBe(false);
    expect(canSuspend(admin, otherAdmin)).toBe(true);
  });

  test('members, experts, the signed-out and oneself: never', () => {
    expect(canSuspend(member, expert)).toBe(false);
    expect(canSuspend(expert, member)).toBe(false);
    expect(canSuspend(null, member)).toBe(false);
    expect(canSuspend(undefined, member)).toBe(false);
    expect(canSuspend(admin, admin)).toBe(false);
    expect(canSuspend(moderator, moderator)).toBe(false);
  });
});

describe('moveTargets', () => {
  const communities = [
    { slug: 'appalti', name: 'Appalti', viewerIsModerator: true },
    { slug: 'personale', name: 'Personale', viewerIsModerator: true },
    { slug: 'tributi', name: 'Tributi', viewerIsModerator: false },
  ];

  test('the other communities the viewer moderates, in the order given', () => {
    expect(moveTargets(communities, 'personale').map((c) => c.slug)).toEqual(['appalti']);
    expect(moveTargets(communities, 'tributi').map((c) => c.slug)).toEqual(['appalti', 'personale']);
  });

  test('nothing to offer to the moderator of one community only', () => {
    expect(moveTargets(communities.slice(1), 'personale')).toEqual([]);
    expect(moveTargets([], 'personale')).toEqual([]);
  });
});
