/**
 * Suspending a member, for global moderators and admins (see `canSuspend`), next to their
 * post or their item in the review queue. Collapsed, it shows whether they are suspended
 * now; open, it loads their standing if the page does not have it, then offers either the
 * suspension form (duration, reason, confirmation) or, for a suspended member, until when
 * and why, an optional reason for the lift (for the moderation log) and "Revoca la
 * sospensione". Each outcome is announced and focus stays on what replaced the control used.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { announce } from '../../app/announcer';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { graphql } from '../../gql';
import { useMutation, useQuery } from '../../graphql/hooks';
import { t } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { REASON_MAX, reasonProblem } from './reason';
import { SuspendForm } from './SuspendForm';
import { isSuspended } from './suspension';

const MemberStandingDocument = graphql(`
  query MemberStanding($id: ID!) {
    user(id: $id) {
      id
      suspendedUntil
      suspensionReason
    }
  }
`);

const SuspendUserDocument = graphql(`
  mutation SuspendUser($userId: ID!, $until: DateTime!, $reason: String!) {
    suspendUser(userId: $userId, until: $until, reason: $reason) {
      id
      suspendedUntil
      suspensionReason
    }
  }
`);

const LiftSuspensionDocument = graphql(`
  mutation LiftSuspension($userId: ID!, $reason: String) {
    liftSuspension(userId: $userId, reason: $reason) {
      id
      suspendedUntil
      suspensionReason
    }
  }
`);

export interface Standing {
  suspendedUntil?: string | null;
  suspensionReason?: string | null;
}

interface Props {
  /** Prefix of the element ids, unique on the page. */
  id: string;
  member: { id: string; displayName: string };
  /** The member's standing, when the page already has it. */
  standing?: Standing;
  onChanged?: () => void;
}

export function MemberSuspension({ id, member, standing, onChanged }: Props) {
  const [open, setOpen] = useState(false);
  // The answer of the last suspension or lift: newer than what the page or the query had.
  const [latest, setLatest] = useState<Standing | null>(null);
  const [focus, setFocus] = useState<'opener' | 'status' | 'panel' | null>(null);
  // Why the suspension is lifted: optional, but 3 to 500 characters when given.
  const [liftReason, setLiftReason] = useState('');
  const [liftReasonShort, setLiftReasonShort] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const status = useRef<HTMLParagraphElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const loaded = useQuery(
    MemberStandingDocument,
    { id: member.id },
    { pause: !open || standing !== undefined || latest !== null, requestPolicy: 'network-only' },
  );
  const [suspendState, suspend] = useMutation(SuspendUserDocument);
  const [liftState, lift] = useMutation(LiftSuspensionDocument);
  useEffect(() => {
    if (!focus) return;
    ({ opener, status, panel })[focus].current?.focus();
    setFocus(null);
  }, [focus]);

  const current = latest ?? standing ?? loaded.data?.user ?? undefined;
  const suspended = isSuspended(current?.suspendedUntil);
  const until = suspended && current?.suspendedUntil ? formatDateTime(current.suspendedUntil) : '';
  const panelId = `${id}-panel`;
  const error = suspendState.error ?? liftState.error ?? loaded.error;

  async function onSuspend(end: Date, reason: string): Promise<boolean> {
    const result = await suspend({ userId: member.id, until: end.toISOString(), reason });
    const user = result.data?.suspendUser;
    if (!user) return false;
    setLatest(user);
    announce(t('suspension.done', { name: member.displayName, until: formatDateTime(user.suspendedUntil ?? end.toISOString()) }));
    setFocus('status');
    onChanged?.();
    return true;
  }

  return (
    <>
      {suspended && (
        <span class="badge bg-danger" data-testid="suspended-marker">
          {t('suspension.badge', { until })}
        </span>
      )}
      <button
        ref={opener}
        type="button"
        class="btn btn-outline-danger btn-xs"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => {
          setOpen(!open);
          if (!open) setFocus('panel');
        }}
      >
        {t(suspended ? 'suspension.manage' : 'suspension.open')}
      </button>
      <div id={panelId} class="w-100">
        {open && (
          <div ref={panel} tabIndex={-1} class="border rounded p-3 mt-2" role="group" aria-labelledby={`${id}-title`}>
            <p id={`${id}-title`} class="fw-semibold mb-2">
              {t('suspension.title', { name: member.displayName })}
            </p>
            {error && <ErrorAlert error={error} />}
            {!current ? (
              loaded.fetching && <Loading />
            ) : suspended ? (
              <>
                <p ref={status} tabIndex={-1} class="mb-2" data-testid="suspension-status">
                  {t('suspension.active', { until })}
                  {current.suspensionReason && ` ${t('modlog.reason', { reason: current.suspensionReason })}`}
                </p>
                <div class="mb-3">
                  <label for={`${id}-lift-reason`} class="form-label">
                    {t('suspension.liftReason')}
                  </label>
                  <textarea
                    id={`${id}-lift-reason`}
                    class={`form-control${liftReasonShort ? ' is-invalid' : ''}`}
                    rows={2}
                    maxLength={REASON_MAX}
                    aria-invalid={liftReasonShort ? true : undefined}
                    aria-describedby={`${id}-lift-reason-help`}
                    value={liftReason}
                    onInput={(e) => setLiftReason(e.currentTarget.value)}
                  />
                  <small id={`${id}-lift-reason-help`} class={liftReasonShort ? 'invalid-feedback d-block' : 'form-text'}>
                    {t(liftReasonShort ? 'moderation.reasonShort' : 'suspension.liftReasonHelp')}
                  </small>
                </div>
                <button
                  type="button"
                  class="btn btn-outline-primary btn-xs"
                  disabled={liftState.fetching}
                  onClick={async () => {
                    const reason = liftReason.trim();
                    const short = reason !== '' && reasonProblem(reason) !== null;
                    setLiftReasonShort(short);
                    if (short) {
                      document.getElementById(`${id}-lift-reason`)?.focus();
                      return;
                    }
                    const result = await lift(reason ? { userId: member.id, reason } : { userId: member.id });
                    if (!result.data) return;
                    setLatest(result.data.liftSuspension);
                    setLiftReason('');
                    setOpen(false);
                    setFocus('opener');
                    announce(t('suspension.lifted', { name: member.displayName }));
                    onChanged?.();
                  }}
                >
                  {t('suspension.lift')}
                </button>
              </>
            ) : (
              <SuspendForm id={id} memberName={member.displayName} busy={suspendState.fetching} onSuspend={onSuspend} />
            )}
          </div>
        )}
      </div>
    </>
  );
}
