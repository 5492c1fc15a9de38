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

export function canAccept(viewer: ViewerLike | null | undefined, context: AcceptContext, communityModerator = false): boolean {
  if (!viewer || context.threadKind !== 'QUESTION' || context.isFirstPost || context.isAccepted) return false;
  return viewer.id === context.threadAuthorId || isStaff(viewer) || communityModerator;
}

/**
 * "Segna come risposta ufficiale": experts, moderators (global or of this community) and
 * admins, on a reply that is not already the official one. The server has the last word
 * (FORBIDDEN is shown as an ordinary error).
 */
export function canMarkOfficial(
  viewer: ViewerLike | null | undefined,
  post: { isFirstPost: boolean; isDeleted: boolean; isOfficial: boolean },
  communityModerator = false,
): boolean {
  if (!viewer || post.isFirstPost || post.isDeleted || post.isOfficial) return false;
  return isStaff(viewer) || communityModerator;
}

/**
 * "Sospendi": global moderators and admins (not community moderators); never oneself; an
 * admin only by another admin. Mirrors the server's `sanctions` service.
 */
export function canSuspend(viewer: ViewerLike | null | undefined, member: { id: string; role: Role }): boolean {
  if (!viewer || viewer.id === member.id) return false;
  if (viewer.role === 'ADMIN') return true;
  return viewer.role === 'MODERATOR' && member.role !== 'ADMIN';
}

/**
 * Where a thread may move: the server wants the viewer to moderate both communities, so
 * the communities the viewer moderates other than the thread's own (in the order given).
 * Empty: the move is not offered.
 */
export function moveTargets<C extends { slug: string; viewerIsModerator: boolean }>(communities: readonly C[], currentSlug: string): C[] {
  return communities.filter((community) => community.viewerIsModerator && community.slug !== currentSlug);
}
