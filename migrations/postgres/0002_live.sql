-- Live events and notifications.
--
-- `events` is the log behind subscriptions: each write that others should see live inserts
-- a row in its transaction, and its id is the cursor a reconnecting client resumes from.
-- Rows older than the retention window are pruned by the server.
--
-- `notifications` is each member's inbox, persisted before anything is pushed. Unread
-- notifications of the same kind about the same thread are grouped into one row
-- (`group_count`), refreshed by the newest occurrence.
--
-- Both use AUTOINCREMENT on SQLite: their ids are cursors and must never be reused after a
-- delete (PostgreSQL identities never are).

create table events (
    id           bigint generated always as identity primary key,
    topic        text not null,
    kind         text not null,
    community_id bigint,
    thread_id    bigint,
    post_id      bigint,
    faq_entry_id bigint,
    notification_id bigint,
    created_at   timestamptz not null
);
create index events_topic on events (topic, id);
create index events_created on events (created_at);

create table notifications (
    id           bigint generated always as identity primary key,
    user_id      bigint not null references users (id) on delete cascade,
    kind         text not null,
    actor_id     bigint references users (id),
    thread_id    bigint references threads (id),
    post_id      bigint references posts (id),
    faq_entry_id bigint,
    group_count  bigint not null default 1,
    read_at      timestamptz,
    created_at   timestamptz not null
);
create index notifications_user on notifications (user_id, id);
create index notifications_unread on notifications (user_id, read_at);
