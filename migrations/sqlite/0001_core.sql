-- Core schema: the ISTAT comuni registry, accounts and sessions, communities, threads and
-- posts with their revisions. Kept in step with migrations/postgres/0001_core.sql: same
-- tables, same columns, only the types differ (SQLite stores timestamps as RFC 3339 text,
-- which sorts correctly because the server always writes UTC).

create table comuni (
    istat_code        text primary key,
    name              text not null,
    -- lowercase, accents removed: what the comune picker searches
    name_folded       text not null,
    province          text not null,
    province_code     text not null,
    region            text not null,
    cadastral_code    text not null,
    population        integer,
    population_source text not null,
    updated_at        text not null
);
create index comuni_name_folded on comuni (name_folded);

create table users (
    id                integer primary key,
    email             text not null unique,
    password_hash     text not null,
    display_name      text not null,
    -- unique, derived from the display name at registration: what @mentions resolve to
    handle            text not null unique,
    job_title         text,
    comune_istat_code text references comuni (istat_code),
    role              text not null default 'member'
                      check (role in ('member', 'expert', 'moderator', 'admin')),
    suspended_until   text,
    suspension_reason text,
    created_at        text not null
);

-- Only a SHA-256 of each token is stored: a leaked table does not leak sessions.
create table sessions (
    id           integer primary key,
    token_hash   blob not null unique,
    user_id      integer not null references users (id) on delete cascade,
    created_at   text not null,
    expires_at   text not null
);
create index sessions_user on sessions (user_id);

create table communities (
    id           integer primary key,
    slug         text not null unique,
    name         text not null,
    description  text not null,
    member_count integer not null default 0,
    created_at   text not null
);

create table memberships (
    community_id integer not null references communities (id) on delete cascade,
    user_id      integer not null references users (id) on delete cascade,
    -- 'moderator' here makes a member a moderator of this community only
    role         text not null default 'member' check (role in ('member', 'moderator')),
    joined_at    text not null,
    primary key (community_id, user_id)
);
create index memberships_user on memberships (user_id);

create table threads (
    id               integer primary key,
    community_id     integer not null references communities (id),
    author_id        integer not null references users (id),
    kind             text not null check (kind in ('question', 'discussion')),
    title            text not null,
    -- display copy of thread_tags, comma-separated, so lists need no join
    tags             text not null default '',
    first_post_id    integer,
    accepted_post_id integer,
    official_post_id integer,
    post_count       integer not null default 0,
    score            integer not null default 0,
    locked           boolean not null default false,
    pinned           boolean not null default false,
    created_at       text not null,
    last_activity_at text not null
);
create index threads_community_latest on threads (community_id, pinned, id);
create index threads_community_active on threads (community_id, pinned, last_activity_at, id);
create index threads_community_top on threads (community_id, pinned, score, id);

create table thread_tags (
    thread_id integer not null references threads (id) on delete cascade,
    tag       text not null,
    primary key (thread_id, tag)
);
create index thread_tags_tag on thread_tags (tag, thread_id);

create table posts (
    id               integer primary key,
    thread_id        integer not null references threads (id),
    author_id        integer not null references users (id),
    body             text not null,
    body_html        text not null,
    renderer_version integer not null,
    score            integer not null default 0,
    is_official      boolean not null default false,
    created_at       text not null,
    edited_at        text,
    deleted_at       text,
    deleted_by       integer references users (id)
);
create index posts_thread on posts (thread_id, id);
create index posts_author on posts (author_id);

-- Version 1 is the text as first written; each edit adds the next version.
create table post_revisions (
    post_id    integer not null references posts (id),
    version    integer not null,
    body       text not null,
    editor_id  integer not null references users (id),
    edited_at  text not null,
    primary key (post_id, version)
);

create table post_votes (
    post_id integer not null references posts (id),
    user_id integer not null references users (id),
    value   integer not null check (value in (-1, 1)),
    primary key (post_id, user_id)
);
