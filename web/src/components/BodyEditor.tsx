/**
 * A Markdown text area with a live preview rendered by the server (the same renderer and
 * sanitiser that will store the post), refreshed when the writer pauses.
 */
import { useEffect, useState } from 'preact/hooks';
import { graphql } from '../gql';
import { useQuery } from '../graphql/hooks';
import { t } from '../i18n';

const PREVIEW_DELAY_MS = 400;

const PreviewDocument = graphql(`
  query MarkdownPreview($body: String!) {
    previewMarkdown(body: $body)
  }
`);

interface Props {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  rows?: number;
  required?: boolean;
}

export function BodyEditor({ id, label, value, onInput, rows = 6, required = true }: Props) {
  const [previewed, setPreviewed] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setPreviewed(value), PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [value]);
  const blank = previewed.trim() === '';
  const { data, error } = useQuery(PreviewDocument, { body: previewed }, { pause: blank, requestPolicy: 'cache-first' });

  return (
    <div class="row g-3 mb-3">
      <div class="col-lg-6">
        <label for={id} class="form-label">
          {label}
        </label>
        <textarea
          id={id}
          class="form-control"
          rows={rows}
          required={required}
          aria-describedby={`${id}-help`}
          value={value}
          onInput={(e) => onInput(e.currentTarget.value)}
        />
        <small id={`${id}-help`} class="form-text">
          {t('editor.markdownHelp')}
        </small>
      </div>
      {!error && (
        <div class="col-lg-6">
          <p class="form-label mb-2" id={`${id}-preview-label`}>
            {t('editor.preview')}
          </p>
          <div class="post-preview post-body" role="region" aria-labelledby={`${id}-preview-label`}>
            {blank ? (
              <p class="text-secondary mb-0">{t('editor.previewEmpty')}</p>
            ) : (
              // Server-rendered and sanitised HTML, like a stored post.
              <div dangerouslySetInnerHTML={{ __html: data?.previewMarkdown ?? '' }} />
            )}
          </div>
        </div>
      )}
    </div>
  );
}
