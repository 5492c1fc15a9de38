//! `piazza_db::{votes, follows, bookmarks}` and the question-and-answer additions to
//! `threads`, `posts` and `users`: exact scores (also under concurrent votes), follow levels
//! with their defaults and inheritance, bookmarks, accepted and official answers, the
//! unanswered count and the reply order that puts answers first.

use piazza_db::{
    Db, bookmarks,
    bookmarks::NewBookmark,
    follows, now,
    posts::{self, PostKey, PostSort},
    threads, users, votes,
};
use tokio::task::JoinSet;

use super::{
    add_community, add_reply, add_user, assert_not_found, begin, commit, open_thread, sorted,
};

async fn vote(db: &Db, post: i64, user: i64, value: i64) -> i64 {
    let mut tx = begin(db).await;
    let score = votes::set_vote(&mut tx, post, user, value)
        .await
        .expect("vote");
    commit(tx).await;
    score
}

async fn score_of(db: &Db, post: i64) -> i64 {
    posts::get_post(db, post).await.expect("post").score
}

/// Reply ids of a full listing in the given order, paging `page` at a time.
async fn replies(db: &Db, thread: i64, sort: PostSort, page: i64) -> Vec<i64> {
    let mut out = Vec::new();
    let mut after: Option<PostKey> = None;
    loop {
        let rows = posts::list_thread_replies_sorted(db, thread, sort, after, page)
            .await
            .expect("list");
        out.extend(rows.iter().map(|r| r.post.id));
        match rows.last() {
            Some(last) if rows.len() as i64 == page => after = Some(last.key),
            _ => return out,
        }
    }
}

storage_test! {
    async fn votes_add_up_exactly_and_move_the_thread_score(db) {
        let c = add_community(&db, "tributi", "Tributi").await;
        let (anna, bruno, carla) = (add_user(&db, "anna").await, add_user(&db, "bruno").await, add_user(&db, "carla").await);
        let (thread, first) = open_thread(&db, c, anna, "question", "IMU", &[], now()).await;
        let reply = add_reply(&db, thread, bruno, "Risposta", now()).await;

        assert_eq!(vote(&db, reply, anna, 1).await, 1);
        assert_eq!(vote(&db, reply, anna, 1).await, 1, "the same vote again");
        assert_eq!(vote(&db, reply, carla, -1).await, 0);
        assert_eq!(vote(&db, reply, anna, -1).await, -2, "a vote can change");
        assert_eq!(votes::find_vote(&db, reply, anna).await.expect("find"), Some(-1));
        assert_eq!(votes::count_votes(&db, reply).await.expect("count"), 2);
        assert_eq!(vote(&db, reply, anna, 0).await, -1, "0 withdraws the vote");
        assert_eq!(votes::find_vote(&db, reply, anna).await.expect("find"), None);
        assert_eq!(votes::count_votes(&db, reply).await.expect("count"), 1);
        assert_eq!(score_of(&db, reply).await, -1);
        assert_eq!(vote(&db, reply, bruno, 0).await, -1, "withdrawing no vote is harmless");
        assert_eq!(threads::get_thread(&db, thread).await.expect("thread").score, 0, "only the first post scores the thread");

        assert_eq!(vote(&db, first, bruno, 1).await, 1);
        assert_eq!(vote(&db, first, carla, 1).await, 2);
        assert_eq!(threads::get_thread(&db, thread).await.expect("thread").score, 2);
        assert_eq!(
            posts::list_votes_of_user(&db, carla, &[first, reply]).await.map(|v| sorted(&v)).expect("votes"),
            sorted(&[(first, 1), (reply, -1)])
        );

        let mut tx = begin(&db).await;
        assert_not_found(votes::set_vote(&mut tx, first + 1000, anna, 1).await, "vote on a missing post");
    }

    async fn concurrent_votes_keep_scores_exact(db) {
        let c = add_community(&db, "tributi", "Tributi").await;
        let author = add_user(&db, "autore").await;
        let (thread, first) = open_thread(&db, c, author, "question", "IMU", &[], now()).await;
        let mut voters = Vec::new();
        for i in 0..20 {
            voters.push(add_user(&db, &format!("votante{i}")).await);
        }
        // 20 members vote +1 or -1 at once, each twice (the repeat must not count).
        let mut set = JoinSet::new();
        for (i, &user) in voters.iter().enumerate() {
            for _ in 0..2 {
                let db = db.clone();
                let value = if i % 4 == 0 { -1 } else { 1 };
                set.spawn(async move {
                    let mut tx = db.begin().await?;
                    votes::set_vote(&mut tx, first, user, value).await?;
                    tx.commit().await
                });
            }
        }
        while let Some(done) = set.join_next().await {
            if let Err(e) = done.expect("task did not panic") {
                panic!("a concurrent vote failed: {e}");
            }
        }
        assert_eq!(score_of(&db, first).await, 15 - 5);
        assert_eq!(threads::get_thread(&db, thread).await.expect("thread").score, 10);
        assert_eq!(votes::count_votes(&db, first).await.expect("count"), 20);
    }

    async fn follow_levels_keep_choices_over_defaults(db) {
        let c = add_community(&db, "tributi", "Tributi").await;
        let other_c = add_community(&db, "appalti", "Appalti").await;
        let (anna, bruno, carla) = (add_user(&db, "anna").await, add_user(&db, "bruno").await, add_user(&db, "carla").await);
        let (thread, _) = open_thread(&db, c, anna, "question", "IMU", &[], now()).await;
        let (other, _) = open_thread(&db, other_c, anna, "question", "CIG", &[], now()).await;

        let mut tx = begin(&db).await;
        assert!(follows::insert_thread_level_if_absent(&mut tx, thread, anna, follows::WATCHING).await.expect("default"));
        assert!(!follows::insert_thread_level_if_absent(&mut tx, thread, anna, follows::NORMAL).await.expect("default"), "a level exists");
        follows::set_thread_level(&mut tx, thread, bruno, follows::MUTED).await.expect("set");
        assert!(!follows::insert_thread_level_if_absent(&mut tx, thread, bruno, follows::WATCHING).await.expect("default"), "a choice is kept");
        follows::set_thread_level(&mut tx, thread, carla, follows::WATCHING).await.expect("set");
        follows::set_thread_level(&mut tx, thread, carla, follows::TRACKING).await.expect("replace");
        assert_eq!(follows::list_thread_followers(&mut tx, thread, follows::WATCHING).await.expect("watchers"), [anna]);
        assert_eq!(follows::effective_thread_level_tx(&mut tx, thread, bruno).await.expect("level"), "muted");
        assert_eq!(follows::effective_thread_level_tx(&mut tx, other, bruno).await.expect("level"), "normal");
        assert_eq!(follows::effective_thread_level_tx(&mut tx, other + 1000, bruno).await.expect("level"), "normal", "a missing thread");
        commit(tx).await;
        assert_eq!(follows::find_thread_level(&db, thread, carla).await.expect("find").as_deref(), Some("tracking"));
        assert_eq!(follows::find_thread_level(&db, other, carla).await.expect("find"), None);

        // Community levels: defaults, choices, followers by level, inheritance by threads.
        let mut tx = begin(&db).await;
        assert!(follows::insert_community_level_if_absent(&mut tx, c, anna, follows::TRACKING).await.expect("default"));
        follows::set_community_level(&mut tx, c, bruno, follows::WATCHING).await.expect("set");
        assert!(!follows::insert_community_level_if_absent(&mut tx, c, bruno, follows::TRACKING).await.expect("default"));
        follows::set_community_level(&mut tx, other_c, carla, follows::MUTED).await.expect("set");
        follows::set_community_level(&mut tx, c, carla, follows::NORMAL).await.expect("set");
        assert_eq!(follows::list_community_followers(&mut tx, c, &[follows::WATCHING, follows::TRACKING]).await.expect("followers"), sorted(&[anna, bruno]));
        assert_eq!(follows::list_community_followers(&mut tx, c, &[follows::WATCHING]).await.expect("followers"), [bruno]);
        assert!(follows::list_community_followers(&mut tx, c, &[]).await.expect("followers").is_empty());
        commit(tx).await;
        assert_eq!(
            follows::list_effective_thread_levels(&db, carla, &[thread, other, other + 1000]).await.map(|v| sorted(&v)).expect("levels"),
            sorted(&[(thread, "tracking".to_owned()), (other, "muted".to_owned())]),
            "a thread's own level wins; a muted community mutes the rest"
        );
        assert_eq!(
            follows::list_community_levels(&db, carla, &[c, other_c]).await.map(|v| sorted(&v)).expect("levels"),
            sorted(&[(c, "normal".to_owned()), (other_c, "muted".to_owned())])
        );
        assert!(follows::list_community_levels(&db, carla, &[]).await.expect("empty").is_empty());
        assert_eq!(follows::find_community_level(&db, c, bruno).await.expect("find").as_deref(), Some("watching"));

        // Resetting forgets a level, except `muted`.
        let mut tx = begin(&db).await;
        assert!(follows::reset_community_level(&mut tx, c, bruno).await.expect("reset"));
        assert!(!follows::reset_community_level(&mut tx, other_c, carla).await.expect("reset"));
        commit(tx).await;
        assert_eq!(follows::find_community_level(&db, c, bruno).await.expect("find"), None);
        assert_eq!(follows::find_community_level(&db, other_c, carla).await.expect("find").as_deref(), Some("muted"));
    }

    async fn bookmarks_are_unique_per_target_and_listed_newest_first(db) {
        let c = add_community(&db, "tributi", "Tributi").await;
        let (anna, bruno) = (add_user(&db, "anna").await, add_user(&db, "bruno").await);
        let (thread, first) = open_thread(&db, c, anna, "question", "IMU", &[], now()).await;
        let reply = add_reply(&db, thread, bruno, "Risposta", now()).await;
        let new = |user, post_id| NewBookmark { user_id: user, thread_id: thread, post_id, created_at: now() };

        let mut tx = begin(&db).await;
        let (whole, fresh) = bookmarks::insert_bookmark(&mut tx, &new(anna, None)).await.expect("thread");
        assert!(fresh);
        let (again, fresh) = bookmarks::insert_bookmark(&mut tx, &new(anna, None)).await.expect("again");
        assert_eq!((again.id, fresh), (whole.id, false), "one bookmark per thread");
        let (of_reply, _) = bookmarks::insert_bookmark(&mut tx, &new(anna, Some(reply))).await.expect("post");
        let (of_first, _) = bookmarks::insert_bookmark(&mut tx, &new(anna, Some(first))).await.expect("post");
        let (again, fresh) = bookmarks::insert_bookmark(&mut tx, &new(anna, Some(reply))).await.expect("again");
        assert_eq!((again.id, fresh), (of_reply.id, false), "one bookmark per post");
        let (bruno_s, _) = bookmarks::insert_bookmark(&mut tx, &new(bruno, None)).await.expect("other member");
        commit(tx).await;
        assert_eq!((whole.post_id, of_reply.post_id, of_reply.thread_id), (None, Some(reply), thread));

        let page = bookmarks::list_bookmarks(&db, anna, None, 2).await.expect("page");
        assert_eq!(page.iter().map(|b| b.id).collect::<Vec<_>>(), [of_first.id, of_reply.id]);
        let rest = bookmarks::list_bookmarks(&db, anna, Some(of_reply.id), 2).await.expect("rest");
        assert_eq!(rest, std::slice::from_ref(&whole));
        assert_eq!(bookmarks::list_bookmarks(&db, bruno, None, 10).await.expect("bruno"), [bruno_s]);
        assert_eq!(bookmarks::find_bookmark(&db, anna, thread, None).await.expect("find"), Some(whole));
        assert_eq!(bookmarks::find_bookmark(&db, bruno, thread, Some(reply)).await.expect("find"), None);
        assert_eq!(bookmarks::list_bookmarked_threads_among(&db, anna, &[thread, thread + 1]).await.expect("among"), [thread]);
        assert_eq!(bookmarks::list_bookmarked_posts_among(&db, anna, &[first, reply]).await.map(|v| sorted(&v)).expect("among"), sorted(&[first, reply]));
        assert!(bookmarks::list_bookmarked_posts_among(&db, bruno, &[first, reply]).await.expect("among").is_empty());

        let mut tx = begin(&db).await;
        assert!(bookmarks::delete_bookmark(&mut tx, anna, thread, Some(reply)).await.expect("delete"));
        assert!(!bookmarks::delete_bookmark(&mut tx, anna, thread, Some(reply)).await.expect("again"));
        assert!(!bookmarks::delete_bookmark(&mut tx, bruno, thread, Some(first)).await.expect("not bruno's"));
        commit(tx).await;
        assert_eq!(bookmarks::list_bookmarks(&db, anna, None, 10).await.expect("list").len(), 2, "the thread's bookmark stays");
    }

    async fn answers_are_one_at_a_time_and_listed_first(db) {
        let c = add_community(&db, "tributi", "Tributi").await;
        let (anna, bruno) = (add_user(&db, "anna").await, add_user(&db, "bruno").await);
        let (thread, _) = open_thread(&db, c, anna, "question", "IMU", &[], now()).await;
        open_thread(&db, c, anna, "discussion", "Chiacchiere", &[], now()).await;
        let mut r = Vec::new();
        for i in 0..4 {
            r.push(add_reply(&db, thread, bruno, &format!("r{i}"), now()).await);
        }
        assert_eq!(threads::count_unanswered(&db, c).await.expect("count"), 1, "discussions are not counted");
        assert_eq!(replies(&db, thread, PostSort::Oldest, 3).await, r);

        let mut tx = begin(&db).await;
        assert!(threads::set_accepted_post(&mut tx, thread, r[2]).await.expect("accept"));
        assert!(!threads::set_accepted_post(&mut tx, thread, r[2]).await.expect("again"), "no change");
        assert!(threads::set_official_post(&mut tx, thread, r[3]).await.expect("official"));
        commit(tx).await;
        assert_eq!(threads::count_unanswered(&db, c).await.expect("count"), 0);
        assert_eq!(replies(&db, thread, PostSort::Oldest, 1).await, [r[2], r[3], r[0], r[1]]);

        // Moving the official answer moves the posts' flag with it.
        let mut tx = begin(&db).await;
        assert!(threads::set_official_post(&mut tx, thread, r[1]).await.expect("move"));
        assert!(threads::set_accepted_post(&mut tx, thread, r[0]).await.expect("move"));
        commit(tx).await;
        let t = threads::get_thread(&db, thread).await.expect("thread");
        assert_eq!((t.accepted_post_id, t.official_post_id), (Some(r[0]), Some(r[1])));
        let official: Vec<i64> = posts::list_posts_by_ids(&db, &r).await.expect("posts").into_iter().filter(|p| p.is_official).map(|p| p.id).collect();
        assert_eq!(official, [r[1]]);

        // Clearing a (deleted) post's marks touches only that post's.
        let mut tx = begin(&db).await;
        assert!(!threads::clear_answers_of_post(&mut tx, thread, r[2]).await.expect("not an answer"));
        assert!(threads::clear_answers_of_post(&mut tx, thread, r[1]).await.expect("official"));
        commit(tx).await;
        let t = threads::get_thread(&db, thread).await.expect("thread");
        assert_eq!((t.accepted_post_id, t.official_post_id), (Some(r[0]), None));
        assert!(!posts::get_post(&db, r[1]).await.expect("post").is_official);
        let mut tx = begin(&db).await;
        assert!(threads::set_official_post(&mut tx, thread, r[1]).await.expect("back"));
        commit(tx).await;

        // By score, with every page size: answers first, then score, then oldest.
        for (post, n) in [(r[2], 3), (r[3], 1)] {
            for i in 0..n {
                let voter = add_user(&db, &format!("v{post}x{i}")).await;
                vote(&db, post, voter, 1).await;
            }
        }
        for page in [1, 2, 10] {
            assert_eq!(replies(&db, thread, PostSort::Score, page).await, [r[0], r[1], r[2], r[3]], "page {page}");
        }
        let voter = add_user(&db, "giudice").await;
        vote(&db, r[0], voter, -1).await;
        vote(&db, r[1], voter, -1).await;
        let other = add_reply(&db, thread, bruno, "ultima", now()).await;
        assert_eq!(replies(&db, thread, PostSort::Score, 2).await, [r[0], r[1], r[2], r[3], other]);
    }

    async fn handles_resolve_to_members(db) {
        let anna = add_user(&db, "anna.bianchi").await;
        let bruno = add_user(&db, "bruno").await;
        let found = users::list_users_by_handles(&db, &["anna.bianchi".into(), "bruno".into(), "nessuno".into()]).await.expect("by handles");
        assert_eq!(sorted(&found.iter().map(|u| u.id).collect::<Vec<_>>()), sorted(&[anna, bruno]));
        assert!(users::list_users_by_handles(&db, &[]).await.expect("empty").is_empty());
        assert!(users::list_users_by_handles(&db, &["ANNA.BIANCHI".into()]).await.expect("exact").is_empty(), "handles are matched exactly (callers lowercase)");
    }
}
