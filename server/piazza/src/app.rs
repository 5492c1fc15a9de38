//! Building and running the server: `Application::build` connects, migrates, seeds and
//! binds (so tests learn the port before serving), then `run_until_stopped` serves until
//! the shutdown future resolves, finishing in-flight requests.

use std::{future::Future, time::Duration};

use anyhow::Context as _;
use piazza_db::{Db, PoolSize};
use piazza_live::Bus;
use poem::{
    Server,
    listener::{Acceptor, Listener, TcpAcceptor, TcpListener},
};

use crate::{
    auth::{password::Hasher, throttle::Throttle},
    config::Config,
    graphql,
    http::{self, HttpState, WsSettings},
    seed,
    services::AppState,
};

/// How long shutdown waits for in-flight requests.
const GRACE: Duration = Duration::from_secs(10);

pub struct Application {
    acceptor: TcpAcceptor,
    port: u16,
    state: HttpState,
    config: Config,
    shutdown_tx: tokio::sync::watch::Sender<bool>,
    backfill: tokio::task::JoinHandle<()>,
}

/// Connects to the database and applies migrations and first-start data.
pub async fn open_database(config: &Config) -> anyhow::Result<Db> {
    let db = Db::connect(
        &config.database_url,
        PoolSize {
            max_connections: config.db_max_connections,
        },
    )
    .await
    .with_context(|| format!("connecting to {}", config.redacted_database_url()))?;
    db.migrate().await.context("applying migrations")?;
    seed::run(&db).await.context("seeding first-start data")?;
    Ok(db)
}

/// The service layer's state. With a Redis URL the live bus is bridged across replicas
/// and rate-limit budgets are shared by them.
pub fn app_state(db: Db, config: &Config) -> anyhow::Result<AppState> {
    let (bus, throttle) = match &config.redis_url {
        Some(url) => (
            Bus::with_redis(url).context("invalid PIAZZA_REDIS_URL")?,
            Throttle::with_redis(config.rate_limit_disabled, url)
                .context("invalid PIAZZA_REDIS_URL")?,
        ),
        None => (Bus::local(), Throttle::new(config.rate_limit_disabled)),
    };
    let settings = piazza_cache::Settings {
        ttl: Duration::from_secs(config.cache_ttl_secs),
        timeout: Duration::from_millis(config.cache_timeout_ms),
        local_max_bytes: config.cache_local_mib * 1024 * 1024,
    };
    let cache = match (&config.redis_url, config.cache_disabled) {
        (_, true) => None,
        (Some(url), false) => {
            Some(piazza_cache::Cache::redis(url, settings).context("invalid PIAZZA_REDIS_URL")?)
        }
        (None, false) => Some(piazza_cache::Cache::local(settings)),
    };
    Ok(AppState {
        db,
        hasher: Hasher::default(),
        throttle,
        bus,
        cache,
        mailer: crate::services::mail::Mailer::new(config)?,
        limits: crate::services::limits::NewMemberLimits::from_config(config),
        search_backfill: Default::default(),
    })
}

/// How long live events stay replayable for reconnecting clients.
const EVENT_RETENTION_DAYS: i64 = 7;

/// Deletes expired sessions and live events past their retention.
async fn prune(db: &Db) -> Result<(), piazza_db::DbError> {
    let now = piazza_db::now();
    let mut tx = db.begin().await?;
    piazza_db::sessions::delete_expired_sessions(&mut tx, now).await?;
    piazza_db::events::delete_events_before(
        &mut tx,
        now - chrono::Duration::days(EVENT_RETENTION_DAYS),
    )
    .await?;
    tx.commit().await
}

impl Application {
    pub async fn build(config: Config) -> anyhow::Result<Self> {
        http::metrics::handle();
        let db = open_database(&config).await?;
        let app = app_state(db, &config)?;
        // Posts written before the search index existed (or restored from elsewhere) are
        // indexed while the server already serves.
        let backfill = tokio::spawn(crate::services::search::complete_index(app.clone()));
        let schema = graphql::build_schema(Some(app.clone()), config.introspection);
        let (shutdown_tx, shutdown) = tokio::sync::watch::channel(false);
        let ws = WsSettings {
            allowed_origins: config.allowed_origins.clone(),
            max_per_ip: config.ws_max_per_ip,
            connections: Default::default(),
            feeds: Default::default(),
        };
        let state = HttpState {
            app,
            schema,
            cookie_secure: config.cookie_secure,
            trusted_proxies: config.trusted_proxies.clone(),
            ws,
            planner: Default::default(),
            shutdown,
        };
        let acceptor = TcpListener::bind(config.bind)
            .into_acceptor()
            .await
            .with_context(|| format!("binding {}", config.bind))?;
        let port = acceptor
            .local_addr()
            .first()
            .and_then(|a| a.as_socket_addr().map(|s| s.port()))
            .context("no local address")?;
        Ok(Self {
            acceptor,
            port,
            state,
            config,
            shutdown_tx,
            backfill,
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn state(&self) -> &AppState {
        &self.state.app
    }

    /// Serves until `shutdown` resolves, then stops accepting and drains for up to 10 s.
    pub async fn run_until_stopped(
        self,
        shutdown: impl Future<Output = ()> + Send,
    ) -> anyhow::Result<()> {
        let db = self.state.app.db.clone();
        let db_for_housekeeping = db.clone();
        let throttle = self.state.app.throttle.clone();
        let housekeeping = tokio::spawn(async move {
            let mut tick = tokio::time::interval(Duration::from_secs(300));
            loop {
                tick.tick().await;
                throttle.shrink();
                if let Err(e) = prune(&db_for_housekeeping).await {
                    tracing::warn!(error = %e, "housekeeping failed; will retry");
                }
            }
        });
        let bus = self.state.app.bus.clone();
        let routes = http::routes(self.state, self.config.web_dir);
        let shutdown_tx = self.shutdown_tx;
        let shutdown = async move {
            shutdown.await;
            // Websockets are told to reconnect elsewhere instead of holding the drain open.
            let _ = shutdown_tx.send(true);
        };
        let result = Server::new_with_acceptor(self.acceptor)
            .run_with_graceful_shutdown(routes, shutdown, Some(GRACE))
            .await;
        housekeeping.abort();
        self.backfill.abort();
        bus.shutdown();
        db.close().await;
        result.context("serving HTTP")
    }
}
