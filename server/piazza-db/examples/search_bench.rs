//! Search benchmark (docs/benchmarks.md, row 7): seeds a fresh database with 100k posts of
//! synthetic Italian PA text, indexed as the app indexes them, then measures the search
//! path the `search` query runs (parse with synonyms, the ranked and grouped match, top 20,
//! snippets) for common term, two terms, rare term, prefix and phrase, each with and
//! without a community filter, at concurrency 1 and 16. Prints p50/p99 and queries/s.
//!
//! ```text
//! cargo run --release -p piazza-db --example search_bench -- sqlite [POSTS]
//! cargo run --release -p piazza-db --example search_bench -- postgres [POSTS]
//! ```
//! PostgreSQL comes from `PIAZZA_TEST_POSTGRES_URL` (default: postgres@127.0.0.1:5432); a
//! database `piazza_search_bench` is dropped and recreated. SQLite uses a temporary file.
//! Measures in-process, without HTTP and GraphQL, which the other rows cover.
//! `SEARCH_BENCH_SEED_ONLY=1` stops after seeding and `SEARCH_BENCH_KEEP=1` keeps the SQLite
//! file (in `$TMPDIR/piazza-search-bench/`), to inspect plans with `sqlite3`.
//! `SEARCH_BENCH_REUSE=1` measures on the database a previous run kept (the SQLite file, or
//! the PostgreSQL database) instead of seeding again; `SEARCH_BENCH_CLASSES=common,phrase`
//! measures only the classes named; `SEARCH_BENCH_POOL=N` sizes the connection pool (16, as
//! the server's default).

use std::{
    sync::Arc,
    time::{Duration, Instant},
};

use piazza_db::{
    Backend, Db, PoolSize, now,
    search::{self, NewSearchDoc, SearchFilter},
};
use piazza_search::{Query, Synonyms};
use sqlx::Connection;

/// As in the `piazza` binary.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Italian PA vocabulary, most frequent first (sampled with a Zipf law).
const WORDS: &[&str] = &[
    "comune",
    "ufficio",
    "sindaco",
    "giunta",
    "consiglio",
    "delibera",
    "determina",
    "servizio",
    "affidamento",
    "contratto",
    "bilancio",
    "variazione",
    "personale",
    "progetto",
    "lavori",
    "responsabile",
    "procedura",
    "gara",
    "offerta",
    "fornitura",
    "termine",
    "scadenza",
    "documento",
    "parere",
    "revisore",
    "segretario",
    "dirigente",
    "assunzione",
    "concorso",
    "graduatoria",
    "tributi",
    "imposta",
    "tassa",
    "rifiuti",
    "acqua",
    "strade",
    "scuola",
    "mensa",
    "trasporto",
    "sociale",
    "anagrafe",
    "elettorale",
    "cimitero",
    "edilizia",
    "urbanistica",
    "ambiente",
    "polizia",
    "locale",
    "protezione",
    "civile",
    "biblioteca",
    "cultura",
    "turismo",
    "sport",
    "verde",
    "pubblico",
    "illuminazione",
    "manutenzione",
    "progettazione",
    "progettista",
    "collaudo",
    "direttore",
    "esecuzione",
    "cantiere",
    "finanziamento",
    "regione",
    "stato",
    "fondo",
    "contributo",
    "rendiconto",
    "avanzo",
    "disavanzo",
    "cassa",
    "mutuo",
    "investimento",
    "spesa",
    "entrata",
    "accertamento",
    "impegno",
    "liquidazione",
    "mandato",
    "reversale",
    "tesoreria",
    "economato",
    "inventario",
    "patrimonio",
    "immobile",
    "locazione",
    "concessione",
    "convenzione",
    "associazione",
    "unione",
    "consorzio",
    "società",
    "partecipata",
    "controllo",
    "trasparenza",
    "anticorruzione",
    "privacy",
    "accesso",
    "atti",
    "protocollo",
    "archivio",
    "notifica",
    "albo",
    "pretorio",
    "pubblicazione",
    "regolamento",
    "statuto",
    "ordinanza",
    "decreto",
    "nomina",
    "incarico",
    "compenso",
    "indennità",
    "ferie",
    "permesso",
    "malattia",
    "orario",
    "straordinario",
    "produttività",
    "valutazione",
    "performance",
    "obiettivo",
    "piano",
    "programma",
    "triennale",
    "annuale",
    "digitale",
    "piattaforma",
    "firma",
    "posta",
    "certificata",
    "sportello",
    "cittadino",
    "utente",
    "richiesta",
    "istanza",
    "autorizzazione",
    "segnalazione",
    "verifica",
    "sanzione",
    "ricorso",
    "tribunale",
    "avvocato",
    "contenzioso",
];

/// A small deterministic generator (xorshift64*), so every run seeds the same corpus.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// Zipf sampling by inverting the cumulative weights 1/(rank+1).
struct Zipf(Vec<f64>);

impl Zipf {
    fn new(n: usize) -> Self {
        let mut acc = 0.0;
        Zipf(
            (0..n)
                .map(|r| {
                    acc += 1.0 / (r as f64 + 1.0);
                    acc
                })
                .collect(),
        )
    }

    fn sample(&self, rng: &mut Rng) -> usize {
        let total = *self.0.last().unwrap_or(&1.0);
        let x = (rng.below(1 << 30) as f64 / f64::from(1u32 << 30)) * total;
        self.0.partition_point(|c| *c < x).min(self.0.len() - 1)
    }
}

fn text(rng: &mut Rng, zipf: &Zipf, words: usize, post: i64) -> String {
    let mut out = Vec::with_capacity(words + 4);
    for _ in 0..words {
        out.push(WORDS[zipf.sample(rng)]);
    }
    // Fixed shares for the query classes: a phrase in 2% of posts, a rare word in 0.01%.
    if post % 50 == 7 {
        out.insert(out.len() / 2, "variazione di bilancio");
    }
    if post % 10_000 == 4_321 {
        out.push("zibaldone");
    }
    out.join(" ")
}

fn pool_size() -> PoolSize {
    let max_connections = std::env::var("SEARCH_BENCH_POOL")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(PoolSize::default().max_connections);
    PoolSize { max_connections }
}

fn postgres_url(database: &str) -> anyhow_like::Result<String> {
    let base = std::env::var("PIAZZA_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned());
    match base.rsplit_once('/') {
        Some((server, _)) => Ok(format!("{server}/{database}")),
        None => Err("bad PostgreSQL URL".into()),
    }
}

/// The database a previous run kept.
async fn existing_db(backend: &str) -> anyhow_like::Result<(Db, Option<tempdir::Dir>)> {
    let url = match backend {
        "sqlite" => {
            let file = std::env::temp_dir().join("piazza-search-bench/bench.db");
            if !file.exists() {
                return Err(format!("no kept database at {}", file.display()).into());
            }
            format!("sqlite:{}", file.display())
        }
        "postgres" => postgres_url("piazza_search_bench")?,
        _ => return Err("backend: sqlite or postgres".into()),
    };
    let db = Db::connect(&url, pool_size()).await?;
    // Later migrations (such as the search vocabulary) apply to a kept database too.
    db.migrate().await?;
    Ok((db, None))
}

async fn fresh_db(backend: &str) -> anyhow_like::Result<(Db, Option<tempdir::Dir>)> {
    match backend {
        "sqlite" => {
            let dir = tempdir::Dir::new()?;
            let url = format!("sqlite:{}/bench.db", dir.path());
            Ok((Db::connect(&url, pool_size()).await?, Some(dir)))
        }
        "postgres" => {
            let mut admin = sqlx::PgConnection::connect(&postgres_url("postgres")?).await?;
            sqlx::query("drop database if exists piazza_search_bench with (force)")
                .execute(&mut admin)
                .await?;
            sqlx::query("create database piazza_search_bench")
                .execute(&mut admin)
                .await?;
            let url = postgres_url("piazza_search_bench")?;
            Ok((Db::connect(&url, pool_size()).await?, None))
        }
        _ => Err("backend: sqlite or postgres".into()),
    }
}

/// Plain SQL for the bench's setup (users, communities), on the writing pool.
async fn exec(db: &Db, sql: &str) -> anyhow_like::Result<()> {
    match db.backend() {
        Backend::Sqlite { write, .. } => {
            sqlx::query(sqlx::AssertSqlSafe(sql.to_owned()))
                .execute(write)
                .await?;
        }
        Backend::Postgres(pool) => {
            sqlx::query(sqlx::AssertSqlSafe(sql.to_owned()))
                .execute(pool)
                .await?;
        }
    }
    Ok(())
}

const COMMUNITIES: i64 = 10;
const POSTS_PER_THREAD: i64 = 10;

async fn seed(db: &Db, posts: i64) -> anyhow_like::Result<()> {
    exec(
        db,
        "insert into users (email, password_hash, display_name, handle, role, created_at) \
        values ('bench@example.it', 'x', 'Bench', 'bench', 'member', '2026-01-01T00:00:00Z')",
    )
    .await?;
    for c in 1..=COMMUNITIES {
        exec(
            db,
            &format!(
                "insert into communities (slug, name, description, created_at) \
            values ('c{c}', 'C{c}', 'd', '2026-01-01T00:00:00Z')"
            ),
        )
        .await?;
    }
    let user: i64 = match db.backend() {
        Backend::Sqlite { read, .. } => {
            sqlx::query_scalar("select id from users")
                .fetch_one(read)
                .await?
        }
        Backend::Postgres(pool) => {
            sqlx::query_scalar("select id from users")
                .fetch_one(pool)
                .await?
        }
    };
    let communities: Vec<i64> = match db.backend() {
        Backend::Sqlite { read, .. } => {
            sqlx::query_scalar("select id from communities order by id")
                .fetch_all(read)
                .await?
        }
        Backend::Postgres(pool) => {
            sqlx::query_scalar("select id from communities order by id")
                .fetch_all(pool)
                .await?
        }
    };
    let mut rng = Rng(0x5eed_1234_abcd_ef01);
    let zipf = Zipf::new(WORDS.len());
    let started = Instant::now();
    let mut post = 0;
    while post < posts {
        let mut tx = db.begin().await?;
        for _ in 0..200 {
            if post >= posts {
                break;
            }
            let community = communities[(post / POSTS_PER_THREAD) as usize % communities.len()];
            let title = text(&mut rng, &zipf, 8, post);
            let at = now();
            let tags: Vec<String> = Vec::new();
            let thread = piazza_db::threads::insert_thread(
                &mut tx,
                &piazza_db::threads::NewThread {
                    community_id: community,
                    author_id: user,
                    kind: "question",
                    title: &title,
                    tags: &tags,
                    created_at: at,
                },
            )
            .await?;
            for i in 0..POSTS_PER_THREAD.min(posts - post) {
                let body = text(&mut rng, &zipf, 40, post);
                let id = piazza_db::posts::insert_post(
                    &mut tx,
                    &piazza_db::posts::NewPost {
                        thread_id: thread,
                        author_id: user,
                        body: &body,
                        body_html: "",
                        renderer_version: 1,
                        created_at: at,
                    },
                )
                .await?;
                if i == 0 {
                    piazza_db::threads::set_first_post(&mut tx, thread, id).await?;
                }
                // As the app indexes (services::search::indexed): community token first.
                let token = piazza_search::analyze::community_token(community);
                let terms = if i == 0 {
                    format!("{token} {}", piazza_search::index_text(&[&title, &body]))
                } else {
                    format!("{token} {}", piazza_search::index_text(&[&body]))
                };
                search::upsert_doc(
                    &mut tx,
                    &NewSearchDoc {
                        kind: search::POST,
                        thread_id: Some(thread),
                        post_id: Some(id),
                        faq_entry_id: None,
                        community_id: community,
                        author_id: Some(user),
                        title: &title,
                        body: &body,
                        terms: &terms,
                        is_first_post: i == 0,
                        is_accepted: false,
                        is_official: false,
                        hidden: None,
                        created_at: at,
                    },
                )
                .await?;
                post += 1;
            }
        }
        tx.commit().await?;
    }
    // PostgreSQL: the statistics and the visibility map autovacuum leaves after a bulk
    // load; without the map the phrase's index-only walk of `search_pairs` reads a heap row
    // per entry (13.8 ms of server CPU instead of 2.8 for a phrase in a community:
    // docs/benchmarks.md, row 7). SQLite, which the app never analyzes, plans its search
    // statements the same without statistics (FTS5 first, then the documents by rowid).
    let tidy = match db.backend() {
        Backend::Sqlite { .. } => "analyze",
        Backend::Postgres(_) => "vacuum analyze",
    };
    exec(db, tidy).await?;
    println!(
        "seeded {posts} posts in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// What one `search` request does below GraphQL: parse, match, snippets for the top 20.
async fn one_search(db: &Db, synonyms: &Synonyms, q: &str, filter: &SearchFilter) -> usize {
    let mut query = Query::parse(q, synonyms).expect("valid query");
    if let Some(id) = filter.community_id {
        query = query.in_community(id);
    }
    let hits = search::search(db, &query, filter, 0, 21)
        .await
        .expect("search");
    let matcher = query.matcher();
    for h in &hits {
        std::hint::black_box(piazza_search::snippet(&h.body, &matcher, 220));
        std::hint::black_box(piazza_search::highlight(&h.title, &matcher));
    }
    hits.len()
}

/// CPU time a process has used (all threads), from `/proc/PID/stat` (Linux; ticks of
/// 10 ms): per query, it does not depend on what else the machine is running.
fn cpu_of(stat_path: &std::path::Path) -> Duration {
    let stat = std::fs::read_to_string(stat_path).unwrap_or_default();
    // Fields after the command name, which is in parentheses: utime and stime are the
    // 12th and 13th.
    let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let ticks: u64 = after
        .split_whitespace()
        .skip(11)
        .take(2)
        .filter_map(|f| f.parse::<u64>().ok())
        .sum();
    Duration::from_millis(ticks * 10)
}

fn process_cpu() -> Duration {
    cpu_of(std::path::Path::new("/proc/self/stat"))
}

/// CPU time of every PostgreSQL server process on this machine (the server runs the SQL
/// of the PostgreSQL backend; zero for SQLite, whose work is in this process). Processes
/// that exit meanwhile are missed, so it is a lower bound; the pool keeps its connections.
fn postgres_cpu() -> Duration {
    let Ok(dir) = std::fs::read_dir("/proc") else {
        return Duration::ZERO;
    };
    dir.filter_map(Result::ok)
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .bytes()
                .all(|b| b.is_ascii_digit())
        })
        .filter(|e| {
            std::fs::read_to_string(e.path().join("comm")).is_ok_and(|c| c.trim() == "postgres")
        })
        .map(|e| cpu_of(&e.path().join("stat")))
        .sum()
}

fn pct(sorted: &[Duration], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i].as_secs_f64() * 1000.0
}

#[tokio::main(flavor = "multi_thread")]
async fn main() -> anyhow_like::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let backend = args.get(1).map_or("sqlite", String::as_str).to_owned();
    let posts: i64 = args.get(2).map_or(Ok(100_000), |s| s.parse())?;
    let reuse = std::env::var_os("SEARCH_BENCH_REUSE").is_some();
    let (db, _dir) = if reuse {
        existing_db(&backend).await?
    } else {
        let (db, dir) = fresh_db(&backend).await?;
        db.migrate().await?;
        seed(&db, posts).await?;
        (db, dir)
    };
    if std::env::var_os("SEARCH_BENCH_SEED_ONLY").is_some() {
        return Ok(());
    }
    let db = Arc::new(db);
    let synonyms = Arc::new(Synonyms::builtin());
    let community = match db.backend() {
        Backend::Sqlite { read, .. } => {
            sqlx::query_scalar::<_, i64>("select min(id) from communities")
                .fetch_one(read)
                .await?
        }
        Backend::Postgres(pool) => {
            sqlx::query_scalar::<_, i64>("select min(id) from communities")
                .fetch_one(pool)
                .await?
        }
    };
    let classes = [
        ("common term", "comune"),
        ("two terms", "determina affidamento"),
        ("rare term", "zibaldone"),
        ("prefix", "progett*"),
        ("phrase", "\"variazione di bilancio\""),
    ];
    println!(
        "backend {backend}, {posts} posts, rank window {}",
        search::RANK_WINDOW
    );
    println!(
        "| class | filter | c | queries | p50 ms | p99 ms | q/s | CPU ms/query | server CPU ms/query | hits |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|");
    let only = std::env::var("SEARCH_BENCH_CLASSES").ok();
    let wanted = |name: &str| {
        only.as_deref()
            .is_none_or(|o| o.split(',').any(|c| name.starts_with(c.trim())))
    };
    for (name, q) in classes.into_iter().filter(|(name, _)| wanted(name)) {
        for scoped in [false, true] {
            let filter = SearchFilter {
                community_id: scoped.then_some(community),
                ..SearchFilter::default()
            };
            // Warm-up.
            let hits = one_search(&db, &synonyms, q, &filter).await;
            for c in [1usize, 16] {
                let per_task = if c == 1 { 200 } else { 50 };
                let started = Instant::now();
                let cpu_before = process_cpu();
                let server_before = if backend == "postgres" {
                    postgres_cpu()
                } else {
                    Duration::ZERO
                };
                let mut tasks = Vec::new();
                for _ in 0..c {
                    let (db, synonyms, filter) = (db.clone(), synonyms.clone(), filter.clone());
                    tasks.push(tokio::spawn(async move {
                        let mut lat = Vec::with_capacity(per_task);
                        for _ in 0..per_task {
                            let t = Instant::now();
                            one_search(&db, &synonyms, q, &filter).await;
                            lat.push(t.elapsed());
                        }
                        lat
                    }));
                }
                let mut lat = Vec::new();
                for t in tasks {
                    lat.extend(t.await?);
                }
                let wall = started.elapsed().as_secs_f64();
                let cpu = (process_cpu() - cpu_before).as_secs_f64() * 1000.0;
                let server = match backend.as_str() {
                    "postgres" => {
                        let ms =
                            postgres_cpu().saturating_sub(server_before).as_secs_f64() * 1000.0;
                        format!("{:.2}", ms / lat.len() as f64)
                    }
                    _ => "–".to_owned(),
                };
                lat.sort();
                println!(
                    "| {name} `{q}` | {} | {c} | {} | {:.1} | {:.1} | {:.0} | {:.2} | {server} | {hits} |",
                    if scoped { "community" } else { "none" },
                    lat.len(),
                    pct(&lat, 0.5),
                    pct(&lat, 0.99),
                    lat.len() as f64 / wall,
                    cpu / lat.len() as f64,
                );
            }
        }
    }
    db.close().await;
    Ok(())
}

/// Errors as boxed trait objects: this example needs no error crate.
mod anyhow_like {
    pub type Result<T, E = Box<dyn std::error::Error + Send + Sync>> = std::result::Result<T, E>;
}

/// A temporary directory removed on drop, without a dependency.
mod tempdir {
    pub struct Dir(std::path::PathBuf);

    impl Dir {
        pub fn new() -> std::io::Result<Self> {
            let path = std::env::temp_dir().join("piazza-search-bench");
            std::fs::create_dir_all(&path)?;
            Ok(Dir(path))
        }

        pub fn path(&self) -> String {
            self.0.display().to_string()
        }
    }

    impl Drop for Dir {
        fn drop(&mut self) {
            if std::env::var_os("SEARCH_BENCH_KEEP").is_none() {
                let _ = std::fs::remove_dir_all(&self.0);
            }
        }
    }
}
