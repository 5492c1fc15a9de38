//! Password hashing with argon2id at OWASP's recommended parameters (19 MiB, t=2, p=1).
//!
//! Hashing is CPU-heavy, so it runs on the blocking pool and at most as many hashes as there
//! are cores run at once: a burst of logins queues instead of starving the async runtime.

use std::sync::{Arc, LazyLock};

use argon2::{
    Algorithm, Argon2, Params, PasswordHash, PasswordHasher, PasswordVerifier, Version,
    password_hash::{SaltString, rand_core::OsRng},
};
use tokio::sync::Semaphore;

use crate::error::{AppError, AppResult};

fn argon2() -> Argon2<'static> {
    let params = Params::new(19 * 1024, 2, 1, None).expect("valid argon2 parameters");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// A hash of a random password, verified against when the email is unknown so that an
/// unknown account and a wrong password take the same time.
static DUMMY_HASH: LazyLock<String> = LazyLock::new(|| {
    let salt = SaltString::generate(&mut OsRng);
    argon2()
        .hash_password(b"piazza-dummy-password", &salt)
        .expect("hashing works")
        .to_string()
});

#[derive(Clone)]
pub struct Hasher {
    permits: Arc<Semaphore>,
}

impl Default for Hasher {
    fn default() -> Self {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        Self {
            permits: Arc::new(Semaphore::new(cores)),
        }
    }
}

impl Hasher {
    pub async fn hash(&self, password: &str) -> AppResult<String> {
        let password = password.to_owned();
        self.run(move || {
            let salt = SaltString::generate(&mut OsRng);
            argon2()
                .hash_password(password.as_bytes(), &salt)
                .map(|h| h.to_string())
                .map_err(|e| AppError::Internal(anyhow::anyhow!("argon2 hash: {e}")))
        })
        .await
    }

    /// Verifies `password` against `hash`, or against a dummy hash when there is no account.
    pub async fn verify(&self, password: &str, hash: Option<&str>) -> AppResult<bool> {
        let password = password.to_owned();
        let known = hash.is_some();
        let hash = hash.map_or_else(|| DUMMY_HASH.clone(), str::to_owned);
        self.run(move || {
            let parsed = PasswordHash::new(&hash)
                .map_err(|e| AppError::Internal(anyhow::anyhow!("stored hash unreadable: {e}")))?;
            Ok(argon2()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
                && known)
        })
        .await
    }

    async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> AppResult<T> + Send + 'static,
    ) -> AppResult<T> {
        let _permit = self
            .permits
            .acquire()
            .await
            .map_err(|e| AppError::Internal(e.into()))?;
        tokio::task::spawn_blocking(work)
            .await
            .map_err(|e| AppError::Internal(e.into()))?
    }
}

/// Passwords that are long enough but appear at the top of breach corpora (≥ 10 characters),
/// plus Italian favourites. Not exhaustive: it stops the most guessed ones.
const COMMON: &[&str] = &[
    "1234567890",
    "0123456789",
    "0987654321",
    "1234567891",
    "12345678910",
    "123456789a",
    "a123456789",
    "qwertyuiop",
    "1q2w3e4r5t",
    "1qaz2wsx3edc",
    "qwerty1234",
    "qwerty12345",
    "password12",
    "password123",
    "password1234",
    "password1!",
    "passw0rd12",
    "passwordpassword",
    "iloveyou12",
    "iloveyou123",
    "abcdefghij",
    "abcd123456",
    "abc1234567",
    "zxcvbnm123",
    "asdfghjkl1",
    "qazwsxedcr",
    "1111111111",
    "0000000000",
    "1212121212",
    "9876543210",
    "football12",
    "princess12",
    "sunshine12",
    "superman12",
    "trustno123",
    "welcome123",
    "letmein123",
    "changeme12",
    "administrator",
    "admin12345",
    "admin123456",
    "passwordo1",
    "ciaociao12",
    "ciao123456",
    "juventus12",
    "juventus1897",
    "forzajuve1",
    "forzainter",
    "forzamilan",
    "napoli1926",
    "amoremio12",
    "tiamo12345",
    "cambiami12",
    "passwordpiazza",
    "piazza1234",
    "comune1234",
    "comune12345",
    "ufficio123",
    "segreteria",
    "protocollo",
];

/// Why a password is refused, in Italian, or `None` if it is acceptable.
pub fn weakness(password: &str, email: &str) -> Option<&'static str> {
    let len = password.chars().count();
    if len < 10 {
        return Some("La password deve avere almeno 10 caratteri");
    }
    if len > 256 {
        return Some("La password può avere al massimo 256 caratteri");
    }
    let lower = password.to_lowercase();
    if COMMON.contains(&lower.as_str()) {
        return Some("Questa password è troppo comune: scegline un'altra");
    }
    let mut chars = lower.chars();
    let first = chars.next();
    if chars.all(|c| Some(c) == first) {
        return Some("Questa password è troppo semplice: scegline un'altra");
    }
    if lower == email.to_lowercase()
        || email.to_lowercase().split('@').next() == Some(lower.as_str())
    {
        return Some("La password non può essere il tuo indirizzo email");
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_long_common_and_repeated_passwords_are_refused() {
        assert!(weakness("corta", "a@b.it").is_some());
        assert!(weakness(&"x".repeat(257), "a@b.it").is_some());
        assert!(weakness("Password123", "a@b.it").is_some());
        assert!(weakness("aaaaaaaaaaaa", "a@b.it").is_some());
        assert!(weakness("mario.rossi", "mario.rossi@comune.it").is_some());
        assert!(weakness("cavallo batteria graffetta", "a@b.it").is_none());
        assert!(weakness(&"perché città ".repeat(10), "a@b.it").is_none());
    }

    #[tokio::test]
    async fn hashes_verify_and_unknown_accounts_never_do() {
        let hasher = Hasher::default();
        let hash = hasher.hash("una password lunga").await.unwrap();
        assert!(hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert!(
            hasher
                .verify("una password lunga", Some(&hash))
                .await
                .unwrap()
        );
        assert!(
            !hasher
                .verify("un'altra password", Some(&hash))
                .await
                .unwrap()
        );
        assert!(!hasher.verify("piazza-dummy-password", None).await.unwrap());
    }
}
