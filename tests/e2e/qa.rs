//! Questions that get answered: accepted and official answers (who may, and the order of
//! replies), votes (own posts, double votes, range, concurrency), the unanswered count,
//! and bookmarks (private to their owner). Notifications and follow levels are in
//! `notifications.rs`.

use piazza_e2e::{Member, TestApp};
use serde_json::{Value, json};

const ACCEPT: &str = "mutation($p: ID!) { acceptAnswer(postId: $p) { id isAnswered acceptedAnswer { id isAccepted } } }";
const OFFICIAL: &str =
    "mutation($p: ID!) { markOfficialAnswer(postId: $p) { id isOfficial isAccepted } }";
const VOTE: &str =
    "mutation($p: ID!, $v: Int!) { vote(postId: $p, value: $v) { id score viewerVote } }";
const THREAD: &str = "query($t: ID!, $o: PostSort) { thread(id: $t) { isAnswered score acceptedAnswer { id } officialAnswer { id isOfficial } posts(sort: $o) { edges { node { id score isAccepted isOfficial } } } } }";
const BOOKMARK: &str = "mutation($t: ID, $p: ID) { bookmark(threadId: $t, postId: $p) { id thread { id } post { id } } }";
const UNBOOKMARK: &str = "mutation($t: ID, $p: ID) { removeBookmark(threadId: $t, postId: $p) }";
const MY_BOOKMARKS: &str = "query($n: Int, $a: String) { myBookmarks(first: $n, after: $a) { edges { node { id thread { id } post { id } } } pageInfo { hasNextPage endCursor } } }";

/// The thread's replies in the given order, as ids.
async fn reply_order(app: &TestApp, thread: &str, sort: &str) -> Vec<String> {
    let data = app
        .ok(None, THREAD, json!({ "t": thread, "o": sort }))
        .await;
    data["thread"]["posts"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["node"]["id"].as_str().unwrap().to_owned())
        .collect()
}

async fn first_post(app: &TestApp, thread: &str) -> String {
    let data = app
        .ok(
            None,
            "query($t: ID!) { thread(id: $t) { firstPost { id } } }",
            json!({ "t": thread }),
        )
        .await;
    data["thread"]["firstPost"]["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

async fn thread(app: &TestApp, thread: &str) -> Value {
    app.ok(None, THREAD, json!({ "t": thread })).await["thread"].clone()
}

async fn unanswered(app: &TestApp, slug: &str) -> i64 {
    let q = "query($s: String!) { community(slug: $s) { unansweredCount } }";
    app.ok(None, q, json!({ "s": slug })).await["community"]["unansweredCount"]
        .as_i64()
        .unwrap()
}

/// A question by a new member with three replies by another; returns `(asker, helper,
/// thread, [reply ids])`.
async fn question_with_replies(app: &TestApp, slug: &str) -> (Member, Member, String, Vec<String>) {
    let asker = app.register("Rita Domande").await;
    let helper = app.register("Sara Risposte").await;
    let t = app
        .ask(
            &asker,
            slug,
            "Incentivi tecnici e regolamento",
            "Serve un regolamento?",
        )
        .await;
    let mut replies = Vec::new();
    for body in ["Prima risposta", "Seconda risposta", "Terza risposta"] {
        replies.push(app.reply(&helper, &t, body).await);
    }
    (asker, helper, t, replies)
}

both_backends! {
    async fn the_asker_accepts_one_answer_at_a_time_and_it_comes_first(app) {
        let (asker, helper, t, r) = question_with_replies(&app, "appalti-contratti").await;
        assert_eq!(unanswered(&app, "appalti-contratti").await, 1);
        let data = app.ok(Some(&asker.token), ACCEPT, json!({ "p": r[1] })).await;
        assert_eq!(data["acceptAnswer"]["isAnswered"], true);
        assert_eq!(data["acceptAnswer"]["acceptedAnswer"], json!({ "id": r[1], "isAccepted": true }));
        assert_eq!(reply_order(&app, &t, "OLDEST").await, [r[1].clone(), r[0].clone(), r[2].clone()]);
        assert_eq!(unanswered(&app, "appalti-contratti").await, 0);
        let filter = "query($s: String!) { community(slug: $s) { threads(filter: { unanswered: true }) { edges { node { id } } } } }";
        assert_eq!(app.ok(None, filter, json!({ "s": "appalti-contratti" })).await["community"]["threads"]["edges"], json!([]));

        // Changing it moves the mark: still one accepted answer.
        app.ok(Some(&asker.token), ACCEPT, json!({ "p": r[2] })).await;
        let th = thread(&app, &t).await;
        assert_eq!(th["acceptedAnswer"]["id"], r[2]);
        let accepted: Vec<&Value> = th["posts"]["edges"].as_array().unwrap().iter().filter(|e| e["node"]["isAccepted"] == true).collect();
        assert_eq!(accepted.len(), 1);
        assert_eq!(reply_order(&app, &t, "OLDEST").await, [r[2].clone(), r[0].clone(), r[1].clone()]);
        // Accepting the same answer again changes nothing.
        let events = app.count("events").await;
        app.ok(Some(&asker.token), ACCEPT, json!({ "p": r[2] })).await;
        assert_eq!(app.count("events").await, events);

        // A deleted answer answers nothing.
        app.ok(Some(&helper.token), "mutation($p: ID!) { deletePost(id: $p) { id } }", json!({ "p": r[2] })).await;
        assert_eq!(thread(&app, &t).await["acceptedAnswer"], Value::Null);
        assert_eq!(unanswered(&app, "appalti-contratti").await, 1);
    }

    async fn only_the_asker_experts_and_moderators_may_accept(app) {
        let (asker, helper, t, r) = question_with_replies(&app, "bilancio-tributi").await;
        let other = app.register("Tina Estranea").await;
        let q_post = first_post(&app, &t).await;
        let before = (app.count("events").await, app.count("notifications").await);
        assert_eq!(app.err(None, ACCEPT, json!({ "p": r[0] })).await, "UNAUTHENTICATED");
        // Neither a bystander nor the answer's own author.
        for m in [&other, &helper] {
            assert_eq!(app.err(Some(&m.token), ACCEPT, json!({ "p": r[0] })).await, "FORBIDDEN");
        }
        // A moderator of another community is a bystander here.
        let admin = app.admin().await;
        let elsewhere = app.register("Ugo Altrove").await;
        app.ok(Some(&admin.token), "mutation($s: String!, $u: ID!) { setCommunityModerator(slug: $s, userId: $u, moderator: true) { id } }",
               json!({ "s": "appalti-contratti", "u": elsewhere.id })).await;
        assert_eq!(app.err(Some(&elsewhere.token), ACCEPT, json!({ "p": r[0] })).await, "FORBIDDEN");
        // The question itself is not an answer; unknown posts are not found.
        assert_eq!(app.err(Some(&asker.token), ACCEPT, json!({ "p": q_post })).await, "BAD_USER_INPUT");
        assert_eq!(app.err(Some(&asker.token), ACCEPT, json!({ "p": "987654" })).await, "NOT_FOUND");
        assert_eq!(thread(&app, &t).await["acceptedAnswer"], Value::Null);
        assert_eq!(before, (app.count("events").await, app.count("notifications").await), "refusals changed nothing");

        // Experts, the community's moderators, global moderators and admins may.
        let expert = app.member_with_role("Vera Esperta", "EXPERT").await;
        let global = app.member_with_role("Walter Moderatore", "MODERATOR").await;
        let local = app.register("Zeno Locale").await;
        app.ok(Some(&admin.token), "mutation($s: String!, $u: ID!) { setCommunityModerator(slug: $s, userId: $u, moderator: true) { id } }",
               json!({ "s": "bilancio-tributi", "u": local.id })).await;
        for (m, reply) in [(&expert, &r[0]), (&local, &r[1]), (&global, &r[2]), (&admin, &r[0])] {
            let data = app.ok(Some(&m.token), ACCEPT, json!({ "p": reply })).await;
            assert_eq!(data["acceptAnswer"]["acceptedAnswer"]["id"], *reply);
        }

        // Discussions have no accepted answer.
        let d = app.open_thread(&asker, "bilancio-tributi", "DISCUSSION", "Discussione sul nuovo bilancio", "x", &[]).await;
        let d_reply = app.reply(&helper, &d, "Un commento").await;
        assert_eq!(app.err(Some(&asker.token), ACCEPT, json!({ "p": d_reply })).await, "BAD_USER_INPUT");
    }

    async fn official_answers_come_from_experts_moderators_and_admins(app) {
        let (asker, helper, t, r) = question_with_replies(&app, "personale-organizzazione").await;
        let before = (app.count("events").await, app.count("notifications").await);
        assert_eq!(app.err(None, OFFICIAL, json!({ "p": r[0] })).await, "UNAUTHENTICATED");
        // Not the asker, not the answer's author, not a member.
        for m in [&asker, &helper] {
            assert_eq!(app.err(Some(&m.token), OFFICIAL, json!({ "p": r[0] })).await, "FORBIDDEN");
        }
        assert_eq!(thread(&app, &t).await["officialAnswer"], Value::Null);
        assert_eq!(before, (app.count("events").await, app.count("notifications").await), "refusals changed nothing");

        let expert = app.member_with_role("Anita Esperta", "EXPERT").await;
        let data = app.ok(Some(&expert.token), OFFICIAL, json!({ "p": r[2] })).await;
        assert_eq!(data["markOfficialAnswer"], json!({ "id": r[2], "isOfficial": true, "isAccepted": false }));
        let th = thread(&app, &t).await;
        assert_eq!((th["isAnswered"].as_bool(), th["officialAnswer"]["id"].as_str()), (Some(true), Some(r[2].as_str())));
        assert_eq!(reply_order(&app, &t, "OLDEST").await, [r[2].clone(), r[0].clone(), r[1].clone()]);

        // Acceptance is separate: both coexist, the accepted answer first, then the official one.
        app.ok(Some(&asker.token), ACCEPT, json!({ "p": r[1] })).await;
        assert_eq!(reply_order(&app, &t, "OLDEST").await, [r[1].clone(), r[2].clone(), r[0].clone()]);
        let th = thread(&app, &t).await;
        assert_eq!((th["acceptedAnswer"]["id"].as_str(), th["officialAnswer"]["id"].as_str()), (Some(r[1].as_str()), Some(r[2].as_str())));

        // Moving the official answer leaves one official post.
        let admin = app.admin().await;
        app.ok(Some(&admin.token), OFFICIAL, json!({ "p": r[0] })).await;
        let flags: Vec<(String, bool)> = thread(&app, &t).await["posts"]["edges"].as_array().unwrap().iter()
            .map(|e| (e["node"]["id"].as_str().unwrap().to_owned(), e["node"]["isOfficial"].as_bool().unwrap())).collect();
        assert_eq!(flags, [(r[1].clone(), false), (r[0].clone(), true), (r[2].clone(), false)]);
        // The same post can be both.
        let moderator = app.member_with_role("Bruno Moderatore", "MODERATOR").await;
        app.ok(Some(&moderator.token), OFFICIAL, json!({ "p": r[1] })).await;
        let data = app.ok(None, "query($p: ID!) { post(id: $p) { isOfficial isAccepted } }", json!({ "p": r[1] })).await;
        assert_eq!(data["post"], json!({ "isOfficial": true, "isAccepted": true }));
    }

    async fn votes_are_one_per_member_and_never_on_own_posts(app) {
        let (asker, helper, t, r) = question_with_replies(&app, "transizione-digitale").await;
        let voter = app.register("Carlo Votante").await;
        assert_eq!(app.ok(Some(&voter.token), VOTE, json!({ "p": r[0], "v": 1 })).await["vote"], json!({ "id": r[0], "score": 1, "viewerVote": 1 }));
        // Voting again is the same one vote.
        assert_eq!(app.ok(Some(&voter.token), VOTE, json!({ "p": r[0], "v": 1 })).await["vote"]["score"], 1);
        assert_eq!(app.count("post_votes").await, 1);
        assert_eq!(app.ok(Some(&asker.token), VOTE, json!({ "p": r[0], "v": 1 })).await["vote"]["score"], 2);
        assert_eq!(app.ok(Some(&voter.token), VOTE, json!({ "p": r[0], "v": -1 })).await["vote"], json!({ "id": r[0], "score": 0, "viewerVote": -1 }));
        assert_eq!(app.ok(Some(&voter.token), VOTE, json!({ "p": r[0], "v": 0 })).await["vote"], json!({ "id": r[0], "score": 1, "viewerVote": 0 }));
        assert_eq!(app.count("post_votes").await, 1, "a withdrawn vote is removed");

        let votes = app.count("post_votes").await;
        assert_eq!(app.err(Some(&helper.token), VOTE, json!({ "p": r[0], "v": 1 })).await, "FORBIDDEN", "own post");
        for v in [2, -2, 100] {
            assert_eq!(app.err(Some(&voter.token), VOTE, json!({ "p": r[1], "v": v })).await, "BAD_USER_INPUT");
        }
        assert_eq!(app.err(None, VOTE, json!({ "p": r[1], "v": 1 })).await, "UNAUTHENTICATED");
        assert_eq!(app.err(Some(&voter.token), VOTE, json!({ "p": "987654", "v": 1 })).await, "NOT_FOUND");
        assert_eq!(app.count("post_votes").await, votes, "refusals changed nothing");
        assert_eq!(thread(&app, &t).await["posts"]["edges"][1]["node"]["score"], 0);

        // Replies sort by score (after the accepted and official answers).
        app.ok(Some(&voter.token), VOTE, json!({ "p": r[2], "v": 1 })).await;
        app.ok(Some(&asker.token), VOTE, json!({ "p": r[2], "v": 1 })).await;
        app.ok(Some(&voter.token), VOTE, json!({ "p": r[1], "v": -1 })).await;
        assert_eq!(reply_order(&app, &t, "SCORE").await, [r[2].clone(), r[0].clone(), r[1].clone()]);
        app.ok(Some(&asker.token), ACCEPT, json!({ "p": r[1] })).await;
        assert_eq!(reply_order(&app, &t, "SCORE").await, [r[1].clone(), r[2].clone(), r[0].clone()]);

        // The question's score is the thread's, which the TOP order uses.
        let q = first_post(&app, &t).await;
        app.ok(Some(&voter.token), VOTE, json!({ "p": q, "v": 1 })).await;
        app.ok(Some(&helper.token), VOTE, json!({ "p": q, "v": 1 })).await;
        assert_eq!(thread(&app, &t).await["score"], 2);
        let other = app.ask(&voter, "transizione-digitale", "Domanda senza voti sul PagoPA", "x").await;
        let top = "query { community(slug: \"transizione-digitale\") { threads(sort: TOP) { edges { node { id score } } } } }";
        let edges = app.ok(None, top, json!({})).await["community"]["threads"]["edges"].clone();
        assert_eq!(edges, json!([{ "node": { "id": t, "score": 2 } }, { "node": { "id": other, "score": 0 } }]));
    }

    async fn concurrent_votes_keep_the_score_exact(app) {
        let (_, _, t, r) = question_with_replies(&app, "appalti-contratti").await;
        let q = first_post(&app, &t).await;
        let mut voters = Vec::new();
        for i in 0..10 {
            voters.push(app.register(&format!("Votante Numero{i}")).await);
        }
        // Each member votes on the answer and on the question at once, twice over (the
        // repeat must not count), seven up and three down.
        let mut tasks = Vec::new();
        for (i, v) in voters.iter().enumerate() {
            let value = if i < 7 { 1 } else { -1 };
            for post in [&r[0], &q, &r[0], &q] {
                let (url, token, post) = (app.url.clone(), v.token.clone(), post.clone());
                tasks.push(tokio::spawn(async move {
                    let resp: Value = reqwest::Client::new()
                        .post(format!("{url}/graphql"))
                        .bearer_auth(token)
                        .json(&json!({ "query": VOTE, "variables": { "p": post, "v": value } }))
                        .send().await.expect("sent").json().await.expect("json");
                    assert!(resp.get("errors").is_none(), "{resp}");
                }));
            }
        }
        for task in tasks {
            task.await.expect("vote task");
        }
        let th = thread(&app, &t).await;
        assert_eq!(th["score"], 4, "thread score = question score");
        assert_eq!(th["posts"]["edges"][0]["node"]["score"], 4);
        assert_eq!(app.count("post_votes").await, 20);
    }

    async fn bookmarks_are_saved_listed_and_private(app) {
        let (asker, helper, t, r) = question_with_replies(&app, "bilancio-tributi").await;
        let t2 = app.ask(&asker, "bilancio-tributi", "Seconda domanda da salvare", "x").await;
        let b1 = app.ok(Some(&helper.token), BOOKMARK, json!({ "t": t })).await["bookmark"].clone();
        assert_eq!((b1["thread"]["id"].as_str(), b1["post"].is_null()), (Some(t.as_str()), true));
        let b2 = app.ok(Some(&helper.token), BOOKMARK, json!({ "p": r[1] })).await["bookmark"].clone();
        assert_eq!((b2["thread"]["id"].as_str(), b2["post"]["id"].as_str()), (Some(t.as_str()), Some(r[1].as_str())));
        app.ok(Some(&helper.token), BOOKMARK, json!({ "t": t2 })).await;
        // Saving again keeps the first bookmark.
        let again = app.ok(Some(&helper.token), BOOKMARK, json!({ "t": t })).await["bookmark"].clone();
        assert_eq!(again["id"], b1["id"]);
        assert_eq!(app.count("bookmarks").await, 3);

        let page = app.ok(Some(&helper.token), MY_BOOKMARKS, json!({ "n": 2 })).await["myBookmarks"].clone();
        let ids: Vec<&str> = page["edges"].as_array().unwrap().iter().map(|e| e["node"]["thread"]["id"].as_str().unwrap()).collect();
        assert_eq!(ids, [t2.as_str(), t.as_str()], "newest first");
        assert_eq!(page["pageInfo"]["hasNextPage"], true);
        let rest = app.ok(Some(&helper.token), MY_BOOKMARKS, json!({ "n": 2, "a": page["pageInfo"]["endCursor"] })).await["myBookmarks"].clone();
        assert_eq!(rest["edges"], json!([{ "node": b1 }]));

        let flags = "query($t: ID!, $p: ID!) { thread(id: $t) { viewerHasBookmarked } post(id: $p) { viewerHasBookmarked } }";
        let vars = json!({ "t": t, "p": r[1] });
        assert_eq!(app.ok(Some(&helper.token), flags, vars.clone()).await, json!({ "thread": { "viewerHasBookmarked": true }, "post": { "viewerHasBookmarked": true } }));
        assert_eq!(app.ok(Some(&asker.token), flags, vars.clone()).await, json!({ "thread": { "viewerHasBookmarked": false }, "post": { "viewerHasBookmarked": false } }));
        assert_eq!(app.ok(None, flags, vars.clone()).await["thread"]["viewerHasBookmarked"], false);

        // Someone else's bookmarks are neither visible nor removable.
        assert_eq!(app.ok(Some(&asker.token), MY_BOOKMARKS, json!({})).await["myBookmarks"]["edges"], json!([]));
        assert_eq!(app.ok(Some(&asker.token), UNBOOKMARK, json!({ "t": t })).await["removeBookmark"], false);
        assert_eq!(app.err(None, MY_BOOKMARKS, json!({})).await, "UNAUTHENTICATED");
        assert_eq!(app.err(None, BOOKMARK, json!({ "t": t })).await, "UNAUTHENTICATED");
        assert_eq!(app.err(None, UNBOOKMARK, json!({ "t": t })).await, "UNAUTHENTICATED");
        assert_eq!(app.err(Some(&asker.token), BOOKMARK, json!({})).await, "BAD_USER_INPUT");
        assert_eq!(app.err(Some(&asker.token), BOOKMARK, json!({ "t": t2, "p": r[0] })).await, "BAD_USER_INPUT");
        assert_eq!(app.err(Some(&asker.token), BOOKMARK, json!({ "t": "987654" })).await, "NOT_FOUND");
        assert_eq!(app.count("bookmarks").await, 3, "refusals changed nothing");

        // The owner removes them: the post's bookmark, not the thread's.
        assert_eq!(app.ok(Some(&helper.token), UNBOOKMARK, json!({ "p": r[1] })).await["removeBookmark"], true);
        assert_eq!(app.ok(Some(&helper.token), UNBOOKMARK, json!({ "p": r[1] })).await["removeBookmark"], false);
        assert_eq!(app.ok(Some(&helper.token), flags, vars).await["thread"]["viewerHasBookmarked"], true);
        assert_eq!(app.count("bookmarks").await, 2);
    }
}
