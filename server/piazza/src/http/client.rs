//! Who the client is when requests arrive through a reverse proxy. `X-Forwarded-For` and
//! `X-Forwarded-Proto` are trusted only from the proxies the operator lists
//! (`PIAZZA_TRUSTED_PROXIES`); from anyone else they are ignored, so a client cannot pick
//! its own IP to dodge rate limits.

use std::net::{IpAddr, Ipv4Addr};

use poem::Request;

/// The client's address and whether it reached us over HTTPS.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClientInfo {
    pub ip: IpAddr,
    pub https: bool,
}

pub fn client_info(req: &Request, trusted_proxies: &[IpAddr]) -> ClientInfo {
    let peer = req
        .remote_addr()
        .as_socket_addr()
        .map_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED), |a| a.ip());
    resolve(
        peer,
        req.header("x-forwarded-for"),
        req.header("x-forwarded-proto"),
        trusted_proxies,
    )
}

fn resolve(
    peer: IpAddr,
    forwarded_for: Option<&str>,
    forwarded_proto: Option<&str>,
    trusted: &[IpAddr],
) -> ClientInfo {
    if !trusted.contains(&peer) {
        return ClientInfo {
            ip: peer,
            https: false,
        };
    }
    // The rightmost address not of a trusted proxy is the client (earlier entries could
    // have been written by the client itself).
    let ip = forwarded_for
        .into_iter()
        .flat_map(|h| h.split(','))
        .rev()
        .filter_map(|a| a.trim().parse::<IpAddr>().ok())
        .find(|a| !trusted.contains(a))
        .unwrap_or(peer);
    let https = forwarded_proto.is_some_and(|p| {
        p.split(',')
            .next()
            .is_some_and(|p| p.trim().eq_ignore_ascii_case("https"))
    });
    ClientInfo { ip, https }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn forwarded_headers_count_only_from_trusted_proxies() {
        let proxy = ip("10.0.0.2");
        let trusted = [proxy];
        let direct = resolve(ip("203.0.113.9"), Some("1.2.3.4"), Some("https"), &trusted);
        assert_eq!(
            direct,
            ClientInfo {
                ip: ip("203.0.113.9"),
                https: false
            }
        );
        let proxied = resolve(
            proxy,
            Some("1.2.3.4, 198.51.100.7"),
            Some("https"),
            &trusted,
        );
        assert_eq!(
            proxied,
            ClientInfo {
                ip: ip("198.51.100.7"),
                https: true
            }
        );
        let no_header = resolve(proxy, None, Some("http"), &trusted);
        assert_eq!(
            no_header,
            ClientInfo {
                ip: proxy,
                https: false
            }
        );
        let garbage = resolve(proxy, Some("not-an-ip"), None, &trusted);
        assert_eq!(garbage.ip, proxy);
    }
}
