/** Ask a question or open a discussion in a community. */
import { useState } from 'preact/hooks';
import { navigate } from '../../app/router';
import { useSession } from '../../app/session';
import { BodyEditor } from '../../components/BodyEditor';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Link } from '../../components/Link';
import { PageHeading } from '../../components/PageHeading';
import { PostingBlockedAlert, useMayPost } from '../../components/PostingBlockedAlert';
import { graphql } from '../../gql';
import type { ThreadKind } from '../../gql/graphql';
import { useMutation } from '../../graphql/hooks';
import { t } from '../../i18n';
import { SimilarQuestions } from './SimilarQuestions';
import { MAX_TAGS, parseTags } from './tags';

const CreateThreadDocument = graphql(`
  mutation CreateThread($input: CreateThreadInput!) {
    createThread(input: $input) {
      id
    }
  }
`);

export function AskQuestionPage({ slug }: { slug: string }) {
  const { viewer } = useSession();
  const mayPost = useMayPost();
  const [{ fetching, error }, createThread] = useMutation(CreateThreadDocument);
  const [kind, setKind] = useState<ThreadKind>('QUESTION');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [tags, setTags] = useState('');

  if (viewer === null) {
    return (
      <>
        <PageHeading title={t('ask.title')} />
        <p>
          {t('ask.signInFirst')} <Link href={`/accedi?next=${encodeURIComponent(`/c/${slug}/nuova`)}`}>{t('nav.signIn')}</Link>
        </p>
      </>
    );
  }

  if (!mayPost) {
    return (
      <>
        <PageHeading title={t('ask.title')} />
        <p>
          <Link href={`/c/${encodeURIComponent(slug)}`}>{t('ask.back')}</Link>
        </p>
        <PostingBlockedAlert />
      </>
    );
  }

  async function submit(event: Event) {
    event.preventDefault();
    const result = await createThread({
      input: { communitySlug: slug, kind, title: title.trim(), body, tags: parseTags(tags) },
    });
    if (result.data) navigate(`/t/${result.data.createThread.id}`);
  }

  return (
    <>
      <PageHeading title={t(kind === 'QUESTION' ? 'ask.title' : 'ask.titleDiscussion')} />
      <p>
        <Link href={`/c/${encodeURIComponent(slug)}`}>{t('ask.back')}</Link>
      </p>
      {error && <ErrorAlert error={error} />}
      <form onSubmit={submit}>
        <fieldset class="mb-3">
          <legend class="h6">{t('ask.kind')}</legend>
          {(['QUESTION', 'DISCUSSION'] as const).map((value) => (
            <div class="form-check form-check-inline" key={value}>
              <input type="radio" name="kind" id={`kind-${value}`} value={value} checked={kind === value} onChange={() => setKind(value)} />
              <label for={`kind-${value}`}>{t(value === 'QUESTION' ? 'ask.kind.question' : 'ask.kind.discussion')}</label>
            </div>
          ))}
        </fieldset>
        <div class="mb-3">
          <label for="ask-title" class="form-label">
            {t('ask.titleLabel')}
          </label>
          <input
            id="ask-title"
            class="form-control"
            type="text"
            required
            maxLength={200}
            aria-describedby="ask-title-help"
            value={title}
            onInput={(e) => setTitle(e.currentTarget.value)}
          />
          <small id="ask-title-help" class="form-text">
            {t('ask.titleHelp')}
          </small>
        </div>
        <SimilarQuestions slug={slug} title={title} />
        <BodyEditor id="ask-body" label={t('ask.bodyLabel')} value={body} onInput={setBody} rows={10} />
        <div class="mb-4">
          <label for="ask-tags" class="form-label">
            {t('ask.tagsLabel')}
          </label>
          <input
            id="ask-tags"
            class="form-control"
            type="text"
            aria-describedby="ask-tags-help"
            value={tags}
            onInput={(e) => setTags(e.currentTarget.value)}
          />
          <small id="ask-tags-help" class="form-text">
            {t('ask.tagsHelp', { count: MAX_TAGS })}
          </small>
        </div>
        <button type="submit" class="btn btn-primary" disabled={fetching}>
          {fetching ? t('common.wait') : t(kind === 'QUESTION' ? 'ask.submitQuestion' : 'ask.submitDiscussion')}
        </button>
      </form>
    </>
  );
}
