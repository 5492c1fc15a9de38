//! The `piazza` binary: parse the command line, set up logging, run the command.

use clap::Parser;
use piazza::cli::{self, Cli};
use tracing_subscriber::{EnvFilter, fmt};

/// Many small short-lived allocations on many threads (rows, GraphQL values, JSON) are
/// where glibc's allocator spends most; mimalloc keeps them thread-local. Its `override`
/// feature also gives it the C code's `malloc` (SQLite's, a fifth of a SQLite search's CPU
/// under glibc; docs/benchmarks.md, row 7).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    let filter = EnvFilter::try_from_env("PIAZZA_LOG").unwrap_or_else(|_| EnvFilter::new("info"));
    let logs = fmt().with_env_filter(filter).with_writer(std::io::stderr);
    if cli.config.log_format == "json" {
        logs.json().init();
    } else {
        logs.init();
    }
    match cli::run(cli).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            tracing::error!("{e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
