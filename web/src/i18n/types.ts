/** A message is plain text with `{name}` placeholders, or plural forms chosen with Intl.PluralRules. */
export type Plural = { one: string; other: string; zero?: string };
export type Message = string | Plural;
