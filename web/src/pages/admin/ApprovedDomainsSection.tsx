/**
 * Admin: the email domains whose members are approved as soon as they confirm their
 * address — for one comune's staff, or (no comune) for public bodies generally — with
 * "Approva un dominio" and "Rimuovi" (members already approved stay approved).
 */
import { useState } from 'preact/hooks';
import { ComunePicker, type ComuneChoice } from '../../components/ComunePicker';
import { ErrorAlert } from '../../components/ErrorAlert';
import { graphql } from '../../gql';
import type { ApprovedEmailDomainsQuery } from '../../gql/graphql';
import { useMutation, useQuery } from '../../graphql/hooks';
import { t } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { ConfirmRemoval } from './ConfirmRemoval';
import { ManagedList } from './ManagedList';
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
  // Bumped after each approval: the comune picker keeps its own text, so it starts anew.
  const [approvals, setApprovals] = useState(0);

  return (
    <ManagedList
      id="domains"
      class="mt-5 mb-5"
      title={t('domains.title')}
      intro={t('domains.intro')}
      status={done}
      query={list}
      items={(data) => data.approvedEmailDomains}
      empty={t('domains.empty')}
      columns={[t('domains.domain'), t('domains.scope'), t('domains.added')]}
      row={(entry, onRemoved) => <DomainRow domain={entry} onRemoved={onRemoved} />}
      onRemoved={(name) => setDone(t('domains.removed', { domain: name }))}
    >
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
    </ManagedList>
  );
}
