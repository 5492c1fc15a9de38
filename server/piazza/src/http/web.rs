//! The built web front end: hashed assets cached for a year, `index.html` for every client
//! route. Without a build, a short page says how to make one.

use std::path::Path;

use poem::{
    Endpoint, IntoResponse, Request, Response, Result,
    endpoint::StaticFilesEndpoint,
    http::{HeaderValue, StatusCode, header},
};

const NO_BUILD_PAGE: &str = "<!doctype html><html lang=\"it\"><head><meta charset=\"utf-8\">\
<title>Piazza</title></head><body><main><h1>Piazza</h1>\
<p>L'interfaccia web non è stata ancora compilata. Esegui <code>./scripts/run</code> \
oppure <code>npm ci &amp;&amp; npm run build</code> nella cartella <code>web/</code>.</p>\
<p>L'API GraphQL è disponibile su <code>/graphql</code>.</p></main></body></html>";

pub struct WebEndpoint {
    files: Option<StaticFilesEndpoint>,
}

pub fn endpoint(web_dir: &Path) -> WebEndpoint {
    let has_build = web_dir.join("index.html").is_file();
    if !has_build {
        tracing::warn!(dir = %web_dir.display(), "no web build found; serving a placeholder page");
    }
    WebEndpoint {
        files: has_build.then(|| {
            StaticFilesEndpoint::new(web_dir)
                .index_file("index.html")
                .fallback_to_index()
        }),
    }
}

impl Endpoint for WebEndpoint {
    type Output = Response;

    async fn call(&self, req: Request) -> Result<Response> {
        let Some(files) = &self.files else {
            return Ok(Response::builder()
                .status(StatusCode::OK)
                .content_type("text/html; charset=utf-8")
                .body(NO_BUILD_PAGE));
        };
        let immutable = req.uri().path().starts_with("/assets/");
        let mut resp = files.call(req).await?.into_response();
        let cache = if immutable && resp.status().is_success() {
            "public, max-age=31536000, immutable"
        } else {
            "no-cache"
        };
        resp.headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
        Ok(resp)
    }
}
