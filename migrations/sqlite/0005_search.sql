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
-- SQLite: an FTS5 table over `terms` with external content (the text is not stored twice),
-- kept in step by the triggers below. Its rowid is `search_docs.id`: AUTOINCREMENT, so a
-- rowid is never reused after a delete. Kept in step with migrations/postgres/0005_search.sql,
-- which uses a generated tsvector column with a GIN index instead.

create table search_docs (
    id            integer primary key autoincrement,
    kind          text not null check (kind in ('post', 'faq')),
    thread_id     integer references threads (id),
    post_id       integer unique references posts (id),
    faq_entry_id  integer unique references faq_entries (id),
    community_id  integer not null references communities (id),
    author_id     integer references users (id),
    title         text not null,
    body          text not null,
    terms         text not null,
    is_first_post boolean not null default false,
    is_accepted   boolean not null default false,
    is_official   boolean not null default false,
    hidden        boolean not null default false,
    created_at    text not null
);
create index search_docs_thread on search_docs (thread_id);
create index search_docs_community on search_docs (community_id, id);

create virtual table search_fts using fts5 (
    terms,
    content = 'search_docs',
    content_rowid = 'id',
    -- terms are already folded and lowercase: the tokenizer must not change them
    tokenize = 'unicode61 remove_diacritics 0'
);

create trigger search_docs_ai after insert on search_docs begin
    insert into search_fts (rowid, terms) values (new.id, new.terms);
end;
create trigger search_docs_ad after delete on search_docs begin
    insert into search_fts (search_fts, rowid, terms) values ('delete', old.id, old.terms);
end;
create trigger search_docs_au after update of terms on search_docs begin
    insert into search_fts (search_fts, rowid, terms) values ('delete', old.id, old.terms);
    insert into search_fts (rowid, terms) values (new.id, new.terms);
end;

-- Synonym groups admins add to the built-in list: one group per row, its equivalent
-- expressions one per line.
create table search_synonyms (
    id          integer primary key,
    expressions text not null,
    created_by  integer not null references users (id),
    created_at  text not null
);
