/** Admin: give a user a role (member, expert, moderator, admin). */
import type { CombinedError } from '@urql/core';
import { useState } from 'preact/hooks';
import { announce } from '../../app/announcer';
import { ErrorAlert } from '../../components/ErrorAlert';
import { client } from '../../graphql/client';
import { graphql } from '../../gql';
import type { Role } from '../../gql/graphql';
import { useMutation } from '../../graphql/hooks';
import { t } from '../../i18n';

const SetUserRoleDocument = graphql(`
  mutation SetUserRole($userId: ID!, $role: Role!) {
    setUserRole(userId: $userId, role: $role) {
      id
      displayName
      role
    }
  }
`);

const UserByEmailDocument = graphql(`
  query UserByEmail($email: String!) {
    userByEmail(email: $email) {
      id
    }
  }
`);

const ROLES: readonly Role[] = ['MEMBER', 'EXPERT', 'MODERATOR', 'ADMIN'];

export function SetRoleForm() {
  const [{ fetching, error }, setRole] = useMutation(SetUserRoleDocument);
  const [email, setEmail] = useState('');
  const [lookup, setLookup] = useState<{ fetching: boolean; error?: CombinedError; missing?: boolean }>({ fetching: false });
  const [role, setRoleValue] = useState<Role>('EXPERT');
  const [done, setDone] = useState<string | null>(null);

  return (
    <section aria-labelledby="set-role-heading">
      <h2 id="set-role-heading" class="h4">
        {t('admin.setRole')}
      </h2>
      {lookup.error && <ErrorAlert error={lookup.error} />}
      {lookup.missing && (
        <div class="alert alert-warning" role="alert">
          {t('admin.noSuchUser')}
        </div>
      )}
      {error && <ErrorAlert error={error} />}
      {done && (
        <div class="alert alert-success" role="status">
          {done}
        </div>
      )}
      <form
        onSubmit={async (event) => {
          event.preventDefault();
          setDone(null);
          setLookup({ fetching: true });
          const found = await client.query(UserByEmailDocument, { email: email.trim() }, { requestPolicy: 'network-only' }).toPromise();
          const user = found.data?.userByEmail;
          setLookup({ fetching: false, error: found.error, missing: !found.error && !user });
          if (!user) return;
          const result = await setRole({ userId: user.id, role });
          if (result.data) {
            const user = result.data.setUserRole;
            const message = t('admin.roleSet', { name: user.displayName, role: t(`role.${user.role}`) });
            setDone(message);
            announce(message);
          }
        }}
      >
        <div class="row g-3 align-items-end">
          <div class="col-sm-4">
            <label for="role-user" class="form-label">
              {t('admin.userEmail')}
            </label>
            <input
              id="role-user"
              class="form-control"
              type="email"
              required
              value={email}
              onInput={(e) => setEmail(e.currentTarget.value)}
            />
          </div>
          <div class="col-sm-4">
            <div class="select-wrapper">
              <label for="role-role">{t('admin.role')}</label>
              <select id="role-role" value={role} onChange={(e) => setRoleValue(e.currentTarget.value as Role)}>
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t(`role.${r}`)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div class="col-sm-4">
            <button type="submit" class="btn btn-primary" disabled={fetching || lookup.fetching}>
              {t('admin.assign')}
            </button>
          </div>
        </div>
      </form>
    </section>
  );
}
