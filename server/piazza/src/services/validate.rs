//! Parsing user input into domain values at the edge ("parse, don't validate"): each
//! function returns the cleaned value or a `BAD_USER_INPUT` error naming the field in Italian.

use crate::error::{AppError, AppResult};

fn chars(s: &str) -> usize {
    s.chars().count()
}

/// Trims and checks a length in characters.
fn bounded(value: &str, field: &str, min: usize, max: usize) -> AppResult<String> {
    let v = value.trim();
    let n = chars(v);
    if n < min || n > max {
        return Err(AppError::bad_input(format!(
            "{field}: da {min} a {max} caratteri (ora {n})"
        )));
    }
    Ok(v.to_owned())
}

pub fn title(value: &str) -> AppResult<String> {
    bounded(value, "Titolo", 10, 200)
}

/// Post bodies keep their inner whitespace (markdown is whitespace-sensitive).
pub fn body(value: &str) -> AppResult<String> {
    let n = chars(value.trim());
    if n < 1 || chars(value) > 32_000 {
        return Err(AppError::bad_input(format!(
            "Testo: da 1 a 32000 caratteri (ora {n})"
        )));
    }
    Ok(value.trim_end().to_owned())
}

pub fn display_name(value: &str) -> AppResult<String> {
    let v = bounded(value, "Nome visualizzato", 2, 60)?;
    if v.chars().any(char::is_control) {
        return Err(AppError::bad_input(
            "Nome visualizzato: caratteri non ammessi",
        ));
    }
    Ok(v)
}

pub fn job_title(value: Option<&str>) -> AppResult<Option<String>> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(v) => bounded(v, "Ruolo professionale", 2, 100).map(Some),
    }
}

pub fn community_name(value: &str) -> AppResult<String> {
    bounded(value, "Nome della comunità", 3, 80)
}

pub fn community_description(value: &str) -> AppResult<String> {
    bounded(value, "Descrizione", 0, 1000)
}

/// Lowercased; a practical subset of RFC 5321 that real mailboxes use.
pub fn email(value: &str) -> AppResult<String> {
    let v = value.trim().to_lowercase();
    let invalid = || AppError::bad_input("Email: indirizzo non valido");
    if v.len() > 254 {
        return Err(invalid());
    }
    let (local, domain) = v.split_once('@').ok_or_else(invalid)?;
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+/=?^_`{|}~.-".contains(c));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()));
    if local_ok && domain_ok {
        Ok(v)
    } else {
        Err(invalid())
    }
}

/// Lowercase letters, digits and single hyphens, 3–50 characters.
pub fn slug(value: &str) -> AppResult<String> {
    let v = value.trim();
    let ok = (3..=50).contains(&v.len())
        && v.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !v.starts_with('-')
        && !v.ends_with('-')
        && !v.contains("--");
    if ok {
        Ok(v.to_owned())
    } else {
        Err(AppError::bad_input(
            "Identificativo: 3–50 caratteri tra lettere minuscole, cifre e trattini singoli",
        ))
    }
}

/// At most 5 tags of 2–30 characters (letters, digits, hyphens), lowercased, deduplicated.
pub fn tags(values: &[String]) -> AppResult<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for raw in values {
        let t = raw.trim().to_lowercase();
        let n = chars(&t);
        if !(2..=30).contains(&n) || !t.chars().all(|c| c.is_alphanumeric() || c == '-') {
            return Err(AppError::bad_input(format!(
                "Etichetta «{}»: da 2 a 30 caratteri tra lettere, cifre e trattini",
                raw.chars().take(40).collect::<String>()
            )));
        }
        if !out.contains(&t) {
            out.push(t);
        }
    }
    if out.len() > 5 {
        return Err(AppError::bad_input("Al massimo 5 etichette"));
    }
    Ok(out)
}

/// Lowercase with Italian (and common Latin) accents removed: "Forlì" → "forli".
pub fn fold(value: &str) -> String {
    value
        .trim()
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            'ñ' => 'n',
            '’' | '`' => '\'',
            c => c,
        })
        .collect()
}

/// The base of a member's @handle: folded display name, letters and digits only.
pub fn handle_base(display_name: &str) -> String {
    let base: String = fold(display_name)
        .chars()
        .filter_map(|c| match c {
            'a'..='z' | '0'..='9' => Some(c),
            ' ' | '-' | '_' | '.' | '\'' => Some('.'),
            _ => None,
        })
        .collect::<String>()
        .split('.')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(".");
    let base: String = base.chars().take(30).collect();
    if base.len() < 2 {
        "utente".into()
    } else {
        base
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_bounded_in_characters_not_bytes() {
        assert!(title("Troppo corto").is_ok());
        assert!(title("corto").is_err());
        assert!(title(&"è".repeat(200)).is_ok());
        assert!(title(&"è".repeat(201)).is_err());
        assert_eq!(
            title("  Spazi intorno al titolo  ").unwrap(),
            "Spazi intorno al titolo"
        );
    }

    #[test]
    fn bodies_must_have_content_and_a_limit() {
        assert!(body("   ").is_err());
        assert!(body("x").is_ok());
        assert!(body(&"x".repeat(32_000)).is_ok());
        assert!(body(&"x".repeat(32_001)).is_err());
    }

    #[test]
    fn emails() {
        assert_eq!(
            email(" Mario.Rossi@Comune.Abbadia.IT ").unwrap(),
            "mario.rossi@comune.abbadia.it"
        );
        for bad in [
            "",
            "a",
            "a@b",
            "@b.it",
            "a@.it",
            "a..b@c.it",
            "a@b..it",
            "a b@c.it",
            "a@-b.it",
            "a@b.i1",
        ] {
            assert!(email(bad).is_err(), "{bad} accepted");
        }
    }

    #[test]
    fn slugs() {
        assert!(slug("appalti-e-contratti").is_ok());
        for bad in ["ab", "Appalti", "a--b", "-ab", "ab-", "àbc", "a b c"] {
            assert!(slug(bad).is_err(), "{bad} accepted");
        }
    }

    #[test]
    fn tags_are_normalised_deduplicated_and_limited() {
        let t = |v: &[&str]| tags(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(
            t(&["PNRR", "pnrr", "Città"]).unwrap(),
            vec!["pnrr", "città"]
        );
        assert!(t(&["a"]).is_err());
        assert!(t(&["uno", "due", "tre", "quattro", "cinque", "sei"]).is_err());
        assert!(t(&["con spazio"]).is_err());
        assert!(t(&[&"x".repeat(31)]).is_err());
    }

    #[test]
    fn folding_and_handles() {
        assert_eq!(fold("Forlì-Cesena"), "forli-cesena");
        assert_eq!(fold("Sant’Angelo"), "sant'angelo");
        assert_eq!(
            handle_base("Maria Teresa D'Angelo"),
            "maria.teresa.d.angelo"
        );
        assert_eq!(handle_base("李"), "utente");
    }
}
