//! Member approval. A verified member whose email domain an admin approved — for their
//! comune, or for public bodies generally — is approved at once; anyone else waits in the
//! review queue of the global moderators, who approve or reject with a reason. The member
//! is told by notification and by mail. Until approved, members read but do not post.

use piazza_db::{
    DbError, Tx,
    events::Event,
    moderation::{self, NewReviewItem},
    notifications::NewNotification,
    trust::{self, ApprovedDomain},
    users,
};

use super::{
    AppState, admin,
    mail::{Mail, Pending},
    moderation::{self as actions, ActionKind, Target},
    notifications,
};
use crate::{
    auth::Viewer,
    error::{AppError, AppResult},
};

/// Notification kinds of approval decisions, as stored.
pub const MEMBER_APPROVED: &str = "member_approved";
pub const MEMBER_REJECTED: &str = "member_rejected";

fn domain_of(email: &str) -> &str {
    email.rsplit_once('@').map_or("", |(_, d)| d)
}

/// After verification: approve by domain, or queue the member for a moderator.
pub async fn on_verified(tx: &mut Tx, user: &users::User) -> AppResult<Vec<Event>> {
    if user.approval != users::PENDING {
        return Ok(Vec::new());
    }
    let domain = domain_of(&user.email);
    if trust::is_domain_approved(tx, domain, user.comune_istat_code.as_deref()).await? {
        users::update_approval(tx, user.id, users::APPROVED, None).await?;
        return Ok(Vec::new());
    }
    let new = NewReviewItem {
        kind: moderation::MEMBER,
        community_id: None,
        user_id: Some(user.id),
        post_id: None,
        thread_id: None,
    };
    let id = moderation::open_review_item(tx, &new, piazza_db::now()).await?;
    let item = moderation::get_review_item_tx(tx, id).await?;
    actions::record_review(tx, &item).await
}

/// A moderator's decision on a member awaiting approval, inside the review transaction.
pub async fn decide_member(
    state: &AppState,
    tx: &mut Tx,
    pending: &mut Pending,
    viewer: &Viewer,
    user_id: i64,
    approve: bool,
    reason: &str,
) -> AppResult<Vec<Event>> {
    let user = users::get_user_tx(tx, user_id).await?;
    let (approval, kind, log_kind) = if approve {
        (users::APPROVED, MEMBER_APPROVED, ActionKind::ApproveMember)
    } else {
        (users::REJECTED, MEMBER_REJECTED, ActionKind::RejectMember)
    };
    let stored_reason = (!approve).then_some(reason);
    users::update_approval(tx, user_id, approval, stored_reason).await?;
    let target = Target {
        user_id: Some(user_id),
        ..Target::default()
    };
    actions::log(tx, log_kind, viewer, target, reason).await?;
    let told = NewNotification {
        user_id,
        kind: kind.into(),
        actor_id: None,
        thread_id: None,
        post_id: None,
        faq_entry_id: None,
    };
    let events = vec![notifications::notify(tx, &told).await?];
    let body = if approve {
        format!(
            "Gentile {},\n\nla tua iscrizione a Piazza è stata approvata: ora puoi fare domande e \
             rispondere.\n\n{}\n",
            user.display_name,
            state.mailer.link("/")
        )
    } else {
        format!(
            "Gentile {},\n\nla tua iscrizione a Piazza non è stata approvata.\nMotivo: {reason}\n\n\
             Puoi continuare a leggere le discussioni.\n",
            user.display_name
        )
    };
    let subject = if approve {
        "Piazza: iscrizione approvata"
    } else {
        "Piazza: iscrizione non approvata"
    };
    let mail = Mail {
        to: user.email.clone(),
        subject: subject.into(),
        body,
    };
    state.mailer.queue(tx, pending, mail).await?;
    Ok(events)
}

/// A domain as admins type it: lowercase, no `@`, at least one dot.
fn normalise_domain(domain: &str) -> AppResult<String> {
    let d = domain.trim().trim_start_matches('@').to_lowercase();
    let ok = d.len() <= 253
        && d.contains('.')
        && !d.starts_with('.')
        && !d.ends_with('.')
        && d.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-');
    if !ok {
        return Err(AppError::bad_input(
            "Dominio non valido (es. comune.esempio.it)",
        ));
    }
    Ok(d)
}

/// Approves a domain for one comune or (no comune) for public bodies generally. Idempotent;
/// also used by operators' tools and tests to set up a trusted domain.
pub async fn ensure_approved_domain(
    state: &AppState,
    domain: &str,
    comune_istat_code: Option<&str>,
    by: Option<i64>,
) -> AppResult<ApprovedDomain> {
    let domain = normalise_domain(domain)?;
    if let Some(code) = comune_istat_code
        && piazza_db::comuni::find_comune(&state.db, code)
            .await?
            .is_none()
    {
        return Err(AppError::bad_input("Comune: codice ISTAT sconosciuto"));
    }
    let mut tx = state.db.begin().await?;
    match trust::insert_approved_domain(&mut tx, &domain, comune_istat_code, by, piazza_db::now())
        .await
    {
        Ok(_) | Err(DbError::Conflict) => {}
        Err(e) => return Err(e.into()),
    }
    tx.commit().await?;
    trust::list_approved_domains(&state.db)
        .await?
        .into_iter()
        .find(|d| d.domain == domain && d.comune_istat_code.as_deref() == comune_istat_code)
        .ok_or(AppError::NotFound("Dominio"))
}

pub async fn approve_domain(
    state: &AppState,
    viewer: Option<&Viewer>,
    domain: &str,
    comune_istat_code: Option<&str>,
) -> AppResult<ApprovedDomain> {
    let viewer = admin(viewer)?;
    let d = ensure_approved_domain(state, domain, comune_istat_code, Some(viewer.id())).await?;
    tracing::info!(by = viewer.id(), domain = %d.domain, comune = ?d.comune_istat_code, "domain approved");
    Ok(d)
}

pub async fn remove_approved_domain(
    state: &AppState,
    viewer: Option<&Viewer>,
    id: i64,
) -> AppResult<bool> {
    admin(viewer)?;
    let mut tx = state.db.begin().await?;
    let removed = trust::delete_approved_domain(&mut tx, id).await?;
    tx.commit().await?;
    if !removed {
        return Err(AppError::NotFound("Dominio"));
    }
    Ok(true)
}

pub async fn list_approved_domains(
    state: &AppState,
    viewer: Option<&Viewer>,
) -> AppResult<Vec<ApprovedDomain>> {
    admin(viewer)?;
    Ok(trust::list_approved_domains(&state.db).await?)
}

/// The outbox (mail kept without SMTP, or refused by it), newest first: admins only.
pub async fn list_outbox(
    state: &AppState,
    viewer: Option<&Viewer>,
    recipient: Option<&str>,
    before_id: Option<i64>,
    limit: i64,
) -> AppResult<Vec<trust::Mail>> {
    admin(viewer)?;
    let recipient = recipient.map(|r| r.trim().to_lowercase());
    Ok(trust::list_mail(&state.db, recipient.as_deref(), before_id, limit).await?)
}
