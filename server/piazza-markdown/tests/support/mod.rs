//! Output checks shared by the corpus tests: the invariants listed in `tests/xss/README.md`,
//! asserted on an independent HTML5 parse (scraper) of what the crate produced.
//!
//! The allow-lists below deliberately repeat `src/policy.rs` instead of importing it: a
//! change to the policy must be made twice, once on purpose in each place.

pub mod pathological;

use std::collections::HashSet;
use std::path::PathBuf;

use scraper::{ElementRef, Html, Node};

/// Elements the policy allows.
const ALLOWED_ELEMENTS: &[&str] = &[
    "a",
    "blockquote",
    "br",
    "code",
    "del",
    "em",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "img",
    "input",
    "li",
    "ol",
    "p",
    "pre",
    "strong",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
];

/// Attributes the policy allows, per element.
fn allowed_attribute(element: &str, attribute: &str) -> bool {
    match element {
        "a" => ["href", "title", "id", "name", "rel"].contains(&attribute),
        "img" => ["src", "alt", "title", "loading"].contains(&attribute),
        "ol" => attribute == "start",
        "code" => attribute == "class",
        "input" => ["type", "checked", "disabled"].contains(&attribute),
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => attribute == "id",
        "td" | "th" => attribute == "align",
        _ => false,
    }
}

/// Elements that must never appear, whatever the allow-list says (README, invariant 1).
const FORBIDDEN_ELEMENTS: &[&str] = &[
    "script",
    "style",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "base",
    "meta",
    "link",
    "form",
    "button",
    "textarea",
    "select",
    "option",
    "math",
    "svg",
    "template",
    "noscript",
    "xmp",
    "noembed",
    "noframes",
    "plaintext",
    "title",
];

/// Attributes that must never appear (besides `on*`).
const FORBIDDEN_ATTRIBUTES: &[&str] = &[
    "style",
    "srcdoc",
    "formaction",
    "action",
    "xlink:href",
    "background",
    "dynsrc",
    "lowsrc",
];

/// Attributes holding URLs or URL lists.
const URL_ATTRIBUTES: &[&str] = &[
    "href",
    "src",
    "cite",
    "poster",
    "srcset",
    "action",
    "formaction",
    "data",
    "background",
    "ping",
];

pub const REL_TOKENS: &[&str] = &["nofollow", "ugc", "noopener", "noreferrer"];
pub const ID_PREFIX: &str = "user-content-";

/// Path of a file in `tests/xss/`.
pub fn corpus_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/xss")
        .join(name)
}

pub fn read_corpus(name: &str) -> String {
    let path = corpus_path(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Checks one output; collects problems instead of panicking so a run reports them all.
pub struct Checker {
    event_handlers: HashSet<String>,
    pub problems: Vec<String>,
    pub outputs_checked: usize,
}

impl Checker {
    pub fn new() -> Self {
        let event_handlers: HashSet<String> =
            read_corpus("patt-port-swigger-xss-cheatsheet-event-handlers.txt")
                .lines()
                .map(|l| l.trim().to_ascii_lowercase())
                .filter(|l| !l.is_empty())
                .collect();
        // The deny-list is a cross-check of the `on*` rule: if a handler without that
        // prefix ever appeared in it, the prefix rule alone would no longer be enough.
        assert_eq!(event_handlers.len(), 114, "event-handler list changed");
        assert!(event_handlers.iter().all(|h| h.starts_with("on")));
        Checker {
            event_handlers,
            problems: Vec::new(),
            outputs_checked: 0,
        }
    }

    fn fail(&mut self, label: &str, html: &str, what: String) {
        let shown: String = html.chars().take(300).collect();
        self.problems
            .push(format!("{label}: {what}\n    output: {shown:?}"));
    }

    /// Asserts every invariant on `html`, an output of `render` or `sanitize_html`.
    pub fn check(&mut self, label: &str, html: &str) {
        self.outputs_checked += 1;
        let tree = Html::parse_fragment(html);
        let root = tree.root_element();
        for node in root.descendants().skip(1) {
            match node.value() {
                Node::Element(_) => {}
                Node::Text(_) => continue,
                Node::Comment(_) => {
                    self.fail(label, html, "comment survived".into());
                    continue;
                }
                other => {
                    self.fail(label, html, format!("unexpected node {other:?}"));
                    continue;
                }
            }
            let element = ElementRef::wrap(node).expect("element node");
            for problem in element_problems(&self.event_handlers, element) {
                self.fail(label, html, problem);
            }
        }
        // Invariant 2: the output is a fixed point of the sanitiser, both when ammonia
        // re-reads it and after another parser's parse → serialise round trip (the
        // mXSS check: a tree that serialises to something that parses differently).
        let again = piazza_markdown::sanitize_html(html);
        if again != html {
            self.fail(label, html, format!("not idempotent: {again:?}"));
        }
        let reserialised = root.inner_html();
        let round_trip = Html::parse_fragment(&piazza_markdown::sanitize_html(&reserialised))
            .root_element()
            .inner_html();
        if round_trip != reserialised {
            self.fail(
                label,
                html,
                format!("changes after re-parse: {round_trip:?}"),
            );
        }
    }

    /// Panics with every problem found so far.
    pub fn assert_clean(&self, what: &str) {
        assert!(
            self.problems.is_empty(),
            "{what}: {} problem(s)\n{}",
            self.problems.len(),
            self.problems.join("\n")
        );
    }
}

fn element_problems(event_handlers: &HashSet<String>, element: ElementRef<'_>) -> Vec<String> {
    let mut problems = Vec::new();
    let value = element.value();
    let name = value.name();
    if &*value.name.ns != "http://www.w3.org/1999/xhtml" {
        problems.push(format!("<{name}> in namespace {:?}", value.name.ns));
    }
    if FORBIDDEN_ELEMENTS.contains(&name) {
        problems.push(format!("forbidden element <{name}>"));
    }
    if !ALLOWED_ELEMENTS.contains(&name) {
        problems.push(format!("element <{name}> not in the allow-list"));
    }
    for (qual, attr_value) in value.attrs.iter() {
        let attr = match &qual.prefix {
            Some(prefix) => format!("{prefix}:{}", qual.local),
            None => qual.local.to_string(),
        };
        let attr = attr.to_ascii_lowercase();
        if attr.starts_with("on") || event_handlers.contains(&attr) {
            problems.push(format!("event handler {attr} on <{name}>"));
        }
        if FORBIDDEN_ATTRIBUTES.contains(&attr.as_str()) || qual.prefix.is_some() {
            problems.push(format!("forbidden attribute {attr} on <{name}>"));
        }
        if !allowed_attribute(name, &attr) {
            problems.push(format!(
                "attribute {attr} on <{name}> not in the allow-list"
            ));
        }
        if URL_ATTRIBUTES.contains(&attr.as_str()) {
            let urls: Vec<&str> = if attr == "srcset" {
                attr_value
                    .split(',')
                    .filter_map(|c| c.split_whitespace().next())
                    .collect()
            } else {
                vec![attr_value]
            };
            for url in urls {
                let scheme = url_scheme(url);
                let allowed = match (name, attr.as_str()) {
                    ("img", "src") => matches!(scheme.as_deref(), Some("http" | "https")),
                    _ => matches!(scheme.as_deref(), None | Some("http" | "https" | "mailto")),
                };
                if !allowed {
                    problems.push(format!("{attr}={url:?} on <{name}> (scheme {scheme:?})"));
                }
            }
        }
        if (attr == "id" || attr == "name") && !attr_value.starts_with(ID_PREFIX) {
            problems.push(format!("{attr}={attr_value:?} not prefixed"));
        }
    }
    if name == "a" {
        let rel: Vec<&str> = value.attr("rel").unwrap_or("").split_whitespace().collect();
        if !REL_TOKENS.iter().all(|t| rel.contains(t)) {
            problems.push(format!("<a> with rel {rel:?}"));
        }
    }
    // Any other type could take input; a nameless checkbox outside a form cannot submit.
    if name == "input" && value.attr("type") != Some("checkbox") {
        problems.push("<input> that is not a checkbox".into());
    }
    problems
}

/// The scheme a browser would see in an attribute value (already entity-decoded by the
/// parser): C0 controls and spaces trimmed, tabs and newlines removed, per the URL spec.
/// `None` for a relative URL.
pub fn url_scheme(raw: &str) -> Option<String> {
    let trimmed = raw.trim_matches(|c: char| c <= ' ');
    let cleaned: String = trimmed
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let (scheme, _) = cleaned.split_once(':')?;
    let mut chars = scheme.chars();
    let valid = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    // `./a:b` or `?x=a:b` is relative: the colon is not inside a valid scheme.
    valid.then(|| scheme.to_ascii_lowercase())
}

/// Visible text of an HTML fragment with all whitespace removed (sanitising may add or
/// remove the whitespace between blocks); the content of elements the policy drops
/// together with their content does not count.
pub fn compact_text(html: &str) -> String {
    const DROPPED: &[&str] = &[
        "applet",
        "iframe",
        "math",
        "noembed",
        "noframes",
        "noscript",
        "object",
        "plaintext",
        "script",
        "style",
        "svg",
        "template",
        "xmp",
    ];
    let tree = Html::parse_fragment(html);
    let mut text = String::new();
    for node in tree.root_element().descendants() {
        if let Node::Text(t) = node.value() {
            let hidden = node.ancestors().any(|a| {
                a.value()
                    .as_element()
                    .is_some_and(|e| DROPPED.contains(&e.name()))
            });
            if !hidden {
                text.extend(t.chars().filter(|c| !c.is_whitespace()));
            }
        }
    }
    text
}
