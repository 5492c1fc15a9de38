//! Synonyms of public-administration jargon, expanded at query time: searching "RUP" also
//! finds "responsabile unico del progetto", and the other way round.
//!
//! Expansion happens on the query, never in the index, so changing the list takes effect
//! at once without reindexing. Each group is a set of equivalent expressions; a query that
//! contains any of them matches documents containing any of them. The built-in list covers
//! the acronyms small comuni use every day; admins add groups of their own (stored in the
//! database and passed in with [`Synonyms::with_groups`]).

use crate::analyze;

/// The built-in groups: acronyms of Italian local administration and their expansions.
pub const BUILTIN: &[&[&str]] = &[
    &[
        "rup",
        "responsabile unico del progetto",
        "responsabile unico del procedimento",
    ],
    &["dup", "documento unico di programmazione"],
    &["peg", "piano esecutivo di gestione"],
    &["cig", "codice identificativo gara"],
    &["cup", "codice unico di progetto"],
    &["pnrr", "piano nazionale di ripresa e resilienza"],
    &[
        "tuel",
        "testo unico enti locali",
        "testo unico degli enti locali",
    ],
    &["piao", "piano integrato di attività e organizzazione"],
    &[
        "suap",
        "sportello unico attività produttive",
        "sportello unico per le attività produttive",
    ],
    &[
        "sue",
        "sportello unico edilizia",
        "sportello unico per l'edilizia",
    ],
    &[
        "imu",
        "imposta municipale unica",
        "imposta municipale propria",
    ],
    &["tari", "tassa sui rifiuti", "tassa rifiuti"],
    &["durc", "documento unico di regolarità contributiva"],
    &["anac", "autorità nazionale anticorruzione"],
    &["mepa", "mercato elettronico della pubblica amministrazione"],
    &["pa", "pubblica amministrazione"],
    &["pec", "posta elettronica certificata"],
    &["spid", "sistema pubblico di identità digitale"],
    &["anpr", "anagrafe nazionale della popolazione residente"],
    &["scia", "segnalazione certificata di inizio attività"],
    &["cila", "comunicazione inizio lavori asseverata"],
    &["dpo", "rpd", "responsabile della protezione dei dati"],
    &["gdpr", "regolamento generale sulla protezione dei dati"],
    &["ccnl", "contratto collettivo nazionale di lavoro"],
    &["dlgs", "d lgs", "decreto legislativo"],
    &["dpr", "decreto del presidente della repubblica"],
];

/// Synonym groups, analysed: each expression is the sequence of its index terms.
#[derive(Clone, Debug, Default)]
pub struct Synonyms {
    groups: Vec<Vec<Vec<String>>>,
}

impl Synonyms {
    /// The built-in list.
    pub fn builtin() -> Self {
        Self::default().with_groups(BUILTIN.iter().map(|g| g.iter().copied()))
    }

    /// Adds groups of equivalent expressions; expressions with no searchable word are
    /// ignored, and so are groups left with fewer than two.
    pub fn with_groups<G, E>(mut self, groups: G) -> Self
    where
        G: IntoIterator<Item = E>,
        E: IntoIterator,
        E::Item: AsRef<str>,
    {
        for group in groups {
            let mut analysed: Vec<Vec<String>> = group
                .into_iter()
                .map(|e| analyze::terms(e.as_ref()))
                .filter(|t| !t.is_empty())
                .collect();
            analysed.dedup();
            if analysed.len() >= 2 {
                self.groups.push(analysed);
            }
        }
        self
    }

    /// The longest expression of any group that `terms` starts with: its length and the
    /// whole group. Longer matches win ("testo unico enti locali" over a shorter one).
    pub fn longest_match(&self, terms: &[&str]) -> Option<(usize, &[Vec<String>])> {
        let mut best: Option<(usize, &[Vec<String>])> = None;
        for group in &self.groups {
            for expr in group {
                let n = expr.len();
                let fits = n <= terms.len() && expr.iter().zip(terms).all(|(a, b)| a == b);
                if fits && best.is_none_or(|(len, _)| n > len) {
                    best = Some((n, group));
                }
            }
        }
        best
    }

    pub fn len(&self) -> usize {
        self.groups.len()
    }

    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acronyms_and_expansions_are_one_group() {
        let s = Synonyms::builtin();
        let rup = analyze::terms("RUP");
        let rup: Vec<&str> = rup.iter().map(String::as_str).collect();
        let (n, group) = s.longest_match(&rup).unwrap();
        assert_eq!(n, 1);
        assert!(group.contains(&analyze::terms("responsabile unico del progetto")));
        let long = analyze::terms("Responsabile Unico del Procedimento nominato");
        let long: Vec<&str> = long.iter().map(String::as_str).collect();
        let (n, group) = s.longest_match(&long).unwrap();
        assert_eq!(n, 3);
        assert!(group.contains(&vec!["rup".to_owned()]));
    }

    #[test]
    fn the_longest_expression_wins() {
        let s =
            Synonyms::default().with_groups([["a1", "testo unico"], ["b1", "testo unico enti"]]);
        let t = analyze::terms("testo unico enti locali");
        let t: Vec<&str> = t.iter().map(String::as_str).collect();
        let (n, group) = s.longest_match(&t).unwrap();
        assert_eq!(n, 3);
        assert_eq!(group[0], ["b1"]);
    }

    #[test]
    fn groups_need_two_searchable_expressions() {
        let s = Synonyms::default().with_groups([vec!["rup", "di"], vec!["x"]]);
        assert!(s.is_empty());
        assert!(Synonyms::builtin().len() > 10);
    }
}
