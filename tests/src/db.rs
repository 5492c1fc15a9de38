//! Fresh databases for tests: a SQLite file in a temporary directory, or a PostgreSQL
//! database with a unique name, dropped (with its connections) when the guard drops.

use std::sync::atomic::{AtomicU32, Ordering};

use sqlx::{Connection, PgConnection, SqliteConnection};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

pub struct FreshDatabase {
    pub url: String,
    pub backend: Backend,
    admin_url: Option<String>,
    name: Option<String>,
    _dir: Option<tempfile::TempDir>,
}

static COUNTER: AtomicU32 = AtomicU32::new(0);

/// The PostgreSQL server tests use (a maintenance database on it).
pub fn postgres_admin_url() -> String {
    std::env::var("PIAZZA_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned())
}

fn with_database(admin_url: &str, name: &str) -> String {
    let (base, query) = admin_url
        .split_once('?')
        .map_or((admin_url, None), |(b, q)| (b, Some(q)));
    let base = base.rsplit_once('/').map_or(base, |(b, _)| b);
    match query {
        Some(q) => format!("{base}/{name}?{q}"),
        None => format!("{base}/{name}"),
    }
}

impl FreshDatabase {
    pub async fn create(backend: Backend) -> FreshDatabase {
        match backend {
            Backend::Sqlite => {
                let dir = tempfile::tempdir().expect("temporary directory");
                let url = format!("sqlite:{}", dir.path().join("piazza.db").display());
                FreshDatabase {
                    url,
                    backend,
                    admin_url: None,
                    name: None,
                    _dir: Some(dir),
                }
            }
            Backend::Postgres => Self::create_on_postgres(postgres_admin_url()).await,
        }
    }

    /// A fresh database on the PostgreSQL server at `admin_url` (a maintenance database).
    pub async fn create_on_postgres(admin_url: String) -> FreshDatabase {
        let backend = Backend::Postgres;
        let name = format!(
            "piazza_test_{}_{}_{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed),
            rand::random::<u32>()
        );
        let mut conn = PgConnection::connect(&admin_url).await.unwrap_or_else(|e| {
            panic!(
                "PostgreSQL is required for these tests and is unreachable at {admin_url}: {e}. \
                 Run ./scripts/test, which finds or starts one, or set PIAZZA_TEST_POSTGRES_URL."
            )
        });
        sqlx::query(sqlx::AssertSqlSafe(format!("create database {name}")))
            .execute(&mut conn)
            .await
            .expect("create test database");
        conn.close().await.ok();
        FreshDatabase {
            url: with_database(&admin_url, &name),
            backend,
            admin_url: Some(admin_url),
            name: Some(name),
            _dir: None,
        }
    }

    /// Rows in `table`, read over a separate connection.
    pub async fn count(&self, table: &str) -> i64 {
        let sql = sqlx::AssertSqlSafe(format!("select count(*) from {table}"));
        match self.backend {
            Backend::Sqlite => {
                let mut c = SqliteConnection::connect(&self.url)
                    .await
                    .expect("sqlite connect");
                sqlx::query_scalar(sql)
                    .fetch_one(&mut c)
                    .await
                    .expect("count")
            }
            Backend::Postgres => {
                let mut c = PgConnection::connect(&self.url)
                    .await
                    .expect("postgres connect");
                sqlx::query_scalar(sql)
                    .fetch_one(&mut c)
                    .await
                    .expect("count")
            }
        }
    }
}

impl FreshDatabase {
    /// Every table's full content, one digest (PostgreSQL) or concatenation (SQLite) per
    /// table, aggregated in the database: comparing two fingerprints proves a call wrote
    /// nothing at all, whatever table it might have touched.
    pub async fn fingerprint(&self) -> std::collections::BTreeMap<String, String> {
        let mut out = std::collections::BTreeMap::new();
        match self.backend {
            Backend::Sqlite => {
                let mut c = SqliteConnection::connect(&self.url)
                    .await
                    .expect("sqlite connect");
                let tables: Vec<String> = sqlx::query_scalar(
                    "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name",
                )
                .fetch_all(&mut c)
                .await
                .expect("tables");
                for table in tables {
                    let columns: Vec<String> = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
                        "select name from pragma_table_info('{table}')"
                    )))
                    .fetch_all(&mut c)
                    .await
                    .expect("columns");
                    let row = columns
                        .iter()
                        .map(|col| format!("quote(\"{col}\")"))
                        .collect::<Vec<_>>()
                        .join(" || ',' || ");
                    let sql = format!(
                        "select coalesce(group_concat(r, '|'), '') from (select {row} as r from \"{table}\" order by 1)"
                    );
                    let content: String = sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
                        .fetch_one(&mut c)
                        .await
                        .expect("table content");
                    out.insert(table, content);
                }
            }
            Backend::Postgres => {
                let mut c = PgConnection::connect(&self.url)
                    .await
                    .expect("postgres connect");
                let tables: Vec<String> = sqlx::query_scalar(
                    "select tablename::text from pg_tables where schemaname = 'public' order by 1",
                )
                .fetch_all(&mut c)
                .await
                .expect("tables");
                for table in tables {
                    let sql = format!(
                        "select coalesce(md5(string_agg(t::text, '|' order by t::text)), '') from \"{table}\" t"
                    );
                    let content: String = sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
                        .fetch_one(&mut c)
                        .await
                        .expect("table content");
                    out.insert(table, content);
                }
            }
        }
        out
    }
}

impl Drop for FreshDatabase {
    fn drop(&mut self) {
        let (Some(admin_url), Some(name)) = (self.admin_url.take(), self.name.take()) else {
            return;
        };
        // Drop runs inside a test's runtime, so the cleanup gets a thread and runtime of its own.
        let cleanup = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("runtime");
            rt.block_on(async {
                if let Ok(mut conn) = PgConnection::connect(&admin_url).await {
                    let sql = format!("drop database if exists {name} with (force)");
                    let _ = sqlx::query(sqlx::AssertSqlSafe(sql))
                        .execute(&mut conn)
                        .await;
                }
            });
        });
        let _ = cleanup.join();
    }
}
