//! Opaque Relay cursors: a keyset position, base64url-encoded so clients treat it as a
//! token. Anything that does not decode is a `BAD_USER_INPUT`.

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use chrono::{DateTime, Utc};
use piazza_db::{posts::PostKey, threads::ThreadKey};

use crate::error::{AppError, AppResult};

/// Default and maximum page sizes.
pub const DEFAULT_PAGE: i32 = 20;
pub const MAX_PAGE: i32 = 100;

/// The page size for `first`: default 20, at most 100; negative values are refused.
pub fn page_size(first: Option<i32>) -> AppResult<i64> {
    match first {
        None => Ok(i64::from(DEFAULT_PAGE)),
        Some(n) if n < 0 => Err(AppError::bad_input("first: deve essere positivo")),
        Some(n) => Ok(i64::from(n.clamp(1, MAX_PAGE))),
    }
}

fn encode(raw: &str) -> String {
    URL_SAFE_NO_PAD.encode(raw)
}

fn decode(cursor: &str) -> AppResult<String> {
    let bad = || AppError::bad_input("Cursore non valido");
    if cursor.len() > 200 {
        return Err(bad());
    }
    let bytes = URL_SAFE_NO_PAD.decode(cursor).map_err(|_| bad())?;
    String::from_utf8(bytes).map_err(|_| bad())
}

/// Cursor over a plain id order.
pub fn encode_id(id: i64) -> String {
    encode(&format!("i:{id}"))
}

pub fn decode_id(cursor: &str) -> AppResult<i64> {
    decode(cursor)?
        .strip_prefix("i:")
        .and_then(|n| n.parse().ok())
        .ok_or_else(|| AppError::bad_input("Cursore non valido"))
}

/// Cursor over a `(text, id)` order, such as communities by name.
pub fn encode_named(name: &str, id: i64) -> String {
    encode(&format!("n:{id}:{name}"))
}

pub fn decode_named(cursor: &str) -> AppResult<(String, i64)> {
    let raw = decode(cursor)?;
    let bad = || AppError::bad_input("Cursore non valido");
    let rest = raw.strip_prefix("n:").ok_or_else(bad)?;
    let (id, name) = rest.split_once(':').ok_or_else(bad)?;
    Ok((name.to_owned(), id.parse().map_err(|_| bad())?))
}

pub fn encode_thread(key: &ThreadKey) -> String {
    let raw = match key {
        ThreadKey::Latest { pinned, id } => format!("l:{}:{id}", u8::from(*pinned)),
        ThreadKey::Active { pinned, at, id } => {
            format!("a:{}:{}:{id}", u8::from(*pinned), at.timestamp_micros())
        }
        ThreadKey::Top { pinned, score, id } => format!("t:{}:{score}:{id}", u8::from(*pinned)),
    };
    encode(&raw)
}

pub fn decode_thread(cursor: &str) -> AppResult<ThreadKey> {
    let raw = decode(cursor)?;
    let bad = || AppError::bad_input("Cursore non valido");
    let parts: Vec<&str> = raw.split(':').collect();
    let pinned = |s: &str| match s {
        "0" => Ok(false),
        "1" => Ok(true),
        _ => Err(bad()),
    };
    let int = |s: &str| s.parse::<i64>().map_err(|_| bad());
    match parts.as_slice() {
        ["l", p, id] => Ok(ThreadKey::Latest {
            pinned: pinned(p)?,
            id: int(id)?,
        }),
        ["a", p, at, id] => {
            let at: DateTime<Utc> = DateTime::from_timestamp_micros(int(at)?).ok_or_else(bad)?;
            Ok(ThreadKey::Active {
                pinned: pinned(p)?,
                at,
                id: int(id)?,
            })
        }
        ["t", p, score, id] => Ok(ThreadKey::Top {
            pinned: pinned(p)?,
            score: int(score)?,
            id: int(id)?,
        }),
        _ => Err(bad()),
    }
}

/// Cursor over a thread's replies: answer rank, score and id (see `PostKey`).
pub fn encode_post(key: &PostKey) -> String {
    encode(&format!("p:{}:{}:{}", key.rank, key.score, key.id))
}

pub fn decode_post(cursor: &str) -> AppResult<PostKey> {
    let raw = decode(cursor)?;
    let bad = || AppError::bad_input("Cursore non valido");
    let int = |s: &str| s.parse::<i64>().map_err(|_| bad());
    match raw.split(':').collect::<Vec<_>>().as_slice() {
        ["p", rank, score, id] => Ok(PostKey {
            rank: int(rank)?,
            score: int(score)?,
            id: int(id)?,
        }),
        _ => Err(bad()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thread_cursors_round_trip() {
        let at = DateTime::from_timestamp_micros(1_790_000_000_123_456).unwrap();
        for key in [
            ThreadKey::Latest {
                pinned: true,
                id: 7,
            },
            ThreadKey::Active {
                pinned: false,
                at,
                id: 9,
            },
            ThreadKey::Top {
                pinned: false,
                score: -3,
                id: 11,
            },
        ] {
            assert_eq!(decode_thread(&encode_thread(&key)).unwrap(), key);
        }
    }

    #[test]
    fn garbage_cursors_are_bad_input() {
        for bad in [
            "",
            "!!!",
            &encode("l:2:1"),
            &encode("x:1"),
            &"a".repeat(500),
        ] {
            assert_eq!(decode_thread(bad).unwrap_err().code(), "BAD_USER_INPUT");
        }
        assert_eq!(
            decode_id(&encode_named("a", 1)).unwrap_err().code(),
            "BAD_USER_INPUT"
        );
        assert_eq!(
            decode_named(&encode_named("Bilancio: tributi", 4)).unwrap(),
            ("Bilancio: tributi".into(), 4)
        );
    }

    #[test]
    fn page_sizes_are_capped() {
        assert_eq!(page_size(None).unwrap(), 20);
        assert_eq!(page_size(Some(1_000_000)).unwrap(), 100);
        assert_eq!(page_size(Some(0)).unwrap(), 1);
        assert!(page_size(Some(-1)).is_err());
    }
}
