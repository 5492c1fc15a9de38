//! Unit tests of the rendering policy: what each construct becomes, exactly. The XSS
//! corpus in `tests/` checks invariants over thousands of hostile inputs; these pin the
//! intended output for ordinary ones, so a policy change shows up as a readable diff.

use super::{plain_text, render, sanitize_html};
use crate::limits::{MAX_DEPTH, MAX_RAW_START_TAGS};

const REL: &str = r#"rel="nofollow ugc noopener noreferrer""#;

#[test]
fn renders_commonmark_blocks_and_inlines() {
    let md = "# Titolo\n\nTesto *enfasi* e **forte**, `codice`, ~~barrato~~.\n\n\
              > citazione\n\n---\n\n3. tre\n4. quattro\n\n- a\n- b\n";
    assert_eq!(
        render(md),
        "<h1>Titolo</h1>\n\
         <p>Testo <em>enfasi</em> e <strong>forte</strong>, <code>codice</code>, \
         <del>barrato</del>.</p>\n\
         <blockquote>\n<p>citazione</p>\n</blockquote>\n<hr>\n\
         <ol start=\"3\">\n<li>tre</li>\n<li>quattro</li>\n</ol>\n\
         <ul>\n<li>a</li>\n<li>b</li>\n</ul>\n"
    );
}

#[test]
fn empty_input_renders_nothing() {
    assert_eq!(render(""), "");
    assert_eq!(plain_text(""), "");
}

#[test]
fn links_keep_safe_targets_and_get_rel() {
    let html = render(
        "[sito](https://www.comune.it/a?b=1&c=2) [rel](/t/42#r7) \
         [mail](mailto:ufficio@comune.it) <https://x.it>",
    );
    assert_eq!(
        html,
        format!(
            "<p><a href=\"https://www.comune.it/a?b=1&amp;c=2\" {REL}>sito</a> \
             <a href=\"/t/42#r7\" {REL}>rel</a> \
             <a href=\"mailto:ufficio@comune.it\" {REL}>mail</a> \
             <a href=\"https://x.it\" {REL}>https://x.it</a></p>\n"
        )
    );
}

#[test]
fn links_with_other_schemes_lose_their_target_but_keep_their_text() {
    for url in [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "&#106;avascript:alert(1)",
        "vbscript:msgbox(1)",
        "data:text/html,x",
        "file:///etc/passwd",
        "ftp://example.com/",
    ] {
        assert_eq!(
            render(&format!("[testo]({url})")),
            format!("<p><a {REL}>testo</a></p>\n"),
            "{url}"
        );
    }
}

#[test]
fn images_need_an_absolute_http_url() {
    assert_eq!(
        render(r#"![logo](https://cdn.example.it/l.png "Logo")"#),
        "<p><img src=\"https://cdn.example.it/l.png\" alt=\"logo\" title=\"Logo\" \
         loading=\"lazy\"></p>\n"
    );
    for url in [
        "/l.png",
        "l.png",
        "//cdn.example.it/l.png",
        "data:image/png;base64,AAAA",
    ] {
        let html = render(&format!("![logo]({url})"));
        assert!(!html.contains("src="), "{url}: {html}");
        assert!(html.contains(r#"alt="logo""#), "{url}: {html}");
    }
}

#[test]
fn task_list_markers_are_disabled_checkboxes() {
    assert_eq!(
        render("- [ ] da fare\n- [x] fatto\n"),
        "<ul>\n<li><input disabled=\"\" type=\"checkbox\">\nda fare</li>\n\
         <li><input disabled=\"\" type=\"checkbox\" checked=\"\">\nfatto</li>\n</ul>\n"
    );
}

#[test]
fn typed_inputs_become_inert_checkboxes() {
    let html = render(
        "a <input type=text name=q value=v form=f formaction=javascript:x autofocus onfocus=x> b",
    );
    assert_eq!(html, "<p>a <input type=\"checkbox\"> b</p>\n");
}

#[test]
fn table_alignment_uses_the_align_attribute() {
    assert_eq!(
        render("| a | b | c | d |\n|:--|:-:|--:|---|\n| 1 | 2 | 3 | 4 |\n"),
        "<table><thead><tr><th align=\"left\">a</th><th align=\"center\">b</th>\
         <th align=\"right\">c</th><th>d</th></tr></thead><tbody>\n\
         <tr><td align=\"left\">1</td><td align=\"center\">2</td>\
         <td align=\"right\">3</td><td>4</td></tr>\n</tbody></table>\n"
    );
}

#[test]
fn ids_and_names_are_prefixed_once() {
    assert_eq!(
        render("<h2 id=\"sezione\">S</h2>\n\n<a name=\"n\" id=\"user-content-x\">a</a>\n"),
        format!(
            "<h2 id=\"user-content-sezione\">S</h2>\n\
             <p><a name=\"user-content-n\" id=\"user-content-x\" {REL}>a</a></p>\n"
        )
    );
}

#[test]
fn raw_html_is_reduced_to_the_allow_list() {
    let html = render(
        "x <script>alert(1)</script> <u>sottolineato</u> \
         <span style=\"color:red\" class=\"btn\" onclick=\"x\">s</span> \
         <svg><text>t</text></svg><math><mi>m</mi></math> <!-- nota --> y",
    );
    // Scripts and foreign content vanish with their content; other tags are unwrapped.
    assert_eq!(html, "<p>x  sottolineato s   y</p>\n");
}

#[test]
fn code_blocks_keep_only_well_formed_language_classes() {
    assert_eq!(
        render("```c++\nb\n```\n"),
        "<pre><code class=\"language-c++\">b\n</code></pre>\n"
    );
    assert_eq!(
        render("```js\" onmouseover=\"x\na\n```\n"),
        "<pre><code>a\n</code></pre>\n"
    );
    assert_eq!(
        render("    <b>x</b>\n"),
        "<pre><code>&lt;b&gt;x&lt;/b&gt;\n</code></pre>\n"
    );
}

#[test]
fn output_is_a_fixed_point_of_the_sanitiser() {
    for md in [
        "# a\n\n- [x] b\n\n| c |\n|:-:|\n| d |\n\n![e](https://e.it/e.png)",
        "<p><button><p>x</p></button></p>",
        "<table><caption>c</caption><tr><td>d</td></tr></table>",
    ] {
        let html = render(md);
        assert_eq!(sanitize_html(&html), html, "{md}");
    }
}

#[test]
fn plain_text_is_what_a_reader_sees() {
    let md = "# Titolo\n\nUno  *due*\ntre &amp; <b>quattro</b>\n\n- cinque\n- sei\n\n\
              <script>nascosto()</script>\n\n```\ncodice  qui\n```\n\n[link](https://x.it) ![alt](https://x.it/i.png)";
    assert_eq!(
        plain_text(md),
        "Titolo Uno due tre & quattro cinque sei codice qui link"
    );
}

#[test]
fn deep_nesting_is_flattened_not_lost() {
    let html = render(&format!("{} fondo", ">".repeat(100)));
    assert_eq!(html.matches("<blockquote>").count(), MAX_DEPTH);
    assert!(html.contains("fondo"));
    // A table is kept whole or not at all.
    let md = format!(
        "{}| a |\n{}|---|\n{}| b |\n",
        ">".repeat(30),
        ">".repeat(30),
        ">".repeat(30)
    );
    let html = render(&md);
    assert_eq!(sanitize_html(&html), html);
    assert!(html.contains('a') && html.contains('b'));
}

#[test]
fn raw_html_beyond_the_budget_is_shown_as_text() {
    let html = render(&"x<br>".repeat(MAX_RAW_START_TAGS + 2));
    assert_eq!(html.matches("<br>").count(), MAX_RAW_START_TAGS);
    assert_eq!(html.matches("&lt;br&gt;").count(), 2);
}
