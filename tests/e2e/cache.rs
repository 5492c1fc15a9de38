//! The feed cache: a read after a write is fresh (one replica, and two sharing Redis),
//! per-viewer data is never shared, permission scopes are kept apart, and Redis trouble
//! (stopped, a closed port, slow, restarted) never fails a request.

use std::time::Duration;

use piazza_e2e::{Backend, Member, TestApp, redis::RedisServer};
use serde_json::{Value, json};

const SLUG: &str = "appalti-contratti";

const FEED: &str = "query($s: String!) { community(slug: $s) { name memberCount \
    threads(first: 20, sort: ACTIVE) { edges { node { id title postCount score isAnswered \
    author { displayName } } } } \
    faq(first: 20) { edges { node { question status } } } } }";

const THREAD: &str = "query($t: ID!) { thread(id: $t) { title \
    firstPost { id body score author { displayName } } \
    posts(first: 50) { edges { node { id body score isDeleted author { displayName } } } } } }";

/// Runs a query; returns `data` and how the cache answered (`hit`, `miss`, `fallback`, or
/// `none` when the request did not qualify).
async fn read(
    app: &TestApp,
    token: Option<&str>,
    query: &str,
    variables: Value,
) -> (Value, String) {
    let mut req = app
        .client
        .post(format!("{}/graphql", app.url))
        .json(&json!({ "query": query, "variables": variables }));
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    let resp = req.send().await.expect("request sent");
    assert!(resp.status().is_success(), "HTTP {}", resp.status());
    let outcome = resp
        .headers()
        .get("x-piazza-cache")
        .map_or("none", |v| v.to_str().unwrap())
        .to_owned();
    let body: Value = resp.json().await.expect("JSON");
    assert!(body.get("errors").is_none(), "unexpected errors: {body:#}");
    (body["data"].clone(), outcome)
}

async fn feed(app: &TestApp, token: Option<&str>) -> (Value, String) {
    read(app, token, FEED, json!({ "s": SLUG })).await
}

fn titles(feed: &Value) -> Vec<String> {
    feed["community"]["threads"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["node"]["title"].as_str().unwrap().to_owned())
        .collect()
}

/// Reads twice: the second read must be a hit with the same answer. Returns the answer.
async fn settled(app: &TestApp, token: Option<&str>, query: &str, vars: Value) -> Value {
    let (first, _) = read(app, token, query, vars.clone()).await;
    let (second, outcome) = read(app, token, query, vars).await;
    assert_eq!(outcome, "hit", "a repeated read comes from the cache");
    assert_eq!(first, second);
    second
}

async fn vote(app: &TestApp, member: &Member, post: &str, value: i64) {
    app.ok(
        Some(&member.token),
        "mutation($p: ID!, $v: Int!) { vote(postId: $p, value: $v) { score } }",
        json!({ "p": post, "v": value }),
    )
    .await;
}

fn first_post(thread: &Value) -> &Value {
    &thread["thread"]["firstPost"]
}

both_backends! {
    async fn every_write_that_changes_a_feed_makes_the_next_read_fresh(app) {
        let anna = app.register("Anna Feed").await;
        let bruno = app.register("Bruno Feed").await;
        let expert = app.member_with_role("Elena Esperta", "EXPERT").await;
        let thread = app.ask(&anna, SLUG, "Prima domanda in cache", "Testo iniziale").await;
        let vars = json!({ "t": thread });
        let before = settled(&app, None, FEED, json!({ "s": SLUG })).await;
        settled(&app, None, THREAD, vars.clone()).await;
        assert_eq!(titles(&before), ["Prima domanda in cache"]);

        // A new thread.
        app.ask(&bruno, SLUG, "Seconda domanda", "x").await;
        let (after, outcome) = feed(&app, None).await;
        assert_eq!(outcome, "miss");
        assert_eq!(titles(&after), ["Seconda domanda", "Prima domanda in cache"]);

        // A reply moves the thread up and changes its post count and the thread page.
        let reply = app.reply(&bruno, &thread, "Una risposta").await;
        let (after, _) = feed(&app, None).await;
        assert_eq!(titles(&after), ["Prima domanda in cache", "Seconda domanda"]);
        assert_eq!(after["community"]["threads"]["edges"][0]["node"]["postCount"], 2);
        let (page, _) = read(&app, None, THREAD, vars.clone()).await;
        assert_eq!(page["thread"]["posts"]["edges"].as_array().unwrap().len(), 1);

        // An edit, a vote, an accepted answer, a deletion.
        settled(&app, None, THREAD, vars.clone()).await;
        app.ok(Some(&anna.token), "mutation($id: ID!) { editPost(id: $id, body: \"Testo corretto\") { id } }",
            json!({ "id": first_post(&page)["id"] })).await;
        let (page, _) = read(&app, None, THREAD, vars.clone()).await;
        assert_eq!(first_post(&page)["body"], "Testo corretto");

        settled(&app, None, THREAD, vars.clone()).await;
        vote(&app, &bruno, first_post(&page)["id"].as_str().unwrap(), 1).await;
        let (page, _) = read(&app, None, THREAD, vars.clone()).await;
        assert_eq!(first_post(&page)["score"], 1);

        settled(&app, None, FEED, json!({ "s": SLUG })).await;
        app.ok(Some(&anna.token), "mutation($p: ID!) { acceptAnswer(postId: $p) { id } }",
            json!({ "p": reply })).await;
        let (after, _) = feed(&app, None).await;
        assert_eq!(after["community"]["threads"]["edges"][0]["node"]["isAnswered"], true);

        settled(&app, None, THREAD, vars.clone()).await;
        app.ok(Some(&bruno.token), "mutation($id: ID!) { deletePost(id: $id) { id } }",
            json!({ "id": reply })).await;
        let (page, _) = read(&app, None, THREAD, vars.clone()).await;
        assert_eq!(page["thread"]["posts"]["edges"][0]["node"]["isDeleted"], true);

        // FAQ, a renamed author, a renamed community, a new member.
        settled(&app, None, FEED, json!({ "s": SLUG })).await;
        app.ok(Some(&expert.token),
            "mutation($i: PublishFaqEntryInput!) { publishFaqEntry(input: $i) { id } }",
            json!({ "i": { "communitySlug": SLUG, "question": "Che cos'è il CIG?", "answer": "Il codice." } })).await;
        let (after, _) = feed(&app, None).await;
        assert_eq!(after["community"]["faq"]["edges"][0]["node"]["question"], "Che cos'è il CIG?");

        settled(&app, None, FEED, json!({ "s": SLUG })).await;
        app.ok(Some(&bruno.token),
            "mutation { updateProfile(input: { displayName: \"Bruno Rinominato\" }) { id } }",
            json!({})).await;
        let (after, _) = feed(&app, None).await;
        assert_eq!(after["community"]["threads"]["edges"][1]["node"]["author"]["displayName"], "Bruno Rinominato");

        let admin = app.admin().await;
        settled(&app, None, FEED, json!({ "s": SLUG })).await;
        app.ok(Some(&admin.token),
            "mutation($s: String!) { updateCommunity(slug: $s, input: { name: \"Appalti e contratti pubblici\", description: \"Gare e affidamenti\" }) { id } }",
            json!({ "s": SLUG })).await;
        let (after, _) = feed(&app, None).await;
        assert_eq!(after["community"]["name"], "Appalti e contratti pubblici");

        let members = after["community"]["memberCount"].as_i64().unwrap();
        settled(&app, None, FEED, json!({ "s": SLUG })).await;
        let newcomer = app.register("Nuovo Iscritto").await;
        app.join(&newcomer, SLUG).await;
        let (after, _) = feed(&app, None).await;
        assert_eq!(after["community"]["memberCount"].as_i64().unwrap(), members + 1);
    }

    async fn what_belongs_to_one_viewer_is_never_served_to_another(app) {
        let anna = app.register("Anna Voti").await;
        let bruno = app.register("Bruno Voti").await;
        let carla = app.register("Carla Voti").await;
        let thread = app.ask(&anna, SLUG, "Domanda da votare", "x").await;
        let query = "query($t: ID!) { thread(id: $t) { title viewerHasBookmarked \
            firstPost { id score viewerVote } } }";
        let vars = json!({ "t": thread });
        let (page, _) = read(&app, Some(&bruno.token), query, vars.clone()).await;
        let post = first_post(&page)["id"].as_str().unwrap().to_owned();
        vote(&app, &bruno, &post, 1).await;
        for _ in 0..2 {
            let (mine, outcome) = read(&app, Some(&bruno.token), query, vars.clone()).await;
            assert_eq!(first_post(&mine)["viewerVote"], 1);
            assert_eq!(outcome, "miss", "a personal answer is never stored");
            let (theirs, _) = read(&app, Some(&carla.token), query, vars.clone()).await;
            assert_eq!(first_post(&theirs)["viewerVote"], 0, "Carla never sees Bruno's vote");
            assert_eq!(first_post(&theirs)["score"], 1);
        }
        // The shared part alone is cached, for anyone.
        let shared = "query($t: ID!) { thread(id: $t) { title firstPost { score } } }";
        settled(&app, Some(&bruno.token), shared, vars.clone()).await;
        let (_, outcome) = read(&app, Some(&carla.token), shared, vars).await;
        assert_eq!(outcome, "hit", "members with the same permissions share entries");
    }

    async fn drafts_stay_with_the_editors_whatever_was_cached_first(app) {
        let expert = app.member_with_role("Elena Bozze", "EXPERT").await;
        let member = app.register("Marco Lettore").await;
        let faq = "query($s: String!) { community(slug: $s) { faq(first: 10) { edges { node { question status } } } } }";
        let vars = json!({ "s": SLUG });
        let questions = |v: &Value| v["community"]["faq"]["edges"].as_array().unwrap().len();
        // The public view is cached before the draft exists and after.
        assert_eq!(questions(&settled(&app, None, faq, vars.clone()).await), 0);
        app.ok(Some(&expert.token),
            "mutation($i: PublishFaqEntryInput!) { publishFaqEntry(input: $i) { id } }",
            json!({ "i": { "communitySlug": SLUG, "question": "Bozza riservata?", "answer": "Sì.", "draft": true } })).await;
        let editor_view = settled(&app, Some(&expert.token), faq, vars.clone()).await;
        assert_eq!(editor_view["community"]["faq"]["edges"][0]["node"]["status"], "DRAFT");
        assert_eq!(questions(&settled(&app, None, faq, vars.clone()).await), 0, "anonymous");
        assert_eq!(questions(&settled(&app, Some(&member.token), faq, vars).await), 0, "member");
    }

    async fn the_community_list_follows_what_happens_inside_each_community(app) {
        let anna = app.register("Anna Elenco").await;
        let list = "{ communities(first: 20) { edges { node { slug memberCount unansweredCount } } } }";
        let count = |v: &Value, field: &str| {
            v["communities"]["edges"].as_array().unwrap().iter()
                .find(|e| e["node"]["slug"] == SLUG).unwrap()["node"][field].as_i64().unwrap()
        };
        let before = settled(&app, None, list, json!({})).await;
        app.ask(&anna, SLUG, "Una domanda senza risposta", "x").await;
        let (after, outcome) = read(&app, None, list, json!({})).await;
        assert_eq!(outcome, "miss");
        assert_eq!(count(&after, "unansweredCount"), count(&before, "unansweredCount") + 1);
        settled(&app, None, list, json!({})).await;
        app.join(&anna, SLUG).await;
        let (after, _) = read(&app, None, list, json!({})).await;
        assert_eq!(count(&after, "memberCount"), count(&before, "memberCount") + 1);
    }

    async fn the_home_feed_shows_joined_communities_newest_activity_first(app) {
        let anna = app.register("Anna Casa").await;
        let bruno = app.register("Bruno Casa").await;
        let appalti = app.ask(&bruno, SLUG, "Appalti: prima", "x").await;
        app.ask(&bruno, "personale-organizzazione", "Personale: una", "x").await;
        app.ask(&bruno, SLUG, "Appalti: seconda", "x").await;
        let home = "query($after: String) { homeFeed(first: 2, after: $after) { \
            edges { cursor node { title } } pageInfo { hasNextPage endCursor } } }";
        let page_titles = |v: &Value| -> Vec<String> {
            v["homeFeed"]["edges"].as_array().unwrap().iter()
                .map(|e| e["node"]["title"].as_str().unwrap().to_owned()).collect()
        };
        // Before joining anything: every community.
        let all = settled(&app, Some(&anna.token), home, json!({})).await;
        assert_eq!(page_titles(&all), ["Appalti: seconda", "Personale: una"]);
        assert_eq!(all["homeFeed"]["pageInfo"]["hasNextPage"], true);
        let rest = settled(&app, Some(&anna.token), home,
            json!({ "after": all["homeFeed"]["pageInfo"]["endCursor"] })).await;
        assert_eq!(page_titles(&rest), ["Appalti: prima"]);

        app.join(&anna, SLUG).await;
        let (joined, _) = read(&app, Some(&anna.token), home, json!({})).await;
        assert_eq!(page_titles(&joined), ["Appalti: seconda", "Appalti: prima"]);
        // New activity moves a thread to the top at once.
        settled(&app, Some(&anna.token), home, json!({})).await;
        app.reply(&bruno, &appalti, "novità").await;
        let (joined, _) = read(&app, Some(&anna.token), home, json!({})).await;
        assert_eq!(page_titles(&joined), ["Appalti: prima", "Appalti: seconda"]);
        // Signed out: all communities, as before joining.
        let (anonymous, _) = read(&app, None, home, json!({})).await;
        assert_eq!(page_titles(&anonymous), ["Appalti: prima", "Appalti: seconda"]);
        let bad = app.err(Some(&anna.token), "{ homeFeed(after: \"nonsense\") { edges { cursor } } }", json!({})).await;
        assert_eq!(bad, "BAD_USER_INPUT");
    }
}

/// Polls (bounded) until `read` answers with `outcome`.
async fn until_outcome(app: &TestApp, outcome: &str) -> Value {
    let found = tokio::time::timeout(Duration::from_secs(15), async {
        loop {
            let (data, got) = feed(app, None).await;
            if got == outcome {
                return data;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    })
    .await;
    found.unwrap_or_else(|_| panic!("the cache never answered {outcome}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn replicas_sharing_redis_read_each_others_writes_at_once() {
    let redis = RedisServer::start().await;
    let url = redis.url();
    let a = TestApp::spawn_with(Backend::Postgres, |c| c.redis_url = Some(url.clone())).await;
    let b = a.spawn_replica(|c| c.redis_url = Some(url.clone())).await;
    let member = a.register("Rita Repliche").await;
    a.ask(&member, SLUG, "Scritta su A", "x").await;
    settled(&b, None, FEED, json!({ "s": SLUG })).await;
    let (_, outcome) = feed(&a, None).await;
    assert_eq!(outcome, "hit", "A reads the entry B stored");

    a.ask(&member, SLUG, "Ancora su A", "x").await;
    let (fresh, _) = feed(&b, None).await;
    assert_eq!(titles(&fresh), ["Ancora su A", "Scritta su A"]);
    b.ask(&member, SLUG, "Scritta ora su B", "x").await;
    let (fresh, _) = feed(&a, None).await;
    assert_eq!(titles(&fresh)[0], "Scritta ora su B");
    a.stop().await;
    b.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn redis_stopped_then_back_costs_nothing_but_the_cache() {
    let mut redis = RedisServer::start().await;
    let url = redis.url();
    let app = TestApp::spawn_with(Backend::Sqlite, |c| c.redis_url = Some(url.clone())).await;
    let member = app.register("Sara Guasti").await;
    app.ask(&member, SLUG, "Prima del guasto", "x").await;
    settled(&app, None, FEED, json!({ "s": SLUG })).await;

    redis.stop();
    let (during, outcome) = feed(&app, None).await;
    assert_eq!(outcome, "fallback");
    assert_eq!(titles(&during), ["Prima del guasto"]);
    // Writes go on and are read back from the database.
    app.ask(&member, SLUG, "Durante il guasto", "x").await;
    let (during, outcome) = feed(&app, None).await;
    assert_eq!(outcome, "fallback");
    assert_eq!(titles(&during), ["Durante il guasto", "Prima del guasto"]);

    redis.restart().await;
    let back = until_outcome(&app, "miss").await;
    assert_eq!(titles(&back), ["Durante il guasto", "Prima del guasto"]);
    let (_, outcome) = feed(&app, None).await;
    assert_eq!(outcome, "hit", "caching resumes");

    let metrics = app
        .client
        .get(format!("{}/metrics", app.url))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    for outcome in ["hit", "miss", "fallback"] {
        assert!(
            metrics.contains(&format!(
                "piazza_cache_requests_total{{cache=\"community\",outcome=\"{outcome}\"}}"
            )),
            "{outcome} is counted"
        );
    }
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_closed_redis_port_never_fails_a_request() {
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = closed.local_addr().unwrap().port();
    drop(closed);
    let app = TestApp::spawn_with(Backend::Sqlite, |c| {
        c.redis_url = Some(format!("redis://127.0.0.1:{port}"));
    })
    .await;
    let member = app.register("Carlo Porta").await;
    app.ask(&member, SLUG, "Senza Redis", "x").await;
    for _ in 0..3 {
        let (data, outcome) = feed(&app, None).await;
        assert_eq!(outcome, "fallback");
        assert_eq!(titles(&data), ["Senza Redis"]);
    }
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_slow_redis_is_skipped_not_waited_for() {
    let redis = RedisServer::start().await;
    let url = redis.url();
    let app = TestApp::spawn_with(Backend::Sqlite, |c| c.redis_url = Some(url.clone())).await;
    let member = app.register("Lina Lenta").await;
    app.ask(&member, SLUG, "Redis in pausa", "x").await;
    settled(&app, None, FEED, json!({ "s": SLUG })).await;

    // Redis stops answering for 2 s. A request that waited for it would end as a hit or a
    // miss; a fallback proves the cache gave up and read the database.
    let client = redis::Client::open(url.as_str()).unwrap();
    let mut admin = client.get_multiplexed_async_connection().await.unwrap();
    let _: () = redis::cmd("CLIENT")
        .arg("PAUSE")
        .arg(2000)
        .arg("ALL")
        .query_async(&mut admin)
        .await
        .unwrap();
    app.ask(&member, SLUG, "Scritta durante la pausa", "x")
        .await;
    let (data, outcome) = feed(&app, None).await;
    assert_eq!(outcome, "fallback");
    assert_eq!(
        titles(&data),
        ["Scritta durante la pausa", "Redis in pausa"]
    );
    // Once the pause ends (CLIENT UNPAUSE would itself wait behind it): the write's bump
    // may have been lost while Redis was paused, and the entry cached before must not
    // come back.
    let back = until_outcome(&app, "miss").await;
    assert_eq!(
        titles(&back),
        ["Scritta durante la pausa", "Redis in pausa"]
    );
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn versions_evicted_from_redis_never_bring_back_an_old_entry() {
    let redis = RedisServer::start().await;
    let url = redis.url();
    let app = TestApp::spawn_with(Backend::Sqlite, |c| c.redis_url = Some(url.clone())).await;
    let member = app.register("Eva Sfratti").await;
    app.ask(&member, SLUG, "Prima dello sfratto", "x").await;
    // Cached while the community's version had never been bumped.
    settled(&app, None, FEED, json!({ "s": SLUG })).await;
    app.ask(&member, SLUG, "Dopo lo sfratto", "x").await;
    // Redis under memory pressure evicts the version keys (not the entries).
    let client = redis::Client::open(url.as_str()).unwrap();
    let mut conn = client.get_multiplexed_async_connection().await.unwrap();
    let versions: Vec<String> = redis::cmd("KEYS")
        .arg("piazza:cache:v:*")
        .query_async(&mut conn)
        .await
        .unwrap();
    assert!(!versions.is_empty());
    let _: () = redis::cmd("DEL")
        .arg(&versions)
        .query_async(&mut conn)
        .await
        .unwrap();
    let (data, outcome) = feed(&app, None).await;
    assert_eq!(outcome, "miss");
    assert_eq!(titles(&data), ["Dopo lo sfratto", "Prima dello sfratto"]);
    app.stop().await;
}
