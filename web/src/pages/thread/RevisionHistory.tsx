/** A post's earlier versions, loaded when the reader opens them. */
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { graphql } from '../../gql';
import { useQuery } from '../../graphql/hooks';
import { formatDateTime } from '../../i18n/format';
import { t } from '../../i18n';

const PostRevisionsDocument = graphql(`
  query PostRevisions($id: ID!) {
    post(id: $id) {
      id
      revisions {
        version
        body
        editedAt
        editor {
          id
          displayName
        }
      }
    }
  }
`);

export function RevisionHistory({ postId, headingId }: { postId: string; headingId: string }) {
  const { data, error, fetching } = useQuery(PostRevisionsDocument, { id: postId }, { requestPolicy: 'network-only' });
  if (error) return <ErrorAlert error={error} />;
  if (fetching && !data) return <Loading />;
  const revisions = [...(data?.post?.revisions ?? [])].sort((a, b) => b.version - a.version);
  return (
    <section class="mt-3" aria-labelledby={headingId}>
      <h3 id={headingId} class="h6">
        {t('revisions.heading')}
      </h3>
      {revisions.length === 0 ? (
        <p>{t('revisions.none')}</p>
      ) : (
        <ol class="list-unstyled" reversed>
          {revisions.map((revision) => (
            <li key={revision.version} class="mb-3 border-start ps-3">
              <p class="small text-secondary mb-1">
                {t('revisions.entry', {
                  version: revision.version,
                  editor: revision.editor.displayName,
                  date: formatDateTime(revision.editedAt),
                })}
              </p>
              {/* The Markdown source as plain text: never interpreted as HTML. */}
              <div class="revision-body">{revision.body}</div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
