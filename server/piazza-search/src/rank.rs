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
//!
//! A clause is counted as a substring of the stored terms (single spaces between terms, so
//! a phrase is its words joined by a space) that starts and ends on term boundaries: a
//! SIMD search over the text, where looking up each of a document's terms took most of a
//! search's own CPU time (docs/benchmarks.md, row 7).

use memchr::memmem::Finder;

use crate::{
    analyze::PART_SEPARATOR,
    query::{Node, Query},
};

/// BM25 term-frequency saturation and length normalisation, as FTS5 and Lucene default.
const K1: f64 = 1.2;
const B: f64 = 0.75;

/// A query compiled for scoring.
#[derive(Clone, Debug)]
pub struct Ranker {
    clauses: Vec<Clause>,
    /// Finds the title/body boundaries and the community token, which are not words.
    separator: Finder<'static>,
}

#[derive(Clone, Debug)]
enum Clause {
    /// Boxed: a finder is a few hundred bytes.
    Run(Box<Run>),
    /// A synonym group: the sum of its expressions' counts.
    Any(Vec<Clause>),
}

/// Consecutive whole terms: a word, a phrase, or either ending with a prefix.
#[derive(Clone, Debug)]
struct Run {
    /// The words joined by single spaces.
    finder: Finder<'static>,
    /// Where the last word starts in the needle.
    last: usize,
    /// The last word is a prefix: the document's term only has to start with it.
    prefix: bool,
}

impl Run {
    fn new(words: &[String], prefix: bool) -> Run {
        let needle = words.join(" ");
        let last = needle.len() - words.last().map_or(0, String::len);
        Run {
            finder: Finder::new(needle.as_bytes()).into_owned(),
            last,
            prefix,
        }
    }

    /// Occurrences in `terms`, overlapping ones included ("a a" twice in "a a a").
    fn count(&self, terms: &[u8]) -> u32 {
        let len = self.finder.needle().len();
        if len == 0 {
            // Not a query the parser makes; an empty needle would match everywhere.
            return 0;
        }
        let mut n = 0;
        let mut from = 0;
        while let Some(i) = self.finder.find(&terms[from..]) {
            let start = from + i;
            let end = start + len;
            let starts_term = start == 0 || terms[start - 1] == b' ';
            let ends_right = if self.prefix {
                // A prefix such as `x000` must not reach a boundary or the community.
                !terms[start + self.last..].starts_with(PART_SEPARATOR.as_bytes())
            } else {
                end == terms.len() || terms[end] == b' '
            };
            if starts_term && ends_right {
                n += 1;
            }
            from = start + 1;
        }
        n
    }
}

impl Clause {
    fn compile(node: &Node) -> Clause {
        match node {
            Node::Term(t) => Clause::Run(Box::new(Run::new(std::slice::from_ref(t), false))),
            Node::Prefix(p) => Clause::Run(Box::new(Run::new(std::slice::from_ref(p), true))),
            Node::Phrase(words, prefix) => Clause::Run(Box::new(Run::new(words, *prefix))),
            Node::Any(nodes) => Clause::Any(nodes.iter().map(Clause::compile).collect()),
        }
    }

    fn count(&self, terms: &[u8]) -> u32 {
        match self {
            Clause::Run(run) => run.count(terms),
            Clause::Any(clauses) => clauses.iter().map(|c| c.count(terms)).sum(),
        }
    }
}

impl Ranker {
    pub fn new(query: &Query) -> Ranker {
        Ranker {
            clauses: query.clauses.iter().map(Clause::compile).collect(),
            separator: Finder::new(PART_SEPARATOR.as_bytes()).into_owned(),
        }
    }

    /// The BM25 score of each document, given its stored terms (`index_text` output, a
    /// community token first, terms separated by single spaces): 0 for a document that
    /// matches no clause.
    pub fn scores(&self, docs: &[&str]) -> Vec<f64> {
        let clauses = self.clauses.len();
        let mut tf = vec![0u32; docs.len() * clauses];
        let mut lengths = Vec::with_capacity(docs.len());
        for (d, terms) in docs.iter().enumerate() {
            let terms = terms.as_bytes();
            lengths.push(f64::from(self.length(terms)));
            for (c, clause) in self.clauses.iter().enumerate() {
                tf[d * clauses + c] = clause.count(terms);
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

    /// How many words a document has: its terms but the boundaries and the community token.
    fn length(&self, terms: &[u8]) -> u32 {
        let starts = |i: usize| i == 0 || terms[i - 1] == b' ';
        let all = if memchr::memmem::find(terms, b"  ").is_none() {
            let spaces = memchr::memchr_iter(b' ', terms).count();
            // A leading or trailing space leaves no term after or before it.
            (spaces + 1)
                .saturating_sub(usize::from(terms.first() == Some(&b' ')))
                .saturating_sub(usize::from(terms.last().is_none_or(|b| *b == b' ')))
        } else {
            (0..terms.len())
                .filter(|&i| terms[i] != b' ' && starts(i))
                .count()
        };
        let markers = self
            .separator
            .find_iter(terms)
            .filter(|&i| starts(i))
            .count();
        u32::try_from(all.saturating_sub(markers)).unwrap_or(u32::MAX)
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

    /// Counts as a term-by-term walk would: the meaning the substring search must keep.
    fn counted_by_terms(words: &[&str], prefix: bool, terms: &str) -> u32 {
        let terms: Vec<&str> = terms.split(' ').filter(|t| !t.is_empty()).collect();
        let fits = |t: &str, w: &str, last: bool| {
            !t.starts_with(PART_SEPARATOR)
                && if last && prefix {
                    t.starts_with(w)
                } else {
                    t == w
                }
        };
        (0..terms.len())
            .filter(|&i| {
                i + words.len() <= terms.len()
                    && words
                        .iter()
                        .enumerate()
                        .all(|(k, w)| fits(terms[i + k], w, k + 1 == words.len()))
            })
            .count() as u32
    }

    #[test]
    fn counts_whole_terms_as_a_walk_over_them_would() {
        let sep = PART_SEPARATOR;
        let docs = [
            format!("{sep}c1 a a a {sep} a"),
            format!("{sep}c12 ab b abc {sep} b ab"),
            format!("{sep}c1 bab ab ba b {sep} ab b"),
            format!("{sep}c1 "),
            "ab".to_owned(),
            String::new(),
        ];
        let runs: [(&[&str], bool); 9] = [
            (&["a"], false),
            (&["a", "a"], false),
            (&["ab"], false),
            (&["ab"], true),
            (&["b"], false),
            (&["ab", "b"], false),
            (&["ab", "b"], true),
            (&["b", "a"], true),
            (&["x000"], true),
        ];
        for doc in &docs {
            for (words, prefix) in runs {
                let owned: Vec<String> = words.iter().map(|w| (*w).to_owned()).collect();
                assert_eq!(
                    Run::new(&owned, prefix).count(doc.as_bytes()),
                    counted_by_terms(words, prefix, doc),
                    "{words:?} (prefix: {prefix}) in {doc:?}"
                );
            }
        }
        let ranker = Query::parse("a", &Synonyms::default()).unwrap().ranker();
        let lengths: Vec<u32> = docs.iter().map(|d| ranker.length(d.as_bytes())).collect();
        assert_eq!(lengths, [4, 5, 6, 0, 1, 0]);
        assert_eq!(ranker.length(b" a  b "), 2, "stray spaces are not words");
        assert_eq!(
            Run::new(&[], false).count(b"a b"),
            0,
            "an empty clause counts nothing"
        );
    }

    #[test]
    fn no_documents_no_scores() {
        assert!(scores("bilancio", &[]).is_empty());
    }
}
