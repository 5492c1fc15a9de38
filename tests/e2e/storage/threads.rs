//! `piazza_db::threads`: threads and their tags, the post counter, and the keyset-paged
//! community lists in every order and with every filter.

use std::collections::HashSet;

use piazza_db::{
    Db, now,
    threads::{self, NewThread, Thread, ThreadFilter, ThreadKey, ThreadSort},
};
use sqlx::types::chrono::{DateTime, Utc};

use super::{
    DAY, MINUTE, SECOND, add_community, add_reply, add_user, assert_conflict, assert_not_found,
    begin, commit, open_thread, set_answers, set_pinned_and_score, shift, sorted,
};

/// One thread of the pagination fixture.
struct Spec {
    kind: &'static str,
    tags: &'static [&'static str],
    pinned: bool,
    score: i64,
    /// Last activity, in microseconds from the fixture's base time.
    activity: i64,
    accepted: bool,
    official: bool,
}

const fn spec(
    kind: &'static str,
    tags: &'static [&'static str],
    pinned: bool,
    score: i64,
    activity_us: i64,
) -> Spec {
    Spec {
        kind,
        tags,
        pinned,
        score,
        activity: activity_us,
        accepted: false,
        official: false,
    }
}

/// Ties in every sort key, negative scores, several pinned threads, and activity times one
/// microsecond apart across a whole second (SQLite compares them as RFC 3339 text).
fn fixture() -> Vec<Spec> {
    const S: i64 = 1_000_000;
    vec![
        spec("question", &["bilancio"], false, 3, 0),
        spec("discussion", &[], true, 10, 5 * S),
        spec("question", &["bilancio", "tributi"], false, 3, 500_000),
        Spec {
            accepted: true,
            ..spec("question", &["tributi"], false, -2, 500_001)
        },
        spec("discussion", &["bilancio"], false, 0, S),
        Spec {
            official: true,
            ..spec("question", &["anagrafe"], false, 0, S)
        },
        spec("question", &[], true, 1, 999_999),
        spec("question", &["bilancio"], false, 7, -3 * S),
        spec("discussion", &["tributi"], true, 3, 2 * S),
        spec("question", &["bilancio"], false, 0, S),
        spec("question", &["tributi", "anagrafe"], false, -2, 0),
        Spec {
            accepted: true,
            official: true,
            ..spec("question", &[], false, 5, 4 * S)
        },
        spec("discussion", &["anagrafe"], false, 0, 3 * S),
        spec("question", &["bilancio"], true, 0, 3 * S),
    ]
}

/// Builds the fixture in a community, plus two threads elsewhere that must never show up;
/// returns the ids in fixture order.
async fn build(
    db: &Db,
    community: i64,
    elsewhere: i64,
    author: i64,
    base: DateTime<Utc>,
) -> Vec<i64> {
    let mut ids = Vec::new();
    for (i, s) in fixture().iter().enumerate() {
        let at = shift(base, s.activity);
        let (id, _) = open_thread(
            db,
            community,
            author,
            s.kind,
            &format!("Thread {i}"),
            s.tags,
            at,
        )
        .await;
        set_pinned_and_score(db, id, s.pinned, s.score).await;
        if s.accepted || s.official {
            let reply = add_reply(db, id, author, "Risposta", at).await;
            set_answers(
                db,
                id,
                s.accepted.then_some(reply),
                s.official.then_some(reply),
            )
            .await;
        }
        ids.push(id);
    }
    for title in ["Altrove 1", "Altrove 2"] {
        let (id, _) = open_thread(
            db,
            elsewhere,
            author,
            "question",
            title,
            &["bilancio"],
            shift(base, DAY),
        )
        .await;
        set_pinned_and_score(db, id, true, 100).await;
    }
    ids
}

/// What the list must return, computed from the fixture alone.
fn expected(ids: &[i64], sort: ThreadSort, filter: &ThreadFilter) -> Vec<i64> {
    let mut rows: Vec<(bool, i64, i64)> = fixture()
        .iter()
        .zip(ids)
        .filter(|(s, _)| filter.kind.as_deref().is_none_or(|k| s.kind == k))
        .filter(|(s, _)| !filter.unanswered || (s.kind == "question" && !s.accepted && !s.official))
        .filter(|(s, _)| filter.tag.as_deref().is_none_or(|t| s.tags.contains(&t)))
        .map(|(s, &id)| {
            let key = match sort {
                ThreadSort::Latest => 0,
                ThreadSort::Active => s.activity,
                ThreadSort::Top => s.score,
            };
            (s.pinned, key, id)
        })
        .collect();
    rows.sort_by(|a, b| b.cmp(a));
    rows.into_iter().map(|(_, _, id)| id).collect()
}

/// Every page of the list, each resumed from the key of the previous page's last row.
async fn walk(
    db: &Db,
    community: i64,
    sort: ThreadSort,
    filter: &ThreadFilter,
    page: i64,
) -> Vec<Thread> {
    let mut seen: Vec<Thread> = Vec::new();
    let mut after: Option<ThreadKey> = None;
    loop {
        let rows =
            threads::list_community_threads(db, community, sort, filter, after.as_ref(), page)
                .await
                .expect("page");
        assert!(
            rows.len() as i64 <= page,
            "a page holds at most `limit` rows"
        );
        let Some(last) = rows.last() else { break };
        after = Some(ThreadKey::of(last, sort));
        seen.extend(rows);
        assert!(
            seen.len() <= 2 * fixture().len(),
            "{sort:?} {filter:?} page {page}: the walk does not end"
        );
    }
    seen
}

fn filters() -> Vec<ThreadFilter> {
    let f = |kind: Option<&str>, unanswered: bool, tag: Option<&str>| ThreadFilter {
        kind: kind.map(str::to_owned),
        unanswered,
        tag: tag.map(str::to_owned),
    };
    vec![
        f(None, false, None),
        f(Some("question"), false, None),
        f(Some("discussion"), false, None),
        f(None, true, None),
        f(None, false, Some("bilancio")),
        f(Some("question"), false, Some("tributi")),
        f(None, true, Some("bilancio")),
        f(Some("discussion"), true, None),
        f(None, false, Some("nessuno")),
    ]
}

storage_test! {
    async fn insert_and_read_back_a_thread(db) {
        let community = add_community(&db, "tributi", "Tributi").await;
        let anna = add_user(&db, "anna").await;
        let at = now();
        let (id, first) = open_thread(
            &db,
            community,
            anna,
            "question",
            "Scadenza IMU 2025?",
            &["imu", "scadenze"],
            at,
        )
        .await;

        let t = threads::get_thread(&db, id).await.expect("get");
        assert_eq!((t.id, t.community_id, t.author_id), (id, community, anna));
        assert_eq!(
            (t.kind.as_str(), t.title.as_str()),
            ("question", "Scadenza IMU 2025?")
        );
        assert_eq!(t.tags, "imu,scadenze");
        assert_eq!(t.tag_list(), ["imu", "scadenze"]);
        assert_eq!(
            (t.first_post_id, t.accepted_post_id, t.official_post_id),
            (Some(first), None, None)
        );
        assert_eq!(
            (t.post_count, t.score, t.locked, t.pinned),
            (1, 0, false, false)
        );
        assert_eq!(
            (t.created_at, t.last_activity_at),
            (at, at),
            "timestamps round-trip exactly"
        );
        assert_not_found(
            threads::get_thread(&db, id + 1000).await,
            "get_thread of a missing id",
        );

        let mut tx = begin(&db).await;
        assert_eq!(
            threads::get_thread_tx(&mut tx, id)
                .await
                .expect("in tx")
                .title,
            "Scadenza IMU 2025?"
        );
        assert_not_found(
            threads::get_thread_tx(&mut tx, id + 1000).await,
            "get_thread_tx of a missing id",
        );
        drop(tx);

        // A thread without tags, and one without a first post yet.
        let (bare, _) =
            open_thread(&db, community, anna, "discussion", "Presentazioni", &[], at).await;
        let t = threads::get_thread(&db, bare).await.expect("get");
        assert_eq!((t.tags.as_str(), t.tag_list()), ("", Vec::<String>::new()));
        let mut tx = begin(&db).await;
        let empty = threads::insert_thread(
            &mut tx,
            &NewThread {
                community_id: community,
                author_id: anna,
                kind: "discussion",
                title: "Vuoto",
                tags: &[],
                created_at: at,
            },
        )
        .await
        .expect("insert");
        commit(tx).await;
        let t = threads::get_thread(&db, empty).await.expect("get");
        assert_eq!((t.first_post_id, t.post_count), (None, 0));

        assert!(
            threads::list_threads_by_ids(&db, &[])
                .await
                .expect("empty")
                .is_empty()
        );
        let listed = threads::list_threads_by_ids(&db, &[empty, id, id + 1000])
            .await
            .expect("list");
        let got: Vec<i64> = listed.iter().map(|t| t.id).collect();
        assert_eq!(sorted(&got), sorted(&[id, empty]));
    }

    async fn duplicate_tags_and_bad_kinds_are_refused(db) {
        let community = add_community(&db, "tributi", "Tributi").await;
        let anna = add_user(&db, "anna").await;
        let tags = vec!["imu".to_owned(), "imu".to_owned()];
        let mut tx = begin(&db).await;
        let new = NewThread {
            community_id: community,
            author_id: anna,
            kind: "question",
            title: "IMU",
            tags: &tags,
            created_at: now(),
        };
        assert_conflict(
            threads::insert_thread(&mut tx, &new).await,
            "the same tag twice",
        );
        drop(tx);

        let mut tx = begin(&db).await;
        let new = NewThread {
            community_id: community,
            author_id: anna,
            kind: "poll",
            title: "IMU",
            tags: &[],
            created_at: now(),
        };
        match threads::insert_thread(&mut tx, &new).await {
            Err(piazza_db::DbError::Other(_)) => {}
            other => panic!("unknown kind: expected DbError::Other, got {other:?}"),
        }
        drop(tx);
        let all = ThreadFilter::default();
        let listed =
            threads::list_community_threads(&db, community, ThreadSort::Latest, &all, None, 10)
                .await
                .expect("list");
        assert!(listed.is_empty(), "nothing was stored");
    }

    async fn post_count_and_activity(db) {
        let community = add_community(&db, "tributi", "Tributi").await;
        let anna = add_user(&db, "anna").await;
        let t0 = now();
        let (id, _) = open_thread(&db, community, anna, "question", "TARI", &[], t0).await;

        let t1 = shift(t0, 5 * MINUTE + 7);
        let mut tx = begin(&db).await;
        threads::record_new_post(&mut tx, id, t1)
            .await
            .expect("new post");
        threads::record_new_post(&mut tx, id, t1)
            .await
            .expect("new post");
        commit(tx).await;
        let t = threads::get_thread(&db, id).await.expect("get");
        assert_eq!(
            (t.post_count, t.created_at, t.last_activity_at),
            (3, t0, t1)
        );

        let mut tx = begin(&db).await;
        threads::record_deleted_post(&mut tx, id)
            .await
            .expect("deleted post");
        commit(tx).await;
        let t = threads::get_thread(&db, id).await.expect("get");
        assert_eq!(
            (t.post_count, t.last_activity_at),
            (2, t1),
            "a deletion does not bump activity"
        );

        let reply = add_reply(&db, id, anna, "Risposta", t1).await;
        let mut tx = begin(&db).await;
        threads::set_first_post(&mut tx, id, reply)
            .await
            .expect("set first post");
        commit(tx).await;
        let t = threads::get_thread(&db, id).await.expect("get");
        assert_eq!((t.first_post_id, t.post_count), (Some(reply), 3));
    }

    async fn community_lists_page_through_every_order_and_filter(db) {
        let community = add_community(&db, "bilancio", "Bilancio").await;
        let elsewhere = add_community(&db, "altrove", "Altrove").await;
        let anna = add_user(&db, "anna").await;
        let base = DateTime::from_timestamp(now().timestamp(), 0).expect("a whole second");
        let ids = build(&db, community, elsewhere, anna, base).await;

        for sort in [ThreadSort::Latest, ThreadSort::Active, ThreadSort::Top] {
            for filter in filters() {
                let want = expected(&ids, sort, &filter);
                for page in [1, 2, 3, 5, 100] {
                    let rows = walk(&db, community, sort, &filter, page).await;
                    let got: Vec<i64> = rows.iter().map(|t| t.id).collect();
                    let distinct: HashSet<i64> = got.iter().copied().collect();
                    assert_eq!(
                        distinct.len(),
                        got.len(),
                        "{sort:?} {filter:?} page {page}: a thread appears twice: {got:?}"
                    );
                    assert_eq!(got, want, "{sort:?} {filter:?} page {page}");
                    for t in &rows {
                        let at = ids
                            .iter()
                            .position(|&id| id == t.id)
                            .expect("a fixture thread");
                        let s = &fixture()[at];
                        assert_eq!(
                            t.last_activity_at,
                            shift(base, s.activity),
                            "activity round-trips exactly"
                        );
                        assert_eq!((t.pinned, t.score), (s.pinned, s.score));
                    }
                }
            }
        }
        // The pinned ones lead every order.
        let all = threads::list_community_threads(
            &db,
            community,
            ThreadSort::Top,
            &ThreadFilter::default(),
            None,
            100,
        )
        .await
        .expect("list");
        let pinned: Vec<bool> = all.iter().map(|t| t.pinned).collect();
        assert_eq!(pinned.iter().filter(|p| **p).count(), 4);
        assert!(
            pinned.windows(2).all(|w| w[0] >= w[1]),
            "pinned first: {pinned:?}"
        );
    }

    async fn recent_threads_across_communities(db) {
        let tributi = add_community(&db, "tributi", "Tributi").await;
        let anagrafe = add_community(&db, "anagrafe", "Anagrafe").await;
        let other = add_community(&db, "altro", "Altro").await;
        let anna = add_user(&db, "anna").await;
        let base = now();
        let at = |s: i64| shift(base, s * SECOND);
        let (t1, _) = open_thread(&db, tributi, anna, "question", "1", &[], at(1)).await;
        let (a1, _) = open_thread(&db, anagrafe, anna, "question", "2", &[], at(3)).await;
        let (t2, _) = open_thread(&db, tributi, anna, "question", "3", &[], at(3)).await;
        let (_o1, _) = open_thread(&db, other, anna, "question", "4", &[], at(10)).await;
        let (a2, _) = open_thread(&db, anagrafe, anna, "question", "5", &[], at(0)).await;
        // A reply moves the oldest thread to the top.
        add_reply(&db, t1, anna, "Novità", at(5)).await;

        let ids = |list: Vec<Thread>| list.into_iter().map(|t| t.id).collect::<Vec<_>>();
        let recent = threads::list_recent_threads(&db, &[tributi, anagrafe], None, 10)
            .await
            .expect("recent");
        assert_eq!(
            ids(recent),
            [t1, t2, a1, a2],
            "latest activity first, then newest id"
        );
        let recent = threads::list_recent_threads(&db, &[anagrafe, tributi], None, 2)
            .await
            .expect("recent");
        let last = recent.last().map(|t| (t.last_activity_at, t.id));
        assert_eq!(ids(recent), [t1, t2]);
        let rest = threads::list_recent_threads(&db, &[anagrafe, tributi], last, 10)
            .await
            .expect("next page");
        assert_eq!(ids(rest), [a1, a2], "the next page starts after the cursor, ties by id");
        assert_eq!(
            ids(threads::list_recent_threads(&db, &[anagrafe], None, 10)
                .await
                .expect("recent")),
            [a1, a2]
        );
        assert!(
            threads::list_recent_threads(&db, &[], None, 10)
                .await
                .expect("recent")
                .is_empty()
        );
    }
}
