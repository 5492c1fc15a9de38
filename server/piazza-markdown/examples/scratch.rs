fn main() {
    let mut input = String::new();
    std::io::Read::read_to_string(&mut std::io::stdin(), &mut input).unwrap();
    let quiet = std::env::args().nth(1).is_some();
    let t = std::time::Instant::now();
    let html = piazza_markdown::render(&input);
    let t1 = t.elapsed();
    let text = piazza_markdown::plain_text(&input);
    let t2 = t.elapsed() - t1;
    if quiet {
        eprintln!("in {} B, html {} B, text {} B, render {:?}, plain_text {:?}", input.len(), html.len(), text.len(), t1, t2);
    } else {
        println!("{html}\n---\n{text}");
    }
}
