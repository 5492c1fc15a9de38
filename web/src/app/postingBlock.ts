/**
 * Why the signed-in member may not write yet, if they may not: the server refuses posts
 * from unverified, pending, rejected and suspended members (FORBIDDEN); the app says so
 * where they would write instead of offering a form that fails.
 */
import type { ApprovalStatus } from '../gql/graphql';

export interface StandingLike {
  emailVerified?: boolean | null;
  approvalStatus?: ApprovalStatus | null;
  approvalReason?: string | null;
  suspendedUntil?: string | null;
  suspensionReason?: string | null;
}

export type PostingBlock =
  | { kind: 'suspended'; until: string; reason: string | null }
  | { kind: 'unverified' }
  | { kind: 'pending' }
  | { kind: 'rejected'; reason: string | null };

export function postingBlock(viewer: StandingLike | null | undefined, now: Date = new Date()): PostingBlock | null {
  if (!viewer) return null;
  if (viewer.suspendedUntil && new Date(viewer.suspendedUntil).getTime() > now.getTime()) {
    return { kind: 'suspended', until: viewer.suspendedUntil, reason: viewer.suspensionReason ?? null };
  }
  // Fields the server does not send (an older server) leave the member free to try.
  if (viewer.emailVerified === false) return { kind: 'unverified' };
  if (viewer.approvalStatus === 'PENDING') return { kind: 'pending' };
  if (viewer.approvalStatus === 'REJECTED') return { kind: 'rejected', reason: viewer.approvalReason ?? null };
  return null;
}
