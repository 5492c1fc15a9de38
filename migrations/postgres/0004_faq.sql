-- The official FAQ of each community: entries that stay true over time.
--
-- `faq_entries` holds the current text of each entry with its status (draft, published,
-- withdrawn). Every change to the text writes the next numbered row of `faq_revisions`,
-- with its editor and an obligatory change note, so any two versions can be compared.
-- Publishing and withdrawing change the status, not the text: they keep the version.
--
-- `faq_changes` is the community's public changelog: one row when an entry is published
-- (added), when a published entry's text changes (changed) and when it is withdrawn. Drafts
-- never appear in it. Its ids are cursors and the per-member "last seen" marker
-- (`faq_seen`) points into it, and identities are never reused.
--
-- Kept in step with migrations/sqlite/0004_faq.sql: same tables and columns, only the
-- types differ. `normative_refs` (not `references`, an SQL keyword) holds the normative
-- references one per line; `tags` is the display copy of `faq_entry_tags`, comma-separated.

create table faq_entries (
    id               bigint generated always as identity primary key,
    community_id     bigint not null references communities (id),
    status           text not null check (status in ('draft', 'published', 'withdrawn')),
    version          bigint not null,
    question         text not null,
    answer           text not null,
    answer_html      text not null,
    renderer_version bigint not null,
    tags             text not null default '',
    normative_refs   text not null default '',
    valid_from       date,
    valid_until      date,
    -- the post an editor promoted to this entry, if any
    source_post_id   bigint references posts (id),
    created_by       bigint not null references users (id),
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    published_at     timestamptz,
    withdrawn_at     timestamptz,
    withdrawn_by     bigint references users (id),
    withdrawal_reason text
);
create index faq_entries_community on faq_entries (community_id, status, id);
create index faq_entries_source_post on faq_entries (source_post_id);

create table faq_entry_tags (
    faq_entry_id bigint not null references faq_entries (id) on delete cascade,
    tag          text not null,
    primary key (faq_entry_id, tag)
);
create index faq_entry_tags_tag on faq_entry_tags (tag, faq_entry_id);

-- Version 1 is the text as first written; each change adds the next version.
create table faq_revisions (
    faq_entry_id   bigint not null references faq_entries (id),
    version        bigint not null,
    question       text not null,
    answer         text not null,
    tags           text not null,
    normative_refs text not null,
    change_note    text not null,
    editor_id      bigint not null references users (id),
    created_at     timestamptz not null,
    primary key (faq_entry_id, version)
);

create table faq_changes (
    id           bigint generated always as identity primary key,
    community_id bigint not null references communities (id),
    faq_entry_id bigint not null references faq_entries (id),
    kind         text not null check (kind in ('added', 'changed', 'withdrawn')),
    version      bigint not null,
    note         text not null,
    actor_id     bigint not null references users (id),
    created_at   timestamptz not null
);
create index faq_changes_community on faq_changes (community_id, id);

-- The newest changelog row each member had seen when they last marked the FAQ as seen.
create table faq_seen (
    community_id   bigint not null references communities (id) on delete cascade,
    user_id        bigint not null references users (id) on delete cascade,
    last_change_id bigint not null,
    seen_at        timestamptz not null,
    primary key (community_id, user_id)
);
