//! Suspensions: who may suspend whom, what a suspended member can still do, and that their
//! sessions and open sockets end at once.

use piazza_e2e::ws::WsClient;
use serde_json::json;

const SUSPEND: &str = "mutation($u: ID!, $until: DateTime!, $r: String!) { suspendUser(userId: $u, until: $until, reason: $r) { suspendedUntil suspensionReason } }";
const LIFT: &str = "mutation($u: ID!) { liftSuspension(userId: $u) { suspendedUntil } }";
const UNTIL: &str = "2030-01-01T00:00:00Z";

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
}
