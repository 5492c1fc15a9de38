//! A private Redis server for tests that stop and restart it (the shared one must stay up).

use std::{
    net::TcpListener,
    process::{Child, Command, Stdio},
    time::Duration,
};

pub struct RedisServer {
    pub port: u16,
    child: Option<Child>,
    dir: tempfile::TempDir,
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .expect("bind")
        .local_addr()
        .expect("addr")
        .port()
}

impl RedisServer {
    /// Starts `redis-server` on a free port; fails the test if it is not installed.
    pub async fn start() -> RedisServer {
        let dir = tempfile::tempdir().expect("temporary directory");
        let mut server = RedisServer {
            port: free_port(),
            child: None,
            dir,
        };
        server.launch().await;
        server
    }

    pub fn url(&self) -> String {
        format!("redis://127.0.0.1:{}", self.port)
    }

    async fn launch(&mut self) {
        let child = Command::new("redis-server")
            .args([
                "--port",
                &self.port.to_string(),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ])
            .arg("--dir")
            .arg(self.dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("redis-server is installed (Debian: apt-get install redis-server)");
        self.child = Some(child);
        // Ready when it accepts connections (bounded: redis starts in milliseconds).
        let addr = format!("127.0.0.1:{}", self.port);
        tokio::time::timeout(Duration::from_secs(10), async {
            while tokio::net::TcpStream::connect(&addr).await.is_err() {
                tokio::task::yield_now().await;
            }
        })
        .await
        .expect("redis-server accepts connections");
    }

    /// Runs one command on the server, e.g. `["CLIENT", "PAUSE", "2000", "ALL"]`.
    pub async fn command(&self, args: &[&str]) -> ::redis::Value {
        let client = ::redis::Client::open(self.url()).expect("redis URL");
        let mut conn = client
            .get_multiplexed_async_connection()
            .await
            .expect("connected to the private Redis");
        let mut cmd = ::redis::cmd(args[0]);
        for arg in &args[1..] {
            cmd.arg(*arg);
        }
        cmd.query_async(&mut conn).await.expect("redis command")
    }

    /// Number of keys in the database.
    pub async fn key_count(&self) -> i64 {
        match self.command(&["DBSIZE"]).await {
            ::redis::Value::Int(n) => n,
            other => panic!("DBSIZE answered {other:?}"),
        }
    }

    /// Kills the server (connections drop at once).
    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// Starts it again on the same port, empty.
    pub async fn restart(&mut self) {
        self.stop();
        self.launch().await;
    }
}

impl Drop for RedisServer {
    fn drop(&mut self) {
        self.stop();
    }
}
