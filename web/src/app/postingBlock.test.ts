import { describe, expect, test } from 'vitest';
import { postingBlock } from './postingBlock';

const NOW = new Date('2026-03-01T10:00:00Z');

describe('postingBlock', () => {
  test('nobody signed in, or an approved verified member: nothing blocks', () => {
    expect(postingBlock(null, NOW)).toBeNull();
    expect(postingBlock({ emailVerified: true, approvalStatus: 'APPROVED' }, NOW)).toBeNull();
  });

  test('fields an older server does not send block nothing', () => {
    expect(postingBlock({}, NOW)).toBeNull();
  });

  test('an unverified address comes before approval', () => {
    expect(postingBlock({ emailVerified: false, approvalStatus: 'PENDING' }, NOW)).toEqual({ kind: 'unverified' });
  });

  test('verified but waiting, or rejected with the reason', () => {
    expect(postingBlock({ emailVerified: true, approvalStatus: 'PENDING' }, NOW)).toEqual({ kind: 'pending' });
    expect(postingBlock({ emailVerified: true, approvalStatus: 'REJECTED', approvalReason: 'Non è un comune' }, NOW)).toEqual({
      kind: 'rejected',
      reason: 'Non è un comune',
    });
  });

  test('a suspension in force wins; an expired one is ignored', () => {
    const member = { emailVerified: true, approvalStatus: 'APPROVED' as const, suspensionReason: 'Toni offensivi' };
    expect(postingBlock({ ...member, suspendedUntil: '2026-03-02T00:00:00Z' }, NOW)).toEqual({
      kind: 'suspended',
      until: '2026-03-02T00:00:00Z',
      reason: 'Toni offensivi',
    });
    expect(postingBlock({ ...member, suspendedUntil: '2026-02-28T00:00:00Z' }, NOW)).toBeNull();
  });
});
