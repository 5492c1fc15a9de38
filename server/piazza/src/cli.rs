//! The command line: `serve` (the default), `migrate`, `admin …`, `schema` and `backup`.

use std::io::{IsTerminal, Write};

use anyhow::{Context as _, bail};
use clap::{Parser, Subcommand};

use crate::{Application, Config, app, graphql};

#[derive(Parser, Debug)]
#[command(
    name = "piazza",
    version,
    about = "Piazza: forum e FAQ per i piccoli comuni"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    #[command(flatten)]
    pub config: Config,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Run the server (the default).
    Serve,
    /// Apply database migrations and first-start data, then exit.
    Migrate,
    /// Administration tasks.
    #[command(subcommand)]
    Admin(AdminCommand),
    /// Print the GraphQL schema (SDL).
    Schema,
    /// Copy a SQLite database to a file while the server may be running.
    Backup {
        /// Where to write the copy (must not exist).
        path: String,
    },
}

#[derive(Subcommand, Debug)]
pub enum AdminCommand {
    /// Create an admin, or promote an existing account. The password comes from
    /// PIAZZA_ADMIN_PASSWORD or, on a terminal, a prompt.
    Create {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
    },
    /// Approve an email domain: its members are approved as soon as they verify their
    /// address (for one comune with --comune, else for public bodies generally).
    ApproveDomain {
        #[arg(long)]
        domain: String,
        /// ISTAT code of the comune the domain belongs to.
        #[arg(long)]
        comune: Option<String>,
    },
    /// Index for search every post and FAQ entry the index lacks (data restored from
    /// before search existed, or imported with SQL), then exit. A starting server does the
    /// same in the background; this waits until it is done.
    IndexSearch,
}

pub async fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(cli.config).await,
        Command::Migrate => {
            let db = app::open_database(&cli.config).await?;
            db.close().await;
            println!(
                "migrations applied ({})",
                cli.config.redacted_database_url()
            );
            Ok(())
        }
        Command::Admin(AdminCommand::Create { email, name }) => {
            create_admin(&cli.config, &email, &name).await
        }
        Command::Admin(AdminCommand::ApproveDomain { domain, comune }) => {
            let db = app::open_database(&cli.config).await?;
            let state = app::app_state(db.clone(), &cli.config)?;
            let approved = crate::services::trust::ensure_approved_domain(
                &state,
                &domain,
                comune.as_deref(),
                None,
            )
            .await
            .map_err(|e| anyhow::anyhow!("{}", e.message()))?;
            db.close().await;
            println!("domain {} approved", approved.domain);
            Ok(())
        }
        Command::Admin(AdminCommand::IndexSearch) => {
            let db = app::open_database(&cli.config).await?;
            let state = app::app_state(db.clone(), &cli.config)?;
            let written = crate::services::search::index_missing(&state)
                .await
                .map_err(|e| anyhow::anyhow!("{}", e.message()))?;
            db.close().await;
            println!("{written} documents indexed for search");
            Ok(())
        }
        Command::Backup { path } => {
            let db =
                piazza_db::Db::connect(&cli.config.database_url, piazza_db::PoolSize::default())
                    .await?;
            db.backup_sqlite(&path)
                .await
                .with_context(|| format!("backing up to {path}"))?;
            db.close().await;
            println!("backup written to {path}");
            Ok(())
        }
        Command::Schema => {
            print!("{}", graphql::sdl());
            Ok(())
        }
    }
}

async fn serve(config: Config) -> anyhow::Result<()> {
    tracing::info!(
        bind = %config.bind,
        database = %config.redacted_database_url(),
        redis = config.redis_url.is_some(),
        "starting piazza"
    );
    let app = Application::build(config.clone()).await?;
    let addr = std::net::SocketAddr::new(config.bind.ip(), app.port());
    // One machine-readable line on stdout: scripts and tests wait for it instead of sleeping.
    println!("piazza listening on http://{addr}");
    std::io::stdout().flush().ok();
    app.run_until_stopped(shutdown_signal()).await?;
    tracing::info!("stopped");
    Ok(())
}

/// Resolves on SIGINT or SIGTERM.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
    tracing::info!("shutdown requested; finishing in-flight requests");
}

async fn create_admin(config: &Config, email: &str, name: &str) -> anyhow::Result<()> {
    let password = match std::env::var("PIAZZA_ADMIN_PASSWORD") {
        Ok(p) if !p.is_empty() => p,
        _ if std::io::stdin().is_terminal() => {
            let p = rpassword::prompt_password("Password: ").context("reading the password")?;
            let again = rpassword::prompt_password("Ripeti la password: ")
                .context("reading the password")?;
            if p != again {
                bail!("the passwords differ");
            }
            p
        }
        _ => bail!("set PIAZZA_ADMIN_PASSWORD or run on a terminal to be prompted"),
    };
    let db = app::open_database(config).await?;
    let state = app::app_state(db.clone(), config)?;
    let created = crate::services::accounts::create_admin(&state, email, name, &password)
        .await
        .map_err(|e| anyhow::anyhow!("{}", e.message()))?;
    db.close().await;
    if created {
        println!("admin {email} created");
    } else {
        println!("existing account {email} promoted to admin");
    }
    Ok(())
}
