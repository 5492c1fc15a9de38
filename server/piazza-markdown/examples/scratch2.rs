fn main() {
    let mut input = String::new();
    std::io::Read::read_to_string(&mut std::io::stdin(), &mut input).unwrap();
    let t = std::time::Instant::now();
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new_ext(&input, pulldown_cmark::Options::all()));
    let t1 = t.elapsed();
    let t = std::time::Instant::now();
    let out = piazza_markdown::sanitize_html(&html);
    let t2 = t.elapsed();
    let t = std::time::Instant::now();
    let out2 = piazza_markdown::render(&input);
    let t3 = t.elapsed();
    eprintln!("in {} B, pulldown {} B in {:?}, sanitize {} B in {:?}; render {} B in {:?}", input.len(), html.len(), t1, out.len(), t2, out2.len(), t3);
}
