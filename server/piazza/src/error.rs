//! Error policy: services return [`AppError`]; it maps to the transport in exactly one place
//! ([`AppError::into_graphql`]), with a stable `extensions.code`. Messages for input errors
//! are short, Italian (the UI shows them) and name the field; internal errors are logged
//! with their cause and reach the client only as a generic message.
//!
//! `AppError` deliberately does not implement `Display`: async-graphql converts any
//! `Display` type into an error carrying its text and no code, so a stray `?` could leak
//! internals. Without it, the only conversion is ours.

use async_graphql::ErrorExtensions;
use piazza_db::DbError;

#[derive(Debug)]
pub enum AppError {
    BadInput(String),
    Unauthenticated,
    LoginFailed,
    Forbidden,
    /// Refused, with a reason the member can act on (e.g. "awaiting approval").
    Denied(String),
    NotFound(&'static str),
    Conflict(String),
    RateLimited {
        retry_after_secs: u64,
    },
    Internal(anyhow::Error),
}

pub type AppResult<T> = Result<T, AppError>;

impl AppError {
    pub fn bad_input(message: impl Into<String>) -> Self {
        AppError::BadInput(message.into())
    }

    /// The message shown to the user (never an internal detail).
    pub fn message(&self) -> String {
        match self {
            AppError::BadInput(m) | AppError::Conflict(m) | AppError::Denied(m) => m.clone(),
            AppError::Unauthenticated => "Accesso richiesto".into(),
            AppError::LoginFailed => "Email o password non corretti".into(),
            AppError::Forbidden => "Operazione non consentita".into(),
            // "inesistente" agrees with every gender: "Comunità inesistente", "Utente inesistente".
            AppError::NotFound(what) => format!("{what} inesistente"),
            AppError::RateLimited { retry_after_secs } => {
                format!("Troppe richieste: riprova tra {retry_after_secs} secondi")
            }
            AppError::Internal(_) => "Errore interno del server".into(),
        }
    }

    pub fn code(&self) -> &'static str {
        match self {
            AppError::BadInput(_) => "BAD_USER_INPUT",
            AppError::Unauthenticated | AppError::LoginFailed => "UNAUTHENTICATED",
            AppError::Forbidden | AppError::Denied(_) => "FORBIDDEN",
            AppError::NotFound(_) => "NOT_FOUND",
            AppError::Conflict(_) => "CONFLICT",
            AppError::RateLimited { .. } => "RATE_LIMITED",
            AppError::Internal(_) => "INTERNAL_SERVER_ERROR",
        }
    }

    /// The GraphQL error sent to clients; internal causes are logged here and dropped.
    pub fn into_graphql(self) -> async_graphql::Error {
        let code = self.code();
        if let AppError::Internal(cause) = &self {
            tracing::error!(error = ?cause, "internal error");
        }
        let message = self.message();
        let retry = match self {
            AppError::RateLimited { retry_after_secs } => Some(retry_after_secs),
            _ => None,
        };
        async_graphql::Error::new(message).extend_with(|_, ext| {
            ext.set("code", code);
            if let Some(secs) = retry {
                ext.set("retryAfterSeconds", secs);
            }
        })
    }
}

impl From<anyhow::Error> for AppError {
    fn from(err: anyhow::Error) -> Self {
        AppError::Internal(err)
    }
}

impl From<DbError> for AppError {
    fn from(err: DbError) -> Self {
        match err {
            DbError::NotFound => AppError::NotFound("Elemento"),
            DbError::Conflict => AppError::Conflict("Esiste già".into()),
            other => AppError::Internal(other.into()),
        }
    }
}

impl From<AppError> for async_graphql::Error {
    fn from(err: AppError) -> Self {
        err.into_graphql()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code_of(err: AppError) -> String {
        let e = err.into_graphql();
        let ext = e.extensions.expect("extensions set");
        ext.get("code").expect("code set").to_string()
    }

    #[test]
    fn every_variant_has_its_stable_code() {
        assert_eq!(code_of(AppError::bad_input("x")), "\"BAD_USER_INPUT\"");
        assert_eq!(code_of(AppError::Unauthenticated), "\"UNAUTHENTICATED\"");
        assert_eq!(code_of(AppError::Forbidden), "\"FORBIDDEN\"");
        assert_eq!(code_of(AppError::Denied("x".into())), "\"FORBIDDEN\"");
        assert_eq!(code_of(AppError::NotFound("Post")), "\"NOT_FOUND\"");
        assert_eq!(code_of(AppError::Conflict("x".into())), "\"CONFLICT\"");
        assert_eq!(
            code_of(AppError::RateLimited {
                retry_after_secs: 3
            }),
            "\"RATE_LIMITED\""
        );
        assert_eq!(
            code_of(AppError::Internal(anyhow::anyhow!("boom"))),
            "\"INTERNAL_SERVER_ERROR\""
        );
    }

    #[test]
    fn internal_details_never_reach_the_client() {
        let cause = anyhow::anyhow!("SQLSTATE 23505 at /srv/piazza/src/db.rs");
        let e = AppError::Internal(cause).into_graphql();
        assert!(!e.message.contains("SQLSTATE"));
        assert!(!e.message.contains("/srv"));
    }

    #[test]
    fn db_errors_map_to_codes() {
        assert_eq!(AppError::from(DbError::NotFound).code(), "NOT_FOUND");
        assert_eq!(AppError::from(DbError::Conflict).code(), "CONFLICT");
        let down = DbError::Unavailable(sqlx_pool_timeout());
        assert_eq!(AppError::from(down).code(), "INTERNAL_SERVER_ERROR");
    }

    fn sqlx_pool_timeout() -> piazza_db::SqlxError {
        piazza_db::SqlxError::PoolTimedOut
    }

    #[test]
    fn rate_limited_carries_a_retry_hint() {
        let e = AppError::RateLimited {
            retry_after_secs: 42,
        }
        .into_graphql();
        let ext = e.extensions.expect("extensions");
        assert_eq!(
            ext.get("retryAfterSeconds").map(|v| v.to_string()),
            Some("42".into())
        );
    }
}
