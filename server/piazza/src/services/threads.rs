//! Opening threads (the question or discussion and its first post) and listing them.

use piazza_db::{
    posts::{self, NewPost},
    threads::{self, NewThread, Thread, ThreadFilter, ThreadKey, ThreadSort},
};

use super::{AppState, communities, follows, limits, mentions, notifications, poster, validate};
use crate::{
    auth::Viewer,
    error::{AppError, AppResult},
    live::{self, Kind as LiveKind, Refs, Topic},
};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Question,
    Discussion,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Question => "question",
            Kind::Discussion => "discussion",
        }
    }

    pub fn parse(s: &str) -> Kind {
        if s == "discussion" {
            Kind::Discussion
        } else {
            Kind::Question
        }
    }
}

pub struct NewThreadInput {
    pub community_slug: String,
    pub kind: Kind,
    pub title: String,
    pub body: String,
    pub tags: Vec<String>,
}

pub async fn create(
    state: &AppState,
    viewer: Option<&Viewer>,
    input: NewThreadInput,
) -> AppResult<Thread> {
    let viewer = poster(viewer)?;
    let title = validate::title(&input.title)?;
    let body = validate::body(&input.body)?;
    let tags = validate::tags(&input.tags)?;
    let community = communities::get_by_slug(state, &input.community_slug).await?;
    let rendered = mentions::render_post(state, &body).await?;
    let assessment = limits::assess(state, viewer, &format!("{title}\n{body}"), &body).await?;
    state.throttle.post(viewer.id()).await?;

    let now = piazza_db::now();
    let mut tx = state.db.begin().await?;
    let thread_id = threads::insert_thread(
        &mut tx,
        &NewThread {
            community_id: community.id,
            author_id: viewer.id(),
            kind: input.kind.as_str(),
            title: &title,
            tags: &tags,
            created_at: now,
        },
    )
    .await?;
    let post_id = posts::insert_post(
        &mut tx,
        &NewPost {
            thread_id,
            author_id: viewer.id(),
            body: &body,
            body_html: &rendered.html,
            renderer_version: i64::from(piazza_markdown::RENDERER_VERSION),
            created_at: now,
        },
    )
    .await?;
    threads::set_first_post(&mut tx, thread_id, post_id).await?;
    threads::record_new_post(&mut tx, thread_id, now).await?;
    let queued = limits::queue_for_review(
        &mut tx,
        &assessment,
        community.id,
        thread_id,
        post_id,
        viewer.id(),
    )
    .await?;
    if assessment.pending {
        // Held for approval: listed to nobody and announced only when approved.
        posts::set_moderation(&mut tx, post_id, posts::PENDING, None).await?;
        threads::set_flag(&mut tx, thread_id, threads::ThreadFlag::Pending, true).await?;
        follows::watch_by_default(&mut tx, thread_id, viewer.id()).await?;
        let thread = threads::get_thread_tx(&mut tx, thread_id).await?;
        tx.commit().await?;
        live::publish(state, &queued).await;
        return Ok(thread);
    }
    let refs = Refs {
        community_id: Some(community.id),
        thread_id: Some(thread_id),
        post_id: Some(post_id),
        ..Refs::default()
    };
    let mut events = vec![
        live::record(
            &mut tx,
            Topic::Community(community.id),
            LiveKind::ThreadCreated,
            refs,
        )
        .await?,
    ];
    follows::watch_by_default(&mut tx, thread_id, viewer.id()).await?;
    let thread = threads::get_thread_tx(&mut tx, thread_id).await?;
    events.extend(
        notifications::on_publish(
            &mut tx,
            &thread,
            post_id,
            viewer.id(),
            &rendered.mentioned_ids(),
        )
        .await?,
    );
    events.extend(queued);
    tx.commit().await?;
    live::publish(state, &events).await;
    metrics::counter!("piazza_threads_created_total").increment(1);
    Ok(thread)
}

pub async fn get(state: &AppState, id: i64) -> AppResult<Thread> {
    threads::get_thread(&state.db, id)
        .await
        .map_err(|e| match e {
            piazza_db::DbError::NotFound => AppError::NotFound("Discussione"),
            other => other.into(),
        })
}

/// A page of a community's threads; `after` must have been produced for the same order.
pub async fn list(
    state: &AppState,
    community_id: i64,
    sort: ThreadSort,
    filter: &ThreadFilter,
    after: Option<&ThreadKey>,
    limit: i64,
) -> AppResult<Vec<Thread>> {
    let matches = matches!(
        (sort, after),
        (_, None)
            | (ThreadSort::Latest, Some(ThreadKey::Latest { .. }))
            | (ThreadSort::Active, Some(ThreadKey::Active { .. }))
            | (ThreadSort::Top, Some(ThreadKey::Top { .. }))
    );
    if !matches {
        return Err(AppError::bad_input(
            "Cursore non valido per questo ordinamento",
        ));
    }
    Ok(
        threads::list_community_threads(&state.db, community_id, sort, filter, after, limit)
            .await?,
    )
}

/// How many of a community's questions have neither an accepted nor an official answer.
pub async fn unanswered_count(state: &AppState, community_id: i64) -> AppResult<i64> {
    Ok(threads::count_unanswered(&state.db, community_id).await?)
}

/// Whether the viewer may see a thread: one held for approval only its author and its
/// moderators see.
pub async fn visible_to(
    state: &AppState,
    viewer: Option<&Viewer>,
    thread: &Thread,
) -> AppResult<bool> {
    if !thread.pending {
        return Ok(true);
    }
    let Some(viewer) = viewer else {
        return Ok(false);
    };
    Ok(thread.author_id == viewer.id()
        || communities::moderates(state, viewer, thread.community_id).await?)
}
