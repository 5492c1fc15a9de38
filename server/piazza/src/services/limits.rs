//! What a post must pass before it is published: watched words for everyone, and for new
//! members (fewer than the configured number of approved posts) fewer links and mentions
//! and, optionally, a moderator's approval of their first posts.

use pulldown_cmark::{Event, Options, Parser, Tag};

use super::{AppState, mentions, watched};
use crate::{
    auth::{Role, Viewer},
    config::Config,
    error::{AppError, AppResult},
};

#[derive(Clone, Copy, Debug)]
pub struct NewMemberLimits {
    /// Approved posts after which a member is no longer new.
    pub posts: i64,
    pub max_links: usize,
    pub max_mentions: usize,
    /// New members' posts wait for approval.
    pub premoderation: bool,
}

impl NewMemberLimits {
    pub fn from_config(config: &Config) -> Self {
        Self {
            posts: config.new_member_posts,
            max_links: config.new_member_max_links,
            max_mentions: config.new_member_max_mentions,
            premoderation: config.new_member_premoderation,
        }
    }
}

/// How a post that passed goes out.
#[derive(Debug, Default)]
pub struct Assessment {
    /// Held for a moderator's approval.
    pub pending: bool,
    /// Watched words that flag it to moderators (published anyway).
    pub flagged: Vec<String>,
    /// Watched words that hold it for approval.
    pub held: Vec<String>,
}

/// Links in markdown: link elements, plus web addresses written as plain text.
pub fn count_links(markdown: &str) -> usize {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut links = 0;
    let mut in_link = 0;
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Start(Tag::Link { .. }) => {
                links += 1;
                in_link += 1;
            }
            Event::End(pulldown_cmark::TagEnd::Link) => in_link -= 1,
            Event::Text(text) if in_link == 0 => {
                links += text
                    .split_whitespace()
                    .filter(|w| {
                        let w = w.to_ascii_lowercase();
                        w.starts_with("http://")
                            || w.starts_with("https://")
                            || w.starts_with("www.")
                    })
                    .count();
            }
            _ => {}
        }
    }
    links
}

/// Whether `viewer` writes as a new member: a plain member with fewer approved (visible)
/// posts than configured.
pub async fn is_new_member(state: &AppState, viewer: &Viewer) -> AppResult<bool> {
    let limits = state.limits;
    Ok(viewer.role() == Role::Member
        && limits.posts > 0
        && piazza_db::posts::count_visible_posts_of_author(&state.db, viewer.id()).await?
            < limits.posts)
}

/// A new member's links and mentions in `body`, within the limits. For an edit, `before` is
/// the post's current text: only an edit that brings a count over the limit (and above what
/// the post already had) is refused, so fixing a typo never is.
pub fn check_new_member_text(
    limits: NewMemberLimits,
    body: &str,
    before: Option<&str>,
) -> AppResult<()> {
    let links = count_links(body);
    if links > limits.max_links && before.is_none_or(|b| links > count_links(b)) {
        return Err(AppError::bad_input(format!(
            "I nuovi iscritti possono inserire al massimo {} link per messaggio",
            limits.max_links
        )));
    }
    let mentioned = mentions::handles(body).len();
    if mentioned > limits.max_mentions
        && before.is_none_or(|b| mentioned > mentions::handles(b).len())
    {
        return Err(AppError::bad_input(format!(
            "I nuovi iscritti possono menzionare al massimo {} persone per messaggio",
            limits.max_mentions
        )));
    }
    Ok(())
}

/// Checks a new post's text (title included for a thread) by `viewer`.
pub async fn assess(
    state: &AppState,
    viewer: &Viewer,
    text: &str,
    body: &str,
) -> AppResult<Assessment> {
    let verdict = watched::check(state, text).await?;
    if !verdict.block.is_empty() {
        return Err(AppError::bad_input(format!(
            "Il testo contiene parole non ammesse: {}",
            verdict.block.join(", ")
        )));
    }
    let mut assessment = Assessment {
        pending: !verdict.require_approval.is_empty(),
        flagged: verdict.flag,
        held: verdict.require_approval,
    };
    if is_new_member(state, viewer).await? {
        check_new_member_text(state.limits, body, None)?;
        assessment.pending |= state.limits.premoderation;
    }
    Ok(assessment)
}

/// Puts a just-written post in the review queue when its assessment says so: held for
/// approval, or published and flagged. Returns the queue's live events.
pub async fn queue_for_review(
    tx: &mut piazza_db::Tx,
    assessment: &Assessment,
    community_id: i64,
    thread_id: i64,
    post_id: i64,
    author_id: i64,
) -> AppResult<Vec<piazza_db::events::Event>> {
    use piazza_db::moderation::{self, NewReviewItem};
    let kind = if assessment.pending {
        moderation::POST
    } else if !assessment.flagged.is_empty() {
        moderation::REPORT
    } else {
        return Ok(Vec::new());
    };
    let new = NewReviewItem {
        kind,
        community_id: Some(community_id),
        user_id: Some(author_id),
        post_id: Some(post_id),
        thread_id: Some(thread_id),
    };
    let id = moderation::open_review_item(tx, &new, piazza_db::now()).await?;
    let words: Vec<&str> = assessment
        .held
        .iter()
        .chain(&assessment.flagged)
        .map(String::as_str)
        .collect();
    if !words.is_empty() {
        moderation::set_flagged_words(tx, id, &words.join(",")).await?;
    }
    let item = moderation::get_review_item_tx(tx, id).await?;
    super::moderation::record_review(tx, &item).await
}

/// Sets the watched words shown on the open review items about a post; returns the
/// queue's live events for the items that changed.
pub async fn refresh_flagged_words(
    tx: &mut piazza_db::Tx,
    post_id: i64,
    words: &[&str],
) -> AppResult<Vec<piazza_db::events::Event>> {
    use piazza_db::moderation;
    let words = words.join(",");
    let mut events = Vec::new();
    for item in moderation::list_open_items_of(tx, None, Some(post_id)).await? {
        if item.flagged_words != words {
            moderation::set_flagged_words(tx, item.id, &words).await?;
            let item = moderation::get_review_item_tx(tx, item.id).await?;
            events.extend(super::moderation::record_review(tx, &item).await?);
        }
    }
    Ok(events)
}

#[cfg(test)]
mod tests {
    use super::count_links;

    #[test]
    fn links_counted_in_markup_and_plain_text() {
        assert_eq!(count_links("nessun link"), 0);
        assert_eq!(count_links("[a](https://a.it) e <https://b.it>"), 2);
        assert_eq!(count_links("vedi https://c.it e www.d.it"), 2);
        assert_eq!(count_links("[https://e.it](https://e.it)"), 1);
        assert_eq!(count_links("`https://in-codice.it`"), 0);
    }
}
