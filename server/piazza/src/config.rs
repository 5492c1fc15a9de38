//! Configuration: every setting is a `PIAZZA_*` environment variable and the matching flag,
//! with defaults that need nothing configured for a first run. Secrets are never printed.

use std::{net::SocketAddr, path::PathBuf};

use clap::{Args, builder::BoolishValueParser};

#[derive(Args, Clone, Debug)]
pub struct Config {
    /// Address to listen on; port 0 picks a free port (tests).
    #[arg(long, env = "PIAZZA_BIND", default_value = "127.0.0.1:8080")]
    pub bind: SocketAddr,

    /// `sqlite:PATH` (default: a file under ./data/) or `postgres://…`.
    #[arg(
        long,
        env = "PIAZZA_DATABASE_URL",
        default_value = "sqlite:data/piazza.db"
    )]
    pub database_url: String,

    /// Redis URL; unset, the cache and the live-event bus stay in-process (one node).
    #[arg(long, env = "PIAZZA_REDIS_URL")]
    pub redis_url: Option<String>,

    /// Maximum database connections per process.
    #[arg(long, env = "PIAZZA_DB_MAX_CONNECTIONS", default_value_t = 16)]
    pub db_max_connections: u32,

    /// Directory with the built web front end (`npm run build` in web/).
    #[arg(long, env = "PIAZZA_WEB_DIR", default_value = "web/dist")]
    pub web_dir: PathBuf,

    /// Allow GraphQL introspection (off by default: the schema is published as schema.graphql).
    #[arg(long, env = "PIAZZA_INTROSPECTION", default_value = "false", num_args = 0..=1, default_missing_value = "true", value_parser = BoolishValueParser::new())]
    pub introspection: bool,

    /// Mark session cookies `Secure`; set it when the service is reached over HTTPS.
    #[arg(long, env = "PIAZZA_COOKIE_SECURE", default_value = "false", num_args = 0..=1, default_missing_value = "true", value_parser = BoolishValueParser::new())]
    pub cookie_secure: bool,

    /// Origins (e.g. `https://piazza.anci.it`) allowed to open websockets besides this
    /// server's own, comma-separated.
    #[arg(long, env = "PIAZZA_ALLOWED_ORIGINS", value_delimiter = ',')]
    pub allowed_origins: Vec<String>,

    /// Most concurrent websocket connections from one IP address.
    #[arg(long, env = "PIAZZA_WS_MAX_PER_IP", default_value_t = 50)]
    pub ws_max_per_ip: usize,

    /// Reverse proxies (IP addresses, comma-separated) whose `X-Forwarded-For` and
    /// `X-Forwarded-Proto` headers are trusted; from anyone else they are ignored.
    #[arg(long, env = "PIAZZA_TRUSTED_PROXIES", value_delimiter = ',')]
    pub trusted_proxies: Vec<std::net::IpAddr>,

    /// Turn off rate limits (login, registration, posting). For test environments only.
    #[arg(long, env = "PIAZZA_RATE_LIMIT_DISABLED", default_value = "false", num_args = 0..=1, default_missing_value = "true", value_parser = BoolishValueParser::new())]
    pub rate_limit_disabled: bool,

    /// Turn off the feed cache (every read goes to the database). For measurements.
    #[arg(long, env = "PIAZZA_CACHE_DISABLED", default_value = "false", num_args = 0..=1, default_missing_value = "true", value_parser = BoolishValueParser::new())]
    pub cache_disabled: bool,

    /// How long a cached feed lives even when nothing changes, in seconds.
    #[arg(long, env = "PIAZZA_CACHE_TTL_SECS", default_value_t = 300)]
    pub cache_ttl_secs: u64,

    /// The most a read waits for Redis before it is served from the database, in ms.
    #[arg(long, env = "PIAZZA_CACHE_TIMEOUT_MS", default_value_t = 300)]
    pub cache_timeout_ms: u64,

    /// Memory for the in-process feed cache (used without Redis), in MiB.
    #[arg(long, env = "PIAZZA_CACHE_LOCAL_MIB", default_value_t = 64)]
    pub cache_local_mib: usize,

    /// Log format: `text` or `json`.
    #[arg(long, env = "PIAZZA_LOG_FORMAT", default_value = "text")]
    pub log_format: String,

    /// SMTP server for outgoing mail, e.g. `smtp://user:pass@relay.example.it:587` (plain
    /// SMTP: put a TLS-capable relay on the same host or network). Unset: mail is kept in
    /// the outbox that admins read, and written to the log.
    #[arg(long, env = "PIAZZA_SMTP_URL")]
    pub smtp_url: Option<String>,

    /// Sender of outgoing mail.
    #[arg(
        long,
        env = "PIAZZA_MAIL_FROM",
        default_value = "Piazza <noreply@localhost>"
    )]
    pub mail_from: String,

    /// Public address of the site, for links in mail (e.g. `https://piazza.anci.it`).
    #[arg(
        long,
        env = "PIAZZA_PUBLIC_URL",
        default_value = "http://127.0.0.1:8080"
    )]
    pub public_url: String,

    /// Approved posts after which a member is no longer new (and its limits lift).
    #[arg(long, env = "PIAZZA_NEW_MEMBER_POSTS", default_value_t = 3)]
    pub new_member_posts: i64,

    /// Most links in a new member's post.
    #[arg(long, env = "PIAZZA_NEW_MEMBER_MAX_LINKS", default_value_t = 2)]
    pub new_member_max_links: usize,

    /// Most @mentions in a new member's post.
    #[arg(long, env = "PIAZZA_NEW_MEMBER_MAX_MENTIONS", default_value_t = 3)]
    pub new_member_max_mentions: usize,

    /// Hold new members' posts for a moderator's approval.
    #[arg(long, env = "PIAZZA_NEW_MEMBER_PREMODERATION", default_value = "false", num_args = 0..=1, default_missing_value = "true", value_parser = BoolishValueParser::new())]
    pub new_member_premoderation: bool,
}

impl Config {
    /// Defaults for embedding the server (tests, tools): same as the command line's.
    pub fn new(database_url: impl Into<String>) -> Self {
        Self {
            bind: "127.0.0.1:0".parse().expect("valid address"),
            database_url: database_url.into(),
            redis_url: None,
            db_max_connections: 16,
            web_dir: PathBuf::from("web/dist"),
            introspection: false,
            cookie_secure: false,
            allowed_origins: Vec::new(),
            trusted_proxies: Vec::new(),
            ws_max_per_ip: 50,
            rate_limit_disabled: false,
            cache_disabled: false,
            cache_ttl_secs: 300,
            cache_timeout_ms: 300,
            cache_local_mib: 64,
            log_format: "text".into(),
            smtp_url: None,
            mail_from: "Piazza <noreply@localhost>".into(),
            public_url: "http://127.0.0.1:8080".into(),
            new_member_posts: 3,
            new_member_max_links: 2,
            new_member_max_mentions: 3,
            new_member_premoderation: false,
        }
    }

    /// The database URL with any password replaced, for logs.
    pub fn redacted_database_url(&self) -> String {
        redact(&self.database_url)
    }
}

fn redact(url: &str) -> String {
    match (url.find("://"), url.find('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let creds = &url[scheme + 3..at];
            match creds.split_once(':') {
                Some((user, _)) => format!("{}{}:***{}", &url[..scheme + 3], user, &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    #[derive(Parser)]
    struct Cli {
        #[command(flatten)]
        config: super::Config,
    }

    #[test]
    fn boolean_settings_accept_the_usual_spellings() {
        for (value, expected) in [
            ("1", true),
            ("true", true),
            ("yes", true),
            ("0", false),
            ("false", false),
        ] {
            let cli = Cli::parse_from(["piazza", "--rate-limit-disabled", value]);
            assert_eq!(cli.config.rate_limit_disabled, expected, "{value}");
        }
        assert!(
            Cli::parse_from(["piazza", "--introspection"])
                .config
                .introspection
        );
        assert!(!Cli::parse_from(["piazza"]).config.introspection);
    }

    #[test]
    fn passwords_are_redacted() {
        assert_eq!(
            super::redact("postgres://u:secret@h/db"),
            "postgres://u:***@h/db"
        );
        assert_eq!(super::redact("postgres://u@h/db"), "postgres://u@h/db");
        assert_eq!(
            super::redact("sqlite:data/piazza.db"),
            "sqlite:data/piazza.db"
        );
    }
}
