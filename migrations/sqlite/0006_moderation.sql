-- Trust and moderation: verified emails, member approval, the review queue, reports,
-- hidden and pre-moderated posts, thread closing and moving, watched words and the
-- moderation log. Kept in step with migrations/postgres/0006_moderation.sql.
--
-- Members who existed before this migration (and admins created by `piazza admin create`)
-- are approved and count as verified: the column defaults say so, and registration writes
-- 'pending' explicitly.

alter table users add column email_verified_at text;
alter table users add column approval text not null default 'approved'
    check (approval in ('pending', 'approved', 'rejected'));
alter table users add column approval_reason text;
update users set email_verified_at = created_at;

-- Single-use links sent by email; only a SHA-256 of the token is stored, as for sessions.
create table email_tokens (
    id         integer primary key,
    token_hash blob not null unique,
    user_id    integer not null references users (id) on delete cascade,
    purpose    text not null check (purpose in ('verify')),
    created_at text not null,
    expires_at text not null,
    used_at    text
);
create index email_tokens_user on email_tokens (user_id);

-- Mail written without SMTP configured (or that SMTP refused): admins read it here.
create table mail_outbox (
    id         integer primary key autoincrement,
    recipient  text not null,
    subject    text not null,
    body       text not null,
    error      text,
    created_at text not null
);

-- Email domains whose verified members are approved at once: for one comune, or (comune
-- null) for public bodies generally.
create table approved_domains (
    id                integer primary key autoincrement,
    domain            text not null,
    comune_istat_code text references comuni (istat_code),
    created_by        integer references users (id),
    created_at        text not null
);
create unique index approved_domains_scope on approved_domains (domain, coalesce(comune_istat_code, ''));

-- 'visible', 'pending' (pre-moderation: author and moderators only) or 'hidden' (by a
-- moderator: a tombstone, restorable).
alter table posts add column moderation text not null default 'visible'
    check (moderation in ('visible', 'pending', 'hidden'));
alter table posts add column moderation_reason text;

-- A thread whose first post awaits approval is listed to nobody; closing as a duplicate
-- points readers to the other thread or FAQ entry (and locks the thread).
alter table threads add column pending boolean not null default false;
alter table threads add column duplicate_of_thread_id integer references threads (id);
alter table threads add column duplicate_of_faq_entry_id integer references faq_entries (id);

-- One queue item per thing to look at: a member awaiting approval (community null: the
-- queue of global moderators), a post awaiting approval, or reported/flagged content.
-- Reports of the same post collapse into its one open item, which counts them.
create table review_items (
    id             integer primary key autoincrement,
    kind           text not null check (kind in ('member', 'post', 'report')),
    community_id   integer references communities (id),
    user_id        integer references users (id) on delete cascade,
    post_id        integer references posts (id),
    thread_id      integer references threads (id),
    report_count   integer not null default 0,
    -- comma-separated watched words that flagged the post (reasons are in `reports`)
    flagged_words  text not null default '',
    status         text not null default 'open' check (status in ('open', 'resolved')),
    resolution     text,
    resolved_by    integer references users (id),
    created_at     text not null,
    updated_at     text not null
);
create unique index review_items_open_target on review_items (kind, coalesce(user_id, 0), coalesce(post_id, 0))
    where status = 'open';
create index review_items_queue on review_items (status, community_id, id);

create table reports (
    id             integer primary key autoincrement,
    review_item_id integer not null references review_items (id) on delete cascade,
    reporter_id    integer not null references users (id) on delete cascade,
    reason         text not null,
    note           text,
    created_at     text not null
);
create unique index reports_once on reports (review_item_id, reporter_id);

create table moderation_actions (
    id               integer primary key autoincrement,
    kind             text not null,
    community_id     integer references communities (id),
    moderator_id     integer not null references users (id),
    target_user_id   integer references users (id),
    target_thread_id integer references threads (id),
    target_post_id   integer references posts (id),
    reason           text not null default '',
    created_at       text not null
);
create index moderation_actions_community on moderation_actions (community_id, id);

-- Review queue events name their item.
alter table events add column review_item_id integer;

-- Words and simple `*` patterns admins watch for: block the post, hold it for approval, or
-- flag it to moderators.
create table watched_words (
    id         integer primary key autoincrement,
    pattern    text not null unique,
    action     text not null check (action in ('block', 'require_approval', 'flag')),
    created_by integer references users (id),
    created_at text not null
);
