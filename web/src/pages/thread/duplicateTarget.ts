/**
 * What a moderator typed as the original of a duplicate: a thread or FAQ address as copied
 * from the browser (`…/t/ID`, `…/faq/ID`), or a bare id with the kind they chose.
 */
export type DuplicateKind = 'thread' | 'faq';

export interface DuplicateTarget {
  kind: DuplicateKind;
  id: string;
}

export function parseDuplicateTarget(input: string, chosen: DuplicateKind): DuplicateTarget | null {
  const text = input.trim();
  if (!text) return null;
  const path = /(?:^|\/)(t|faq)\/([A-Za-z0-9_-]+)\/?(?:[?#].*)?$/.exec(text);
  if (path) return { kind: path[1] === 't' ? 'thread' : 'faq', id: path[2]! };
  const bare = /^#?([A-Za-z0-9_-]+)$/.exec(text);
  return bare ? { kind: chosen, id: bare[1]! } : null;
}
