/** Write a reply (answer or comment) with a live preview. */
import { useState } from 'preact/hooks';
import { announce } from '../../app/announcer';
import { BodyEditor } from '../../components/BodyEditor';
import { ErrorAlert } from '../../components/ErrorAlert';
import { graphql } from '../../gql';
import { useMutation } from '../../graphql/hooks';
import { t } from '../../i18n';

const CreatePostDocument = graphql(`
  mutation CreatePost($input: CreatePostInput!) {
    createPost(input: $input) {
      id
    }
  }
`);

export function ReplyComposer({ threadId, isQuestion, onPosted }: { threadId: string; isQuestion: boolean; onPosted: () => void }) {
  const [{ fetching, error }, createPost] = useMutation(CreatePostDocument);
  const [body, setBody] = useState('');
  return (
    <section aria-labelledby="reply-heading" class="mt-4">
      <h2 id="reply-heading" class="h4">
        {t(isQuestion ? 'reply.headingAnswer' : 'reply.heading')}
      </h2>
      {error && <ErrorAlert error={error} />}
      <form
        onSubmit={async (event) => {
          event.preventDefault();
          const result = await createPost({ input: { threadId, body } });
          if (result.data) {
            setBody('');
            announce(t('reply.posted'));
            onPosted();
          }
        }}
      >
        <BodyEditor id="reply-body" label={t('reply.label')} value={body} onInput={setBody} />
        <button type="submit" class="btn btn-primary" disabled={fetching || body.trim() === ''}>
          {fetching ? t('common.wait') : t('reply.submit')}
        </button>
      </form>
    </section>
  );
}
