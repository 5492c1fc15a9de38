//! Connecting to the chosen backend, applying migrations, and the two macros that run one
//! portable query on whichever pool or transaction is active.
//!
//! SQLite gets two pools over one WAL file: a single-connection writer, so writers queue in
//! the pool (with its acquire timeout) instead of failing with "database is locked", and a
//! read-only pool for concurrent readers.

use std::{str::FromStr, sync::Arc, time::Duration};

use tokio::sync::{Semaphore, SemaphorePermit};

use sqlx::{
    Postgres, Sqlite,
    postgres::{PgConnectOptions, PgPool, PgPoolOptions},
    sqlite::{
        SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
    },
};

use crate::{DbError, Result};

/// How long a request waits for a pooled connection before failing: a few seconds, so a
/// database outage fails requests fast instead of piling them up.
const ACQUIRE_TIMEOUT: Duration = Duration::from_secs(3);

/// The SQLite writer's page cache, in KiB (see [`Db::connect`]).
pub const WRITER_CACHE_KIB: i64 = 64 * 1024;

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("../../migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("../../migrations/postgres");

/// The pools of the active backend.
#[derive(Clone, Debug)]
pub enum Backend {
    Sqlite { read: SqlitePool, write: SqlitePool },
    Postgres(PgPool),
}

/// The storage handle, cheap to clone (pools are reference-counted).
#[derive(Clone, Debug)]
pub struct Db {
    backend: Backend,
    /// Searches running at once (see [`Db::search_turn`]).
    searches: Arc<Semaphore>,
}

/// A write transaction on the active backend. Dropped without [`Tx::commit`], it rolls back.
pub enum Tx {
    Sqlite(sqlx::Transaction<'static, Sqlite>),
    Postgres(sqlx::Transaction<'static, Postgres>),
}

/// Runs `$body` with `$pool` bound to the active read pool.
macro_rules! on_read {
    ($db:expr, $pool:ident => $body:expr) => {
        match $db.backend() {
            $crate::Backend::Sqlite { read: $pool, .. } => $body,
            $crate::Backend::Postgres($pool) => $body,
        }
    };
}

/// Runs `$body` with `$conn` bound to the transaction's connection.
macro_rules! on_tx {
    ($tx:expr, $conn:ident => $body:expr) => {
        match $tx {
            $crate::Tx::Sqlite(tx) => {
                let $conn = &mut **tx;
                $body
            }
            $crate::Tx::Postgres(tx) => {
                let $conn = &mut **tx;
                $body
            }
        }
    };
}

/// Completes an `in (` already pushed: binds each value, comma-separated, then appends
/// `suffix`, which closes the list (`")"`, `") order by …"`). Values are always bound,
/// never spliced into the SQL.
pub(crate) fn push_in_list<'t, DB, T>(
    qb: &mut sqlx::QueryBuilder<DB>,
    values: impl IntoIterator<Item = T>,
    suffix: &'static str,
) where
    DB: sqlx::Database,
    T: sqlx::Encode<'t, DB> + sqlx::Type<DB>,
{
    let mut list = qb.separated(", ");
    for value in values {
        list.push_bind(value);
    }
    list.push_unseparated(suffix);
}

/// Options for [`Db::connect`].
#[derive(Clone, Debug)]
pub struct PoolSize {
    pub max_connections: u32,
}

impl Default for PoolSize {
    fn default() -> Self {
        Self {
            max_connections: 16,
        }
    }
}

impl Db {
    /// Connects to `url` (`sqlite:PATH` or `postgres://…`), creating a SQLite file and its
    /// directory if missing. Does not migrate: see [`Db::migrate`].
    pub async fn connect(url: &str, size: PoolSize) -> Result<Self> {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        let backend = if url.starts_with("sqlite:") {
            let options = SqliteConnectOptions::from_str(url)
                .map_err(DbError::Other)?
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(5));
            if let Some(dir) = options.get_filename().parent()
                && !dir.as_os_str().is_empty()
            {
                std::fs::create_dir_all(dir)
                    .map_err(|e| DbError::Unavailable(sqlx::Error::Io(e)))?;
            }
            // FTS5 writes every indexed document as a segment of its own (each statement
            // of a transaction flushes its pending terms) and merges them as it goes. With
            // SQLite's default 2 MiB page cache those merges re-read the index from the OS on
            // every document: at 70,000 documents indexing cost 4.3 ms of CPU per document,
            // most of it in `pread`; with this cache, 1.25 ms (docs/benchmarks.md, row 2).
            // The cache grows only as pages are used.
            let write = SqlitePoolOptions::new()
                .max_connections(1)
                // No ping before each use (here and for readers): a file has no other end
                // to hang up, and sqlx's ping is a round trip to the connection's thread.
                // sqlx still pings when a connection is given back.
                .test_before_acquire(false)
                .acquire_timeout(Duration::from_secs(10))
                .connect_with(
                    options
                        .clone()
                        .pragma("cache_size", format!("-{WRITER_CACHE_KIB}")),
                )
                .await?;
            // Reads are CPU work on cached pages: more readers than about two per core only
            // add context switches (each sqlx connection is a thread), which at 16 searches
            // at once on 2 cores nearly doubled the p99 (docs/benchmarks.md, row 7).
            let read = SqlitePoolOptions::new()
                .max_connections(size.max_connections.clamp(2, (2 * cores as u32).max(2)))
                .test_before_acquire(false)
                .acquire_timeout(ACQUIRE_TIMEOUT)
                .connect_with(options.read_only(true))
                .await?;
            Backend::Sqlite { read, write }
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            // The planner's default random page cost (4.0) models spinning disks; on SSDs
            // and cached data (every deployment this runs on) 1.1 is PostgreSQL's usual
            // advice. With 4.0 a community-filtered search walked the whole primary key
            // instead of the community index, 5–10× slower (docs/benchmarks.md, row 7). Set
            // per connection: only Piazza's sessions, no privileges needed.
            let options = PgConnectOptions::from_str(url)
                .map_err(DbError::Other)?
                .options([("random_page_cost", "1.1")]);
            let pool = PgPoolOptions::new()
                .max_connections(size.max_connections)
                .acquire_timeout(ACQUIRE_TIMEOUT)
                .connect_with(options)
                .await?;
            Backend::Postgres(pool)
        } else {
            return Err(DbError::Other(sqlx::Error::Configuration(
                "database URL must start with sqlite: or postgres://".into(),
            )));
        };
        Ok(Self {
            backend,
            searches: Arc::new(Semaphore::new(2 * cores)),
        })
    }

    /// Waits for a search's turn: at most two per core run at once, the others queue in
    /// arrival order. A search is CPU work from start to end (the engine, then ranking in
    /// Rust); sixteen at once on two cores only time-slice, and the unlucky ones took three
    /// to ten times the median (docs/benchmarks.md, row 7). Waiting is bounded like a
    /// pool's acquire.
    pub(crate) async fn search_turn(&self) -> Result<SemaphorePermit<'_>> {
        match tokio::time::timeout(ACQUIRE_TIMEOUT, self.searches.acquire()).await {
            Ok(Ok(permit)) => Ok(permit),
            Ok(Err(_closed)) => Err(DbError::Unavailable(sqlx::Error::PoolClosed)),
            Err(_elapsed) => Err(DbError::Unavailable(sqlx::Error::PoolTimedOut)),
        }
    }

    pub fn backend(&self) -> &Backend {
        &self.backend
    }

    /// `"sqlite"` or `"postgres"`, for logs and metrics.
    pub fn kind(&self) -> &'static str {
        match self.backend {
            Backend::Sqlite { .. } => "sqlite",
            Backend::Postgres(_) => "postgres",
        }
    }

    /// Applies pending migrations of the active backend's tree.
    pub async fn migrate(&self) -> Result<()> {
        match &self.backend {
            Backend::Sqlite { write, .. } => SQLITE_MIGRATIONS.run(write).await?,
            Backend::Postgres(pool) => POSTGRES_MIGRATIONS.run(pool).await?,
        }
        Ok(())
    }

    /// Versions of the embedded migrations, per backend: a test asserts the trees match.
    pub fn migration_versions() -> (Vec<i64>, Vec<i64>) {
        let versions = |m: &sqlx::migrate::Migrator| m.iter().map(|m| m.version).collect();
        (versions(&SQLITE_MIGRATIONS), versions(&POSTGRES_MIGRATIONS))
    }

    /// Starts a write transaction (on SQLite, on the single writer connection).
    pub async fn begin(&self) -> Result<Tx> {
        Ok(match &self.backend {
            Backend::Sqlite { write, .. } => Tx::Sqlite(write.begin().await?),
            Backend::Postgres(pool) => Tx::Postgres(pool.begin().await?),
        })
    }

    /// A trivial round trip, for the readiness probe.
    pub async fn ping(&self) -> Result<()> {
        on_read!(self, pool => sqlx::query("select 1").execute(pool).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    /// Writes a consistent copy of a SQLite database to `path` (`VACUUM INTO`, safe while
    /// the server runs). PostgreSQL deployments back up with `pg_dump` instead.
    pub async fn backup_sqlite(&self, path: &str) -> Result<()> {
        match &self.backend {
            Backend::Sqlite { write, .. } => {
                sqlx::query("vacuum into $1")
                    .bind(path)
                    .execute(write)
                    .await?;
                Ok(())
            }
            Backend::Postgres(_) => Err(DbError::Other(sqlx::Error::Configuration(
                "PostgreSQL is backed up with pg_dump (see docs/operations.md)".into(),
            ))),
        }
    }

    pub async fn close(&self) {
        match &self.backend {
            Backend::Sqlite { read, write } => {
                read.close().await;
                write.close().await;
            }
            Backend::Postgres(pool) => pool.close().await,
        }
    }
}

impl Tx {
    pub async fn commit(self) -> Result<()> {
        match self {
            Tx::Sqlite(tx) => tx.commit().await?,
            Tx::Postgres(tx) => tx.commit().await?,
        }
        Ok(())
    }
}
