-- When a post was first published: its mentioned members and its thread's watchers (or
-- the community's, for a first post) told. Null while it never was (held for approval,
-- rejected). A post can be held again after it was published (an edit that brings in a
-- watched word): approving it then must not tell anyone a second time, and only this
-- column says which case it is. Kept in step with migrations/sqlite/0008_post_publication.sql.

alter table posts add column published_at timestamptz;

-- Posts published before this migration: every visible one (replies in a held thread told
-- their readers at once then), and every hidden one except those rejected while held and
-- neither approved nor restored since (what the moderation log said until now).
update posts set published_at = created_at
where moderation = 'visible'
   or (moderation = 'hidden'
       and not exists (select 1 from threads t where t.first_post_id = posts.id and t.pending = true)
       and (not exists (select 1 from moderation_actions a
                        where a.target_post_id = posts.id and a.kind = 'reject_post')
            or exists (select 1 from moderation_actions a
                       where a.target_post_id = posts.id and a.kind in ('approve_post', 'restore_post'))));
