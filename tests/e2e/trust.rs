//! Email verification and member approval: single-use links (through the outbox, and over a
//! real SMTP connection), approval by domain or by a moderator, and what pending and
//! rejected members may do.

use piazza_e2e::{TRUSTED_DOMAIN, TestApp, smtp::SmtpServer, token_in};
use serde_json::json;

const ME: &str = "{ me { emailVerified approvalStatus approvalReason } }";
const VERIFY: &str =
    "mutation($t: String!) { verifyEmail(token: $t) { approvalStatus user { id } } }";
const QUEUE: &str = "query($s: String) { reviewQueue(communitySlug: $s) { edges { node { id kind user { id } } } } }";
const RESOLVE: &str = "mutation($i: ID!, $a: ReviewAction!, $r: String) { resolveReviewItem(id: $i, action: $a, reason: $r) { resolved resolution } }";
const ASK: &str = "mutation($i: CreateThreadInput!) { createThread(input: $i) { id } }";

fn question(title: &str) -> serde_json::Value {
    json!({ "i": { "communitySlug": "appalti-contratti", "kind": "QUESTION", "title": title, "body": "Testo della domanda", "tags": [] } })
}

both_backends! {
    async fn a_verification_link_works_once_and_unverified_members_only_read(app) {
        let member = app.register_unverified("Vera Verifica", TRUSTED_DOMAIN).await;
        let me = app.ok(Some(&member.token), ME, json!({})).await;
        assert_eq!(me["me"]["emailVerified"], false);
        assert_eq!(me["me"]["approvalStatus"], "PENDING");

        // Reading works; writing does not, and changes nothing.
        let community = "{ community(slug: \"appalti-contratti\") { name } }";
        assert!(app.ok(Some(&member.token), community, json!({})).await["community"]["name"].is_string());
        let threads = app.count("threads").await;
        assert_eq!(app.err(Some(&member.token), ASK, question("Domanda prima della verifica")).await, "FORBIDDEN");
        assert_eq!(app.count("threads").await, threads);

        // A link was just sent: another one must wait a minute.
        let resend = "mutation { resendVerification }";
        assert_eq!(app.err(Some(&member.token), resend, json!({})).await, "RATE_LIMITED");
        assert_eq!(app.err(None, resend, json!({})).await, "UNAUTHENTICATED");

        let token = app.verification_token(&member.email).await;
        assert_eq!(app.err(None, VERIFY, json!({ "t": "sbagliato" })).await, "BAD_USER_INPUT");
        let verified = app.ok(None, VERIFY, json!({ "t": token })).await;
        assert_eq!(verified["verifyEmail"]["approvalStatus"], "APPROVED");
        // Single use.
        assert_eq!(app.err(None, VERIFY, json!({ "t": token })).await, "BAD_USER_INPUT");
        assert_eq!(app.err(Some(&member.token), resend, json!({})).await, "BAD_USER_INPUT");
        app.ask(&member, "appalti-contratti", "Domanda dopo la verifica", "ora sì").await;
    }

    async fn expired_links_do_not_work(app) {
        let member = app.register_unverified("Ezio Scaduto", TRUSTED_DOMAIN).await;
        let token = app.verification_token(&member.email).await;
        let user_id: i64 = member.id.parse().unwrap();
        let mut tx = app.state.db.begin().await.unwrap();
        piazza_db::trust::expire_email_tokens(&mut tx, user_id, "verify", piazza_db::now()).await.unwrap();
        tx.commit().await.unwrap();
        assert_eq!(app.err(None, VERIFY, json!({ "t": token })).await, "BAD_USER_INPUT");
        assert_eq!(app.ok(Some(&member.token), ME, json!({})).await["me"]["emailVerified"], false);
    }

    async fn only_admins_read_the_outbox(app) {
        let member = app.register("Olga Outbox").await;
        let admin = app.admin().await;
        let q = "query($r: String) { mailOutbox(recipient: $r) { edges { node { recipient subject body } } } }";
        assert_eq!(app.err(Some(&member.token), q, json!({ "r": member.email })).await, "FORBIDDEN");
        assert_eq!(app.err(None, q, json!({ "r": member.email })).await, "UNAUTHENTICATED");
        let data = app.ok(Some(&admin.token), q, json!({ "r": member.email })).await;
        let mail = &data["mailOutbox"]["edges"][0]["node"];
        assert_eq!(mail["recipient"], member.email.as_str());
        assert!(mail["subject"].as_str().unwrap().contains("conferma"));
        assert!(token_in(mail["body"].as_str().unwrap()).is_some());
    }

    async fn members_of_other_domains_wait_for_a_global_moderator(app) {
        let waiting = app.register_unverified("Paolo Pendente", "altro.example.org").await;
        let refused = app.register_unverified("Rita Respinta", "altro.example.org").await;
        assert_eq!(app.verify_email(&waiting.email).await["approvalStatus"], "PENDING");
        assert_eq!(app.verify_email(&refused.email).await["approvalStatus"], "PENDING");
        assert_eq!(app.err(Some(&waiting.token), ASK, question("Domanda in attesa")).await, "FORBIDDEN");

        let moderator = app.member_with_role("Giulia Globale", "MODERATOR").await;
        let local = app.register("Lino Locale").await;
        let admin = app.admin().await;
        app.ok(Some(&admin.token), "mutation($u: ID!) { setCommunityModerator(slug: \"appalti-contratti\", userId: $u, moderator: true) { id } }", json!({ "u": local.id })).await;
        let member = app.register("Mara Membro").await;

        // Only global moderators and admins see members awaiting approval.
        assert_eq!(app.err(Some(&member.token), QUEUE, json!({ "s": null })).await, "FORBIDDEN");
        assert_eq!(app.err(Some(&local.token), QUEUE, json!({ "s": null })).await, "FORBIDDEN");
        let local_queue = app.ok(Some(&local.token), QUEUE, json!({ "s": "appalti-contratti" })).await;
        assert_eq!(local_queue["reviewQueue"]["edges"].as_array().unwrap().len(), 0);
        let queue = app.ok(Some(&moderator.token), QUEUE, json!({ "s": null })).await;
        let items = queue["reviewQueue"]["edges"].as_array().unwrap().clone();
        let item_of = |m: &piazza_e2e::Member| {
            items.iter().find(|e| e["node"]["user"]["id"] == m.id.as_str()).expect("queued")["node"]["id"].as_str().unwrap().to_owned()
        };
        let (waiting_item, refused_item) = (item_of(&waiting), item_of(&refused));
        assert_eq!(items[0]["node"]["kind"], "MEMBER");

        // Refusals change nothing.
        let approve = json!({ "i": waiting_item, "a": "APPROVE", "r": null });
        assert_eq!(app.err(Some(&member.token), RESOLVE, approve.clone()).await, "FORBIDDEN");
        assert_eq!(app.err(Some(&local.token), RESOLVE, approve.clone()).await, "FORBIDDEN");
        assert_eq!(app.err(Some(&moderator.token), RESOLVE, json!({ "i": refused_item, "a": "REJECT", "r": null })).await, "BAD_USER_INPUT");
        assert_eq!(app.err(Some(&moderator.token), RESOLVE, json!({ "i": waiting_item, "a": "HIDE", "r": "motivo" })).await, "BAD_USER_INPUT");
        assert_eq!(app.ok(Some(&waiting.token), ME, json!({})).await["me"]["approvalStatus"], "PENDING");

        let done = app.ok(Some(&moderator.token), RESOLVE, approve.clone()).await;
        assert_eq!(done["resolveReviewItem"]["resolution"], "approved");
        assert_eq!(app.err(Some(&moderator.token), RESOLVE, approve).await, "CONFLICT");
        let reject = json!({ "i": refused_item, "a": "REJECT", "r": "Indirizzo non istituzionale" });
        app.ok(Some(&moderator.token), RESOLVE, reject).await;

        // The approved member posts and was told; the rejected one reads why and cannot post.
        app.ask(&waiting, "appalti-contratti", "Domanda dopo l'approvazione", "grazie").await;
        let inbox = "{ notifications { edges { node { kind } } } }";
        assert_eq!(app.ok(Some(&waiting.token), inbox, json!({})).await["notifications"]["edges"][0]["node"]["kind"], "MEMBER_APPROVED");
        assert_eq!(app.ok(Some(&refused.token), inbox, json!({})).await["notifications"]["edges"][0]["node"]["kind"], "MEMBER_REJECTED");
        let me = app.ok(Some(&refused.token), ME, json!({})).await;
        assert_eq!(me["me"]["approvalStatus"], "REJECTED");
        assert_eq!(me["me"]["approvalReason"], "Indirizzo non istituzionale");
        assert_eq!(app.err(Some(&refused.token), ASK, question("Domanda respinta")).await, "FORBIDDEN");
        let mail = piazza_db::trust::list_mail(&app.state.db, Some(&refused.email), None, 1).await.unwrap();
        assert!(mail[0].body.contains("Indirizzo non istituzionale"));

        // The global log records both decisions and who took them.
        let log = "{ moderationLog { edges { node { kind reason moderator { id } targetUser { id } } } } }";
        let entries = app.ok(Some(&admin.token), log, json!({})).await["moderationLog"]["edges"].clone();
        assert_eq!(entries[0]["node"]["kind"], "REJECT_MEMBER");
        assert_eq!(entries[0]["node"]["moderator"]["id"], moderator.id.as_str());
        assert_eq!(entries[1]["node"]["kind"], "APPROVE_MEMBER");
        assert_eq!(app.err(Some(&member.token), log, json!({})).await, "FORBIDDEN");
    }

    async fn admins_approve_domains_for_a_comune(app) {
        let admin = app.admin().await;
        let member = app.register("Nadia Normale").await;
        let m = "mutation($d: String!, $c: String) { approveEmailDomain(domain: $d, comuneIstatCode: $c) { id domain comuneIstatCode } }";
        assert_eq!(app.err(Some(&member.token), m, json!({ "d": "ente.example.net", "c": "001001" })).await, "FORBIDDEN");
        assert_eq!(app.err(Some(&admin.token), m, json!({ "d": "non valido", "c": null })).await, "BAD_USER_INPUT");
        let before = app.ok(Some(&admin.token), "{ approvedEmailDomains { domain } }", json!({})).await;
        assert_eq!(before["approvedEmailDomains"].as_array().unwrap().len(), 1);
        let d = app.ok(Some(&admin.token), m, json!({ "d": "Ente.Example.NET", "c": "001001" })).await;
        assert_eq!(d["approveEmailDomain"]["domain"], "ente.example.net");
        app.ok(Some(&admin.token), m, json!({ "d": "comune.airasca.example.it", "c": "001002" })).await;
        // Each domain names its comune (null: public bodies generally), for the admin page.
        let list = "{ approvedEmailDomains { domain comuneIstatCode comune { istatCode name provinceCode } } }";
        let domains = app.ok(Some(&admin.token), list, json!({})).await["approvedEmailDomains"].clone();
        let comune_of = |domain: &str| {
            let found = domains.as_array().unwrap().iter().find(|d| d["domain"] == domain);
            found.expect("listed")["comune"].clone()
        };
        assert_eq!(comune_of("ente.example.net"), json!({ "istatCode": "001001", "name": "Agliè", "provinceCode": "TO" }));
        assert_eq!(comune_of("comune.airasca.example.it"), json!({ "istatCode": "001002", "name": "Airasca", "provinceCode": "TO" }));
        let general = domains.as_array().unwrap().iter().find(|d| d["comuneIstatCode"].is_null()).expect("a domain for all public bodies");
        assert!(general["comune"].is_null(), "{general}");
        // The test helper registers members of comune 001001.
        let newcomer = app.register_unverified("Ugo Ente", "ente.example.net").await;
        assert_eq!(app.verify_email(&newcomer.email).await["approvalStatus"], "APPROVED");
        let remove = "mutation($i: ID!) { removeApprovedEmailDomain(id: $i) }";
        let id = d["approveEmailDomain"]["id"].clone();
        assert_eq!(app.err(Some(&member.token), remove, json!({ "i": id })).await, "FORBIDDEN");
        app.ok(Some(&admin.token), remove, json!({ "i": id })).await;
        let later = app.register_unverified("Ivo Ente", "ente.example.net").await;
        assert_eq!(app.verify_email(&later.email).await["approvalStatus"], "PENDING");
    }
}

async fn smtp_delivers_the_link(backend: piazza_e2e::Backend) {
    let mut smtp = SmtpServer::start().await;
    let url = smtp.url();
    let app = TestApp::spawn_with(backend, |c| {
        c.smtp_url = Some(url);
        c.public_url = "https://piazza.example.it".into();
    })
    .await;
    let member = app.register_unverified("Sara Smtp", TRUSTED_DOMAIN).await;
    let mail = smtp.next().await;
    assert_eq!(mail.to, vec![format!("<{}>", member.email)]);
    assert!(
        mail.data
            .contains("Subject: Piazza: conferma il tuo indirizzo email"),
        "{}",
        mail.data
    );
    assert!(
        mail.data.contains("Content-Transfer-Encoding: 8bit"),
        "{}",
        mail.data
    );
    assert!(
        mail.data
            .contains("https://piazza.example.it/verifica-email?token="),
        "{}",
        mail.data
    );
    let token = token_in(&mail.data).expect("link in the mail");
    // Sent over SMTP, so nothing is kept in the outbox.
    assert_eq!(app.count("mail_outbox").await, 0);
    let verified = app.ok(None, VERIFY, json!({ "t": token })).await;
    assert_eq!(verified["verifyEmail"]["approvalStatus"], "APPROVED");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn smtp_delivers_the_link_sqlite() {
    smtp_delivers_the_link(piazza_e2e::Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn smtp_delivers_the_link_postgres() {
    smtp_delivers_the_link(piazza_e2e::Backend::Postgres).await;
}

/// Mail SMTP refuses (here: nothing listens) is kept in the outbox with the error.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn undeliverable_mail_is_kept_in_the_outbox() {
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = closed.local_addr().unwrap().port();
    drop(closed);
    let app = TestApp::spawn_with(piazza_e2e::Backend::Sqlite, |c| {
        c.smtp_url = Some(format!("smtp://127.0.0.1:{port}"));
    })
    .await;
    let member = app
        .register_unverified("Fabio Fallito", TRUSTED_DOMAIN)
        .await;
    let deadline = std::time::Instant::now() + piazza_e2e::ws::WAIT;
    let mail = loop {
        let kept = piazza_db::trust::list_mail(&app.state.db, Some(&member.email), None, 1)
            .await
            .unwrap();
        if let Some(m) = kept.into_iter().next() {
            break m;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the failed mail was not kept"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    };
    assert!(mail.error.is_some());
    assert!(token_in(&mail.body).is_some());
}
