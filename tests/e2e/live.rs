//! Live subscriptions over websockets: both protocols, the refusals with their close codes,
//! notifications, reconnecting with a cursor, revoked sessions, and shutdown.

use piazza_e2e::{
    TestApp,
    ws::{Received, WsClient},
};
use serde_json::json;

const THREAD_EVENTS: &str = "subscription($t: ID!, $a: String) { threadEvents(threadId: $t, after: $a) { kind cursor post { body author { displayName } } thread { postCount } } }";
const NOTIFICATIONS: &str = "subscription($a: ID) { notificationReceived(after: $a) { id kind count read actor { displayName } thread { title } } }";

async fn ws(app: &TestApp, protocol: &'static str) -> WsClient {
    WsClient::connect(&app.url, protocol, &[])
        .await
        .expect("websocket connects")
}

both_backends! {
    async fn a_reply_arrives_live_on_both_protocols(app) {
        let asker = app.register("Alba Chiari").await;
        let helper = app.register("Bice Scuri").await;
        let thread = app.ask(&asker, "appalti-contratti", "Garanzia provvisoria negli affidamenti", "Serve?").await;
        let mut current = ws(&app, "graphql-transport-ws").await;
        let mut legacy = ws(&app, "graphql-ws").await;
        for client in [&mut current, &mut legacy] {
            client.init(None).await;
            // From cursor 0: nothing published between subscribing and listening is lost.
            client.subscribe("1", THREAD_EVENTS, json!({ "t": thread, "a": "0" })).await;
        }
        app.reply(&helper, &thread, "No, per gli affidamenti diretti non è richiesta.").await;
        let mut cursor = String::new();
        for client in [&mut current, &mut legacy] {
            let payload = client.data("1").await;
            let event = &payload["data"]["threadEvents"];
            assert_eq!(event["kind"], "POST_CREATED", "{payload}");
            assert_eq!(event["post"]["author"]["displayName"], "Bice Scuri");
            assert_eq!(event["thread"]["postCount"], 2);
            cursor = event["cursor"].as_str().unwrap().to_owned();
        }
        current.send(json!({ "type": "complete", "id": "1" })).await;
        legacy.send(json!({ "type": "stop", "id": "1" })).await;
        // After completing, a new subscription may reuse the id; it resumes after the cursor.
        current.subscribe("1", THREAD_EVENTS, json!({ "t": thread, "a": cursor })).await;
        app.reply(&helper, &thread, "Aggiungo un riferimento normativo.").await;
        let next = current.data("1").await;
        assert_eq!(next["data"]["threadEvents"]["post"]["body"], "Aggiungo un riferimento normativo.", "{next}");
    }

    async fn many_sockets_on_one_document_share_one_execution(app) {
        // No cursor and no viewer fields: the server runs this once for every socket.
        const SHARED: &str = "subscription($t: ID!) { threadEvents(threadId: $t) { kind post { body } } }";
        let asker = app.register("Ada Comune").await;
        let thread = app.ask(&asker, "rigenerazione-urbana", "Bando borghi: chi ha partecipato?", "x").await;
        let mut anonymous = ws(&app, "graphql-transport-ws").await;
        let mut legacy = ws(&app, "graphql-ws").await;
        let mut signed_in = ws(&app, "graphql-transport-ws").await;
        anonymous.init(None).await;
        legacy.init(None).await;
        signed_in.init(Some(&asker.token)).await;
        for (client, id) in [(&mut anonymous, "a"), (&mut legacy, "b"), (&mut signed_in, "c")] {
            client.subscribe(id, SHARED, json!({ "t": thread })).await;
        }
        // Live only: keep replying until the first event reaches a subscriber, then all
        // three must have the same sequence from that point.
        let mut first = None;
        for attempt in 0..50 {
            app.reply(&asker, &thread, &format!("risposta {attempt}")).await;
            if let Ok(event) = tokio::time::timeout(std::time::Duration::from_millis(200), anonymous.data("a")).await {
                first = Some(event);
                break;
            }
        }
        first.expect("the shared feed delivers");
        // Every socket is listening by now (or soon): a last reply must reach all three,
        // each skipping whatever earlier replies it saw.
        app.reply(&asker, &thread, "ultima").await;
        for (client, id) in [(&mut anonymous, "a"), (&mut legacy, "b"), (&mut signed_in, "c")] {
            let mut event = client.data(id).await;
            while event["data"]["threadEvents"]["post"]["body"] != "ultima" {
                event = client.data(id).await;
            }
        }
    }

    async fn notifications_arrive_live_and_are_grouped(app) {
        let asker = app.register("Carla Ponti").await;
        let helper = app.register("Dino Archi").await;
        let thread = app.ask(&asker, "bilancio-tributi", "Fondo crediti di dubbia esigibilità", "Come?").await;
        let mut client = ws(&app, "graphql-transport-ws").await;
        client.init(Some(&asker.token)).await;
        client.subscribe("n", NOTIFICATIONS, json!({ "a": "0" })).await;
        app.reply(&helper, &thread, "Prima risposta").await;
        let first = client.data("n").await;
        let n = &first["data"]["notificationReceived"];
        assert_eq!((n["kind"].as_str(), n["count"].as_i64(), n["read"].as_bool()), (Some("REPLY"), Some(1), Some(false)), "{first}");
        assert_eq!(n["actor"]["displayName"], "Dino Archi");
        app.reply(&helper, &thread, "Seconda risposta").await;
        let second = client.data("n").await;
        assert_eq!(second["data"]["notificationReceived"]["count"], 2);
        // The inbox holds one grouped notification, not two.
        let inbox = app.ok(Some(&asker.token), "{ unreadNotificationCount notifications(first: 10) { edges { node { kind count } } } }", json!({})).await;
        assert_eq!(inbox["unreadNotificationCount"], 1);
        assert_eq!(inbox["notifications"]["edges"], json!([{ "node": { "kind": "REPLY", "count": 2 } }]));
        // One's own reply notifies nobody.
        app.reply(&asker, &thread, "Grazie!").await;
        assert_eq!(app.ok(Some(&asker.token), "{ unreadNotificationCount }", json!({})).await["unreadNotificationCount"], 1);
    }

    async fn a_reconnecting_client_receives_what_it_missed(app) {
        let asker = app.register("Elena Fonti").await;
        let thread = app.ask(&asker, "pnrr-fondi-europei", "Target e milestone della misura", "Domanda").await;
        let mut client = ws(&app, "graphql-transport-ws").await;
        client.init(None).await;
        client.subscribe("t", THREAD_EVENTS, json!({ "t": thread, "a": "0" })).await;
        app.reply(&asker, &thread, "uno").await;
        let cursor = client.data("t").await["data"]["threadEvents"]["cursor"].as_str().unwrap().to_owned();
        drop(client);
        app.reply(&asker, &thread, "due").await;
        app.reply(&asker, &thread, "tre").await;
        let mut again = ws(&app, "graphql-transport-ws").await;
        again.init(None).await;
        again.subscribe("t", THREAD_EVENTS, json!({ "t": thread, "a": cursor })).await;
        let missed_1 = again.data("t").await;
        let missed_2 = again.data("t").await;
        assert_eq!(missed_1["data"]["threadEvents"]["post"]["body"], "due");
        assert_eq!(missed_2["data"]["threadEvents"]["post"]["body"], "tre");
        // Then live again.
        app.reply(&asker, &thread, "quattro").await;
        assert_eq!(again.data("t").await["data"]["threadEvents"]["post"]["body"], "quattro");
    }

    async fn missed_notifications_are_replayed(app) {
        let asker = app.register("Franca Valli").await;
        let helper = app.register("Gino Colli").await;
        let t1 = app.ask(&asker, "appalti-contratti", "Prima domanda con risposte", "a").await;
        let t2 = app.ask(&asker, "appalti-contratti", "Seconda domanda con risposte", "b").await;
        app.reply(&helper, &t1, "risposta uno").await;
        let seen = app.ok(Some(&asker.token), "{ notifications(first: 1) { edges { node { id } } } }", json!({})).await;
        let last_seen = seen["notifications"]["edges"][0]["node"]["id"].clone();
        app.reply(&helper, &t2, "risposta due").await;
        let mut client = ws(&app, "graphql-transport-ws").await;
        client.init(Some(&asker.token)).await;
        client.subscribe("n", NOTIFICATIONS, json!({ "a": last_seen })).await;
        let replayed = client.data("n").await;
        assert_eq!(replayed["data"]["notificationReceived"]["thread"]["title"], "Seconda domanda con risposte");
    }

    async fn marking_notifications_read_touches_only_mine(app) {
        let a = app.register("Ida Monte").await;
        let b = app.register("Leo Piano").await;
        let ta = app.ask(&a, "bilancio-tributi", "Domanda di Ida sul bilancio", "a").await;
        let tb = app.ask(&b, "bilancio-tributi", "Domanda di Leo sul bilancio", "b").await;
        app.reply(&b, &ta, "risposta a Ida").await;
        app.reply(&a, &tb, "risposta a Leo").await;
        let b_note = app.ok(Some(&b.token), "{ notifications { edges { node { id } } } }", json!({})).await["notifications"]["edges"][0]["node"]["id"].clone();
        let mark = "mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }";
        assert_eq!(app.ok(Some(&a.token), mark, json!({ "ids": [b_note] })).await["markNotificationsRead"], 0);
        assert_eq!(app.ok(Some(&b.token), "{ unreadNotificationCount }", json!({})).await["unreadNotificationCount"], 1);
        assert_eq!(app.ok(Some(&a.token), mark, json!({})).await["markNotificationsRead"], 1);
        assert_eq!(app.ok(Some(&a.token), "{ unreadNotificationCount }", json!({})).await["unreadNotificationCount"], 0);
        assert_eq!(app.err(None, mark, json!({})).await, "UNAUTHENTICATED");
        assert_eq!(app.err(None, "{ unreadNotificationCount }", json!({})).await, "UNAUTHENTICATED");
        assert_eq!(app.err(None, "{ notifications { edges { node { id } } } }", json!({})).await, "UNAUTHENTICATED");
    }
}

mod refusals {
    use super::*;
    use piazza_e2e::Backend;

    async fn sqlite() -> TestApp {
        TestApp::spawn(Backend::Sqlite).await
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn each_protocol_violation_gets_its_close_code() {
        let app = sqlite().await;
        for protocol in ["graphql-transport-ws", "graphql-ws"] {
            // A token that is not a session.
            let mut c = ws(&app, protocol).await;
            c.send(json!({ "type": "connection_init", "payload": { "token": "not-a-session" } }))
                .await;
            let code = match c.next().await {
                Received::Closed(code) => code,
                Received::Message(m) => {
                    assert_eq!(m["type"], "connection_error", "{m}");
                    c.closed().await
                }
            };
            assert_eq!(code, 4403, "{protocol}: bad token");

            // Subscribing before the acknowledgement.
            let mut c = ws(&app, protocol).await;
            c.subscribe(
                "1",
                "subscription { notificationReceived { id } }",
                json!({}),
            )
            .await;
            assert_eq!(c.closed().await, 4401, "{protocol}: subscribe before ack");

            // A second connection_init.
            let mut c = ws(&app, protocol).await;
            c.init(None).await;
            c.send(json!({ "type": "connection_init", "payload": {} }))
                .await;
            assert_eq!(c.closed().await, 4429, "{protocol}: second init");

            // Not JSON.
            let mut c = ws(&app, protocol).await;
            c.init(None).await;
            c.send(json!("just a string")).await;
            assert_eq!(c.closed().await, 4400, "{protocol}: bad message");
        }
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn duplicate_ids_and_missing_tokens() {
        let app = sqlite().await;
        let m = app.register("Mara Sassi").await;
        let thread = app
            .ask(
                &m,
                "appalti-contratti",
                "Domanda per le sottoscrizioni",
                "x",
            )
            .await;
        let mut c = ws(&app, "graphql-transport-ws").await;
        c.init(None).await;
        // Anonymous readers may follow a thread but have no inbox.
        c.subscribe(
            "n",
            "subscription { notificationReceived { id } }",
            json!({}),
        )
        .await;
        let refused = c.message().await;
        assert_eq!(refused["type"], "error");
        assert_eq!(
            refused["payload"][0]["extensions"]["code"], "UNAUTHENTICATED",
            "{refused}"
        );
        c.subscribe("t", THREAD_EVENTS, json!({ "t": thread }))
            .await;
        c.subscribe("t", THREAD_EVENTS, json!({ "t": thread }))
            .await;
        assert_eq!(c.closed().await, 4409);
        // An unknown thread is an error for that operation only.
        let mut c = ws(&app, "graphql-transport-ws").await;
        c.init(None).await;
        c.subscribe("x", THREAD_EVENTS, json!({ "t": "987654" }))
            .await;
        let m = c.message().await;
        assert_eq!(
            (
                m["type"].as_str(),
                m["payload"][0]["extensions"]["code"].as_str()
            ),
            (Some("error"), Some("NOT_FOUND")),
            "{m}"
        );
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn connections_and_subscriptions_are_limited() {
        let app = TestApp::spawn_with(Backend::Sqlite, |c| c.ws_max_per_ip = 2).await;
        let m = app.register("Pia Limiti").await;
        let thread = app
            .ask(
                &m,
                "appalti-contratti",
                "Domanda per i limiti di connessione",
                "x",
            )
            .await;
        let mut first = ws(&app, "graphql-transport-ws").await;
        let _second = ws(&app, "graphql-transport-ws").await;
        let third = WsClient::connect(&app.url, "graphql-transport-ws", &[]).await;
        assert!(
            third.is_err_and(|e| e.contains("429")),
            "a third socket from one IP is refused"
        );
        first.init(None).await;
        let limit = 20;
        for i in 0..limit {
            first
                .subscribe(&format!("s{i}"), THREAD_EVENTS, json!({ "t": thread }))
                .await;
        }
        first
            .subscribe("one-too-many", THREAD_EVENTS, json!({ "t": thread }))
            .await;
        let refused = first.message().await;
        assert_eq!(refused["type"], "error", "{refused}");
        assert_eq!(refused["id"], "one-too-many");
        assert_eq!(refused["payload"][0]["extensions"]["code"], "RATE_LIMITED");
        // Closing a socket frees its slot.
        drop(first);
        let mut again = None;
        for _ in 0..100 {
            match WsClient::connect(&app.url, "graphql-transport-ws", &[]).await {
                Ok(c) => {
                    again = Some(c);
                    break;
                }
                Err(_) => tokio::task::yield_now().await,
            }
        }
        assert!(again.is_some(), "the slot was released");
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn no_init_in_time_closes_with_4408() {
        let app = sqlite().await;
        let mut c = ws(&app, "graphql-transport-ws").await;
        assert_eq!(c.closed().await, 4408);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn other_sites_cannot_open_sockets() {
        let app = sqlite().await;
        let refused = WsClient::connect(
            &app.url,
            "graphql-transport-ws",
            &[("origin", "https://evil.example")],
        )
        .await;
        assert!(refused.is_err_and(|e| e.contains("403")));
        let host = app.url.trim_start_matches("http://").to_owned();
        let same = WsClient::connect(
            &app.url,
            "graphql-transport-ws",
            &[("origin", &format!("http://{host}"))],
        )
        .await;
        assert!(same.is_ok());
        let other_protocol = WsClient::connect(&app.url, "mqtt", &[]).await;
        assert!(other_protocol.is_err());
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn ending_a_session_closes_its_sockets() {
        let app = sqlite().await;
        let m = app.register("Nella Rocca").await;
        let other = app.login(&m.email).await;
        let mut c1 = ws(&app, "graphql-transport-ws").await;
        c1.init(Some(&m.token)).await;
        let mut c2 = ws(&app, "graphql-transport-ws").await;
        c2.init(Some(&other.token)).await;
        // Logout ends only the socket of that session.
        app.ok(Some(&m.token), "mutation { logout }", json!({}))
            .await;
        assert_eq!(c1.closed().await, 4403);
        c2.send(json!({ "type": "ping" })).await;
        assert_eq!(c2.message().await["type"], "pong");
        // A password change ends all of them.
        let q = "mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { token } }";
        app.ok(
            Some(&other.token),
            q,
            json!({ "c": piazza_e2e::PASSWORD, "n": "un'altra password lunga" }),
        )
        .await;
        assert_eq!(c2.closed().await, 4403);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn the_session_cookie_authenticates_sockets() {
        let app = sqlite().await;
        let m = app.register("Olivia Cookie").await;
        let cookie = format!("piazza_session={}", m.token);
        let mut c = WsClient::connect(&app.url, "graphql-transport-ws", &[("cookie", &cookie)])
            .await
            .unwrap();
        c.init(None).await;
        c.subscribe(
            "n",
            "subscription { notificationReceived { id } }",
            json!({}),
        )
        .await;
        c.send(json!({ "type": "ping" })).await;
        assert_eq!(
            c.message().await["type"],
            "pong",
            "no error: the cookie signed the socket in"
        );
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn shutdown_closes_sockets_with_a_retryable_code() {
        let app = sqlite().await;
        let mut c = ws(&app, "graphql-transport-ws").await;
        c.init(None).await;
        let stopping = tokio::spawn(app.stop());
        assert_eq!(c.closed().await, 1012);
        stopping.await.unwrap();
    }
}
