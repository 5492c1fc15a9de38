/**
 * The suspension form: how long (a few fixed durations, or until a chosen day) and why
 * (obligatory; the member is shown it), then a confirmation that says exactly until when
 * and what it means, before anything is sent. Problems are shown beside their field and
 * take focus; the confirmation takes focus and hands it back on "Torna al modulo".
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t, type MessageKey } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { REASON_MAX, reasonProblem, type ReasonProblem } from './reason';
import { SUSPENSION_DAYS, dateBounds, suspensionUntil, type SuspensionProblem, type SuspensionDays } from './suspension';

type Duration = SuspensionDays | 'date';

interface Props {
  /** Prefix of the element ids, unique on the page. */
  id: string;
  memberName: string;
  busy: boolean;
  /** Sends the suspension; resolves to whether it succeeded. */
  onSuspend: (until: Date, reason: string) => Promise<boolean>;
}

export function SuspendForm({ id, memberName, busy, onSuspend }: Props) {
  const [duration, setDuration] = useState<Duration>(7);
  const [date, setDate] = useState('');
  const [reason, setReason] = useState('');
  const [dateProblem, setDateProblem] = useState<SuspensionProblem | null>(null);
  const [reasonError, setReasonError] = useState<ReasonProblem | null>(null);
  const [pending, setPending] = useState<{ until: Date; reason: string } | null>(null);
  const [focus, setFocus] = useState<'confirm' | 'submit' | null>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const submitButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!focus) return;
    (focus === 'confirm' ? confirmButton : submitButton).current?.focus();
    setFocus(null);
  }, [focus]);
  const bounds = dateBounds();

  if (pending) {
    return (
      <div role="group" aria-labelledby={`${id}-confirm-text`} class="suspension-confirm">
        <p id={`${id}-confirm-text`} class="mb-2">
          {t('suspension.confirm', { name: memberName, until: formatDateTime(pending.until.toISOString()) })}
        </p>
        <div class="d-flex flex-wrap gap-2">
          <button
            ref={confirmButton}
            type="button"
            class="btn btn-danger btn-xs"
            disabled={busy}
            onClick={async () => {
              const ok = await onSuspend(pending.until, pending.reason);
              if (!ok) {
                setPending(null);
                setFocus('submit');
              }
            }}
          >
            {t('suspension.confirmYes')}
          </button>
          <button
            type="button"
            class="btn btn-outline-secondary btn-xs"
            onClick={() => {
              setPending(null);
              setFocus('submit');
            }}
          >
            {t('suspension.back')}
          </button>
        </div>
      </div>
    );
  }

  return (
    <form
      noValidate
      aria-label={t('suspension.formLabel', { name: memberName })}
      onSubmit={(event) => {
        event.preventDefault();
        const end = suspensionUntil(duration === 'date' ? { kind: 'date', date } : { kind: 'days', days: duration });
        const nextDateProblem = 'problem' in end ? end.problem : null;
        const nextReasonError = reasonProblem(reason);
        setDateProblem(nextDateProblem);
        setReasonError(nextReasonError);
        if (nextDateProblem) document.getElementById(`${id}-date`)?.focus();
        else if (nextReasonError) document.getElementById(`${id}-reason`)?.focus();
        else if ('until' in end) {
          setPending({ until: end.until, reason: reason.trim() });
          setFocus('confirm');
        }
      }}
    >
      <fieldset class="mb-2">
        <legend class="h6">{t('suspension.duration')}</legend>
        {[...SUSPENSION_DAYS, 'date' as const].map((value) => (
          <div class="form-check form-check-inline" key={value}>
            <input
              type="radio"
              name={`${id}-duration`}
              id={`${id}-duration-${value}`}
              checked={duration === value}
              onChange={() => {
                setDuration(value);
                setDateProblem(null);
              }}
            />
            <label for={`${id}-duration-${value}`}>{t(`suspension.days.${value}` as MessageKey)}</label>
          </div>
        ))}
      </fieldset>
      {duration === 'date' && (
        <div class="mb-3">
          <label for={`${id}-date`} class="form-label">
            {t('suspension.date')}
          </label>
          <input
            id={`${id}-date`}
            type="date"
            class={`form-control${dateProblem ? ' is-invalid' : ''}`}
            required
            min={bounds.min}
            max={bounds.max}
            aria-invalid={dateProblem ? true : undefined}
            aria-describedby={`${id}-date-help`}
            value={date}
            onInput={(e) => setDate(e.currentTarget.value)}
          />
          <small id={`${id}-date-help`} class={dateProblem ? 'invalid-feedback d-block' : 'form-text'}>
            {t(dateProblem ? `suspension.${dateProblem}` : 'suspension.dateHelp')}
          </small>
        </div>
      )}
      <div class="mb-3">
        <label for={`${id}-reason`} class="form-label">
          {t('suspension.reason')}
        </label>
        <textarea
          id={`${id}-reason`}
          class={`form-control${reasonError ? ' is-invalid' : ''}`}
          rows={2}
          required
          maxLength={REASON_MAX}
          aria-invalid={reasonError ? true : undefined}
          aria-describedby={`${id}-reason-help`}
          value={reason}
          onInput={(e) => setReason(e.currentTarget.value)}
        />
        <small id={`${id}-reason-help`} class={reasonError ? 'invalid-feedback d-block' : 'form-text'}>
          {t(reasonError ? `moderation.${reasonError}` : 'suspension.reasonHelp')}
        </small>
      </div>
      <button ref={submitButton} type="submit" class="btn btn-outline-danger btn-xs">
        {t('suspension.continue')}
      </button>
    </form>
  );
}
