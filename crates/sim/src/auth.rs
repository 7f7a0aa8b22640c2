//! HTTP Basic authentication against a user's login password or app password.

use axum::http::header::AUTHORIZATION;
use axum::http::HeaderMap;
use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;

use crate::state::User;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Auth {
    /// No credentials (or a scheme the server ignores, such as Bearer).
    Anonymous,
    User(String),
    /// Basic credentials that match no user: the server rejects the request at once (184/185).
    Invalid,
}

pub(crate) fn authenticate(users: &[User], headers: &HeaderMap) -> Auth {
    let Some(value) = headers.get(AUTHORIZATION).and_then(|v| v.to_str().ok()) else {
        return Auth::Anonymous;
    };
    let Some((scheme, encoded)) = value.trim().split_once(' ') else {
        return Auth::Anonymous;
    };
    if !scheme.eq_ignore_ascii_case("basic") {
        return Auth::Anonymous;
    }
    let Some(decoded) = STANDARD
        .decode(encoded.trim())
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
    else {
        return Auth::Invalid;
    };
    let Some((login, password)) = decoded.split_once(':') else {
        return Auth::Invalid;
    };
    users
        .iter()
        .find(|u| {
            u.id == login
                && (u.password == password
                    || (!u.app_password.is_empty() && u.app_password == password)
                    || u.app_passwords.iter().any(|p| p == password))
        })
        .map_or(Auth::Invalid, |u| Auth::User(u.id.clone()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::fixture_users;

    fn basic(credentials: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        let value = format!("Basic {}", STANDARD.encode(credentials));
        headers.insert(AUTHORIZATION, value.parse().unwrap());
        headers
    }

    #[test]
    fn accepts_login_and_app_password_only() {
        let users = fixture_users(0);
        assert_eq!(authenticate(&users, &HeaderMap::new()), Auth::Anonymous);
        assert_eq!(
            authenticate(&users, &basic("admin:admin")),
            Auth::User("admin".into())
        );
        assert_eq!(
            authenticate(&users, &basic("bob:bob-app-password")),
            Auth::User("bob".into())
        );
        assert_eq!(authenticate(&users, &basic("bob:admin")), Auth::Invalid);
        assert_eq!(authenticate(&users, &basic("nobody:x")), Auth::Invalid);
    }
}
