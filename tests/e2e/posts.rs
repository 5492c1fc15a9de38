//! Replies, edits with revisions, soft deletion, moderators' powers, and the XSS corpus
//! through the real create-post path.

use serde_json::{Value, json};

const EDIT: &str = "mutation($id: ID!, $b: String!) { editPost(id: $id, body: $b) { body bodyHtml editedAt revisions { version body editor { displayName } } } }";
const DELETE: &str = "mutation($id: ID!) { deletePost(id: $id) { isDeleted body } }";
const POST: &str = "query($id: ID!) { post(id: $id) { body bodyHtml isDeleted viewerCanEdit revisions { version } thread { postCount } } }";
const REPLIES: &str = "query($id: ID!, $n: Int, $a: String) { thread(id: $id) { postCount replyCount firstPost { body } posts(first: $n, after: $a) { edges { node { id body author { displayName } } } pageInfo { hasNextPage endCursor } } } }";

both_backends! {
    async fn members_reply_and_read_replies_in_order(app) {
        let asker = app.register("Gianni Porta").await;
        let helper = app.register("Ilaria Sole").await;
        let t = app.ask(&asker, "personale-organizzazione", "Capacità assunzionale 2026", "Come si calcola?").await;
        for i in 0..5 {
            app.reply(&helper, &t, &format!("Risposta {i}")).await;
        }
        let data = app.ok(None, REPLIES, json!({ "id": t, "n": 3 })).await;
        assert_eq!(data["thread"]["postCount"], 6);
        assert_eq!(data["thread"]["replyCount"], 5);
        assert_eq!(data["thread"]["firstPost"]["body"], "Come si calcola?");
        let edges = data["thread"]["posts"]["edges"].as_array().unwrap();
        let bodies: Vec<&str> = edges.iter().map(|e| e["node"]["body"].as_str().unwrap()).collect();
        assert_eq!(bodies, ["Risposta 0", "Risposta 1", "Risposta 2"]);
        let next = app.ok(None, REPLIES, json!({ "id": t, "n": 3, "a": data["thread"]["posts"]["pageInfo"]["endCursor"] })).await;
        let bodies: Vec<&str> = next["thread"]["posts"]["edges"].as_array().unwrap().iter().map(|e| e["node"]["body"].as_str().unwrap()).collect();
        assert_eq!(bodies, ["Risposta 3", "Risposta 4"]);
        assert_eq!(next["thread"]["posts"]["pageInfo"]["hasNextPage"], false);
        let q = "mutation($i: CreatePostInput!) { createPost(input: $i) { id } }";
        assert_eq!(app.err(None, q, json!({ "i": { "threadId": t, "body": "x" } })).await, "UNAUTHENTICATED");
        assert_eq!(app.err(Some(&helper.token), q, json!({ "i": { "threadId": t, "body": " " } })).await, "BAD_USER_INPUT");
        assert_eq!(app.err(Some(&helper.token), q, json!({ "i": { "threadId": "424242", "body": "x" } })).await, "NOT_FOUND");
        assert_eq!(app.count("posts").await, 6);
    }

    async fn authors_edit_and_every_edit_is_kept(app) {
        let a = app.register("Luca Ferri").await;
        let t = app.ask(&a, "bilancio-tributi", "Rendiconto e avanzo vincolato", "Prima versione").await;
        let post_id = app.ok(None, "query($id: ID!) { thread(id: $id) { firstPost { id } } }", json!({ "id": t })).await["thread"]["firstPost"]["id"].clone();
        let data = app.ok(Some(&a.token), EDIT, json!({ "id": post_id, "b": "Seconda *versione*" })).await;
        let edited = &data["editPost"];
        assert_eq!(edited["bodyHtml"], "<p>Seconda <em>versione</em></p>\n");
        assert!(edited["editedAt"].is_string());
        app.ok(Some(&a.token), EDIT, json!({ "id": post_id, "b": "Terza versione" })).await;
        let post = app.ok(None, "query($id: ID!) { post(id: $id) { revisions { version body editor { displayName } } } }", json!({ "id": post_id })).await;
        assert_eq!(post["post"]["revisions"], json!([
            { "version": 1, "body": "Prima versione", "editor": { "displayName": "Luca Ferri" } },
            { "version": 2, "body": "Seconda *versione*", "editor": { "displayName": "Luca Ferri" } },
            { "version": 3, "body": "Terza versione", "editor": { "displayName": "Luca Ferri" } },
        ]));
    }

    async fn others_cannot_edit_or_delete(app) {
        let author = app.register("Marta Riva").await;
        let other = app.register("Nino Riva").await;
        let expert = app.member_with_role("Olga Esperta", "EXPERT").await;
        let t = app.ask(&author, "appalti-contratti", "Soglie di rilevanza europea", "Testo originale").await;
        let p = app.reply(&author, &t, "La mia risposta").await;
        for token in [&other.token, &expert.token] {
            assert_eq!(app.err(Some(token), EDIT, json!({ "id": p, "b": "vandalismo" })).await, "FORBIDDEN");
            assert_eq!(app.err(Some(token), DELETE, json!({ "id": p })).await, "FORBIDDEN");
        }
        assert_eq!(app.err(None, EDIT, json!({ "id": p, "b": "x" })).await, "UNAUTHENTICATED");
        assert_eq!(app.err(None, DELETE, json!({ "id": p })).await, "UNAUTHENTICATED");
        let post = app.ok(Some(&other.token), POST, json!({ "id": p })).await;
        assert_eq!(post["post"]["body"], "La mia risposta");
        assert_eq!(post["post"]["isDeleted"], false);
        assert_eq!(post["post"]["viewerCanEdit"], false);
        assert_eq!(post["post"]["revisions"].as_array().unwrap().len(), 1);
        assert_eq!(app.count("post_revisions").await, 2);
        assert_eq!(app.ok(Some(&author.token), POST, json!({ "id": p })).await["post"]["viewerCanEdit"], true);
        assert_eq!(app.err(Some(&author.token), EDIT, json!({ "id": "99999", "b": "x" })).await, "NOT_FOUND");
    }

    async fn deleting_hides_the_text_but_keeps_the_place(app) {
        let author = app.register("Paola Monti").await;
        let reader = app.register("Quirino Valle").await;
        let t = app.ask(&author, "pnrr-fondi-europei", "Rendicontazione su ReGiS", "Domanda").await;
        let p = app.reply(&author, &t, "Testo da eliminare").await;
        let data = app.ok(Some(&author.token), DELETE, json!({ "id": p })).await;
        // The author still sees their own deleted text.
        assert_eq!(data["deletePost"], json!({ "isDeleted": true, "body": "Testo da eliminare" }));
        let seen = app.ok(Some(&reader.token), POST, json!({ "id": p })).await;
        assert_eq!(seen["post"]["body"], "");
        assert_eq!(seen["post"]["bodyHtml"], "");
        assert_eq!(seen["post"]["revisions"], json!([]));
        assert_eq!(seen["post"]["thread"]["postCount"], 1);
        // Deleting again changes nothing; a deleted post cannot be edited.
        app.ok(Some(&author.token), DELETE, json!({ "id": p })).await;
        assert_eq!(app.ok(None, POST, json!({ "id": p })).await["post"]["thread"]["postCount"], 1);
        assert_eq!(app.err(Some(&author.token), EDIT, json!({ "id": p, "b": "x" })).await, "NOT_FOUND");
        assert_eq!(app.count("posts").await, 2);
    }

    async fn moderators_act_only_in_their_communities(app) {
        let author = app.register("Rocco Lago").await;
        let moderator = app.register("Silvia Mare").await;
        let admin = app.admin().await;
        app.ok(Some(&admin.token),
            "mutation($u: ID!) { setCommunityModerator(slug: \"appalti-contratti\", userId: $u, moderator: true) { slug } }",
            json!({ "u": moderator.id })).await;
        let here = app.ask(&author, "appalti-contratti", "Domanda moderata qui", "testo").await;
        let elsewhere = app.ask(&author, "bilancio-tributi", "Domanda in altra comunità", "testo").await;
        let p_here = app.reply(&author, &here, "risposta qui").await;
        let p_else = app.reply(&author, &elsewhere, "risposta altrove").await;
        assert_eq!(app.err(Some(&moderator.token), EDIT, json!({ "id": p_else, "b": "no" })).await, "FORBIDDEN");
        assert_eq!(app.err(Some(&moderator.token), DELETE, json!({ "id": p_else })).await, "FORBIDDEN");
        let edited = app.ok(Some(&moderator.token), EDIT, json!({ "id": p_here, "b": "corretto dal moderatore" })).await;
        assert_eq!(edited["editPost"]["revisions"][1]["editor"]["displayName"], "Silvia Mare");
        assert_eq!(app.ok(Some(&moderator.token), DELETE, json!({ "id": p_here })).await["deletePost"]["isDeleted"], true);
        // A global moderator acts everywhere.
        let global = app.member_with_role("Teo Globale", "MODERATOR").await;
        assert_eq!(app.ok(Some(&global.token), DELETE, json!({ "id": p_else })).await["deletePost"]["isDeleted"], true);
    }

    async fn xss_vectors_come_out_inert(app) {
        let m = app.register("Ugo Test").await;
        let t = app.ask(&m, "transizione-digitale", "Vettori XSS nel corpo dei messaggi", "inizio").await;
        let vectors = [
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "[clic](javascript:alert(1))",
            "[clic](JaVaScRiPt:alert(1))",
            "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
            "<svg><script>alert(1)</script></svg>",
            "<iframe src=\"https://evil.example\"></iframe>",
            "<p style=\"background:url(javascript:alert(1))\">x</p>",
            "![x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
            "<form action=\"https://evil.example\"><button>ok</button></form>",
        ];
        for v in vectors {
            let p = app.reply(&m, &t, v).await;
            let html = app.ok(None, POST, json!({ "id": p })).await["post"]["bodyHtml"].as_str().unwrap().to_lowercase();
            for bad in ["<script", "onerror", "javascript:", "<iframe", "<svg", "<math", "style=", "<form", "<button", "data:text"] {
                assert!(!html.contains(bad), "{v:?} rendered as {html:?}");
            }
            assert_eq!(piazza_markdown::render(v).to_lowercase(), html, "render once on write, same result");
        }
        let link = app.reply(&m, &t, "[ANCI](https://www.anci.it)").await;
        let html = app.ok(None, POST, json!({ "id": link })).await["post"]["bodyHtml"].clone();
        let html: &str = html.as_str().unwrap();
        assert!(html.contains("href=\"https://www.anci.it\""), "{html}");
        assert!(html.contains("nofollow") && html.contains("ugc") && html.contains("noopener") && html.contains("noreferrer"), "{html}");
        let _: Value = json!(null);
    }
}
