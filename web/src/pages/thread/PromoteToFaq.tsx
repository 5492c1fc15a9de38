/**
 * "Proponi come FAQ" (for the community's FAQ editors): the question as the FAQ will ask
 * it, then a draft entry made from the post, which opens for review and publication.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { navigate } from '../../app/router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { graphql } from '../../gql';
import { useMutation } from '../../graphql/hooks';
import { t } from '../../i18n';

const PromotePostDocument = graphql(`
  mutation PromotePostToFaq($postId: ID!, $question: String!) {
    promotePostToFaq(postId: $postId, question: $question, publish: false) {
      id
    }
  }
`);

export function PromoteToFaq({ postId, question: suggested }: { postId: string; question: string }) {
  const [{ fetching, error }, promote] = useMutation(PromotePostDocument);
  const [open, setOpen] = useState(false);
  const [question, setQuestion] = useState(suggested);
  const [refocus, setRefocus] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const inputId = `promote-${postId}`;
  // The form replaces the button: focus goes to its field, and back to the button on cancel.
  useEffect(() => {
    if (open) document.getElementById(inputId)?.focus();
    else if (refocus) opener.current?.focus();
  }, [open, refocus, inputId]);

  if (!open) {
    return (
      <button ref={opener} type="button" class="btn btn-outline-primary btn-xs" onClick={() => setOpen(true)}>
        {t('promote.open')}
      </button>
    );
  }
  return (
    <form
      class="promote-form w-100 mt-2"
      aria-label={t('promote.formLabel')}
      onSubmit={async (event) => {
        event.preventDefault();
        const result = await promote({ postId, question: question.trim() });
        if (result.data) navigate(`/faq/${result.data.promotePostToFaq.id}`);
      }}
    >
      {error && <ErrorAlert error={error} />}
      <label for={inputId} class="form-label">
        {t('promote.question')}
      </label>
      <input
        id={inputId}
        class="form-control mb-1"
        type="text"
        required
        minLength={10}
        maxLength={300}
        aria-describedby={`${inputId}-help`}
        value={question}
        onInput={(e) => setQuestion(e.currentTarget.value)}
      />
      <small id={`${inputId}-help`} class="form-text d-block mb-2">
        {t('promote.help')}
      </small>
      <button type="submit" class="btn btn-primary btn-xs me-2" disabled={fetching}>
        {fetching ? t('common.wait') : t('promote.submit')}
      </button>
      <button
        type="button"
        class="btn btn-outline-secondary btn-xs"
        onClick={() => {
          setOpen(false);
          setRefocus(true);
        }}
      >
        {t('common.cancel')}
      </button>
    </form>
  );
}
