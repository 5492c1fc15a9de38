//! The search box's language, parsed once and written out for either engine.
//!
//! - words: every word must match (in any form: `appalti` finds "appalto");
//! - `"exact phrases"`: the words in this order;
//! - `term*`: words starting with `term` (at least three letters);
//! - a word made of several parts, such as `36/2023` or `d.lgs.`, is a phrase of its parts,
//!   and `art. 50` (an abbreviation followed by a number) is a phrase too;
//! - words in a synonym group (see [`crate::Synonyms`]) match any expression of the group.
//!
//! Anything else is ignored: punctuation, operators of other engines, stopwords. A query
//! left with nothing to look for is [`Query::is_empty`] (no results); input that cannot be a
//! sensible query (empty, too long, unbalanced quotes, too many words) is a [`QueryError`]
//! with a short Italian message.
//!
//! [`Query::fts5`] and [`Query::tsquery`] write the same tree in SQLite FTS5 and PostgreSQL
//! `to_tsquery('simple', …)` syntax. Terms are quoted in both, and contain only letters and
//! digits (see [`crate::analyze`]), so user input can never inject operators. On SQLite a
//! phrase is looked up by its pairs of consecutive words ([`analyze::pair_token`]), which
//! the index holds; with three words or more, positions decide among the documents holding
//! the pairs.

use std::collections::{BTreeMap, BTreeSet};

use crate::{Synonyms, analyze};

/// Longest accepted query, in characters.
pub const MAX_QUERY_CHARS: usize = 300;
/// Most clauses (words, phrases) in one query.
pub const MAX_CLAUSES: usize = 16;
/// Shortest prefix for `term*`: shorter ones would match most of the index.
pub const MIN_PREFIX_CHARS: usize = 3;

/// Abbreviations that, followed by a number, form a reference: "art. 50", "comma 3".
const REFERENCE_WORDS: &[&str] = &[
    "art", "artt", "comm", "co", "lett", "n", "num", "par", "cap", "all", "tab",
];

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QueryError {
    Empty,
    TooLong,
    UnbalancedQuotes,
    TooManyTerms,
}

impl QueryError {
    /// What the user is told.
    pub fn message(&self) -> String {
        match self {
            QueryError::Empty => "Scrivi che cosa cercare".into(),
            QueryError::TooLong => {
                format!("Ricerca troppo lunga: al massimo {MAX_QUERY_CHARS} caratteri")
            }
            QueryError::UnbalancedQuotes => "Virgolette non chiuse nella ricerca".into(),
            QueryError::TooManyTerms => format!("Troppe parole: al massimo {MAX_CLAUSES}"),
        }
    }
}

/// One thing a document must contain.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Node {
    Term(String),
    /// Terms starting with this.
    Prefix(String),
    /// Consecutive terms; `true` if the last one is a prefix.
    Phrase(Vec<String>, bool),
    /// Any of these (a synonym group).
    Any(Vec<Node>),
}

/// A parsed query: all clauses must match, or any of them (for "similar questions").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Query {
    pub clauses: Vec<Node>,
    pub match_any: bool,
    /// A word every match must also contain, whatever `match_any` says: the community
    /// token of a community filter (see [`analyze::community_token`]). Only the FTS5 form
    /// uses it; both backends also filter the community in SQL.
    pub scope: Option<String>,
}

/// A word or quoted phrase of the input, analysed.
struct Unit {
    terms: Vec<String>,
    prefix: bool,
    quoted: bool,
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '«' | '»')
}

/// Splits the input into words and quoted phrases, and analyses each.
fn units(input: &str) -> Result<Vec<Unit>, QueryError> {
    if input.chars().filter(|c| is_quote(*c)).count() % 2 == 1 {
        return Err(QueryError::UnbalancedQuotes);
    }
    let mut out = Vec::new();
    for (i, part) in input.split(is_quote).enumerate() {
        if i % 2 == 1 {
            out.push(Unit {
                terms: analyze::terms(part),
                prefix: false,
                quoted: true,
            });
            continue;
        }
        for word in part.split_whitespace() {
            let trimmed = word.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '*');
            let mut terms = analyze::terms(word);
            let last = analyze::tokens(word).last().map(|t| t.folded);
            let long_enough = |s: &str| s.chars().count() >= MIN_PREFIX_CHARS;
            let mut prefix = trimmed.ends_with('*') && last.as_deref().is_some_and(long_enough);
            if prefix && let Some(last) = last.filter(|l| analyze::term(l).is_none()) {
                // A stopword typed as a prefix ("dell*") is searched as typed.
                terms.push(last);
            }
            // The prefix is the stem of the last word, so "appalt*" and "appalto*" both
            // reach `appalt…`.
            prefix = prefix
                && terms.last().is_some_and(|t| {
                    long_enough(t) && !analyze::PART_SEPARATOR.starts_with(t.as_str())
                });
            out.push(Unit {
                terms,
                prefix,
                quoted: false,
            });
        }
    }
    out.retain(|u| !u.terms.is_empty());
    Ok(out)
}

fn expr_node(terms: &[String]) -> Node {
    match terms {
        [one] => Node::Term(one.clone()),
        _ => Node::Phrase(terms.to_vec(), false),
    }
}

fn group_node(group: &[Vec<String>]) -> Node {
    Node::Any(group.iter().map(|e| expr_node(e)).collect())
}

/// Builds the clauses: synonyms, references and phrases.
fn clauses(units: &[Unit], synonyms: &Synonyms) -> Vec<Node> {
    let plain = |u: &Unit| !u.quoted && !u.prefix && u.terms.len() == 1;
    let mut out = Vec::new();
    let mut i = 0;
    while i < units.len() {
        let u = &units[i];
        if plain(u) {
            let run: Vec<&str> = units[i..]
                .iter()
                .take_while(|u| plain(u))
                .map(|u| u.terms[0].as_str())
                .collect();
            if let Some((n, group)) = synonyms.longest_match(&run) {
                out.push(group_node(group));
                i += n;
                continue;
            }
            let is_number = |s: &str| s.chars().all(|c| c.is_ascii_digit());
            if run.len() >= 2 && REFERENCE_WORDS.contains(&run[0]) && is_number(run[1]) {
                out.push(Node::Phrase(vec![run[0].into(), run[1].into()], false));
                i += 2;
                continue;
            }
            out.push(Node::Term(u.terms[0].clone()));
        } else if u.quoted {
            out.push(expr_node(&u.terms));
        } else if u.prefix && u.terms.len() == 1 {
            out.push(Node::Prefix(u.terms[0].clone()));
        } else {
            let whole: Vec<&str> = u.terms.iter().map(String::as_str).collect();
            match synonyms.longest_match(&whole) {
                Some((n, group)) if n == whole.len() && !u.prefix => out.push(group_node(group)),
                _ => out.push(Node::Phrase(u.terms.clone(), u.prefix)),
            }
        }
        i += 1;
    }
    let mut seen = BTreeSet::new();
    out.retain(|n| seen.insert(n.clone()));
    out
}

/// The pair words of a phrase (all but a final prefix).
fn phrase_pairs(terms: &[String], prefix: bool) -> Vec<String> {
    terms[..terms.len() - usize::from(prefix)]
        .windows(2)
        .map(|w| analyze::pair_token(&w[0], &w[1]))
        .collect()
}

impl Query {
    /// Parses what a member typed in the search box: every clause must match.
    pub fn parse(input: &str, synonyms: &Synonyms) -> Result<Query, QueryError> {
        if input.chars().count() > MAX_QUERY_CHARS {
            return Err(QueryError::TooLong);
        }
        if input.trim().is_empty() {
            return Err(QueryError::Empty);
        }
        let clauses = clauses(&units(input)?, synonyms);
        if clauses.len() > MAX_CLAUSES {
            return Err(QueryError::TooManyTerms);
        }
        Ok(Query {
            clauses,
            match_any: false,
            scope: None,
        })
    }

    /// A query matching any of the first `max_terms` distinct words of `text` (synonyms
    /// expanded), for "similar questions": free text, never an error.
    pub fn any_of(text: &str, synonyms: &Synonyms, max_terms: usize) -> Query {
        let units: Vec<Unit> = analyze::terms(text)
            .into_iter()
            .map(|t| Unit {
                terms: vec![t],
                prefix: false,
                quoted: false,
            })
            .collect();
        let mut clauses = clauses(&units, synonyms);
        clauses.truncate(max_terms);
        Query {
            clauses,
            match_any: true,
            scope: None,
        }
    }

    /// Restricts matches to one community's documents.
    pub fn in_community(mut self, community_id: i64) -> Query {
        self.scope = Some(analyze::community_token(community_id));
        self
    }

    /// Nothing to look for: the result is empty.
    pub fn is_empty(&self) -> bool {
        self.clauses.is_empty()
    }

    /// The prefixes searched for as words of their own (not at the end of a phrase).
    pub fn prefixes(&self) -> BTreeSet<&str> {
        fn walk<'q>(n: &'q Node, out: &mut BTreeSet<&'q str>) {
            match n {
                Node::Prefix(p) => {
                    out.insert(p);
                }
                Node::Any(ns) => ns.iter().for_each(|n| walk(n, out)),
                Node::Term(_) | Node::Phrase(..) => {}
            }
        }
        let mut out = BTreeSet::new();
        self.clauses.iter().for_each(|n| walk(n, &mut out));
        out
    }

    /// Pairs of consecutive terms every match must hold: those of the phrases among the
    /// required clauses (not of phrases inside a group of alternatives, nor in an
    /// any-of query). PostgreSQL looks a phrase up by them (migration 0011).
    pub fn required_pairs(&self) -> Vec<(&str, &str)> {
        if self.match_any {
            return Vec::new();
        }
        let mut out = Vec::new();
        for clause in &self.clauses {
            if let Node::Phrase(ts, prefix) = clause {
                for w in ts[..ts.len() - usize::from(*prefix)].windows(2) {
                    let pair = (w[0].as_str(), w[1].as_str());
                    if !out.contains(&pair) {
                        out.push(pair);
                    }
                }
            }
        }
        out
    }

    /// The same matches, with each prefix that `words` lists replaced by the words of the
    /// index that start with it (prefixes it does not list stay prefixes). `None` when the
    /// query can no longer match anything: a required prefix no word starts with.
    ///
    /// The engines answer a prefix by merging the postings of every word it could be,
    /// whole, before returning the first row; a list of words is read newest first and
    /// stops at the rank window (docs/benchmarks.md, row 7).
    pub fn with_prefix_words(&self, words: &BTreeMap<String, Vec<String>>) -> Option<Query> {
        /// `None`: matches nothing.
        fn node(n: &Node, words: &BTreeMap<String, Vec<String>>) -> Option<Node> {
            match n {
                Node::Prefix(p) => match words.get(p).map(Vec::as_slice) {
                    None => Some(n.clone()),
                    Some([]) => None,
                    Some([one]) => Some(Node::Term(one.clone())),
                    Some(many) => Some(Node::Any(many.iter().cloned().map(Node::Term).collect())),
                },
                Node::Any(ns) => {
                    let left: Vec<Node> = ns.iter().filter_map(|n| node(n, words)).collect();
                    (!left.is_empty()).then_some(Node::Any(left))
                }
                Node::Term(_) | Node::Phrase(..) => Some(n.clone()),
            }
        }
        let mut clauses = Vec::with_capacity(self.clauses.len());
        for clause in &self.clauses {
            match node(clause, words) {
                Some(n) => clauses.push(n),
                None if self.match_any => {}
                None => return None,
            }
        }
        (!clauses.is_empty()).then(|| Query {
            clauses,
            match_any: self.match_any,
            scope: self.scope.clone(),
        })
    }

    /// SQLite FTS5 `MATCH` syntax, over the columns `terms` and `pairs` (each leaf names
    /// its column, so a word can never match a pair word or the reverse): a two-word phrase
    /// is its pair word, a longer one its positions narrowed by its pairs.
    pub fn fts5(&self) -> String {
        fn quoted(column: &str, t: &str, out: &mut String) {
            out.push('{');
            out.push_str(column);
            out.push_str("} : \"");
            out.push_str(t);
            out.push('"');
        }
        fn node(n: &Node, out: &mut String) {
            match n {
                Node::Term(t) => quoted("terms", t, out),
                Node::Prefix(p) => {
                    quoted("terms", p, out);
                    out.push('*');
                }
                Node::Phrase(ts, false) if ts.len() == 2 => {
                    quoted("pairs", &analyze::pair_token(&ts[0], &ts[1]), out);
                }
                Node::Phrase(ts, prefix) => {
                    out.push('(');
                    quoted("terms", &ts.join(" "), out);
                    if *prefix {
                        out.push('*');
                    }
                    for pair in phrase_pairs(ts, *prefix) {
                        out.push_str(" AND ");
                        quoted("pairs", &pair, out);
                    }
                    out.push(')');
                }
                Node::Any(ns) => join(ns, " OR ", out),
            }
        }
        fn join(ns: &[Node], op: &str, out: &mut String) {
            out.push('(');
            for (i, n) in ns.iter().enumerate() {
                if i > 0 {
                    out.push_str(op);
                }
                node(n, out);
            }
            out.push(')');
        }
        let mut out = String::new();
        join(
            &self.clauses,
            if self.match_any { " OR " } else { " AND " },
            &mut out,
        );
        if let Some(scope) = &self.scope {
            out.push_str(" AND ");
            quoted("terms", scope, &mut out);
        }
        out
    }

    /// PostgreSQL `to_tsquery('simple', …)` syntax. Phrases are matched by positions; the
    /// candidates of a required phrase come from its pairs ([`Query::required_pairs`]).
    pub fn tsquery(&self) -> String {
        fn lexeme(t: &str, prefix: bool, out: &mut String) {
            out.push('\'');
            out.push_str(t);
            out.push('\'');
            if prefix {
                out.push_str(":*");
            }
        }
        fn node(n: &Node, out: &mut String) {
            match n {
                Node::Term(t) => lexeme(t, false, out),
                Node::Prefix(p) => lexeme(p, true, out),
                Node::Phrase(ts, prefix) => {
                    out.push('(');
                    for (i, t) in ts.iter().enumerate() {
                        if i > 0 {
                            out.push_str(" <-> ");
                        }
                        lexeme(t, *prefix && i + 1 == ts.len(), out);
                    }
                    out.push(')');
                }
                Node::Any(ns) => join(ns, " | ", out),
            }
        }
        fn join(ns: &[Node], op: &str, out: &mut String) {
            out.push('(');
            for (i, n) in ns.iter().enumerate() {
                if i > 0 {
                    out.push_str(op);
                }
                node(n, out);
            }
            out.push(')');
        }
        let mut out = String::new();
        join(
            &self.clauses,
            if self.match_any { " | " } else { " & " },
            &mut out,
        );
        // The scope is left out here: PostgreSQL filters the community with a b-tree
        // condition, which its planner combines better with the GIN match than a second,
        // very common lexeme (measured in docs/benchmarks.md, row 7).
        out
    }

    /// What snippets highlight: every term and prefix of the query.
    pub fn matcher(&self) -> Matcher {
        fn walk(n: &Node, m: &mut Matcher) {
            match n {
                Node::Term(t) => {
                    m.terms.insert(t.clone());
                }
                Node::Prefix(p) => m.prefixes.push(p.clone()),
                Node::Phrase(ts, prefix) => {
                    for (i, t) in ts.iter().enumerate() {
                        if *prefix && i + 1 == ts.len() {
                            m.prefixes.push(t.clone());
                        } else {
                            m.terms.insert(t.clone());
                        }
                    }
                }
                Node::Any(ns) => ns.iter().for_each(|n| walk(n, m)),
            }
        }
        let mut m = Matcher::default();
        self.clauses.iter().for_each(|n| walk(n, &mut m));
        Matcher::new(m.terms, m.prefixes)
    }
}

/// Decides which words of a text a query matched.
#[derive(Clone, Debug, Default)]
pub struct Matcher {
    terms: BTreeSet<String>,
    prefixes: Vec<String>,
    /// The first two letters of every term and prefix. Stemming never changes a word's
    /// first two letters (Snowball's Italian regions start after them; a unit test checks
    /// it over every comune name), so a word starting otherwise is not stemmed: most of the
    /// cost of highlighting a page of results.
    heads: BTreeSet<String>,
}

/// A word's first two letters (the whole word if shorter).
fn head(word: &str) -> &str {
    word.char_indices().nth(2).map_or(word, |(i, _)| &word[..i])
}

impl Matcher {
    fn new(terms: BTreeSet<String>, prefixes: Vec<String>) -> Matcher {
        let heads = terms
            .iter()
            .chain(&prefixes)
            .map(|t| head(t).to_owned())
            .collect();
        Matcher {
            terms,
            prefixes,
            heads,
        }
    }

    /// Whether the (folded) word is one the query looks for.
    pub fn matches(&self, folded: &str) -> bool {
        let word_head = head(folded);
        if !self.heads.contains(word_head)
            && !self.heads.iter().any(|h| word_head.starts_with(h.as_str()))
        {
            return false;
        }
        let Some(term) = analyze::term(folded) else {
            return false;
        };
        self.terms.contains(&term)
            || self
                .prefixes
                .iter()
                .any(|p| term.starts_with(p.as_str()) || folded.starts_with(p.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Query {
        Query::parse(s, &Synonyms::builtin()).unwrap()
    }

    /// The FTS5 form without the (default) `{terms}` column filters.
    fn unfiltered(fts5: &str) -> String {
        fts5.replace("{terms} : ", "")
    }

    fn ts_words(q: &Query) -> String {
        q.tsquery()
    }

    #[test]
    fn every_leaf_names_its_column() {
        let q = parse(r#"appalti "variazione di bilancio" progett*"#).in_community(2);
        assert_eq!(
            q.fts5(),
            format!(
                r#"({{terms}} : "appalt" AND {{pairs}} : "p09variazionbilanc" AND {{terms}} : "progett"*) AND {{terms}} : "{}""#,
                analyze::community_token(2)
            )
        );
    }

    fn words(pairs: &[(&str, &[&str])]) -> BTreeMap<String, Vec<String>> {
        pairs
            .iter()
            .map(|(p, ws)| (p.to_string(), ws.iter().map(|w| w.to_string()).collect()))
            .collect()
    }

    #[test]
    fn prefixes_become_the_words_they_stand_for() {
        let q = parse("progett* urgent*");
        assert_eq!(
            q.prefixes().into_iter().collect::<Vec<_>>(),
            ["progett", "urgent"]
        );
        let listed = words(&[
            ("progett", &["progett", "progettual"]),
            ("urgent", &["urgent"]),
        ]);
        let expanded = q.with_prefix_words(&listed).unwrap();
        assert_eq!(
            unfiltered(&expanded.fts5()),
            r#"(("progett" OR "progettual") AND "urgent")"#
        );
        assert_eq!(
            ts_words(&expanded),
            "(('progett' | 'progettual') & 'urgent')"
        );
        // A prefix left unlisted (too many words) stays the engine's prefix.
        let partly = q
            .with_prefix_words(&words(&[("urgent", &["urgent"])]))
            .unwrap();
        assert_eq!(unfiltered(&partly.fts5()), r#"("progett"* AND "urgent")"#);
        // A phrase ending in a prefix is not a prefix of its own.
        assert!(parse("\"variazione bil*\"").prefixes().is_empty());
    }

    #[test]
    fn a_prefix_no_word_starts_with_matches_nothing() {
        let none = words(&[("zzz", &[])]);
        assert_eq!(parse("zzz* comune").with_prefix_words(&none), None);
        // Searching for any of the words, the others still count.
        let similar = Query::any_of("comune", &Synonyms::builtin(), 5);
        let similar = Query {
            clauses: [similar.clauses, vec![Node::Prefix("zzz".into())]].concat(),
            ..similar
        };
        assert_eq!(
            unfiltered(&similar.with_prefix_words(&none).unwrap().fts5()),
            r#"("comun")"#
        );
        // The scope (community) is kept.
        let scoped = parse("zzz* comune").in_community(3);
        let kept = scoped
            .with_prefix_words(&words(&[("zzz", &["zzzt"])]))
            .unwrap();
        assert_eq!(kept.scope, scoped.scope);
    }

    #[test]
    fn words_are_stemmed_and_all_required() {
        let q = parse("Appalti  sotto soglia");
        assert_eq!(unfiltered(&q.fts5()), r#"("appalt" AND "sott" AND "sogl")"#);
        assert_eq!(ts_words(&q), "('appalt' & 'sott' & 'sogl')");
    }

    #[test]
    fn quoted_phrases_keep_their_order() {
        // Two words: their pair word (see `analyze::pair_token`).
        let pair = analyze::pair_token("variazion", "bilanc");
        let q = parse(r#""variazione di bilancio" urgente"#);
        assert_eq!(
            unfiltered(&q.fts5()),
            format!(r#"({{pairs}} : "{pair}" AND "urgent")"#)
        );
        assert_eq!(q.tsquery(), "(('variazion' <-> 'bilanc') & 'urgent')");
        // More: the positions, narrowed by each pair.
        let (ab, bc) = (
            analyze::pair_token("variazion", "urgent"),
            analyze::pair_token("urgent", "bilanc"),
        );
        let q = parse(r#""variazione urgente di bilancio""#);
        assert_eq!(
            unfiltered(&q.fts5()),
            format!(
                r#"(("variazion urgent bilanc" AND {{pairs}} : "{ab}" AND {{pairs}} : "{bc}"))"#
            )
        );
        assert_eq!(q.tsquery(), "(('variazion' <-> 'urgent' <-> 'bilanc'))");
        // A phrase ending in a prefix is matched by positions alone.
        let q = parse("36/202*");
        assert_eq!(unfiltered(&q.fts5()), r#"(("36 202"*))"#);
        assert_eq!(q.tsquery(), "(('36' <-> '202':*))");
    }

    #[test]
    fn required_pairs_are_those_of_required_phrases() {
        // "di bilancio" is one word; a phrase ending in a prefix ("36" then "202…") has no
        // whole pair.
        let q = parse(r#""variazione urgente di bilancio" art. 50 "di bilancio" 36/202*"#);
        assert_eq!(
            q.required_pairs(),
            [("variazion", "urgent"), ("urgent", "bilanc"), ("art", "50")]
        );
        // One alternative of a synonym group is not required, nor is anything in any-of.
        assert!(
            parse("responsabile unico del progetto")
                .required_pairs()
                .is_empty()
        );
        let any = Query::any_of("variazione di bilancio", &Synonyms::builtin(), 8);
        assert!(any.required_pairs().is_empty());
    }

    #[test]
    fn references_become_phrases() {
        let pair = |a, b| analyze::pair_token(a, b);
        assert_eq!(
            unfiltered(&parse("art. 50").fts5()),
            format!(r#"({{pairs}} : "{}")"#, pair("art", "50"))
        );
        assert_eq!(parse("36/2023").tsquery(), "(('36' <-> '2023'))");
        assert_eq!(parse("d.lgs. 36/2023").clauses.len(), 2);
        // A word that is not an abbreviation stays a separate word.
        assert_eq!(
            unfiltered(&parse("delibera 50").fts5()),
            r#"("deliber" AND "50")"#
        );
    }

    #[test]
    fn prefixes() {
        assert_eq!(unfiltered(&parse("appal*").fts5()), r#"("appal"*)"#);
        assert_eq!(ts_words(&parse("appal*")), "('appal':*)");
        // Too short: a plain word.
        assert_eq!(unfiltered(&parse("ap*").fts5()), r#"("ap")"#);
        // The separator between a document's parts is never matched.
        assert_eq!(unfiltered(&parse("x0000*").fts5()), r#"("x0000")"#);
    }

    #[test]
    fn synonyms_expand_both_ways() {
        let q = parse("nomina RUP");
        let s = unfiltered(&q.fts5());
        assert!(
            s.starts_with(r#"("nomin" AND ("rup" OR ("respons unic progett" AND {pairs} : "#),
            "{s}"
        );
        assert!(
            s.contains(r#" OR ("respons unic proced" AND {pairs} : "#),
            "{s}"
        );
        let q = parse("responsabile unico del procedimento");
        assert!(
            unfiltered(&q.fts5()).contains(r#""rup""#),
            "{}",
            unfiltered(&q.fts5())
        );
        assert!(ts_words(&parse("rup")).contains("('respons' <-> 'unic' <-> 'progett')"));
        // Exact phrases are not expanded.
        assert_eq!(unfiltered(&parse("\"rup\"").fts5()), r#"("rup")"#);
    }

    #[test]
    fn bad_input_is_an_error_or_nothing_to_find() {
        let s = Synonyms::builtin();
        assert_eq!(Query::parse("", &s), Err(QueryError::Empty));
        assert_eq!(Query::parse("   ", &s), Err(QueryError::Empty));
        assert_eq!(
            Query::parse("\"appalti", &s),
            Err(QueryError::UnbalancedQuotes)
        );
        assert_eq!(
            Query::parse(&"a".repeat(10_240), &s),
            Err(QueryError::TooLong)
        );
        let many: String = (0..20).map(|i| format!("parola{i} ")).collect();
        assert_eq!(Query::parse(&many, &s), Err(QueryError::TooManyTerms));
        for only_operators in [
            "* AND OR NOT ( ) - + :",
            "\"\"",
            "di e il",
            "***",
            "NEAR(a b)",
        ] {
            let q = Query::parse(only_operators, &s).unwrap();
            assert!(
                q.is_empty()
                    || unfiltered(&q.fts5())
                        .chars()
                        .all(|c| c.is_alphanumeric() || " \"*()".contains(c)),
                "{only_operators}: {}",
                unfiltered(&q.fts5())
            );
        }
        assert!(Query::parse("* ( ) : -", &s).unwrap().is_empty());
        for e in [
            QueryError::Empty,
            QueryError::TooLong,
            QueryError::UnbalancedQuotes,
            QueryError::TooManyTerms,
        ] {
            assert!(!e.message().is_empty());
        }
    }

    #[test]
    fn engine_syntax_cannot_be_injected() {
        let q = parse(r#"a' | !b <-> c:* "x" OR NEAR y"#);
        for s in [unfiltered(&q.fts5()), ts_words(&q)] {
            assert!(
                !s.contains('!') && !s.contains("<->") && !s.contains("NEAR"),
                "{s}"
            );
        }
        // Upper-case operator words are just words, quoted.
        assert!(
            unfiltered(&q.fts5()).contains(r#""or""#),
            "{}",
            unfiltered(&q.fts5())
        );
    }

    #[test]
    fn a_community_scope_is_always_required() {
        let token = analyze::community_token(4);
        let q = Query::any_of("bilancio rendiconto", &Synonyms::default(), 5).in_community(4);
        assert_eq!(
            unfiltered(&q.fts5()),
            format!(r#"("bilanc" OR "rendicont") AND "{token}""#)
        );
        assert_eq!(ts_words(&q), "('bilanc' | 'rendicont')");
        assert!(!q.matcher().matches(&token));
    }

    #[test]
    fn similar_questions_match_any_word() {
        let q = Query::any_of(
            "Come si nomina il RUP per i lavori?",
            &Synonyms::builtin(),
            10,
        );
        assert!(q.match_any);
        assert!(unfiltered(&q.fts5()).contains(" OR "));
        assert!(ts_words(&q).contains(" | "));
        assert!(Query::any_of("di il ?", &Synonyms::builtin(), 10).is_empty());
        assert_eq!(
            Query::any_of("uno due tre quattro cinque", &Synonyms::default(), 2)
                .clauses
                .len(),
            2
        );
    }

    #[test]
    fn stems_keep_the_first_two_letters() {
        let names = include_str!("../../piazza/seed/comuni.csv");
        let extra = "appalto appalti appaltare presenza conoscenza soluzione biologia \
            quando aiuto io e perché città più bilancio determinazione ufficio uffici";
        let mut checked = 0;
        for token in analyze::tokens(names).chain(analyze::tokens(extra)) {
            if let Some(term) = analyze::term(&token.folded) {
                assert!(
                    term.starts_with(head(&token.folded)),
                    "{} → {term}",
                    token.folded
                );
                checked += 1;
            }
        }
        assert!(checked > 10_000, "{checked}");
    }

    #[test]
    fn matcher_knows_terms_prefixes_and_synonyms() {
        let m = parse("RUP appal* \"art. 50\"").matcher();
        assert!(m.matches("appalti"));
        assert!(m.matches("responsabile"));
        assert!(m.matches("rup"));
        assert!(m.matches("50"));
        assert!(!m.matches("bilancio"));
        assert!(!m.matches("del"));
    }
}
