//! Reports, the review queue, hiding and restoring posts, thread actions and the moderation
//! log — each with its refusals: members cannot moderate, moderators only in their
//! communities, and nobody but an admin acts on an admin. Refused calls change nothing.

use piazza_e2e::{Member, TestApp, ws::WsClient};
use serde_json::{Value, json};

const REPORT: &str = "mutation($p: ID!, $r: ReportReason!, $n: String) { reportPost(postId: $p, reason: $r, note: $n) }";
const QUEUE: &str = "query($s: String) { reviewQueue(communitySlug: $s) { edges { node { id kind reportCount reasons flaggedWords post { id } reports { reason note } } } } }";
const HIDE: &str =
    "mutation($p: ID!, $r: String!) { hidePost(id: $p, reason: $r) { moderationStatus } }";
const RESTORE: &str =
    "mutation($p: ID!, $r: String!) { restorePost(id: $p, reason: $r) { moderationStatus } }";
const POST: &str = "query($p: ID!) { post(id: $p) { body moderationStatus moderationReason } }";
const LOG: &str = "query($s: String) { moderationLog(communitySlug: $s) { edges { node { kind reason moderator { id } targetPost { id } targetThread { id } } } } }";
const THREAD: &str = "query($t: ID!) { thread(id: $t) { locked pinned postCount closedAsDuplicate duplicateOf { id } community { slug } } }";
const SLUG: &str = "appalti-contratti";

async fn community_moderator(app: &TestApp, name: &str, slug: &str) -> Member {
    let m = app.register(name).await;
    let admin = app.admin().await;
    app.ok(
        Some(&admin.token),
        "mutation($s: String!, $u: ID!) { setCommunityModerator(slug: $s, userId: $u, moderator: true) { id } }",
        json!({ "s": slug, "u": m.id }),
    )
    .await;
    m
}

async fn search_finds(app: &TestApp, word: &str) -> bool {
    let q = "query($q: String!) { search(query: $q) { edges { node { thread { id } } } } }";
    let data = app.ok(None, q, json!({ "q": word })).await;
    !data["search"]["edges"].as_array().unwrap().is_empty()
}

fn queue_items(data: &Value) -> Vec<Value> {
    data["reviewQueue"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["node"].clone())
        .collect()
}

both_backends! {
    async fn reports_collapse_and_moderators_hide_and_restore(app) {
        let author = app.register("Aldo Autore").await;
        let r1 = app.register("Rosa Segnala").await;
        let r2 = app.register("Remo Segnala").await;
        let moderator = community_moderator(&app, "Mina Moderatrice", SLUG).await;
        let elsewhere = community_moderator(&app, "Enzo Altrove", "personale-organizzazione").await;
        let thread = app.ask(&author, SLUG, "Domanda sulle soglie", "Testo iniziale").await;
        let post = app.reply(&author, &thread, "Risposta con zibaldone come parola unica").await;
        assert!(search_finds(&app, "zibaldone").await);

        assert_eq!(app.err(None, REPORT, json!({ "p": post, "r": "SPAM" })).await, "UNAUTHENTICATED");
        // One's own post is not reported: a rule about who may act, like voting, with a reason.
        let own = app.gql(Some(&author.token), REPORT, json!({ "p": post, "r": "SPAM" })).await;
        assert_eq!(own["errors"][0]["extensions"]["code"], "FORBIDDEN", "{own}");
        assert_eq!(own["errors"][0]["message"], "Non puoi segnalare un tuo messaggio: puoi modificarlo o eliminarlo");
        let own_thread = "mutation($t: ID!) { reportThread(threadId: $t, reason: SPAM) }";
        assert_eq!(app.err(Some(&author.token), own_thread, json!({ "t": thread })).await, "FORBIDDEN");
        assert_eq!(app.count("reports").await, 0, "refusals change nothing");
        assert_eq!(app.count("review_items").await, 0);
        app.ok(Some(&r1.token), REPORT, json!({ "p": post, "r": "SPAM" })).await;
        app.ok(Some(&r2.token), REPORT, json!({ "p": post, "r": "OFFENSIVE", "n": "Tono offensivo" })).await;
        app.ok(Some(&r1.token), REPORT, json!({ "p": post, "r": "OFF_TOPIC" })).await;

        let items = queue_items(&app.ok(Some(&moderator.token), QUEUE, json!({ "s": SLUG })).await);
        assert_eq!(items.len(), 1, "reports of one post collapse: {items:?}");
        assert_eq!(items[0]["kind"], "REPORT");
        assert_eq!(items[0]["reportCount"], 2);
        assert_eq!(items[0]["reasons"], json!(["SPAM", "OFFENSIVE"]));
        assert_eq!(items[0]["reports"][1]["note"], "Tono offensivo");

        // Others may not read the queue, nor hide; nothing changes.
        assert_eq!(app.err(Some(&r1.token), QUEUE, json!({ "s": SLUG })).await, "FORBIDDEN");
        assert_eq!(app.err(Some(&elsewhere.token), QUEUE, json!({ "s": SLUG })).await, "FORBIDDEN");
        let hide = json!({ "p": post, "r": "Contenuto offensivo" });
        assert_eq!(app.err(None, HIDE, hide.clone()).await, "UNAUTHENTICATED");
        assert_eq!(app.err(Some(&r1.token), HIDE, hide.clone()).await, "FORBIDDEN");
        assert_eq!(app.err(Some(&author.token), HIDE, hide.clone()).await, "FORBIDDEN");
        assert_eq!(app.err(Some(&elsewhere.token), HIDE, hide.clone()).await, "FORBIDDEN");
        assert_eq!(app.err(Some(&moderator.token), HIDE, json!({ "p": post, "r": "x" })).await, "BAD_USER_INPUT");
        assert_eq!(app.count("moderation_actions").await, 0);
        assert_eq!(app.ok(Some(&r1.token), POST, json!({ "p": post })).await["post"]["moderationStatus"], "VISIBLE");

        let done = app.ok(Some(&moderator.token), HIDE, hide).await;
        assert_eq!(done["hidePost"]["moderationStatus"], "HIDDEN");
        // A tombstone for readers; the author still sees the text and why.
        let seen = app.ok(Some(&r1.token), POST, json!({ "p": post })).await;
        assert_eq!(seen["post"]["body"], "");
        assert!(seen["post"]["moderationReason"].is_null());
        let own = app.ok(Some(&author.token), POST, json!({ "p": post })).await;
        assert!(own["post"]["body"].as_str().unwrap().contains("zibaldone"));
        assert_eq!(own["post"]["moderationReason"], "Contenuto offensivo");
        assert_eq!(app.ok(None, THREAD, json!({ "t": thread })).await["thread"]["postCount"], 1);
        assert!(!search_finds(&app, "zibaldone").await);
        // Hiding resolved the report.
        assert!(queue_items(&app.ok(Some(&moderator.token), QUEUE, json!({ "s": SLUG })).await).is_empty());

        let restore = json!({ "p": post, "r": "Segnalazione infondata" });
        assert_eq!(app.err(Some(&r1.token), RESTORE, restore.clone()).await, "FORBIDDEN");
        assert_eq!(app.ok(Some(&moderator.token), RESTORE, restore).await["restorePost"]["moderationStatus"], "VISIBLE");
        assert_eq!(app.ok(None, THREAD, json!({ "t": thread })).await["thread"]["postCount"], 2);
        assert!(search_finds(&app, "zibaldone").await);

        // The community's log: members read it without the moderator's identity.
        app.join(&r1, SLUG).await;
        let log = app.ok(Some(&r1.token), LOG, json!({ "s": SLUG })).await;
        let entries = log["moderationLog"]["edges"].as_array().unwrap();
        assert_eq!(entries[0]["node"]["kind"], "RESTORE_POST");
        assert_eq!(entries[1]["node"]["kind"], "HIDE_POST");
        assert_eq!(entries[1]["node"]["reason"], "Contenuto offensivo");
        assert_eq!(entries[1]["node"]["targetPost"]["id"], post.as_str());
        assert!(entries[1]["node"]["moderator"].is_null());
        let for_mods = app.ok(Some(&moderator.token), LOG, json!({ "s": SLUG })).await;
        assert_eq!(for_mods["moderationLog"]["edges"][0]["node"]["moderator"]["id"], moderator.id.as_str());
        assert_eq!(app.err(Some(&r2.token), LOG, json!({ "s": SLUG })).await, "FORBIDDEN");
        assert_eq!(app.err(Some(&r1.token), LOG, json!({ "s": null })).await, "FORBIDDEN");
    }

    async fn review_items_are_dismissed_or_hidden_from_the_queue(app) {
        let author = app.register("Bea Autrice").await;
        let reporter = app.register("Ciro Segnala").await;
        let moderator = community_moderator(&app, "Dora Moderatrice", SLUG).await;
        let thread = app.ask(&author, SLUG, "Domanda da segnalare", "Testo con dati personali").await;
        let t = "mutation($t: ID!) { reportThread(threadId: $t, reason: PERSONAL_DATA) }";
        app.ok(Some(&reporter.token), t, json!({ "t": thread })).await;
        let items = queue_items(&app.ok(Some(&moderator.token), QUEUE, json!({ "s": SLUG })).await);
        let item = items[0]["id"].clone();
        let resolve = "mutation($i: ID!, $a: ReviewAction!, $r: String) { resolveReviewItem(id: $i, action: $a, reason: $r) { resolved resolution } }";
        assert_eq!(app.err(Some(&reporter.token), resolve, json!({ "i": item, "a": "DISMISS" })).await, "FORBIDDEN");
        assert_eq!(app.err(Some(&moderator.token), resolve, json!({ "i": item, "a": "APPROVE" })).await, "BAD_USER_INPUT");
        assert_eq!(app.err(Some(&moderator.token), resolve, json!({ "i": item, "a": "HIDE" })).await, "BAD_USER_INPUT");
        let done = app.ok(Some(&moderator.token), resolve, json!({ "i": item, "a": "HIDE", "r": "Dati personali di un cittadino" })).await;
        assert_eq!(done["resolveReviewItem"]["resolved"], true);
        let first = "query($t: ID!) { thread(id: $t) { firstPost { body moderationStatus } } }";
        let seen = app.ok(None, first, json!({ "t": thread })).await;
        assert_eq!(seen["thread"]["firstPost"]["moderationStatus"], "HIDDEN");
        assert_eq!(seen["thread"]["firstPost"]["body"], "");

        // A second report makes a new item; dismissing it leaves the post as it is.
        let other = app.reply(&author, &thread, "Una risposta innocua").await;
        app.ok(Some(&reporter.token), REPORT, json!({ "p": other, "r": "INACCURATE" })).await;
        let items = queue_items(&app.ok(Some(&moderator.token), QUEUE, json!({ "s": SLUG })).await);
        assert_eq!(items.len(), 1);
        app.ok(Some(&moderator.token), resolve, json!({ "i": items[0]["id"], "a": "DISMISS" })).await;
        assert!(queue_items(&app.ok(Some(&moderator.token), QUEUE, json!({ "s": SLUG })).await).is_empty());
        assert_eq!(app.ok(None, POST, json!({ "p": other })).await["post"]["moderationStatus"], "VISIBLE");
    }

    async fn thread_actions_and_their_refusals(app) {
        let author = app.register("Fede Autore").await;
        let member = app.register("Gino Membro").await;
        let moderator = community_moderator(&app, "Ada Moderatrice", SLUG).await;
        let global = app.member_with_role("Ugo Globale", "MODERATOR").await;
        let thread = app.ask(&author, SLUG, "Domanda da chiudere", "Testo").await;
        let original = app.ask(&author, SLUG, "Domanda originale", "Testo").await;
        let lock = "mutation($t: ID!, $l: Boolean!) { lockThread(id: $t, locked: $l) { locked } }";
        let pin = "mutation($t: ID!, $p: Boolean!) { pinThread(id: $t, pinned: $p) { pinned } }";

        assert_eq!(app.err(Some(&member.token), lock, json!({ "t": thread, "l": true })).await, "FORBIDDEN");
        assert_eq!(app.err(Some(&author.token), pin, json!({ "t": thread, "p": true })).await, "FORBIDDEN");
        let before = app.ok(None, THREAD, json!({ "t": thread })).await;
        assert_eq!(before["thread"]["locked"], false);
        assert_eq!(before["thread"]["pinned"], false);

        app.ok(Some(&moderator.token), lock, json!({ "t": thread, "l": true })).await;
        let posts = app.count("posts").await;
        let reply = "mutation($i: CreatePostInput!) { createPost(input: $i) { id } }";
        assert_eq!(app.err(Some(&author.token), reply, json!({ "i": { "threadId": thread, "body": "no" } })).await, "FORBIDDEN");
        assert_eq!(app.count("posts").await, posts);
        app.ok(Some(&moderator.token), lock, json!({ "t": thread, "l": false })).await;
        app.reply(&author, &thread, "di nuovo aperta").await;

        app.ok(Some(&moderator.token), pin, json!({ "t": original, "p": true })).await;
        let list = "{ community(slug: \"appalti-contratti\") { threads(first: 1) { edges { node { id pinned } } } } }";
        assert_eq!(app.ok(None, list, json!({})).await["community"]["threads"]["edges"][0]["node"]["id"], original.as_str());

        // Close as a duplicate: locked, with the link for readers; then reopen.
        let close = "mutation($t: ID!, $o: ID, $f: ID) { closeThreadAsDuplicate(id: $t, duplicateOfThreadId: $o, duplicateOfFaqEntryId: $f, reason: \"Già chiesto\") { closedAsDuplicate locked duplicateOf { id } } }";
        assert_eq!(app.err(Some(&member.token), close, json!({ "t": thread, "o": original })).await, "FORBIDDEN");
        assert_eq!(app.err(Some(&moderator.token), close, json!({ "t": thread })).await, "BAD_USER_INPUT");
        assert_eq!(app.err(Some(&moderator.token), close, json!({ "t": thread, "o": thread })).await, "BAD_USER_INPUT");
        assert_eq!(app.err(Some(&moderator.token), close, json!({ "t": thread, "f": "999999" })).await, "NOT_FOUND");
        let closed = app.ok(Some(&moderator.token), close, json!({ "t": thread, "o": original })).await;
        assert_eq!(closed["closeThreadAsDuplicate"]["locked"], true);
        let seen = app.ok(None, THREAD, json!({ "t": thread })).await;
        assert_eq!(seen["thread"]["closedAsDuplicate"], true);
        assert_eq!(seen["thread"]["duplicateOf"]["id"], original.as_str());
        let reopen = "mutation($t: ID!) { reopenThread(id: $t) { closedAsDuplicate locked } }";
        assert_eq!(app.err(Some(&member.token), reopen, json!({ "t": thread })).await, "FORBIDDEN");
        let reopened = app.ok(Some(&moderator.token), reopen, json!({ "t": thread })).await;
        assert_eq!(reopened["reopenThread"], json!({ "closedAsDuplicate": false, "locked": false }));

        // Moving needs moderating both communities.
        let mv = "mutation($t: ID!, $s: String!) { moveThread(id: $t, communitySlug: $s, reason: \"Comunità più adatta\") { community { slug } } }";
        let to = json!({ "t": thread, "s": "personale-organizzazione" });
        assert_eq!(app.err(Some(&moderator.token), mv, to.clone()).await, "FORBIDDEN");
        assert_eq!(app.err(Some(&member.token), mv, to.clone()).await, "FORBIDDEN");
        assert_eq!(app.ok(None, THREAD, json!({ "t": thread })).await["thread"]["community"]["slug"], SLUG);
        let moved = app.ok(Some(&global.token), mv, to).await;
        assert_eq!(moved["moveThread"]["community"]["slug"], "personale-organizzazione");
        // The destination's log shows the move; the source's too.
        let log = app.ok(Some(&global.token), LOG, json!({ "s": "personale-organizzazione" })).await;
        assert_eq!(log["moderationLog"]["edges"][0]["node"]["kind"], "MOVE_THREAD");
        let source = app.ok(Some(&moderator.token), LOG, json!({ "s": SLUG })).await;
        let kinds: Vec<&str> = source["moderationLog"]["edges"].as_array().unwrap().iter().map(|e| e["node"]["kind"].as_str().unwrap()).collect();
        assert_eq!(kinds, ["MOVE_THREAD", "REOPEN_THREAD", "CLOSE_DUPLICATE", "PIN_THREAD", "UNLOCK_THREAD", "LOCK_THREAD"]);
    }

    async fn nobody_but_admins_moderates_admins(app) {
        let admin = app.admin().await;
        let other_admin = app.admin().await;
        let moderator = community_moderator(&app, "Elio Moderatore", SLUG).await;
        let global = app.member_with_role("Sofia Globale", "MODERATOR").await;
        let thread = app.ask(&admin, SLUG, "Annuncio dell'amministrazione", "Testo").await;
        let post = app.reply(&admin, &thread, "Precisazione").await;
        let lock = "mutation($t: ID!) { lockThread(id: $t, locked: true) { locked } }";
        let hide = json!({ "p": post, "r": "Prova di permessi" });
        for m in [&moderator, &global] {
            assert_eq!(app.err(Some(&m.token), lock, json!({ "t": thread })).await, "FORBIDDEN");
            assert_eq!(app.err(Some(&m.token), HIDE, hide.clone()).await, "FORBIDDEN");
        }
        assert_eq!(app.ok(None, THREAD, json!({ "t": thread })).await["thread"]["locked"], false);
        assert_eq!(app.ok(None, POST, json!({ "p": post })).await["post"]["moderationStatus"], "VISIBLE");
        assert_eq!(app.count("moderation_actions").await, 0);
        app.ok(Some(&other_admin.token), lock, json!({ "t": thread })).await;
        app.ok(Some(&other_admin.token), HIDE, hide).await;
        let log = app.ok(Some(&admin.token), LOG, json!({ "s": null })).await;
        assert_eq!(log["moderationLog"]["edges"][0]["node"]["moderator"]["id"], other_admin.id.as_str());
    }

    async fn the_review_queue_updates_live(app) {
        let author = app.register("Ines Autrice").await;
        let reporter = app.register("Ottavio Segnala").await;
        let moderator = community_moderator(&app, "Pia Moderatrice", SLUG).await;
        let thread = app.ask(&author, SLUG, "Domanda osservata", "Testo").await;
        let post = app.reply(&author, &thread, "Risposta segnalata").await;

        let sub = "subscription($s: String) { reviewQueueEvents(communitySlug: $s, after: \"0\") { item { kind reportCount resolved post { id } } } }";
        let mut refused = WsClient::connect(&app.url, "graphql-transport-ws", &[]).await.unwrap();
        refused.init(Some(&reporter.token)).await;
        refused.subscribe("1", sub, json!({ "s": SLUG })).await;
        let m = refused.message().await;
        assert_eq!(m["type"], "error", "{m}");
        assert_eq!(m["payload"][0]["extensions"]["code"], "FORBIDDEN");

        let mut socket = WsClient::connect(&app.url, "graphql-transport-ws", &[]).await.unwrap();
        socket.init(Some(&moderator.token)).await;
        socket.subscribe("1", sub, json!({ "s": SLUG })).await;
        // With `after`, events recorded before the subscription is live are replayed: no race.
        app.ok(Some(&reporter.token), REPORT, json!({ "p": post, "r": "SPAM" })).await;
        let event = socket.data("1").await;
        assert_eq!(event["data"]["reviewQueueEvents"]["item"]["kind"], "REPORT");
        assert_eq!(event["data"]["reviewQueueEvents"]["item"]["reportCount"], 1);
        assert_eq!(event["data"]["reviewQueueEvents"]["item"]["post"]["id"], post.as_str());
        app.ok(Some(&moderator.token), HIDE, json!({ "p": post, "r": "Pubblicità" })).await;
        let event = socket.data("1").await;
        assert_eq!(event["data"]["reviewQueueEvents"]["item"]["resolved"], true);
    }
}
