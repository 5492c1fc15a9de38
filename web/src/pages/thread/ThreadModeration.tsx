/**
 * The thread's moderation, for moderators of its community: lock or unlock, pin or unpin,
 * close as a duplicate of another thread or of an FAQ entry, reopen. One optional reason
 * goes to the moderation log with whichever action is taken. Moving to another community
 * (its own obligatory reason) is loaded once the panel opens, for those who moderate one.
 */
import { useState } from 'preact/hooks';
import { announce } from '../../app/announcer';
import { ErrorAlert } from '../../components/ErrorAlert';
import { graphql } from '../../gql';
import { useMutation } from '../../graphql/hooks';
import { t } from '../../i18n';
import { parseDuplicateTarget, type DuplicateKind } from './duplicateTarget';
import { MoveThreadForm } from './MoveThreadForm';

const LockThreadDocument = graphql(`
  mutation LockThread($id: ID!, $locked: Boolean!, $reason: String) {
    lockThread(id: $id, locked: $locked, reason: $reason) {
      id
      locked
    }
  }
`);

const PinThreadDocument = graphql(`
  mutation PinThread($id: ID!, $pinned: Boolean!, $reason: String) {
    pinThread(id: $id, pinned: $pinned, reason: $reason) {
      id
      pinned
    }
  }
`);

const CloseAsDuplicateDocument = graphql(`
  mutation CloseThreadAsDuplicate($id: ID!, $threadId: ID, $faqEntryId: ID, $reason: String) {
    closeThreadAsDuplicate(id: $id, duplicateOfThreadId: $threadId, duplicateOfFaqEntryId: $faqEntryId, reason: $reason) {
      id
      closedAsDuplicate
    }
  }
`);

const ReopenThreadDocument = graphql(`
  mutation ReopenThread($id: ID!, $reason: String) {
    reopenThread(id: $id, reason: $reason) {
      id
      closedAsDuplicate
    }
  }
`);

interface Props {
  thread: { id: string; communitySlug: string; locked: boolean; pinned: boolean; closedAsDuplicate: boolean };
  onChanged: () => void;
}

export function ThreadModeration({ thread, onChanged }: Props) {
  const [lockState, lock] = useMutation(LockThreadDocument);
  const [pinState, pin] = useMutation(PinThreadDocument);
  const [closeState, close] = useMutation(CloseAsDuplicateDocument);
  const [reopenState, reopen] = useMutation(ReopenThreadDocument);
  const [reason, setReason] = useState('');
  const [kind, setKind] = useState<DuplicateKind>('thread');
  const [target, setTarget] = useState('');
  const [targetInvalid, setTargetInvalid] = useState(false);
  const [open, setOpen] = useState(false);
  const fetching = lockState.fetching || pinState.fetching || closeState.fetching || reopenState.fetching;
  const error = lockState.error ?? pinState.error ?? closeState.error ?? reopenState.error;
  const why = () => reason.trim() || null;

  async function done(ok: boolean, message: Parameters<typeof t>[0]) {
    if (!ok) return;
    announce(t(message));
    setReason('');
    onChanged();
  }

  return (
    <details class="thread-moderation mb-3" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary class="btn btn-outline-secondary btn-sm">{t('threadMod.summary')}</summary>
      <div class="border rounded p-3 mt-2">
        {error && <ErrorAlert error={error} />}
        <div class="mb-3">
          <label for="thread-mod-reason" class="form-label">
            {t('threadMod.reason')}
          </label>
          <input
            id="thread-mod-reason"
            class="form-control"
            type="text"
            maxLength={500}
            value={reason}
            onInput={(e) => setReason(e.currentTarget.value)}
          />
        </div>
        <div class="d-flex flex-wrap gap-2 mb-3">
          <button
            type="button"
            class="btn btn-outline-primary btn-sm"
            disabled={fetching}
            onClick={async () => {
              const result = await lock({ id: thread.id, locked: !thread.locked, reason: why() });
              done(Boolean(result.data), thread.locked ? 'threadMod.unlocked' : 'threadMod.lockedNow');
            }}
          >
            {t(thread.locked ? 'threadMod.unlock' : 'threadMod.lock')}
          </button>
          <button
            type="button"
            class="btn btn-outline-primary btn-sm"
            disabled={fetching}
            onClick={async () => {
              const result = await pin({ id: thread.id, pinned: !thread.pinned, reason: why() });
              done(Boolean(result.data), thread.pinned ? 'threadMod.unpinned' : 'threadMod.pinnedNow');
            }}
          >
            {t(thread.pinned ? 'threadMod.unpin' : 'threadMod.pin')}
          </button>
          {thread.closedAsDuplicate && (
            <button
              type="button"
              class="btn btn-outline-primary btn-sm"
              disabled={fetching}
              onClick={async () => {
                const result = await reopen({ id: thread.id, reason: why() });
                done(Boolean(result.data), 'threadMod.reopened');
              }}
            >
              {t('threadMod.reopen')}
            </button>
          )}
        </div>
        {!thread.closedAsDuplicate && (
          <form
            aria-labelledby="thread-mod-duplicate"
            onSubmit={async (event) => {
              event.preventDefault();
              const parsed = parseDuplicateTarget(target, kind);
              setTargetInvalid(!parsed);
              if (!parsed) {
                document.getElementById('thread-mod-target')?.focus();
                return;
              }
              const result = await close({
                id: thread.id,
                threadId: parsed.kind === 'thread' ? parsed.id : null,
                faqEntryId: parsed.kind === 'faq' ? parsed.id : null,
                reason: why(),
              });
              if (result.data) setTarget('');
              done(Boolean(result.data), 'threadMod.closed');
            }}
          >
            <fieldset>
              <legend id="thread-mod-duplicate" class="h6">
                {t('threadMod.duplicate')}
              </legend>
              {(['thread', 'faq'] as const).map((value) => (
                <div class="form-check form-check-inline" key={value}>
                  <input
                    type="radio"
                    name="thread-mod-kind"
                    id={`thread-mod-kind-${value}`}
                    checked={kind === value}
                    onChange={() => setKind(value)}
                  />
                  <label for={`thread-mod-kind-${value}`}>{t(value === 'thread' ? 'threadMod.ofThread' : 'threadMod.ofFaq')}</label>
                </div>
              ))}
              <div class="mb-2">
                <label for="thread-mod-target" class="form-label">
                  {t('threadMod.target')}
                </label>
                <input
                  id="thread-mod-target"
                  class={`form-control${targetInvalid ? ' is-invalid' : ''}`}
                  type="text"
                  required
                  aria-invalid={targetInvalid || undefined}
                  aria-describedby="thread-mod-target-help"
                  value={target}
                  onInput={(e) => setTarget(e.currentTarget.value)}
                />
                <small id="thread-mod-target-help" class={targetInvalid ? 'invalid-feedback d-block' : 'form-text'}>
                  {t(targetInvalid ? 'threadMod.targetInvalid' : 'threadMod.targetHelp')}
                </small>
              </div>
              <button type="submit" class="btn btn-outline-danger btn-sm" disabled={fetching}>
                {t('threadMod.close')}
              </button>
            </fieldset>
          </form>
        )}
        {open && <MoveThreadForm threadId={thread.id} communitySlug={thread.communitySlug} onMoved={onChanged} />}
      </div>
    </details>
  );
}
