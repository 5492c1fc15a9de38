//! Watched words (admins): blocked, held for approval, or flagged to moderators.

use serde_json::{Value, json};

const SET: &str = "mutation($p: String!, $a: WatchedWordAction!) { setWatchedWord(pattern: $p, action: $a) { id pattern action } }";
const REPLY: &str =
    "mutation($i: CreatePostInput!) { createPost(input: $i) { id moderationStatus } }";
const QUEUE: &str = "{ reviewQueue(communitySlug: \"appalti-contratti\") { edges { node { kind flaggedWords reportCount post { id } } } } }";

both_backends! {
    async fn watched_words_block_hold_or_flag(app) {
        let admin = app.admin().await;
        let moderator = app.member_with_role("Teo Moderatore", "MODERATOR").await;
        let member = app.register("Walter Scrive").await;
        let thread = app.ask(&member, "appalti-contratti", "Domanda sulle gare", "Testo").await;

        assert_eq!(app.err(Some(&member.token), SET, json!({ "p": "truffa", "a": "BLOCK" })).await, "FORBIDDEN");
        assert_eq!(app.err(Some(&moderator.token), SET, json!({ "p": "truffa", "a": "BLOCK" })).await, "FORBIDDEN");
        assert_eq!(app.count("watched_words").await, 0);
        assert_eq!(app.err(Some(&admin.token), SET, json!({ "p": "(a+)+$", "a": "BLOCK" })).await, "BAD_USER_INPUT");
        let set = app.ok(Some(&admin.token), SET, json!({ "p": "Truffa", "a": "BLOCK" })).await;
        assert_eq!(set["setWatchedWord"]["pattern"], "truffa");
        app.ok(Some(&admin.token), SET, json!({ "p": "gara trucc*", "a": "REQUIRE_APPROVAL" })).await;
        app.ok(Some(&admin.token), SET, json!({ "p": "urgentissimo", "a": "FLAG" })).await;
        let list = app.ok(Some(&admin.token), "{ watchedWords { pattern action } }", json!({})).await;
        assert_eq!(list["watchedWords"].as_array().unwrap().len(), 3);
        assert_eq!(app.err(Some(&member.token), "{ watchedWords { pattern } }", json!({})).await, "FORBIDDEN");

        let posts = app.count("posts").await;
        let reply = |body: &str| json!({ "i": { "threadId": thread, "body": body } });
        assert_eq!(app.err(Some(&member.token), REPLY, reply("Questa è una TRUFFA")).await, "BAD_USER_INPUT");
        assert_eq!(app.count("posts").await, posts);

        let held = app.ok(Some(&member.token), REPLY, reply("Una gara truccata, forse")).await;
        assert_eq!(held["createPost"]["moderationStatus"], "PENDING");
        let flagged = app.ok(Some(&member.token), REPLY, reply("Richiesta urgentissimo!")).await;
        assert_eq!(flagged["createPost"]["moderationStatus"], "VISIBLE");

        let items = app.ok(Some(&moderator.token), QUEUE, json!({})).await["reviewQueue"]["edges"].clone();
        assert_eq!(items[0]["node"]["kind"], "POST");
        assert_eq!(items[0]["node"]["flaggedWords"], json!(["gara trucc*"]));
        assert_eq!(items[1]["node"]["kind"], "REPORT");
        assert_eq!(items[1]["node"]["flaggedWords"], json!(["urgentissimo"]));
        assert_eq!(items[1]["node"]["reportCount"], 0);

        // Edits cannot bring a blocked word in either.
        let edit = "mutation($p: ID!, $b: String!) { editPost(id: $p, body: $b) { body } }";
        let id = flagged["createPost"]["id"].clone();
        assert_eq!(app.err(Some(&member.token), edit, json!({ "p": id, "b": "truffa" })).await, "BAD_USER_INPUT");

        let remove = "mutation($i: ID!) { removeWatchedWord(id: $i) }";
        let id = set["setWatchedWord"]["id"].clone();
        assert_eq!(app.err(Some(&member.token), remove, json!({ "i": id })).await, "FORBIDDEN");
        app.ok(Some(&admin.token), remove, json!({ "i": id })).await;
        app.reply(&member, &thread, "Parlare di truffa ora si può").await;
    }
}

const EDIT: &str =
    "mutation($p: ID!, $b: String!) { editPost(id: $p, body: $b) { moderationStatus } }";
const POST: &str = "query($p: ID!) { post(id: $p) { body moderationStatus } }";
const THREAD: &str = "query($t: ID!) { thread(id: $t) { postCount isPending } }";
const FEED: &str =
    "{ community(slug: \"appalti-contratti\") { threads { edges { node { id } } } } }";
const ITEMS: &str = "{ reviewQueue(communitySlug: \"appalti-contratti\") { edges { node { id kind flaggedWords reportCount post { id } } } } }";
const RESOLVE: &str =
    "mutation($i: ID!, $a: ReviewAction!) { resolveReviewItem(id: $i, action: $a) { resolution } }";

async fn search_finds(app: &piazza_e2e::TestApp, word: &str) -> bool {
    let q = "query($q: String!) { search(query: $q) { edges { node { thread { id } } } } }";
    let data = app.ok(None, q, json!({ "q": word })).await;
    !data["search"]["edges"].as_array().unwrap().is_empty()
}

async fn listed(app: &piazza_e2e::TestApp, thread: &str) -> bool {
    let data = app.ok(None, FEED, json!({})).await;
    data["community"]["threads"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["node"]["id"] == thread)
}

/// The open review items, as `(id, kind, flagged words, post id)`.
async fn queue(
    app: &piazza_e2e::TestApp,
    moderator: &piazza_e2e::Member,
) -> Vec<(Value, String, Value, String)> {
    let data = app.ok(Some(&moderator.token), ITEMS, json!({})).await;
    data["reviewQueue"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let n = &e["node"];
            (
                n["id"].clone(),
                n["kind"].as_str().unwrap().to_owned(),
                n["flaggedWords"].clone(),
                n["post"]["id"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

/// A member's notifications, as `(kind, post id)`.
async fn inbox(app: &piazza_e2e::TestApp, m: &piazza_e2e::Member) -> Vec<(String, String)> {
    let q = "{ notifications(first: 50) { edges { node { kind post { id } } } } }";
    let data = app.ok(Some(&m.token), q, json!({})).await;
    data["notifications"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["node"]["kind"].as_str().unwrap().to_owned(),
                e["node"]["post"]["id"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned(),
            )
        })
        .collect()
}

async fn watch(app: &piazza_e2e::TestApp, admin: &piazza_e2e::Member) {
    app.ok(
        Some(&admin.token),
        SET,
        json!({ "p": "gara trucc*", "a": "REQUIRE_APPROVAL" }),
    )
    .await;
    app.ok(
        Some(&admin.token),
        SET,
        json!({ "p": "urgentissimo", "a": "FLAG" }),
    )
    .await;
    app.ok(
        Some(&admin.token),
        SET,
        json!({ "p": "pilotat*", "a": "REQUIRE_APPROVAL" }),
    )
    .await;
}

both_backends! {
    async fn an_edit_that_brings_in_a_held_word_sends_the_reply_back_to_review(app) {
        let admin = app.admin().await;
        let moderator = app.member_with_role("Teo Moderatore", "MODERATOR").await;
        let asker = app.register("Alba Chiede").await;
        let author = app.register("Ugo Risponde").await;
        let other = app.register("Olga Altra").await;
        let (anna, bruno) = (app.register("Anna Citata").await, app.register("Bruno Citato").await);
        let (a, b) = (app.handle(&anna).await, app.handle(&bruno).await);
        watch(&app, &admin).await;
        let thread = app.ask(&asker, "appalti-contratti", "Domanda sulle procedure", "Testo").await;
        let post = app.reply(&author, &thread, &format!("Risposta con zibaldone per @{a}")).await;
        assert_eq!(inbox(&app, &anna).await, [("MENTION".to_owned(), post.clone())]);
        assert_eq!(inbox(&app, &asker).await, [("REPLY".to_owned(), post.clone())]);
        let told = app.count("notifications").await;

        // Somebody else may not edit it: refused, nothing held or queued.
        let held_text = format!("Risposta con zibaldone per @{a} e @{b}: gara truccata");
        assert_eq!(app.err(Some(&other.token), EDIT, json!({ "p": post, "b": held_text })).await, "FORBIDDEN");
        assert_eq!(app.ok(None, POST, json!({ "p": post })).await["post"]["moderationStatus"], "VISIBLE");
        assert!(queue(&app, &moderator).await.is_empty());

        // Its author brings in a word that holds new posts: it is held again, as if new.
        let edited = app.ok(Some(&author.token), EDIT, json!({ "p": post, "b": held_text })).await;
        assert_eq!(edited["editPost"]["moderationStatus"], "PENDING");
        assert!(app.ok(Some(&other.token), POST, json!({ "p": post })).await["post"].is_null());
        assert!(app.ok(None, POST, json!({ "p": post })).await["post"].is_null());
        assert_eq!(app.ok(Some(&author.token), POST, json!({ "p": post })).await["post"]["body"], held_text.as_str());
        assert_eq!(app.ok(None, THREAD, json!({ "t": thread })).await["thread"]["postCount"], 1);
        assert!(!search_finds(&app, "zibaldone").await);
        let items = queue(&app, &moderator).await;
        assert_eq!(items.len(), 1, "{items:?}");
        assert_eq!((items[0].1.as_str(), &items[0].2, items[0].3.as_str()), ("POST", &json!(["gara trucc*"]), post.as_str()));
        assert_eq!(app.count("notifications").await, told, "the new mention waits with the post");

        // Only a moderator approves it; approving tells nobody a second time, only the
        // member the held edit newly named.
        assert_eq!(app.err(Some(&other.token), RESOLVE, json!({ "i": items[0].0, "a": "APPROVE" })).await, "FORBIDDEN");
        assert!(app.ok(None, POST, json!({ "p": post })).await["post"].is_null());
        app.ok(Some(&moderator.token), RESOLVE, json!({ "i": items[0].0, "a": "APPROVE" })).await;
        assert_eq!(app.ok(None, POST, json!({ "p": post })).await["post"]["moderationStatus"], "VISIBLE");
        assert_eq!(app.ok(None, THREAD, json!({ "t": thread })).await["thread"]["postCount"], 2);
        assert!(search_finds(&app, "zibaldone").await);
        assert_eq!(inbox(&app, &anna).await, [("MENTION".to_owned(), post.clone())]);
        assert_eq!(inbox(&app, &asker).await, [("REPLY".to_owned(), post.clone())]);
        assert_eq!(inbox(&app, &bruno).await, [("MENTION".to_owned(), post.clone())]);
        assert_eq!(app.count("notifications").await, told + 1);

        // A word it had when approved does not send it back.
        let again = app.ok(Some(&author.token), EDIT, json!({ "p": post, "b": format!("{held_text}!") })).await;
        assert_eq!(again["editPost"]["moderationStatus"], "VISIBLE");
        assert!(queue(&app, &moderator).await.is_empty());

        // Held again, rejected, then restored: published before, so restoring tells nobody.
        let piloted = app.ok(Some(&author.token), EDIT, json!({ "p": post, "b": format!("{held_text} Appalto pilotato") })).await;
        assert_eq!(piloted["editPost"]["moderationStatus"], "PENDING");
        let items = queue(&app, &moderator).await;
        let reject = "mutation($i: ID!) { resolveReviewItem(id: $i, action: REJECT, reason: \"Da riformulare\") { resolution } }";
        app.ok(Some(&moderator.token), reject, json!({ "i": items[0].0 })).await;
        assert_eq!(app.ok(None, THREAD, json!({ "t": thread })).await["thread"]["postCount"], 1);
        let restore = "mutation($p: ID!) { restorePost(id: $p, reason: \"Va bene così\") { moderationStatus } }";
        assert_eq!(app.err(Some(&author.token), restore, json!({ "p": post })).await, "FORBIDDEN");
        assert_eq!(app.ok(Some(&moderator.token), restore, json!({ "p": post })).await["restorePost"]["moderationStatus"], "VISIBLE");
        assert_eq!(app.ok(None, THREAD, json!({ "t": thread })).await["thread"]["postCount"], 2);
        assert_eq!(app.count("notifications").await, told + 1);
    }

    async fn an_edit_that_brings_in_a_held_word_sends_the_thread_back_to_review(app) {
        let admin = app.admin().await;
        let moderator = app.member_with_role("Mina Moderatrice", "MODERATOR").await;
        let asker = app.register("Carlo Chiede").await;
        let replier = app.register("Rita Risponde").await;
        let watcher = app.register("Walter Osserva").await;
        let level = "mutation($s: String!) { setCommunityNotificationLevel(slug: $s, level: WATCHING) { slug } }";
        app.ok(Some(&watcher.token), level, json!({ "s": "appalti-contratti" })).await;
        watch(&app, &admin).await;
        let thread = app.ask(&asker, "appalti-contratti", "Domanda con zibaldone nel titolo", "Testo iniziale").await;
        app.reply(&replier, &thread, "Risposta con palinsesto").await;
        let first = app.ok(None, "query($t: ID!) { thread(id: $t) { firstPost { id } } }", json!({ "t": thread })).await["thread"]["firstPost"]["id"].as_str().unwrap().to_owned();
        assert_eq!(inbox(&app, &watcher).await, [("NEW_THREAD".to_owned(), first.clone())]);
        let told = app.count("notifications").await;

        let edited = app.ok(Some(&asker.token), EDIT, json!({ "p": first, "b": "Testo iniziale: gara truccata?" })).await;
        assert_eq!(edited["editPost"]["moderationStatus"], "PENDING");
        // The whole thread is out of sight, feeds and search, as a thread held when opened.
        assert!(app.ok(None, THREAD, json!({ "t": thread })).await["thread"].is_null());
        assert!(app.ok(Some(&watcher.token), THREAD, json!({ "t": thread })).await["thread"].is_null());
        assert_eq!(app.ok(Some(&asker.token), THREAD, json!({ "t": thread })).await["thread"]["isPending"], true);
        assert!(!listed(&app, &thread).await);
        assert!(!search_finds(&app, "zibaldone").await);
        assert!(!search_finds(&app, "palinsesto").await, "its replies leave search with it");
        let items = queue(&app, &moderator).await;
        assert_eq!(items.len(), 1, "{items:?}");
        assert_eq!((items[0].1.as_str(), items[0].3.as_str()), ("POST", first.as_str()));
        // Nobody but a moderator releases it.
        assert_eq!(app.err(Some(&asker.token), RESOLVE, json!({ "i": items[0].0, "a": "APPROVE" })).await, "FORBIDDEN");
        assert!(!listed(&app, &thread).await);

        app.ok(Some(&moderator.token), RESOLVE, json!({ "i": items[0].0, "a": "APPROVE" })).await;
        let back = app.ok(None, THREAD, json!({ "t": thread })).await;
        assert_eq!(back["thread"], json!({ "postCount": 2, "isPending": false }));
        assert!(listed(&app, &thread).await);
        assert!(search_finds(&app, "zibaldone").await);
        assert!(search_finds(&app, "palinsesto").await);
        assert_eq!(app.count("notifications").await, told, "the community is not told of it again");
        assert_eq!(inbox(&app, &watcher).await, [("NEW_THREAD".to_owned(), first.clone())]);
    }

    async fn editing_a_held_post_refreshes_the_words_its_review_shows(app) {
        let admin = app.admin().await;
        let moderator = app.member_with_role("Rita Moderatrice", "MODERATOR").await;
        let author = app.register("Sara Scrive").await;
        let other = app.register("Tino Legge").await;
        watch(&app, &admin).await;
        let thread = app.ask(&other, "appalti-contratti", "Domanda sulle offerte", "Testo").await;
        let reply = json!({ "i": { "threadId": thread, "body": "Una gara truccata, forse" } });
        let held = app.ok(Some(&author.token), REPLY, reply).await;
        assert_eq!(held["createPost"]["moderationStatus"], "PENDING");
        let post = held["createPost"]["id"].as_str().unwrap().to_owned();
        let items = queue(&app, &moderator).await;
        assert_eq!((items[0].1.as_str(), &items[0].2), ("POST", &json!(["gara trucc*"])));

        // Somebody else's edit is refused and changes nothing.
        assert_eq!(app.err(Some(&other.token), EDIT, json!({ "p": post, "b": "urgentissimo" })).await, "FORBIDDEN");
        assert_eq!(queue(&app, &moderator).await, items);
        // The author's edits: the item shows the words of the text as it now is.
        let edited = app.ok(Some(&author.token), EDIT, json!({ "p": post, "b": "Gara truccata? Urgentissimo" })).await;
        assert_eq!(edited["editPost"]["moderationStatus"], "PENDING");
        let now = queue(&app, &moderator).await;
        assert_eq!(now.len(), 1, "{now:?}");
        assert_eq!((&now[0].0, &now[0].2), (&items[0].0, &json!(["gara trucc*", "urgentissimo"])));
        app.ok(Some(&author.token), EDIT, json!({ "p": post, "b": "Una gara regolare" })).await;
        let now = queue(&app, &moderator).await;
        assert_eq!((&now[0].0, &now[0].2, now.len()), (&items[0].0, &json!([]), 1), "still held, for the moderator to decide");
    }

    async fn an_edit_that_brings_in_a_flagged_word_flags_the_post(app) {
        let admin = app.admin().await;
        let moderator = app.member_with_role("Pia Moderatrice", "MODERATOR").await;
        let author = app.register("Fabio Scrive").await;
        let other = app.register("Gina Legge").await;
        watch(&app, &admin).await;
        let thread = app.ask(&author, "appalti-contratti", "Domanda da segnalare", "Testo").await;
        let post = app.reply(&author, &thread, "Risposta tranquilla").await;

        assert_eq!(app.err(Some(&other.token), EDIT, json!({ "p": post, "b": "urgentissimo" })).await, "FORBIDDEN");
        assert!(queue(&app, &moderator).await.is_empty());
        let edited = app.ok(Some(&author.token), EDIT, json!({ "p": post, "b": "Risposta urgentissimo" })).await;
        assert_eq!(edited["editPost"]["moderationStatus"], "VISIBLE", "flagged, still published");
        let items = queue(&app, &moderator).await;
        assert_eq!(items.len(), 1, "{items:?}");
        assert_eq!((items[0].1.as_str(), &items[0].2, items[0].3.as_str()), ("REPORT", &json!(["urgentissimo"]), post.as_str()));
        assert_eq!(app.err(Some(&other.token), RESOLVE, json!({ "i": items[0].0, "a": "DISMISS" })).await, "FORBIDDEN");
        app.ok(Some(&moderator.token), RESOLVE, json!({ "i": items[0].0, "a": "DISMISS" })).await;
        // Looked at once: later edits keeping the word do not flag it again.
        app.ok(Some(&author.token), EDIT, json!({ "p": post, "b": "Risposta urgentissimo, grazie" })).await;
        assert!(queue(&app, &moderator).await.is_empty());

        // Moderators are not exempt when writing, nor when editing.
        let edited = app.ok(Some(&moderator.token), EDIT, json!({ "p": post, "b": "Gara truccata, urgentissimo" })).await;
        assert_eq!(edited["editPost"]["moderationStatus"], "PENDING");
    }
}
