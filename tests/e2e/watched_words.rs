//! Watched words (admins): blocked, held for approval, or flagged to moderators.

use serde_json::json;

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
