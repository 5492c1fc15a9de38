//! Text analysis: what a piece of Italian text becomes in the index, and what a query word
//! becomes before it is looked up. Index and query go through the same functions, so they
//! always agree.
//!
//! Steps: split into runs of letters and digits (everything else separates: "art. 50" is
//! `art` `50`, "36/2023" is `36` `2023`, "dell'ente" is `dell` `ente`), lowercase, fold
//! accents ("perché" → `perche`), drop a short list of Italian stopwords, and reduce words
//! to their Snowball stem ("appalto", "appalti", "appaltare" → `appalt`). Numbers are kept
//! as written. The output holds only letters and digits separated by single spaces: both
//! SQLite's FTS5 tokenizer and PostgreSQL's `simple` parser see exactly these words.

use std::{ops::Range, sync::LazyLock};

use rust_stemmers::{Algorithm, Stemmer};

/// Longer runs (hashes, pasted garbage) are not words anyone searches for; PostgreSQL also
/// drops words over 2,047 bytes, which would make the engines disagree.
pub const MAX_TOKEN_CHARS: usize = 40;

static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::Italian));

/// Articles, prepositions (simple and articulated, also elided) and conjunctions: words that
/// carry no meaning on their own. Deliberately short: "non", "perché", "come" stay
/// searchable.
const STOPWORDS: &[&str] = &[
    "a", "ad", "agli", "ai", "al", "all", "alla", "alle", "allo", "anche", "c", "che", "col",
    "con", "da", "dagli", "dai", "dal", "dall", "dalla", "dalle", "dallo", "degli", "dei", "del",
    "dell", "della", "delle", "dello", "di", "e", "ed", "gli", "i", "il", "in", "l", "la", "le",
    "lo", "ma", "negli", "nei", "nel", "nell", "nella", "nelle", "nello", "o", "od", "per",
    "sugli", "sui", "sul", "sull", "sulla", "sulle", "sullo", "su", "tra", "fra", "un", "una",
    "uno",
];

pub fn is_stopword(folded: &str) -> bool {
    STOPWORDS.contains(&folded)
}

/// Lowercase and accent-folded form of one character (a few fold to two letters).
fn fold_char(c: char, out: &mut String) {
    // Most of any Italian text: every word of every snippet passes here.
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    for c in c.to_lowercase() {
        match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' | 'ā' | 'ă' | 'ą' => out.push('a'),
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => out.push('e'),
            'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => out.push('i'),
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' | 'ø' | 'ō' | 'ő' => out.push('o'),
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => out.push('u'),
            'ç' | 'ć' | 'č' => out.push('c'),
            'ñ' | 'ń' | 'ň' => out.push('n'),
            'ś' | 'š' | 'ş' => out.push('s'),
            'ź' | 'ż' | 'ž' => out.push('z'),
            'ý' | 'ÿ' => out.push('y'),
            'ł' => out.push('l'),
            'ř' => out.push('r'),
            'ť' => out.push('t'),
            'ď' | 'đ' => out.push('d'),
            'ß' => out.push_str("ss"),
            'æ' => out.push_str("ae"),
            'œ' => out.push_str("oe"),
            c => out.push(c),
        }
    }
}

/// Lowercase with accents removed: "Perché" → "perche".
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        fold_char(c, &mut out);
    }
    out
}

/// One word of the original text: where it is, and its folded form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte range in the original text.
    pub span: Range<usize>,
    /// Lowercase, accents folded.
    pub folded: String,
}

/// The words of `text` (maximal runs of letters and digits), in order. Over-long runs are
/// skipped.
pub fn tokens(text: &str) -> impl Iterator<Item = Token> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        loop {
            // Skip separators.
            let (start, first) = loop {
                let (i, c) = chars.next()?;
                if c.is_alphanumeric() {
                    break (i, c);
                }
            };
            let mut folded = String::new();
            fold_char(first, &mut folded);
            let mut end = start + first.len_utf8();
            let mut count = 1;
            while let Some(&(i, c)) = chars.peek() {
                if !c.is_alphanumeric() {
                    break;
                }
                chars.next();
                fold_char(c, &mut folded);
                end = i + c.len_utf8();
                count += 1;
            }
            // Folding can produce non-alphanumeric marks (combining accents): drop them.
            folded.retain(char::is_alphanumeric);
            if count <= MAX_TOKEN_CHARS && !folded.is_empty() {
                return Some(Token {
                    span: start..end,
                    folded,
                });
            }
        }
    })
}

/// The index term of a folded word: `None` for a stopword, the word itself for numbers,
/// else its Italian stem.
pub fn term(folded: &str) -> Option<String> {
    if is_stopword(folded) {
        return None;
    }
    if folded.chars().any(|c| c.is_ascii_digit()) {
        return Some(folded.to_owned());
    }
    Some(STEMMER.stem(folded).into_owned())
}

/// The terms of `text`, in order, stopwords removed.
pub fn terms(text: &str) -> Vec<String> {
    tokens(text).filter_map(|t| term(&t.folded)).collect()
}

/// Stored between the parts of a document (title, body) so that a phrase cannot match
/// across them: longer than [`MAX_TOKEN_CHARS`], so no query word can ever be it (and the
/// query parser refuses prefixes of it).
pub const PART_SEPARATOR: &str = "x00000000000000000000000000000000000000000";

/// A word marking a document's community, stored first in its terms: a community filter
/// then becomes one more clause of the match, which both engines intersect in the index
/// instead of checking rows one by one. It starts with [`PART_SEPARATOR`], so no query can
/// produce it either.
pub fn community_token(community_id: i64) -> String {
    format!("{PART_SEPARATOR}c{community_id}")
}

/// The index's word for "`first` immediately followed by `second`": SQLite's index holds,
/// in a column of its own, one such word per pair of consecutive terms (written by the
/// migration's SQL from the terms, view `search_docs_indexed`), so a two-word phrase is one
/// lookup instead of a position check on every document holding both words
/// (docs/benchmarks.md, row 7). The length of `first` (two digits: terms are shorter than
/// 100 characters) keeps "ab"+"c" apart from "a"+"bc".
pub fn pair_token(first: &str, second: &str) -> String {
    format!("p{:02}{first}{second}", first.chars().count())
}

/// What the index stores for a document: its terms separated by single spaces, parts
/// (title, body) in order with [`PART_SEPARATOR`] between them.
pub fn index_text(parts: &[&str]) -> String {
    let mut out = String::new();
    for (i, part) in parts.iter().enumerate() {
        if i > 0 && !out.is_empty() {
            out.push(' ');
            out.push_str(PART_SEPARATOR);
        }
        for t in terms(part) {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&t);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_and_accents() {
        assert_eq!(fold("Perché È COSÌ"), "perche e cosi");
        assert_eq!(fold("Forlì-Cesena"), "forli-cesena");
        assert_eq!(fold("Straße"), "strasse");
    }

    #[test]
    fn stems_the_forms_of_a_word_alike() {
        let t = |w: &str| term(w).unwrap();
        assert_eq!(t("appalto"), t("appalti"));
        assert_eq!(t("appalto"), t("appaltare"));
        assert_eq!(t("determina"), t("determine"));
        assert_eq!(t("responsabile"), t("responsabili"));
        assert_ne!(t("appalto"), t("bilancio"));
    }

    #[test]
    fn references_split_into_searchable_words() {
        assert_eq!(
            terms("Art. 50, d.lgs. 36/2023"),
            ["art", "50", "d", "lgs", "36", "2023"]
        );
        assert_eq!(terms("comma 1-bis"), ["comm", "1", "bis"]);
    }

    #[test]
    fn drops_stopwords_and_elisions() {
        assert_eq!(
            terms("il parere dell'ente e della giunta"),
            ["par", "ente", "giunt"]
        );
        assert!(terms("di e a il").is_empty());
        // Meaningful short words stay.
        assert_eq!(terms("non perché"), terms("NON perche"));
        assert_eq!(terms("non perché").len(), 2);
    }

    #[test]
    fn tokens_keep_their_place_in_the_original() {
        let text = "La «Città» di Forlì";
        let toks: Vec<Token> = tokens(text).collect();
        assert_eq!(toks.len(), 4);
        assert_eq!(&text[toks[1].span.clone()], "Città");
        assert_eq!(toks[1].folded, "citta");
        assert_eq!(&text[toks[3].span.clone()], "Forlì");
    }

    #[test]
    fn index_text_holds_only_words_and_single_spaces() {
        let s = index_text(&["Titolo: <b>RUP</b>!", "  Nomina\n\tdel RUP — 2024  "]);
        assert_eq!(s, format!("titol b rup b {PART_SEPARATOR} nomin rup 2024"));
        assert!(s.chars().all(|c| c.is_alphanumeric() || c == ' '));
        assert!(!s.contains("  "));
    }

    #[test]
    fn over_long_runs_are_skipped() {
        let long = "x".repeat(MAX_TOKEN_CHARS + 1);
        assert_eq!(terms(&format!("a {long} bilancio")), ["bilanc"]);
        assert!(index_text(&[""]).is_empty());
        assert!(PART_SEPARATOR.chars().count() > MAX_TOKEN_CHARS);
        assert!(
            terms(PART_SEPARATOR).is_empty(),
            "no query can produce the separator"
        );
        assert!(terms(&community_token(17)).is_empty());
        assert_eq!(pair_token("variazion", "bilanc"), "p09variazionbilanc");
        assert_ne!(pair_token("ab", "c"), pair_token("a", "bc"));
        assert!(pair_token("città", "36").chars().all(char::is_alphanumeric));
        assert!(community_token(17).chars().all(char::is_alphanumeric));
    }
}
