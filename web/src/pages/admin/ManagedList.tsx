/**
 * An admin section listing things the admin adds and removes (approved domains, watched
 * words): its heading, the outcome of the last change (`role="status"`), then loading, a
 * failure, "none yet" or a table, and below it the section's own add form (`children`).
 * Each row is the section's, with its own "Rimuovi"; after a removal the list reloads and
 * the heading takes focus, as the focused button went away with its row.
 */
import { Fragment, type ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import type { QueryState } from '../../graphql/hooks';
import { t } from '../../i18n';

interface Props<Data, Item extends { id: string }> {
  /** Prefix of the ids, unique on the page: the heading is `${id}-heading`. */
  id: string;
  /** Classes of the `<section>`. */
  class: string;
  /** The heading, also the table's (visually hidden) caption. */
  title: string;
  intro: string;
  /** What the last change did, or null. */
  status: string | null;
  /** The query that loads the list. */
  query: QueryState<Data>;
  /** The entries, from the query's data. */
  items: (data: Data) => Item[];
  /** Shown when there are no entries. */
  empty: string;
  /** Column headers; a last, visually hidden "Azioni" column follows. */
  columns: string[];
  /** One `<tr>`; it calls `onRemoved` with the entry's name once it is removed. */
  row: (item: Item, onRemoved: (name: string) => void) => ComponentChildren;
  /** After a removal, with the entry's name: say what happened (the list reloads itself). */
  onRemoved: (name: string) => void;
  /** The add form. */
  children: ComponentChildren;
}

export function ManagedList<Data, Item extends { id: string }>(props: Props<Data, Item>) {
  const { id, query, onRemoved } = props;
  const [focusHeading, setFocusHeading] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!focusHeading) return;
    heading.current?.focus();
    setFocusHeading(false);
  }, [focusHeading]);
  const items = query.data ? props.items(query.data) : [];
  const removed = (name: string) => {
    onRemoved(name);
    setFocusHeading(true);
    query.refetch();
  };

  return (
    <section aria-labelledby={`${id}-heading`} class={props.class}>
      <h2 id={`${id}-heading`} class="h4" tabIndex={-1} ref={heading}>
        {props.title}
      </h2>
      <p>{props.intro}</p>
      <div role="status" class={props.status ? 'alert alert-success' : undefined}>
        {props.status}
      </div>
      {query.error ? (
        <ErrorAlert error={query.error} />
      ) : query.fetching && !query.data ? (
        <Loading />
      ) : items.length === 0 ? (
        <p>{props.empty}</p>
      ) : (
        <div class="table-responsive">
          <table class="table">
            <caption class="visually-hidden">{props.title}</caption>
            <thead>
              <tr>
                {props.columns.map((column) => (
                  <th scope="col" key={column}>
                    {column}
                  </th>
                ))}
                <th scope="col">
                  <span class="visually-hidden">{t('admin.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <Fragment key={item.id}>{props.row(item, removed)}</Fragment>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {props.children}
    </section>
  );
}
