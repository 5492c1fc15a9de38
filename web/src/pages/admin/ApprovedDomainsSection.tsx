/**
 * Admin: the email domains whose members are approved as soon as they confirm their
 * address — for one comune's staff, or (no comune) for public bodies generally — with
 * "Approva un dominio" and "Rimuovi" (members already approved stay approved).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ComunePicker, type ComuneChoice } from '../../components/ComunePicker';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { graphql } from '../../gql';
import type { ApprovedEmailDomainsQuery } from '../../gql/graphql';
import { useMutation, useQuery } from '../../graphql/hooks';
import { t } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { ConfirmRemoval } from './ConfirmRemoval';
import { domainProblem, domainScope, normaliseDomain, type DomainProblem } from './emailDomain';

const ApprovedEmailDomainsDocument = graphql(`
  query ApprovedEmailDomains {
    approvedEmailDomains {
      id
      domain
      comuneIstatCode
      comune {
        istatCode
        name
        provinceCode
      }
      createdAt
    }
  }
`);

const ApproveEmailDomainDocument = graphql(`
  mutation ApproveEmailDomain($domain: String!, $comuneIstatCode: String) {
    approveEmailDomain(domain: $domain, comuneIstatCode: $comuneIstatCode) {
      id
      domain
      comuneIstatCode
    }
  }
`);

const RemoveApprovedEmailDomainDocument = graphql(`
  mutation RemoveApprovedEmailDomain($id: ID!) {
    removeApprovedEmailDomain(id: $id)
  }
`);

type Domain = ApprovedEmailDomainsQuery['approvedEmailDomains'][number];

function DomainRow({ domain, onRemoved }: { domain: Domain; onRemoved: (domain: string) => void }) {
  const [{ fetching, error }, remove] = useMutation(RemoveApprovedEmailDomainDocument);
  return (
    <tr>
      <th scope="row">{domain.domain}</th>
      <td>{domainScope(domain)}</td>
      <td>{formatDateTime(domain.createdAt)}</td>
      <td>
        {error && <ErrorAlert error={error} />}
        <ConfirmRemoval
          name={domain.domain}
          question={t('domains.removeConfirm', { domain: domain.domain })}
          busy={fetching}
          onConfirm={async () => {
            const result = await remove({ id: domain.id });
            if (result.data?.removeApprovedEmailDomain) onRemoved(domain.domain);
          }}
        />
      </td>
    </tr>
  );
}

export function ApprovedDomainsSection() {
  const list = useQuery(ApprovedEmailDomainsDocument, {}, { requestPolicy: 'network-only' });
  const [{ fetching, error }, approve] = useMutation(ApproveEmailDomainDocument);
  const [domain, setDomain] = useState('');
  const [comune, setComune] = useState<ComuneChoice | null>(null);
  const [problem, setProblem] = useState<DomainProblem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [focusHeading, setFocusHeading] = useState(false);
  // Bumped after each approval: the comune picker keeps its own text, so it starts anew.
  const [approvals, setApprovals] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!focusHeading) return;
    heading.current?.focus();
    setFocusHeading(false);
  }, [focusHeading]);
  const domains = list.data?.approvedEmailDomains ?? [];

  return (
    <section aria-labelledby="domains-heading" class="mt-5 mb-5">
      <h2 id="domains-heading" class="h4" tabIndex={-1} ref={heading}>
        {t('domains.title')}
      </h2>
      <p>{t('domains.intro')}</p>
      <div role="status" class={done ? 'alert alert-success' : undefined}>
        {done}
      </div>
      {list.error ? (
        <ErrorAlert error={list.error} />
      ) : list.fetching && !list.data ? (
        <Loading />
      ) : domains.length === 0 ? (
        <p>{t('domains.empty')}</p>
      ) : (
        <div class="table-responsive">
          <table class="table">
            <caption class="visually-hidden">{t('domains.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('domains.domain')}</th>
                <th scope="col">{t('domains.scope')}</th>
                <th scope="col">{t('domains.added')}</th>
                <th scope="col">
                  <span class="visually-hidden">{t('admin.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {domains.map((entry) => (
                <DomainRow
                  key={entry.id}
                  domain={entry}
                  onRemoved={(name) => {
                    setDone(t('domains.removed', { domain: name }));
                    setFocusHeading(true);
                    list.refetch();
                  }}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form
        noValidate
        aria-labelledby="domains-add-heading"
        onSubmit={async (event) => {
          event.preventDefault();
          setDone(null);
          const found = domainProblem(domain);
          setProblem(found);
          if (found) {
            document.getElementById('domain-name')?.focus();
            return;
          }
          const result = await approve({ domain: normaliseDomain(domain), comuneIstatCode: comune?.istatCode ?? null });
          if (result.data) {
            const approved = result.data.approveEmailDomain;
            setDone(t(comune ? 'domains.approvedFor' : 'domains.approved', { domain: approved.domain, comune: comune?.name ?? '' }));
            setDomain('');
            setComune(null);
            setApprovals((n) => n + 1);
            list.refetch();
          }
        }}
      >
        <h3 id="domains-add-heading" class="h5 mt-4">
          {t('domains.add')}
        </h3>
        {error && <ErrorAlert error={error} />}
        <div class="row g-3">
          <div class="col-md-6">
            <label for="domain-name" class="form-label">
              {t('domains.domainLabel')}
            </label>
            <input
              id="domain-name"
              class={`form-control${problem ? ' is-invalid' : ''}`}
              type="text"
              inputMode="url"
              autocomplete="off"
              spellcheck={false}
              required
              aria-invalid={problem ? true : undefined}
              aria-describedby="domain-name-help"
              value={domain}
              onInput={(e) => setDomain(e.currentTarget.value)}
            />
            <small id="domain-name-help" class={problem ? 'invalid-feedback d-block' : 'form-text'}>
              {t(problem ? `domains.${problem}` : 'domains.domainHelp')}
            </small>
          </div>
          <div class="col-md-6">
            <label for="domain-comune" class="form-label">
              {t('domains.comune')}
            </label>
            <ComunePicker key={approvals} id="domain-comune" value={comune} onChange={setComune} describedBy="domain-comune-help" />
            <small id="domain-comune-help" class="form-text">
              {t('domains.comuneHelp')}
            </small>
          </div>
        </div>
        <button type="submit" class="btn btn-primary mt-3" disabled={fetching}>
          {t('domains.submit')}
        </button>
      </form>
    </section>
  );
}
