/** Join or leave a community. */
import { announce } from '../../app/announcer';
import { ErrorAlert } from '../../components/ErrorAlert';
import { graphql } from '../../gql';
import { useMutation } from '../../graphql/hooks';
import { t } from '../../i18n';

const JoinDocument = graphql(`
  mutation JoinCommunity($slug: String!) {
    joinCommunity(slug: $slug) {
      id
      viewerIsMember
      memberCount
    }
  }
`);

const LeaveDocument = graphql(`
  mutation LeaveCommunity($slug: String!) {
    leaveCommunity(slug: $slug) {
      id
      viewerIsMember
      memberCount
    }
  }
`);

export function JoinButton({ slug, name, isMember, onChange }: { slug: string; name: string; isMember: boolean; onChange: () => void }) {
  const [joinState, join] = useMutation(JoinDocument);
  const [leaveState, leave] = useMutation(LeaveDocument);
  const fetching = joinState.fetching || leaveState.fetching;
  const error = joinState.error ?? leaveState.error;

  async function toggle() {
    const result = isMember ? await leave({ slug }) : await join({ slug });
    if (!result.error) {
      announce(t(isMember ? 'community.left' : 'community.joined', { name }));
      onChange();
    }
  }

  return (
    <>
      <button type="button" class={`btn ${isMember ? 'btn-outline-primary' : 'btn-primary'}`} disabled={fetching} onClick={toggle}>
        {t(isMember ? 'community.leave' : 'community.join')}
      </button>
      {error && <ErrorAlert error={error} />}
    </>
  );
}
