/** Which FAQ changes are news to the member: made after they last marked the FAQ as seen. */

/**
 * `unseenCount` is null when signed out (nothing is news then); `lastSeenAt` is null when
 * the member never marked the FAQ as seen (everything is news).
 */
export function isUnseenChange(createdAt: string, lastSeenAt: string | null | undefined, unseenCount: number | null | undefined): boolean {
  if (unseenCount == null || unseenCount === 0) return false;
  if (!lastSeenAt) return true;
  return Date.parse(createdAt) > Date.parse(lastSeenAt);
}
