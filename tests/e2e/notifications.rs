//! Who hears about what: follow levels and their defaults, every notification kind, muted
//! threads, @mentions (links, limit, notifications) and the live thread events of answers.

use piazza_e2e::{Member, TestApp, ws::WsClient};
use serde_json::{Value, json};

const THREAD_LEVEL: &str = "mutation($t: ID!, $l: NotificationLevel!) { setThreadNotificationLevel(threadId: $t, level: $l) { id viewerNotificationLevel } }";
const COMMUNITY_LEVEL: &str = "mutation($s: String!, $l: NotificationLevel!) { setCommunityNotificationLevel(slug: $s, level: $l) { slug viewerNotificationLevel } }";
const ACCEPT: &str = "mutation($p: ID!) { acceptAnswer(postId: $p) { id } }";
const OFFICIAL: &str = "mutation($p: ID!) { markOfficialAnswer(postId: $p) { id } }";
const EDIT: &str = "mutation($id: ID!, $b: String!) { editPost(id: $id, body: $b) { bodyHtml } }";

/// The member's inbox, newest first, as `(kind, thread title, count)`.
async fn inbox(app: &TestApp, m: &Member) -> Vec<(String, String, i64)> {
    let q = "{ notifications(first: 50) { edges { node { kind count thread { title } } } } }";
    let data = app.ok(Some(&m.token), q, json!({})).await;
    data["notifications"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let n = &e["node"];
            (
                n["kind"].as_str().unwrap().to_owned(),
                n["thread"]["title"].as_str().unwrap_or_default().to_owned(),
                n["count"].as_i64().unwrap(),
            )
        })
        .collect()
}

fn kinds(inbox: &[(String, String, i64)]) -> Vec<&str> {
    inbox.iter().map(|(k, _, _)| k.as_str()).collect()
}

async fn thread_level(app: &TestApp, m: Option<&Member>, thread: &str) -> Value {
    let q = "query($t: ID!) { thread(id: $t) { viewerNotificationLevel } }";
    app.ok(m.map(|m| m.token.as_str()), q, json!({ "t": thread }))
        .await["thread"]["viewerNotificationLevel"]
        .clone()
}

async fn community_level(app: &TestApp, m: Option<&Member>, slug: &str) -> Value {
    let q = "query($s: String!) { community(slug: $s) { viewerNotificationLevel } }";
    app.ok(m.map(|m| m.token.as_str()), q, json!({ "s": slug }))
        .await["community"]["viewerNotificationLevel"]
        .clone()
}

both_backends! {
    async fn asking_and_replying_watch_the_thread_and_joining_tracks_the_community(app) {
        let asker = app.register("Adele Chiede").await;
        let first = app.register("Bruno Primo").await;
        let second = app.register("Cinzia Seconda").await;
        let t = app.ask(&asker, "appalti-contratti", "Subappalto e quote massime", "Limiti?").await;
        assert_eq!(thread_level(&app, Some(&asker), &t).await, "WATCHING");
        assert_eq!(thread_level(&app, Some(&first), &t).await, "NORMAL");
        assert_eq!(thread_level(&app, None, &t).await, Value::Null);
        app.reply(&first, &t, "Nessun limite fisso ormai").await;
        assert_eq!(thread_level(&app, Some(&first), &t).await, "WATCHING");
        // Everyone watching hears of a reply, except its author.
        app.reply(&second, &t, "Confermo").await;
        assert_eq!(inbox(&app, &asker).await, [("REPLY".into(), "Subappalto e quote massime".into(), 2)]);
        assert_eq!(kinds(&inbox(&app, &first).await), ["REPLY"]);
        assert!(inbox(&app, &second).await.is_empty());

        // A level the member chose is kept when they reply again.
        app.ok(Some(&second.token), THREAD_LEVEL, json!({ "t": t, "l": "NORMAL" })).await;
        app.reply(&second, &t, "Un'aggiunta").await;
        assert_eq!(thread_level(&app, Some(&second), &t).await, "NORMAL");
        app.reply(&first, &t, "Un'altra aggiunta").await;
        assert!(inbox(&app, &second).await.is_empty(), "NORMAL hears of no reply");

        assert_eq!(community_level(&app, Some(&asker), "appalti-contratti").await, "NORMAL");
        app.join(&asker, "appalti-contratti").await;
        assert_eq!(community_level(&app, Some(&asker), "appalti-contratti").await, "TRACKING");
        assert_eq!(community_level(&app, None, "appalti-contratti").await, Value::Null);
        // Leaving and rejoining goes back to the default; a chosen level survives rejoining.
        let leave = "mutation($s: String!) { leaveCommunity(slug: $s) { id } }";
        app.ok(Some(&asker.token), leave, json!({ "s": "appalti-contratti" })).await;
        assert_eq!(community_level(&app, Some(&asker), "appalti-contratti").await, "NORMAL");
        app.ok(Some(&asker.token), COMMUNITY_LEVEL, json!({ "s": "appalti-contratti", "l": "WATCHING" })).await;
        app.join(&asker, "appalti-contratti").await;
        assert_eq!(community_level(&app, Some(&asker), "appalti-contratti").await, "WATCHING");
    }

    async fn setting_levels_needs_a_member_and_an_existing_target(app) {
        let m = app.register("Dora Livelli").await;
        let t = app.ask(&m, "bilancio-tributi", "Livelli di notifica della domanda", "x").await;
        let follows = (app.count("thread_follows").await, app.count("community_follows").await);
        assert_eq!(app.err(None, THREAD_LEVEL, json!({ "t": t, "l": "MUTED" })).await, "UNAUTHENTICATED");
        assert_eq!(app.err(None, COMMUNITY_LEVEL, json!({ "s": "bilancio-tributi", "l": "MUTED" })).await, "UNAUTHENTICATED");
        assert_eq!(app.err(Some(&m.token), THREAD_LEVEL, json!({ "t": "987654", "l": "MUTED" })).await, "NOT_FOUND");
        assert_eq!(app.err(Some(&m.token), COMMUNITY_LEVEL, json!({ "s": "non-esiste", "l": "MUTED" })).await, "NOT_FOUND");
        assert_eq!(follows, (app.count("thread_follows").await, app.count("community_follows").await), "refusals changed nothing");
        let data = app.ok(Some(&m.token), THREAD_LEVEL, json!({ "t": t, "l": "TRACKING" })).await;
        assert_eq!(data["setThreadNotificationLevel"]["viewerNotificationLevel"], "TRACKING");
        let data = app.ok(Some(&m.token), COMMUNITY_LEVEL, json!({ "s": "bilancio-tributi", "l": "MUTED" })).await;
        assert_eq!(data["setCommunityNotificationLevel"]["viewerNotificationLevel"], "MUTED");
        // A thread with a level of its own keeps it; others in a muted community are muted.
        assert_eq!(thread_level(&app, Some(&m), &t).await, "TRACKING");
        let other = app.register("Elio Altro").await;
        let t2 = app.ask(&other, "bilancio-tributi", "Un'altra domanda sul bilancio", "x").await;
        assert_eq!(thread_level(&app, Some(&m), &t2).await, "MUTED");
    }

    async fn watching_a_community_announces_new_threads(app) {
        let watcher = app.register("Fabio Osserva").await;
        let tracker = app.register("Gaia Segue").await;
        let author = app.register("Ivo Scrive").await;
        app.ok(Some(&watcher.token), COMMUNITY_LEVEL, json!({ "s": "pnrr-fondi-europei", "l": "WATCHING" })).await;
        app.join(&tracker, "pnrr-fondi-europei").await;
        app.ok(Some(&author.token), COMMUNITY_LEVEL, json!({ "s": "pnrr-fondi-europei", "l": "WATCHING" })).await;
        app.ask(&author, "pnrr-fondi-europei", "Rendicontazione su ReGiS", "Scadenze?").await;
        app.ask(&author, "appalti-contratti", "Domanda in un'altra comunità", "x").await;
        assert_eq!(inbox(&app, &watcher).await, [("NEW_THREAD".into(), "Rendicontazione su ReGiS".into(), 1)]);
        assert!(inbox(&app, &tracker).await.is_empty(), "tracking hears of FAQ changes, not threads");
        assert!(inbox(&app, &author).await.is_empty(), "not of one's own thread");
    }

    async fn answers_notify_their_author_and_the_asker(app) {
        let asker = app.register("Lara Chiede").await;
        let helper = app.register("Mario Aiuta").await;
        let expert = app.member_with_role("Nora Esperta", "EXPERT").await;
        let t = app.ask(&asker, "personale-organizzazione", "Progressioni verticali in deroga", "Come?").await;
        let r = app.reply(&helper, &t, "Con il regolamento").await;
        app.ok(Some(&asker.token), "mutation { markNotificationsRead }", json!({})).await;
        app.ok(Some(&asker.token), ACCEPT, json!({ "p": r })).await;
        assert_eq!(kinds(&inbox(&app, &helper).await), ["ANSWER_ACCEPTED"]);
        app.ok(Some(&expert.token), OFFICIAL, json!({ "p": r })).await;
        assert_eq!(kinds(&inbox(&app, &asker).await), ["OFFICIAL_ANSWER", "REPLY"]);
        assert_eq!(app.ok(Some(&asker.token), "{ unreadNotificationCount }", json!({})).await["unreadNotificationCount"], 1);
        // Accepting one's own answer tells nobody.
        let own = app.reply(&asker, &t, "Risolto così").await;
        let before = app.count("notifications").await;
        let helper_before = inbox(&app, &helper).await;
        app.ok(Some(&asker.token), ACCEPT, json!({ "p": own })).await;
        assert_eq!(inbox(&app, &helper).await, helper_before);
        assert_eq!(app.count("notifications").await, before);
    }

    async fn muted_threads_tell_nothing(app) {
        let asker = app.register("Olga Silenzio").await;
        let helper = app.register("Paolo Muto").await;
        let expert = app.member_with_role("Rosa Esperta", "EXPERT").await;
        let t = app.ask(&asker, "transizione-digitale", "Conservazione documentale a norma", "Chi?").await;
        let r = app.reply(&helper, &t, "Un conservatore accreditato").await;
        app.ok(Some(&asker.token), "mutation { markNotificationsRead }", json!({})).await;
        app.ok(Some(&asker.token), THREAD_LEVEL, json!({ "t": t, "l": "MUTED" })).await;
        app.ok(Some(&helper.token), THREAD_LEVEL, json!({ "t": t, "l": "MUTED" })).await;
        let asker_handle = app.handle(&asker).await;
        app.reply(&expert, &t, &format!("Concordo, @{asker_handle}")).await;
        app.ok(Some(&expert.token), OFFICIAL, json!({ "p": r })).await;
        app.ok(Some(&asker.token), ACCEPT, json!({ "p": r })).await;
        let unread = "{ unreadNotificationCount }";
        assert_eq!(app.ok(Some(&asker.token), unread, json!({})).await["unreadNotificationCount"], 0, "{:?}", inbox(&app, &asker).await);
        assert_eq!(app.ok(Some(&helper.token), unread, json!({})).await["unreadNotificationCount"], 0, "{:?}", inbox(&app, &helper).await);
        // Muting a community mutes its threads the member set no level for.
        let other = app.ask(&expert, "transizione-digitale", "Firma digitale remota", "x").await;
        app.ok(Some(&asker.token), COMMUNITY_LEVEL, json!({ "s": "transizione-digitale", "l": "MUTED" })).await;
        app.reply(&helper, &other, &format!("Chiedi a @{asker_handle}")).await;
        assert_eq!(app.ok(Some(&asker.token), unread, json!({})).await["unreadNotificationCount"], 0);
    }

    async fn mentions_link_and_notify_the_members_named(app) {
        let author = app.register("Sergio Cita").await;
        let anna = app.register("Anna Bianchi").await;
        let bruno = app.register("Bruno Verdi").await;
        let (a, b) = (app.handle(&anna).await, app.handle(&bruno).await);
        assert_eq!(a, "anna.bianchi");
        let t = app.ask(&author, "appalti-contratti", "Chi conosce il nuovo MePA?", &format!("Forse @{a} lo sa. Non `@{b}`.")).await;
        let data = app.ok(None, "query($t: ID!) { thread(id: $t) { firstPost { body bodyHtml } } }", json!({ "t": t })).await;
        let html = data["thread"]["firstPost"]["bodyHtml"].as_str().unwrap();
        assert!(html.contains(&format!("<a href=\"/u/{a}\" rel=\"nofollow ugc noopener noreferrer\">@{a}</a>")), "{html}");
        assert!(html.contains(&format!("<code>@{b}</code>")), "{html}");
        assert_eq!(data["thread"]["firstPost"]["body"], format!("Forse @{a} lo sa. Non `@{b}`."), "the source is kept");
        assert_eq!(inbox(&app, &anna).await, [("MENTION".into(), "Chi conosce il nuovo MePA?".into(), 1)]);
        assert!(inbox(&app, &bruno).await.is_empty(), "code is not a mention");

        // Unknown handles are left as text; one's own mention tells nobody; a member both
        // watching and mentioned is told once.
        let own = app.handle(&author).await;
        let r = app.reply(&bruno, &t, &format!("@{own} chiedi a @nessuno.qui")).await;
        let html = app.ok(None, "query($p: ID!) { post(id: $p) { bodyHtml } }", json!({ "p": r })).await["post"]["bodyHtml"].as_str().unwrap().to_owned();
        assert!(html.contains("@nessuno.qui") && !html.contains("/u/nessuno"), "{html}");
        assert_eq!(kinds(&inbox(&app, &author).await), ["MENTION"]);
        let mine = app.reply(&author, &t, &format!("Grazie @{own}")).await;
        assert_eq!(kinds(&inbox(&app, &author).await), ["MENTION"]);

        // Editing tells only the members the edit newly mentions.
        let before = app.count("notifications").await;
        app.ok(Some(&author.token), EDIT, json!({ "id": mine, "b": format!("Grazie @{own}, ciao") })).await;
        assert_eq!(app.count("notifications").await, before);
        let carla = app.register("Carla Nuova").await;
        let c = app.handle(&carla).await;
        let edited = app.ok(Some(&author.token), EDIT, json!({ "id": mine, "b": format!("Grazie @{own} e @{c}") })).await;
        assert!(edited["editPost"]["bodyHtml"].as_str().unwrap().contains(&format!("href=\"/u/{c}\"")));
        assert_eq!(kinds(&inbox(&app, &carla).await), ["MENTION"]);
    }

    async fn at_most_ten_members_per_post(app) {
        let author = app.register("Tito Limite").await;
        let t = app.ask(&author, "bilancio-tributi", "Domanda con troppe menzioni", "x").await;
        let ten: Vec<String> = (0..10).map(|i| format!("@utente.{i}")).collect();
        app.reply(&author, &t, &ten.join(" ")).await;
        // Repeats count once.
        app.reply(&author, &t, &format!("{} {}", ten.join(" "), ten.join(" "))).await;
        let posts = app.count("posts").await;
        let eleven = format!("{} @utente.10", ten.join(" "));
        let q = "mutation($i: CreatePostInput!) { createPost(input: $i) { id } }";
        assert_eq!(app.err(Some(&author.token), q, json!({ "i": { "threadId": t, "body": eleven } })).await, "BAD_USER_INPUT");
        let thread = "mutation($i: CreateThreadInput!) { createThread(input: $i) { id } }";
        let input = json!({ "communitySlug": "bilancio-tributi", "kind": "QUESTION", "title": "Troppe menzioni nel titolo", "body": eleven });
        assert_eq!(app.err(Some(&author.token), thread, json!({ "i": input })).await, "BAD_USER_INPUT");
        let first = app.ok(None, "query($t: ID!) { thread(id: $t) { firstPost { id } } }", json!({ "t": t })).await["thread"]["firstPost"]["id"].clone();
        assert_eq!(app.err(Some(&author.token), EDIT, json!({ "id": first, "b": eleven })).await, "BAD_USER_INPUT");
        assert_eq!(app.count("posts").await, posts, "refusals changed nothing");
        assert_eq!(app.count("threads").await, 1);
    }

    async fn inboxes_are_private(app) {
        let a = app.register("Ugo Privato").await;
        let b = app.register("Vito Curioso").await;
        let t = app.ask(&a, "appalti-contratti", "Domanda con notifiche private", "x").await;
        app.reply(&b, &t, &format!("Risposta per @{}", app.handle(&a).await)).await;
        assert_eq!(kinds(&inbox(&app, &a).await), ["MENTION"]);
        assert!(inbox(&app, &b).await.is_empty(), "b sees none of a's notifications");
        let id = app.ok(Some(&a.token), "{ notifications { edges { node { id } } } }", json!({})).await["notifications"]["edges"][0]["node"]["id"].clone();
        let mark = "mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }";
        assert_eq!(app.ok(Some(&b.token), mark, json!({ "ids": [id] })).await["markNotificationsRead"], 0);
        assert_eq!(app.ok(Some(&a.token), "{ unreadNotificationCount }", json!({})).await["unreadNotificationCount"], 1);
    }

    async fn accepted_and_official_answers_arrive_live(app) {
        let asker = app.register("Zoe Diretta").await;
        let helper = app.register("Aldo Diretto").await;
        let expert = app.member_with_role("Bice Diretta", "EXPERT").await;
        let t = app.ask(&asker, "appalti-contratti", "Risposte in diretta sulla gara", "?").await;
        let r = app.reply(&helper, &t, "Ecco").await;
        let mut client = WsClient::connect(&app.url, "graphql-transport-ws", &[]).await.expect("connects");
        client.init(None).await;
        let sub = "subscription($t: ID!, $a: String) { threadEvents(threadId: $t, after: $a) { kind post { id isAccepted isOfficial } thread { isAnswered } } }";
        client.subscribe("t", sub, json!({ "t": t, "a": "0" })).await;
        // Replayed from the start: the reply.
        assert_eq!(client.data("t").await["data"]["threadEvents"]["kind"], "POST_CREATED");
        app.ok(Some(&asker.token), ACCEPT, json!({ "p": r })).await;
        let e = client.data("t").await;
        assert_eq!(e["data"]["threadEvents"], json!({ "kind": "ANSWER_ACCEPTED", "post": { "id": r, "isAccepted": true, "isOfficial": false }, "thread": { "isAnswered": true } }));
        app.ok(Some(&expert.token), OFFICIAL, json!({ "p": r })).await;
        let e = client.data("t").await;
        assert_eq!(e["data"]["threadEvents"], json!({ "kind": "OFFICIAL_ANSWER", "post": { "id": r, "isAccepted": true, "isOfficial": true }, "thread": { "isAnswered": true } }));
    }
}
