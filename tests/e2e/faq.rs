//! The official FAQ: who may write it, drafts invisible to members, revisions with
//! obligatory notes and their diffs, withdrawal, promotion of posts, the changelog with the
//! per-member seen marker, notifications to followers, live community events, tags and
//! export.

use piazza_e2e::{Member, TestApp, ws::WsClient};
use serde_json::{Value, json};

const SLUG: &str = "appalti-contratti";
const OTHER: &str = "bilancio-tributi";

const PUBLISH: &str = "mutation($input: PublishFaqEntryInput!) { publishFaqEntry(input: $input) { id status version question answer answerHtml tags references publishedAt } }";
const UPDATE: &str = "mutation($id: ID!, $input: UpdateFaqEntryInput!) { updateFaqEntry(id: $id, input: $input) { id version question answer status } }";
const WITHDRAW: &str = "mutation($id: ID!, $r: String!) { withdrawFaqEntry(id: $id, reason: $r) { id status withdrawalReason withdrawnAt } }";
const PUBLISH_DRAFT: &str =
    "mutation($id: ID!) { publishFaqDraft(id: $id) { id status version publishedAt } }";
const PROMOTE: &str = "mutation($p: ID!, $q: String!) { promotePostToFaq(postId: $p, question: $q) { id status question answer tags sourcePost { id } } }";
const ENTRY: &str = "query($id: ID!) { faqEntry(id: $id) { id status version question answer withdrawalReason revisions { version question changeNote editor { displayName } } } }";
const LIST: &str = "query($s: String!, $status: FaqStatus, $tag: String) { community(slug: $s) { faq(first: 50, status: $status, tag: $tag) { edges { node { id question status } } } } }";
const UNSEEN: &str =
    "query($s: String!) { community(slug: $s) { faqUnseenChanges faqLastSeenAt } }";
const MARK_SEEN: &str = "mutation($s: String!) { markFaqSeen(slug: $s) { slug faqUnseenChanges } }";

/// Publishes (or drafts) an entry as `who`; returns the whole response.
async fn publish_as(
    app: &TestApp,
    who: &Member,
    slug: &str,
    question: &str,
    answer: &str,
    draft: bool,
) -> Value {
    app.gql(
        Some(&who.token),
        PUBLISH,
        json!({ "input": {
            "communitySlug": slug, "question": question, "answer": answer, "draft": draft,
            "tags": ["cig"], "references": ["D.Lgs. 36/2023 art. 50"]
        }}),
    )
    .await
}

/// Publishes an entry that must succeed; returns its id.
async fn publish(app: &TestApp, who: &Member, slug: &str, question: &str, answer: &str) -> String {
    let resp = publish_as(app, who, slug, question, answer, false).await;
    assert!(resp.get("errors").is_none(), "{resp:#}");
    resp["data"]["publishFaqEntry"]["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

async fn draft(app: &TestApp, who: &Member, slug: &str, question: &str, answer: &str) -> String {
    let resp = publish_as(app, who, slug, question, answer, true).await;
    assert!(resp.get("errors").is_none(), "{resp:#}");
    resp["data"]["publishFaqEntry"]["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

async fn update(app: &TestApp, who: &Member, id: &str, input: Value) -> Value {
    app.ok(
        Some(&who.token),
        UPDATE,
        json!({ "id": id, "input": input }),
    )
    .await["updateFaqEntry"]
        .clone()
}

async fn list(
    app: &TestApp,
    who: Option<&Member>,
    status: Option<&str>,
    tag: Option<&str>,
) -> Vec<String> {
    let data = app
        .ok(
            who.map(|m| m.token.as_str()),
            LIST,
            json!({ "s": SLUG, "status": status, "tag": tag }),
        )
        .await;
    data["community"]["faq"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["node"]["id"].as_str().unwrap().to_owned())
        .collect()
}

async fn entry(app: &TestApp, who: Option<&Member>, id: &str) -> Value {
    app.ok(who.map(|m| m.token.as_str()), ENTRY, json!({ "id": id }))
        .await["faqEntry"]
        .clone()
}

async fn make_community_moderator(app: &TestApp, who: &Member, slug: &str) {
    let admin = app.admin().await;
    app.ok(
        Some(&admin.token),
        "mutation($s: String!, $u: ID!) { setCommunityModerator(slug: $s, userId: $u, moderator: true) { slug } }",
        json!({ "s": slug, "u": who.id }),
    )
    .await;
}

/// Row counts of everything an FAQ write touches, to prove refusals change nothing.
async fn faq_rows(app: &TestApp) -> Vec<i64> {
    let mut counts = Vec::new();
    for table in [
        "faq_entries",
        "faq_revisions",
        "faq_changes",
        "notifications",
        "events",
    ] {
        counts.push(app.count(table).await);
    }
    counts
}

async fn notifications(app: &TestApp, who: &Member) -> Vec<Value> {
    let data = app
        .ok(
            Some(&who.token),
            "{ notifications(first: 50) { edges { node { kind actor { displayName } faqEntry { id status question } } } } }",
            json!({}),
        )
        .await;
    data["notifications"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["node"].clone())
        .collect()
}

both_backends! {
    async fn editors_publish_and_everyone_reads(app) {
        let expert = app.member_with_role("Esperta Anci", "EXPERT").await;
        let member = app.register("Mario Comune").await;
        let resp = publish_as(&app, &expert, SLUG, "Serve il CIG per gli affidamenti diretti?",
            "Sì, **sempre**. <script>alert(1)</script>", false).await;
        let e = &resp["data"]["publishFaqEntry"];
        assert_eq!((e["status"].as_str(), e["version"].as_i64()), (Some("PUBLISHED"), Some(1)), "{resp}");
        assert!(e["publishedAt"].is_string());
        assert_eq!(e["answer"], "Sì, **sempre**. <script>alert(1)</script>", "the markdown source is kept");
        let html = e["answerHtml"].as_str().unwrap();
        assert!(html.contains("<strong>sempre</strong>"), "{html}");
        assert!(!html.contains("<script"), "sanitised like posts: {html}");
        assert_eq!(e["tags"], json!(["cig"]));
        assert_eq!(e["references"], json!(["D.Lgs. 36/2023 art. 50"]));
        let id = e["id"].as_str().unwrap();

        for reader in [Some(&member), None] {
            let got = entry(&app, reader, id).await;
            assert_eq!(got["question"], "Serve il CIG per gli affidamenti diretti?");
            assert_eq!(got["revisions"], json!([{ "version": 1, "question": "Serve il CIG per gli affidamenti diretti?",
                "changeNote": "Prima pubblicazione", "editor": { "displayName": "Esperta Anci" } }]));
            assert_eq!(list(&app, reader, None, None).await, vec![id.to_owned()]);
        }
        let fields = app.ok(None, "query($id: ID!) { faqEntry(id: $id) { community { slug } sourcePost { id } viewerCanEdit inForce } }", json!({ "id": id })).await;
        assert_eq!(fields["faqEntry"], json!({ "community": { "slug": SLUG }, "sourcePost": null, "viewerCanEdit": false, "inForce": true }));
        assert_eq!(app.ok(None, "{ faqEntry(id: \"987654\") { id } }", json!({})).await["faqEntry"], Value::Null);
    }

    async fn only_editors_of_the_community_may_write(app) {
        let expert = app.member_with_role("Esperto Uno", "EXPERT").await;
        let member = app.register("Socio Semplice").await;
        app.join(&member, SLUG).await;
        let other_moderator = app.register("Moderatore Altrove").await;
        make_community_moderator(&app, &other_moderator, OTHER).await;
        let asker = app.register("Chi Chiede").await;
        let thread = app.ask(&asker, SLUG, "Domanda da promuovere nelle FAQ", "Come si fa?").await;
        let answer = app.reply(&expert, &thread, "Così, secondo la norma.").await;
        let published = publish(&app, &expert, SLUG, "Voce pubblicata da non toccare?", "Risposta").await;
        let drafted = draft(&app, &expert, SLUG, "Bozza da non pubblicare?", "Risposta").await;

        let before = faq_rows(&app).await;
        // A draft does not exist for non-editors: acting on one is NOT_FOUND, like a missing id.
        let refusals = [
            (None, "UNAUTHENTICATED", "UNAUTHENTICATED"),
            (Some(&member), "FORBIDDEN", "NOT_FOUND"),
            (Some(&other_moderator), "FORBIDDEN", "NOT_FOUND"),
        ];
        for (who, code, on_draft) in refusals {
            let token = who.map(|m: &Member| m.token.as_str());
            let input = json!({ "communitySlug": SLUG, "question": "Una domanda qualsiasi?", "answer": "x" });
            assert_eq!(app.err(token, PUBLISH, json!({ "input": input })).await, code, "publish");
            assert_eq!(app.err(token, UPDATE, json!({ "id": published, "input": { "answer": "altro", "changeNote": "prova" } })).await, code, "update");
            assert_eq!(app.err(token, UPDATE, json!({ "id": drafted, "input": { "answer": "altro", "changeNote": "prova" } })).await, on_draft, "update draft");
            assert_eq!(app.err(token, WITHDRAW, json!({ "id": published, "r": "Non più valida" })).await, code, "withdraw");
            assert_eq!(app.err(token, WITHDRAW, json!({ "id": drafted, "r": "Non più valida" })).await, on_draft, "withdraw draft");
            assert_eq!(app.err(token, PUBLISH_DRAFT, json!({ "id": drafted })).await, on_draft, "publish draft");
            assert_eq!(app.err(token, PROMOTE, json!({ "p": answer, "q": "Come si fa a promuovere?" })).await, code, "promote");
        }
        assert_eq!(faq_rows(&app).await, before, "refusals change nothing");
        assert_eq!(entry(&app, Some(&expert), &published).await["version"], 1);

        // Experts, moderators of the community, global moderators and admins may.
        let community_moderator = app.register("Moderatrice Appalti").await;
        make_community_moderator(&app, &community_moderator, SLUG).await;
        let global_moderator = app.member_with_role("Moderatore Globale", "MODERATOR").await;
        let admin = app.admin().await;
        for (n, who) in [&expert, &community_moderator, &global_moderator, &admin].into_iter().enumerate() {
            publish(&app, who, SLUG, &format!("Domanda numero {n} delle FAQ?"), "Risposta").await;
            update(&app, who, &published, json!({ "answer": format!("Risposta {n}"), "changeNote": format!("Modifica {n}") })).await;
        }
        assert_eq!(entry(&app, None, &published).await["version"], 5);
        // The other community's moderator edits there, not here.
        publish(&app, &other_moderator, OTHER, "Domanda sul bilancio di previsione?", "Sì").await;
    }

    async fn acting_on_a_draft_answers_non_editors_as_for_a_missing_id(app) {
        let expert = app.member_with_role("Esperta Riservata", "EXPERT").await;
        let member = app.register("Socia Curiosa").await;
        let pending = app.register_unverified("Pia In Attesa", "ente-sconosciuto.example.org").await;
        app.verify_email(&pending.email).await;
        let other_moderator = app.register("Moderatore Di Bilancio").await;
        make_community_moderator(&app, &other_moderator, OTHER).await;
        let drafted = draft(&app, &expert, SLUG, "Bozza di cui nessuno deve sapere?", "Riservata").await;
        // An id no entry has (ids are sequential, so it is far past the draft's).
        let missing = (drafted.parse::<i64>().unwrap() + 1000).to_string();
        let calls = [
            (UPDATE, json!({ "input": { "answer": "altro", "changeNote": "prova" } })),
            (PUBLISH_DRAFT, json!({})),
            (WITHDRAW, json!({ "r": "Non più valida" })),
        ];

        let before = faq_rows(&app).await;
        for who in [&member, &pending, &other_moderator] {
            for (query, vars) in &calls {
                let with = |id: &str| {
                    let mut v = vars.clone();
                    v["id"] = json!(id);
                    v
                };
                let on_draft = app.gql(Some(&who.token), query, with(&drafted)).await;
                let on_missing = app.gql(Some(&who.token), query, with(&missing)).await;
                assert_eq!(on_draft["errors"][0]["extensions"]["code"], "NOT_FOUND", "{on_draft}");
                // The whole answer — code, message, path — is the same: nothing tells them apart.
                assert_eq!(on_draft, on_missing, "{query}");
            }
        }
        assert_eq!(faq_rows(&app).await, before, "refusals change nothing");

        // Editors keep their answers: the draft is there (withdrawing one is a conflict).
        assert_eq!(app.err(Some(&expert.token), WITHDRAW, json!({ "id": drafted, "r": "Non più valida" })).await, "CONFLICT");
        assert_eq!(app.err(Some(&expert.token), WITHDRAW, json!({ "id": missing, "r": "Non più valida" })).await, "NOT_FOUND");
        assert_eq!(app.err(Some(&expert.token), PUBLISH_DRAFT, json!({ "id": missing })).await, "NOT_FOUND");
        let published = app.ok(Some(&expert.token), PUBLISH_DRAFT, json!({ "id": drafted })).await;
        assert_eq!(published["publishFaqDraft"]["status"], "PUBLISHED");
        // Published, the entry is public: a non-editor acting on it is FORBIDDEN.
        assert_eq!(app.err(Some(&member.token), WITHDRAW, json!({ "id": drafted, "r": "Non più valida" })).await, "FORBIDDEN");
    }

    async fn drafts_are_visible_to_editors_only(app) {
        let expert = app.member_with_role("Esperta Bozze", "EXPERT").await;
        let member = app.register("Lettore Curioso").await;
        app.join(&member, SLUG).await;
        let published = publish(&app, &expert, SLUG, "Voce già pubblicata?", "Sì").await;
        let d = draft(&app, &expert, SLUG, "Bozza riservata agli esperti?", "Contenuto riservato").await;
        assert_eq!(entry(&app, Some(&expert), &d).await["status"], "DRAFT");

        for reader in [Some(&member), None] {
            assert_eq!(entry(&app, reader, &d).await, Value::Null, "a draft does not exist for members");
            assert_eq!(list(&app, reader, None, None).await, vec![published.clone()]);
            assert!(list(&app, reader, Some("DRAFT"), None).await.is_empty());
        }
        assert_eq!(list(&app, Some(&expert), None, None).await, vec![published.clone(), d.clone()]);
        assert_eq!(list(&app, Some(&expert), Some("DRAFT"), None).await, vec![d.clone()]);
        // Drafting announces nothing.
        let changes = "query($s: String!) { community(slug: $s) { faqChangelog { edges { node { kind entry { id } } } } } }";
        let log = app.ok(Some(&member.token), changes, json!({ "s": SLUG })).await;
        assert_eq!(log["community"]["faqChangelog"]["edges"].as_array().unwrap().len(), 1);
        assert_eq!(notifications(&app, &member).await.len(), 1, "only the published entry");
        // Editing a draft keeps it private and silent.
        let edited = update(&app, &expert, &d, json!({ "answer": "Contenuto rivisto", "changeNote": "Revisione" })).await;
        assert_eq!((edited["status"].as_str(), edited["version"].as_i64()), (Some("DRAFT"), Some(2)));
        assert_eq!(entry(&app, Some(&member), &d).await, Value::Null);
        assert_eq!(notifications(&app, &member).await.len(), 1);

        // Publishing it: now everyone sees it, announced as added.
        let p = app.ok(Some(&expert.token), PUBLISH_DRAFT, json!({ "id": d })).await["publishFaqDraft"].clone();
        assert_eq!((p["status"].as_str(), p["version"].as_i64()), (Some("PUBLISHED"), Some(2)), "the version stays");
        assert!(p["publishedAt"].is_string());
        assert_eq!(entry(&app, Some(&member), &d).await["answer"], "Contenuto rivisto");
        let log = app.ok(Some(&member.token), changes, json!({ "s": SLUG })).await;
        assert_eq!(log["community"]["faqChangelog"]["edges"][0]["node"], json!({ "kind": "ADDED", "entry": { "id": d } }));
        assert_eq!(notifications(&app, &member).await[0]["kind"], "FAQ_PUBLISHED");
        assert_eq!(app.err(Some(&expert.token), PUBLISH_DRAFT, json!({ "id": d })).await, "CONFLICT", "only drafts");
    }

    async fn every_change_is_a_revision_with_a_note_and_diffs_show_it(app) {
        let expert = app.member_with_role("Esperto Revisioni", "EXPERT").await;
        let moderator = app.member_with_role("Moderatore Revisioni", "MODERATOR").await;
        let id = publish(&app, &expert, SLUG, "Qual è la soglia per l'affidamento diretto?", "La soglia è 40.000 euro.").await;

        // The change note is obligatory: missing is a schema error, blank is refused.
        let missing = app.gql(Some(&expert.token), UPDATE, json!({ "id": id, "input": { "answer": "x" } })).await;
        assert!(missing["errors"].is_array(), "{missing}");
        let before = faq_rows(&app).await;
        let blank = json!({ "id": id, "input": { "answer": "La soglia è 140.000 euro.", "changeNote": "   " } });
        assert_eq!(app.err(Some(&expert.token), UPDATE, blank).await, "BAD_USER_INPUT");
        let same = json!({ "id": id, "input": { "answer": "La soglia è 40.000 euro.", "changeNote": "Nessuna" } });
        assert_eq!(app.err(Some(&expert.token), UPDATE, same).await, "BAD_USER_INPUT", "a change must change something");
        assert_eq!(faq_rows(&app).await, before);

        let v2 = update(&app, &expert, &id, json!({ "answer": "La soglia è 140.000 euro per i servizi.", "changeNote": "Nuovo codice" })).await;
        assert_eq!(v2["version"], 2);
        let v3 = update(&app, &moderator, &id, json!({ "question": "Qual è la soglia per l'affidamento diretto di servizi?", "answer": "La soglia è 140.000 euro per i servizi <b>e forniture</b>.", "changeNote": "Forniture" })).await;
        assert_eq!((v3["version"].as_i64(), v3["status"].as_str()), (Some(3), Some("PUBLISHED")));
        let got = entry(&app, None, &id).await;
        let history: Vec<_> = got["revisions"].as_array().unwrap().iter()
            .map(|r| (r["version"].as_i64().unwrap(), r["changeNote"].as_str().unwrap().to_owned(), r["editor"]["displayName"].as_str().unwrap().to_owned()))
            .collect();
        assert_eq!(history, vec![
            (1, "Prima pubblicazione".into(), "Esperto Revisioni".into()),
            (2, "Nuovo codice".into(), "Esperto Revisioni".into()),
            (3, "Forniture".into(), "Moderatore Revisioni".into()),
        ]);

        let diff = |from: i64, to: i64| {
            let (app, id) = (&app, id.clone());
            async move {
                app.gql(None, "query($id: ID!, $f: Int!, $t: Int!) { faqEntry(id: $id) { diff(fromVersion: $f, toVersion: $t) } }",
                    json!({ "id": id, "f": from, "t": to })).await
            }
        };
        let d12 = diff(1, 2).await["data"]["faqEntry"]["diff"].as_str().unwrap().to_owned();
        assert!(d12.contains("<pre class=\"faq-diff-answer\">La soglia è <del>40.000 euro.</del><ins>140.000 euro per i servizi.</ins></pre>"), "{d12}");
        assert!(d12.contains("<p class=\"faq-diff-question\">Qual è la soglia per l&#39;affidamento diretto?</p>"), "the question did not change: {d12}");
        let d13 = diff(1, 3).await["data"]["faqEntry"]["diff"].as_str().unwrap().to_owned();
        assert!(d13.contains("servizi &lt;b&gt;e forniture&lt;/b&gt;.</ins>"), "markdown source is escaped: {d13}");
        assert!(!d13.contains("<b>"), "{d13}");
        assert!(d13.contains("affidamento <del>diretto?</del><ins>diretto di servizi?</ins></p>"), "{d13}");
        let unknown = diff(1, 9).await;
        assert_eq!(unknown["errors"][0]["extensions"]["code"], "NOT_FOUND", "{unknown}");
    }

    async fn withdrawn_entries_stay_readable_with_their_reason(app) {
        let expert = app.member_with_role("Esperta Ritiri", "EXPERT").await;
        let member = app.register("Lettrice Attenta").await;
        let id = publish(&app, &expert, SLUG, "Si applica ancora il vecchio codice?", "Sì, fino al 30 giugno.").await;
        update(&app, &expert, &id, json!({ "answer": "Sì, fino al 30 giugno 2023.", "changeNote": "Data precisa" })).await;
        let d = draft(&app, &expert, SLUG, "Una bozza da ritirare?", "No").await;

        assert_eq!(app.err(Some(&expert.token), WITHDRAW, json!({ "id": id, "r": "  " })).await, "BAD_USER_INPUT", "a reason is required");
        assert_eq!(app.err(Some(&expert.token), WITHDRAW, json!({ "id": d, "r": "Non serve" })).await, "CONFLICT", "drafts are not withdrawn");
        let w = app.ok(Some(&expert.token), WITHDRAW, json!({ "id": id, "r": "Abrogato dal D.Lgs. 36/2023" })).await["withdrawFaqEntry"].clone();
        assert_eq!((w["status"].as_str(), w["withdrawalReason"].as_str()), (Some("WITHDRAWN"), Some("Abrogato dal D.Lgs. 36/2023")));
        assert!(w["withdrawnAt"].is_string());

        let got = entry(&app, Some(&member), &id).await;
        assert_eq!((got["status"].as_str(), got["version"].as_i64()), (Some("WITHDRAWN"), Some(2)));
        assert_eq!(got["answer"], "Sì, fino al 30 giugno 2023.", "the text is kept");
        assert_eq!(got["withdrawalReason"], "Abrogato dal D.Lgs. 36/2023");
        assert_eq!(got["revisions"].as_array().unwrap().len(), 2, "and its history");
        assert!(list(&app, Some(&member), None, None).await.is_empty(), "not in the current FAQ");
        assert_eq!(list(&app, Some(&member), Some("WITHDRAWN"), None).await, vec![id.clone()]);

        let before = faq_rows(&app).await;
        assert_eq!(app.err(Some(&expert.token), WITHDRAW, json!({ "id": id, "r": "Di nuovo" })).await, "CONFLICT");
        assert_eq!(app.err(Some(&expert.token), UPDATE, json!({ "id": id, "input": { "answer": "Ritorno", "changeNote": "Ripristino" } })).await, "CONFLICT");
        assert_eq!(faq_rows(&app).await, before);
        let can = app.ok(Some(&expert.token), "query($id: ID!) { faqEntry(id: $id) { viewerCanEdit } }", json!({ "id": id })).await;
        assert_eq!(can["faqEntry"]["viewerCanEdit"], false);
    }

    async fn an_answer_promoted_to_faq_links_both_ways(app) {
        let expert = app.member_with_role("Esperto Promozioni", "EXPERT").await;
        let asker = app.register("Segretaria Comunale").await;
        let thread = app.open_thread(&asker, SLUG, "QUESTION", "Come si nomina il RUP in un piccolo comune?", "Chi può essere?", &["rup"]).await;
        let answer = app.reply(&expert, &thread, "Il RUP è nominato tra i dipendenti di ruolo (art. 15).").await;
        let marker = "query($t: ID!) { thread(id: $t) { faqEntries { id status } posts { edges { node { id promotedToFaq { id status } } } } } }";

        let before = faq_rows(&app).await;
        assert_eq!(app.err(Some(&asker.token), PROMOTE, json!({ "p": answer, "q": "Chi può essere nominato RUP?" })).await, "FORBIDDEN");
        assert_eq!(faq_rows(&app).await, before);
        assert_eq!(app.err(Some(&expert.token), PROMOTE, json!({ "p": answer, "q": "Corta" })).await, "BAD_USER_INPUT");
        assert_eq!(app.err(Some(&expert.token), PROMOTE, json!({ "p": "987654", "q": "Chi può essere nominato RUP?" })).await, "NOT_FOUND");

        let e = app.ok(Some(&expert.token), PROMOTE, json!({ "p": answer, "q": "Chi può essere nominato RUP?" })).await["promotePostToFaq"].clone();
        assert_eq!(e["status"], "DRAFT");
        assert_eq!(e["question"], "Chi può essere nominato RUP?");
        assert_eq!(e["answer"], "Il RUP è nominato tra i dipendenti di ruolo (art. 15).");
        assert_eq!(e["tags"], json!(["rup"]), "the thread's tags");
        assert_eq!(e["sourcePost"]["id"], answer.as_str());
        let id = e["id"].as_str().unwrap().to_owned();
        assert_eq!(app.err(Some(&expert.token), PROMOTE, json!({ "p": answer, "q": "Chi può essere nominato RUP, di nuovo?" })).await, "CONFLICT", "once per post");

        // While a draft, only editors see the link.
        let seen_by = |who: &Member| {
            let (app, token, thread) = (&app, who.token.clone(), thread.clone());
            async move { app.ok(Some(&token), marker, json!({ "t": thread })).await["thread"].clone() }
        };
        let asker_view = seen_by(&asker).await;
        assert_eq!(asker_view["faqEntries"], json!([]));
        assert_eq!(asker_view["posts"]["edges"][0]["node"]["promotedToFaq"], Value::Null);
        let expert_view = seen_by(&expert).await;
        assert_eq!(expert_view["faqEntries"], json!([{ "id": id, "status": "DRAFT" }]));
        assert_eq!(expert_view["posts"]["edges"][0]["node"]["promotedToFaq"], json!({ "id": id, "status": "DRAFT" }));

        app.ok(Some(&expert.token), PUBLISH_DRAFT, json!({ "id": id })).await;
        let asker_view = seen_by(&asker).await;
        assert_eq!(asker_view["faqEntries"], json!([{ "id": id, "status": "PUBLISHED" }]));
        assert_eq!(asker_view["posts"]["edges"][0]["node"]["promotedToFaq"], json!({ "id": id, "status": "PUBLISHED" }));
        let revisions = entry(&app, Some(&asker), &id).await["revisions"].clone();
        assert!(revisions[0]["changeNote"].as_str().unwrap().contains(&format!("n. {answer}")), "{revisions}");

        // Promoting straight to published is possible too.
        let other = app.reply(&expert, &thread, "Inoltre serve la formazione specifica.").await;
        let q = "mutation($p: ID!) { promotePostToFaq(postId: $p, question: \"Il RUP deve essere formato?\", publish: true) { status } }";
        assert_eq!(app.ok(Some(&expert.token), q, json!({ "p": other })).await["promotePostToFaq"]["status"], "PUBLISHED");
    }

    async fn the_changelog_counts_what_changed_since_my_last_visit(app) {
        let expert = app.member_with_role("Esperto Changelog", "EXPERT").await;
        let member = app.register("Membro Assiduo").await;
        app.join(&member, SLUG).await;
        let unseen = |who: Option<&Member>| {
            let (app, token) = (&app, who.map(|m| m.token.clone()));
            async move { app.ok(token.as_deref(), UNSEEN, json!({ "s": SLUG })).await["community"].clone() }
        };
        assert_eq!(unseen(Some(&member)).await, json!({ "faqUnseenChanges": 0, "faqLastSeenAt": null }));
        assert_eq!(unseen(None).await, json!({ "faqUnseenChanges": null, "faqLastSeenAt": null }));

        let a = publish(&app, &expert, SLUG, "Prima voce del changelog?", "Uno").await;
        let b = publish(&app, &expert, SLUG, "Seconda voce del changelog?", "Due").await;
        update(&app, &expert, &a, json!({ "answer": "Uno, corretto", "changeNote": "Correzione" })).await;
        app.ok(Some(&expert.token), WITHDRAW, json!({ "id": b, "r": "Superata" })).await;
        draft(&app, &expert, SLUG, "Bozza che non conta?", "x").await;
        publish(&app, &expert, OTHER, "Voce di un'altra comunità?", "y").await;
        assert_eq!(unseen(Some(&member)).await["faqUnseenChanges"], 4);

        let q = "query($s: String!, $since: DateTime, $after: String) { community(slug: $s) { faqChangelog(first: 3, since: $since, after: $after) { edges { node { kind version changeNote createdAt editor { displayName } entry { id } } } pageInfo { hasNextPage endCursor } } } }";
        let page = app.ok(None, q, json!({ "s": SLUG })).await["community"]["faqChangelog"].clone();
        let rows: Vec<_> = page["edges"].as_array().unwrap().iter()
            .map(|e| (e["node"]["kind"].as_str().unwrap().to_owned(), e["node"]["version"].as_i64().unwrap(), e["node"]["changeNote"].as_str().unwrap().to_owned(), e["node"]["entry"]["id"].as_str().unwrap().to_owned()))
            .collect();
        assert_eq!(rows, vec![
            ("WITHDRAWN".into(), 1, "Superata".into(), b.clone()),
            ("CHANGED".into(), 2, "Correzione".into(), a.clone()),
            ("ADDED".into(), 1, "Prima pubblicazione".into(), b.clone()),
        ]);
        assert_eq!(page["edges"][0]["node"]["editor"]["displayName"], "Esperto Changelog");
        assert_eq!(page["pageInfo"]["hasNextPage"], true);
        let next = app.ok(None, q, json!({ "s": SLUG, "after": page["pageInfo"]["endCursor"] })).await["community"]["faqChangelog"].clone();
        assert_eq!(next["edges"].as_array().unwrap().len(), 1);
        assert_eq!(next["edges"][0]["node"]["kind"], "ADDED");
        assert_eq!(next["edges"][0]["node"]["entry"]["id"], a.as_str());

        // Marking as seen resets the count and dates the visit; later changes count again.
        assert_eq!(app.err(None, MARK_SEEN, json!({ "s": SLUG })).await, "UNAUTHENTICATED");
        let marked = app.ok(Some(&member.token), MARK_SEEN, json!({ "s": SLUG })).await;
        assert_eq!(marked["markFaqSeen"]["faqUnseenChanges"], 0);
        let seen = unseen(Some(&member)).await;
        let seen_at = seen["faqLastSeenAt"].as_str().expect("a visit time").to_owned();
        update(&app, &expert, &a, json!({ "answer": "Uno, ricorretto", "changeNote": "Seconda correzione" })).await;
        assert_eq!(unseen(Some(&member)).await["faqUnseenChanges"], 1);
        assert_eq!(unseen(Some(&expert)).await["faqUnseenChanges"], 5, "markers are per member");
        let since = app.ok(None, q, json!({ "s": SLUG, "since": seen_at })).await["community"]["faqChangelog"]["edges"].clone();
        assert_eq!(since.as_array().unwrap().len(), 1);
        assert_eq!(since[0]["node"]["changeNote"], "Seconda correzione");
    }

    async fn followers_of_the_community_are_notified(app) {
        let expert = app.member_with_role("Esperta Notifiche", "EXPERT").await;
        let member = app.register("Iscritta Appalti").await;
        app.join(&member, SLUG).await;
        let outsider = app.register("Iscritto Altrove").await;
        app.join(&outsider, OTHER).await;
        app.join(&expert, SLUG).await;
        // Follow levels decide: a member who muted the community hears nothing; someone who
        // watches it without joining is told.
        let level = "mutation($s: String!, $l: NotificationLevel!) { setCommunityNotificationLevel(slug: $s, level: $l) { slug } }";
        let muted = app.register("Iscritto Silenzioso").await;
        app.join(&muted, SLUG).await;
        app.ok(Some(&muted.token), level, json!({ "s": SLUG, "l": "MUTED" })).await;
        let watcher = app.register("Osservatrice Esterna").await;
        app.ok(Some(&watcher.token), level, json!({ "s": SLUG, "l": "WATCHING" })).await;

        let id = publish(&app, &expert, SLUG, "Quando si pubblica l'avviso di post-informazione?", "Entro 30 giorni.").await;
        let got = notifications(&app, &member).await;
        assert_eq!(got, vec![json!({ "kind": "FAQ_PUBLISHED", "actor": { "displayName": "Esperta Notifiche" },
            "faqEntry": { "id": id, "status": "PUBLISHED", "question": "Quando si pubblica l'avviso di post-informazione?" } })]);
        assert!(notifications(&app, &outsider).await.is_empty(), "members of other communities are not told");
        assert!(notifications(&app, &expert).await.is_empty(), "nor is the editor who acted");
        assert!(notifications(&app, &muted).await.is_empty(), "nor who muted the community");
        assert_eq!(notifications(&app, &watcher).await.len(), 1, "watchers are told");

        update(&app, &expert, &id, json!({ "answer": "Entro 30 giorni dall'aggiudicazione.", "changeNote": "Decorrenza" })).await;
        app.ok(Some(&expert.token), WITHDRAW, json!({ "id": id, "r": "Norma cambiata" })).await;
        let kinds: Vec<_> = notifications(&app, &member).await.iter().map(|n| n["kind"].as_str().unwrap().to_owned()).collect();
        assert_eq!(kinds, vec!["FAQ_UPDATED", "FAQ_UPDATED", "FAQ_PUBLISHED"]);
        assert_eq!(notifications(&app, &member).await[0]["faqEntry"]["status"], "WITHDRAWN");
        let unread = app.ok(Some(&member.token), "{ unreadNotificationCount }", json!({})).await;
        assert_eq!(unread["unreadNotificationCount"], 3);
    }

    async fn faq_changes_arrive_live_as_community_events(app) {
        let expert = app.member_with_role("Esperto Live", "EXPERT").await;
        let mut client = WsClient::connect(&app.url, "graphql-transport-ws", &[]).await.expect("websocket");
        client.init(None).await;
        client.subscribe("c", "subscription($s: String!) { communityEvents(slug: $s, after: \"0\") { kind thread { id } faqEntry { question status version } } }", json!({ "s": SLUG })).await;

        // A draft emits nothing: the first event is the publication that follows it.
        let d = draft(&app, &expert, SLUG, "Bozza che non si vede dal vivo?", "x").await;
        update(&app, &expert, &d, json!({ "answer": "y", "changeNote": "Ritocco" })).await;
        let id = publish(&app, &expert, SLUG, "Voce annunciata dal vivo?", "Sì").await;
        update(&app, &expert, &id, json!({ "answer": "Sì, davvero", "changeNote": "Rafforzata" })).await;
        app.ok(Some(&expert.token), WITHDRAW, json!({ "id": id, "r": "Superata" })).await;

        let mut got = Vec::new();
        for _ in 0..3 {
            got.push(client.data("c").await["data"]["communityEvents"].clone());
        }
        let kinds: Vec<_> = got.iter().map(|e| (e["kind"].as_str().unwrap(), e["thread"].clone(), e["faqEntry"]["question"].as_str().unwrap())).collect();
        assert_eq!(kinds, vec![
            ("FAQ_PUBLISHED", Value::Null, "Voce annunciata dal vivo?"),
            ("FAQ_UPDATED", Value::Null, "Voce annunciata dal vivo?"),
            ("FAQ_WITHDRAWN", Value::Null, "Voce annunciata dal vivo?"),
        ]);
        // Events carry ids: the entry is loaded when delivered, so the last one is current.
        assert_eq!(got[2]["faqEntry"]["status"], "WITHDRAWN");
        assert_eq!(got[2]["faqEntry"]["version"], 2);
    }

    async fn lists_filter_by_tag_and_the_faq_exports_as_markdown(app) {
        let expert = app.member_with_role("Esperta Export", "EXPERT").await;
        let input = |q: &str, tags: Value, refs: Value| json!({ "input": {
            "communitySlug": SLUG, "question": q, "answer": format!("Risposta a: {q}"), "tags": tags, "references": refs,
            "validFrom": "2024-01-01", "validUntil": "2030-12-31" } });
        let a = app.ok(Some(&expert.token), PUBLISH, input("Come si calcola il valore stimato?", json!(["Valore", "soglie"]), json!(["D.Lgs. 36/2023 art. 14"]))).await["publishFaqEntry"]["id"].as_str().unwrap().to_owned();
        let b = app.ok(Some(&expert.token), PUBLISH, input("Quando serve la garanzia provvisoria?", json!(["garanzie"]), json!([]))).await["publishFaqEntry"]["id"].as_str().unwrap().to_owned();
        let w = publish(&app, &expert, SLUG, "Voce ritirata da non esportare?", "Vecchia").await;
        app.ok(Some(&expert.token), WITHDRAW, json!({ "id": w, "r": "Superata" })).await;
        draft(&app, &expert, SLUG, "Bozza da non esportare?", "Segreta").await;

        assert_eq!(list(&app, None, None, Some("valore")).await, vec![a.clone()], "tags are lowercased");
        assert_eq!(list(&app, None, None, Some("garanzie")).await, vec![b.clone()]);
        assert!(list(&app, None, None, Some("assente")).await.is_empty());
        let dates = app.ok(None, "query($id: ID!) { faqEntry(id: $id) { validFrom validUntil inForce tags } }", json!({ "id": a })).await;
        assert_eq!(dates["faqEntry"], json!({ "validFrom": "2024-01-01", "validUntil": "2030-12-31", "inForce": true, "tags": ["valore", "soglie"] }));
        let bad = json!({ "input": { "communitySlug": SLUG, "question": "Date rovesciate nella validità?", "answer": "x", "validFrom": "2025-01-01", "validUntil": "2024-01-01" } });
        assert_eq!(app.err(Some(&expert.token), PUBLISH, bad).await, "BAD_USER_INPUT");

        let doc = app.ok(None, "query($s: String!) { faqExport(communitySlug: $s) }", json!({ "s": SLUG })).await["faqExport"].as_str().unwrap().to_owned();
        assert!(doc.starts_with("# FAQ — Appalti e contratti pubblici\n"), "{doc}");
        let today = app.ok(None, "query($id: ID!) { faqEntry(id: $id) { updatedAt } }", json!({ "id": w })).await["faqEntry"]["updatedAt"].as_str().unwrap()[..10].to_owned();
        assert!(doc.contains(&format!("Versione del {today} · 2 voci pubblicate")), "dated by the latest change: {doc}");
        assert!(doc.contains("## 1. Come si calcola il valore stimato?\n\nRisposta a: Come si calcola il valore stimato?"), "{doc}");
        assert!(doc.contains("## 2. Quando serve la garanzia provvisoria?"), "{doc}");
        assert!(doc.contains("- Riferimenti normativi: D.Lgs. 36/2023 art. 14"), "{doc}");
        assert!(doc.contains("- In vigore dal 2024-01-01 al 2030-12-31"), "{doc}");
        assert!(!doc.contains("ritirata") && !doc.contains("Bozza") && !doc.contains("Segreta"), "published entries only: {doc}");
        let empty = app.ok(None, "query($s: String!) { faqExport(communitySlug: $s) }", json!({ "s": OTHER })).await;
        assert!(empty["faqExport"].as_str().unwrap().contains("Nessuna voce pubblicata."));
        assert_eq!(app.err(None, "{ faqExport(communitySlug: \"inesistente\") }", json!({})).await, "NOT_FOUND");
    }

    async fn input_is_validated(app) {
        let expert = app.member_with_role("Esperto Regole", "EXPERT").await;
        let before = faq_rows(&app).await;
        let cases = [
            json!({ "communitySlug": SLUG, "question": "Corta?", "answer": "x" }),
            json!({ "communitySlug": SLUG, "question": "Domanda abbastanza lunga?", "answer": "   " }),
            json!({ "communitySlug": SLUG, "question": "Domanda abbastanza lunga?", "answer": "x", "tags": ["a"] }),
            json!({ "communitySlug": SLUG, "question": "Domanda abbastanza lunga?", "answer": "x", "references": ["x"] }),
            json!({ "communitySlug": SLUG, "question": "Domanda abbastanza lunga?", "answer": "x", "references": (0..11).map(|n| format!("Rif. {n}")).collect::<Vec<_>>() }),
            json!({ "communitySlug": SLUG, "question": "Domanda abbastanza lunga?", "answer": "x", "changeNote": "" }),
        ];
        for input in cases {
            assert_eq!(app.err(Some(&expert.token), PUBLISH, json!({ "input": input })).await, "BAD_USER_INPUT", "{input}");
        }
        let unknown = json!({ "input": { "communitySlug": "inesistente", "question": "Domanda abbastanza lunga?", "answer": "x" } });
        assert_eq!(app.err(Some(&expert.token), PUBLISH, unknown).await, "NOT_FOUND");
        assert_eq!(app.err(Some(&expert.token), UPDATE, json!({ "id": "987654", "input": { "answer": "x", "changeNote": "nota" } })).await, "NOT_FOUND");
        assert_eq!(faq_rows(&app).await, before);
    }
}
