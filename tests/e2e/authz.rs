//! The authorisation matrix: every mutation of the schema, called by every role, is allowed
//! or refused with the expected code — and a refused call changes nothing in the database
//! (every table's content is compared before and after).
//!
//! The mutations are read from the schema at run time: a mutation without a row in
//! [`MATRIX`] fails the test, so each new mutation must say who may call it. Adding one
//! takes a row in `MATRIX` (its outcomes per role) and an arm in [`prepare`] (the fixtures
//! it needs and the call itself).

use std::sync::atomic::{AtomicU32, Ordering};

use piazza_e2e::{Member, PASSWORD, TRUSTED_DOMAIN, TestApp};
use serde_json::{Value, json};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Anonymous,
    /// A member suspended by a moderator (signed in again after the suspension).
    Suspended,
    /// A member who confirmed an address at a domain nobody approved, awaiting a
    /// moderator's approval: reads, but does not post.
    Pending,
    /// A member with no relation to the target.
    Member,
    /// The member who wrote the target (the question's asker, the post's author).
    Author,
    /// The global EXPERT role.
    Expert,
    /// Moderator of another community than the target's.
    ModeratorElsewhere,
    /// Moderator of the target's community.
    ModeratorHere,
    /// The global MODERATOR role.
    GlobalModerator,
    Admin,
}

const ROLES: [Role; 10] = [
    Role::Anonymous,
    Role::Suspended,
    Role::Pending,
    Role::Member,
    Role::Author,
    Role::Expert,
    Role::ModeratorElsewhere,
    Role::ModeratorHere,
    Role::GlobalModerator,
    Role::Admin,
];

/// What a call should do: succeed, or fail with this `extensions.code`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Outcome {
    Allowed,
    Unauthenticated,
    Forbidden,
    /// Refused as if the target did not exist: what the role may not see (an FAQ draft for
    /// a non-editor) answers like a missing id, so the refusal reveals nothing.
    NotFound,
    /// Refused for what is asked rather than who asks (e.g. resending a verification link
    /// to a confirmed address).
    Invalid,
    /// Refused because of the target's state (e.g. withdrawing a draft, which was never
    /// published).
    Conflict,
}

use Outcome::{
    Allowed as A, Conflict as C, Forbidden as F, Invalid as I, NotFound as N, Unauthenticated as U,
};

impl Outcome {
    fn code(self) -> Option<&'static str> {
        match self {
            A => None,
            U => Some("UNAUTHENTICATED"),
            F => Some("FORBIDDEN"),
            N => Some("NOT_FOUND"),
            I => Some("BAD_USER_INPUT"),
            C => Some("CONFLICT"),
        }
    }
}

// Common columns, in `ROLES` order:
//   anonymous, suspended, pending, member, author, expert, mod elsewhere, mod here, global mod, admin
const ANYONE: [Outcome; 10] = [A, A, A, A, A, A, A, A, A, A];
const SIGNED_IN: [Outcome; 10] = [U, A, A, A, A, A, A, A, A, A];
const ACTIVE: [Outcome; 10] = [U, F, A, A, A, A, A, A, A, A];
/// Active and approved: who may write posts.
const POSTERS: [Outcome; 10] = [U, F, F, A, A, A, A, A, A, A];
const ADMINS: [Outcome; 10] = [U, F, F, F, F, F, F, F, F, A];
const GLOBAL_MODERATORS: [Outcome; 10] = [U, F, F, F, F, F, F, F, A, A];
/// Experts, the community's moderators, global moderators and admins.
const FAQ_EDITORS: [Outcome; 10] = [U, F, F, F, F, A, F, A, A, A];
/// The same editors acting on a draft: for every other active member it does not exist.
const DRAFT_EDITORS: [Outcome; 10] = [U, F, N, N, N, A, N, A, A, A];
const AUTHOR_OR_MODERATORS: [Outcome; 10] = [U, F, F, F, A, F, F, A, A, A];
const ASKER_EXPERTS_OR_MODERATORS: [Outcome; 10] = [U, F, F, F, A, A, F, A, A, A];
const EXPERTS_OR_MODERATORS: [Outcome; 10] = [U, F, F, F, F, A, F, A, A, A];
/// Approved members, not on their own posts (pending members cannot vote or report either).
const NOT_ONES_OWN: [Outcome; 10] = [U, F, F, A, F, A, A, A, A, A];
/// The community's moderators, global moderators and admins.
const MODERATORS_HERE: [Outcome; 10] = [U, F, F, F, F, F, F, A, A, A];
/// Everyone signed in; members confirmed their address at sign-up, so they have nothing to
/// resend. The admin, created by an operator (`piazza admin create`), never had a link.
const UNVERIFIED: [Outcome; 10] = [U, I, I, I, I, I, I, I, I, A];

/// One row per mutation, in the schema's order. A row named `mutation: case` tests the
/// same mutation on another target (e.g. an admin's content); its `prepare` arm has the
/// row's whole name.
const MATRIX: &[(&str, [Outcome; 10])] = &[
    ("register", ANYONE),
    ("login", ANYONE),
    // Without a session there is nothing to end: `false`, not an error.
    ("logout", ANYONE),
    ("changePassword", SIGNED_IN),
    ("updateProfile", ACTIVE),
    ("setUserRole", ADMINS),
    ("markNotificationsRead", SIGNED_IN),
    ("updateComunePopulation", ADMINS),
    ("createCommunity", ADMINS),
    ("updateCommunity", ADMINS),
    ("joinCommunity", ACTIVE),
    ("leaveCommunity", SIGNED_IN),
    ("setCommunityModerator", ADMINS),
    ("publishFaqEntry", FAQ_EDITORS),
    ("updateFaqEntry", FAQ_EDITORS),
    // Drafts do not exist for non-editors, read or acted on: NOT_FOUND, as for a missing id.
    ("updateFaqEntry: a draft", DRAFT_EDITORS),
    ("publishFaqDraft", DRAFT_EDITORS),
    ("withdrawFaqEntry", FAQ_EDITORS),
    // Editors are told a draft cannot be withdrawn; everyone else that it does not exist.
    ("withdrawFaqEntry: a draft", [U, F, N, N, N, C, N, C, C, C]),
    ("promotePostToFaq", FAQ_EDITORS),
    ("markFaqSeen", SIGNED_IN),
    ("reportPost", NOT_ONES_OWN),
    ("reportThread", NOT_ONES_OWN),
    ("hidePost", MODERATORS_HERE),
    // Nobody but an admin moderates an admin's content (the author here is another admin).
    ("hidePost: an admin's post", ADMINS),
    ("restorePost", MODERATORS_HERE),
    ("lockThread", MODERATORS_HERE),
    ("lockThread: an admin's thread", ADMINS),
    ("pinThread", MODERATORS_HERE),
    // Moving needs rights in both communities: moderating either one is not enough.
    ("moveThread", GLOBAL_MODERATORS),
    ("closeThreadAsDuplicate", MODERATORS_HERE),
    ("reopenThread", MODERATORS_HERE),
    // A report in the target community.
    ("resolveReviewItem", MODERATORS_HERE),
    ("resolveReviewItem: a report of an admin's post", ADMINS),
    // Members awaiting approval belong to no community: global moderators decide.
    (
        "resolveReviewItem: a member awaiting approval",
        GLOBAL_MODERATORS,
    ),
    ("createThread", POSTERS),
    ("createPost", POSTERS),
    ("editPost", AUTHOR_OR_MODERATORS),
    ("deletePost", AUTHOR_OR_MODERATORS),
    ("acceptAnswer", ASKER_EXPERTS_OR_MODERATORS),
    ("markOfficialAnswer", EXPERTS_OR_MODERATORS),
    ("vote", NOT_ONES_OWN),
    ("setThreadNotificationLevel", SIGNED_IN),
    ("setCommunityNotificationLevel", SIGNED_IN),
    ("bookmark", SIGNED_IN),
    ("removeBookmark", SIGNED_IN),
    ("suspendUser", GLOBAL_MODERATORS),
    ("liftSuspension", GLOBAL_MODERATORS),
    ("setSearchSynonyms", ADMINS),
    // The link's token is the credential: no sign-in needed.
    ("verifyEmail", ANYONE),
    ("resendVerification", UNVERIFIED),
    ("approveEmailDomain", ADMINS),
    ("removeApprovedEmailDomain", ADMINS),
    ("setWatchedWord", ADMINS),
    ("removeWatchedWord", ADMINS),
];

/// The mutation a row tests: its name up to any `: case`.
fn mutation_of(row: &str) -> &str {
    row.split(':').next().unwrap_or(row)
}

/// The target community, the one moderated by `ModeratorElsewhere`, and a third one for
/// joining and leaving (so no role's own memberships change).
const HERE: &str = "appalti-contratti";
const ELSEWHERE: &str = "bilancio-tributi";
const THIRD: &str = "transizione-digitale";
const UNTIL: &str = "2030-01-01T00:00:00Z";
/// A domain nobody approved: its members wait for a moderator after confirming.
const UNAPPROVED_DOMAIN: &str = "ente-sconosciuto.example.org";
const REASON: &str = "Prova dei permessi";

static UNIQUE: AtomicU32 = AtomicU32::new(0);

fn unique() -> u32 {
    UNIQUE.fetch_add(1, Ordering::Relaxed)
}

/// The mutation names the schema declares, in order.
fn schema_mutations() -> Vec<String> {
    let sdl = piazza::graphql::sdl();
    let mut names = Vec::new();
    let mut inside = false;
    let mut in_description = false;
    for line in sdl.lines() {
        if line.starts_with("type Mutation {") {
            inside = true;
            continue;
        }
        if !inside {
            continue;
        }
        if line == "}" {
            break;
        }
        let trimmed = line.trim();
        if trimmed.starts_with("\"\"\"") {
            // A one-line description opens and closes on the same line.
            if !(trimmed.len() > 3 && trimmed.ends_with("\"\"\"")) {
                in_description = !in_description;
            }
            continue;
        }
        if in_description {
            continue;
        }
        // Fields sit one tab deep; their arguments deeper.
        if let Some(rest) = line.strip_prefix('\t')
            && rest.starts_with(|c: char| c.is_ascii_alphabetic())
        {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            names.push(name);
        }
    }
    names
}

/// Everyone the matrix needs, signed in.
struct World {
    app: TestApp,
    admin: Member,
    /// Another admin, whose content only admins may moderate.
    other_admin: Member,
    /// Writes fixtures that belong to nobody under test (e.g. the reply to be accepted).
    neutral: Member,
    members: Vec<(Role, Member)>,
}

impl World {
    async fn new(app: TestApp) -> World {
        let admin = app.admin().await;
        let other_admin = app.admin().await;
        let neutral = app.register("Nadia Neutra").await;
        let mut members = Vec::new();
        for role in ROLES {
            let member = match role {
                Role::Anonymous => continue,
                Role::Admin => admin.clone(),
                Role::Expert => app.member_with_role("Ezio Esperto", "EXPERT").await,
                Role::GlobalModerator => {
                    app.member_with_role("Gina Moderatrice", "MODERATOR").await
                }
                Role::ModeratorHere | Role::ModeratorElsewhere => {
                    let m = app.register("Marco Moderatore").await;
                    let slug = if role == Role::ModeratorHere {
                        HERE
                    } else {
                        ELSEWHERE
                    };
                    app.ok(
                        Some(&admin.token),
                        "mutation($s: String!, $u: ID!) { setCommunityModerator(slug: $s, userId: $u, moderator: true) { slug } }",
                        json!({ "s": slug, "u": m.id }),
                    )
                    .await;
                    m
                }
                Role::Suspended => {
                    let m = app.register("Sara Sospesa").await;
                    app.ok(
                        Some(&admin.token),
                        "mutation($u: ID!, $until: DateTime!) { suspendUser(userId: $u, until: $until, reason: \"Prova dei permessi\") { id } }",
                        json!({ "u": m.id, "until": UNTIL }),
                    )
                    .await;
                    app.login(&m.email).await
                }
                Role::Pending => {
                    let m = app
                        .register_unverified("Pia Pendente", UNAPPROVED_DOMAIN)
                        .await;
                    app.verify_email(&m.email).await;
                    m
                }
                Role::Member => app.register("Mino Membro").await,
                Role::Author => app.register("Alba Autrice").await,
            };
            members.push((role, member));
        }
        World {
            app,
            admin,
            other_admin,
            neutral,
            members,
        }
    }

    fn member(&self, role: Role) -> Option<&Member> {
        self.members
            .iter()
            .find(|(r, _)| *r == role)
            .map(|(_, m)| m)
    }

    fn token(&self, role: Role) -> Option<String> {
        self.member(role).map(|m| m.token.clone())
    }

    /// A second session for `role`, for calls that end sessions (logout, password change).
    async fn fresh_token(&self, role: Role) -> Option<String> {
        match self.member(role) {
            Some(m) => Some(self.app.login(&m.email).await.token),
            None => None,
        }
    }

    /// New sessions for everyone, after a call that ended all of someone's sessions.
    async fn sign_in_again(&mut self) {
        for (role, member) in self.members.iter_mut() {
            *member = self.app.login(&member.email).await;
            if *role == Role::Admin {
                self.admin = member.clone();
            }
        }
    }

    /// The author's (or, for roles with no account, the neutral member's) question in
    /// `HERE`; returns the thread id.
    async fn question_by(&self, who: &Member) -> String {
        self.app
            .ask(
                who,
                HERE,
                &format!("Domanda di prova numero {}", unique()),
                "Testo della domanda",
            )
            .await
    }

    fn author(&self) -> &Member {
        self.member(Role::Author)
            .expect("the author has an account")
    }

    /// A question by the author with a reply by the neutral member; returns (thread, reply).
    async fn answered_question(&self) -> (String, String) {
        let thread = self.question_by(self.author()).await;
        let reply = self
            .app
            .reply(&self.neutral, &thread, "Una risposta da valutare")
            .await;
        (thread, reply)
    }

    /// A reply written by the author in someone else's thread; returns its id.
    async fn post_by_author(&self) -> String {
        let thread = self.question_by(&self.neutral).await;
        self.app
            .reply(self.author(), &thread, "Un messaggio dell'autrice")
            .await
    }

    /// An FAQ entry in `HERE`, published (or left a draft) by the admin; returns its id.
    async fn faq_entry(&self, draft: bool) -> String {
        let data = self
            .app
            .ok(
                Some(&self.admin.token),
                "mutation($i: PublishFaqEntryInput!) { publishFaqEntry(input: $i) { id } }",
                json!({ "i": {
                    "communitySlug": HERE,
                    "question": format!("Come si applica la regola numero {}?", unique()),
                    "answer": "Secondo la norma vigente.",
                    "draft": draft,
                }}),
            )
            .await;
        data["publishFaqEntry"]["id"]
            .as_str()
            .expect("entry id")
            .to_owned()
    }

    /// A reply written by `who` in the neutral member's thread; returns its id.
    async fn post_by(&self, who: &Member) -> String {
        let thread = self.question_by(&self.neutral).await;
        self.app
            .reply(who, &thread, "Un messaggio da moderare")
            .await
    }

    /// Runs a mutation as the admin (a fixture step), which must succeed.
    async fn as_admin(&self, query: &str, vars: Value) -> Value {
        self.app.ok(Some(&self.admin.token), query, vars).await
    }

    /// The open review item the neutral member's report of `post` opened; returns its id.
    async fn reported(&self, post: &str) -> String {
        self.app
            .ok(
                Some(&self.neutral.token),
                "mutation($p: ID!) { reportPost(postId: $p, reason: SPAM) }",
                json!({ "p": post }),
            )
            .await;
        self.open_item(Some(HERE), |node| node["post"]["id"] == post)
            .await
    }

    /// The id of the first open item in a queue (a community's, or the global one) that
    /// `matches`.
    async fn open_item(&self, slug: Option<&str>, matches: impl Fn(&Value) -> bool) -> String {
        let data = self
            .as_admin(
                "query($s: String) { reviewQueue(communitySlug: $s, first: 100) { nodes { id post { id } user { id } } } }",
                json!({ "s": slug }),
            )
            .await;
        let nodes = data["reviewQueue"]["nodes"].as_array().expect("nodes");
        nodes
            .iter()
            .find(|node| matches(node))
            .and_then(|node| node["id"].as_str())
            .expect("the item is in the queue")
            .to_owned()
    }

    /// A newly registered member nobody else uses (a target for role and sanction calls).
    async fn victim(&self) -> Member {
        self.app.register("Vittorio Bersaglio").await
    }
}

/// A prepared call: the document, its variables, and the token to send.
struct Call {
    query: &'static str,
    vars: Value,
    token: Option<String>,
}

/// Sets up what `mutation` needs (as users other than `role`, unless the role is the
/// target's author) and returns the call `role` makes.
async fn prepare(w: &World, mutation: &str, role: Role) -> Call {
    let token = w.token(role);
    let call = |query: &'static str, vars: Value| Call {
        query,
        vars,
        token: token.clone(),
    };
    match mutation {
        "register" => call(
            "mutation($i: RegisterInput!) { register(input: $i) { token } }",
            json!({ "i": {
                "email": format!("nuovo{}@comune.example.it", unique()),
                "password": PASSWORD, "displayName": "Nuovo Iscritto",
                "comuneIstatCode": "001001", "jobTitle": "Istruttore"
            }}),
        ),
        "login" => {
            let email = w.member(role).unwrap_or(&w.neutral).email.clone();
            call(
                "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }",
                json!({ "e": email, "p": PASSWORD }),
            )
        }
        "logout" => Call {
            query: "mutation { logout }",
            vars: json!({}),
            token: w.fresh_token(role).await,
        },
        "changePassword" => Call {
            query: "mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { token } }",
            // The same password again: the call is what is tested, not the new secret.
            vars: json!({ "c": PASSWORD, "n": PASSWORD }),
            token: w.fresh_token(role).await,
        },
        "updateProfile" => call(
            "mutation($i: UpdateProfileInput!) { updateProfile(input: $i) { id } }",
            json!({ "i": { "displayName": format!("Nome Cambiato {}", unique()) } }),
        ),
        "setUserRole" => {
            let victim = w.victim().await;
            call(
                "mutation($u: ID!) { setUserRole(userId: $u, role: EXPERT) { id } }",
                json!({ "u": victim.id }),
            )
        }
        "markNotificationsRead" => {
            // Something unread for everyone with an inbox: a reply to their question.
            if let Some(m) = w.member(role)
                && role != Role::Suspended
                && role != Role::Pending
            {
                let thread = w.question_by(m).await;
                w.app.reply(&w.neutral, &thread, "Ti rispondo").await;
            }
            call("mutation { markNotificationsRead }", json!({}))
        }
        "updateComunePopulation" => call(
            "mutation { updateComunePopulation(istatCode: \"001001\", population: 1234, source: \"Censimento di prova\") { istatCode } }",
            json!({}),
        ),
        "createCommunity" => call(
            "mutation($i: CreateCommunityInput!) { createCommunity(input: $i) { slug } }",
            json!({ "i": {
                "slug": format!("prova-{}", unique()),
                "name": "Comunità di prova",
                "description": "Per la matrice dei permessi",
            }}),
        ),
        "updateCommunity" => call(
            "mutation($s: String!, $i: UpdateCommunityInput!) { updateCommunity(slug: $s, input: $i) { slug } }",
            json!({ "s": THIRD, "i": {
                "name": "Transizione digitale",
                "description": format!("Descrizione aggiornata {}", unique()),
            }}),
        ),
        "joinCommunity" => call(
            "mutation($s: String!) { joinCommunity(slug: $s) { slug } }",
            json!({ "s": THIRD }),
        ),
        "leaveCommunity" => {
            if let Some(m) = w.member(role)
                && role != Role::Suspended
            {
                w.app.join(m, THIRD).await;
            }
            call(
                "mutation($s: String!) { leaveCommunity(slug: $s) { slug } }",
                json!({ "s": THIRD }),
            )
        }
        "setCommunityModerator" => {
            let victim = w.victim().await;
            call(
                "mutation($s: String!, $u: ID!) { setCommunityModerator(slug: $s, userId: $u, moderator: true) { slug } }",
                json!({ "s": THIRD, "u": victim.id }),
            )
        }
        "publishFaqEntry" => call(
            "mutation($i: PublishFaqEntryInput!) { publishFaqEntry(input: $i) { id } }",
            json!({ "i": {
                "communitySlug": HERE,
                "question": format!("Qual è la procedura numero {}?", unique()),
                "answer": "Quella prevista dal regolamento.",
            }}),
        ),
        "updateFaqEntry" | "updateFaqEntry: a draft" => {
            let id = w.faq_entry(mutation != "updateFaqEntry").await;
            call(
                "mutation($id: ID!, $i: UpdateFaqEntryInput!) { updateFaqEntry(id: $id, input: $i) { id } }",
                json!({ "id": id, "i": { "answer": "Risposta rivista.", "changeNote": "Correzione" } }),
            )
        }
        "publishFaqDraft" => {
            let id = w.faq_entry(true).await;
            call(
                "mutation($id: ID!) { publishFaqDraft(id: $id) { id } }",
                json!({ "id": id }),
            )
        }
        "withdrawFaqEntry" | "withdrawFaqEntry: a draft" => {
            let id = w.faq_entry(mutation != "withdrawFaqEntry").await;
            call(
                "mutation($id: ID!) { withdrawFaqEntry(id: $id, reason: \"Norma abrogata\") { id } }",
                json!({ "id": id }),
            )
        }
        "promotePostToFaq" => {
            let (_, reply) = w.answered_question().await;
            call(
                "mutation($p: ID!, $q: String!) { promotePostToFaq(postId: $p, question: $q) { id } }",
                json!({ "p": reply, "q": format!("Come si risolve il caso numero {}?", unique()) }),
            )
        }
        "markFaqSeen" => call(
            "mutation($s: String!) { markFaqSeen(slug: $s) { slug } }",
            json!({ "s": HERE }),
        ),
        "reportPost" => {
            let post = w.post_by_author().await;
            call(
                "mutation($p: ID!) { reportPost(postId: $p, reason: OFFENSIVE, note: \"Toni offensivi\") }",
                json!({ "p": post }),
            )
        }
        "reportThread" => {
            let thread = w.question_by(w.author()).await;
            call(
                "mutation($t: ID!) { reportThread(threadId: $t, reason: OFF_TOPIC) }",
                json!({ "t": thread }),
            )
        }
        "hidePost" | "hidePost: an admin's post" => {
            let author = if mutation == "hidePost" {
                w.author()
            } else {
                &w.other_admin
            };
            let post = w.post_by(author).await;
            call(
                "mutation($p: ID!, $r: String!) { hidePost(id: $p, reason: $r) { id } }",
                json!({ "p": post, "r": REASON }),
            )
        }
        "restorePost" => {
            let post = w.post_by_author().await;
            w.as_admin(
                "mutation($p: ID!, $r: String!) { hidePost(id: $p, reason: $r) { id } }",
                json!({ "p": post, "r": REASON }),
            )
            .await;
            call(
                "mutation($p: ID!, $r: String!) { restorePost(id: $p, reason: $r) { id } }",
                json!({ "p": post, "r": REASON }),
            )
        }
        "lockThread" | "lockThread: an admin's thread" => {
            let author = if mutation == "lockThread" {
                w.author()
            } else {
                &w.other_admin
            };
            let thread = w.question_by(author).await;
            call(
                "mutation($t: ID!) { lockThread(id: $t, locked: true) { id } }",
                json!({ "t": thread }),
            )
        }
        "pinThread" => {
            let thread = w.question_by(w.author()).await;
            call(
                "mutation($t: ID!) { pinThread(id: $t, pinned: true, reason: \"In evidenza\") { id } }",
                json!({ "t": thread }),
            )
        }
        "moveThread" => {
            let thread = w.question_by(w.author()).await;
            call(
                "mutation($t: ID!, $s: String!, $r: String!) { moveThread(id: $t, communitySlug: $s, reason: $r) { id } }",
                json!({ "t": thread, "s": ELSEWHERE, "r": REASON }),
            )
        }
        "closeThreadAsDuplicate" => {
            let original = w.question_by(&w.neutral).await;
            let thread = w.question_by(w.author()).await;
            call(
                "mutation($t: ID!, $o: ID!) { closeThreadAsDuplicate(id: $t, duplicateOfThreadId: $o) { id } }",
                json!({ "t": thread, "o": original }),
            )
        }
        "reopenThread" => {
            let original = w.question_by(&w.neutral).await;
            let thread = w.question_by(w.author()).await;
            w.as_admin(
                "mutation($t: ID!, $o: ID!) { closeThreadAsDuplicate(id: $t, duplicateOfThreadId: $o) { id } }",
                json!({ "t": thread, "o": original }),
            )
            .await;
            call(
                "mutation($t: ID!) { reopenThread(id: $t, reason: \"Non era un duplicato\") { id } }",
                json!({ "t": thread }),
            )
        }
        "resolveReviewItem" | "resolveReviewItem: a report of an admin's post" => {
            let author = if mutation == "resolveReviewItem" {
                w.author()
            } else {
                &w.other_admin
            };
            let post = w.post_by(author).await;
            let item = w.reported(&post).await;
            call(
                "mutation($i: ID!) { resolveReviewItem(id: $i, action: DISMISS) { id } }",
                json!({ "i": item }),
            )
        }
        "resolveReviewItem: a member awaiting approval" => {
            let newcomer = w
                .app
                .register_unverified("Olga Ospite", UNAPPROVED_DOMAIN)
                .await;
            w.app.verify_email(&newcomer.email).await;
            let item = w
                .open_item(None, |node| node["user"]["id"] == newcomer.id.as_str())
                .await;
            call(
                "mutation($i: ID!) { resolveReviewItem(id: $i, action: APPROVE) { id } }",
                json!({ "i": item }),
            )
        }
        "createThread" => call(
            "mutation($i: CreateThreadInput!) { createThread(input: $i) { id } }",
            json!({ "i": {
                "communitySlug": HERE, "kind": "QUESTION",
                "title": format!("Nuova domanda numero {}", unique()), "body": "Testo"
            }}),
        ),
        "createPost" => {
            let thread = w.question_by(&w.neutral).await;
            call(
                "mutation($i: CreatePostInput!) { createPost(input: $i) { id } }",
                json!({ "i": { "threadId": thread, "body": "Una risposta" } }),
            )
        }
        "editPost" => {
            let post = w.post_by_author().await;
            call(
                "mutation($id: ID!) { editPost(id: $id, body: \"Testo corretto\") { id } }",
                json!({ "id": post }),
            )
        }
        "deletePost" => {
            let post = w.post_by_author().await;
            call(
                "mutation($id: ID!) { deletePost(id: $id) { id } }",
                json!({ "id": post }),
            )
        }
        "acceptAnswer" => {
            let (_, reply) = w.answered_question().await;
            call(
                "mutation($p: ID!) { acceptAnswer(postId: $p) { id } }",
                json!({ "p": reply }),
            )
        }
        "markOfficialAnswer" => {
            let (_, reply) = w.answered_question().await;
            call(
                "mutation($p: ID!) { markOfficialAnswer(postId: $p) { id } }",
                json!({ "p": reply }),
            )
        }
        "vote" => {
            let post = w.post_by_author().await;
            call(
                "mutation($p: ID!) { vote(postId: $p, value: 1) { id } }",
                json!({ "p": post }),
            )
        }
        "setThreadNotificationLevel" => {
            let thread = w.question_by(&w.neutral).await;
            call(
                "mutation($t: ID!) { setThreadNotificationLevel(threadId: $t, level: MUTED) { id } }",
                json!({ "t": thread }),
            )
        }
        "setCommunityNotificationLevel" => call(
            "mutation($s: String!) { setCommunityNotificationLevel(slug: $s, level: WATCHING) { slug } }",
            json!({ "s": HERE }),
        ),
        "bookmark" => {
            let thread = w.question_by(&w.neutral).await;
            call(
                "mutation($t: ID) { bookmark(threadId: $t) { createdAt } }",
                json!({ "t": thread }),
            )
        }
        "removeBookmark" => {
            let thread = w.question_by(&w.neutral).await;
            if let Some(t) = &token {
                w.app
                    .ok(
                        Some(t),
                        "mutation($t: ID) { bookmark(threadId: $t) { createdAt } }",
                        json!({ "t": thread }),
                    )
                    .await;
            }
            call(
                "mutation($t: ID) { removeBookmark(threadId: $t) }",
                json!({ "t": thread }),
            )
        }
        "suspendUser" => {
            let victim = w.victim().await;
            call(
                "mutation($u: ID!, $until: DateTime!) { suspendUser(userId: $u, until: $until, reason: \"Prova dei permessi\") { id } }",
                json!({ "u": victim.id, "until": UNTIL }),
            )
        }
        "liftSuspension" => {
            let victim = w.victim().await;
            w.app
                .ok(
                    Some(&w.admin.token),
                    "mutation($u: ID!, $until: DateTime!) { suspendUser(userId: $u, until: $until, reason: \"Prova dei permessi\") { id } }",
                    json!({ "u": victim.id, "until": UNTIL }),
                )
                .await;
            call(
                "mutation($u: ID!) { liftSuspension(userId: $u) { id } }",
                json!({ "u": victim.id }),
            )
        }
        "setSearchSynonyms" => call(
            "mutation { setSearchSynonyms(groups: [[\"durc\", \"documento unico di regolarità contributiva\"]]) }",
            json!({}),
        ),
        "verifyEmail" => {
            let newcomer = w.app.register_unverified("Ugo Nuovo", TRUSTED_DOMAIN).await;
            let link = w.app.verification_token(&newcomer.email).await;
            call(
                "mutation($t: String!) { verifyEmail(token: $t) { approvalStatus } }",
                json!({ "t": link }),
            )
        }
        "resendVerification" => call("mutation { resendVerification }", json!({})),
        "approveEmailDomain" => call(
            "mutation($d: String!) { approveEmailDomain(domain: $d, comuneIstatCode: \"001001\") { id } }",
            json!({ "d": format!("ente{}.example.net", unique()) }),
        ),
        "removeApprovedEmailDomain" => {
            let data = w
                .as_admin(
                    "mutation($d: String!) { approveEmailDomain(domain: $d) { id } }",
                    json!({ "d": format!("ente{}.example.net", unique()) }),
                )
                .await;
            call(
                "mutation($i: ID!) { removeApprovedEmailDomain(id: $i) }",
                json!({ "i": data["approveEmailDomain"]["id"] }),
            )
        }
        "setWatchedWord" => call(
            "mutation($p: String!) { setWatchedWord(pattern: $p, action: FLAG) { id } }",
            json!({ "p": format!("parolaccia{}", unique()) }),
        ),
        "removeWatchedWord" => {
            let data = w
                .as_admin(
                    "mutation($p: String!) { setWatchedWord(pattern: $p, action: FLAG) { id } }",
                    json!({ "p": format!("parolaccia{}", unique()) }),
                )
                .await;
            call(
                "mutation($i: ID!) { removeWatchedWord(id: $i) }",
                json!({ "i": data["setWatchedWord"]["id"] }),
            )
        }
        other => panic!("no fixture for the mutation `{other}`: add an arm to `prepare`"),
    }
}

#[test]
fn every_mutation_has_a_row_in_the_matrix() {
    let declared = schema_mutations();
    assert!(declared.len() > 20, "schema parsed: {declared:?}");
    let rows: Vec<&str> = MATRIX.iter().map(|(name, _)| mutation_of(name)).collect();
    let missing: Vec<&String> = declared
        .iter()
        .filter(|d| !rows.contains(&d.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "mutations without a row in the authorisation matrix (tests/e2e/authz.rs): {missing:?}"
    );
    let stale: Vec<&&str> = rows
        .iter()
        .filter(|r| !declared.iter().any(|d| d == *r))
        .collect();
    assert!(
        stale.is_empty(),
        "rows for mutations not in the schema: {stale:?}"
    );
}

both_backends! {
    async fn every_mutation_for_every_role(app) {
        let mut world = World::new(app).await;
        let mut mismatches = Vec::new();
        for (mutation, outcomes) in MATRIX {
            for (role, expected) in ROLES.iter().zip(outcomes) {
                let call = prepare(&world, mutation, *role).await;
                let before = match expected {
                    A => None,
                    _ => Some(world.app.database.fingerprint().await),
                };
                let resp = world.app.gql(call.token.as_deref(), call.query, call.vars).await;
                let code = resp["errors"][0]["extensions"]["code"].as_str();
                if code != expected.code() {
                    mismatches.push(format!("{mutation} as {role:?}: expected {expected:?}, got {resp}"));
                    continue;
                }
                if let Some(before) = before {
                    let after = world.app.database.fingerprint().await;
                    let changed: Vec<&String> = after
                        .iter()
                        .filter(|(table, content)| before.get(*table) != Some(*content))
                        .map(|(table, _)| table)
                        .collect();
                    if !changed.is_empty() {
                        mismatches.push(format!("{mutation} as {role:?} was refused but changed {changed:?}"));
                    }
                }
            }
            if *mutation == "changePassword" {
                world.sign_in_again().await;
            }
        }
        assert!(mismatches.is_empty(), "{} mismatches:\n{}", mismatches.len(), mismatches.join("\n"));
    }
}
