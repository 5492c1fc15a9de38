//! New members (fewer approved posts than configured) post fewer links and mentions, and
//! with pre-moderation their posts wait for a moderator: seen only by them and moderators.

use piazza_e2e::ws::WsClient;
use serde_json::json;

const ASK: &str = "mutation($i: CreateThreadInput!) { createThread(input: $i) { id isPending } }";
const REPLY: &str =
    "mutation($i: CreatePostInput!) { createPost(input: $i) { id moderationStatus } }";
const QUEUE: &str = "query($s: String) { reviewQueue(communitySlug: $s) { edges { node { id kind post { id } thread { id } } } } }";
const RESOLVE: &str = "mutation($i: ID!, $a: ReviewAction!, $r: String) { resolveReviewItem(id: $i, action: $a, reason: $r) { resolution } }";
const SLUG: &str = "appalti-contratti";

fn question(title: &str, body: &str) -> serde_json::Value {
    json!({ "i": { "communitySlug": SLUG, "kind": "QUESTION", "title": title, "body": body, "tags": [] } })
}

both_backends_with! {
    |c: &mut piazza::Config| {
        c.new_member_posts = 1;
        c.new_member_max_links = 1;
        c.new_member_max_mentions = 1;
        c.new_member_premoderation = true;
    };

    async fn new_members_are_limited_and_premoderated(app) {
        let veteran = app.member_with_role("Vito Esperto", "EXPERT").await;
        let newcomer = app.register("Nino Nuovo").await;
        let reader = app.register("Lia Lettrice").await;
        let moderator = app.member_with_role("Marta Moderatrice", "MODERATOR").await;

        // Limits: refused outright, nothing written.
        let threads = app.count("threads").await;
        let links = "Vedi [uno](https://a.it) e [due](https://b.it)";
        assert_eq!(app.err(Some(&newcomer.token), ASK, question("Troppi collegamenti", links)).await, "BAD_USER_INPUT");
        let mentions = "Ciao @vito.esperto e @lia.lettrice";
        assert_eq!(app.err(Some(&newcomer.token), ASK, question("Troppe menzioni", mentions)).await, "BAD_USER_INPUT");
        assert_eq!(app.count("threads").await, threads);
        // Experts are not new members.
        app.ask(&veteran, SLUG, "Domanda con due collegamenti", links).await;

        // Pre-moderation: the thread is held, seen by its author and moderators only.
        let held = app.ok(Some(&newcomer.token), ASK, question("Prima domanda del nuovo", "Testo")).await;
        assert_eq!(held["createThread"]["isPending"], true);
        let thread = held["createThread"]["id"].as_str().unwrap().to_owned();
        let read = "query($t: ID!) { thread(id: $t) { title isPending } }";
        assert!(app.ok(Some(&reader.token), read, json!({ "t": thread })).await["thread"].is_null());
        assert!(app.ok(None, read, json!({ "t": thread })).await["thread"].is_null());
        assert_eq!(app.ok(Some(&newcomer.token), read, json!({ "t": thread })).await["thread"]["isPending"], true);
        assert_eq!(app.ok(Some(&moderator.token), read, json!({ "t": thread })).await["thread"]["isPending"], true);
        let list = "{ community(slug: \"appalti-contratti\") { threads { edges { node { id } } } } }";
        let listed = app.ok(None, list, json!({})).await;
        assert!(!listed["community"]["threads"]["edges"].as_array().unwrap().iter().any(|e| e["node"]["id"] == thread.as_str()));
        assert_eq!(app.err(Some(&reader.token), REPLY, json!({ "i": { "threadId": thread, "body": "risposta" } })).await, "NOT_FOUND");

        let items = app.ok(Some(&moderator.token), QUEUE, json!({ "s": SLUG })).await["reviewQueue"]["edges"].clone();
        assert_eq!(items.as_array().unwrap().len(), 1);
        assert_eq!(items[0]["node"]["kind"], "POST");
        assert_eq!(items[0]["node"]["thread"]["id"], thread.as_str());
        let item = items[0]["node"]["id"].clone();
        assert_eq!(app.err(Some(&reader.token), RESOLVE, json!({ "i": item, "a": "APPROVE" })).await, "FORBIDDEN");
        assert!(app.ok(None, read, json!({ "t": thread })).await["thread"].is_null());
        app.ok(Some(&moderator.token), RESOLVE, json!({ "i": item, "a": "APPROVE" })).await;
        assert_eq!(app.ok(None, read, json!({ "t": thread })).await["thread"]["isPending"], false);

        // One approved post: no longer new, no longer held, limits lifted.
        let reply = app.ok(Some(&newcomer.token), REPLY, json!({ "i": { "threadId": thread, "body": links } })).await;
        assert_eq!(reply["createPost"]["moderationStatus"], "VISIBLE");
    }

    async fn held_replies_are_rejected_with_a_reason(app) {
        let author = app.member_with_role("Carla Esperta", "EXPERT").await;
        let newcomer = app.register("Pino Nuovo").await;
        let moderator = app.member_with_role("Rino Moderatore", "MODERATOR").await;
        let thread = app.ask(&author, SLUG, "Domanda aperta a tutti", "Testo").await;
        let held = app.ok(Some(&newcomer.token), REPLY, json!({ "i": { "threadId": thread, "body": "Risposta trattenuta" } })).await;
        assert_eq!(held["createPost"]["moderationStatus"], "PENDING");
        let post = held["createPost"]["id"].clone();
        let count = "query($t: ID!) { thread(id: $t) { postCount } }";
        assert_eq!(app.ok(None, count, json!({ "t": thread })).await["thread"]["postCount"], 1);
        let body = "query($p: ID!) { post(id: $p) { body moderationReason } }";
        assert!(app.ok(Some(&author.token), body, json!({ "p": post })).await["post"].is_null());
        assert_eq!(app.ok(Some(&moderator.token), body, json!({ "p": post })).await["post"]["body"], "Risposta trattenuta");

        let items = app.ok(Some(&moderator.token), QUEUE, json!({ "s": SLUG })).await["reviewQueue"]["edges"].clone();
        let item = items[0]["node"]["id"].clone();
        assert_eq!(app.err(Some(&moderator.token), RESOLVE, json!({ "i": item, "a": "REJECT" })).await, "BAD_USER_INPUT");
        app.ok(Some(&moderator.token), RESOLVE, json!({ "i": item, "a": "REJECT", "r": "Fuori tema" })).await;
        let own = app.ok(Some(&newcomer.token), body, json!({ "p": post })).await;
        assert_eq!(own["post"]["body"], "Risposta trattenuta");
        assert_eq!(own["post"]["moderationReason"], "Fuori tema");
        assert_eq!(app.ok(None, count, json!({ "t": thread })).await["thread"]["postCount"], 1);
    }

    async fn a_rejected_first_post_restored_opens_its_thread(app) {
        let newcomer = app.register("Ugo Nuovo").await;
        let moderator = app.member_with_role("Olga Moderatrice", "MODERATOR").await;
        let held = app.ok(Some(&newcomer.token), ASK, question("Domanda respinta e poi ripristinata", "Testo")).await;
        let thread = held["createThread"]["id"].as_str().unwrap().to_owned();
        let items = app.ok(Some(&moderator.token), QUEUE, json!({ "s": SLUG })).await["reviewQueue"]["edges"].clone();
        let item = items[0]["node"]["id"].clone();
        let post = items[0]["node"]["post"]["id"].clone();
        app.ok(Some(&moderator.token), RESOLVE, json!({ "i": item, "a": "REJECT", "r": "Da rivedere" })).await;
        let read = "query($t: ID!) { thread(id: $t) { title isPending firstPost { body } } }";
        assert!(app.ok(None, read, json!({ "t": thread })).await["thread"].is_null());

        let restore = "mutation($p: ID!) { restorePost(id: $p, reason: \"Era corretta\") { id } }";
        assert_eq!(app.err(Some(&newcomer.token), restore, json!({ "p": post })).await, "FORBIDDEN");
        assert!(app.ok(None, read, json!({ "t": thread })).await["thread"].is_null(), "a refused restore changes nothing");
        app.ok(Some(&moderator.token), restore, json!({ "p": post })).await;
        let open = app.ok(None, read, json!({ "t": thread })).await;
        assert_eq!(open["thread"]["isPending"], false);
        assert_eq!(open["thread"]["firstPost"]["body"], "Testo");
        let list = "{ community(slug: \"appalti-contratti\") { threads { edges { node { id } } } } }";
        let listed = app.ok(None, list, json!({})).await;
        assert!(listed["community"]["threads"]["edges"].as_array().unwrap().iter().any(|e| e["node"]["id"] == thread.as_str()));
    }

    async fn community_events_about_a_held_thread_reach_only_its_author_and_moderators(app) {
        let newcomer = app.register("Gino Nuovo").await;
        let moderator = app.member_with_role("Mara Moderatrice", "MODERATOR").await;
        let outsider = app.register("Olivia Esterna").await;
        let veteran = app.member_with_role("Vera Esperta", "EXPERT").await;
        let follow = "subscription($s: String!) { communityEvents(slug: $s, after: \"0\") { kind thread { id title } } }";
        let mut sockets = Vec::new();
        for who in [None, Some(&outsider), Some(&newcomer), Some(&moderator)] {
            let mut socket = WsClient::connect(&app.url, "graphql-transport-ws", &[]).await.unwrap();
            socket.init(who.map(|m| m.token.as_str())).await;
            socket.subscribe("c", follow, json!({ "s": SLUG })).await;
            sockets.push(socket);
        }

        // A moderator pins and locks the held thread: both announced to the community.
        let held = app.ok(Some(&newcomer.token), ASK, question("Domanda riservata in attesa", "Testo")).await;
        let held = held["createThread"]["id"].as_str().unwrap().to_owned();
        let pin = "mutation($t: ID!) { pinThread(id: $t, pinned: true) { id } }";
        app.ok(Some(&moderator.token), pin, json!({ "t": held })).await;
        let lock = "mutation($t: ID!) { lockThread(id: $t, locked: true) { id } }";
        app.ok(Some(&moderator.token), lock, json!({ "t": held })).await;
        let open = app.ask(&veteran, SLUG, "Domanda pubblica dopo", "Testo").await;

        // Everyone gets the public thread; only the author and moderators get the held one's
        // updates (replayed or live), in order before it.
        for (i, socket) in sockets.iter_mut().enumerate() {
            let mut seen = Vec::new();
            loop {
                let event = socket.data("c").await["data"]["communityEvents"].clone();
                let id = event["thread"]["id"].as_str().unwrap_or_default().to_owned();
                seen.push((event["kind"].as_str().unwrap().to_owned(), id.clone()));
                if id == open {
                    break;
                }
            }
            let about_held: Vec<_> = seen.iter().filter(|(_, id)| *id == held).map(|(k, _)| k.as_str()).collect();
            if i < 2 {
                assert!(about_held.is_empty(), "socket {i} saw the held thread: {seen:?}");
            } else {
                assert_eq!(about_held, vec!["THREAD_UPDATED", "THREAD_UPDATED"], "socket {i}: {seen:?}");
            }
        }
    }

    async fn the_moderation_log_hides_a_held_thread_from_other_members(app) {
        let newcomer = app.register("Lino Nuovo").await;
        let moderator = app.member_with_role("Rosa Moderatrice", "MODERATOR").await;
        let reader = app.register("Teo Lettore").await;
        app.join(&reader, SLUG).await;
        app.join(&newcomer, SLUG).await;
        let held = app.ok(Some(&newcomer.token), ASK, question("Titolo riservato in attesa", "Corpo riservato")).await;
        let held = held["createThread"]["id"].as_str().unwrap().to_owned();
        let pin = "mutation($t: ID!) { pinThread(id: $t, pinned: true) { id } }";
        app.ok(Some(&moderator.token), pin, json!({ "t": held })).await;
        let item = item_of_thread(&app, &moderator, &held).await;
        app.ok(Some(&moderator.token), RESOLVE, json!({ "i": item, "a": "REJECT", "r": "Da rivedere" })).await;

        let log = "query($s: String) { moderationLog(communitySlug: $s) { edges { node { kind targetThread { id title } targetPost { body } } } } }";
        let entries = |data: serde_json::Value| -> Vec<(String, serde_json::Value, serde_json::Value)> {
            data["moderationLog"]["edges"].as_array().unwrap().iter().map(|e| {
                let n = &e["node"];
                (n["kind"].as_str().unwrap().to_owned(), n["targetThread"]["title"].clone(), n["targetPost"]["body"].clone())
            }).collect()
        };
        let (title, body) = (json!("Titolo riservato in attesa"), json!("Corpo riservato"));
        // Members see that something happened, never the held (then rejected) thread's text.
        let seen = entries(app.ok(Some(&reader.token), log, json!({ "s": SLUG })).await);
        assert_eq!(seen, vec![
            ("REJECT_POST".to_owned(), json!(null), json!(null)),
            ("PIN_THREAD".to_owned(), json!(null), json!(null)),
        ]);
        // Its author and moderators still do.
        for who in [&newcomer, &moderator] {
            let seen = entries(app.ok(Some(&who.token), log, json!({ "s": SLUG })).await);
            assert_eq!(seen, vec![
                ("REJECT_POST".to_owned(), title.clone(), body.clone()),
                ("PIN_THREAD".to_owned(), title.clone(), json!(null)),
            ]);
        }
    }
}

const EDIT: &str = "mutation($id: ID!, $b: String!) { editPost(id: $id, body: $b) { id } }";

/// The member's notifications, newest first, as `(kind, post id, count)`.
async fn inbox(app: &piazza_e2e::TestApp, m: &piazza_e2e::Member) -> Vec<(String, String, i64)> {
    let q = "{ notifications(first: 50) { edges { node { kind count post { id } } } } }";
    let data = app.ok(Some(&m.token), q, json!({})).await;
    data["notifications"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let n = &e["node"];
            (
                n["kind"].as_str().unwrap().to_owned(),
                n["post"]["id"].as_str().unwrap_or_default().to_owned(),
                n["count"].as_i64().unwrap(),
            )
        })
        .collect()
}

/// The id of the open review item the queue lists first among those `wanted` picks.
async fn queue_item(
    app: &piazza_e2e::TestApp,
    moderator: &piazza_e2e::Member,
    wanted: impl Fn(&serde_json::Value) -> bool,
) -> serde_json::Value {
    let items = app
        .ok(Some(&moderator.token), QUEUE, json!({ "s": SLUG }))
        .await["reviewQueue"]["edges"]
        .clone();
    items
        .as_array()
        .unwrap()
        .iter()
        .find(|e| wanted(&e["node"]))
        .map(|e| e["node"]["id"].clone())
        .expect("the queue lists it")
}

/// The id of the open review item about `post`.
async fn item_of(
    app: &piazza_e2e::TestApp,
    moderator: &piazza_e2e::Member,
    post: &str,
) -> serde_json::Value {
    queue_item(app, moderator, |n| n["post"]["id"] == post).await
}

/// The id of the open review item about `thread`'s first post.
async fn item_of_thread(
    app: &piazza_e2e::TestApp,
    moderator: &piazza_e2e::Member,
    thread: &str,
) -> serde_json::Value {
    queue_item(app, moderator, |n| {
        n["thread"]["id"] == thread && n["kind"] == "POST"
    })
    .await
}

fn one(kind: &str, post: &str) -> Vec<(String, String, i64)> {
    vec![(kind.to_owned(), post.to_owned(), 1)]
}

async fn search_finds(app: &piazza_e2e::TestApp, word: &str) -> bool {
    let q = "query($q: String!) { search(query: $q) { edges { node { thread { id } } } } }";
    let data = app.ok(None, q, json!({ "q": word })).await;
    !data["search"]["edges"].as_array().unwrap().is_empty()
}

both_backends_with! {
    |c: &mut piazza::Config| {
        c.new_member_posts = 1;
        c.new_member_max_mentions = 2;
        c.new_member_premoderation = true;
    };

    async fn approving_a_held_reply_tells_its_mentions_and_watchers_once(app) {
        let asker = app.member_with_role("Vera Esperta", "EXPERT").await;
        let anna = app.register("Anna Citata").await;
        let bruno = app.register("Bruno Citato").await;
        let newcomer = app.register("Nico Nuovo").await;
        let moderator = app.member_with_role("Mirta Moderatrice", "MODERATOR").await;
        let (a, b) = (app.handle(&anna).await, app.handle(&bruno).await);
        let thread = app.ask(&asker, SLUG, "Domanda seguita da chi la pone", "Testo").await;
        let before = app.count("notifications").await;

        let held = app.ok(Some(&newcomer.token), REPLY, json!({ "i": { "threadId": thread, "body": format!("Chiedo a @{a}") } })).await;
        assert_eq!(held["createPost"]["moderationStatus"], "PENDING");
        let post = held["createPost"]["id"].as_str().unwrap().to_owned();
        // A mention added while the post waits waits with it.
        app.ok(Some(&newcomer.token), EDIT, json!({ "id": post, "b": format!("Chiedo a @{a} e a @{b}") })).await;
        assert_eq!(app.count("notifications").await, before, "a held post tells nobody");
        assert!(inbox(&app, &anna).await.is_empty());
        assert!(inbox(&app, &asker).await.is_empty());

        let item = item_of(&app, &moderator, &post).await;
        app.ok(Some(&moderator.token), RESOLVE, json!({ "i": item, "a": "APPROVE" })).await;
        assert_eq!(inbox(&app, &anna).await, one("MENTION", &post));
        assert_eq!(inbox(&app, &bruno).await, one("MENTION", &post));
        assert_eq!(inbox(&app, &asker).await, one("REPLY", &post), "the thread's watcher hears of the reply");
        assert!(inbox(&app, &newcomer).await.is_empty(), "not of one's own post");
        assert_eq!(app.count("notifications").await, before + 3);

        // Exactly once: approving again is refused, and restoring a visible post tells no one.
        assert_eq!(app.err(Some(&moderator.token), RESOLVE, json!({ "i": item, "a": "APPROVE" })).await, "CONFLICT");
        let restore = "mutation($p: ID!) { restorePost(id: $p, reason: \"Di nuovo\") { id } }";
        app.ok(Some(&moderator.token), restore, json!({ "p": post })).await;
        assert_eq!(app.count("notifications").await, before + 3);
        assert_eq!(inbox(&app, &anna).await, one("MENTION", &post));
    }

    async fn approving_a_held_thread_tells_its_mentions_and_the_community_once(app) {
        let watcher = app.register("Walter Osserva").await;
        let anna = app.register("Anna Nominata").await;
        let newcomer = app.register("Nina Nuova").await;
        let moderator = app.member_with_role("Mauro Moderatore", "MODERATOR").await;
        let level = "mutation($s: String!) { setCommunityNotificationLevel(slug: $s, level: WATCHING) { slug } }";
        // Anna watches the community too: told once, of the mention.
        for m in [&watcher, &anna] {
            app.ok(Some(&m.token), level, json!({ "s": SLUG })).await;
        }
        let a = app.handle(&anna).await;
        let before = app.count("notifications").await;
        let held = app.ok(Some(&newcomer.token), ASK, question("Domanda trattenuta con menzione", &format!("Ne sa qualcosa @{a}?"))).await;
        assert_eq!(held["createThread"]["isPending"], true);
        assert_eq!(app.count("notifications").await, before, "a held thread tells nobody");

        let items = app.ok(Some(&moderator.token), QUEUE, json!({ "s": SLUG })).await["reviewQueue"]["edges"].clone();
        let post = items[0]["node"]["post"]["id"].as_str().unwrap().to_owned();
        app.ok(Some(&moderator.token), RESOLVE, json!({ "i": items[0]["node"]["id"], "a": "APPROVE" })).await;
        assert_eq!(inbox(&app, &anna).await, one("MENTION", &post));
        assert_eq!(inbox(&app, &watcher).await, one("NEW_THREAD", &post));
        assert!(inbox(&app, &newcomer).await.is_empty());
        assert_eq!(app.count("notifications").await, before + 2);
    }

    async fn a_rejected_held_post_tells_nobody_until_restored(app) {
        let asker = app.member_with_role("Rita Esperta", "EXPERT").await;
        let anna = app.register("Anna Respinta").await;
        let bruno = app.register("Bruno Respinto").await;
        let newcomer = app.register("Nello Nuovo").await;
        let moderator = app.member_with_role("Mara Moderatrice", "MODERATOR").await;
        let (a, b) = (app.handle(&anna).await, app.handle(&bruno).await);
        let thread = app.ask(&asker, SLUG, "Domanda con risposta respinta", "Testo").await;
        let before = app.count("notifications").await;
        let held = app.ok(Some(&newcomer.token), REPLY, json!({ "i": { "threadId": thread, "body": format!("Per @{a}") } })).await;
        let post = held["createPost"]["id"].as_str().unwrap().to_owned();
        let item = item_of(&app, &moderator, &post).await;
        app.ok(Some(&moderator.token), RESOLVE, json!({ "i": item, "a": "REJECT", "r": "Fuori tema" })).await;
        // Its author may still edit it; a rejected post tells nobody, new mentions included.
        app.ok(Some(&newcomer.token), EDIT, json!({ "id": post, "b": format!("Per @{a} e @{b}") })).await;
        assert_eq!(app.count("notifications").await, before, "a rejected post tells nobody");

        // Restoring it publishes it for the first time: it tells then, once.
        let count = "query($t: ID!) { thread(id: $t) { postCount } }";
        assert_eq!(app.ok(None, count, json!({ "t": thread })).await["thread"]["postCount"], 1);
        let restore = "mutation($p: ID!) { restorePost(id: $p, reason: \"Era pertinente\") { moderationStatus } }";
        let restored = app.ok(Some(&moderator.token), restore, json!({ "p": post })).await;
        assert_eq!(restored["restorePost"]["moderationStatus"], "VISIBLE");
        assert_eq!(app.ok(None, count, json!({ "t": thread })).await["thread"]["postCount"], 2);
        assert_eq!(inbox(&app, &anna).await, one("MENTION", &post));
        assert_eq!(inbox(&app, &bruno).await, one("MENTION", &post));
        assert_eq!(inbox(&app, &asker).await, one("REPLY", &post));
        assert_eq!(app.count("notifications").await, before + 3);

        // Hidden and restored again, it was already published: nobody is told twice.
        let hide = "mutation($p: ID!) { hidePost(id: $p, reason: \"Da verificare\") { id } }";
        app.ok(Some(&moderator.token), hide, json!({ "p": post })).await;
        app.ok(Some(&moderator.token), restore, json!({ "p": post })).await;
        assert_eq!(app.count("notifications").await, before + 3);
        assert_eq!(app.ok(None, count, json!({ "t": thread })).await["thread"]["postCount"], 2);
    }

    async fn replies_in_a_held_thread_tell_nobody_until_it_is_approved(app) {
        let newcomer = app.register("Nadia Nuova").await;
        let moderator = app.member_with_role("Marco Moderatore", "MODERATOR").await;
        let anna = app.register("Anna Attesa").await;
        let bruno = app.register("Bruno Atteso").await;
        let outsider = app.register("Oscar Esterno").await;
        let (a, b) = (app.handle(&anna).await, app.handle(&bruno).await);
        let held = app.ok(Some(&newcomer.token), ASK, question("Domanda trattenuta con risposte", "Testo")).await;
        let thread = held["createThread"]["id"].as_str().unwrap().to_owned();
        let first = item_of_thread(&app, &moderator, &thread).await;
        let before = app.count("notifications").await;

        // Only its author and moderators write in it, or follow it live.
        let posts = app.count("posts").await;
        let outside = json!({ "i": { "threadId": thread, "body": "Posso rispondere?" } });
        assert_eq!(app.err(Some(&outsider.token), REPLY, outside).await, "NOT_FOUND");
        assert_eq!(app.count("posts").await, posts);
        let mut socket = WsClient::connect(&app.url, "graphql-transport-ws", &[]).await.unwrap();
        socket.init(Some(&outsider.token)).await;
        let follow = "subscription($t: ID!) { threadEvents(threadId: $t, after: \"0\") { kind post { body } } }";
        socket.subscribe("t", follow, json!({ "t": thread })).await;
        let refused = socket.message().await;
        assert_eq!(refused["type"], "error", "{refused}");
        assert_eq!(refused["payload"][0]["extensions"]["code"], "NOT_FOUND");

        // A moderator's reply, and the author's own (held as a new member's, then approved
        // while the thread still waits), tell nobody and stay out of sight.
        let answer = app.reply(&moderator, &thread, &format!("Manca il codice zibaldone, @{a}")).await;
        let edit = json!({ "id": answer, "b": format!("Manca il codice zibaldone, @{a} e @{b}") });
        app.ok(Some(&moderator.token), EDIT, edit).await;
        let own = app.ok(Some(&newcomer.token), REPLY, json!({ "i": { "threadId": thread, "body": "Aggiungo un dettaglio" } })).await;
        let own = own["createPost"]["id"].as_str().unwrap().to_owned();
        let item = item_of(&app, &moderator, &own).await;
        app.ok(Some(&moderator.token), RESOLVE, json!({ "i": item, "a": "APPROVE" })).await;
        assert_eq!(app.count("notifications").await, before, "a reply in a held thread tells nobody");
        assert!(inbox(&app, &anna).await.is_empty());
        assert!(inbox(&app, &bruno).await.is_empty(), "nor an edit of one");
        assert!(inbox(&app, &newcomer).await.is_empty());
        let read = "query($p: ID!) { post(id: $p) { body } }";
        assert!(app.ok(Some(&anna.token), read, json!({ "p": answer })).await["post"].is_null());
        assert!(app.ok(None, read, json!({ "p": answer })).await["post"].is_null());
        assert!(app.ok(Some(&newcomer.token), read, json!({ "p": answer })).await["post"]["body"].is_string());
        assert!(!search_finds(&app, "zibaldone").await);

        // Approving the thread publishes its replies with it: each told about once, now.
        assert_eq!(app.err(Some(&outsider.token), RESOLVE, json!({ "i": first, "a": "APPROVE" })).await, "FORBIDDEN");
        assert_eq!(app.count("notifications").await, before);
        app.ok(Some(&moderator.token), RESOLVE, json!({ "i": first, "a": "APPROVE" })).await;
        assert_eq!(inbox(&app, &anna).await, one("MENTION", &answer));
        assert_eq!(inbox(&app, &bruno).await, one("MENTION", &answer));
        assert_eq!(inbox(&app, &newcomer).await, one("REPLY", &answer));
        assert_eq!(inbox(&app, &moderator).await, one("REPLY", &own));
        assert_eq!(app.count("notifications").await, before + 4);
        assert!(app.ok(Some(&anna.token), read, json!({ "p": answer })).await["post"]["body"].is_string());
        assert!(search_finds(&app, "zibaldone").await);

        // From now on a reply tells at once (grouped with the unread one), and nobody twice.
        let later = app.reply(&moderator, &thread, "Ecco il riferimento").await;
        assert_eq!(inbox(&app, &newcomer).await, vec![("REPLY".to_owned(), later, 2)]);
        assert_eq!(inbox(&app, &anna).await, one("MENTION", &answer));
    }

    async fn deleting_a_held_or_hidden_post_leaves_the_count_alone(app) {
        let asker = app.member_with_role("Rita Esperta", "EXPERT").await;
        let newcomer = app.register("Nello Nuovo").await;
        let moderator = app.member_with_role("Mara Moderatrice", "MODERATOR").await;
        let thread = app.ask(&asker, SLUG, "Domanda da contare", "Testo").await;
        let count = "query($t: ID!) { thread(id: $t) { postCount } }";
        let counted = || async { app.ok(None, count, json!({ "t": thread })).await["thread"]["postCount"].clone() };
        let delete = "mutation($id: ID!) { deletePost(id: $id) { id } }";

        let held = app.ok(Some(&newcomer.token), REPLY, json!({ "i": { "threadId": thread, "body": "In attesa" } })).await;
        let held = held["createPost"]["id"].as_str().unwrap().to_owned();
        assert_eq!(counted().await, 1, "a held reply is not counted");
        app.ok(Some(&newcomer.token), delete, json!({ "id": held })).await;
        assert_eq!(counted().await, 1, "nor uncounted when its author deletes it");

        let hidden = app.reply(&asker, &thread, "Da nascondere").await;
        let visible = app.reply(&asker, &thread, "Da eliminare").await;
        assert_eq!(counted().await, 3);
        let hide = "mutation($p: ID!) { hidePost(id: $p, reason: \"Fuori tema\") { id } }";
        app.ok(Some(&moderator.token), hide, json!({ "p": hidden })).await;
        assert_eq!(counted().await, 2);
        app.ok(Some(&asker.token), delete, json!({ "id": hidden })).await;
        assert_eq!(counted().await, 2, "a hidden post was uncounted when hidden");
        app.ok(Some(&asker.token), delete, json!({ "id": visible })).await;
        assert_eq!(counted().await, 1, "a visible one is uncounted when deleted");
    }
}

/// The first error of a response, as `(code, message)`.
async fn refusal(
    app: &piazza_e2e::TestApp,
    m: &piazza_e2e::Member,
    query: &str,
    variables: serde_json::Value,
) -> (String, String) {
    let resp = app.gql(Some(&m.token), query, variables).await;
    let error = &resp["errors"][0];
    let code = error["extensions"]["code"].as_str();
    let code = code.unwrap_or_else(|| panic!("expected an error, got {resp:#}"));
    (
        code.to_owned(),
        error["message"].as_str().unwrap().to_owned(),
    )
}

both_backends_with! {
    |c: &mut piazza::Config| {
        c.new_member_posts = 3;
        c.new_member_max_links = 1;
        c.new_member_max_mentions = 1;
        c.new_member_premoderation = false;
    };

    async fn new_members_edits_are_limited_like_new_posts(app) {
        let asker = app.member_with_role("Eva Esperta", "EXPERT").await;
        let newcomer = app.register("Nilo Nuovo").await;
        let trusted = app.register("Tina Fidata").await;
        let (anna, bruno) = (app.register("Anna Menzionata").await, app.register("Bruno Menzionato").await);
        let (a, b) = (app.handle(&anna).await, app.handle(&bruno).await);
        let thread = app.ask(&asker, SLUG, "Domanda con risposte da correggere", "Testo").await;
        let links = "Vedi [uno](https://a.it) e https://b.it";
        let named = format!("Ciao @{a} e @{b}");

        // What creation refuses a new member...
        let new = |body: &str| json!({ "i": { "threadId": thread, "body": body } });
        let refused_links = refusal(&app, &newcomer, REPLY, new(links)).await;
        let refused_mentions = refusal(&app, &newcomer, REPLY, new(&named)).await;
        assert_eq!(refused_links.0, "BAD_USER_INPUT");
        assert_eq!(refused_mentions.0, "BAD_USER_INPUT");

        // ...an edit refuses too, with the same error, and changes nothing.
        let post = app.reply(&newcomer, &thread, "Testo pulito").await;
        let read = "query($p: ID!) { post(id: $p) { body editedAt } }";
        let unchanged = json!({ "post": { "body": "Testo pulito", "editedAt": null } });
        let revisions = app.count("post_revisions").await;
        assert_eq!(refusal(&app, &newcomer, EDIT, json!({ "id": post, "b": links })).await, refused_links);
        assert_eq!(refusal(&app, &newcomer, EDIT, json!({ "id": post, "b": named })).await, refused_mentions);
        assert_eq!(app.ok(None, read, json!({ "p": post })).await, unchanged);
        assert_eq!(app.count("post_revisions").await, revisions);
        assert!(inbox(&app, &anna).await.is_empty());

        // Within the limits an edit goes through.
        let within = format!("Vedi https://a.it, @{a}");
        app.ok(Some(&newcomer.token), EDIT, json!({ "id": post, "b": within })).await;
        assert_eq!(app.ok(None, read, json!({ "p": post })).await["post"]["body"], within.as_str());

        // A member with enough approved posts is no longer new: the same edit goes through.
        for n in 0..3 {
            app.reply(&trusted, &thread, &format!("Risposta numero {n}")).await;
        }
        let own = app.reply(&trusted, &thread, "Testo pulito").await;
        app.ok(Some(&trusted.token), EDIT, json!({ "id": own, "b": links })).await;
        app.ok(Some(&trusted.token), EDIT, json!({ "id": own, "b": named })).await;
        assert_eq!(app.ok(None, read, json!({ "p": own })).await["post"]["body"], named.as_str());
    }
}
