//! `piazza_db::posts`: posts with every edit kept as a revision, soft deletion, the
//! reply pages of a thread, and the viewer's votes.

use piazza_db::{
    now,
    posts::{self, NewPost},
};

use super::{
    HOUR, MINUTE, add_community, add_reply, add_user, add_vote, assert_not_found, begin, commit,
    new_post, open_thread, shift, sorted,
};

storage_test! {
    async fn insert_and_read_back_a_post(db) {
        let community = add_community(&db, "tributi", "Tributi").await;
        let anna = add_user(&db, "anna").await;
        let (thread, first) =
            open_thread(&db, community, anna, "question", "IMU", &[], now()).await;
        let at = now();
        let new = NewPost {
            thread_id: thread,
            author_id: anna,
            body: "Vedi **art. 1** comma 744",
            body_html: "<p>Vedi <strong>art. 1</strong> comma 744</p>",
            renderer_version: 3,
            created_at: at,
        };
        let mut tx = begin(&db).await;
        let id = posts::insert_post(&mut tx, &new).await.expect("insert");
        assert_eq!(
            posts::get_post_tx(&mut tx, id).await.expect("in tx").body,
            new.body
        );
        assert_not_found(
            posts::get_post_tx(&mut tx, id + 1000).await,
            "get_post_tx of a missing id",
        );
        commit(tx).await;

        let p = posts::get_post(&db, id).await.expect("get");
        assert_eq!((p.id, p.thread_id, p.author_id), (id, thread, anna));
        assert_eq!(
            (p.body.as_str(), p.body_html.as_str()),
            (new.body, new.body_html)
        );
        assert_eq!((p.renderer_version, p.score, p.is_official), (3, 0, false));
        assert_eq!(p.created_at, at, "created_at round-trips exactly");
        assert_eq!(
            (p.edited_at, p.deleted_at, p.deleted_by),
            (None, None, None)
        );
        assert_not_found(
            posts::get_post(&db, id + 1000).await,
            "get_post of a missing id",
        );

        let revisions = posts::list_revisions(&db, id).await.expect("revisions");
        assert_eq!(revisions.len(), 1, "the text as first written is version 1");
        let r = &revisions[0];
        assert_eq!(
            (
                r.post_id,
                r.version,
                r.body.as_str(),
                r.editor_id,
                r.edited_at
            ),
            (id, 1, new.body, anna, at)
        );

        assert!(
            posts::list_posts_by_ids(&db, &[])
                .await
                .expect("empty")
                .is_empty()
        );
        let listed = posts::list_posts_by_ids(&db, &[id, id + 1000, first])
            .await
            .expect("list");
        let got: Vec<i64> = listed.iter().map(|p| p.id).collect();
        assert_eq!(sorted(&got), sorted(&[first, id]));
    }

    async fn every_edit_is_the_next_revision(db) {
        let community = add_community(&db, "tributi", "Tributi").await;
        let anna = add_user(&db, "anna").await;
        let moderator = add_user(&db, "moderatore").await;
        let t0 = now();
        let (thread, first) =
            open_thread(&db, community, anna, "question", "Prima versione", &[], t0).await;
        let other = add_reply(&db, thread, anna, "Un'altra risposta", t0).await;

        let (t1, t2) = (shift(t0, MINUTE), shift(t0, 2 * MINUTE + 1));
        let mut tx = begin(&db).await;
        assert_eq!(
            posts::update_post_body(&mut tx, first, "Seconda versione", "<p>2</p>", 4, anna, t1)
                .await
                .expect("edit"),
            2
        );
        assert_eq!(
            posts::update_post_body(
                &mut tx,
                first,
                "Terza versione",
                "<p>3</p>",
                4,
                moderator,
                t2
            )
            .await
            .expect("edit"),
            3
        );
        assert_not_found(
            posts::update_post_body(&mut tx, first + 1000, "x", "x", 4, anna, t2).await,
            "update_post_body of a missing id",
        );
        commit(tx).await;

        let p = posts::get_post(&db, first).await.expect("get");
        assert_eq!(
            (p.body.as_str(), p.body_html.as_str(), p.renderer_version),
            ("Terza versione", "<p>3</p>", 4)
        );
        assert_eq!((p.created_at, p.edited_at), (t0, Some(t2)));
        let revisions = posts::list_revisions(&db, first).await.expect("revisions");
        let got: Vec<(i64, &str, i64, _)> = revisions
            .iter()
            .map(|r| (r.version, r.body.as_str(), r.editor_id, r.edited_at))
            .collect();
        assert_eq!(
            got,
            [
                (1, "Prima versione", anna, t0),
                (2, "Seconda versione", anna, t1),
                (3, "Terza versione", moderator, t2),
            ]
        );

        // Numbering is per post, and an edit of a deleted post is refused without a revision.
        let mut tx = begin(&db).await;
        assert_eq!(
            posts::update_post_body(&mut tx, other, "Corretta", "<p>c</p>", 4, anna, t1)
                .await
                .expect("edit"),
            2
        );
        assert!(
            posts::soft_delete_post(&mut tx, other, moderator, t2)
                .await
                .expect("delete")
        );
        assert_not_found(
            posts::update_post_body(&mut tx, other, "Dopo", "x", 4, anna, t2).await,
            "edit of a deleted post",
        );
        commit(tx).await;
        assert_eq!(
            posts::list_revisions(&db, other)
                .await
                .expect("revisions")
                .len(),
            2
        );
        assert_eq!(
            posts::get_post(&db, other).await.expect("get").body,
            "Corretta"
        );
        assert!(
            posts::list_revisions(&db, first + 1000)
                .await
                .expect("revisions")
                .is_empty()
        );
    }

    async fn soft_delete_is_idempotent(db) {
        let community = add_community(&db, "tributi", "Tributi").await;
        let anna = add_user(&db, "anna").await;
        let moderator = add_user(&db, "moderatore").await;
        let (thread, _) = open_thread(&db, community, anna, "question", "IMU", &[], now()).await;
        let reply = add_reply(&db, thread, anna, "Risposta", now()).await;

        let at = now();
        let mut tx = begin(&db).await;
        assert!(
            posts::soft_delete_post(&mut tx, reply, moderator, at)
                .await
                .expect("delete"),
            "first deletion"
        );
        assert!(
            !posts::soft_delete_post(&mut tx, reply, anna, shift(at, HOUR))
                .await
                .expect("delete"),
            "second deletion is a no-op"
        );
        assert!(
            !posts::soft_delete_post(&mut tx, reply + 1000, anna, at)
                .await
                .expect("delete"),
            "missing post"
        );
        commit(tx).await;

        let p = posts::get_post(&db, reply)
            .await
            .expect("a deleted post is still readable");
        assert_eq!(
            (p.deleted_at, p.deleted_by),
            (Some(at), Some(moderator)),
            "the first deletion is the one kept"
        );
        assert_eq!(p.body, "Risposta", "the text stays for moderators");
    }

    async fn replies_exclude_the_first_post(db) {
        let community = add_community(&db, "tributi", "Tributi").await;
        let anna = add_user(&db, "anna").await;
        let bruno = add_user(&db, "bruno").await;
        let t0 = now();
        let (thread, first) = open_thread(&db, community, anna, "question", "IMU", &[], t0).await;
        let (elsewhere, _) = open_thread(&db, community, bruno, "question", "TARI", &[], t0).await;
        let mut replies = Vec::new();
        for i in 0..7 {
            replies.push(
                add_reply(
                    &db,
                    thread,
                    if i % 2 == 0 { bruno } else { anna },
                    &format!("Risposta {i}"),
                    t0,
                )
                .await,
            );
            add_reply(&db, elsewhere, bruno, "Altrove", t0).await;
        }
        let mut tx = begin(&db).await;
        assert!(
            posts::soft_delete_post(&mut tx, replies[3], anna, t0)
                .await
                .expect("delete")
        );
        commit(tx).await;

        for page in [1, 2, 3, 7, 50] {
            let mut seen = Vec::new();
            let mut after = None;
            loop {
                let rows = posts::list_thread_replies(&db, thread, after, page)
                    .await
                    .expect("page");
                assert!(rows.len() as i64 <= page);
                let Some(last) = rows.last() else { break };
                after = Some(last.id);
                for p in &rows {
                    assert_eq!(p.thread_id, thread);
                    assert_eq!(
                        p.deleted_at.is_some(),
                        p.id == replies[3],
                        "deleted replies stay, marked"
                    );
                }
                seen.extend(rows.iter().map(|p| p.id));
                assert!(
                    seen.len() <= replies.len(),
                    "page {page}: rows repeat: {seen:?}"
                );
            }
            assert_eq!(
                seen, replies,
                "page {page}: every reply once, oldest first, never the first post"
            );
            assert!(!seen.contains(&first));
        }

        // Before the first post is set, every post counts as a reply.
        let tags: Vec<String> = Vec::new();
        let mut tx = begin(&db).await;
        let bare = piazza_db::threads::insert_thread(
            &mut tx,
            &piazza_db::threads::NewThread {
                community_id: community,
                author_id: anna,
                kind: "discussion",
                title: "Bozza",
                tags: &tags,
                created_at: t0,
            },
        )
        .await
        .expect("thread");
        let p = posts::insert_post(&mut tx, &new_post(bare, anna, "Primo", t0))
            .await
            .expect("post");
        commit(tx).await;
        let listed = posts::list_thread_replies(&db, bare, None, 10)
            .await
            .expect("list");
        assert_eq!(listed.iter().map(|p| p.id).collect::<Vec<_>>(), [p]);
        assert!(
            posts::list_thread_replies(&db, thread + 1000, None, 10)
                .await
                .expect("list")
                .is_empty()
        );
    }

    async fn votes_of_a_user(db) {
        let community = add_community(&db, "tributi", "Tributi").await;
        let anna = add_user(&db, "anna").await;
        let bruno = add_user(&db, "bruno").await;
        let (thread, first) =
            open_thread(&db, community, anna, "question", "IMU", &[], now()).await;
        let r1 = add_reply(&db, thread, bruno, "Uno", now()).await;
        let r2 = add_reply(&db, thread, bruno, "Due", now()).await;
        add_vote(&db, first, bruno, 1).await;
        add_vote(&db, r1, anna, -1).await;
        add_vote(&db, r2, anna, 1).await;

        assert!(
            posts::list_votes_of_user(&db, anna, &[])
                .await
                .expect("empty")
                .is_empty()
        );
        let votes = posts::list_votes_of_user(&db, anna, &[first, r1, r2, r2 + 1000])
            .await
            .expect("votes");
        assert_eq!(sorted(&votes), sorted(&[(r1, -1), (r2, 1)]));
        assert_eq!(
            posts::list_votes_of_user(&db, bruno, &[first, r1])
                .await
                .expect("votes"),
            [(first, 1)]
        );
        assert!(
            posts::list_votes_of_user(&db, anna, &[first])
                .await
                .expect("votes")
                .is_empty()
        );
    }
}

storage_test! {
    async fn a_post_is_published_once_and_unpublished_replies_are_listed(db) {
        let community = add_community(&db, "tributi", "Tributi").await;
        let anna = add_user(&db, "anna").await;
        let at = now();
        let (thread, first) = open_thread(&db, community, anna, "question", "IMU", &[], at).await;
        let written = add_reply(&db, thread, anna, "scritta mentre era trattenuta", at).await;
        let held = add_reply(&db, thread, anna, "trattenuta", shift(at, MINUTE)).await;
        let deleted = add_reply(&db, thread, anna, "eliminata", shift(at, 2 * MINUTE)).await;
        assert_eq!(posts::get_post(&db, written).await.expect("get").published_at, None);

        let mut tx = begin(&db).await;
        posts::set_moderation(&mut tx, held, posts::PENDING, None).await.expect("hold");
        posts::soft_delete_post(&mut tx, deleted, anna, at).await.expect("delete");
        let unpublished: Vec<i64> = posts::list_unpublished_replies(&mut tx, thread)
            .await
            .expect("list")
            .iter()
            .map(|p| p.id)
            .collect();
        assert_eq!(unpublished, [written], "visible replies only, not the first post");
        let when = shift(at, HOUR);
        assert!(posts::mark_published(&mut tx, written, when).await.expect("mark"));
        assert!(!posts::mark_published(&mut tx, written, shift(when, HOUR)).await.expect("again"), "once");
        assert!(posts::mark_published(&mut tx, first, when).await.expect("first"));
        assert!(posts::list_unpublished_replies(&mut tx, thread).await.expect("list").is_empty());
        let revisions = posts::list_revisions_tx(&mut tx, written).await.expect("revisions");
        assert_eq!(revisions.iter().map(|r| r.version).collect::<Vec<_>>(), [1]);
        commit(tx).await;
        assert_eq!(posts::get_post(&db, written).await.expect("get").published_at, Some(when));
    }
}
