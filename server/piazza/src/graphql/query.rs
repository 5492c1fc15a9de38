//! Read operations.

use async_graphql::{Context, ID, Object, Result, connection::Edge};

use super::{
    context::{meta, state, viewer},
    cursor,
    types::{
        Community, Comune, FaqEntry, Notification, Page, Post, SearchFilter, SearchHit, Thread,
        User, page_of,
    },
};
use piazza_db::threads::ThreadKey;

use crate::{
    error::AppError,
    feed_cache::{self, HomeCommunities},
    services::{self, communities, comuni, faq, notifications, parse_id, posts, threads},
};

#[derive(Default)]
pub struct ReadQuery;

#[Object]
impl ReadQuery {
    /// The signed-in member, or null.
    async fn me(&self, ctx: &Context<'_>) -> Option<User> {
        viewer(ctx).map(|v| User(v.user.clone()))
    }

    /// Comuni whose name matches `search` (accents and case ignored), for pickers.
    async fn comuni(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Part of the comune's name, e.g. \"abbadia\".")] search: String,
        #[graphql(desc = "How many (default 10, at most 50).")] first: Option<i32>,
    ) -> Result<Vec<Comune>> {
        Ok(comuni::search(state(ctx)?, &search, first)
            .await?
            .into_iter()
            .map(Comune)
            .collect())
    }

    /// A comune by its six-digit ISTAT code.
    async fn comune(&self, ctx: &Context<'_>, istat_code: String) -> Result<Option<Comune>> {
        Ok(comuni::find(state(ctx)?, &istat_code).await?.map(Comune))
    }

    /// All communities, alphabetically.
    #[graphql(complexity = "cursor::page_size(first).unwrap_or(1) as usize * child_complexity")]
    async fn communities(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Page size (default 20, at most 100).")] first: Option<i32>,
        #[graphql(desc = "Cursor of the last edge already seen.")] after: Option<String>,
    ) -> Result<Page<Community>> {
        let limit = cursor::page_size(first)?;
        let after = after.as_deref().map(cursor::decode_named).transpose()?;
        let db = &state(ctx)?.db;
        let key = after.as_ref().map(|(name, id)| (name.as_str(), *id));
        let rows = piazza_db::communities::list_communities(db, key, limit + 1)
            .await
            .map_err(AppError::from)?;
        Ok(page_of(rows, limit, after.is_some(), |c| {
            (cursor::encode_named(&c.name, c.id), Community(c))
        }))
    }

    /// A community by its slug.
    async fn community(&self, ctx: &Context<'_>, slug: String) -> Result<Option<Community>> {
        match communities::get_by_slug(state(ctx)?, &slug).await {
            Ok(c) => Ok(Some(Community(c))),
            Err(AppError::NotFound(_)) => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    /// Communities the signed-in member has joined (empty when signed out).
    async fn my_communities(&self, ctx: &Context<'_>) -> Result<Vec<Community>> {
        let Some(v) = viewer(ctx) else {
            return Ok(Vec::new());
        };
        let rows = piazza_db::communities::list_user_communities(&state(ctx)?.db, v.id())
            .await
            .map_err(AppError::from)?;
        Ok(rows.into_iter().map(Community).collect())
    }

    /// Recently active threads: from the member's communities, or from all when signed
    /// out or before joining any.
    #[graphql(complexity = "cursor::page_size(first).unwrap_or(1) as usize * child_complexity")]
    async fn recent_threads(&self, ctx: &Context<'_>, first: Option<i32>) -> Result<Vec<Thread>> {
        let limit = cursor::page_size(first)?;
        let state = state(ctx)?;
        let mut ids = match viewer(ctx) {
            Some(v) => piazza_db::communities::list_user_communities(&state.db, v.id())
                .await
                .map_err(AppError::from)?
                .into_iter()
                .map(|c| c.id)
                .collect(),
            None => Vec::new(),
        };
        if ids.is_empty() {
            ids = piazza_db::communities::list_communities(&state.db, None, 1000)
                .await
                .map_err(AppError::from)?
                .into_iter()
                .map(|c| c.id)
                .collect();
        }
        let rows = piazza_db::threads::list_recent_threads(&state.db, &ids, None, limit)
            .await
            .map_err(AppError::from)?;
        Ok(rows.into_iter().map(Thread).collect())
    }

    /// The member's home feed: threads of the communities they joined (of all communities
    /// when signed out or before joining any), most recent activity first.
    #[graphql(complexity = "cursor::page_size(first).unwrap_or(1) as usize * child_complexity")]
    async fn home_feed(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Page size (default 20, at most 100).")] first: Option<i32>,
        #[graphql(desc = "Cursor of the last edge already seen.")] after: Option<String>,
    ) -> Result<Page<Thread>> {
        let limit = cursor::page_size(first)?;
        let after = match after.as_deref().map(cursor::decode_thread).transpose()? {
            Some(ThreadKey::Active { at, id, .. }) => Some((at, id)),
            Some(_) => return Err(AppError::bad_input("Cursore non valido").into()),
            None => None,
        };
        let state = state(ctx)?;
        // Planned by the feed cache (whose key includes them), or read here.
        let ids = match ctx.data_opt::<HomeCommunities>() {
            Some(home) => home.0.clone(),
            None => {
                let memberships = match viewer(ctx) {
                    Some(v) => piazza_db::communities::list_user_memberships(&state.db, v.id())
                        .await
                        .map_err(AppError::from)?,
                    None => Vec::new(),
                };
                feed_cache::home_communities(state, &memberships).await?
            }
        };
        let rows = piazza_db::threads::list_recent_threads(&state.db, &ids, after, limit + 1)
            .await
            .map_err(AppError::from)?;
        Ok(page_of(rows, limit, after.is_some(), |t| {
            let key = ThreadKey::Active {
                pinned: false,
                at: t.last_activity_at,
                id: t.id,
            };
            (cursor::encode_thread(&key), Thread(t))
        }))
    }

    async fn thread(&self, ctx: &Context<'_>, id: ID) -> Result<Option<Thread>> {
        let Ok(id) = parse_id(&id, "Discussione") else {
            return Ok(None);
        };
        let state = state(ctx)?;
        match threads::get(state, id).await {
            // A thread held for approval reads as missing to all but its author and moderators.
            Ok(t) if t.pending && !threads::visible_to(state, viewer(ctx), &t).await? => Ok(None),
            Ok(t) => Ok(Some(Thread(t))),
            Err(AppError::NotFound(_)) => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    async fn post(&self, ctx: &Context<'_>, id: ID) -> Result<Option<Post>> {
        let Ok(id) = parse_id(&id, "Messaggio") else {
            return Ok(None);
        };
        let state = state(ctx)?;
        match posts::get(state, id).await {
            // A post held for approval, or in a thread held for approval, reads as missing to
            // all but its author and moderators.
            Ok(p) if !posts::readable_by(state, viewer(ctx), &p).await? => Ok(None),
            Ok(p) => Ok(Some(Post(p))),
            Err(AppError::NotFound(_)) => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    /// An FAQ entry by id: null if it does not exist or is a draft the viewer may not see.
    async fn faq_entry(&self, ctx: &Context<'_>, id: ID) -> Result<Option<FaqEntry>> {
        let Ok(id) = parse_id(&id, "Voce delle FAQ") else {
            return Ok(None);
        };
        match faq::get(state(ctx)?, viewer(ctx), id).await {
            Ok(e) => Ok(Some(FaqEntry(e))),
            Err(AppError::NotFound(_)) => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    /// A community's published FAQ as one Markdown document, dated by its latest change.
    async fn faq_export(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The community's slug.")] community_slug: String,
    ) -> Result<String> {
        Ok(faq::export(state(ctx)?, &community_slug).await?)
    }

    /// A member by id.
    async fn user(&self, ctx: &Context<'_>, id: ID) -> Result<Option<User>> {
        let Ok(id) = parse_id(&id, "Utente") else {
            return Ok(None);
        };
        match piazza_db::users::get_user(&state(ctx)?.db, id).await {
            Ok(u) => Ok(Some(User(u))),
            Err(piazza_db::DbError::NotFound) => Ok(None),
            Err(e) => Err(AppError::from(e).into()),
        }
    }

    /// A member by email (admins only), to assign roles.
    async fn user_by_email(&self, ctx: &Context<'_>, email: String) -> Result<Option<User>> {
        services::admin(viewer(ctx))?;
        let email = email.trim().to_lowercase();
        let user = piazza_db::users::find_user_by_email(&state(ctx)?.db, &email)
            .await
            .map_err(AppError::from)?;
        Ok(user.map(User))
    }

    /// The signed-in member's notifications, newest first.
    #[graphql(complexity = "cursor::page_size(first).unwrap_or(1) as usize * child_complexity")]
    async fn notifications(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Page size (default 20, at most 100).")] first: Option<i32>,
        #[graphql(desc = "Cursor of the last edge already seen.")] after: Option<String>,
        #[graphql(desc = "Only unread notifications.")] unread_only: Option<bool>,
    ) -> Result<Page<Notification>> {
        let limit = cursor::page_size(first)?;
        let before = after.as_deref().map(cursor::decode_id).transpose()?;
        let rows = notifications::list(
            state(ctx)?,
            viewer(ctx),
            unread_only.unwrap_or(false),
            before,
            limit + 1,
        )
        .await?;
        Ok(page_of(rows, limit, before.is_some(), |n| {
            (cursor::encode_id(n.id), Notification(n))
        }))
    }

    /// The signed-in member's bookmarks, newest first.
    #[graphql(complexity = "cursor::page_size(first).unwrap_or(1) as usize * child_complexity")]
    async fn my_bookmarks(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Page size (default 20, at most 100).")] first: Option<i32>,
        #[graphql(desc = "Cursor of the last edge already seen.")] after: Option<String>,
    ) -> Result<Page<super::types::Bookmark>> {
        let limit = cursor::page_size(first)?;
        let before = after.as_deref().map(cursor::decode_id).transpose()?;
        let rows = services::bookmarks::list(state(ctx)?, viewer(ctx), before, limit + 1).await?;
        Ok(page_of(rows, limit, before.is_some(), |b| {
            (cursor::encode_id(b.id), super::types::Bookmark(b))
        }))
    }

    /// How many of the signed-in member's notifications are unread.
    async fn unread_notification_count(&self, ctx: &Context<'_>) -> Result<i64> {
        Ok(notifications::unread_count(state(ctx)?, viewer(ctx)).await?)
    }

    /// Full-text search over threads (titles and posts) and published FAQ entries, best
    /// first: Italian word forms, accents and case are ignored, PA acronyms match their
    /// expansions ("RUP" finds "responsabile unico del progetto"). Syntax: words (all
    /// required), "exact phrases", `prefix*`; references such as `art. 50` or `36/2023`
    /// match as written. One result per thread.
    #[graphql(complexity = "cursor::page_size(first).unwrap_or(1) as usize * child_complexity")]
    async fn search(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "What to look for (at most 300 characters).")] query: String,
        #[graphql(desc = "Only in this community.")] community_slug: Option<String>,
        #[graphql(desc = "Page size (default 20, at most 100).")] first: Option<i32>,
        #[graphql(desc = "Cursor of the last edge already seen.")] after: Option<String>,
        #[graphql(desc = "Further restrictions: kind, answered, tag, author, dates.")]
        filter: Option<SearchFilter>,
    ) -> Result<Page<SearchHit>> {
        let limit = cursor::page_size(first)?;
        let offset = after.as_deref().map(cursor::decode_id).transpose()?;
        let input = services::search::SearchInput {
            query,
            community_slug,
            filter: filter.unwrap_or_default().into_filter(),
        };
        let start = offset.unwrap_or(0).max(0);
        let mut hits = services::search::search(
            state(ctx)?,
            viewer(ctx),
            meta(ctx)?,
            input,
            start,
            limit + 1,
        )
        .await?;
        let has_next = hits.len() as i64 > limit;
        hits.truncate(limit as usize);
        let mut page = Page::new(start > 0, has_next);
        page.edges.extend(
            hits.into_iter()
                .enumerate()
                .map(|(i, h)| Edge::new(cursor::encode_id(start + i as i64 + 1), SearchHit(h))),
        );
        Ok(page)
    }

    /// Existing threads like a question being written, best first: for the ask page.
    #[graphql(complexity = "cursor::page_size(first).unwrap_or(1) as usize * child_complexity")]
    async fn similar_questions(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The title being written.")] title: String,
        #[graphql(desc = "The body being written, if any (its start is considered).")] body: Option<
            String,
        >,
        #[graphql(desc = "Only in this community.")] community_slug: Option<String>,
        #[graphql(desc = "How many (default 5, at most 100).")] first: Option<i32>,
    ) -> Result<Vec<Thread>> {
        let limit = cursor::page_size(first.or(Some(5)))?;
        let threads = services::search::similar_questions(
            state(ctx)?,
            viewer(ctx),
            meta(ctx)?,
            &title,
            body.as_deref(),
            community_slug.as_deref(),
            limit,
        )
        .await?;
        Ok(threads.into_iter().map(Thread).collect())
    }

    /// Synonym groups admins added to the built-in list of PA acronyms (admins only).
    async fn search_synonyms(&self, ctx: &Context<'_>) -> Result<Vec<Vec<String>>> {
        Ok(services::search::list_synonyms(state(ctx)?, viewer(ctx)).await?)
    }

    /// Renders markdown exactly as a post would be shown, for composer previews.
    async fn preview_markdown(&self, body: String) -> Result<String> {
        if body.chars().count() > 32_000 {
            return Err(AppError::bad_input("Testo: al massimo 32000 caratteri").into());
        }
        Ok(piazza_markdown::render(&body))
    }
}
