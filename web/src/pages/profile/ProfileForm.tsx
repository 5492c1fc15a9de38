/** Change your name, job and comune. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { announce } from '../../app/announcer';
import { useSession } from '../../app/session';
import { ComunePicker, type ComuneChoice } from '../../components/ComunePicker';
import { ErrorAlert } from '../../components/ErrorAlert';
import { graphql } from '../../gql';
import { useMutation } from '../../graphql/hooks';
import { t } from '../../i18n';

const UpdateProfileDocument = graphql(`
  mutation UpdateProfile($input: UpdateProfileInput!) {
    updateProfile(input: $input) {
      ...Viewer
    }
  }
`);

interface Props {
  displayName: string;
  jobTitle: string | null | undefined;
  comune: ComuneChoice | null | undefined;
  onDone: (saved: boolean) => void;
}

export function ProfileForm(props: Props) {
  const { setViewer } = useSession();
  const [{ fetching, error }, update] = useMutation(UpdateProfileDocument);
  const [displayName, setDisplayName] = useState(props.displayName);
  const [jobTitle, setJobTitle] = useState(props.jobTitle ?? '');
  const [comune, setComune] = useState<ComuneChoice | null>(props.comune ?? null);
  const firstField = useRef<HTMLInputElement>(null);
  // The form replaces the button that opened it: start at its first field.
  useEffect(() => firstField.current?.focus(), []);

  return (
    <form
      aria-labelledby="profile-form-heading"
      onSubmit={async (event) => {
        event.preventDefault();
        const result = await update({
          input: { displayName: displayName.trim(), jobTitle: jobTitle.trim() || null, comuneIstatCode: comune?.istatCode ?? null },
        });
        if (result.data) {
          setViewer(result.data.updateProfile);
          announce(t('profile.saved'));
          props.onDone(true);
        }
      }}
    >
      <h2 id="profile-form-heading" class="h4">
        {t('profile.edit')}
      </h2>
      {error && <ErrorAlert error={error} />}
      <div class="mb-3">
        <label for="profile-name" class="form-label">
          {t('account.displayName')}
        </label>
        <input
          ref={firstField}
          id="profile-name"
          class="form-control"
          required
          maxLength={80}
          autocomplete="name"
          value={displayName}
          onInput={(e) => setDisplayName(e.currentTarget.value)}
        />
      </div>
      <div class="mb-3">
        <label for="profile-job" class="form-label">
          {t('account.jobTitle')}
        </label>
        <input
          id="profile-job"
          class="form-control"
          maxLength={120}
          autocomplete="organization-title"
          value={jobTitle}
          onInput={(e) => setJobTitle(e.currentTarget.value)}
        />
      </div>
      <div class="mb-3">
        <label for="profile-comune" class="form-label">
          {t('account.comune')}
        </label>
        <ComunePicker id="profile-comune" value={comune} onChange={setComune} describedBy="profile-comune-help" />
        <small id="profile-comune-help" class="form-text">
          {t('account.comuneHelp')}
        </small>
      </div>
      <button type="submit" class="btn btn-primary me-2" disabled={fetching}>
        {t('profile.save')}
      </button>
      <button type="button" class="btn btn-outline-secondary" onClick={() => props.onDone(false)}>
        {t('common.cancel')}
      </button>
    </form>
  );
}
