/**
 * What the viewer may do with a post, where the server does not say (it does for editing:
 * `viewerCanEdit`). The server decides; this only avoids offering buttons that would fail.
 */
import type { Role } from '../../gql/graphql';

export interface ViewerLike {
  id: string;
  role: Role;
}

const STAFF: readonly Role[] = ['EXPERT', 'MODERATOR', 'ADMIN'];

export function isStaff(viewer: ViewerLike | null | undefined): boolean {
  return Boolean(viewer && STAFF.includes(viewer.role));
}

export function canVote(viewer: ViewerLike | null | undefined, authorId: string): boolean {
  return Boolean(viewer && viewer.id !== authorId);
}

export interface AcceptContext {
  threadKind: 'QUESTION' | 'DISCUSSION';
  threadAuthorId: string;
  isFirstPost: boolean;
  isAccepted: boolean;
}

export function canAccept(viewer: ViewerLike | null | undefined, context: AcceptContext): boolean {
  if (!viewer || context.threadKind !== 'QUESTION' || context.isFirstPost || context.isAccepted) return false;
  return viewer.id === context.threadAuthorId || isStaff(viewer);
}
