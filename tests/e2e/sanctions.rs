//! Suspensions: who may suspend whom, what a suspended member can still do, and that their
//! sessions and open sockets end at once.

use piazza_e2e::ws::WsClient;
use serde_json::json;

const SUSPEND: &str = "mutation($u: ID!, $until: DateTime!, $r: String!) { suspendUser(userId: $u, until: $until, reason: $r) { suspendedUntil suspensionReason } }";
const LIFT: &str = "mutation($u: ID!) { liftSuspension(userId: $u) { suspendedUntil } }";
const UNTIL: &str = "2030-01-01T00:00:00Z";
const LIFT_WITH_REASON: &str =
    "mutation($u: ID!, $r: String) { liftSuspension(userId: $u, reason: $r) { suspendedUntil } }";
const LOG: &str = "query($s: String, $f: Int, $a: String) { moderationLog(communitySlug: $s, first: $f, after: $a) { edges { cursor node { kind reason targetUser { id } moderator { id } } } pageInfo { hasNextPage } } }";

/// A log page as `(kind, reason, target user id)`, with the cursor of its last entry.
async fn log_page(
    app: &piazza_e2e::TestApp,
    reader: &piazza_e2e::Member,
    slug: Option<&str>,
    first: i64,
    after: Option<&str>,
) -> (Vec<(String, String, String)>, Option<String>) {
    let data = app
        .ok(
            Some(&reader.token),
            LOG,
            json!({ "s": slug, "f": first, "a": after }),
        )
        .await;
    let edges = data["moderationLog"]["edges"].as_array().unwrap().clone();
    let entries = edges
        .iter()
        .map(|e| {
            let n = &e["node"];
            (
                n["kind"].as_str().unwrap().to_owned(),
                n["reason"].as_str().unwrap().to_owned(),
                n["targetUser"]["id"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned(),
            )
        })
        .collect();
    let more = data["moderationLog"]["pageInfo"]["hasNextPage"]
        .as_bool()
        .unwrap();
    let cursor = edges
        .last()
        .filter(|_| more)
        .map(|e| e["cursor"].as_str().unwrap().to_owned());
    (entries, cursor)
}

fn entry(kind: &str, reason: &str, user: &str) -> (String, String, String) {
    (kind.to_owned(), reason.to_owned(), user.to_owned())
}

both_backends! {
    async fn suspension_ends_sessions_and_writing_but_not_reading(app) {
        let member = app.register("Sandro Sospeso").await;
        let other = app.register("Olga Altra").await;
        let moderator = app.member_with_role("Mario Moderatore", "MODERATOR").await;
        let thread = app.ask(&member, "appalti-contratti", "Domanda prima della sospensione", "x").await;
        let mut socket = WsClient::connect(&app.url, "graphql-transport-ws", &[]).await.unwrap();
        socket.init(Some(&member.token)).await;

        let vars = json!({ "u": member.id, "until": UNTIL, "r": "Linguaggio offensivo" });
        assert_eq!(app.err(None, SUSPEND, vars.clone()).await, "UNAUTHENTICATED");
        assert_eq!(app.err(Some(&other.token), SUSPEND, vars.clone()).await, "FORBIDDEN");
        assert_eq!(app.ok(Some(&member.token), "{ me { id } }", json!({})).await["me"]["id"], json!(member.id));
        let done = app.ok(Some(&moderator.token), SUSPEND, vars).await;
        assert_eq!(done["suspendUser"]["suspensionReason"], "Linguaggio offensivo");

        // Sessions and sockets end at once.
        assert_eq!(socket.closed().await, 4403);
        assert!(app.ok(Some(&member.token), "{ me { id } }", json!({})).await["me"].is_null());
        // Signed in again, the member reads and sees why, but cannot write.
        let again = app.login(&member.email).await;
        let me = app.ok(Some(&again.token), "{ me { suspensionReason } }", json!({})).await;
        assert_eq!(me["me"]["suspensionReason"], "Linguaggio offensivo");
        assert!(app.ok(Some(&again.token), "query($t: ID!) { thread(id: $t) { title } }", json!({ "t": thread })).await["thread"]["title"].is_string());
        let reply = "mutation($i: CreatePostInput!) { createPost(input: $i) { id } }";
        let posts = app.count("posts").await;
        assert_eq!(app.err(Some(&again.token), reply, json!({ "i": { "threadId": thread, "body": "no" } })).await, "FORBIDDEN");
        assert_eq!(app.count("posts").await, posts);
        // Others do not see the reason.
        let q = "query($u: ID!) { user(id: $u) { suspensionReason suspendedUntil } }";
        assert!(app.ok(Some(&other.token), q, json!({ "u": member.id })).await["user"]["suspensionReason"].is_null());

        // Lifting lets them write again.
        assert_eq!(app.err(Some(&other.token), LIFT, json!({ "u": member.id })).await, "FORBIDDEN");
        app.ok(Some(&moderator.token), LIFT, json!({ "u": member.id })).await;
        app.reply(&again, &thread, "di nuovo qui").await;
    }

    async fn only_admins_suspend_admins_and_nobody_themself(app) {
        let moderator = app.member_with_role("Nino Moderatore", "MODERATOR").await;
        let admin = app.admin().await;
        let other_admin = app.admin().await;
        let vars = |u: &str| json!({ "u": u, "until": UNTIL, "r": "Prova di permessi" });
        assert_eq!(app.err(Some(&moderator.token), SUSPEND, vars(&admin.id)).await, "FORBIDDEN");
        assert_eq!(app.ok(Some(&admin.token), "{ me { id } }", json!({})).await["me"]["id"], json!(admin.id));
        assert_eq!(app.err(Some(&moderator.token), SUSPEND, vars(&moderator.id)).await, "BAD_USER_INPUT");
        let past = json!({ "u": moderator.id, "until": "2000-01-01T00:00:00Z", "r": "Motivo valido" });
        assert_eq!(app.err(Some(&admin.token), SUSPEND, past).await, "BAD_USER_INPUT");
        assert_eq!(app.err(Some(&admin.token), SUSPEND, json!({ "u": "987654", "until": UNTIL, "r": "Motivo" })).await, "NOT_FOUND");
        app.ok(Some(&admin.token), SUSPEND, vars(&other_admin.id)).await;
        assert!(app.ok(Some(&other_admin.token), "{ me { id } }", json!({})).await["me"].is_null());
        // Suspensions are in the global moderation log; refused attempts are not.
        let log = "{ moderationLog { edges { node { kind reason targetUser { id } moderator { id } } } } }";
        let entries = app.ok(Some(&admin.token), log, json!({})).await["moderationLog"]["edges"].clone();
        assert_eq!(entries.as_array().unwrap().len(), 1);
        assert_eq!(entries[0]["node"]["kind"], "SUSPEND_USER");
        assert_eq!(entries[0]["node"]["reason"], "Prova di permessi");
        assert_eq!(entries[0]["node"]["targetUser"]["id"], other_admin.id.as_str());
        assert_eq!(entries[0]["node"]["moderator"]["id"], admin.id.as_str());
    }

    async fn suspensions_show_in_the_logs_of_the_members_communities(app) {
        let member = app.register("Sara Sospesa").await;
        let reader = app.register("Rocco Legge").await;
        let outsider = app.register("Omar Fuori").await;
        let global = app.member_with_role("Gaia Globale", "MODERATOR").await;
        let admin = app.admin().await;
        app.join(&member, "appalti-contratti").await;
        for slug in ["appalti-contratti", "personale-organizzazione"] {
            app.join(&reader, slug).await;
        }
        let thread = app.ask(&reader, "appalti-contratti", "Domanda nella comunità", "Testo").await;

        app.ok(Some(&global.token), SUSPEND, json!({ "u": member.id, "until": UNTIL, "r": "Messaggi offensivi" })).await;
        let lock = "mutation($t: ID!) { lockThread(id: $t, locked: true) { locked } }";
        app.ok(Some(&global.token), lock, json!({ "t": thread })).await;

        // Lifting takes an optional reason; refusals change nothing.
        let logged = app.count("moderation_actions").await;
        let lift = |r: Option<&str>| json!({ "u": member.id, "r": r });
        assert_eq!(app.err(Some(&reader.token), LIFT_WITH_REASON, lift(Some("Chiarito con il comune"))).await, "FORBIDDEN");
        assert_eq!(app.err(Some(&global.token), LIFT_WITH_REASON, lift(Some("x"))).await, "BAD_USER_INPUT");
        assert_eq!(app.count("moderation_actions").await, logged);
        let again = app.login(&member.email).await;
        let own = "{ me { suspendedUntil } }";
        assert!(app.ok(Some(&again.token), own, json!({})).await["me"]["suspendedUntil"].is_string(), "still suspended");
        app.ok(Some(&global.token), LIFT_WITH_REASON, lift(Some("Chiarito con il comune"))).await;
        assert!(app.ok(Some(&again.token), own, json!({})).await["me"]["suspendedUntil"].is_null());

        // The community the member belongs to shows both, in order with its own entries,
        // page by page; who acted only to global moderators and admins.
        let expected = [
            entry("LIFT_SUSPENSION", "Chiarito con il comune", &member.id),
            entry("LOCK_THREAD", "", &reader.id),
            entry("SUSPEND_USER", "Messaggi offensivi", &member.id),
        ];
        let (page, cursor) = log_page(&app, &reader, Some("appalti-contratti"), 2, None).await;
        assert_eq!(page, expected[..2]);
        let (rest, end) = log_page(&app, &reader, Some("appalti-contratti"), 2, cursor.as_deref()).await;
        assert_eq!(rest, expected[2..]);
        assert_eq!(end, None);
        let seen = app.ok(Some(&reader.token), LOG, json!({ "s": "appalti-contratti" })).await;
        assert!(seen["moderationLog"]["edges"][0]["node"]["moderator"].is_null());
        let seen = app.ok(Some(&global.token), LOG, json!({ "s": "appalti-contratti" })).await;
        assert_eq!(seen["moderationLog"]["edges"][0]["node"]["moderator"]["id"], global.id.as_str());

        // Not where the member does not belong; nor to those outside the community; and the
        // global log lists each once.
        assert!(log_page(&app, &reader, Some("personale-organizzazione"), 20, None).await.0.is_empty());
        assert_eq!(app.err(Some(&outsider.token), LOG, json!({ "s": "appalti-contratti" })).await, "FORBIDDEN");
        assert_eq!(log_page(&app, &admin, None, 20, None).await.0, expected);
    }
}
