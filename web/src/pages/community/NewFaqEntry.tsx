/** "Nuova FAQ" on a community's FAQ tab, for its FAQ editors: opens the editor, then the new entry. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { announce } from '../../app/announcer';
import { navigate } from '../../app/router';
import { Icon } from '../../components/Icon';
import { graphql } from '../../gql';
import { useMutation } from '../../graphql/hooks';
import { t } from '../../i18n';
import { FaqEntryForm } from '../faq/FaqEntryForm';
import { EMPTY_FAQ_FORM, publishFaqInput } from '../faq/faqForm';

const PublishFaqEntryDocument = graphql(`
  mutation PublishFaqEntry($input: PublishFaqEntryInput!) {
    publishFaqEntry(input: $input) {
      id
      status
    }
  }
`);

export function NewFaqEntry({ slug }: { slug: string }) {
  const [{ fetching, error }, publish] = useMutation(PublishFaqEntryDocument);
  const [open, setOpen] = useState(false);
  const [refocus, setRefocus] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open && refocus) opener.current?.focus();
  }, [open, refocus]);

  if (!open) {
    return (
      <button ref={opener} type="button" class="btn btn-primary mb-3" onClick={() => setOpen(true)}>
        <Icon name="it-plus" class="icon-sm icon-white me-1" />
        {t('faqEdit.new')}
      </button>
    );
  }
  return (
    <FaqEntryForm
      mode="new"
      initial={EMPTY_FAQ_FORM}
      fetching={fetching}
      error={error}
      onCancel={() => {
        setOpen(false);
        setRefocus(true);
      }}
      onSubmit={async (values, action) => {
        const result = await publish({ input: publishFaqInput(slug, values, action === 'draft') });
        if (!result.data) return;
        announce(t(result.data.publishFaqEntry.status === 'DRAFT' ? 'faqEdit.draftSaved' : 'faqEdit.published'));
        navigate(`/faq/${result.data.publishFaqEntry.id}`);
      }}
    />
  );
}
