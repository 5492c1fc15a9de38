import { describe, expect, test } from 'vitest';
import { needsReason, reviewActions } from './labels';
import { isGlobalModerator, moderationScope } from './scope';

describe('reviewActions', () => {
  test('members and held posts are approved or rejected', () => {
    expect(reviewActions({ kind: 'MEMBER', postHidden: false })).toEqual(['APPROVE', 'REJECT']);
    expect(reviewActions({ kind: 'POST', postHidden: false })).toEqual(['APPROVE', 'REJECT']);
  });

  test('a report hides the post, or restores it once hidden; either way it can be dismissed', () => {
    expect(reviewActions({ kind: 'REPORT', postHidden: false })).toEqual(['HIDE', 'DISMISS']);
    expect(reviewActions({ kind: 'REPORT', postHidden: true })).toEqual(['RESTORE', 'DISMISS']);
  });

  test('rejecting and hiding need a reason', () => {
    expect(['APPROVE', 'REJECT', 'HIDE', 'RESTORE', 'DISMISS'].filter((a) => needsReason(a as never))).toEqual(['REJECT', 'HIDE']);
  });
});

describe('moderationScope', () => {
  const mine = [{ slug: 'personale' }, { slug: 'tributi' }];

  test('global moderators default to every community and may pick any', () => {
    expect(moderationScope('', true, [])).toEqual({ slug: null });
    expect(moderationScope('?comunita=urbanistica', true, [])).toEqual({ slug: 'urbanistica' });
  });

  test('a community moderator sees their own communities only', () => {
    expect(moderationScope('', false, mine)).toEqual({ slug: 'personale' });
    expect(moderationScope('?comunita=tributi', false, mine)).toEqual({ slug: 'tributi' });
    expect(moderationScope('?comunita=urbanistica', false, mine)).toEqual({ slug: 'personale' });
  });

  test('nothing to moderate', () => {
    expect(moderationScope('?comunita=tributi', false, [])).toBeNull();
  });

  test('who is a global moderator', () => {
    expect(isGlobalModerator({ role: 'ADMIN' })).toBe(true);
    expect(isGlobalModerator({ role: 'MODERATOR' })).toBe(true);
    expect(isGlobalModerator({ role: 'EXPERT' })).toBe(false);
    expect(isGlobalModerator(null)).toBe(false);
  });
});
