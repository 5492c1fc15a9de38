//! Relevance, computed here from the documents' stored terms rather than by either engine.
//!
//! The engines only find the candidates (the newest matching documents, see
//! `piazza_db::search`); ranking them in Rust costs a few microseconds per document, where
//! FTS5's `bm25()` and PostgreSQL's `ts_rank` first walk every match of the index to count
//! document frequencies (milliseconds for common words, docs/benchmarks.md row 7). It also
//! makes the *order*, not only the result set, identical on both backends.
//!
//! The score is Okapi BM25 over the query's clauses. A clause's term frequency is how often
//! it occurs in the document: a word, any word starting with a prefix, a phrase (its words
//! consecutive, not across a title/body boundary), or the sum over a synonym group's
//! expressions. Document frequencies and the average length come from the candidates
//! themselves, so they describe the documents being ranked.

use crate::{
    analyze::PART_SEPARATOR,
    query::{Node, Query},
};

/// BM25 term-frequency saturation and length normalisation, as FTS5 and Lucene default.
const K1: f64 = 1.2;
const B: f64 = 0.75;

/// A query compiled for scoring: its distinct exact words get small numbers, so a
/// document's words are looked up once and clauses then compare integers.
#[derive(Clone, Debug)]
pub struct Ranker {
    /// Exact words of the query, sorted, each with its number.
    words: Vec<(String, u16)>,
    clauses: Vec<Clause>,
}

#[derive(Clone, Debug)]
enum Clause {
    Word(u16),
    Prefix(String),
    /// Consecutive parts; a `Prefix` can only be the last.
    Phrase(Vec<Part>),
    Any(Vec<Clause>),
}

#[derive(Clone, Debug)]
enum Part {
    Word(u16),
    Prefix(String),
}

/// What a document's word is to the query: one of its exact words (by number), another
/// word, or a boundary between parts (title and body) or the community token.
const OTHER: u16 = u16::MAX;
const BOUNDARY: u16 = u16::MAX - 1;

/// A document's words, reused from one document to the next.
#[derive(Default)]
struct Words<'a> {
    numbers: Vec<u16>,
    /// The words themselves, kept only when the query has a prefix.
    texts: Vec<&'a str>,
}

impl Ranker {
    pub fn new(query: &Query) -> Ranker {
        let mut words: Vec<String> = Vec::new();
        fn collect(n: &Node, words: &mut Vec<String>) {
            match n {
                Node::Term(t) => words.push(t.clone()),
                Node::Prefix(_) => {}
                Node::Phrase(ts, prefix) => {
                    let exact = if *prefix {
                        &ts[..ts.len() - 1]
                    } else {
                        &ts[..]
                    };
                    words.extend(exact.iter().cloned());
                }
                Node::Any(ns) => ns.iter().for_each(|n| collect(n, words)),
            }
        }
        query.clauses.iter().for_each(|n| collect(n, &mut words));
        words.sort();
        words.dedup();
        // At most a few hundred (16 clauses of synonym groups), far below the markers.
        let words: Vec<(String, u16)> = words.into_iter().zip(0u16..).collect();
        let number = |t: &str| {
            words
                .binary_search_by(|(w, _)| w.as_str().cmp(t))
                .map(|i| words[i].1)
                .expect("every exact word was collected")
        };
        fn compile(n: &Node, number: &dyn Fn(&str) -> u16) -> Clause {
            match n {
                Node::Term(t) => Clause::Word(number(t)),
                Node::Prefix(p) => Clause::Prefix(p.clone()),
                Node::Phrase(ts, prefix) => Clause::Phrase(
                    ts.iter()
                        .enumerate()
                        .map(|(i, t)| {
                            if *prefix && i + 1 == ts.len() {
                                Part::Prefix(t.clone())
                            } else {
                                Part::Word(number(t))
                            }
                        })
                        .collect(),
                ),
                Node::Any(ns) => Clause::Any(ns.iter().map(|n| compile(n, number)).collect()),
            }
        }
        let clauses = query.clauses.iter().map(|n| compile(n, &number)).collect();
        Ranker { words, clauses }
    }

    /// The BM25 score of each document, given its stored terms (`index_text` output, a
    /// community token first): 0 for a document that matches no clause.
    pub fn scores(&self, docs: &[&str]) -> Vec<f64> {
        let clauses = self.clauses.len();
        let keep_texts = self.clauses.iter().any(Clause::has_prefix);
        let mut tf = vec![0u32; docs.len() * clauses];
        let mut lengths = Vec::with_capacity(docs.len());
        let mut words = Words::default();
        for (d, terms) in docs.iter().enumerate() {
            words.numbers.clear();
            words.texts.clear();
            let mut length = 0u32;
            for text in terms.split(' ').filter(|t| !t.is_empty()) {
                let number = if text.starts_with(PART_SEPARATOR) {
                    BOUNDARY
                } else {
                    length += 1;
                    self.number(text)
                };
                words.numbers.push(number);
                if keep_texts {
                    words.texts.push(text);
                }
            }
            lengths.push(f64::from(length));
            for (c, clause) in self.clauses.iter().enumerate() {
                tf[d * clauses + c] = occurrences(clause, &words);
            }
        }
        let n = docs.len() as f64;
        let average = (lengths.iter().sum::<f64>() / n.max(1.0)).max(1.0);
        let idf: Vec<f64> = (0..clauses)
            .map(|c| {
                let df = (0..docs.len()).filter(|d| tf[d * clauses + c] > 0).count() as f64;
                // The "plus one" form: positive even for a word in every candidate.
                (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
            })
            .collect();
        (0..docs.len())
            .map(|d| {
                let norm = K1 * (1.0 - B + B * lengths[d] / average);
                (0..clauses)
                    .map(|c| {
                        let f = f64::from(tf[d * clauses + c]);
                        idf[c] * f * (K1 + 1.0) / (f + norm)
                    })
                    .sum()
            })
            .collect()
    }

    /// The number of one of the query's exact words, else [`OTHER`]. Queries have a few
    /// words: a scan comparing lengths first beats hashing.
    fn number(&self, text: &str) -> u16 {
        self.words
            .iter()
            .find(|(w, _)| w.len() == text.len() && w == text)
            .map_or(OTHER, |(_, n)| *n)
    }
}

impl Clause {
    fn has_prefix(&self) -> bool {
        match self {
            Clause::Word(_) => false,
            Clause::Prefix(_) => true,
            Clause::Phrase(parts) => parts.iter().any(|p| matches!(p, Part::Prefix(_))),
            Clause::Any(clauses) => clauses.iter().any(Clause::has_prefix),
        }
    }
}

/// Whether the word at `i` starts with `prefix` (never a boundary).
fn prefixed(words: &Words<'_>, i: usize, prefix: &str) -> bool {
    words.numbers[i] != BOUNDARY && words.texts[i].starts_with(prefix)
}

fn occurrences(clause: &Clause, words: &Words<'_>) -> u32 {
    let positions = 0..words.numbers.len();
    match clause {
        Clause::Word(w) => words.numbers.iter().filter(|n| *n == w).count() as u32,
        Clause::Prefix(p) => positions.filter(|i| prefixed(words, *i, p)).count() as u32,
        Clause::Phrase(parts) => positions
            .filter(|start| {
                start + parts.len() <= words.numbers.len()
                    && parts.iter().enumerate().all(|(k, part)| match part {
                        Part::Word(w) => words.numbers[start + k] == *w,
                        Part::Prefix(p) => prefixed(words, start + k, p),
                    })
            })
            .count() as u32,
        Clause::Any(clauses) => clauses.iter().map(|c| occurrences(c, words)).sum(),
    }
}

impl Query {
    /// Scores documents for this query: see [`Ranker`].
    pub fn ranker(&self) -> Ranker {
        Ranker::new(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Synonyms, analyze::community_token, index_text};

    fn doc(title: &str, body: &str) -> String {
        format!("{} {}", community_token(1), index_text(&[title, body]))
    }

    fn scores(q: &str, docs: &[String]) -> Vec<f64> {
        let query = Query::parse(q, &Synonyms::builtin()).unwrap();
        let refs: Vec<&str> = docs.iter().map(String::as_str).collect();
        query.ranker().scores(&refs)
    }

    #[test]
    fn more_occurrences_in_a_shorter_text_rank_higher() {
        let docs = [
            doc("Proroga", "La proroga del contratto e la proroga tecnica"),
            doc(
                "Contratto",
                "Una proroga di un contratto di servizio molto lungo e dettagliato",
            ),
            doc("Contratto", "Nessuna parola cercata qui"),
        ];
        let s = scores("proroga", &docs);
        assert!(s[0] > s[1] && s[1] > 0.0, "{s:?}");
        assert_eq!(s[2], 0.0);
    }

    #[test]
    fn rarer_clauses_weigh_more() {
        let docs = [
            doc("Mensa", "mensa scolastica"),
            doc("Mensa", "mensa aziendale"),
            doc("Mensa", "mensa e tariffe"),
            doc("Tariffe", "tariffe"),
        ];
        let s = Query::any_of("mensa tariffe", &Synonyms::default(), 5)
            .ranker()
            .scores(&docs.iter().map(String::as_str).collect::<Vec<_>>());
        // "tariffe" is in two of four documents, "mensa" in three.
        assert!(s[3] > s[0], "{s:?}");
        assert!(s[2] > s[0], "both words beat one: {s:?}");
    }

    #[test]
    fn phrases_count_consecutive_words_within_one_part() {
        let docs = [
            doc("Bilancio", "variazione di bilancio urgente"),
            doc("Variazione", "bilancio"),
            doc("Bilancio", "variazione del personale e bilancio"),
        ];
        let s = scores("\"variazione di bilancio\"", &docs);
        assert!(s[0] > 0.0, "{s:?}");
        assert_eq!(s[1], 0.0, "not across title and body");
        assert_eq!(s[2], 0.0, "not apart");
    }

    #[test]
    fn prefixes_synonyms_and_references() {
        let docs = [
            doc("Progettazione", "il progettista"),
            doc("Nomina", "responsabile unico del progetto"),
            doc("Norme", "art. 50 del d.lgs. 36/2023"),
        ];
        let s = scores("progett*", &docs);
        assert!(s[0] > s[1] && s[1] > 0.0 && s[2] == 0.0, "{s:?}");
        let s = scores("RUP", &docs);
        assert!(s[1] > 0.0 && s[0] == 0.0, "{s:?}");
        let s = scores("art. 50 36/2023", &docs);
        assert!(s[2] > 0.0 && s[0] == 0.0 && s[1] == 0.0, "{s:?}");
        // The community token is never a word the query reaches.
        assert_eq!(scores("x000*", &docs), [0.0, 0.0, 0.0]);
    }

    #[test]
    fn no_documents_no_scores() {
        assert!(scores("bilancio", &[]).is_empty());
    }
}
