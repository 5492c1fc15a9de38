/**
 * Up/down votes on a post. Voting again with the same value withdraws the vote. Should the
 * server refuse the operation itself (a server without votes), the buttons go away quietly
 * and the score stays.
 */
import { useState } from 'preact/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Icon } from '../../components/Icon';
import { graphql } from '../../gql';
import { isUnsupported } from '../../graphql/errors';
import { useMutation } from '../../graphql/hooks';
import { t } from '../../i18n';

const VoteDocument = graphql(`
  mutation Vote($postId: ID!, $value: Int!) {
    vote(postId: $postId, value: $value) {
      id
      score
      viewerVote
    }
  }
`);

export function VoteButtons(props: { postId: string; score: number; viewerVote: number; canVote: boolean }) {
  const [{ fetching, error }, vote] = useMutation(VoteDocument);
  const [state, setState] = useState({ score: props.score, viewerVote: props.viewerVote });
  const [unsupported, setUnsupported] = useState(false);

  async function cast(value: 1 | -1) {
    const next = state.viewerVote === value ? 0 : value;
    const result = await vote({ postId: props.postId, value: next });
    if (result.data) setState({ score: result.data.vote.score, viewerVote: result.data.vote.viewerVote });
    else if (result.error && isUnsupported(result.error)) setUnsupported(true);
  }

  const showButtons = props.canVote && !unsupported;
  return (
    <div class="vote-buttons" role="group" aria-label={t('vote.label')}>
      {showButtons && (
        <button
          type="button"
          class={`btn btn-xs ${state.viewerVote === 1 ? 'btn-primary' : 'btn-outline-primary'}`}
          aria-pressed={state.viewerVote === 1}
          disabled={fetching}
          onClick={() => cast(1)}
        >
          <Icon name="it-arrow-up" class="icon-sm icon-current" />
          <span class="visually-hidden">{t('vote.up')}</span>
        </button>
      )}
      <span class="fw-semibold" aria-hidden="true">
        {state.score}
      </span>
      <span class="visually-hidden">{t('vote.score', { count: state.score })}</span>
      {showButtons && (
        <button
          type="button"
          class={`btn btn-xs ${state.viewerVote === -1 ? 'btn-primary' : 'btn-outline-primary'}`}
          aria-pressed={state.viewerVote === -1}
          disabled={fetching}
          onClick={() => cast(-1)}
        >
          <Icon name="it-arrow-down" class="icon-sm icon-current" />
          <span class="visually-hidden">{t('vote.down')}</span>
        </button>
      )}
      {error && !isUnsupported(error) && <ErrorAlert error={error} />}
    </div>
  );
}
