//! The moderation log's storage: how it is looked up.

use piazza_db::Backend;

macro_rules! by_post {
    () => {
        "select count(*) from moderation_actions where target_post_id = 1"
    };
}

/// The plan of `select count(*) from moderation_actions where target_post_id = 1`, as text.
/// PostgreSQL is told to avoid sequential scans, so that on an empty table it still shows
/// an index when one fits (and falls back to a scan only when none does).
async fn plan_by_post(db: &piazza_db::Db) -> String {
    match db.backend() {
        Backend::Sqlite { write, .. } => {
            let rows: Vec<(i64, i64, i64, String)> =
                sqlx::query_as(concat!("explain query plan ", by_post!()))
                    .fetch_all(write)
                    .await
                    .expect("explain");
            rows.into_iter().map(|r| r.3).collect::<Vec<_>>().join("\n")
        }
        Backend::Postgres(pool) => {
            let mut tx = pool.begin().await.expect("begin");
            sqlx::query("set local enable_seqscan = off")
                .execute(&mut *tx)
                .await
                .expect("set");
            let rows: Vec<String> = sqlx::query_scalar(concat!("explain ", by_post!()))
                .fetch_all(&mut *tx)
                .await
                .expect("explain");
            rows.join("\n")
        }
    }
}

storage_test! {
    async fn the_log_is_looked_up_by_post_through_an_index(db) {
        let plan = plan_by_post(&db).await;
        assert!(
            plan.contains("moderation_actions_target_post"),
            "a post's log entries are found through the index, not a scan:\n{plan}"
        );
    }
}
