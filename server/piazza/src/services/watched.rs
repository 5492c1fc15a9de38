//! Watched words: words or simple patterns admins watch for in posts, each with an action —
//! block the post, hold it for a moderator's approval, or flag it in the review queue.
//!
//! Patterns are plain words (one to five), matched as whole words after folding case and
//! accents, where `*` stands for any letters inside one word (`trucc*` matches "truccato").
//! No regular expressions from users: matching is a linear glob over each word, so no
//! pattern can make it slow.

use piazza_db::{DbError, trust};

use super::{AppState, admin, validate};
use crate::{
    auth::Viewer,
    error::{AppError, AppResult},
};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Block,
    RequireApproval,
    Flag,
}

impl Action {
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Block => "block",
            Action::RequireApproval => "require_approval",
            Action::Flag => "flag",
        }
    }

    pub fn parse(s: &str) -> Action {
        match s {
            "block" => Action::Block,
            "require_approval" => Action::RequireApproval,
            _ => Action::Flag,
        }
    }
}

const MAX_WORDS: usize = 5;
const MAX_PATTERN: usize = 60;

/// The canonical form of a pattern: folded words separated by one space.
pub fn normalise(pattern: &str) -> AppResult<String> {
    let folded = validate::fold(pattern);
    let words: Vec<&str> = folded.split_whitespace().collect();
    let bad = || {
        AppError::bad_input(
            "Parola sorvegliata: da 1 a 5 parole di lettere e cifre, con * come jolly",
        )
    };
    if words.is_empty() || words.len() > MAX_WORDS || folded.chars().count() > MAX_PATTERN {
        return Err(bad());
    }
    for w in &words {
        let ok = w.chars().all(|c| c.is_alphanumeric() || c == '*')
            && w.chars().any(char::is_alphanumeric);
        if !ok {
            return Err(bad());
        }
    }
    Ok(words.join(" "))
}

/// Whether `word` matches `glob`, where `*` matches any run of characters (greedy with
/// backtracking to the last star: linear in practice, never exponential).
fn glob(glob: &[char], word: &[char]) -> bool {
    let (mut g, mut w) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while w < word.len() {
        if g < glob.len() && glob[g] == '*' {
            star = Some((g, w));
            g += 1;
        } else if g < glob.len() && glob[g] == word[w] {
            g += 1;
            w += 1;
        } else if let Some((sg, sw)) = star {
            g = sg + 1;
            w = sw + 1;
            star = Some((sg, sw + 1));
        } else {
            return false;
        }
    }
    glob[g..].iter().all(|c| *c == '*')
}

/// The words of a text, folded, for matching.
fn words(text: &str) -> Vec<Vec<char>> {
    validate::fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.chars().collect())
        .collect()
}

/// Whether the normalised `pattern` occurs in the text's `words`.
fn occurs(pattern: &str, words: &[Vec<char>]) -> bool {
    let parts: Vec<Vec<char>> = pattern.split(' ').map(|p| p.chars().collect()).collect();
    if parts.is_empty() || words.len() < parts.len() {
        return false;
    }
    words
        .windows(parts.len())
        .any(|window| parts.iter().zip(window).all(|(p, w)| glob(p, w)))
}

/// What the watched words say about a text: the patterns found, by action.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Verdict {
    pub block: Vec<String>,
    pub require_approval: Vec<String>,
    pub flag: Vec<String>,
}

impl Verdict {
    /// The patterns a moderator is shown: those that hold, then those that flag.
    pub fn for_review(&self) -> Vec<&str> {
        self.require_approval
            .iter()
            .chain(&self.flag)
            .map(String::as_str)
            .collect()
    }
}

pub fn judge(list: &[(String, Action)], text: &str) -> Verdict {
    let words = words(text);
    let mut verdict = Verdict::default();
    for (pattern, action) in list {
        if occurs(pattern, &words) {
            match action {
                Action::Block => verdict.block.push(pattern.clone()),
                Action::RequireApproval => verdict.require_approval.push(pattern.clone()),
                Action::Flag => verdict.flag.push(pattern.clone()),
            }
        }
    }
    verdict
}

/// What the watched words say about an edit from `before` to `after`: every blocked word
/// of the new text (it may not be published at all), and the words to hold or flag for that
/// the edit brings in. A word the text had before was judged then — held and approved, or
/// flagged and looked at — so fixing a typo elsewhere does not send the post back.
/// Second, the verdict on the new text as a whole.
pub fn judge_edit(list: &[(String, Action)], before: &str, after: &str) -> (Verdict, Verdict) {
    let had = judge(list, before);
    let now = judge(list, after);
    let mut brought = now.clone();
    brought
        .require_approval
        .retain(|p| !had.require_approval.contains(p));
    brought.flag.retain(|p| !had.flag.contains(p));
    (brought, now)
}

async fn current_list(state: &AppState) -> AppResult<Vec<(String, Action)>> {
    Ok(trust::list_watched_words(&state.db)
        .await?
        .into_iter()
        .map(|w| (w.pattern, Action::parse(&w.action)))
        .collect())
}

/// Checks a text against the current list.
pub async fn check(state: &AppState, text: &str) -> AppResult<Verdict> {
    Ok(judge(&current_list(state).await?, text))
}

/// Checks an edit against the current list (see [`judge_edit`]).
pub async fn check_edit(
    state: &AppState,
    before: &str,
    after: &str,
) -> AppResult<(Verdict, Verdict)> {
    Ok(judge_edit(&current_list(state).await?, before, after))
}

pub async fn list(state: &AppState, viewer: Option<&Viewer>) -> AppResult<Vec<trust::WatchedWord>> {
    admin(viewer)?;
    Ok(trust::list_watched_words(&state.db).await?)
}

/// Adds a pattern, or changes the action of one already watched.
pub async fn set(
    state: &AppState,
    viewer: Option<&Viewer>,
    pattern: &str,
    action: Action,
) -> AppResult<trust::WatchedWord> {
    let viewer = admin(viewer)?;
    let pattern = normalise(pattern)?;
    let mut tx = state.db.begin().await?;
    let id = trust::upsert_watched_word(
        &mut tx,
        &pattern,
        action.as_str(),
        viewer.id(),
        piazza_db::now(),
    )
    .await?;
    tx.commit().await?;
    tracing::info!(
        by = viewer.id(),
        pattern,
        action = action.as_str(),
        "watched word set"
    );
    trust::list_watched_words(&state.db)
        .await?
        .into_iter()
        .find(|w| w.id == id)
        .ok_or(AppError::NotFound("Parola sorvegliata"))
}

pub async fn remove(state: &AppState, viewer: Option<&Viewer>, id: i64) -> AppResult<bool> {
    admin(viewer)?;
    let mut tx = state.db.begin().await?;
    let removed = trust::delete_watched_word(&mut tx, id)
        .await
        .map_err(|e| match e {
            DbError::NotFound => AppError::NotFound("Parola sorvegliata"),
            other => other.into(),
        })?;
    tx.commit().await?;
    if !removed {
        return Err(AppError::NotFound("Parola sorvegliata"));
    }
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(items: &[(&str, Action)]) -> Vec<(String, Action)> {
        items
            .iter()
            .map(|(p, a)| (normalise(p).unwrap(), *a))
            .collect()
    }

    #[test]
    fn whole_words_only_with_case_and_accents_folded() {
        let l = list(&[("truffa", Action::Block)]);
        assert_eq!(judge(&l, "Una TRUFFA evidente").block, vec!["truffa"]);
        assert!(judge(&l, "truffatore").block.is_empty());
        let l = list(&[("perché", Action::Flag)]);
        assert_eq!(judge(&l, "Perche no?").flag, vec!["perche"]);
    }

    #[test]
    fn stars_match_inside_one_word() {
        let l = list(&[("trucc*", Action::RequireApproval)]);
        assert_eq!(judge(&l, "gara truccata").require_approval, vec!["trucc*"]);
        assert!(judge(&l, "tru cc").require_approval.is_empty());
        let l = list(&[("*ruff*", Action::Flag)]);
        assert_eq!(judge(&l, "la truffa").flag.len(), 1);
    }

    #[test]
    fn phrases_match_consecutive_words() {
        let l = list(&[("soldi facili", Action::Block)]);
        assert_eq!(judge(&l, "Soldi, facili!").block.len(), 1);
        assert!(judge(&l, "soldi non facili").block.is_empty());
    }

    #[test]
    fn edits_are_judged_on_what_they_bring_in() {
        let l = list(&[
            ("truffa", Action::Block),
            ("gara trucc*", Action::RequireApproval),
            ("urgente", Action::Flag),
        ]);
        let (v, now) = judge_edit(&l, "Testo", "Gara truccata, urgente");
        assert_eq!(v.require_approval, vec!["gara trucc*"]);
        assert_eq!(v.flag, vec!["urgente"]);
        assert_eq!(now, v);
        // Already there before: judged when it was written.
        let (v, now) = judge_edit(&l, "Gara truccata, urgente", "Gara truccata, urgente!");
        assert_eq!(v, Verdict::default());
        // The text as a whole still holds both.
        assert_eq!(now.for_review(), ["gara trucc*", "urgente"]);
        // Blocked words are never published, whoever wrote them first.
        assert_eq!(
            judge_edit(&l, "truffa", "una truffa").0.block,
            vec!["truffa"]
        );
    }

    #[test]
    fn patterns_are_plain_and_bounded() {
        assert!(normalise("a.*b").is_err());
        assert!(normalise("(x+)+").is_err());
        assert!(normalise("***").is_err());
        assert!(normalise("uno due tre quattro cinque sei").is_err());
        assert_eq!(normalise("  Gara   TRUCCATA ").unwrap(), "gara truccata");
    }

    #[test]
    fn pathological_globs_finish_quickly() {
        let pattern: Vec<char> = "*a*a*a*a*a*a*a*a*b".chars().collect();
        let word: Vec<char> = "a".repeat(5_000).chars().collect();
        let started = std::time::Instant::now();
        assert!(!glob(&pattern, &word));
        assert!(started.elapsed() < std::time::Duration::from_secs(1));
    }
}
