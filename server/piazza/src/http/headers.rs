//! Security headers on every response. The CSP allows no inline script or style: the web
//! front end is built to need neither.

use poem::{Endpoint, IntoResponse, Middleware, Request, Response, Result, http::HeaderValue};

pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; style-src 'self'; \
    img-src 'self' data: https:; font-src 'self'; connect-src 'self'; object-src 'none'; \
    base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

pub struct SecurityHeaders;

impl<E: Endpoint> Middleware<E> for SecurityHeaders {
    type Output = SecurityHeadersEndpoint<E>;

    fn transform(&self, ep: E) -> Self::Output {
        SecurityHeadersEndpoint(ep)
    }
}

pub struct SecurityHeadersEndpoint<E>(E);

impl<E: Endpoint> Endpoint for SecurityHeadersEndpoint<E> {
    type Output = Response;

    async fn call(&self, req: Request) -> Result<Response> {
        let mut resp = self.0.call(req).await?.into_response();
        let h = resp.headers_mut();
        let set = |h: &mut poem::http::HeaderMap, k: &'static str, v: &'static str| {
            h.entry(k).or_insert(HeaderValue::from_static(v));
        };
        set(h, "content-security-policy", CONTENT_SECURITY_POLICY);
        set(h, "x-content-type-options", "nosniff");
        set(h, "referrer-policy", "strict-origin-when-cross-origin");
        set(h, "x-frame-options", "DENY");
        set(h, "cross-origin-opener-policy", "same-origin");
        set(
            h,
            "permissions-policy",
            "camera=(), microphone=(), geolocation=()",
        );
        Ok(resp)
    }
}
