//! Many writers at once: counters stay exact and SQLite never answers "database is locked"
//! (its writes queue on the single writer connection instead).

use piazza_db::{Db, communities, now, threads};
use tokio::task::JoinSet;

use super::{add_community, add_user, open_thread};

const TASKS: usize = 20;

/// Runs `TASKS` copies of `job` at once and returns their results in completion order;
/// any error fails the test with its message (so a "database is locked" is visible).
async fn all_at_once<T, F, Fut>(job: F) -> Vec<T>
where
    T: Send + 'static,
    F: Fn(usize) -> Fut,
    Fut: std::future::Future<Output = Result<T, piazza_db::DbError>> + Send + 'static,
{
    let mut set = JoinSet::new();
    for i in 0..TASKS {
        set.spawn(job(i));
    }
    let mut out = Vec::new();
    while let Some(done) = set.join_next().await {
        match done.expect("task did not panic") {
            Ok(v) => out.push(v),
            Err(e) => panic!("a concurrent write failed: {e}"),
        }
    }
    out
}

async fn join(db: Db, community: i64, user: i64) -> Result<bool, piazza_db::DbError> {
    // Reads run alongside the other tasks' open writes: they must not block or fail either.
    // (Not inside the transaction: on PostgreSQL, 20 transactions each waiting for a second
    // connection would exhaust the pool of 16.)
    communities::get_community(&db, community).await?;
    let mut tx = db.begin().await?;
    let joined = communities::insert_membership(&mut tx, community, user, now()).await?;
    tx.commit().await?;
    Ok(joined)
}

storage_test! {
    async fn concurrent_joins_and_posts_keep_counts_exact(db) {
        let community = add_community(&db, "tributi", "Tributi").await;
        let mut users = Vec::new();
        for i in 0..TASKS {
            users.push(add_user(&db, &format!("utente{i}")).await);
        }
        let (thread, _) =
            open_thread(&db, community, users[0], "question", "IMU", &[], now()).await;

        let joined = all_at_once(|i| join(db.clone(), community, users[i])).await;
        assert_eq!(joined, vec![true; TASKS], "every user joined once");
        assert_eq!(
            communities::get_community(&db, community)
                .await
                .expect("get")
                .member_count,
            TASKS as i64
        );
        for &user in &users {
            assert_eq!(
                communities::find_membership_role(&db, community, user)
                    .await
                    .expect("role")
                    .as_deref(),
                Some("member")
            );
        }

        let db2 = db.clone();
        all_at_once(move |_| {
            let db = db2.clone();
            async move {
                let mut tx = db.begin().await?;
                threads::record_new_post(&mut tx, thread, now()).await?;
                tx.commit().await
            }
        })
        .await;
        assert_eq!(
            threads::get_thread(&db, thread)
                .await
                .expect("get")
                .post_count,
            1 + TASKS as i64
        );
    }

    async fn concurrent_double_joins_count_once(db) {
        let community = add_community(&db, "tributi", "Tributi").await;
        let anna = add_user(&db, "anna").await;
        let joined = all_at_once(|_| join(db.clone(), community, anna)).await;
        assert_eq!(
            joined.iter().filter(|j| **j).count(),
            1,
            "exactly one of the racing joins wins: {joined:?}"
        );
        assert_eq!(
            communities::get_community(&db, community)
                .await
                .expect("get")
                .member_count,
            1
        );

        let leaves = all_at_once(|_| {
            let db = db.clone();
            async move {
                let mut tx = db.begin().await?;
                let left = communities::delete_membership(&mut tx, community, anna).await?;
                tx.commit().await?;
                Ok(left)
            }
        })
        .await;
        assert_eq!(
            leaves.iter().filter(|l| **l).count(),
            1,
            "exactly one of the racing leaves wins: {leaves:?}"
        );
        assert_eq!(
            communities::get_community(&db, community)
                .await
                .expect("get")
                .member_count,
            0
        );
    }
}
