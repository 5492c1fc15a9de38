-- Full-text search over posts and published FAQ entries.
--
-- `search_docs` holds one row per visible post and per published FAQ entry. `terms` is the
-- text as the search analyser in Rust made it (piazza-search: folded, stopwords removed,
-- Italian stems, only letters and digits between single spaces), so the engine only splits
-- on spaces and both backends index exactly the same words. `title` and `body` keep the
-- original plain text for snippets. The flags feed ranking boosts and the moderation
-- filter (`hidden`); the rows are written by the app in the same transaction as the change
-- they reflect.
--
-- PostgreSQL: a generated tsvector over `terms` with the `simple` configuration (lowercase
-- only: the language work is already done) and a GIN index. Kept in step with
-- migrations/sqlite/0005_search.sql, which uses an FTS5 table instead.

create table search_docs (
    id            bigint generated always as identity primary key,
    kind          text not null check (kind in ('post', 'faq')),
    thread_id     bigint references threads (id),
    post_id       bigint unique references posts (id),
    faq_entry_id  bigint unique references faq_entries (id),
    community_id  bigint not null references communities (id),
    author_id     bigint references users (id),
    title         text not null,
    body          text not null,
    terms         text not null,
    tsv           tsvector generated always as (to_tsvector('simple', terms)) stored,
    is_first_post boolean not null default false,
    is_accepted   boolean not null default false,
    is_official   boolean not null default false,
    hidden        boolean not null default false,
    created_at    timestamptz not null
);
create index search_docs_thread on search_docs (thread_id);
create index search_docs_community on search_docs (community_id, id);
create index search_docs_tsv on search_docs using gin (tsv);

-- Synonym groups admins add to the built-in list: one group per row, its equivalent
-- expressions one per line.
create table search_synonyms (
    id          bigint generated always as identity primary key,
    expressions text not null,
    created_by  bigint not null references users (id),
    created_at  timestamptz not null
);
