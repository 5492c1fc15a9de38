/**
 * One FAQ entry: the official answer now, its validity and references, its history and a
 * diff between versions; for its editors, "Modifica", "Pubblica bozza" and "Ritira".
 */
import { ErrorAlert } from '../../components/ErrorAlert';
import { Link } from '../../components/Link';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { graphql } from '../../gql';
import { useQuery } from '../../graphql/hooks';
import { formatDate, formatDateTime } from '../../i18n/format';
import { t } from '../../i18n';
import { NotFoundPage } from '../NotFoundPage';
import { FaqEntryActions } from './FaqEntryActions';
import { FaqVersionDiff } from './FaqVersionDiff';

const FaqEntryDocument = graphql(`
  query FaqEntry($id: ID!) {
    faqEntry(id: $id) {
      id
      question
      answer
      answerHtml
      status
      viewerCanEdit
      version
      tags
      references
      inForce
      validFrom
      validUntil
      publishedAt
      updatedAt
      withdrawalReason
      community {
        slug
        name
      }
      sourcePost {
        id
        thread {
          id
          title
        }
      }
      revisions {
        version
        changeNote
        createdAt
        editor {
          id
          displayName
        }
      }
    }
  }
`);

export function FaqEntryPage({ id }: { id: string }) {
  const { data, error, fetching, refetch } = useQuery(FaqEntryDocument, { id });
  if (fetching && !data) return <Loading />;
  if (error && !data) return <ErrorAlert error={error} />;
  const entry = data?.faqEntry;
  if (!entry) return <NotFoundPage />;
  const revisions = [...entry.revisions].sort((a, b) => a.version - b.version);
  const faqHref = `/c/${encodeURIComponent(entry.community.slug)}/faq`;

  return (
    <>
      <nav aria-label={t('breadcrumb.label')} class="breadcrumb-container">
        <ol class="breadcrumb">
          <li class="breadcrumb-item">
            <Link href="/">{t('nav.home')}</Link>
            <span class="separator">/</span>
          </li>
          <li class="breadcrumb-item">
            <Link href={faqHref}>{t('community.faqTitle', { name: entry.community.name })}</Link>
            <span class="separator">/</span>
          </li>
          <li class="breadcrumb-item active" aria-current="page">
            {entry.question}
          </li>
        </ol>
      </nav>
      <PageHeading title={entry.question} />
      <div class="d-flex flex-wrap gap-2 mb-3">
        <span class="badge bg-primary">{t('faq.official')}</span>
        {entry.status === 'WITHDRAWN' && <span class="badge bg-danger">{t('faq.withdrawn')}</span>}
        {entry.status === 'DRAFT' && <span class="badge bg-secondary">{t('faq.draft')}</span>}
        {entry.status === 'PUBLISHED' && !entry.inForce && <span class="badge bg-warning text-dark">{t('faq.notInForce')}</span>}
        {entry.tags.map((tag) => (
          <span key={tag} class="chip chip-simple chip-sm mb-0">
            <span class="chip-label">{tag}</span>
          </span>
        ))}
      </div>
      {entry.viewerCanEdit && <FaqEntryActions entry={entry} onChanged={refetch} />}
      {entry.withdrawalReason && (
        <div class="alert alert-warning" role="note">
          {t('faq.withdrawnBecause', { reason: entry.withdrawalReason })}
        </div>
      )}
      {/* answerHtml is rendered and sanitised by the server. */}
      <div class="post-body mb-3" dangerouslySetInnerHTML={{ __html: entry.answerHtml }} />
      <dl class="row small">
        <dt class="col-sm-3">{t('faq.currentVersion')}</dt>
        <dd class="col-sm-9">{t('faq.version', { version: entry.version })}</dd>
        <dt class="col-sm-3">{t('faq.updatedOn')}</dt>
        <dd class="col-sm-9">{formatDateTime(entry.updatedAt)}</dd>
        {(entry.validFrom || entry.validUntil) && (
          <>
            <dt class="col-sm-3">{t('faq.validity')}</dt>
            <dd class="col-sm-9">
              {t('faq.validityRange', {
                from: entry.validFrom ? formatDate(entry.validFrom) : '…',
                until: entry.validUntil ? formatDate(entry.validUntil) : '…',
              })}
            </dd>
          </>
        )}
        {entry.sourcePost && (
          <>
            <dt class="col-sm-3">{t('faq.source')}</dt>
            <dd class="col-sm-9">
              <Link href={`/t/${entry.sourcePost.thread.id}#post-${entry.sourcePost.id}`}>{entry.sourcePost.thread.title}</Link>
            </dd>
          </>
        )}
      </dl>
      {entry.references.length > 0 && (
        <section aria-labelledby="faq-references-heading" class="mb-4">
          <h2 id="faq-references-heading" class="h4">
            {t('faq.references')}
          </h2>
          <ul>
            {entry.references.map((reference) => (
              <li key={reference}>{reference}</li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="faq-history-heading" class="mb-4">
        <h2 id="faq-history-heading" class="h4">
          {t('faq.history')}
        </h2>
        <ol class="list-unstyled">
          {[...revisions].reverse().map((revision) => (
            <li key={revision.version} class="mb-2 border-start ps-3">
              <span class="fw-semibold">{t('faq.versionOption', { version: revision.version })}</span>
              {' · '}
              {formatDateTime(revision.createdAt)} · {revision.editor.displayName}
              {revision.changeNote && <div>{revision.changeNote}</div>}
            </li>
          ))}
        </ol>
      </section>
      {revisions.length > 1 && <FaqVersionDiff entryId={entry.id} versions={revisions.map((r) => r.version)} />}
    </>
  );
}
