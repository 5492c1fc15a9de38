//! Outgoing mail. With `PIAZZA_SMTP_URL` set, mail goes out over SMTP after the write that
//! caused it has committed; without it (one node, no mail server) it is kept in the outbox
//! table that admins read, and written to the log, so a member can still be helped to
//! verify. Mail that SMTP refuses lands in the outbox too, with the error.

use std::time::Duration;

use anyhow::Context as _;
use lettre::{
    AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor,
    message::{
        Body, Mailbox,
        header::{ContentTransferEncoding, ContentType},
    },
    transport::smtp::authentication::Credentials,
};
use piazza_db::{Db, Tx, trust};

use crate::{config::Config, error::AppResult};

/// How long one SMTP delivery may take.
const SMTP_TIMEOUT: Duration = Duration::from_secs(15);

#[derive(Clone)]
pub struct Mailer {
    smtp: Option<AsyncSmtpTransport<Tokio1Executor>>,
    from: Mailbox,
    public_url: String,
}

/// A message to one recipient.
#[derive(Clone, Debug)]
pub struct Mail {
    pub to: String,
    pub subject: String,
    pub body: String,
}

/// Mail recorded in a transaction, to be handed to SMTP once it commits.
#[must_use = "send it with Mailer::send after commit"]
#[derive(Default)]
pub struct Pending(Vec<Mail>);

impl Mailer {
    pub fn new(config: &Config) -> anyhow::Result<Self> {
        let smtp = match &config.smtp_url {
            Some(url) => Some(smtp_transport(url).context("invalid PIAZZA_SMTP_URL")?),
            None => None,
        };
        let from = config
            .mail_from
            .parse()
            .context("invalid PIAZZA_MAIL_FROM")?;
        Ok(Self {
            smtp,
            from,
            public_url: config.public_url.trim_end_matches('/').to_owned(),
        })
    }

    /// An absolute link to a page of the web app (`path` starts with `/`).
    pub fn link(&self, path: &str) -> String {
        format!("{}{path}", self.public_url)
    }

    /// Records `mail` in the write's transaction: kept in the outbox (and logged) without
    /// SMTP, otherwise added to `pending` for [`Mailer::send`] after commit.
    pub async fn queue(&self, tx: &mut Tx, pending: &mut Pending, mail: Mail) -> AppResult<()> {
        if self.smtp.is_some() {
            pending.0.push(mail);
            return Ok(());
        }
        trust::insert_mail(
            tx,
            &mail.to,
            &mail.subject,
            &mail.body,
            None,
            piazza_db::now(),
        )
        .await?;
        tracing::info!(to = %mail.to, subject = %mail.subject, body = %mail.body, "mail kept in the outbox (no SMTP configured)");
        Ok(())
    }

    /// Sends committed mail in the background; failures go to the outbox with their error.
    pub fn send(&self, db: &Db, pending: Pending) {
        let Some(smtp) = self.smtp.clone() else {
            return;
        };
        if pending.0.is_empty() {
            return;
        }
        let (from, db) = (self.from.clone(), db.clone());
        tokio::spawn(async move {
            for mail in pending.0 {
                if let Err(e) = deliver(&smtp, &from, &mail).await {
                    tracing::warn!(to = %mail.to, error = %e, "mail not sent; kept in the outbox");
                    if let Err(e) = keep_failed(&db, &mail, &format!("{e:#}")).await {
                        tracing::error!(error = %e, "could not keep unsent mail");
                    }
                } else {
                    metrics::counter!("piazza_mail_sent_total").increment(1);
                }
            }
        });
    }
}

/// A plain-SMTP transport from `smtp://[user:password@]host[:port]` (port 25 by default).
fn smtp_transport(url: &str) -> anyhow::Result<AsyncSmtpTransport<Tokio1Executor>> {
    let url = url::Url::parse(url)?;
    anyhow::ensure!(
        url.scheme() == "smtp",
        "only smtp:// is supported (plain SMTP to a relay)"
    );
    let host = url.host_str().context("no host")?;
    let mut builder = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host)
        .port(url.port().unwrap_or(25))
        .timeout(Some(SMTP_TIMEOUT));
    if !url.username().is_empty() {
        builder = builder.credentials(Credentials::new(
            percent_decode(url.username()),
            percent_decode(url.password().unwrap_or_default()),
        ));
    }
    Ok(builder.build())
}

/// Decodes `%XX` escapes of a URL's user or password.
fn percent_decode(s: &str) -> String {
    url::form_urlencoded::parse(format!("x={}", s.replace('+', "%2B")).as_bytes())
        .next()
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default()
}

async fn deliver(
    smtp: &AsyncSmtpTransport<Tokio1Executor>,
    from: &Mailbox,
    mail: &Mail,
) -> anyhow::Result<()> {
    let message = Message::builder()
        .from(from.clone())
        .to(mail.to.parse().context("recipient address")?)
        .subject(&mail.subject)
        .header(ContentType::TEXT_PLAIN)
        .body(body(&mail.body))
        .context("building the message")?;
    smtp.send(message).await.context("SMTP delivery")?;
    Ok(())
}

/// The body as 8-bit text, so the link stays whole and readable in any mail client
/// (lettre would pick quoted-printable for lines over 76 characters, and links are longer).
/// RFC 5322 allows 998 characters per line; longer texts get lettre's own encoding.
fn body(text: &str) -> Body {
    let text = text.replace("\r\n", "\n").replace('\n', "\r\n");
    if text.contains('\0') || text.split("\r\n").any(|line| line.len() > 998) {
        return Body::new(text);
    }
    Body::dangerous_pre_encoded(text.into_bytes(), ContentTransferEncoding::EightBit)
}

async fn keep_failed(db: &Db, mail: &Mail, error: &str) -> Result<(), piazza_db::DbError> {
    let mut tx = db.begin().await?;
    trust::insert_mail(
        &mut tx,
        &mail.to,
        &mail.subject,
        &mail.body,
        Some(error),
        piazza_db::now(),
    )
    .await?;
    tx.commit().await
}
