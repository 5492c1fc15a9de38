/**
 * The profile's "Notifiche delle comunità": each community the member joined with how much
 * they hear about it, linking to the community where the level is changed. (The server
 * lists joined communities; it offers no list of followed threads.)
 */
import { Link } from '../../components/Link';
import { levelName } from '../../components/NotificationLevelPicker';
import { graphql } from '../../gql';
import { useQuery } from '../../graphql/hooks';
import { t } from '../../i18n';

const MyCommunityLevelsDocument = graphql(`
  query MyCommunityLevels {
    myCommunities {
      id
      slug
      name
      viewerNotificationLevel
    }
  }
`);

export function CommunityNotificationLevels() {
  const { data } = useQuery(MyCommunityLevelsDocument, {}, { requestPolicy: 'network-only' });
  const communities = data?.myCommunities ?? [];
  return (
    <section aria-labelledby="profile-levels-heading" class="mt-5">
      <h2 id="profile-levels-heading" class="h4">
        {t('profile.levels')}
      </h2>
      <p>{t('profile.levelsIntro')}</p>
      {data && communities.length === 0 && <p>{t('profile.levelsNone')}</p>}
      {communities.length > 0 && (
        <ul>
          {communities.map((community) => (
            <li key={community.id}>
              <Link href={`/c/${encodeURIComponent(community.slug)}`}>{community.name}</Link>
              {community.viewerNotificationLevel && <>: {levelName(community.viewerNotificationLevel)}</>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
