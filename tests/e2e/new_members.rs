//! New members (fewer approved posts than configured) post fewer links and mentions, and
//! with pre-moderation their posts wait for a moderator: seen only by them and moderators.

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
}
