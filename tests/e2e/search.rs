//! Search and "similar questions": Italian word forms, accents, case, PA synonyms, phrases
//! and references, filters, FAQ entries, an index that follows edits and deletions, bad
//! input, rate limits, and the same result sets on SQLite and PostgreSQL.

use std::collections::BTreeSet;

use piazza_e2e::{Backend, Member, TestApp};
use serde_json::{Value, json};

const SLUG: &str = "appalti-contratti";
const OTHER: &str = "bilancio-tributi";

const SEARCH: &str = "query($q: String!, $s: String, $f: SearchFilter, $first: Int, $after: String) { \
    search(query: $q, communitySlug: $s, filter: $f, first: $first, after: $after) { \
      edges { cursor node { thread { id title } faqEntry { id question } post { id } titleHtml snippetHtml } } \
      pageInfo { hasNextPage endCursor } } }";
const SIMILAR: &str = "query($t: String!, $b: String, $s: String) { \
    similarQuestions(title: $t, body: $b, communitySlug: $s) { id title } }";

/// The raw `search` connection for a query.
async fn search_page(app: &TestApp, q: &str, slug: Option<&str>, filter: Value) -> Value {
    app.ok(
        None,
        SEARCH,
        json!({ "q": q, "s": slug, "f": filter, "first": 50 }),
    )
    .await["search"]
        .clone()
}

/// What a search found, as `t<id>` for threads and `f<id>` for FAQ entries, best first.
async fn found(app: &TestApp, q: &str, slug: Option<&str>, filter: Value) -> Vec<String> {
    ids(&search_page(app, q, slug, filter).await)
}

fn ids(page: &Value) -> Vec<String> {
    page["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let n = &e["node"];
            match (n["thread"]["id"].as_str(), n["faqEntry"]["id"].as_str()) {
                (Some(t), None) => format!("t{t}"),
                (None, Some(f)) => format!("f{f}"),
                other => panic!("a hit is a thread or an FAQ entry: {other:?}"),
            }
        })
        .collect()
}

async fn find(app: &TestApp, q: &str) -> Vec<String> {
    found(app, q, None, Value::Null).await
}

fn t(id: &str) -> String {
    format!("t{id}")
}

async fn member(app: &TestApp, name: &str) -> Member {
    let m = app.register(name).await;
    app.join(&m, SLUG).await;
    m
}

both_backends! {
    async fn word_forms_accents_case_and_synonyms_match(app) {
        let m = member(&app, "Ricerca Forme").await;
        let appalto = app.ask(&m, SLUG, "Appalto di servizi sotto soglia", "Serve la determina a contrarre?").await;
        let citta = app.ask(&m, SLUG, "Perché la città deve pubblicare l'avviso?", "Domanda sugli obblighi di trasparenza.").await;
        let rup = app.ask(&m, SLUG, "Nomina del responsabile unico del progetto", "Chi può essere nominato per i lavori?").await;
        let acronym = app.ask(&m, SLUG, "Compenso del RUP interno", "Incentivi per funzioni tecniche.").await;
        let other = app.ask(&m, SLUG, "Variazione di bilancio urgente", "Serve il parere del revisore?").await;

        for q in ["appalti", "appaltare", "APPALTO", "Appalto"] {
            assert_eq!(find(&app, q).await, [t(&appalto)], "{q}");
        }
        for q in ["perche", "PERCHÉ", "citta", "Città", "CITTÀ"] {
            assert_eq!(find(&app, q).await, [t(&citta)], "{q}");
        }
        // The acronym finds the expansion and the other way round.
        let by_acronym: BTreeSet<String> = find(&app, "rup").await.into_iter().collect();
        assert_eq!(by_acronym, BTreeSet::from([t(&rup), t(&acronym)]));
        let by_words: BTreeSet<String> =
            find(&app, "responsabile unico del progetto").await.into_iter().collect();
        assert_eq!(by_words, BTreeSet::from([t(&rup), t(&acronym)]));
        // Every word is required.
        assert_eq!(find(&app, "appalto bilancio").await, Vec::<String>::new());
        assert_eq!(find(&app, "variazioni bilancio").await, [t(&other)]);
    }

    async fn phrases_and_references_are_exact(app) {
        let m = member(&app, "Ricerca Frasi").await;
        let reference = app.ask(&m, SLUG, "Affidamento diretto", "Ai sensi dell'art. 50 del D.Lgs. 36/2023 si può affidare.").await;
        let scattered = app.ask(&m, SLUG, "Termini di pagamento", "L'art. 12 prevede 50 giorni; nel 2023 erano 36.").await;
        let phrase = app.ask(&m, OTHER, "Variazione di bilancio in giunta", "La variazione di bilancio è urgente.").await;
        let reversed = app.ask(&m, OTHER, "Bilancio e variazione", "Il bilancio ha una variazione.").await;

        assert_eq!(find(&app, "art. 50").await, [t(&reference)]);
        assert_eq!(find(&app, "art 50").await, [t(&reference)]);
        assert_eq!(find(&app, "36/2023").await, [t(&reference)]);
        assert_eq!(find(&app, "d.lgs. 36/2023").await, [t(&reference)]);
        // Unquoted, the words may be anywhere; quoted, in this order.
        let loose: BTreeSet<String> = find(&app, "art 12 50").await.into_iter().collect();
        assert_eq!(loose, BTreeSet::from([t(&scattered)]));
        let words: BTreeSet<String> = find(&app, "variazione bilancio").await.into_iter().collect();
        assert_eq!(words, BTreeSet::from([t(&phrase), t(&reversed)]));
        assert_eq!(find(&app, "\"variazione di bilancio\"").await, [t(&phrase)]);
        assert_eq!(find(&app, "«variazioni di bilancio»").await, [t(&phrase)]);
    }

    async fn prefixes_and_highlighted_snippets(app) {
        let m = member(&app, "Ricerca Prefissi").await;
        let a = app.ask(&m, SLUG, "Appaltatore inadempiente", "Cosa fare con l'appaltatore se tarda < 30 giorni & le \"penali\"?").await;
        let b = app.ask(&m, SLUG, "Appalti integrati", "Sono ancora ammessi gli appalti integrati?").await;
        let found: BTreeSet<String> = find(&app, "appalt*").await.into_iter().collect();
        assert_eq!(found, BTreeSet::from([t(&a), t(&b)]));

        assert_eq!(find(&app, "integr*").await, [t(&b)]);
        let page = search_page(&app, "appaltatore inadempiente", None, Value::Null).await;
        let node = &page["edges"][0]["node"];
        let snippet = node["snippetHtml"].as_str().unwrap();
        assert!(snippet.contains("<mark>appaltatore</mark>"), "{snippet}");
        assert!(snippet.contains("&lt; 30 giorni &amp; le &quot;penali&quot;"), "{snippet}");
        assert_eq!(node["titleHtml"], "<mark>Appaltatore</mark> <mark>inadempiente</mark>");
        assert!(node["post"]["id"].as_str().is_some());
    }

    async fn filters_narrow_the_results(app) {
        let m = member(&app, "Ricerca Filtri").await;
        let expert = app.member_with_role("Esperta Filtri", "EXPERT").await;
        let other_author = member(&app, "Altro Autore").await;
        let question = app.ask(&m, SLUG, "Proroga tecnica del contratto", "Quando è ammessa la proroga?").await;
        let answered = app.ask(&m, SLUG, "Proroga del servizio mensa", "Si può prorogare?").await;
        let discussion = app
            .open_thread(&other_author, SLUG, "DISCUSSION", "Esperienze di proroga", "Raccontiamo le proroghe.", &["mensa"])
            .await;
        let elsewhere = app.ask(&m, OTHER, "Proroga dei termini di versamento", "Vale per l'IMU?").await;
        let reply = app.reply(&expert, &answered, "Sì, nei limiti dell'art. 120.").await;
        app.ok(Some(&expert.token), "mutation($p: ID!) { markOfficialAnswer(postId: $p) { id } }", json!({ "p": reply })).await;

        let all: BTreeSet<String> = find(&app, "proroga").await.into_iter().collect();
        assert_eq!(all.len(), 4);
        let set = |v: Vec<String>| v.into_iter().collect::<BTreeSet<_>>();
        assert_eq!(
            set(found(&app, "proroga", Some(SLUG), Value::Null).await),
            BTreeSet::from([t(&question), t(&answered), t(&discussion)])
        );
        assert_eq!(found(&app, "proroga", Some(OTHER), Value::Null).await, [t(&elsewhere)]);
        assert_eq!(
            found(&app, "proroga", None, json!({ "kind": "DISCUSSION" })).await,
            [t(&discussion)]
        );
        assert_eq!(
            found(&app, "proroga", None, json!({ "hasOfficialAnswer": true })).await,
            [t(&answered)]
        );
        assert_eq!(
            set(found(&app, "proroga", None, json!({ "answered": false })).await),
            BTreeSet::from([t(&question), t(&elsewhere)])
        );
        assert_eq!(found(&app, "proroga", None, json!({ "tag": "mensa" })).await, [t(&discussion)]);
        assert_eq!(
            found(&app, "proroga", None, json!({ "authorId": other_author.id })).await,
            [t(&discussion)]
        );
        assert_eq!(
            found(&app, "proroga", None, json!({ "to": "2000-01-01T00:00:00Z" })).await,
            Vec::<String>::new()
        );
        assert_eq!(
            set(found(&app, "proroga", None, json!({ "from": "2000-01-01T00:00:00Z" })).await),
            all
        );
        // An unknown community is not found, not "no results".
        let code = app.err(None, SEARCH, json!({ "q": "proroga", "s": "non-esiste" })).await;
        assert_eq!(code, "NOT_FOUND");
    }

    async fn faq_entries_are_found_until_withdrawn(app) {
        let expert = app.member_with_role("Esperta Ricerca Faq", "EXPERT").await;
        let m = member(&app, "Ricerca Faq").await;
        let thread = app.ask(&m, OTHER, "Scadenza della TARI", "Quando si paga?").await;
        let publish = "mutation($input: PublishFaqEntryInput!) { publishFaqEntry(input: $input) { id } }";
        let entry = app
            .ok(Some(&expert.token), publish, json!({ "input": {
                "communitySlug": OTHER, "question": "Come si calcola la tassa sui rifiuti?",
                "answer": "Con le tariffe approvate dal consiglio.", "tags": ["tari"],
                "references": ["L. 147/2013 art. 1 comma 651"] } }))
            .await["publishFaqEntry"]["id"]
            .as_str()
            .unwrap()
            .to_owned();
        let draft = app
            .ok(Some(&expert.token), publish, json!({ "input": {
                "communitySlug": OTHER, "question": "Bozza sulla tassa sui rifiuti",
                "answer": "Non ancora pubblicata.", "tags": [], "references": [], "draft": true } }))
            .await["publishFaqEntry"]["id"]
            .as_str()
            .unwrap()
            .to_owned();
        let f = |id: &str| format!("f{id}");
        // The acronym finds the entry (and the thread); FAQ entries rank first.
        let hits = find(&app, "TARI").await;
        assert_eq!(hits.iter().collect::<BTreeSet<_>>(), BTreeSet::from([&f(&entry), &t(&thread)]));
        assert_eq!(hits[0], f(&entry));
        assert_eq!(found(&app, "tari", None, json!({ "kind": "FAQ" })).await, [f(&entry)]);
        assert_eq!(find(&app, "147/2013").await, [f(&entry)]);
        assert!(!find(&app, "bozza").await.contains(&f(&draft)));

        app.ok(Some(&expert.token), "mutation($id: ID!) { updateFaqEntry(id: $id, input: { question: \"Come si calcola la tassa sui rifiuti?\", answer: \"Con le tariffe del piano economico finanziario.\", tags: [\"tari\"], references: [], changeNote: \"PEF\" }) { id } }", json!({ "id": entry })).await;
        assert_eq!(find(&app, "piano economico finanziario").await, [f(&entry)]);
        assert_eq!(find(&app, "consiglio").await, Vec::<String>::new());

        app.ok(Some(&expert.token), "mutation($id: ID!) { withdrawFaqEntry(id: $id, reason: \"superata\") { id } }", json!({ "id": entry })).await;
        assert_eq!(find(&app, "tari").await, [t(&thread)]);
    }

    async fn the_index_follows_edits_and_deletions(app) {
        let m = member(&app, "Ricerca Modifiche").await;
        let thread = app.ask(&m, SLUG, "Garanzia provvisoria", "Serve sempre?").await;
        let reply = app.reply(&m, &thread, "Dipende dallo zibaldone del capitolato.").await;
        let second = app.reply(&m, &thread, "Anche lo zibaldone regionale ne parla.").await;
        // One hit per thread, whichever of its posts matched.
        assert_eq!(find(&app, "zibaldone").await, [t(&thread)]);

        let edit = "mutation($id: ID!, $b: String!) { editPost(id: $id, body: $b) { id } }";
        app.ok(Some(&m.token), edit, json!({ "id": reply, "b": "Dipende dal disciplinare di gara." })).await;
        assert_eq!(find(&app, "disciplinare").await, [t(&thread)]);
        assert_eq!(find(&app, "zibaldone").await, [t(&thread)]);
        let delete = "mutation($id: ID!) { deletePost(id: $id) { id } }";
        app.ok(Some(&m.token), delete, json!({ "id": second })).await;
        assert_eq!(find(&app, "zibaldone").await, Vec::<String>::new());
        // The title is searchable through the first post.
        assert_eq!(find(&app, "garanzia provvisoria").await, [t(&thread)]);
    }

    async fn bad_input_is_refused_or_finds_nothing(app) {
        let m = member(&app, "Ricerca Errori").await;
        app.ask(&m, SLUG, "Domanda qualsiasi", "Testo qualsiasi.").await;
        let docs = app.count("search_docs").await;
        for bad in ["", "   ", "\"appalto", &"appalto ".repeat(1_300)] {
            let code = app.err(None, SEARCH, json!({ "q": bad })).await;
            assert_eq!(code, "BAD_USER_INPUT", "{bad:.20}");
        }
        let many: String = (0..20).map(|i| format!("parola{i} ")).collect();
        assert_eq!(app.err(None, SEARCH, json!({ "q": many })).await, "BAD_USER_INPUT");
        for nothing in ["* ( ) : - + ^", "\"\"", "di il e", "NEAR(a b) OR NOT AND", "'; drop table posts; --", "qualsiasi\u{0}"] {
            let q = nothing.to_owned();
            let resp = app.gql(None, SEARCH, json!({ "q": q })).await;
            assert!(resp.get("errors").is_none() || resp["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT", "{nothing}: {resp}");
        }
        assert_eq!(find(&app, "* ( ) : -").await, Vec::<String>::new());
        assert_eq!(app.err(None, SEARCH, json!({ "q": "domanda", "after": "???" })).await, "BAD_USER_INPUT");
        let long_title = "a".repeat(10_240);
        assert_eq!(app.err(None, SIMILAR, json!({ "t": long_title })).await, "BAD_USER_INPUT");
        assert_eq!(app.count("search_docs").await, docs);
    }

    async fn pages_follow_each_other(app) {
        let m = member(&app, "Ricerca Pagine").await;
        let mut all = BTreeSet::new();
        for i in 0..5 {
            all.insert(t(&app.ask(&m, SLUG, &format!("Convenzione numero {i}"), "Una convenzione tra comuni.").await));
        }
        let q = "query($after: String) { search(query: \"convenzione\", first: 2, after: $after) { edges { node { thread { id } } } pageInfo { hasNextPage endCursor } } }";
        let mut seen = BTreeSet::new();
        let mut after = Value::Null;
        for _ in 0..3 {
            let page = app.ok(None, q, json!({ "after": after })).await["search"].clone();
            for e in page["edges"].as_array().unwrap() {
                assert!(seen.insert(t(e["node"]["thread"]["id"].as_str().unwrap())), "no duplicates");
            }
            after = page["pageInfo"]["endCursor"].clone();
            if page["pageInfo"]["hasNextPage"] == false {
                break;
            }
        }
        assert_eq!(seen, all);
    }

    async fn similar_questions_suggest_threads_like_the_draft(app) {
        let m = member(&app, "Ricerca Simili").await;
        let rup = app.ask(&m, SLUG, "Come nominare il RUP per un appalto di lavori", "Servono requisiti?").await;
        let guarantee = app.ask(&m, SLUG, "Garanzia definitiva negli appalti", "Percentuale?").await;
        let unrelated = app.ask(&m, OTHER, "Rendiconto e avanzo vincolato", "Come si applica?").await;
        // Replies never stand for a thread here, only questions' titles and texts.
        app.reply(&m, &unrelated, "Nominare il responsabile unico del procedimento per i lavori").await;

        let data = app.ok(None, SIMILAR, json!({ "t": "Nomina del responsabile unico del procedimento", "b": "per lavori pubblici" })).await;
        let ids: Vec<&str> = data["similarQuestions"].as_array().unwrap().iter().map(|t| t["id"].as_str().unwrap()).collect();
        assert_eq!(ids.first(), Some(&rup.as_str()), "{data}");
        assert!(!ids.contains(&unrelated.as_str()));
        let data = app.ok(None, SIMILAR, json!({ "t": "garanzia appalti", "s": OTHER })).await;
        assert_eq!(data["similarQuestions"], json!([]));
        let data = app.ok(None, SIMILAR, json!({ "t": "garanzia appalti" })).await;
        let ids: Vec<&str> = data["similarQuestions"].as_array().unwrap().iter().map(|t| t["id"].as_str().unwrap()).collect();
        assert_eq!(ids.first(), Some(&guarantee.as_str()), "{data}");
        assert_eq!(app.ok(None, SIMILAR, json!({ "t": "di il ?" })).await["similarQuestions"], json!([]));
    }

    async fn admins_extend_the_synonyms(app) {
        let admin = app.admin().await;
        let m = member(&app, "Ricerca Sinonimi").await;
        let ztl = app.ask(&m, SLUG, "Permessi per la zona a traffico limitato", "Chi li rilascia?").await;
        assert_eq!(find(&app, "ztl").await, Vec::<String>::new());
        let set = "mutation($g: [[String!]!]!) { setSearchSynonyms(groups: $g) }";
        let groups = json!([["ZTL", "zona a traffico limitato"]]);
        let rows = app.count("search_synonyms").await;
        assert_eq!(app.err(Some(&m.token), set, json!({ "g": groups })).await, "FORBIDDEN");
        assert_eq!(app.err(None, set, json!({ "g": groups })).await, "UNAUTHENTICATED");
        assert_eq!(app.count("search_synonyms").await, rows);
        assert_eq!(app.err(Some(&admin.token), set, json!({ "g": [["solo"]] })).await, "BAD_USER_INPUT");
        app.ok(Some(&admin.token), set, json!({ "g": groups })).await;
        assert_eq!(find(&app, "ztl").await, [t(&ztl)]);
        let listed = app.ok(Some(&admin.token), "{ searchSynonyms }", json!({})).await;
        assert_eq!(listed["searchSynonyms"], groups);
        assert_eq!(app.err(Some(&m.token), "{ searchSynonyms }", json!({})).await, "FORBIDDEN");
    }
}

/// A fixed corpus and the queries the contract compares.
const CORPUS: &[(&str, &str, &str)] = &[
    (
        SLUG,
        "Appalto di servizi sotto soglia",
        "Affidamento diretto ai sensi dell'art. 50 del D.Lgs. 36/2023.",
    ),
    (
        SLUG,
        "Nomina del RUP",
        "Il responsabile unico del progetto deve essere un dipendente?",
    ),
    (
        SLUG,
        "Garanzie negli appalti integrati",
        "Percentuali e riduzioni per le PMI.",
    ),
    (
        SLUG,
        "Perché serve il CIG?",
        "Il codice identificativo gara va chiesto all'ANAC.",
    ),
    (
        OTHER,
        "Variazione di bilancio urgente",
        "La giunta può adottarla? Serve il parere del revisore.",
    ),
    (
        OTHER,
        "Scadenze IMU e TARI",
        "Calendario dei versamenti della città.",
    ),
    (
        OTHER,
        "DUP semplificato",
        "Il documento unico di programmazione per i piccoli comuni.",
    ),
    (
        OTHER,
        "Bilancio e variazione al PEG",
        "Chi approva le variazioni al piano esecutivo di gestione?",
    ),
];
const QUERIES: &[&str] = &[
    "appalti",
    "appalt*",
    "rup",
    "responsabile unico",
    "art. 50",
    "36/2023",
    "\"variazione di bilancio\"",
    "variazione bilancio",
    "citta",
    "perche",
    "cig",
    "dup",
    "peg",
    "imu tari",
    "garanzia",
    "serve",
    "documento unico di programmazione",
    "ANAC",
    "riduzioni pmi",
    "piccol*",
];

/// Builds the corpus and runs every query; results as thread titles, best first.
async fn contract_results(app: &TestApp) -> Vec<(String, Vec<String>)> {
    let m = member(app, "Contratto Ricerca").await;
    for (slug, title, body) in CORPUS {
        app.ask(&m, slug, title, body).await;
    }
    let mut out = Vec::new();
    for q in QUERIES {
        let page = search_page(app, q, None, Value::Null).await;
        let titles = page["edges"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["node"]["thread"]["title"].as_str().unwrap().to_owned())
            .collect();
        out.push(((*q).to_owned(), titles));
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_same_corpus_gives_the_same_result_sets_on_both_backends() {
    let sqlite = TestApp::spawn(Backend::Sqlite).await;
    let postgres = TestApp::spawn(Backend::Postgres).await;
    let a = contract_results(&sqlite).await;
    let b = contract_results(&postgres).await;
    assert_eq!(a, b);
    // Ranking happens in Rust over the stored terms, so even the order is the same. And the
    // contract is not vacuous: every query found something, some more than one thing.
    for (q, titles) in &a {
        assert!(!titles.is_empty(), "{q} found nothing");
    }
    assert!(
        a.iter().any(|(_, titles)| titles.len() >= 2),
        "some order is compared"
    );
}

/// Posts the index lacks (a restore from before search, rows imported with SQL) are
/// indexed in the background once the server starts, and are then found.
async fn backfill_after_restart(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let m = member(&app, "Indice Mancante").await;
    let mut threads = Vec::new();
    for i in 0..120 {
        threads.push(
            app.ask(
                &m,
                SLUG,
                &format!("Zibaldone numero {i}"),
                "Testo da ritrovare",
            )
            .await,
        );
    }
    app.reply(&m, &threads[0], "Risposta sul protocollo").await;
    let documents = app.count("search_docs").await;
    assert!(documents >= 121, "{documents}");
    let sql = "delete from search_docs";
    match app.state.db.backend() {
        piazza_db::Backend::Sqlite { write, .. } => sqlx::query(sql).execute(write).await.map(drop),
        piazza_db::Backend::Postgres(pool) => sqlx::query(sql).execute(pool).await.map(drop),
    }
    .expect("index emptied");
    let database = app.database.clone();
    app.stop().await;

    let restarted = TestApp::spawn_on(database, |_| {}).await;
    tokio::time::timeout(
        std::time::Duration::from_secs(120),
        restarted.state.search_backfill.finished(),
    )
    .await
    .expect("the backfill finishes");
    assert!(restarted.state.search_backfill.is_finished());
    assert_eq!(restarted.count("search_docs").await, documents);
    let page = search_page(&restarted, "zibaldone", None, Value::Null).await;
    assert_eq!(ids(&page).len(), 50);
    assert_eq!(page["pageInfo"]["hasNextPage"], true);
    assert_eq!(find(&restarted, "protocollo").await, [t(&threads[0])]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn missing_documents_are_indexed_after_start_sqlite() {
    backfill_after_restart(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn missing_documents_are_indexed_after_start_postgres() {
    backfill_after_restart(Backend::Postgres).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn searches_are_rate_limited() {
    let app = TestApp::spawn_with(Backend::Sqlite, |c| c.rate_limit_disabled = false).await;
    for _ in 0..30 {
        app.ok(None, SEARCH, json!({ "q": "appalto" })).await;
    }
    assert_eq!(
        app.err(None, SEARCH, json!({ "q": "appalto" })).await,
        "RATE_LIMITED"
    );
    assert_eq!(
        app.err(None, SIMILAR, json!({ "t": "appalto" })).await,
        "RATE_LIMITED"
    );
}
