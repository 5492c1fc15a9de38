import { expect, test } from 'vitest';
import { mayReadCommunityLog } from './logAccess';

test('a community’s moderation log is for its members and moderators', () => {
  expect(mayReadCommunityLog({ viewerIsMember: true, viewerIsModerator: false })).toBe(true);
  expect(mayReadCommunityLog({ viewerIsMember: false, viewerIsModerator: true })).toBe(true);
  expect(mayReadCommunityLog({ viewerIsMember: false, viewerIsModerator: false })).toBe(false);
  // Signed out, or not known yet: no link.
  expect(mayReadCommunityLog(undefined)).toBe(false);
  expect(mayReadCommunityLog(null)).toBe(false);
});
