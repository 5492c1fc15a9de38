/**
 * Moderators of the community: "Nascondi" a post with its reason (readers then see a
 * tombstone), or "Ripristina" a hidden one (with its reason too, for the log).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { announce } from '../../app/announcer';
import { ErrorAlert } from '../../components/ErrorAlert';
import { graphql } from '../../gql';
import { useMutation } from '../../graphql/hooks';
import { t } from '../../i18n';

const HidePostDocument = graphql(`
  mutation HidePost($id: ID!, $reason: String!) {
    hidePost(id: $id, reason: $reason) {
      id
      moderationStatus
    }
  }
`);

const RestorePostDocument = graphql(`
  mutation RestorePost($id: ID!, $reason: String!) {
    restorePost(id: $id, reason: $reason) {
      id
      moderationStatus
    }
  }
`);

export function HidePost({ postId, hidden, onChanged }: { postId: string; hidden: boolean; onChanged: () => void }) {
  const [hideState, hide] = useMutation(HidePostDocument);
  const [restoreState, restore] = useMutation(RestorePostDocument);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [refocus, setRefocus] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const id = `hide-${postId}`;
  useEffect(() => {
    if (open) document.getElementById(`${id}-reason`)?.focus();
    else if (refocus) opener.current?.focus();
  }, [open, refocus, id]);
  const error = hideState.error ?? restoreState.error;

  if (!open) {
    return (
      <button
        ref={opener}
        type="button"
        class={`btn btn-xs ${hidden ? 'btn-outline-secondary' : 'btn-outline-danger'}`}
        onClick={() => setOpen(true)}
      >
        {t(hidden ? 'moderation.restore' : 'moderation.hide')}
      </button>
    );
  }
  return (
    <form
      class="w-100 mt-2"
      aria-label={t(hidden ? 'moderation.restoreFormLabel' : 'moderation.hideFormLabel')}
      onSubmit={async (event) => {
        event.preventDefault();
        const result = await (hidden ? restore : hide)({ id: postId, reason: reason.trim() });
        if (result.data) {
          announce(t(hidden ? 'moderation.restored' : 'moderation.hidden'));
          setReason('');
          setOpen(false);
          onChanged();
        }
      }}
    >
      {error && <ErrorAlert error={error} />}
      <label for={`${id}-reason`} class="form-label">
        {t('moderation.reason')}
      </label>
      <input
        id={`${id}-reason`}
        class="form-control mb-2"
        type="text"
        required
        maxLength={500}
        value={reason}
        onInput={(e) => setReason(e.currentTarget.value)}
      />
      <button
        type="submit"
        class={`btn btn-xs me-2 ${hidden ? 'btn-primary' : 'btn-danger'}`}
        disabled={hideState.fetching || restoreState.fetching || reason.trim() === ''}
      >
        {t(hidden ? 'moderation.restoreSubmit' : 'moderation.hideSubmit')}
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
