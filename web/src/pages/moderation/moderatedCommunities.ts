/**
 * The communities with the viewer's moderator flag: the review queue's scope picker and the
 * thread's "Sposta" both offer the ones the viewer moderates.
 */
import { graphql } from '../../gql';

export const ModeratedCommunitiesDocument = graphql(`
  query ModeratedCommunities {
    communities(first: 100) {
      nodes {
        id
        slug
        name
        viewerIsModerator
      }
    }
  }
`);
