/**
 * "Rimuovi" for one row of an admin list, asked twice: the question replaces the button and
 * takes focus; "Annulla" hands focus back to the button. What happens after a removal (the
 * row goes, focus moves on) is the list's business.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../i18n';

interface Props {
  /** What is removed, as the row shows it. */
  name: string;
  /** The question, e.g. "Rimuovere example.it? …". */
  question: string;
  busy: boolean;
  onConfirm: () => void;
}

export function ConfirmRemoval({ name, question, busy, onConfirm }: Props) {
  const [asking, setAsking] = useState(false);
  const [focus, setFocus] = useState<'ask' | 'yes' | null>(null);
  const askButton = useRef<HTMLButtonElement>(null);
  const yesButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!focus) return;
    (focus === 'ask' ? askButton : yesButton).current?.focus();
    setFocus(null);
  }, [focus]);

  if (!asking) {
    return (
      <button
        ref={askButton}
        type="button"
        class="btn btn-outline-danger btn-xs"
        aria-label={t('admin.removeLabel', { name })}
        onClick={() => {
          setAsking(true);
          setFocus('yes');
        }}
      >
        {t('admin.remove')}
      </button>
    );
  }
  return (
    <span role="group" aria-label={t('admin.removeConfirmLabel', { name })} class="d-inline-flex flex-wrap gap-2 align-items-center">
      <span>{question}</span>
      <button ref={yesButton} type="button" class="btn btn-danger btn-xs" disabled={busy} onClick={onConfirm}>
        {t('admin.removeYes')}
      </button>
      <button
        type="button"
        class="btn btn-outline-secondary btn-xs"
        onClick={() => {
          setAsking(false);
          setFocus('ask');
        }}
      >
        {t('common.cancel')}
      </button>
    </span>
  );
}
