//! `piazza-bench soak`: a bounded soak test (not a benchmark, not in the default suite).
//!
//! Two release replicas on a private PostgreSQL cluster and a private Redis (so the shared
//! servers are never touched) take a modest mixed load — feed and thread reads, replies,
//! searches, websocket subscribers on both replicas — for a fixed time. PostgreSQL is
//! restarted at one third and Redis at two thirds. The report: errors outside the fault
//! windows (must be zero), errors inside them, p99 latency of the first vs the last part of
//! the run, RSS and open descriptors of each server after warm-up vs at the end, and
//! whether every acknowledged write is stored.

use std::{
    collections::BTreeSet,
    net::{SocketAddr, TcpListener},
    path::{Path, PathBuf},
    process::{Command as StdCommand, Stdio},
    sync::{
        Arc, Mutex,
        atomic::{AtomicBool, AtomicU64, Ordering},
    },
    time::{Duration, Instant},
};

use anyhow::{Context as _, bail};
use serde_json::json;
use sqlx::{Connection, PgConnection};

use crate::{
    http::{Conn, percentile_us},
    proc::{Server, loadavg},
    ws,
};

/// Errors this long after a fault ends still count as the fault's.
const GRACE: Duration = Duration::from_secs(5);
/// Pause between two requests of one load task: the load stays modest on a shared machine.
const THINK: Duration = Duration::from_millis(25);

const FEED: &str = "query($s: String!) { community(slug: $s) { threads(first: 20) { nodes { \
    id title postCount author { displayName } } } } }";
const THREAD: &str = "query($t: ID!) { thread(id: $t) { title posts(first: 20) { nodes { \
    id bodyHtml author { displayName } } } } }";
const SEARCH: &str =
    "query($q: String!) { search(query: $q, first: 10) { nodes { thread { id } } } }";
const REPLY: &str = "mutation($i: CreatePostInput!) { createPost(input: $i) { id } }";

fn free_port() -> anyhow::Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

fn is_root() -> bool {
    StdCommand::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0"))
}

/// A private PostgreSQL cluster from the installed server binaries (trust, user postgres).
struct Postgres {
    port: u16,
    bin: PathBuf,
    data: PathBuf,
}

impl Postgres {
    fn start(dir: &Path) -> anyhow::Result<Postgres> {
        let bin = std::fs::read_dir("/usr/lib/postgresql")
            .context("PostgreSQL server binaries (Debian: apt-get install postgresql)")?
            .filter_map(|e| e.ok().map(|e| e.path().join("bin")))
            .filter(|b| b.join("initdb").exists())
            .max()
            .context("no initdb under /usr/lib/postgresql")?;
        let root = dir.join("pg");
        std::fs::create_dir_all(&root)?;
        if is_root() {
            StdCommand::new("chown")
                .arg("postgres")
                .arg(&root)
                .status()?;
        }
        let pg = Postgres {
            port: free_port()?,
            bin,
            data: root.join("data"),
        };
        let data = pg.data.display().to_string();
        pg.run("initdb", &["-D", &data, "-U", "postgres", "-A", "trust"])?;
        pg.start_server()?;
        Ok(pg)
    }

    fn run(&self, program: &str, args: &[&str]) -> anyhow::Result<()> {
        let exe = self.bin.join(program);
        let mut cmd = if is_root() {
            let mut c = StdCommand::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(&exe);
            c
        } else {
            StdCommand::new(&exe)
        };
        let status = cmd
            .args(args)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()?;
        if !status.success() {
            bail!("{program} {args:?} failed");
        }
        Ok(())
    }

    fn start_server(&self) -> anyhow::Result<()> {
        let data = self.data.display().to_string();
        let root = self
            .data
            .parent()
            .unwrap_or(&self.data)
            .display()
            .to_string();
        let options = format!("-p {} -k {root} -c listen_addresses=127.0.0.1", self.port);
        let log = format!("{root}/postgres.log");
        self.run(
            "pg_ctl",
            &["-D", &data, "-o", &options, "-l", &log, "-w", "start"],
        )
    }

    fn restart(&self) -> anyhow::Result<()> {
        let data = self.data.display().to_string();
        self.run("pg_ctl", &["-D", &data, "-m", "fast", "-w", "stop"])?;
        self.start_server()
    }

    fn url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }
}

impl Drop for Postgres {
    fn drop(&mut self) {
        let data = self.data.display().to_string();
        let _ = self.run("pg_ctl", &["-D", &data, "-m", "immediate", "-w", "stop"]);
    }
}

/// A private Redis, restarted in place (same port, empty).
struct Redis {
    port: u16,
    dir: PathBuf,
    child: Option<std::process::Child>,
}

impl Redis {
    async fn start(dir: &Path) -> anyhow::Result<Redis> {
        let mut redis = Redis {
            port: free_port()?,
            dir: dir.to_owned(),
            child: None,
        };
        redis.launch().await?;
        Ok(redis)
    }

    async fn launch(&mut self) -> anyhow::Result<()> {
        let port = self.port.to_string();
        let child = StdCommand::new("redis-server")
            .args(["--port", &port, "--bind", "127.0.0.1", "--save", ""])
            .args(["--appendonly", "no", "--dir"])
            .arg(&self.dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .context("redis-server (Debian: apt-get install redis-server)")?;
        self.child = Some(child);
        let addr = format!("127.0.0.1:{port}");
        tokio::time::timeout(Duration::from_secs(10), async {
            while tokio::net::TcpStream::connect(&addr).await.is_err() {
                tokio::time::sleep(Duration::from_millis(10)).await;
            }
        })
        .await
        .context("redis-server did not accept connections")
    }

    fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    async fn restart(&mut self) -> anyhow::Result<()> {
        self.kill();
        self.launch().await
    }

    fn url(&self) -> String {
        format!("redis://127.0.0.1:{}", self.port)
    }
}

impl Drop for Redis {
    fn drop(&mut self) {
        self.kill();
    }
}

/// One request as measured.
struct Sample {
    kind: &'static str,
    /// Since the start of the load.
    at: Duration,
    latency_us: u32,
    /// Why it failed, if it did.
    error: Option<String>,
}

/// Everything the load tasks record.
#[derive(Default)]
struct Record {
    samples: Mutex<Vec<Sample>>,
    acknowledged: Mutex<BTreeSet<i64>>,
    deliveries: AtomicU64,
    ws_reconnects: AtomicU64,
}

/// A fault: from when it began to when the operation that caused it returned.
struct Fault {
    what: &'static str,
    from: Duration,
    to: Duration,
}

impl Fault {
    fn covers(&self, at: Duration) -> bool {
        at >= self.from && at <= self.to + GRACE
    }
}

fn open_fds(pid: u32) -> usize {
    std::fs::read_dir(format!("/proc/{pid}/fd")).map_or(0, |d| d.count())
}

/// RSS (KiB) and open descriptors of each server.
fn footprint(servers: &[&Server]) -> Vec<(u64, usize)> {
    servers
        .iter()
        .map(|s| (s.rss_kb(), open_fds(s.pid)))
        .collect()
}

async fn register(conn: &mut Conn, n: usize) -> anyhow::Result<String> {
    let data = conn
        .graphql(
            None,
            "mutation($input: RegisterInput!) { register(input: $input) { token } }",
            json!({ "input": {
                "email": format!("soak{n}.{}@comune.example.it", std::process::id()),
                "password": "una password abbastanza lunga",
                "displayName": format!("Socio Soak {n}"),
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

/// One load task: a loop of `kind` requests against `addr` until `stop`.
async fn load_task(
    kind: &'static str,
    addr: SocketAddr,
    token: String,
    threads: Arc<Vec<i64>>,
    record: Arc<Record>,
    started: Instant,
    stop: Arc<AtomicBool>,
) {
    let mut conn = Conn::new(addr);
    let mut n: u64 = 0;
    while !stop.load(Ordering::Relaxed) {
        n += 1;
        let thread = threads[(n as usize * 7 + kind.len()) % threads.len()].to_string();
        let (query, vars) = match kind {
            "feed" => (FEED, json!({ "s": "appalti-contratti" })),
            "thread" => (THREAD, json!({ "t": thread })),
            "search" => {
                let q = ["appalto", "personale", "bilancio"][n as usize % 3];
                (SEARCH, json!({ "q": q }))
            }
            _ => (
                REPLY,
                json!({ "i": { "threadId": thread, "body": format!("Risposta di carico numero {n}") } }),
            ),
        };
        let sent = Instant::now();
        let result = conn.graphql(Some(&token), query, vars).await;
        let latency_us = sent.elapsed().as_micros().min(u32::MAX as u128) as u32;
        let error = match result {
            Ok(data) => {
                if let Some(id) = data["createPost"]["id"]
                    .as_str()
                    .and_then(|i| i.parse().ok())
                {
                    record.acknowledged.lock().expect("record").insert(id);
                }
                None
            }
            Err(e) => Some(format!("{kind}: {e:#}")),
        };
        record.samples.lock().expect("record").push(Sample {
            kind,
            at: sent - started,
            latency_us,
            error,
        });
        tokio::time::sleep(THINK).await;
    }
}

/// A subscriber that counts deliveries and reconnects whenever its socket ends.
async fn subscriber(addr: SocketAddr, thread: i64, record: Arc<Record>, stop: Arc<AtomicBool>) {
    while !stop.load(Ordering::Relaxed) {
        let Ok(mut socket) = ws::subscribe(addr, thread).await else {
            record.ws_reconnects.fetch_add(1, Ordering::Relaxed);
            tokio::time::sleep(Duration::from_millis(500)).await;
            continue;
        };
        while !stop.load(Ordering::Relaxed) {
            match ws::next_text(&mut socket, Duration::from_millis(500)).await {
                Ok(text) if ws::delivered_post_id(&text).is_ok() => {
                    record.deliveries.fetch_add(1, Ordering::Relaxed);
                }
                Ok(_) => {}
                Err(e) if e.to_string().starts_with("nothing received") => {}
                Err(_) => {
                    record.ws_reconnects.fetch_add(1, Ordering::Relaxed);
                    break;
                }
            }
        }
    }
}

pub async fn soak(bin: &Path, dir: &Path, duration: u64, subscribers: usize) -> anyhow::Result<()> {
    let duration = Duration::from_secs(duration);
    let pg = Arc::new(Postgres::start(dir)?);
    let mut redis = Redis::start(dir).await?;
    crate::db::migrate(bin, &pg.url()).await?;
    let seeded = crate::db::seed(&pg.url(), crate::db::BackendKind::Postgres, 50, 200).await?;
    let extra = [
        ("PIAZZA_REDIS_URL", redis.url()),
        ("PIAZZA_DB_MAX_CONNECTIONS", "8".to_owned()),
    ];
    let extra: Vec<(&str, &str)> = extra.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let a = Server::piazza("soak-a", bin, &pg.url(), dir, &extra).await?;
    let b = Server::piazza("soak-b", bin, &pg.url(), dir, &extra).await?;
    let threads: Arc<Vec<i64>> =
        Arc::new((seeded.first_thread..seeded.first_thread + 20).collect());
    println!(
        "soak: 2 replicas, private PostgreSQL :{} and Redis :{}; {} s; PostgreSQL restart at 1/3, Redis restart at 2/3",
        pg.port,
        redis.port,
        duration.as_secs()
    );

    let record = Arc::new(Record::default());
    let stop = Arc::new(AtomicBool::new(false));
    let started = Instant::now();
    let mut tasks = Vec::new();
    let mut conn = Conn::new(a.addr);
    for (i, kind) in [
        "feed", "thread", "search", "reply", "feed", "thread", "reply", "thread",
    ]
    .into_iter()
    .enumerate()
    {
        let addr = if i % 2 == 0 { a.addr } else { b.addr };
        let token = register(&mut conn, i).await?;
        tasks.push(tokio::spawn(load_task(
            kind,
            addr,
            token,
            threads.clone(),
            record.clone(),
            started,
            stop.clone(),
        )));
    }
    for i in 0..subscribers {
        let addr = if i % 2 == 0 { a.addr } else { b.addr };
        tasks.push(tokio::spawn(subscriber(
            addr,
            threads[i % threads.len()],
            record.clone(),
            stop.clone(),
        )));
    }

    // Warm-up, then the baseline footprint.
    tokio::time::sleep(Duration::from_secs(10).min(duration / 10)).await;
    let before = footprint(&[&a, &b]);
    let mut faults = Vec::new();
    tokio::time::sleep_until((started + duration / 3).into()).await;
    let from = started.elapsed();
    let restart = tokio::task::spawn_blocking({
        let pg = pg.clone();
        move || pg.restart()
    });
    restart.await??;
    faults.push(Fault {
        what: "PostgreSQL restart",
        from,
        to: started.elapsed(),
    });
    println!(
        "  {:>5.1} s PostgreSQL restarted (took {:.1} s); loadavg {}",
        from.as_secs_f64(),
        (faults[0].to - from).as_secs_f64(),
        loadavg()
    );
    tokio::time::sleep_until((started + duration * 2 / 3).into()).await;
    let from = started.elapsed();
    redis.restart().await?;
    faults.push(Fault {
        what: "Redis restart",
        from,
        to: started.elapsed(),
    });
    println!(
        "  {:>5.1} s Redis restarted; loadavg {}",
        from.as_secs_f64(),
        loadavg()
    );
    tokio::time::sleep_until((started + duration).into()).await;
    let after = footprint(&[&a, &b]);
    stop.store(true, Ordering::Relaxed);
    for task in tasks {
        let _ = task.await;
    }

    report(&record, &faults, duration, &before, &after);
    // Every acknowledged write is stored.
    let mut conn = PgConnection::connect(&pg.url()).await?;
    let stored: Vec<i64> = sqlx::query_scalar("select id from posts")
        .fetch_all(&mut conn)
        .await?;
    let stored: BTreeSet<i64> = stored.into_iter().collect();
    let acknowledged = record.acknowledged.lock().expect("record").clone();
    let lost = acknowledged.difference(&stored).count();
    println!("  acknowledged writes {}, lost {lost}", acknowledged.len());
    a.stop().await;
    b.stop().await;
    let outside = record
        .samples
        .lock()
        .expect("record")
        .iter()
        .filter(|s| s.error.is_some() && !faults.iter().any(|f| f.covers(s.at)))
        .count();
    if outside > 0 || lost > 0 {
        bail!(
            "soak failed: {outside} errors outside fault windows, {lost} acknowledged writes lost"
        );
    }
    println!("RESULT soak: passed");
    Ok(())
}

fn report(
    record: &Record,
    faults: &[Fault],
    duration: Duration,
    before: &[(u64, usize)],
    after: &[(u64, usize)],
) {
    let samples = record.samples.lock().expect("record");
    let total = samples.len();
    let in_fault = |s: &Sample| faults.iter().any(|f| f.covers(s.at));
    let outside: Vec<&Sample> = samples
        .iter()
        .filter(|s| s.error.is_some() && !in_fault(s))
        .collect();
    println!(
        "  requests {total} ({:.0}/s); websocket deliveries {}, websocket reconnects {}",
        total as f64 / duration.as_secs_f64(),
        record.deliveries.load(Ordering::Relaxed),
        record.ws_reconnects.load(Ordering::Relaxed)
    );
    for fault in faults {
        let errors = samples
            .iter()
            .filter(|s| s.error.is_some() && fault.covers(s.at))
            .count();
        println!(
            "  {}: window {:.1}–{:.1} s (+{} s grace), {errors} errors",
            fault.what,
            fault.from.as_secs_f64(),
            fault.to.as_secs_f64(),
            GRACE.as_secs()
        );
    }
    println!("  errors outside fault windows: {}", outside.len());
    for s in outside.iter().take(5) {
        println!(
            "    at {:.1} s: {}",
            s.at.as_secs_f64(),
            s.error.as_deref().unwrap_or_default()
        );
    }
    // p99 drift: successful requests outside faults, first vs last part of the run.
    let part = Duration::from_secs(60).min(duration / 4);
    let p99 = |kind: Option<&str>, from: Duration, to: Duration| {
        let mut l: Vec<u32> = samples
            .iter()
            .filter(|s| s.error.is_none() && !in_fault(s) && s.at >= from && s.at < to)
            .filter(|s| kind.is_none_or(|k| s.kind == k))
            .map(|s| s.latency_us)
            .collect();
        l.sort_unstable();
        (percentile_us(&l, 99.0) / 1000.0, l.len())
    };
    for kind in [
        None,
        Some("feed"),
        Some("thread"),
        Some("search"),
        Some("reply"),
    ] {
        let (first, n_first) = p99(kind, Duration::ZERO, part);
        let (last, n_last) = p99(kind, duration - part, duration);
        println!(
            "  p99 {:<7} first {} s {first:.1} ms ({n_first}), last {} s {last:.1} ms ({n_last}): drift {:+.1} ms",
            kind.unwrap_or("all"),
            part.as_secs(),
            part.as_secs(),
            last - first
        );
    }
    for (i, ((rss0, fd0), (rss1, fd1))) in before.iter().zip(after).enumerate() {
        println!(
            "  replica {}: RSS {:.1} → {:.1} MiB ({:+.1}), open fds {fd0} → {fd1} ({:+})",
            ["A", "B"][i],
            *rss0 as f64 / 1024.0,
            *rss1 as f64 / 1024.0,
            (*rss1 as f64 - *rss0 as f64) / 1024.0,
            *fd1 as i64 - *fd0 as i64
        );
    }
}
