//! `piazza-bench`: the benchmark suite of docs/benchmarks.md. Each subcommand is one row:
//! it makes a fresh database, starts the release `piazza` binary as a separate process
//! (and, for ratios, the `hello` floor as another), drives it over loopback for a bounded
//! time, and prints wall-clock rates and latencies next to server CPU read from
//! `/proc/PID/stat` before and after each phase.

mod db;
mod http;
mod proc;
mod soak;
mod ws;

use std::{
    collections::HashMap,
    net::SocketAddr,
    path::PathBuf,
    sync::{
        Arc,
        atomic::{AtomicU64, Ordering},
    },
    time::{Duration, Instant},
};

use anyhow::{Context as _, bail};
use bytes::Bytes;
use clap::{Parser, Subcommand};
use db::{BackendKind, FreshDb};
use futures_util::{StreamExt, stream};
use http::{Conn, LoadResult, Workload, closed_loop, graphql_ok, occurrences, percentile_us};
use proc::{Server, loadavg, own_cpu_seconds, print_machine};
use serde_json::json;
use tokio::sync::{Mutex, watch};

#[derive(Parser)]
#[command(
    name = "piazza-bench",
    about = "Piazza benchmark suite (see docs/benchmarks.md)"
)]
struct Cli {
    /// The server binary (default: $CARGO_TARGET_DIR/release/piazza).
    #[arg(long, global = true)]
    piazza_bin: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the hello-world floor (a trivial poem handler at /graphql) on 127.0.0.1:0.
    Hello,
    /// Row 1: community feed (20 threads with author and counts): uncached, cached and the
    /// floor, alternating in one run.
    Feed {
        #[arg(long, value_enum, default_value = "sqlite")]
        backend: BackendKind,
        /// Cache in this Redis (default: the in-process cache).
        #[arg(long)]
        redis: Option<String>,
        /// Seconds per phase.
        #[arg(long, default_value_t = 10)]
        duration: u64,
        /// Alternating hello/feed rounds.
        #[arg(long, default_value_t = 3)]
        rounds: u32,
        #[arg(long, default_value_t = 64)]
        concurrency: usize,
        #[arg(long, default_value_t = 100_000)]
        threads: i64,
    },
    /// Row 2: createPost with ≈ 500 B of markdown, closed loop.
    Post {
        #[arg(long, value_enum, default_value = "sqlite")]
        backend: BackendKind,
        #[arg(long, default_value_t = 10)]
        duration: u64,
        #[arg(long, default_value_t = 16)]
        concurrency: usize,
        /// Threads seeded before the run (posts go to the first 1,000).
        #[arg(long, default_value_t = 100_000)]
        threads: i64,
    },
    /// Row 3a: idle subscribed websockets: RSS per connection and idle CPU.
    IdleWs {
        #[arg(long, default_value_t = 10_000)]
        connections: usize,
        /// Seconds of idleness measured.
        #[arg(long, default_value_t = 10)]
        idle: u64,
        /// Threads the connections subscribe to (round robin).
        #[arg(long, default_value_t = 10)]
        topics: i64,
        /// Seconds between the last connection and the measurement. The default lets each
        /// connection's 5 s `connection_init` timer fire (one wake-up each) before measuring.
        #[arg(long, default_value_t = 7)]
        settle: u64,
    },
    /// Row 3b: one thread, many subscribers: steady posts, then bursts.
    Fanout {
        #[arg(long, value_enum, default_value = "sqlite")]
        backend: BackendKind,
        #[arg(long, default_value_t = 1000)]
        subscribers: usize,
        /// Posts per second in the steady phase.
        #[arg(long, default_value_t = 5)]
        rate: u32,
        #[arg(long, default_value_t = 10)]
        steady_secs: u64,
        /// Posts fired at once at the start of each burst second.
        #[arg(long, default_value_t = 50)]
        burst: u32,
        #[arg(long, default_value_t = 5)]
        burst_secs: u64,
    },
    /// Row 4: two replicas on PostgreSQL + Redis: mutation on A, subscribers on B,
    /// interleaved with the same on one replica.
    CrossReplica {
        #[arg(long, default_value_t = 1000)]
        subscribers: usize,
        /// Post pairs (one cross, one single) per second.
        #[arg(long, default_value_t = 5)]
        rate: u32,
        #[arg(long, default_value_t = 20)]
        duration: u64,
        #[arg(long, default_value = "redis://127.0.0.1:6379")]
        redis: String,
    },
    /// Not a benchmark: the bounded soak test of docs/operations.md. Two replicas on a
    /// private PostgreSQL and Redis, mixed load, both restarted midway; fails on errors
    /// outside the fault windows or lost writes.
    Soak {
        /// Seconds of load.
        #[arg(long, default_value_t = 300)]
        duration: u64,
        /// Websocket subscribers (half on each replica).
        #[arg(long, default_value_t = 40)]
        subscribers: usize,
    },
    /// Row 6: start to first 200 on /readyz, binary size, idle RSS.
    ColdStart {
        #[arg(long, default_value_t = 10)]
        runs: usize,
        #[arg(long, default_value_t = 100_000)]
        posts: i64,
    },
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    if matches!(cli.command, Command::Hello) {
        return hello().await;
    }
    let bin = proc::piazza_bin(cli.piazza_bin)?;
    print_machine();
    println!("server binary: {}", bin.display());
    let dir = tempfile::Builder::new().prefix("piazza-bench-").tempdir()?;
    println!("work dir (server logs): {}", dir.path().display());
    match cli.command {
        Command::Hello => unreachable!(),
        Command::Feed {
            backend,
            redis,
            duration,
            rounds,
            concurrency,
            threads,
        } => {
            feed(
                &bin,
                dir.path(),
                (backend, redis.as_deref()),
                duration,
                rounds,
                concurrency,
                threads,
            )
            .await
        }
        Command::Post {
            backend,
            duration,
            concurrency,
            threads,
        } => post(&bin, dir.path(), backend, duration, concurrency, threads).await,
        Command::IdleWs {
            connections,
            idle,
            topics,
            settle,
        } => idle_ws(&bin, dir.path(), connections, idle, topics, settle).await,
        Command::Fanout {
            backend,
            subscribers,
            rate,
            steady_secs,
            burst,
            burst_secs,
        } => {
            let schedule = Schedule {
                rate,
                steady_secs,
                burst,
                burst_secs,
            };
            fanout(&bin, dir.path(), backend, subscribers, schedule).await
        }
        Command::CrossReplica {
            subscribers,
            rate,
            duration,
            redis,
        } => cross_replica(&bin, dir.path(), subscribers, rate, duration, &redis).await,
        Command::ColdStart { runs, posts } => cold_start(&bin, dir.path(), runs, posts).await,
        Command::Soak {
            duration,
            subscribers,
        } => soak::soak(&bin, dir.path(), duration, subscribers).await,
    }
}

// ---------------------------------------------------------------------------------------
// The floor

async fn hello() -> anyhow::Result<()> {
    use poem::{
        EndpointExt as _, Response, Route, Server as PoemServer, handler,
        listener::{Acceptor, Listener, TcpListener},
    };
    use std::io::Write as _;

    #[handler]
    async fn graphql(body: String) -> Response {
        std::hint::black_box(body);
        Response::builder()
            .content_type("application/json")
            .body(r#"{"data":{"hello":"world"}}"#)
    }
    #[handler]
    fn ready() -> &'static str {
        "ok"
    }

    let app = Route::new()
        .at("/graphql", poem::post(graphql))
        .at("/readyz", poem::get(ready))
        .boxed();
    let acceptor = TcpListener::bind("127.0.0.1:0").into_acceptor().await?;
    let addr = acceptor
        .local_addr()
        .first()
        .and_then(|a| a.as_socket_addr().copied())
        .context("no local address")?;
    println!("piazza-bench hello listening on http://{addr}");
    std::io::stdout().flush().ok();
    PoemServer::new_with_acceptor(acceptor).run(app).await?;
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Shared helpers

/// One measured phase against one server.
struct Phase {
    label: String,
    result: LoadResult,
    server_cpu: f64,
    client_cpu: f64,
}

impl Phase {
    fn print_header() {
        println!(
            "  {:<22} {:>8} {:>6} {:>7} {:>9} {:>7} {:>10} {:>8} {:>8} {:>8}",
            "phase",
            "ok",
            "failed",
            "wall-s",
            "req/s",
            "srv-cpu",
            "req/CPU-s",
            "p50-ms",
            "p99-ms",
            "cli-cpu"
        );
    }

    fn print(&self) {
        let r = &self.result;
        let wall = r.elapsed.as_secs_f64();
        println!(
            "  {:<22} {:>8} {:>6} {:>7.2} {:>9.0} {:>7.2} {:>10.0} {:>8.2} {:>8.2} {:>8.2}",
            self.label,
            r.ok,
            r.failed,
            wall,
            r.ok as f64 / wall,
            self.server_cpu,
            r.ok as f64 / self.server_cpu,
            r.percentile_ms(50.0),
            r.percentile_ms(99.0),
            self.client_cpu,
        );
        if let Some(f) = &r.first_failure {
            println!("    first failure: {f}");
        }
    }
}

async fn measure(
    label: &str,
    server: &Server,
    workload: Arc<Workload>,
    concurrency: usize,
    duration: Duration,
) -> Phase {
    let (s0, c0) = (server.cpu_seconds(), own_cpu_seconds());
    let result = closed_loop(server.addr, workload, concurrency, duration).await;
    let (s1, c1) = (server.cpu_seconds(), own_cpu_seconds());
    Phase {
        label: label.to_owned(),
        result,
        server_cpu: s1 - s0,
        client_cpu: c1 - c0,
    }
}

fn summarise(label: &str, phases: &[&Phase]) -> (f64, f64) {
    let mut all = LoadResult::default();
    let (mut cpu, mut client) = (0.0, 0.0);
    for p in phases {
        all.ok += p.result.ok;
        all.failed += p.result.failed;
        all.elapsed += p.result.elapsed;
        all.latencies_us.extend(&p.result.latencies_us);
        cpu += p.server_cpu;
        client += p.client_cpu;
    }
    all.latencies_us.sort_unstable();
    let total = Phase {
        label: format!("{label} (all)"),
        result: all,
        server_cpu: cpu,
        client_cpu: client,
    };
    total.print();
    let r = &total.result;
    (
        r.ok as f64 / total.server_cpu,
        r.ok as f64 / r.elapsed.as_secs_f64(),
    )
}

async fn register(conn: &mut Conn, n: usize) -> anyhow::Result<String> {
    let data = conn
        .graphql(
            None,
            "mutation($input: RegisterInput!) { register(input: $input) { token } }",
            json!({ "input": {
                "email": format!("poster{n}.{}@comune.example.it", std::process::id()),
                "password": "una password abbastanza lunga",
                "displayName": format!("Autore Bench {n}"),
                "comuneIstatCode": "001001", "jobTitle": "Istruttore amministrativo"
            }}),
        )
        .await
        .context("register")?;
    Ok(data["register"]["token"]
        .as_str()
        .context("token")?
        .to_owned())
}

const CREATE_POST: &str = "mutation($input: CreatePostInput!) { createPost(input: $input) { id } }";

fn create_post_body(thread_id: i64, n: u64) -> Bytes {
    serde_json::to_vec(&json!({
        "query": CREATE_POST,
        "variables": { "input": { "threadId": thread_id.to_string(), "body": db::post_markdown(n) } }
    }))
    .expect("json")
    .into()
}

async fn prepared_db(
    bin: &std::path::Path,
    dir: &std::path::Path,
    backend: BackendKind,
    users: i64,
    threads: i64,
) -> anyhow::Result<(FreshDb, db::Seeded)> {
    let fresh = FreshDb::create(backend, dir).await?;
    db::migrate(bin, &fresh.url).await?;
    let seeded = db::seed(&fresh.url, backend, users, threads).await?;
    let started = std::time::Instant::now();
    Server::prepare(bin, &fresh.url, dir).await?;
    println!(
        "first start (indexes the seeded posts for search) took {:.1}s",
        started.elapsed().as_secs_f64()
    );
    Ok((fresh, seeded))
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

// ---------------------------------------------------------------------------------------
// Row 1: community feed

const FEED: &str = "query($s: String!) { community(slug: $s) { threads(first: 20) { nodes { \
    id title kind postCount replyCount score lastActivityAt author { id displayName } } } } }";

async fn feed(
    bin: &std::path::Path,
    dir: &std::path::Path,
    (backend, redis): (BackendKind, Option<&str>),
    duration: u64,
    rounds: u32,
    concurrency: usize,
    threads: i64,
) -> anyhow::Result<()> {
    let (fresh, seeded) = prepared_db(bin, dir, backend, 1000, threads).await?;
    let uncached = Server::piazza(
        "piazza-uncached",
        bin,
        &fresh.url,
        dir,
        &[("PIAZZA_CACHE_DISABLED", "true")],
    )
    .await?;
    let cache_env: Vec<(&str, &str)> = redis.map(|r| ("PIAZZA_REDIS_URL", r)).into_iter().collect();
    let cached = Server::piazza("piazza-cached", bin, &fresh.url, dir, &cache_env).await?;
    let hello = Server::hello(dir).await?;
    let body: Bytes = serde_json::to_vec(&json!({
        "query": FEED, "variables": { "s": seeded.community_slug }
    }))?
    .into();
    for server in [&uncached, &cached] {
        let mut check = Conn::new(server.addr);
        let sample = check
            .graphql(None, FEED, json!({ "s": seeded.community_slug }))
            .await?;
        let nodes = sample["community"]["threads"]["nodes"]
            .as_array()
            .context("nodes")?;
        if nodes.len() != 20 {
            bail!("feed returned {} threads, expected 20", nodes.len());
        }
    }
    let mut check = Conn::new(cached.addr);
    let sample = check
        .graphql(None, FEED, json!({ "s": seeded.community_slug }))
        .await?;
    let sample_bytes = serde_json::to_vec(&json!({ "data": sample }))?.len();
    let cache_kind = redis.map_or("in-process".to_owned(), |r| format!("Redis {r}"));
    println!(
        "feed: {threads} threads in '{}', response ≈ {sample_bytes} B, c={concurrency}, {rounds} × {duration} s per server, alternating hello / uncached / cached ({cache_kind})",
        seeded.community_slug
    );
    let feed_work = Arc::new(Workload {
        path: "/graphql".into(),
        tokens: vec![],
        body: Box::new({
            let b = body.clone();
            move |_| b.clone()
        }),
        valid: Box::new(|b| graphql_ok(b) && occurrences(b, b"\"title\"") == 20),
    });
    let hello_work = Arc::new(Workload {
        path: "/graphql".into(),
        tokens: vec![],
        body: Box::new(move |_| body.clone()),
        valid: Box::new(graphql_ok),
    });
    let phase = Duration::from_secs(duration);
    // Warm-up (not counted): connection setup, page cache, pools, the cache entry.
    let warm = Duration::from_secs(2);
    closed_loop(hello.addr, hello_work.clone(), concurrency, warm).await;
    closed_loop(uncached.addr, feed_work.clone(), concurrency, warm).await;
    closed_loop(cached.addr, feed_work.clone(), concurrency, warm).await;
    let (mut hellos, mut plain, mut hits) = (Vec::new(), Vec::new(), Vec::new());
    Phase::print_header();
    for round in 0..rounds {
        for (name, server, work, into) in [
            ("hello", &hello, &hello_work, &mut hellos),
            ("feed uncached", &uncached, &feed_work, &mut plain),
            ("feed cached", &cached, &feed_work, &mut hits),
        ] {
            println!("  loadavg {}", loadavg());
            let p = measure(
                &format!("{name} {backend:?} #{}", round + 1),
                server,
                work.clone(),
                concurrency,
                phase,
            )
            .await;
            p.print();
            into.push(p);
        }
    }
    println!("totals:");
    let (hello_cpu, hello_wall) = summarise("hello", &hellos.iter().collect::<Vec<_>>());
    let (plain_cpu, plain_wall) = summarise(
        &format!("feed uncached {backend:?}"),
        &plain.iter().collect::<Vec<_>>(),
    );
    let (hit_cpu, hit_wall) = summarise(
        &format!("feed cached {backend:?}"),
        &hits.iter().collect::<Vec<_>>(),
    );
    println!(
        "RESULT feed {backend:?}: cached {hit_cpu:.0} req/CPU-s ({hit_wall:.0} req/s wall), uncached {plain_cpu:.0} req/CPU-s ({plain_wall:.0} req/s); cached/uncached = {:.1}× (CPU), {:.1}× (wall); hello floor {hello_cpu:.0} req/CPU-s ({hello_wall:.0} req/s); cached/floor = 1/{:.1} (CPU)",
        hit_cpu / plain_cpu,
        hit_wall / plain_wall,
        hello_cpu / hit_cpu,
    );
    uncached.stop().await;
    cached.stop().await;
    hello.stop().await;
    fresh.drop_db().await;
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Row 2: create post

async fn post(
    bin: &std::path::Path,
    dir: &std::path::Path,
    backend: BackendKind,
    duration: u64,
    concurrency: usize,
    threads: i64,
) -> anyhow::Result<()> {
    let (fresh, seeded) = prepared_db(bin, dir, backend, 1000, threads).await?;
    let server = Server::piazza("piazza", bin, &fresh.url, dir, &[]).await?;
    let mut conn = Conn::new(server.addr);
    let mut tokens = Vec::new();
    for n in 0..concurrency {
        tokens.push(register(&mut conn, n).await?);
    }
    db::verify_registered(&fresh.url, backend).await?;
    let first = seeded.first_thread;
    let spread = (seeded.last_thread - first + 1).min(1000);
    let workload = Arc::new(Workload {
        path: "/graphql".into(),
        tokens,
        body: Box::new(move |n| create_post_body(first + (n as i64 % spread), n)),
        valid: Box::new(|b| graphql_ok(b) && http::contains(b, b"\"createPost\":{\"id\":\"")),
    });
    println!(
        "post: createPost of {} B markdown, c={concurrency}, {duration} s, {backend:?}, {} members, into {spread} of {threads} threads",
        db::post_markdown(0).len(),
        concurrency
    );
    closed_loop(
        server.addr,
        workload.clone(),
        concurrency,
        Duration::from_secs(2),
    )
    .await;
    let before = db::count(&fresh.url, backend, "posts").await?;
    println!("  loadavg {}", loadavg());
    Phase::print_header();
    let p = measure(
        &format!("createPost {backend:?}"),
        &server,
        workload,
        concurrency,
        Duration::from_secs(duration),
    )
    .await;
    p.print();
    let after = db::count(&fresh.url, backend, "posts").await?;
    let persisted = after - before;
    println!(
        "RESULT post {backend:?}: {:.0} posts/s wall, {:.0} posts/server-CPU-s, p50 {:.2} ms, p99 {:.2} ms; acknowledged {} = rows added {} ({}), failed {}",
        p.result.ok as f64 / p.result.elapsed.as_secs_f64(),
        p.result.ok as f64 / p.server_cpu,
        p.result.percentile_ms(50.0),
        p.result.percentile_ms(99.0),
        p.result.ok,
        persisted,
        if persisted == p.result.ok as i64 {
            "match"
        } else {
            "MISMATCH"
        },
        p.result.failed
    );
    server.stop().await;
    fresh.drop_db().await;
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Row 3a: idle websockets

async fn connect_many(
    addr: SocketAddr,
    n: usize,
    thread_of: impl Fn(usize) -> i64,
) -> (Vec<(i64, ws::Ws)>, usize, Option<String>) {
    let results: Vec<_> = stream::iter((0..n).map(|i| {
        let t = thread_of(i);
        async move { (t, ws::subscribe(addr, t).await) }
    }))
    .buffer_unordered(128)
    .collect()
    .await;
    let mut ok = Vec::with_capacity(n);
    let mut failed = 0;
    let mut first = None;
    for (t, r) in results {
        match r {
            Ok(w) => ok.push((t, w)),
            Err(e) => {
                failed += 1;
                first.get_or_insert_with(|| format!("{e:#}"));
            }
        }
    }
    (ok, failed, first)
}

async fn idle_ws(
    bin: &std::path::Path,
    dir: &std::path::Path,
    connections: usize,
    idle: u64,
    topics: i64,
    settle: u64,
) -> anyhow::Result<()> {
    let (fresh, seeded) = prepared_db(bin, dir, BackendKind::Sqlite, 10, topics.max(1)).await?;
    let server = Server::piazza("piazza", bin, &fresh.url, dir, &[]).await?;
    let mut conn = Conn::new(server.addr);
    let token = register(&mut conn, 0).await?;
    db::verify_registered(&fresh.url, BackendKind::Sqlite).await?;
    // Warm the websocket path once so its one-off allocations are not counted per connection.
    let (warm, _, _) = connect_many(server.addr, 16, |_| seeded.first_thread).await;
    drop(warm);
    tokio::time::sleep(Duration::from_secs(1)).await;
    let rss0 = server.rss_kb();
    println!(
        "idle-ws: {connections} connections to {topics} threads; loadavg {}",
        loadavg()
    );
    let t = Instant::now();
    let first = seeded.first_thread;
    let (mut sockets, failed, first_error) =
        connect_many(server.addr, connections, |i| first + (i as i64 % topics)).await;
    let connect_time = t.elapsed();
    println!(
        "  connected+subscribed {} ({} failed) in {:.1?}{}",
        sockets.len(),
        failed,
        connect_time,
        first_error
            .map(|e| format!("; first error: {e}"))
            .unwrap_or_default()
    );
    // Let the subscription tasks run their resolvers and the allocator settle.
    tokio::time::sleep(Duration::from_secs(settle)).await;
    let rss1 = server.rss_kb();
    println!("  loadavg {}", loadavg());
    let (c0, w0) = (server.cpu_seconds(), Instant::now());
    tokio::time::sleep(Duration::from_secs(idle)).await;
    let (c1, wall) = (server.cpu_seconds(), w0.elapsed());
    let rss2 = server.rss_kb();
    let n = sockets.len() as f64;
    let per_conn = (rss1 as f64 - rss0 as f64) * 1024.0 / n;
    println!(
        "  server RSS: before {rss0} KiB, with {} connected {rss1} KiB, after {idle} s idle {rss2} KiB",
        sockets.len()
    );
    // Prove every subscription is live: one post per topic, each socket must get its own.
    let mut expected = HashMap::new();
    for i in 0..topics {
        let data = conn
            .graphql(
                Some(&token),
                CREATE_POST,
                json!({ "input": { "threadId": (first + i).to_string(), "body": db::post_markdown(i as u64) } }),
            )
            .await?;
        let id: i64 = data["createPost"]["id"].as_str().context("id")?.parse()?;
        expected.insert(first + i, id);
    }
    let expected = Arc::new(expected);
    let checks: Vec<_> = sockets
        .drain(..)
        .map(|(t, mut w)| {
            let expected = expected.clone();
            tokio::spawn(async move {
                let text = ws::next_text(&mut w, Duration::from_secs(30)).await.ok()?;
                let got = ws::delivered_post_id(&text).ok()?;
                (Some(&got) == expected.get(&t)).then_some(w)
            })
        })
        .collect();
    let mut delivered = 0;
    for c in checks {
        if let Ok(Some(_)) = c.await {
            delivered += 1;
        }
    }
    println!(
        "RESULT idle-ws: {:.0} B ({:.1} KB) server RSS per connection over {} connections; idle CPU {:.2} % of one core over {:.1} s ({:.3} CPU-s); liveness check: {delivered}/{} sockets got their event",
        per_conn,
        per_conn / 1000.0,
        n,
        (c1 - c0) / wall.as_secs_f64() * 100.0,
        wall.as_secs_f64(),
        c1 - c0,
        n
    );
    server.stop().await;
    fresh.drop_db().await;
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Rows 3b and 4: fan-out

#[derive(Clone, Copy)]
struct Schedule {
    rate: u32,
    steady_secs: u64,
    burst: u32,
    burst_secs: u64,
}

/// One post sent by the schedule.
#[derive(Clone, Debug)]
struct Sent {
    id: i64,
    thread: i64,
    phase: &'static str,
    sent: Instant,
    responded: Instant,
}

/// Keep-alive connections shared by the posting tasks.
#[derive(Clone)]
struct Pool {
    addr: SocketAddr,
    conns: Arc<Mutex<Vec<Conn>>>,
    token: Arc<String>,
    seq: Arc<AtomicU64>,
}

impl Pool {
    fn new(addr: SocketAddr, token: String) -> Self {
        Self {
            addr,
            conns: Arc::default(),
            token: Arc::new(token),
            seq: Arc::default(),
        }
    }

    async fn post(&self, thread: i64, phase: &'static str) -> anyhow::Result<Sent> {
        let mut conn = self
            .conns
            .lock()
            .await
            .pop()
            .unwrap_or_else(|| Conn::new(self.addr));
        let n = self.seq.fetch_add(1, Ordering::Relaxed);
        let sent = Instant::now();
        let result = conn
            .send(
                "POST",
                "/graphql",
                Some(&self.token),
                create_post_body(thread, n),
            )
            .await;
        let responded = Instant::now();
        self.conns.lock().await.push(conn);
        let (status, body) = result?;
        if status != hyper::StatusCode::OK || !graphql_ok(&body) {
            bail!(
                "createPost: HTTP {status}: {}",
                String::from_utf8_lossy(&body)
            );
        }
        let v: serde_json::Value = serde_json::from_slice(&body)?;
        let id = v["data"]["createPost"]["id"]
            .as_str()
            .context("id")?
            .parse()?;
        Ok(Sent {
            id,
            thread,
            phase,
            sent,
            responded,
        })
    }
}

/// Runs the schedule: `rate` posts/s for `steady_secs` (each to every thread of
/// `threads`), then `burst` posts at once at the start of each of `burst_secs` seconds.
async fn run_schedule(pool: &Pool, threads: &[i64], s: Schedule) -> (Vec<Sent>, usize) {
    let mut tasks = Vec::new();
    if s.rate > 0 && s.steady_secs > 0 {
        let mut tick = tokio::time::interval(Duration::from_secs_f64(1.0 / f64::from(s.rate)));
        for _ in 0..(u64::from(s.rate) * s.steady_secs) {
            tick.tick().await;
            for &t in threads {
                let pool = pool.clone();
                tasks.push(tokio::spawn(async move { pool.post(t, "steady").await }));
            }
        }
    }
    if s.burst > 0 && s.burst_secs > 0 {
        let mut tick = tokio::time::interval(Duration::from_secs(1));
        for _ in 0..s.burst_secs {
            tick.tick().await;
            for _ in 0..s.burst {
                for &t in threads {
                    let pool = pool.clone();
                    tasks.push(tokio::spawn(async move { pool.post(t, "burst").await }));
                }
            }
        }
    }
    let mut sent = Vec::new();
    let mut failed = 0;
    for t in tasks {
        match t.await {
            Ok(Ok(s)) => sent.push(s),
            Ok(Err(e)) => {
                if failed == 0 {
                    println!("  post failed: {e:#}");
                }
                failed += 1;
            }
            Err(_) => failed += 1,
        }
    }
    (sent, failed)
}

/// What one subscriber saw.
struct Seen {
    thread: i64,
    deliveries: Vec<(i64, Instant)>,
    errors: u64,
    first_error: Option<String>,
}

/// Reads every subscriber until `stop`, recording each delivered post id and when.
fn start_readers(
    sockets: Vec<(i64, ws::Ws)>,
    delivered: Arc<AtomicU64>,
    stop: watch::Receiver<bool>,
) -> Vec<tokio::task::JoinHandle<Seen>> {
    sockets
        .into_iter()
        .map(|(thread, mut w)| {
            let (delivered, mut stop) = (delivered.clone(), stop.clone());
            tokio::spawn(async move {
                let mut seen = Seen {
                    thread,
                    deliveries: Vec::new(),
                    errors: 0,
                    first_error: None,
                };
                loop {
                    tokio::select! {
                        frame = w.next() => match frame {
                            Some(Ok(tokio_tungstenite::tungstenite::Message::Text(text))) => {
                                let at = Instant::now();
                                match ws::delivered_post_id(&text) {
                                    Ok(id) => {
                                        seen.deliveries.push((id, at));
                                        delivered.fetch_add(1, Ordering::Relaxed);
                                    }
                                    Err(e) => {
                                        seen.errors += 1;
                                        seen.first_error.get_or_insert(e);
                                    }
                                }
                            }
                            Some(Ok(_)) => {}
                            Some(Err(e)) => {
                                seen.errors += 1;
                                seen.first_error.get_or_insert(format!("{e}"));
                                break;
                            }
                            None => {
                                seen.errors += 1;
                                seen.first_error.get_or_insert("closed".into());
                                break;
                            }
                        },
                        _ = stop.changed() => break,
                    }
                }
                seen
            })
        })
        .collect()
}

/// Fan-out latencies of the posts of `sent` whose thread is in `threads`.
struct FanoutStats {
    posts: usize,
    deliveries: u64,
    missing: u64,
    duplicates: u64,
    errors: u64,
    /// Per post: last delivery minus HTTP response, and minus send (ms, sorted).
    from_response: Vec<u32>,
    from_send: Vec<u32>,
    /// Per delivery: delivery minus HTTP response (µs, sorted).
    each_from_response: Vec<u32>,
}

fn fanout_stats(sent: &[Sent], seen: &[Seen], phase: Option<&str>, threads: &[i64]) -> FanoutStats {
    let posts: HashMap<i64, &Sent> = sent
        .iter()
        .filter(|s| phase.is_none_or(|p| s.phase == p) && threads.contains(&s.thread))
        .map(|s| (s.id, s))
        .collect();
    let mut last: HashMap<i64, Instant> = HashMap::new();
    let mut stats = FanoutStats {
        posts: posts.len(),
        deliveries: 0,
        missing: 0,
        duplicates: 0,
        errors: 0,
        from_response: vec![],
        from_send: vec![],
        each_from_response: vec![],
    };
    for s in seen.iter().filter(|s| threads.contains(&s.thread)) {
        stats.errors += s.errors;
        let mut got = std::collections::HashSet::new();
        for (id, at) in &s.deliveries {
            let Some(p) = posts.get(id) else { continue };
            if !got.insert(*id) {
                stats.duplicates += 1;
                continue;
            }
            stats.deliveries += 1;
            let l = last.entry(*id).or_insert(*at);
            *l = (*l).max(*at);
            stats
                .each_from_response
                .push(at.saturating_duration_since(p.responded).as_micros() as u32);
        }
        stats.missing += posts
            .iter()
            .filter(|(id, p)| p.thread == s.thread && !got.contains(*id))
            .count() as u64;
    }
    for (id, p) in &posts {
        if let Some(at) = last.get(id) {
            stats
                .from_response
                .push(at.saturating_duration_since(p.responded).as_micros() as u32);
            stats
                .from_send
                .push(at.saturating_duration_since(p.sent).as_micros() as u32);
        }
    }
    stats.from_response.sort_unstable();
    stats.from_send.sort_unstable();
    stats.each_from_response.sort_unstable();
    stats
}

fn print_fanout(label: &str, s: &FanoutStats) {
    let p = |v: &[u32], q: f64| percentile_us(v, q) / 1000.0;
    println!(
        "  {label:<16} posts {:>4}, deliveries {:>7}, missing {}, duplicates {}, errors {}; last-subscriber latency from response p50 {:.1} ms p99 {:.1} ms max {:.1} ms; from send p50 {:.1} p99 {:.1} ms; per-delivery p50 {:.1} ms",
        s.posts,
        s.deliveries,
        s.missing,
        s.duplicates,
        s.errors,
        p(&s.from_response, 50.0),
        p(&s.from_response, 99.0),
        p(&s.from_response, 100.0),
        p(&s.from_send, 50.0),
        p(&s.from_send, 99.0),
        p(&s.each_from_response, 50.0),
    );
}

/// Waits (bounded) until `expected` deliveries arrived.
async fn await_deliveries(delivered: &AtomicU64, expected: u64, limit: Duration) {
    let deadline = Instant::now() + limit;
    while delivered.load(Ordering::Relaxed) < expected && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

async fn fanout(
    bin: &std::path::Path,
    dir: &std::path::Path,
    backend: BackendKind,
    subscribers: usize,
    schedule: Schedule,
) -> anyhow::Result<()> {
    let (fresh, seeded) = prepared_db(bin, dir, backend, 10, 100).await?;
    let server = Server::piazza("piazza", bin, &fresh.url, dir, &[]).await?;
    let mut conn = Conn::new(server.addr);
    let pool = Pool::new(server.addr, register(&mut conn, 0).await?);
    db::verify_registered(&fresh.url, backend).await?;
    let (watched, control) = (seeded.first_thread, seeded.first_thread + 1);
    println!(
        "fanout {backend:?}: {subscribers} subscribers of one thread; {} posts/s for {} s, then {} posts at once each second for {} s",
        schedule.rate, schedule.steady_secs, schedule.burst, schedule.burst_secs
    );
    // Control: the same schedule into a thread nobody watches, for the cost of the posts.
    println!("  control (no subscribers) loadavg {}", loadavg());
    let c0 = server.cpu_seconds();
    let (control_sent, control_failed) = run_schedule(&pool, &[control], schedule).await;
    let control_cpu = server.cpu_seconds() - c0;
    let per_post_cpu = control_cpu / control_sent.len().max(1) as f64;
    println!(
        "  control: {} posts ({} failed), {:.2} server CPU-s = {:.0} µs per post",
        control_sent.len(),
        control_failed,
        control_cpu,
        per_post_cpu * 1e6
    );
    let t = Instant::now();
    let (sockets, failed, first_error) = connect_many(server.addr, subscribers, |_| watched).await;
    println!(
        "  {} subscribers connected ({} failed{}) in {:.1?}",
        sockets.len(),
        failed,
        first_error.map(|e| format!(": {e}")).unwrap_or_default(),
        t.elapsed()
    );
    let n_subs = sockets.len() as u64;
    let delivered = Arc::new(AtomicU64::new(0));
    let (stop_tx, stop_rx) = watch::channel(false);
    let readers = start_readers(sockets, delivered.clone(), stop_rx);
    tokio::time::sleep(Duration::from_millis(500)).await;
    println!("  measured loadavg {}", loadavg());
    let (s0, cl0) = (server.cpu_seconds(), own_cpu_seconds());
    let (sent, post_failed) = run_schedule(&pool, &[watched], schedule).await;
    await_deliveries(
        &delivered,
        sent.len() as u64 * n_subs,
        Duration::from_secs(30),
    )
    .await;
    let (s1, cl1) = (server.cpu_seconds(), own_cpu_seconds());
    let _ = stop_tx.send(true);
    let mut seen = Vec::new();
    for r in readers {
        seen.push(r.await?);
    }
    let all = fanout_stats(&sent, &seen, None, &[watched]);
    for phase in ["steady", "burst"] {
        print_fanout(phase, &fanout_stats(&sent, &seen, Some(phase), &[watched]));
    }
    print_fanout("all", &all);
    let cpu = s1 - s0;
    let deliveries = all.deliveries.max(1) as f64;
    let net = cpu - per_post_cpu * sent.len() as f64;
    println!(
        "  server CPU {cpu:.2} s for {} posts ({} failed) and {} deliveries; client CPU {:.2} s",
        sent.len(),
        post_failed,
        all.deliveries,
        cl1 - cl0
    );
    println!(
        "RESULT fanout {backend:?}: {:.1} µs server CPU per delivery ({:.1} µs net of the posts' own cost); full fan-out (last of {n_subs} subscribers, from HTTP response) p50 {:.1} ms p99 {:.1} ms; missing {} duplicates {} errors {}",
        cpu / deliveries * 1e6,
        net / deliveries * 1e6,
        percentile_us(&all.from_response, 50.0) / 1000.0,
        percentile_us(&all.from_response, 99.0) / 1000.0,
        all.missing,
        all.duplicates,
        all.errors
    );
    server.stop().await;
    fresh.drop_db().await;
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Row 4: cross-replica

async fn wait_redis_ready(server: &Server) -> anyhow::Result<()> {
    let mut conn = Conn::new(server.addr);
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        if let Ok((status, body)) = conn.send("GET", "/readyz", None, Bytes::new()).await
            && status == hyper::StatusCode::OK
            && http::contains(&body, b"\"redis\":\"ok\"")
        {
            return Ok(());
        }
        if Instant::now() > deadline {
            bail!("{}: Redis bridge not ready within 15 s", server.name);
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

async fn cross_replica(
    bin: &std::path::Path,
    dir: &std::path::Path,
    subscribers: usize,
    rate: u32,
    duration: u64,
    redis: &str,
) -> anyhow::Result<()> {
    let (fresh, seeded) = prepared_db(bin, dir, BackendKind::Postgres, 10, 100).await?;
    let extra = [("PIAZZA_REDIS_URL", redis)];
    let a = Server::piazza("replica-a", bin, &fresh.url, dir, &extra).await?;
    let b = Server::piazza("replica-b", bin, &fresh.url, dir, &extra).await?;
    wait_redis_ready(&a).await?;
    wait_redis_ready(&b).await?;
    let mut conn = Conn::new(a.addr);
    let pool = Pool::new(a.addr, register(&mut conn, 0).await?);
    db::verify_registered(&fresh.url, BackendKind::Postgres).await?;
    let (cross_thread, single_thread) = (seeded.first_thread, seeded.first_thread + 1);
    println!(
        "cross-replica: PostgreSQL + {redis}; posts on A; {subscribers} subscribers on B (thread {cross_thread}) and {subscribers} on A (thread {single_thread}); {rate} post pairs/s for {duration} s"
    );
    let (on_b, fb, eb) = connect_many(b.addr, subscribers, |_| cross_thread).await;
    let (on_a, fa, ea) = connect_many(a.addr, subscribers, |_| single_thread).await;
    if fa + fb > 0 {
        println!("  connect failures: A {fa} {ea:?}, B {fb} {eb:?}");
    }
    let n_subs = on_b.len() as u64;
    let delivered = Arc::new(AtomicU64::new(0));
    let (stop_tx, stop_rx) = watch::channel(false);
    let mut readers = start_readers(on_b, delivered.clone(), stop_rx.clone());
    readers.extend(start_readers(on_a, delivered.clone(), stop_rx));
    tokio::time::sleep(Duration::from_millis(500)).await;
    println!("  loadavg {}", loadavg());
    let (a0, b0) = (a.cpu_seconds(), b.cpu_seconds());
    let schedule = Schedule {
        rate,
        steady_secs: duration,
        burst: 0,
        burst_secs: 0,
    };
    let (sent, failed) = run_schedule(&pool, &[cross_thread, single_thread], schedule).await;
    await_deliveries(
        &delivered,
        sent.len() as u64 * n_subs,
        Duration::from_secs(30),
    )
    .await;
    let (a1, b1) = (a.cpu_seconds(), b.cpu_seconds());
    let _ = stop_tx.send(true);
    let mut seen = Vec::new();
    for r in readers {
        seen.push(r.await?);
    }
    let cross = fanout_stats(&sent, &seen, None, &[cross_thread]);
    let single = fanout_stats(&sent, &seen, None, &[single_thread]);
    print_fanout("cross (A→B)", &cross);
    print_fanout("single (A→A)", &single);
    println!(
        "  posts failed {failed}; server CPU: A {:.2} s, B {:.2} s ({:.1} µs per delivery on B)",
        a1 - a0,
        b1 - b0,
        (b1 - b0) / cross.deliveries.max(1) as f64 * 1e6
    );
    let p99 = |s: &FanoutStats| percentile_us(&s.from_response, 99.0) / 1000.0;
    println!(
        "RESULT cross-replica: full fan-out p99 {:.1} ms cross vs {:.1} ms single (+{:.1} ms); p50 {:.1} vs {:.1} ms; missing {} / {}",
        p99(&cross),
        p99(&single),
        p99(&cross) - p99(&single),
        percentile_us(&cross.from_response, 50.0) / 1000.0,
        percentile_us(&single.from_response, 50.0) / 1000.0,
        cross.missing,
        single.missing
    );
    a.stop().await;
    b.stop().await;
    fresh.drop_db().await;
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Row 6: cold start

/// Spawn → first 200 on /readyz, and VmRSS right then.
async fn start_to_ready(
    bin: &std::path::Path,
    dir: &std::path::Path,
    url: &str,
) -> anyhow::Result<(Duration, Duration, u64, Server)> {
    let t = Instant::now();
    let server = Server::piazza("cold", bin, url, dir, &[]).await?;
    let mut conn = Conn::new(server.addr);
    let deadline = t + Duration::from_secs(30);
    loop {
        if let Ok((status, _)) = conn.send("GET", "/readyz", None, Bytes::new()).await
            && status == hyper::StatusCode::OK
        {
            break;
        }
        if Instant::now() > deadline {
            bail!("/readyz not 200 within 30 s");
        }
        tokio::task::yield_now().await;
    }
    let ready = t.elapsed();
    let rss = server.rss_kb();
    Ok((server.started_in, ready, rss, server))
}

async fn cold_start(
    bin: &std::path::Path,
    dir: &std::path::Path,
    runs: usize,
    posts: i64,
) -> anyhow::Result<()> {
    let size = std::fs::metadata(bin)?.len();
    println!(
        "RESULT binary size: {size} B = {:.1} MB ({:.1} MiB), release profile (strip = true)",
        size as f64 / 1e6,
        size as f64 / 1048576.0
    );
    // An existing empty database (migrated once), and one with `posts` threads and posts.
    let empty = FreshDb::create(BackendKind::Sqlite, dir).await?;
    db::migrate(bin, &empty.url).await?;
    let (full, _) = prepared_db(bin, dir, BackendKind::Sqlite, 1000, posts).await?;
    let full_label = format!("DB with {posts} threads and {posts} posts");
    let cases: [(&str, Option<&str>); 3] = [
        ("new file (migrations + comuni seed)", None),
        ("empty DB (migrated)", Some(&empty.url)),
        (&full_label, Some(&full.url)),
    ];
    for (label, url) in cases {
        println!("  {label}: loadavg {}", loadavg());
        let mut lines = Vec::new();
        let mut readies = Vec::new();
        let mut rss = Vec::new();
        let mut idle_rss = 0;
        for run in 0..runs {
            let fresh;
            let url = match url {
                Some(u) => u.to_owned(),
                None => {
                    fresh = FreshDb::create(BackendKind::Sqlite, dir).await?;
                    fresh.url.clone()
                }
            };
            let (line, ready, r, server) = start_to_ready(bin, dir, &url).await?;
            if run + 1 == runs {
                tokio::time::sleep(Duration::from_secs(2)).await;
                idle_rss = server.rss_kb();
            }
            server.stop().await;
            lines.push(line);
            readies.push(ready);
            rss.push(r);
        }
        readies.sort();
        lines.sort();
        rss.sort_unstable();
        println!(
            "RESULT cold start, {label}: first 200 on /readyz median {:.1} ms (min {:.1}, max {:.1}) over {runs} runs; 'listening' line median {:.1} ms; RSS at ready median {:.1} MiB, after 2 s idle {:.1} MiB",
            ms(readies[runs / 2]),
            ms(readies[0]),
            ms(readies[runs - 1]),
            ms(lines[runs / 2]),
            rss[runs / 2] as f64 / 1024.0,
            idle_rss as f64 / 1024.0,
        );
    }
    Ok(())
}
