/** Admin: open a new community (slug for its address, name, description). */
import { useState } from 'preact/hooks';
import { announce } from '../../app/announcer';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Link } from '../../components/Link';
import { graphql } from '../../gql';
import { useMutation } from '../../graphql/hooks';
import { t } from '../../i18n';
import { slugify } from './slugify';

const CreateCommunityDocument = graphql(`
  mutation CreateCommunity($input: CreateCommunityInput!) {
    createCommunity(input: $input) {
      id
      slug
      name
    }
  }
`);

export function CreateCommunityForm() {
  const [{ fetching, error }, create] = useMutation(CreateCommunityDocument);
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [slugEdited, setSlugEdited] = useState(false);
  const [description, setDescription] = useState('');
  const [created, setCreated] = useState<{ slug: string; name: string } | null>(null);

  return (
    <section aria-labelledby="create-community-heading" class="mb-5">
      <h2 id="create-community-heading" class="h4">
        {t('admin.createCommunity')}
      </h2>
      {error && <ErrorAlert error={error} />}
      {created && (
        <div class="alert alert-success" role="status">
          {t('admin.communityCreated', { name: created.name })}{' '}
          <Link href={`/c/${encodeURIComponent(created.slug)}`}>{t('admin.openCommunity')}</Link>
        </div>
      )}
      <form
        onSubmit={async (event) => {
          event.preventDefault();
          const result = await create({ input: { slug, name: name.trim(), description: description.trim() } });
          if (result.data) {
            setCreated(result.data.createCommunity);
            announce(t('admin.communityCreated', { name: result.data.createCommunity.name }));
            setName('');
            setSlug('');
            setSlugEdited(false);
            setDescription('');
          }
        }}
      >
        <div class="mb-3">
          <label for="community-name" class="form-label">
            {t('admin.communityName')}
          </label>
          <input
            id="community-name"
            class="form-control"
            required
            value={name}
            onInput={(e) => {
              setName(e.currentTarget.value);
              if (!slugEdited) setSlug(slugify(e.currentTarget.value));
            }}
          />
        </div>
        <div class="mb-3">
          <label for="community-slug" class="form-label">
            {t('admin.communitySlug')}
          </label>
          <input
            id="community-slug"
            class="form-control"
            required
            pattern="[a-z0-9]+(-[a-z0-9]+)*"
            aria-describedby="community-slug-help"
            value={slug}
            onInput={(e) => {
              setSlug(e.currentTarget.value);
              setSlugEdited(true);
            }}
          />
          <small id="community-slug-help" class="form-text">
            {t('admin.communitySlugHelp', { example: `/c/${slug || 'appalti'}` })}
          </small>
        </div>
        <div class="mb-3">
          <label for="community-description" class="form-label">
            {t('admin.communityDescription')}
          </label>
          <textarea
            id="community-description"
            class="form-control"
            rows={3}
            required
            value={description}
            onInput={(e) => setDescription(e.currentTarget.value)}
          />
        </div>
        <button type="submit" class="btn btn-primary" disabled={fetching}>
          {t('admin.create')}
        </button>
      </form>
    </section>
  );
}
