//! Processes under test: spawning the release `piazza` binary (or `piazza-bench hello`),
//! waiting for its one "listening on" stdout line, and reading its CPU time and memory
//! from `/proc/PID/…` (Linux only).

use std::{
    net::SocketAddr,
    path::{Path, PathBuf},
    process::Stdio,
    time::{Duration, Instant},
};

use anyhow::{Context as _, bail};
use tokio::{
    io::{AsyncBufReadExt, BufReader},
    process::{Child, Command},
};

/// Clock ticks per second of `/proc/PID/stat` (USER_HZ, 100 on every Linux a server meets).
const TICKS_PER_SECOND: f64 = 100.0;
/// Longest wait for a server's "listening on" line.
const START_TIMEOUT: Duration = Duration::from_secs(60);
/// A first start on a freshly seeded database indexes every post for search.
const FIRST_START_TIMEOUT: Duration = Duration::from_secs(900);

/// The release binary under test: `--piazza-bin`, else `$CARGO_TARGET_DIR/release/piazza`,
/// else `target/release/piazza`.
pub fn piazza_bin(explicit: Option<PathBuf>) -> anyhow::Result<PathBuf> {
    let path = explicit.unwrap_or_else(|| {
        let dir =
            std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| "target".into(), PathBuf::from);
        dir.join("release").join("piazza")
    });
    if !path.is_file() {
        bail!(
            "{} not found: run `cargo build --release -p piazza` first (or pass --piazza-bin)",
            path.display()
        );
    }
    Ok(path)
}

/// A running server process; killed when dropped.
pub struct Server {
    pub name: String,
    pub addr: SocketAddr,
    pub pid: u32,
    /// From spawn to the "listening on" line.
    pub started_in: Duration,
    child: Child,
}

impl Server {
    /// Spawns the `piazza serve` binary with the benchmark settings and `extra` variables.
    pub async fn piazza(
        name: &str,
        bin: &Path,
        database_url: &str,
        log_dir: &Path,
        extra: &[(&str, &str)],
    ) -> anyhow::Result<Server> {
        let mut cmd = Command::new(bin);
        cmd.arg("serve")
            .env("PIAZZA_BIND", "127.0.0.1:0")
            .env("PIAZZA_RATE_LIMIT_DISABLED", "true")
            .env("PIAZZA_WS_MAX_PER_IP", "20000")
            .env("PIAZZA_DATABASE_URL", database_url)
            .env("PIAZZA_WEB_DIR", log_dir.join("no-web"));
        for (k, v) in extra {
            cmd.env(k, v);
        }
        Self::spawn(name, cmd, log_dir, START_TIMEOUT).await
    }

    /// Indexes a freshly seeded database for search (`piazza admin index-search`), so that
    /// a server's background indexing of the seeded posts is not part of any measurement.
    pub async fn prepare(bin: &Path, database_url: &str, log_dir: &Path) -> anyhow::Result<()> {
        let log = std::fs::File::create(log_dir.join("piazza-prepare.log"))?;
        let mut cmd = Command::new(bin);
        cmd.args(["admin", "index-search"])
            .env("PIAZZA_DATABASE_URL", database_url)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(log)
            .kill_on_drop(true);
        let status = tokio::time::timeout(FIRST_START_TIMEOUT, cmd.status())
            .await
            .context("indexing the seeded posts took too long")??;
        anyhow::ensure!(status.success(), "piazza admin index-search: {status}");
        Ok(())
    }

    /// Spawns this binary's `hello` subcommand: the floor, a trivial poem handler.
    pub async fn hello(log_dir: &Path) -> anyhow::Result<Server> {
        let mut cmd = Command::new(std::env::current_exe().context("current executable")?);
        cmd.arg("hello");
        Self::spawn("hello", cmd, log_dir, START_TIMEOUT).await
    }

    async fn spawn(
        name: &str,
        mut cmd: Command,
        log_dir: &Path,
        timeout: Duration,
    ) -> anyhow::Result<Server> {
        let log = std::fs::File::create(log_dir.join(format!("{name}.log")))?;
        cmd.stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(log)
            .kill_on_drop(true);
        let started = Instant::now();
        let mut child = cmd.spawn().with_context(|| format!("spawning {name}"))?;
        let stdout = child.stdout.take().context("stdout")?;
        let mut lines = BufReader::new(stdout).lines();
        let line = tokio::time::timeout(timeout, lines.next_line())
            .await
            .with_context(|| format!("{name} did not start within {timeout:?}"))??
            .with_context(|| {
                let log = std::fs::read_to_string(log_dir.join(format!("{name}.log")))
                    .unwrap_or_default();
                let tail: Vec<&str> = log.lines().rev().take(5).collect();
                format!(
                    "{name} exited before listening; its log ends:\n{}",
                    tail.join("\n")
                )
            })?;
        let started_in = started.elapsed();
        let addr = line
            .rsplit_once("http://")
            .and_then(|(_, a)| a.trim().parse().ok())
            .with_context(|| format!("unexpected first line from {name}: {line:?}"))?;
        // Keep draining stdout so the child never blocks on a full pipe.
        tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
        let pid = child.id().context("child pid")?;
        Ok(Server {
            name: name.to_owned(),
            addr,
            pid,
            started_in,
            child,
        })
    }

    pub fn cpu_seconds(&self) -> f64 {
        cpu_seconds(self.pid).unwrap_or(f64::NAN)
    }

    pub fn rss_kb(&self) -> u64 {
        rss_kb(self.pid).unwrap_or(0)
    }

    /// SIGTERM, then up to 15 s for a clean exit, then SIGKILL.
    pub async fn stop(mut self) {
        let _ = std::process::Command::new("kill")
            .args(["-TERM", &self.pid.to_string()])
            .status();
        if tokio::time::timeout(Duration::from_secs(15), self.child.wait())
            .await
            .is_err()
        {
            let _ = self.child.kill().await;
        }
    }
}

/// User + system CPU seconds of a process, from `/proc/PID/stat`.
pub fn cpu_seconds(pid: u32) -> anyhow::Result<f64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat"))?;
    // Field 2 (the command) may contain spaces; utime and stime are the 12th and 13th
    // fields after its closing parenthesis.
    let after = &stat[stat.rfind(')').context("malformed stat")? + 2..];
    let ticks: u64 = after
        .split_whitespace()
        .skip(11)
        .take(2)
        .map(|f| f.parse::<u64>().unwrap_or(0))
        .sum();
    Ok(ticks as f64 / TICKS_PER_SECOND)
}

/// CPU seconds of this (client) process.
pub fn own_cpu_seconds() -> f64 {
    cpu_seconds(std::process::id()).unwrap_or(f64::NAN)
}

/// Resident set size in KiB, from `/proc/PID/status`.
pub fn rss_kb(pid: u32) -> anyhow::Result<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status"))?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .context("VmRSS missing")
}

/// The load average line, printed before every measurement (the machine is shared).
pub fn loadavg() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.trim().to_owned())
        .unwrap_or_default()
}

/// Prints the machine facts once per run.
pub fn print_machine() {
    let cpus = std::thread::available_parallelism().map_or(0, |n| n.get());
    let model = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines().find_map(|l| {
                l.strip_prefix("model name")
                    .map(|m| m.trim_start_matches([' ', '\t', ':']).to_owned())
            })
        })
        .unwrap_or_default();
    println!("machine: {cpus} CPUs, {model}; loadavg {}", loadavg());
}
