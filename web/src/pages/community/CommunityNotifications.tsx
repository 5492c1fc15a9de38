/** The community page's "Notifiche" selector: how much the member hears about this community. */
import { NotificationLevelPicker } from '../../components/NotificationLevelPicker';
import { graphql } from '../../gql';
import type { NotificationLevel } from '../../gql/graphql';
import { useMutation } from '../../graphql/hooks';

const SetCommunityLevelDocument = graphql(`
  mutation SetCommunityNotificationLevel($slug: String!, $level: NotificationLevel!) {
    setCommunityNotificationLevel(slug: $slug, level: $level) {
      id
      viewerNotificationLevel
    }
  }
`);

export function CommunityNotifications({ slug, level }: { slug: string; level: NotificationLevel }) {
  const [, setLevel] = useMutation(SetCommunityLevelDocument);
  return (
    <NotificationLevelPicker
      id="community-notifications"
      subject="community"
      level={level}
      save={async (next) => {
        const result = await setLevel({ slug, level: next });
        return { level: result.data?.setCommunityNotificationLevel.viewerNotificationLevel, error: result.error };
      }}
    />
  );
}
