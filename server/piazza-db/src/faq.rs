//! The official FAQ of each community: entries with their numbered revisions, the public
//! changelog (added, changed, withdrawn) and each member's "last seen" marker in it.
//!
//! An entry's row holds its current text; each change of text writes the next revision in
//! the same transaction, so the history is complete by construction. Status changes
//! (publishing a draft, withdrawing) keep the version and are recorded in the changelog.

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::QueryBuilder;

use crate::{Db, DbError, Result, Tx};

/// Entry statuses, as stored.
pub const DRAFT: &str = "draft";
pub const PUBLISHED: &str = "published";
pub const WITHDRAWN: &str = "withdrawn";

/// Changelog kinds, as stored.
pub const ADDED: &str = "added";
pub const CHANGED: &str = "changed";
pub const REMOVED: &str = "withdrawn";

#[derive(Clone, Debug, PartialEq, sqlx::FromRow)]
pub struct FaqEntry {
    pub id: i64,
    pub community_id: i64,
    /// `draft`, `published` or `withdrawn`.
    pub status: String,
    pub version: i64,
    pub question: String,
    pub answer: String,
    pub answer_html: String,
    pub renderer_version: i64,
    /// Comma-separated display copy of the entry's tags.
    pub tags: String,
    /// Normative references, one per line.
    pub normative_refs: String,
    pub valid_from: Option<NaiveDate>,
    pub valid_until: Option<NaiveDate>,
    pub source_post_id: Option<i64>,
    pub created_by: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub published_at: Option<DateTime<Utc>>,
    pub withdrawn_at: Option<DateTime<Utc>>,
    pub withdrawn_by: Option<i64>,
    pub withdrawal_reason: Option<String>,
}

impl FaqEntry {
    pub fn tag_list(&self) -> Vec<String> {
        split(&self.tags, ',')
    }

    pub fn reference_list(&self) -> Vec<String> {
        split(&self.normative_refs, '\n')
    }

    pub fn is_draft(&self) -> bool {
        self.status == DRAFT
    }
}

fn split(s: &str, sep: char) -> Vec<String> {
    s.split(sep)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The text of an entry: what a revision records.
#[derive(Clone, Debug, PartialEq)]
pub struct FaqContent {
    pub question: String,
    pub answer: String,
    pub answer_html: String,
    pub renderer_version: i64,
    pub tags: Vec<String>,
    pub references: Vec<String>,
    pub valid_from: Option<NaiveDate>,
    pub valid_until: Option<NaiveDate>,
}

pub struct NewFaqEntry<'a> {
    pub community_id: i64,
    /// `draft` or `published`.
    pub status: &'a str,
    pub content: &'a FaqContent,
    pub source_post_id: Option<i64>,
    pub created_by: i64,
    /// The note of revision 1.
    pub change_note: &'a str,
    pub created_at: DateTime<Utc>,
}

#[derive(Clone, Debug, PartialEq, sqlx::FromRow)]
pub struct FaqRevision {
    pub faq_entry_id: i64,
    pub version: i64,
    pub question: String,
    pub answer: String,
    pub tags: String,
    pub normative_refs: String,
    pub change_note: String,
    pub editor_id: i64,
    pub created_at: DateTime<Utc>,
}

#[derive(Clone, Debug, PartialEq, sqlx::FromRow)]
pub struct FaqChange {
    pub id: i64,
    pub community_id: i64,
    pub faq_entry_id: i64,
    /// `added`, `changed` or `withdrawn`.
    pub kind: String,
    pub version: i64,
    pub note: String,
    pub actor_id: i64,
    pub created_at: DateTime<Utc>,
}

pub struct NewFaqChange<'a> {
    pub community_id: i64,
    pub faq_entry_id: i64,
    pub kind: &'a str,
    pub version: i64,
    pub note: &'a str,
    pub actor_id: i64,
    pub created_at: DateTime<Utc>,
}

macro_rules! select_entries {
    ($($sql:literal),*) => {
        concat!("select e.id, e.community_id, e.status, e.version, e.question, e.answer, \
            e.answer_html, e.renderer_version, e.tags, e.normative_refs, e.valid_from, \
            e.valid_until, e.source_post_id, e.created_by, e.created_at, e.updated_at, \
            e.published_at, e.withdrawn_at, e.withdrawn_by, e.withdrawal_reason \
            from faq_entries e ", $($sql),*)
    };
}

macro_rules! select_changes {
    ($($sql:literal),*) => {
        concat!("select id, community_id, faq_entry_id, kind, version, note, actor_id, created_at \
            from faq_changes ", $($sql),*)
    };
}

/// Inserts an entry with its tags and revision 1. A `published` entry gets `published_at`
/// (its changelog row is the caller's: see [`insert_faq_change`]).
pub async fn insert_faq_entry(tx: &mut Tx, new: &NewFaqEntry<'_>) -> Result<i64> {
    let c = new.content;
    let published_at = (new.status == PUBLISHED).then_some(new.created_at);
    let id: i64 = on_tx!(tx, conn => sqlx::query_scalar(
        "insert into faq_entries (community_id, status, version, question, answer, answer_html, \
         renderer_version, tags, normative_refs, valid_from, valid_until, source_post_id, \
         created_by, created_at, updated_at, published_at) \
         values ($1, $2, 1, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13, $14) returning id")
        .bind(new.community_id)
        .bind(new.status)
        .bind(&c.question)
        .bind(&c.answer)
        .bind(&c.answer_html)
        .bind(c.renderer_version)
        .bind(c.tags.join(","))
        .bind(c.references.join("\n"))
        .bind(c.valid_from)
        .bind(c.valid_until)
        .bind(new.source_post_id)
        .bind(new.created_by)
        .bind(new.created_at)
        .bind(published_at)
        .fetch_one(conn)
        .await)?;
    insert_tags(tx, id, &c.tags).await?;
    insert_revision(
        tx,
        id,
        1,
        c,
        new.change_note,
        new.created_by,
        new.created_at,
    )
    .await?;
    Ok(id)
}

async fn insert_tags(tx: &mut Tx, id: i64, tags: &[String]) -> Result<()> {
    for tag in tags {
        on_tx!(tx, conn => sqlx::query("insert into faq_entry_tags (faq_entry_id, tag) values ($1, $2)")
            .bind(id)
            .bind(tag)
            .execute(conn)
            .await.map(|r| r.rows_affected()))?;
    }
    Ok(())
}

async fn insert_revision(
    tx: &mut Tx,
    id: i64,
    version: i64,
    c: &FaqContent,
    change_note: &str,
    editor_id: i64,
    at: DateTime<Utc>,
) -> Result<()> {
    on_tx!(tx, conn => sqlx::query(
        "insert into faq_revisions (faq_entry_id, version, question, answer, tags, normative_refs, \
         change_note, editor_id, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
        .bind(id)
        .bind(version)
        .bind(&c.question)
        .bind(&c.answer)
        .bind(c.tags.join(","))
        .bind(c.references.join("\n"))
        .bind(change_note)
        .bind(editor_id)
        .bind(at)
        .execute(conn)
        .await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Replaces an entry's text (not a withdrawn one) and records it as the next revision;
/// returns the new version.
pub async fn update_faq_content(
    tx: &mut Tx,
    id: i64,
    c: &FaqContent,
    change_note: &str,
    editor_id: i64,
    now: DateTime<Utc>,
) -> Result<i64> {
    let version: Option<i64> = on_tx!(tx, conn => sqlx::query_scalar(
        "update faq_entries set version = version + 1, question = $1, answer = $2, answer_html = $3, \
         renderer_version = $4, tags = $5, normative_refs = $6, valid_from = $7, valid_until = $8, \
         updated_at = $9 where id = $10 and status <> 'withdrawn' returning version")
        .bind(&c.question)
        .bind(&c.answer)
        .bind(&c.answer_html)
        .bind(c.renderer_version)
        .bind(c.tags.join(","))
        .bind(c.references.join("\n"))
        .bind(c.valid_from)
        .bind(c.valid_until)
        .bind(now)
        .bind(id)
        .fetch_optional(conn)
        .await)?;
    let version = version.ok_or(DbError::NotFound)?;
    on_tx!(tx, conn => sqlx::query("delete from faq_entry_tags where faq_entry_id = $1")
        .bind(id)
        .execute(conn)
        .await.map(|r| r.rows_affected()))?;
    insert_tags(tx, id, &c.tags).await?;
    insert_revision(tx, id, version, c, change_note, editor_id, now).await?;
    Ok(version)
}

/// Publishes a draft; returns false if the entry was not a draft.
pub async fn publish_faq_draft(tx: &mut Tx, id: i64, now: DateTime<Utc>) -> Result<bool> {
    let done = on_tx!(tx, conn => sqlx::query(
        "update faq_entries set status = 'published', published_at = $1, updated_at = $1 \
         where id = $2 and status = 'draft'")
        .bind(now)
        .bind(id)
        .execute(conn)
        .await.map(|r| r.rows_affected()))?;
    Ok(done == 1)
}

/// Withdraws a published entry, keeping its text and history; returns false if it was not
/// published.
pub async fn withdraw_faq_entry(
    tx: &mut Tx,
    id: i64,
    reason: &str,
    by: i64,
    now: DateTime<Utc>,
) -> Result<bool> {
    let done = on_tx!(tx, conn => sqlx::query(
        "update faq_entries set status = 'withdrawn', withdrawn_at = $1, withdrawn_by = $2, \
         withdrawal_reason = $3, updated_at = $1 where id = $4 and status = 'published'")
        .bind(now)
        .bind(by)
        .bind(reason)
        .bind(id)
        .execute(conn)
        .await.map(|r| r.rows_affected()))?;
    Ok(done == 1)
}

pub async fn get_faq_entry(db: &Db, id: i64) -> Result<FaqEntry> {
    let sql = select_entries!("where e.id = $1");
    Ok(on_read!(db, pool => sqlx::query_as(sql).bind(id).fetch_one(pool).await)?)
}

pub async fn get_faq_entry_tx(tx: &mut Tx, id: i64) -> Result<FaqEntry> {
    let sql = select_entries!("where e.id = $1");
    Ok(on_tx!(tx, conn => sqlx::query_as(sql).bind(id).fetch_one(conn).await)?)
}

pub async fn list_faq_entries_by_ids(db: &Db, ids: &[i64]) -> Result<Vec<FaqEntry>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(on_read!(db, pool => {
        let mut qb = QueryBuilder::new(select_entries!("where e.id in ("));
        crate::push_in_list(&mut qb, ids.iter().copied(), ")");
        qb.build_query_as().fetch_all(pool).await
    })?)
}

/// Entries promoted from the given posts, oldest first.
pub async fn list_faq_entries_by_source_posts(db: &Db, post_ids: &[i64]) -> Result<Vec<FaqEntry>> {
    if post_ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(on_read!(db, pool => {
        let mut qb = QueryBuilder::new(select_entries!("where e.source_post_id in ("));
        crate::push_in_list(&mut qb, post_ids.iter().copied(), ") order by e.id");
        qb.build_query_as().fetch_all(pool).await
    })?)
}

/// Entries promoted from any post of a thread, oldest first.
pub async fn list_thread_faq_entries(db: &Db, thread_id: i64) -> Result<Vec<FaqEntry>> {
    let sql = select_entries!(
        "join posts p on p.id = e.source_post_id where p.thread_id = $1 order by e.id"
    );
    Ok(on_read!(db, pool => sqlx::query_as(sql).bind(thread_id).fetch_all(pool).await)?)
}

/// The id of a draft or published entry promoted from the post, if one exists.
pub async fn find_live_entry_for_post(tx: &mut Tx, post_id: i64) -> Result<Option<i64>> {
    Ok(on_tx!(tx, conn => sqlx::query_scalar(
        "select id from faq_entries where source_post_id = $1 and status <> 'withdrawn' \
         order by id limit 1")
        .bind(post_id)
        .fetch_optional(conn)
        .await)?)
}

/// A page of a community's entries with one of `statuses` (at most two are used), in
/// creation order, optionally with a tag, after `after_id` (exclusive).
pub async fn list_community_faq(
    db: &Db,
    community_id: i64,
    statuses: &[&str],
    tag: Option<&str>,
    after_id: Option<i64>,
    limit: i64,
) -> Result<Vec<FaqEntry>> {
    let (Some(first), second) = (statuses.first(), statuses.get(1).or(statuses.first())) else {
        return Ok(Vec::new());
    };
    let sql = select_entries!(
        "where e.community_id = $1 and e.status in ($2, $3) \
         and ($4 is null or exists (select 1 from faq_entry_tags t where t.faq_entry_id = e.id and t.tag = $4)) \
         and e.id > $5 order by e.id limit $6"
    );
    Ok(on_read!(db, pool => sqlx::query_as(sql)
        .bind(community_id)
        .bind(*first)
        .bind(second.copied())
        .bind(tag)
        .bind(after_id.unwrap_or(0))
        .bind(limit)
        .fetch_all(pool)
        .await)?)
}

/// Every revision of an entry, oldest first.
pub async fn list_faq_revisions(db: &Db, entry_id: i64) -> Result<Vec<FaqRevision>> {
    Ok(on_read!(db, pool => sqlx::query_as(
        "select faq_entry_id, version, question, answer, tags, normative_refs, change_note, \
         editor_id, created_at from faq_revisions where faq_entry_id = $1 order by version")
        .bind(entry_id)
        .fetch_all(pool)
        .await)?)
}

pub async fn find_faq_revision(
    db: &Db,
    entry_id: i64,
    version: i64,
) -> Result<Option<FaqRevision>> {
    Ok(on_read!(db, pool => sqlx::query_as(
        "select faq_entry_id, version, question, answer, tags, normative_refs, change_note, \
         editor_id, created_at from faq_revisions where faq_entry_id = $1 and version = $2")
        .bind(entry_id)
        .bind(version)
        .fetch_optional(pool)
        .await)?)
}

/// Appends to the community's changelog; returns the row's id.
pub async fn insert_faq_change(tx: &mut Tx, new: &NewFaqChange<'_>) -> Result<i64> {
    Ok(on_tx!(tx, conn => sqlx::query_scalar(
        "insert into faq_changes (community_id, faq_entry_id, kind, version, note, actor_id, created_at) \
         values ($1, $2, $3, $4, $5, $6, $7) returning id")
        .bind(new.community_id)
        .bind(new.faq_entry_id)
        .bind(new.kind)
        .bind(new.version)
        .bind(new.note)
        .bind(new.actor_id)
        .bind(new.created_at)
        .fetch_one(conn)
        .await)?)
}

/// A page of a community's changelog, newest first: changes at or after `since` (if
/// given), with ids below `before_id` (exclusive).
pub async fn list_faq_changes(
    db: &Db,
    community_id: i64,
    since: Option<DateTime<Utc>>,
    before_id: Option<i64>,
    limit: i64,
) -> Result<Vec<FaqChange>> {
    let sql = select_changes!(
        "where community_id = $1 and ($2 is null or created_at >= $2) and id < $3 \
         order by id desc limit $4"
    );
    Ok(on_read!(db, pool => sqlx::query_as(sql)
        .bind(community_id)
        .bind(since)
        .bind(before_id.unwrap_or(i64::MAX))
        .bind(limit)
        .fetch_all(pool)
        .await)?)
}

/// The newest change of a community's changelog, if any.
pub async fn find_latest_faq_change(db: &Db, community_id: i64) -> Result<Option<FaqChange>> {
    let sql = select_changes!("where community_id = $1 order by id desc limit 1");
    Ok(on_read!(db, pool => sqlx::query_as(sql).bind(community_id).fetch_optional(pool).await)?)
}

/// How many changes of a community's changelog have an id above `after_id`.
pub async fn count_faq_changes_after(db: &Db, community_id: i64, after_id: i64) -> Result<i64> {
    Ok(on_read!(db, pool => sqlx::query_scalar(
        "select count(*) from faq_changes where community_id = $1 and id > $2")
        .bind(community_id)
        .bind(after_id)
        .fetch_one(pool)
        .await)?)
}

/// A member's marker: the newest change they had seen, and when they looked.
pub async fn find_faq_seen(
    db: &Db,
    community_id: i64,
    user_id: i64,
) -> Result<Option<(i64, DateTime<Utc>)>> {
    Ok(on_read!(db, pool => sqlx::query_as(
        "select last_change_id, seen_at from faq_seen where community_id = $1 and user_id = $2")
        .bind(community_id)
        .bind(user_id)
        .fetch_optional(pool)
        .await)?)
}

/// Moves a member's marker to the community's newest change (0 when there is none yet);
/// returns the change id it now points at.
pub async fn mark_faq_seen(
    tx: &mut Tx,
    community_id: i64,
    user_id: i64,
    now: DateTime<Utc>,
) -> Result<i64> {
    let latest: i64 = on_tx!(tx, conn => sqlx::query_scalar(
        "select coalesce(max(id), 0) from faq_changes where community_id = $1")
        .bind(community_id)
        .fetch_one(conn)
        .await)?;
    on_tx!(tx, conn => sqlx::query(
        "insert into faq_seen (community_id, user_id, last_change_id, seen_at) values ($1, $2, $3, $4) \
         on conflict (community_id, user_id) do update \
         set last_change_id = excluded.last_change_id, seen_at = excluded.seen_at")
        .bind(community_id)
        .bind(user_id)
        .bind(latest)
        .bind(now)
        .execute(conn)
        .await.map(|r| r.rows_affected()))?;
    Ok(latest)
}
