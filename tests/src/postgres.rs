//! A private PostgreSQL cluster for fault tests that stop and restart the server (the
//! shared one must stay up for the other tests). Built from the installed server binaries.

use std::{
    net::TcpListener,
    path::PathBuf,
    process::{Command, Stdio},
};

pub struct PostgresServer {
    pub port: u16,
    bin: PathBuf,
    dir: tempfile::TempDir,
}

fn bin_dir() -> PathBuf {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .map(|d| {
            d.filter_map(|e| e.ok().map(|e| e.path().join("bin")))
                .collect()
        })
        .unwrap_or_default();
    dirs.sort();
    dirs.pop()
        .filter(|d| d.join("initdb").exists())
        .expect("PostgreSQL server binaries are installed (Debian: apt-get install postgresql)")
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0"))
}

impl PostgresServer {
    fn run(&self, program: &str, args: &[&str]) {
        let exe = self.bin.join(program);
        let mut cmd = if is_root() {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(&exe);
            c
        } else {
            Command::new(&exe)
        };
        let status = cmd
            .args(args)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .expect("run postgres tool");
        assert!(status.success(), "{program} {args:?} failed");
    }

    fn data(&self) -> String {
        self.dir.path().join("data").display().to_string()
    }

    /// Creates and starts a cluster on a free port (trust authentication, user postgres).
    pub fn start() -> PostgresServer {
        let dir = tempfile::tempdir().expect("temporary directory");
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        if is_root() {
            let _ = Command::new("chown")
                .arg("postgres")
                .arg(dir.path())
                .status();
        }
        let server = PostgresServer {
            port,
            bin: bin_dir(),
            dir,
        };
        server.run(
            "initdb",
            &["-D", &server.data(), "-U", "postgres", "-A", "trust"],
        );
        server.pg_ctl("start");
        server
    }

    fn pg_ctl(&self, action: &str) {
        let options = format!(
            "-p {} -k {} -c listen_addresses=127.0.0.1",
            self.port,
            self.dir.path().display()
        );
        let log = self.dir.path().join("log").display().to_string();
        // -w waits until the server accepts connections (or has stopped).
        self.run(
            "pg_ctl",
            &[
                "-D",
                &self.data(),
                "-o",
                &options,
                "-l",
                &log,
                "-m",
                "fast",
                "-w",
                action,
            ],
        );
    }

    pub fn url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }

    pub fn restart(&self) {
        self.pg_ctl("restart");
    }

    pub fn stop(&self) {
        self.pg_ctl("stop");
    }

    pub fn resume(&self) {
        self.pg_ctl("start");
    }
}

impl Drop for PostgresServer {
    fn drop(&mut self) {
        let data = self.data();
        let exe = self.bin.join("pg_ctl");
        let mut cmd = if is_root() {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(exe);
            c
        } else {
            Command::new(exe)
        };
        let _ = cmd
            .args(["-D", &data, "-m", "immediate", "-w", "stop"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }
}
