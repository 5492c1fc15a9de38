/** The FAQ editor's fields as typed, and the GraphQL inputs made from them. */
import type { PublishFaqEntryInput, UpdateFaqEntryInput } from '../../gql/graphql';
import { parseTags } from '../ask/tags';

export const MAX_REFERENCES = 10;

export interface FaqFormValues {
  question: string;
  answer: string;
  /** Comma-separated, as typed. */
  tags: string;
  /** One normative reference per line, as typed. */
  references: string;
  /** yyyy-mm-dd or empty. */
  validFrom: string;
  validUntil: string;
  /** Why the entry changes (editing only). */
  changeNote: string;
}

export const EMPTY_FAQ_FORM: FaqFormValues = {
  question: '',
  answer: '',
  tags: '',
  references: '',
  validFrom: '',
  validUntil: '',
  changeNote: '',
};

/** One reference per line: trimmed, blank lines and repeats dropped, at most ten. */
export function parseReferences(text: string): string[] {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim().replace(/\s+/g, ' '))
    .filter((line) => line.length > 0);
  return [...new Set(lines)].slice(0, MAX_REFERENCES);
}

export function faqFormFromEntry(entry: {
  question: string;
  answer: string;
  tags: string[];
  references: string[];
  validFrom?: string | null;
  validUntil?: string | null;
}): FaqFormValues {
  return {
    question: entry.question,
    answer: entry.answer,
    tags: entry.tags.join(', '),
    references: entry.references.join('\n'),
    validFrom: entry.validFrom ?? '',
    validUntil: entry.validUntil ?? '',
    changeNote: '',
  };
}

export function publishFaqInput(communitySlug: string, values: FaqFormValues, draft: boolean): PublishFaqEntryInput {
  return {
    communitySlug,
    question: values.question.trim(),
    answer: values.answer,
    tags: parseTags(values.tags),
    references: parseReferences(values.references),
    validFrom: values.validFrom || null,
    validUntil: values.validUntil || null,
    draft,
  };
}

/** Every field is sent: an emptied date clears it (null), unlike an omitted one. */
export function updateFaqInput(values: FaqFormValues): UpdateFaqEntryInput {
  return {
    question: values.question.trim(),
    answer: values.answer,
    tags: parseTags(values.tags),
    references: parseReferences(values.references),
    validFrom: values.validFrom || null,
    validUntil: values.validUntil || null,
    changeNote: values.changeNote.trim(),
  };
}
