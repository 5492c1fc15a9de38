//! The comuni registry: search for the registration picker, and admin corrections.

use piazza_db::comuni::{self, Comune};

use super::{AppState, admin, validate};
use crate::{
    auth::Viewer,
    error::{AppError, AppResult},
    feed_cache,
};

/// The threshold of Law 158/2017 art. 1 c. 2 for a *piccolo comune*.
pub const PICCOLO_MAX_POPULATION: i64 = 5_000;

pub fn is_piccolo(comune: &Comune) -> bool {
    comune
        .population
        .is_some_and(|p| p <= PICCOLO_MAX_POPULATION)
}

pub async fn search(state: &AppState, text: &str, first: Option<i32>) -> AppResult<Vec<Comune>> {
    let folded = validate::fold(text);
    let n = folded.chars().count();
    if n == 0 {
        return Ok(Vec::new());
    }
    if n > 100 {
        return Err(AppError::bad_input("Ricerca: al massimo 100 caratteri"));
    }
    // `like` wildcards typed by the user are matched literally by removing them.
    let folded: String = folded
        .chars()
        .filter(|c| !matches!(c, '%' | '_' | '\\'))
        .collect();
    if folded.is_empty() {
        return Ok(Vec::new());
    }
    let limit = i64::from(first.unwrap_or(10).clamp(1, 50));
    Ok(comuni::search_comuni(&state.db, &folded, limit).await?)
}

pub async fn find(state: &AppState, istat_code: &str) -> AppResult<Option<Comune>> {
    Ok(comuni::find_comune(&state.db, istat_code.trim()).await?)
}

pub async fn correct_population(
    state: &AppState,
    viewer: Option<&Viewer>,
    istat_code: &str,
    population: Option<i32>,
    source: &str,
) -> AppResult<Comune> {
    let viewer = admin(viewer)?;
    if population.is_some_and(|p| p < 0) {
        return Err(AppError::bad_input("Popolazione: non può essere negativa"));
    }
    let source = source.trim();
    if source.is_empty() || source.chars().count() > 200 {
        return Err(AppError::bad_input("Fonte: da 1 a 200 caratteri"));
    }
    let mut tx = state.db.begin().await?;
    comuni::update_population(
        &mut tx,
        istat_code,
        population.map(i64::from),
        source,
        piazza_db::now(),
    )
    .await
    .map_err(|e| match e {
        piazza_db::DbError::NotFound => AppError::NotFound("Comune"),
        other => other.into(),
    })?;
    tx.commit().await?;
    feed_cache::bump(state, &[feed_cache::deps::GLOBAL.to_owned()]).await;
    tracing::info!(
        by = viewer.id(),
        istat_code,
        ?population,
        "comune population corrected"
    );
    comuni::find_comune(&state.db, istat_code)
        .await?
        .ok_or(AppError::NotFound("Comune"))
}
