/** "Salva": a toggle button (aria-pressed) that keeps the thread among the member's "Salvati". */
import { useEffect, useState } from 'preact/hooks';
import { announce } from '../../app/announcer';
import { ErrorAlert } from '../../components/ErrorAlert';
import { graphql } from '../../gql';
import { useMutation } from '../../graphql/hooks';
import { t } from '../../i18n';

const BookmarkThreadDocument = graphql(`
  mutation BookmarkThread($threadId: ID!) {
    bookmark(threadId: $threadId) {
      id
      thread {
        id
        viewerHasBookmarked
      }
    }
  }
`);

const RemoveThreadBookmarkDocument = graphql(`
  mutation RemoveThreadBookmark($threadId: ID!) {
    removeBookmark(threadId: $threadId)
  }
`);

export function BookmarkButton({ threadId, saved: initial }: { threadId: string; saved: boolean }) {
  const [saved, setSaved] = useState(initial);
  useEffect(() => setSaved(initial), [initial]);
  const [addState, add] = useMutation(BookmarkThreadDocument);
  const [removeState, remove] = useMutation(RemoveThreadBookmarkDocument);
  const fetching = addState.fetching || removeState.fetching;
  const error = addState.error ?? removeState.error;

  async function toggle() {
    const result = saved ? await remove({ threadId }) : await add({ threadId });
    if (result.error) return;
    setSaved(!saved);
    announce(t(saved ? 'bookmark.removed' : 'bookmark.added'));
  }

  return (
    <>
      <button
        type="button"
        class={`btn btn-sm ${saved ? 'btn-primary' : 'btn-outline-primary'}`}
        aria-pressed={saved}
        disabled={fetching}
        onClick={toggle}
      >
        {t('bookmark.toggle')}
      </button>
      {error && <ErrorAlert error={error} />}
    </>
  );
}
