//! Fresh databases (a temporary SQLite file, or `piazza_bench_<pid>_<n>` on the local
//! PostgreSQL, dropped afterwards) and bulk seeding in one transaction with plain SQL.

use std::{
    path::Path,
    sync::atomic::{AtomicU32, Ordering},
    time::Instant,
};

use anyhow::{Context as _, bail};
use sqlx::{AssertSqlSafe, Connection, PgConnection, SqliteConnection};

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum BackendKind {
    Sqlite,
    Postgres,
}

/// The PostgreSQL server used (a maintenance database on it).
pub fn postgres_admin_url() -> String {
    std::env::var("PIAZZA_BENCH_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned())
}

pub struct FreshDb {
    pub url: String,
    pg_name: Option<String>,
}

static COUNTER: AtomicU32 = AtomicU32::new(0);

impl FreshDb {
    /// A new empty database (no schema yet: run [`migrate`] or start the server).
    pub async fn create(kind: BackendKind, dir: &Path) -> anyhow::Result<FreshDb> {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        match kind {
            BackendKind::Sqlite => Ok(FreshDb {
                url: format!("sqlite:{}", dir.join(format!("piazza-{n}.db")).display()),
                pg_name: None,
            }),
            BackendKind::Postgres => {
                let name = format!("piazza_bench_{}_{n}", std::process::id());
                let mut conn = PgConnection::connect(&postgres_admin_url())
                    .await
                    .context("PostgreSQL on 127.0.0.1:5432 (set PIAZZA_BENCH_POSTGRES_URL)")?;
                sqlx::query(AssertSqlSafe(format!("create database {name}")))
                    .execute(&mut conn)
                    .await?;
                conn.close().await.ok();
                let admin = postgres_admin_url();
                let base = admin.rsplit_once('/').map_or(admin.as_str(), |(b, _)| b);
                Ok(FreshDb {
                    url: format!("{base}/{name}"),
                    pg_name: Some(name),
                })
            }
        }
    }

    /// Drops the PostgreSQL database (with its connections). SQLite files go with the
    /// temporary directory.
    pub async fn drop_db(mut self) {
        if let Some(name) = self.pg_name.take() {
            drop_pg(&name).await;
        }
    }
}

async fn drop_pg(name: &str) {
    if let Ok(mut conn) = PgConnection::connect(&postgres_admin_url()).await {
        let sql = format!("drop database if exists {name} with (force)");
        let _ = sqlx::query(AssertSqlSafe(sql)).execute(&mut conn).await;
    }
}

impl Drop for FreshDb {
    fn drop(&mut self) {
        // Reached on an early error: clean up on a thread with its own runtime.
        if let Some(name) = self.pg_name.take() {
            let _ = std::thread::spawn(move || {
                if let Ok(rt) = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                {
                    rt.block_on(drop_pg(&name));
                }
            })
            .join();
        }
    }
}

/// Applies migrations and first-start data with the binary under test (`piazza migrate`).
pub async fn migrate(bin: &Path, url: &str) -> anyhow::Result<()> {
    let out = tokio::process::Command::new(bin)
        .arg("migrate")
        .env("PIAZZA_DATABASE_URL", url)
        .output()
        .await?;
    if !out.status.success() {
        bail!(
            "piazza migrate failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    Ok(())
}

/// A ≈ 500 B post: paragraphs, a link, a list, a quote, emphasis and code.
pub fn post_markdown(n: u64) -> String {
    format!(
        "Buongiorno a tutti (messaggio {n}),\n\n\
         per il **bando PNRR** (misura 1.4.1) ci è arrivata una richiesta di integrazione.\n\
         Qualcuno sa se la [circolare AgID](https://www.agid.gov.it/it/circolari) vale anche\n\
         per i comuni sotto i 5.000 abitanti?\n\n\
         - scadenza: *30 giugno*\n\
         - documenti: delibera di giunta, CUP, `determina n. 12/2026`\n\
         - referente: ufficio tecnico\n\n\
         > Il RUP deve firmare digitalmente la dichiarazione.\n\n\
         Grazie in anticipo, Maria (segreteria, Comune di Roccasecca)\n"
    )
}

/// What [`seed`] created.
pub struct Seeded {
    pub community_slug: String,
    /// Thread ids, ascending.
    pub first_thread: i64,
    pub last_thread: i64,
}

/// Bulk-inserts `users` members and `threads` threads (each with its first post, ≈ 500 B of
/// markdown and its rendered HTML) in one community, in one transaction per table group.
pub async fn seed(
    url: &str,
    kind: BackendKind,
    users: i64,
    threads: i64,
) -> anyhow::Result<Seeded> {
    let started = Instant::now();
    let slug = "appalti-contratti".to_owned();
    let body = post_markdown(0);
    let html = piazza_markdown::render(&body);
    let renderer = i64::from(piazza_markdown::RENDERER_VERSION);
    let now = chrono::Utc::now();
    let (users_sql, threads_sql) = match kind {
        BackendKind::Sqlite => (
            "with recursive n(i) as (select 1 union all select i + 1 from n where i < $1) \
             insert into users (email, password_hash, display_name, handle, job_title, comune_istat_code, role, created_at, email_verified_at) \
             select 'bench' || i || '@comune.example.it', 'x', 'Utente Prova ' || i, 'utente.prova' || i, \
                    'Istruttore amministrativo', '001001', 'member', $2, $2 from n",
            "with recursive n(i) as (select 1 union all select i + 1 from n where i < $1) \
             insert into threads (community_id, author_id, kind, title, tags, post_count, created_at, last_activity_at) \
             select $2, $3 + (i % $4), case when i % 3 = 0 then 'discussion' else 'question' end, \
                    'Domanda di prova numero ' || i || ' sul codice dei contratti', '', 1, $5, $5 from n",
        ),
        BackendKind::Postgres => (
            "insert into users (email, password_hash, display_name, handle, job_title, comune_istat_code, role, created_at, email_verified_at) \
             select 'bench' || i || '@comune.example.it', 'x', 'Utente Prova ' || i, 'utente.prova' || i, \
                    'Istruttore amministrativo', '001001', 'member', $2, $2 from generate_series(1, $1) i",
            "insert into threads (community_id, author_id, kind, title, tags, post_count, created_at, last_activity_at) \
             select $2, $3 + (i % $4), case when i % 3 = 0 then 'discussion' else 'question' end, \
                    'Domanda di prova numero ' || i || ' sul codice dei contratti', '', 1, $5, $5 \
             from generate_series(1, $1) i",
        ),
    };
    let posts_sql = "insert into posts (thread_id, author_id, body, body_html, renderer_version, created_at) \
                     select id, author_id, $1, $2, $3, created_at from threads where community_id = $4 order by id";
    let revisions_sql = "insert into post_revisions (post_id, version, body, editor_id, edited_at) \
                         select id, 1, body, author_id, created_at from posts where thread_id in \
                         (select id from threads where community_id = $1)";
    let first_post_sql = "update threads set first_post_id = \
                          (select min(p.id) from posts p where p.thread_id = threads.id) where community_id = $1";

    macro_rules! run_seed {
        ($conn:expr) => {{
            let mut tx = $conn.begin().await?;
            let community_id: i64 =
                sqlx::query_scalar("select id from communities where slug = $1")
                    .bind(&slug)
                    .fetch_one(&mut *tx)
                    .await
                    .context("community (did migrations run?)")?;
            sqlx::query(users_sql)
                .bind(users)
                .bind(now)
                .execute(&mut *tx)
                .await?;
            let (umin, umax): (i64, i64) =
                sqlx::query_as("select min(id), max(id) from users where email like 'bench%'")
                    .fetch_one(&mut *tx)
                    .await?;
            sqlx::query(threads_sql)
                .bind(threads)
                .bind(community_id)
                .bind(umin)
                .bind(umax - umin + 1)
                .bind(now)
                .execute(&mut *tx)
                .await?;
            sqlx::query(posts_sql)
                .bind(&body)
                .bind(&html)
                .bind(renderer)
                .bind(community_id)
                .execute(&mut *tx)
                .await?;
            sqlx::query(revisions_sql)
                .bind(community_id)
                .execute(&mut *tx)
                .await?;
            sqlx::query(first_post_sql)
                .bind(community_id)
                .execute(&mut *tx)
                .await?;
            let (first, last): (i64, i64) =
                sqlx::query_as("select min(id), max(id) from threads where community_id = $1")
                    .bind(community_id)
                    .fetch_one(&mut *tx)
                    .await?;
            tx.commit().await?;
            sqlx::query("analyze").execute(&mut $conn).await?;
            (first, last)
        }};
    }
    let (first_thread, last_thread) = match kind {
        BackendKind::Sqlite => {
            let mut conn = SqliteConnection::connect(url).await?;
            let r = run_seed!(conn);
            conn.close().await?;
            r
        }
        BackendKind::Postgres => {
            let mut conn = PgConnection::connect(url).await?;
            let r = run_seed!(conn);
            conn.close().await?;
            r
        }
    };
    println!(
        "seeded {users} users, {threads} threads with {threads} posts in {:.1?}",
        started.elapsed()
    );
    Ok(Seeded {
        community_slug: slug,
        first_thread,
        last_thread,
    })
}

/// Marks every member registered through the API as verified and approved, as a member
/// who followed the emailed link from an approved domain would be: the benchmarks post as
/// such members, and reading the outbox for each one would only measure the bench.
pub async fn verify_registered(url: &str, kind: BackendKind) -> anyhow::Result<()> {
    let sql = "update users set email_verified_at = created_at, approval = 'approved' \
               where email_verified_at is null";
    match kind {
        BackendKind::Sqlite => {
            let mut c = SqliteConnection::connect(url).await?;
            sqlx::query(sql).execute(&mut c).await?;
        }
        BackendKind::Postgres => {
            let mut c = PgConnection::connect(url).await?;
            sqlx::query(sql).execute(&mut c).await?;
        }
    }
    Ok(())
}

/// Rows in `table`, over a separate connection.
pub async fn count(url: &str, kind: BackendKind, table: &str) -> anyhow::Result<i64> {
    let sql = AssertSqlSafe(format!("select count(*) from {table}"));
    Ok(match kind {
        BackendKind::Sqlite => {
            let mut c = SqliteConnection::connect(url).await?;
            sqlx::query_scalar(sql).fetch_one(&mut c).await?
        }
        BackendKind::Postgres => {
            let mut c = PgConnection::connect(url).await?;
            sqlx::query_scalar(sql).fetch_one(&mut c).await?
        }
    })
}
