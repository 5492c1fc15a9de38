/**
 * "Sposta in un'altra comunità", in the thread's moderation panel: the server moves a
 * thread only for someone who moderates both communities, so the choice lists the other
 * communities the viewer moderates, and the form is not shown when there is none. The
 * reason is obligatory; both communities' logs record it.
 */
import { useState } from 'preact/hooks';
import { announce } from '../../app/announcer';
import { ErrorAlert } from '../../components/ErrorAlert';
import { graphql } from '../../gql';
import { useMutation, useQuery } from '../../graphql/hooks';
import { t } from '../../i18n';
import { ModeratedCommunitiesDocument } from '../moderation/moderatedCommunities';
import { REASON_MAX, reasonProblem, type ReasonProblem } from '../moderation/reason';
import { moveTargets } from './permissions';

const MoveThreadDocument = graphql(`
  mutation MoveThread($id: ID!, $communitySlug: String!, $reason: String!) {
    moveThread(id: $id, communitySlug: $communitySlug, reason: $reason) {
      id
      community {
        id
        slug
        name
      }
    }
  }
`);

interface Props {
  threadId: string;
  communitySlug: string;
  onMoved: () => void;
}

export function MoveThreadForm({ threadId, communitySlug, onMoved }: Props) {
  const communities = useQuery(ModeratedCommunitiesDocument, {});
  const [{ fetching, error }, move] = useMutation(MoveThreadDocument);
  const [wanted, setWanted] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<ReasonProblem | null>(null);

  if (communities.error) return <ErrorAlert error={communities.error} />;
  const targets = moveTargets(communities.data?.communities.nodes ?? [], communitySlug);
  if (targets.length === 0) return null;
  // After a move the thread's own community leaves the list and the old one joins it.
  const destination = targets.find((c) => c.slug === wanted) ?? targets[0]!;
  const reasonId = 'thread-mod-move-reason';

  return (
    <form
      class="mt-3"
      aria-labelledby="thread-mod-move"
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        const found = reasonProblem(reason);
        setProblem(found);
        if (found) {
          document.getElementById(reasonId)?.focus();
          return;
        }
        const result = await move({ id: threadId, communitySlug: destination.slug, reason: reason.trim() });
        if (result.data) {
          announce(t('threadMod.moved', { name: result.data.moveThread.community.name }));
          setReason('');
          onMoved();
        }
      }}
    >
      <fieldset>
        <legend id="thread-mod-move" class="h6">
          {t('threadMod.move')}
        </legend>
        {error && <ErrorAlert error={error} />}
        <div class="select-wrapper mb-3">
          <label for="thread-mod-destination">{t('threadMod.moveTo')}</label>
          <select
            id="thread-mod-destination"
            aria-describedby="thread-mod-destination-help"
            value={destination.slug}
            onChange={(e) => setWanted(e.currentTarget.value)}
          >
            {targets.map((community) => (
              <option key={community.slug} value={community.slug}>
                {community.name}
              </option>
            ))}
          </select>
          <small id="thread-mod-destination-help" class="form-text">
            {t('threadMod.moveToHelp')}
          </small>
        </div>
        <div class="mb-2">
          <label for={reasonId} class="form-label">
            {t('threadMod.moveReason')}
          </label>
          <input
            id={reasonId}
            class={`form-control${problem ? ' is-invalid' : ''}`}
            type="text"
            required
            maxLength={REASON_MAX}
            aria-invalid={problem ? true : undefined}
            aria-describedby={`${reasonId}-help`}
            value={reason}
            onInput={(e) => setReason(e.currentTarget.value)}
          />
          <small id={`${reasonId}-help`} class={problem ? 'invalid-feedback d-block' : 'form-text'}>
            {t(problem ? `moderation.${problem}` : 'threadMod.moveReasonHelp')}
          </small>
        </div>
        <button type="submit" class="btn btn-outline-primary btn-sm" disabled={fetching}>
          {t('threadMod.moveSubmit')}
        </button>
      </fieldset>
    </form>
  );
}
