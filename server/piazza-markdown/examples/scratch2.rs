fn main() {
    let mut input = String::new();
    std::io::Read::read_to_string(&mut std::io::stdin(), &mut input).unwrap();
    let t = std::time::Instant::now();
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new_ext(&input, pulldown_cmark::Options::all()));
    let t1 = t.elapsed();
    let out = ammonia::Builder::default().clean(&html).to_string();
    let t2 = t.elapsed() - t1;
    eprintln!("in {} B, pulldown {} B in {:?}, ammonia {} B in {:?}", input.len(), html.len(), t1, out.len(), t2);
}
