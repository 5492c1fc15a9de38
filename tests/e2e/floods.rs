//! Websocket abuse: message floods and oversized messages close the socket with their code,
//! a client that never reads is dropped once its bounded outbox is full, and the server
//! keeps answering everyone else. Transport behaviour, so SQLite only.

use std::time::{Duration, Instant};

use piazza_e2e::{
    Backend, TestApp,
    ws::{Received, WsClient},
};
use serde_json::json;

const THREAD_EVENTS: &str =
    "subscription($t: ID!) { threadEvents(threadId: $t) { kind post { body bodyHtml } } }";

/// The server still answers a normal query.
async fn healthy(app: &TestApp) {
    let data = app
        .ok(
            None,
            "{ communities(first: 1) { edges { node { slug } } } }",
            json!({}),
        )
        .await;
    assert!(data["communities"]["edges"][0]["node"]["slug"].is_string());
}

/// Reads (skipping whatever the server answered before) until the close; returns its code.
async fn close_code(client: &mut WsClient) -> u16 {
    loop {
        if let Received::Closed(code) = client.next().await {
            return code;
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn floods_and_huge_messages_close_the_socket_with_their_code() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let m = app.register("Fulvio Piena").await;
    let thread = app
        .ask(&m, "appalti-contratti", "Domanda per le inondazioni", "x")
        .await;

    // Many subscribe messages at once: the first 20 run, the next are refused one by one,
    // and past the burst of 50 messages the socket is closed as a policy violation.
    let mut c = WsClient::connect(&app.url, "graphql-transport-ws", &[])
        .await
        .unwrap();
    c.init(None).await;
    for i in 0..200 {
        c.subscribe(&format!("s{i}"), THREAD_EVENTS, json!({ "t": thread }))
            .await;
    }
    assert_eq!(close_code(&mut c).await, 1008, "subscribe flood");
    healthy(&app).await;

    // A flood of pings (each answered with a pong) on the current protocol, and of
    // keep-alive-free `stop`s on the legacy one.
    let mut c = WsClient::connect(&app.url, "graphql-transport-ws", &[])
        .await
        .unwrap();
    c.init(None).await;
    for _ in 0..200 {
        c.send(json!({ "type": "ping" })).await;
    }
    assert_eq!(close_code(&mut c).await, 1008, "ping flood");
    let mut c = WsClient::connect(&app.url, "graphql-ws", &[])
        .await
        .unwrap();
    c.init(None).await;
    for i in 0..200 {
        c.send(json!({ "type": "stop", "id": i.to_string() })).await;
    }
    assert_eq!(close_code(&mut c).await, 1008, "legacy stop flood");
    healthy(&app).await;

    // A client within the rate is left alone.
    let mut c = WsClient::connect(&app.url, "graphql-transport-ws", &[])
        .await
        .unwrap();
    c.init(None).await;
    for _ in 0..20 {
        c.send(json!({ "type": "ping" })).await;
        assert_eq!(c.message().await["type"], "pong");
    }

    // One message over the 64 KiB limit is an invalid message.
    let mut c = WsClient::connect(&app.url, "graphql-transport-ws", &[])
        .await
        .unwrap();
    c.init(None).await;
    let huge = "x".repeat(100 * 1024);
    c.subscribe(
        "big",
        THREAD_EVENTS,
        json!({ "t": thread, "padding": huge }),
    )
    .await;
    assert_eq!(close_code(&mut c).await, 4400, "oversized message");
    healthy(&app).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_that_never_reads_is_dropped_and_its_slot_freed() {
    // One socket per IP, so a second connection succeeds only once the first is gone.
    let app = TestApp::spawn_with(Backend::Sqlite, |c| c.ws_max_per_ip = 1).await;
    let m = app.register("Nina Sorda").await;
    let thread = app
        .ask(&m, "appalti-contratti", "Domanda per chi non legge", "x")
        .await;
    let mut slow = WsClient::connect(&app.url, "graphql-transport-ws", &[])
        .await
        .unwrap();
    slow.init(None).await;
    let subscriptions = 20;
    for i in 0..subscriptions {
        slow.subscribe(&format!("s{i}"), THREAD_EVENTS, json!({ "t": thread }))
            .await;
    }
    tokio::time::timeout(Duration::from_secs(10), async {
        while app.state.bus.topic_count() == 0 {
            tokio::task::yield_now().await;
        }
    })
    .await
    .expect("the subscriptions are listening");
    // From here on the client reads nothing. Each reply is ≈ 60 KB per subscription (body
    // and HTML), far more than socket buffers and the 64-message outbox hold.
    let replies = 40;
    let body = "parola ".repeat(4_000);
    for _ in 0..replies {
        app.reply(&m, &thread, &body).await;
    }
    // The server gives up on it (outbox full, then a 10 s bound on the stuck write) and
    // frees its slot: a new socket from the same IP is accepted.
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut again = loop {
        if let Ok(c) = WsClient::connect(&app.url, "graphql-transport-ws", &[]).await {
            break c;
        }
        assert!(
            Instant::now() < deadline,
            "the slow consumer was never dropped"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    again.init(None).await;
    healthy(&app).await;

    // What the slow client can still read is what sat in buffers: a fraction of what was
    // published, never all of it (the server did not queue without bound).
    let mut delivered = 0;
    while let Received::Message(_) = slow.next().await {
        delivered += 1;
    }
    let published = replies * subscriptions;
    assert!(
        delivered < published / 2,
        "{delivered} of {published} delivered"
    );
}
