/** The signed-in user's profile: name, job, comune with its "piccolo comune" badge, role. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { useSession } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { PiccoloComuneBadge } from '../../components/PiccoloComuneBadge';
import { SignInRequired } from '../../components/SignInRequired';
import { graphql } from '../../gql';
import { useQuery } from '../../graphql/hooks';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { t } from '../../i18n';
import { CommunityNotificationLevels } from './CommunityNotificationLevels';
import { ProfileForm } from './ProfileForm';

const ProfileDocument = graphql(`
  query Profile {
    me {
      id
      displayName
      email
      jobTitle
      role
      createdAt
      comune {
        istatCode
        name
        province
        provinceCode
        region
        population
        isPiccolo
      }
    }
  }
`);

export function ProfilePage() {
  const { viewer } = useSession();
  const { data, error, fetching, refetch } = useQuery(ProfileDocument, {}, { pause: !viewer });
  const [editing, setEditing] = useState(false);
  const [returnFocus, setReturnFocus] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  // Closing the form puts focus back on the button that opened it.
  useEffect(() => {
    if (!editing && returnFocus) editButton.current?.focus();
  }, [editing, returnFocus]);
  if (viewer === null) return <SignInRequired title={t('profile.title')} next="/profilo" />;
  const me = data?.me;
  return (
    <>
      <PageHeading title={t('profile.title')} />
      {error && <ErrorAlert error={error} />}
      {(fetching || !viewer) && !data && <Loading />}
      {me && editing && (
        <ProfileForm
          displayName={me.displayName}
          jobTitle={me.jobTitle}
          comune={me.comune}
          onDone={(saved) => {
            setEditing(false);
            setReturnFocus(true);
            if (saved) refetch();
          }}
        />
      )}
      {me && !editing && (
        <>
          <dl class="row">
            <dt class="col-sm-3">{t('account.displayName')}</dt>
            <dd class="col-sm-9">{me.displayName}</dd>
            <dt class="col-sm-3">{t('account.jobTitle')}</dt>
            <dd class="col-sm-9">{me.jobTitle || t('profile.notGiven')}</dd>
            <dt class="col-sm-3">{t('account.comune')}</dt>
            <dd class="col-sm-9">
              {me.comune ? (
                <>
                  {me.comune.name} ({me.comune.province}, {me.comune.region}){me.comune.isPiccolo && <PiccoloComuneBadge />}
                  {me.comune.population != null && (
                    <div class="small text-secondary">{t('profile.population', { population: formatNumber(me.comune.population) })}</div>
                  )}
                </>
              ) : (
                t('profile.notGiven')
              )}
            </dd>
            {me.email && (
              <>
                <dt class="col-sm-3">{t('account.email')}</dt>
                <dd class="col-sm-9">{me.email}</dd>
              </>
            )}
            <dt class="col-sm-3">{t('profile.role')}</dt>
            <dd class="col-sm-9">{t(`role.${me.role}`)}</dd>
            <dt class="col-sm-3">{t('profile.since')}</dt>
            <dd class="col-sm-9">{formatDateTime(me.createdAt)}</dd>
          </dl>
          <button ref={editButton} type="button" class="btn btn-outline-primary" onClick={() => setEditing(true)}>
            {t('profile.edit')}
          </button>
          <CommunityNotificationLevels />
        </>
      )}
    </>
  );
}
