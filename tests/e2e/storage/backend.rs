//! `Db` itself: connecting, migrating, probing, closing, and what a write transaction
//! leaves behind when it is dropped without a commit.

use std::collections::BTreeSet;

use piazza_db::{
    Db, DbError, PoolSize, communities, now, posts, sessions, threads,
    users::{self, NewUser},
};

use super::{
    HOUR, add_community, add_user, assert_conflict, assert_not_found, begin, commit, comune,
    new_post, new_user, shift,
};

/// The two migration trees must stay in step: same versions embedded in the binary, and the
/// same file names on disk (vaultwarden's rule: parallel trees with identical names).
#[test]
fn migration_trees_match() {
    let (sqlite, postgres) = Db::migration_versions();
    assert!(!sqlite.is_empty(), "the SQLite tree embeds migrations");
    assert_eq!(
        sqlite, postgres,
        "embedded migration versions differ between the trees"
    );

    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../migrations");
    let names = |tree: &str| -> BTreeSet<String> {
        std::fs::read_dir(root.join(tree))
            .unwrap_or_else(|e| panic!("read migrations/{tree}: {e}"))
            .map(|entry| {
                entry
                    .expect("directory entry")
                    .file_name()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect()
    };
    let (sqlite_files, postgres_files) = (names("sqlite"), names("postgres"));
    assert!(!sqlite_files.is_empty(), "migrations/sqlite has files");
    assert_eq!(
        sqlite_files, postgres_files,
        "migration file names differ between the trees"
    );
    let versions_on_disk: Vec<i64> = sqlite_files
        .iter()
        .map(|name| {
            let digits = name.split('_').next().expect("a version prefix");
            digits
                .parse()
                .unwrap_or_else(|_| panic!("{name} starts with a version number"))
        })
        .collect();
    assert_eq!(
        versions_on_disk, sqlite,
        "every file on disk is embedded, and nothing else"
    );
}

#[tokio::test]
async fn connect_rejects_unknown_schemes() {
    for url in ["mysql://localhost/piazza", "piazza.db", ""] {
        match Db::connect(url, PoolSize::default()).await {
            Err(DbError::Other(_)) => {}
            other => panic!(
                "{url:?}: expected DbError::Other, got {:?}",
                other.map(|db| db.kind())
            ),
        }
    }
}

#[tokio::test]
async fn connect_to_a_server_that_is_down_is_unavailable() {
    // Port 1 refuses connections: the error is an outage, not a bug.
    match Db::connect(
        "postgres://postgres@127.0.0.1:1/piazza",
        PoolSize { max_connections: 1 },
    )
    .await
    {
        Err(DbError::Unavailable(_)) => {}
        other => panic!(
            "expected DbError::Unavailable, got {:?}",
            other.map(|db| db.kind())
        ),
    }
}

/// SQLite's writer runs with a page cache large enough for FTS5's segment merges (see
/// `Db::connect`); readers keep SQLite's default.
#[tokio::test]
async fn sqlite_writer_has_a_large_page_cache() {
    super::with_db(piazza_e2e::Backend::Sqlite, |db| async move {
        let piazza_db::Backend::Sqlite { read, write } = db.backend() else {
            panic!("a SQLite database");
        };
        let cache = |pool| async move {
            sqlx::query_scalar::<_, i64>("pragma cache_size")
                .fetch_one(pool)
                .await
                .expect("pragma cache_size")
        };
        assert_eq!(cache(write).await, -piazza_db::WRITER_CACHE_KIB);
        assert_eq!(
            cache(read).await,
            -2000,
            "readers keep the default (2,000 KiB)"
        );
    })
    .await;
}

storage_test! {
    async fn connect_migrate_ping_kind_close(db) {
        let expected = match db.backend() {
            piazza_db::Backend::Sqlite { .. } => "sqlite",
            piazza_db::Backend::Postgres(_) => "postgres",
        };
        assert_eq!(db.kind(), expected);
        db.ping().await.expect("ping");

        // Migrating again is a no-op that keeps the data.
        add_user(&db, "anna").await;
        db.migrate().await.expect("second migrate");
        assert_eq!(users::count_users(&db).await.expect("count"), 1);

        // A clone shares the pools: closing one closes both.
        let clone = db.clone();
        clone.ping().await.expect("ping through a clone");
        db.close().await;
        match clone.ping().await {
            Err(DbError::Unavailable(_)) => {}
            other => panic!("ping after close: expected DbError::Unavailable, got {other:?}"),
        }
        match db.begin().await {
            Err(DbError::Unavailable(_)) => {}
            Err(e) => panic!("begin after close: expected DbError::Unavailable, got {e:?}"),
            Ok(_) => panic!("begin after close: expected DbError::Unavailable, got a transaction"),
        }
    }

    async fn dropped_transaction_leaves_nothing(db) {
        let at = now();
        let mut tx = begin(&db).await;
        let n = piazza_db::comuni::insert_comuni(
            &mut tx,
            &[comune("001272", "Torino", Some(850_000))],
            at,
        )
        .await
        .expect("insert comuni");
        assert_eq!(n, 1);
        let user = users::insert_user(&mut tx, &new_user("anna@comune.example.it", "anna"))
            .await
            .expect("user");
        let community = communities::insert_community(
            &mut tx,
            &communities::NewCommunity {
                slug: "tributi",
                name: "Tributi",
                description: "",
                created_at: at,
            },
        )
        .await
        .expect("community");
        assert!(
            communities::insert_membership(&mut tx, community, user, at)
                .await
                .expect("join")
        );
        let tags = vec!["imu".to_owned()];
        let thread = threads::insert_thread(
            &mut tx,
            &threads::NewThread {
                community_id: community,
                author_id: user,
                kind: "question",
                title: "IMU",
                tags: &tags,
                created_at: at,
            },
        )
        .await
        .expect("thread");
        let post = posts::insert_post(&mut tx, &new_post(thread, user, "Come si calcola?", at))
            .await
            .expect("post");
        threads::set_first_post(&mut tx, thread, post)
            .await
            .expect("first post");
        threads::record_new_post(&mut tx, thread, at)
            .await
            .expect("count");
        sessions::insert_session(&mut tx, b"token-hash", user, at, shift(at, HOUR))
            .await
            .expect("session");

        // Inside the transaction its own writes are visible; outside, nothing yet.
        assert_eq!(
            users::get_user_tx(&mut tx, user)
                .await
                .expect("get in tx")
                .handle,
            "anna"
        );
        assert_eq!(
            threads::get_thread_tx(&mut tx, thread)
                .await
                .expect("thread in tx")
                .post_count,
            1
        );
        assert_eq!(
            posts::get_post_tx(&mut tx, post)
                .await
                .expect("post in tx")
                .body,
            "Come si calcola?"
        );
        assert_eq!(
            communities::get_community_by_slug_tx(&mut tx, "tributi")
                .await
                .expect("in tx")
                .member_count,
            1
        );
        assert!(
            users::find_user_by_email(&db, "anna@comune.example.it")
                .await
                .expect("find")
                .is_none()
        );

        drop(tx);

        assert_eq!(
            piazza_db::comuni::count_comuni(&db).await.expect("count"),
            0
        );
        assert!(
            piazza_db::comuni::find_comune(&db, "001272")
                .await
                .expect("find")
                .is_none()
        );
        assert_eq!(users::count_users(&db).await.expect("count"), 0);
        assert!(
            users::find_user_by_email(&db, "anna@comune.example.it")
                .await
                .expect("find")
                .is_none()
        );
        assert_eq!(communities::count_communities(&db).await.expect("count"), 0);
        assert!(
            communities::find_community_by_slug(&db, "tributi")
                .await
                .expect("find")
                .is_none()
        );
        assert!(
            communities::find_membership_role(&db, community, user)
                .await
                .expect("role")
                .is_none()
        );
        assert_not_found(threads::get_thread(&db, thread).await, "rolled-back thread");
        assert_not_found(posts::get_post(&db, post).await, "rolled-back post");
        assert!(
            posts::list_revisions(&db, post)
                .await
                .expect("revisions")
                .is_empty()
        );
        assert!(
            sessions::find_session_user(&db, b"token-hash", at)
                .await
                .expect("session")
                .is_none()
        );

        // The writer is usable again at once, and the same unique values are free.
        let mut tx = begin(&db).await;
        users::insert_user(&mut tx, &new_user("anna@comune.example.it", "anna"))
            .await
            .expect("reuse email");
        commit(tx).await;
        assert_eq!(users::count_users(&db).await.expect("count"), 1);
    }

    async fn failed_statement_then_drop_rolls_back_the_whole_transaction(db) {
        add_user(&db, "anna").await;
        let community = add_community(&db, "anagrafe", "Anagrafe").await;

        let mut tx = begin(&db).await;
        let bruno = users::insert_user(&mut tx, &new_user("bruno@comune.example.it", "bruno"))
            .await
            .expect("bruno");
        assert!(
            communities::insert_membership(&mut tx, community, bruno, now())
                .await
                .expect("join")
        );
        let clash = NewUser {
            handle: "anna-2",
            ..new_user("anna@comune.example.it", "anna-2")
        };
        assert_conflict(
            users::insert_user(&mut tx, &clash).await,
            "email taken inside a transaction",
        );
        drop(tx);

        assert_eq!(users::count_users(&db).await.expect("count"), 1);
        assert!(
            users::find_user_by_email(&db, "bruno@comune.example.it")
                .await
                .expect("find")
                .is_none()
        );
        assert_eq!(
            communities::get_community(&db, community)
                .await
                .expect("community")
                .member_count,
            0
        );

        // And a committed transaction after it works normally.
        let mut tx = begin(&db).await;
        let bruno = users::insert_user(&mut tx, &new_user("bruno@comune.example.it", "bruno"))
            .await
            .expect("bruno");
        assert!(
            communities::insert_membership(&mut tx, community, bruno, now())
                .await
                .expect("join")
        );
        commit(tx).await;
        assert_eq!(
            communities::get_community(&db, community)
                .await
                .expect("community")
                .member_count,
            1
        );
    }
}
