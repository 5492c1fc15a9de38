//! The HTML allow-list: which elements, attributes and URLs survive sanitising.
//!
//! Everything is spelled out here instead of starting from ammonia's defaults, so that
//! an ammonia upgrade cannot silently widen what users may post, and so that a reviewer
//! can read the whole policy in one place. Any change to this file changes what stored
//! posts look like: bump [`crate::RENDERER_VERSION`] with it.
//!
//! The policy is deliberately narrower than ammonia's default:
//! - only the elements pulldown-cmark produces for our markdown extensions;
//! - no SVG or MathML (the namespace-confusion mXSS advisories against ammonia all need
//!   them) and no raw-text elements (`script`, `style`, `xmp`, …);
//! - no `style` and no `class` (except `language-*` on `code`): the page's CSP forbids
//!   inline styles, and user classes could borrow the site's own UI styling;
//! - URLs are http, https, mailto or relative; images are http(s) only.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use ammonia::{Builder, Url, UrlRelative};

/// `rel` put on every link. `nofollow ugc` tells search engines the link is user content
/// (no PageRank for spam), `noopener noreferrer` stops the target from scripting
/// `window.opener` and from learning which thread linked to it.
const LINK_REL: &str = "nofollow ugc noopener noreferrer";

/// Prefix for `id` and `name`, so a post cannot clobber DOM globals or the ids the
/// application itself uses (`<a id="config">` would otherwise shadow `window.config`).
const ID_PREFIX: &str = "user-content-";

/// Elements that may appear in rendered posts.
pub const TAGS: &[&str] = &[
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
    // Task-list checkboxes. Safe because every `input` is forced to be a checkbox, and
    // `name`/`form`/`value`/`formaction` never survive: it cannot submit anything.
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

/// Elements removed together with their content. For the rest, a disallowed element is
/// unwrapped and its text kept, which is what a user who typed `<u>` expects. Here the
/// content is code (`script`), raw text that only looks like text until the element
/// around it is gone (`xmp`, `noembed`: the "removal-based mXSS" family; ammonia escapes
/// it correctly, but there is nothing worth showing), markup in a foreign namespace
/// (`svg`, `math`), or something a browser would not have shown.
const DROP_WITH_CONTENT: &[&str] = &[
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

/// Attributes allowed per element; anything not listed is dropped.
///
/// The forced attributes (`loading`, `type`, see `build`) are listed too, although their
/// value is always overwritten: an allowed attribute keeps its position, so sanitising the
/// output again reproduces it byte for byte.
const TAG_ATTRIBUTES: &[(&str, &[&str])] = &[
    ("a", &["href", "title", "id", "name"]),
    ("img", &["src", "alt", "title", "loading"]),
    ("ol", &["start"]),
    // Filtered to `language-*` tokens in `filter_attribute`.
    ("code", &["class"]),
    ("input", &["type", "checked", "disabled"]),
    ("h1", &["id"]),
    ("h2", &["id"]),
    ("h3", &["id"]),
    ("h4", &["id"]),
    ("h5", &["id"]),
    ("h6", &["id"]),
];

/// Table-cell alignment, which `crate::table` emits instead of pulldown-cmark's
/// `style="text-align: …"`.
const ALIGN_VALUES: &[&str] = &["left", "center", "right"];

/// The one sanitiser, built on first use and shared by every thread.
pub(crate) static SANITIZER: LazyLock<Builder<'static>> = LazyLock::new(build);

fn build() -> Builder<'static> {
    let tag_attributes: HashMap<&str, HashSet<&str>> = TAG_ATTRIBUTES
        .iter()
        .map(|(tag, attrs)| (*tag, attrs.iter().copied().collect()))
        .collect();
    let align: HashMap<&str, HashSet<&str>> =
        HashMap::from([("align", ALIGN_VALUES.iter().copied().collect())]);
    // Values set on every occurrence, overwriting what the input said. At most one per
    // element: ammonia appends missing ones in `HashMap` order, which differs between
    // processes, and stored HTML should not depend on which process rendered it.
    let forced: HashMap<&str, HashMap<&str, &str>> = HashMap::from([
        // Whatever a user typed, an `input` is a checkbox. Task-list markers also carry
        // `disabled`; forcing it too would make it a second forced attribute.
        ("input", HashMap::from([("type", "checkbox")])),
        // Members on slow links should not download every image of a long thread.
        // (Referrer leakage to image hosts is left to the page's `Referrer-Policy`.)
        ("img", HashMap::from([("loading", "lazy")])),
    ]);
    let mut builder = Builder::empty();
    builder
        .tags(TAGS.iter().copied().collect())
        .clean_content_tags(DROP_WITH_CONTENT.iter().copied().collect())
        .generic_attributes(HashSet::new())
        .tag_attributes(tag_attributes)
        .tag_attribute_values(HashMap::from([("td", align.clone()), ("th", align)]))
        .set_tag_attribute_values(forced)
        .url_schemes(HashSet::from(["http", "https", "mailto"]))
        // Relative links (`/t/123`, `#risposta`) point inside the forum and are kept.
        .url_relative(UrlRelative::PassThrough)
        .link_rel(Some(LINK_REL))
        .id_prefix(Some(ID_PREFIX))
        .strip_comments(true)
        .attribute_filter(filter_attribute);
    builder
}

/// Rules ammonia's tables cannot express. Runs after the allow-list and scheme checks,
/// so `value` already passed those.
fn filter_attribute<'u>(element: &str, attribute: &str, value: &'u str) -> Option<Cow<'u, str>> {
    match (element, attribute) {
        // Images load without a click. A relative `src` would make every reader's browser
        // request a URL of our own origin, cookies included (think `/logout`), so an
        // image must name its http(s) host.
        ("img", "src") => {
            let url = Url::parse(value).ok()?;
            matches!(url.scheme(), "http" | "https").then_some(Cow::Borrowed(value))
        }
        // pulldown-cmark writes the fence's info string as `language-<info>`; keep only
        // well-formed language names for client-side highlighting.
        ("code", "class") => {
            let kept: Vec<&str> = value
                .split_ascii_whitespace()
                .filter(|class| is_language_class(class))
                .collect();
            (!kept.is_empty()).then(|| Cow::Owned(kept.join(" ")))
        }
        // ammonia prefixes `id` only; treat the legacy anchor `name` the same way.
        ("a", "name") if !value.starts_with(ID_PREFIX) => {
            Some(Cow::Owned(format!("{ID_PREFIX}{value}")))
        }
        _ => Some(Cow::Borrowed(value)),
    }
}

fn is_language_class(class: &str) -> bool {
    class.strip_prefix("language-").is_some_and(|lang| {
        (1..=32).contains(&lang.len())
            && lang
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"+-_.#".contains(&b))
    })
}
