//! Table-column alignment without inline styles.
//!
//! pulldown-cmark writes `| :-: |` columns as `<td style="text-align: center">`. The
//! sanitiser drops every `style` attribute (and the site's Content-Security-Policy would
//! block it anyway), so the alignment would be lost. Instead this adapter writes the cell
//! tags itself with the presentational `align` attribute, which needs no CSS and also works
//! in notification e-mails. (Bootstrap's reboot sets `th { text-align: inherit }`, so the
//! front end needs rules like `th[align="center"] { text-align: center }` for header cells.)

use pulldown_cmark::{Alignment, CowStr, Event, Tag, TagEnd};

/// Rewrites the table events of one document; feed it every event in order.
#[derive(Default)]
pub(crate) struct CellAlignment {
    alignments: Vec<Alignment>,
    column: usize,
    in_head: bool,
}

impl CellAlignment {
    pub(crate) fn rewrite<'a>(&mut self, event: Event<'a>) -> Event<'a> {
        match event {
            Event::Start(Tag::Table(alignments)) => {
                // pulldown-cmark then writes plain `<th>`/`<td>` for the cells we do not
                // replace below, since it sees no alignments.
                self.alignments = alignments;
                Event::Start(Tag::Table(Vec::new()))
            }
            Event::Start(Tag::TableHead) => {
                self.in_head = true;
                self.column = 0;
                event
            }
            Event::End(TagEnd::TableHead) => {
                self.in_head = false;
                event
            }
            Event::Start(Tag::TableRow) => {
                self.column = 0;
                event
            }
            Event::Start(Tag::TableCell) => match self.open_tag() {
                Some(tag) => Event::Html(CowStr::Borrowed(tag)),
                None => event,
            },
            Event::End(TagEnd::TableCell) => {
                let replaced = self.open_tag().is_some();
                self.column += 1;
                match (replaced, self.in_head) {
                    (false, _) => event,
                    (true, true) => Event::Html(CowStr::Borrowed("</th>")),
                    (true, false) => Event::Html(CowStr::Borrowed("</td>")),
                }
            }
            Event::End(TagEnd::Table) => {
                self.alignments.clear();
                event
            }
            other => other,
        }
    }

    /// The start tag to write for the current cell, if its column is aligned.
    fn open_tag(&self) -> Option<&'static str> {
        let tag = match (self.alignments.get(self.column)?, self.in_head) {
            (Alignment::None, _) => return None,
            (Alignment::Left, true) => r#"<th align="left">"#,
            (Alignment::Center, true) => r#"<th align="center">"#,
            (Alignment::Right, true) => r#"<th align="right">"#,
            (Alignment::Left, false) => r#"<td align="left">"#,
            (Alignment::Center, false) => r#"<td align="center">"#,
            (Alignment::Right, false) => r#"<td align="right">"#,
        };
        Some(tag)
    }
}
