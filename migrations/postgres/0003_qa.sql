-- Questions that get answered: follow levels and bookmarks. Votes (`post_votes`) and the
-- accepted/official answer columns already exist since 0001.
--
-- Follow levels say how much a member hears about a thread or a community: `watching`
-- (every reply; new threads of a community), `tracking` (FAQ changes of a community),
-- `normal` (only what is addressed to them) and `muted` (nothing). A missing row means the
-- default: a thread inherits `muted` from a muted community, otherwise it is `normal`.
-- Defaults are written as rows when a member asks, replies (`watching`) or joins
-- (`tracking`), but never over a row that exists: a level the member chose stays.
--
-- Bookmarks save a thread (`post_id` null) or one post of it for later; each at most once
-- per member (two partial unique indexes, since null never equals null).
-- Ids are the list's cursor (identities are never reused).

create table thread_follows (
    thread_id bigint not null references threads (id) on delete cascade,
    user_id   bigint not null references users (id) on delete cascade,
    level     text not null check (level in ('watching', 'tracking', 'normal', 'muted')),
    primary key (thread_id, user_id)
);
create index thread_follows_user on thread_follows (user_id);

create table community_follows (
    community_id bigint not null references communities (id) on delete cascade,
    user_id      bigint not null references users (id) on delete cascade,
    level        text not null check (level in ('watching', 'tracking', 'normal', 'muted')),
    primary key (community_id, user_id)
);
create index community_follows_user on community_follows (user_id);

-- What the defaults would have written for activity before this migration.
insert into thread_follows (thread_id, user_id, level)
    select distinct thread_id, author_id, 'watching' from posts;
insert into community_follows (community_id, user_id, level)
    select community_id, user_id, 'tracking' from memberships;

create table bookmarks (
    id         bigint generated always as identity primary key,
    user_id    bigint not null references users (id) on delete cascade,
    thread_id  bigint not null references threads (id) on delete cascade,
    post_id    bigint references posts (id) on delete cascade,
    created_at timestamptz not null
);
create unique index bookmarks_thread on bookmarks (user_id, thread_id) where post_id is null;
create unique index bookmarks_post on bookmarks (user_id, post_id) where post_id is not null;
create index bookmarks_user on bookmarks (user_id, id);

-- Unanswered questions per community (`Community.unansweredCount`, the unanswered filter).
create index threads_community_unanswered on threads (community_id, kind)
    where accepted_post_id is null and official_post_id is null;
