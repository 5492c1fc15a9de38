/**
 * Who may read a community's moderation log, as the server decides it: its members and its
 * moderators (global moderators and admins moderate every community). Others see no link.
 */
export function mayReadCommunityLog(community: { viewerIsMember: boolean; viewerIsModerator: boolean } | null | undefined): boolean {
  return Boolean(community && (community.viewerIsMember || community.viewerIsModerator));
}
