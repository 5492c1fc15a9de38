/** Tags typed as "appalti, Personale ,  appalti" become ["appalti", "personale"]. */
export const MAX_TAGS = 5;

export function parseTags(text: string): string[] {
  const tags = text
    .split(/[,;]/)
    .map((tag) => tag.trim().toLowerCase().replace(/\s+/g, '-'))
    .filter((tag) => tag.length > 0);
  return [...new Set(tags)].slice(0, MAX_TAGS);
}
