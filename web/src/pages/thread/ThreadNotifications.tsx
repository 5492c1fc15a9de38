/** The thread page's "Notifiche" selector: how much the member hears about this thread. */
import { NotificationLevelPicker } from '../../components/NotificationLevelPicker';
import { graphql } from '../../gql';
import type { NotificationLevel } from '../../gql/graphql';
import { useMutation } from '../../graphql/hooks';

const SetThreadLevelDocument = graphql(`
  mutation SetThreadNotificationLevel($threadId: ID!, $level: NotificationLevel!) {
    setThreadNotificationLevel(threadId: $threadId, level: $level) {
      id
      viewerNotificationLevel
    }
  }
`);

export function ThreadNotifications({ threadId, level }: { threadId: string; level: NotificationLevel }) {
  const [, setLevel] = useMutation(SetThreadLevelDocument);
  return (
    <NotificationLevelPicker
      id="thread-notifications"
      subject="thread"
      level={level}
      save={async (next) => {
        const result = await setLevel({ threadId, level: next });
        return { level: result.data?.setThreadNotificationLevel.viewerNotificationLevel, error: result.error };
      }}
    />
  );
}
