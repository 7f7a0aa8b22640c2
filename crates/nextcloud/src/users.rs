//! `GET /ocs/v2.php/cloud/users/{id}`: a user's metadata (fixtures 012–016). Admins see every
//! user; anyone else only themself: another user answers 404 with statuscode 998, as if the
//! route did not exist (015), an unknown user 404 "User does not exist" (016). Both are
//! [`Error::NotFound`](crate::Error::NotFound).

use reqwest::Method;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

use crate::{de, Client, Quota, Result};

const PATH: &str = "ocs/v2.php/cloud/users";

/// A user's metadata as the provisioning API gives it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UserDetails {
    pub id: String,
    pub enabled: bool,
    /// From `display-name` (current servers) or `displayname` (older), else the id.
    pub display_name: String,
    pub email: Option<String>,
    /// Bytes; `relative` is the percentage used. `total`/`quota` -3 mean unlimited.
    pub quota: Quota,
    pub groups: Vec<String>,
    /// Groups the user is a sub-admin of.
    pub subadmin: Vec<String>,
    /// e.g. `en`; `None` when unset.
    pub language: Option<String>,
    pub locale: Option<String>,
    /// e.g. `UTC`; `None` when unset.
    pub timezone: Option<String>,
    /// Unix seconds of the last login (`lastLoginTimestamp`, else `lastLogin` in ms).
    pub last_login: Option<i64>,
    /// `Database`, `LDAP`…
    pub backend: Option<String>,
}

impl<'de> Deserialize<'de> for UserDetails {
    /// Accepts the server's shape and this type's own serialisation.
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(rename_all = "camelCase")]
        struct Wire {
            // The seed's example has no `id`; [`UsersApi::get`] fills in the one it asked for.
            #[serde(default, deserialize_with = "de::string")]
            id: String,
            #[serde(default = "yes", deserialize_with = "enabled")]
            enabled: bool,
            #[serde(rename = "display-name", default, deserialize_with = "de::opt_string")]
            display_name_dash: Option<String>,
            #[serde(default, deserialize_with = "de::opt_string")]
            displayname: Option<String>,
            #[serde(rename = "display_name", default, deserialize_with = "de::opt_string")]
            display_name: Option<String>,
            #[serde(default, deserialize_with = "de::opt_string")]
            email: Option<String>,
            #[serde(default)]
            quota: Value,
            #[serde(default, deserialize_with = "de::strings")]
            groups: Vec<String>,
            #[serde(default, deserialize_with = "de::strings")]
            subadmin: Vec<String>,
            #[serde(default, deserialize_with = "de::opt_string")]
            language: Option<String>,
            #[serde(default, deserialize_with = "de::opt_string")]
            locale: Option<String>,
            #[serde(default, deserialize_with = "de::opt_string")]
            timezone: Option<String>,
            #[serde(default, deserialize_with = "de::opt_i64")]
            last_login_timestamp: Option<i64>,
            #[serde(default, deserialize_with = "de::opt_i64")]
            last_login: Option<i64>,
            #[serde(rename = "last_login", default, deserialize_with = "de::opt_i64")]
            last_login_own: Option<i64>,
            #[serde(default, deserialize_with = "de::opt_string")]
            backend: Option<String>,
        }
        fn yes() -> bool {
            true
        }
        fn enabled<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<bool, D::Error> {
            let value = Option::<Value>::deserialize(d)?.unwrap_or(Value::Null);
            Ok(de::truthy(&value).unwrap_or(true))
        }
        let wire = Wire::deserialize(d)?;
        let display_name = wire
            .display_name_dash
            .or(wire.displayname)
            .or(wire.display_name)
            .unwrap_or_else(|| wire.id.clone());
        let last_login = wire
            .last_login_own
            .or(wire.last_login_timestamp)
            .or(wire.last_login.map(|ms| ms / 1000))
            .filter(|t| *t > 0);
        Ok(UserDetails {
            id: wire.id,
            enabled: wire.enabled,
            display_name,
            email: wire.email,
            // Some backends send `[]` or nothing instead of a quota object.
            quota: serde_json::from_value(wire.quota).unwrap_or_default(),
            groups: wire.groups,
            subadmin: wire.subadmin,
            language: wire.language,
            locale: wire.locale,
            timezone: wire.timezone,
            last_login,
            backend: wire.backend,
        })
    }
}

/// The provisioning API's user endpoints, from [`Client::users`].
#[derive(Debug, Clone, Copy)]
pub struct UsersApi<'a> {
    client: &'a Client,
}

impl Client {
    /// `cloud/users/…` (the provisioning API).
    pub fn users(&self) -> UsersApi<'_> {
        UsersApi { client: self }
    }
}

impl UsersApi<'_> {
    /// `GET cloud/users/{id}`. [`Error::NotFound`](crate::Error::NotFound) for a user that does
    /// not exist and, for non-admins, for anyone but themself.
    pub async fn get(&self, id: &str) -> Result<UserDetails> {
        let url = self.client.url(PATH, &[id]);
        let mut user: UserDetails = self
            .client
            .ocs(self.client.request(Method::GET, url))
            .await?;
        if user.id.is_empty() {
            user.id = id.to_owned();
        }
        Ok(user)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{fixtures, Error};

    #[test]
    fn decodes_the_user_fixtures() {
        let admin: UserDetails = fixtures::reply("012-users-cloud-users-admin-self.json")
            .decode()
            .unwrap();
        assert_eq!(admin.id, "admin");
        assert!(admin.enabled);
        assert_eq!(admin.display_name, "admin");
        assert_eq!(admin.email, None);
        assert_eq!(admin.quota.used, 20_200_713);
        assert_eq!(admin.quota.total, -3);
        assert_eq!(admin.quota.relative, 0.0);
        assert_eq!(admin.groups, ["admin"]);
        assert!(admin.subadmin.is_empty());
        assert_eq!(admin.language.as_deref(), Some("en"));
        assert_eq!(admin.locale, None);
        assert_eq!(admin.timezone.as_deref(), Some("UTC"));
        assert_eq!(admin.last_login, Some(1_795_647_779));
        assert_eq!(admin.backend.as_deref(), Some("Database"));

        for name in [
            "013-users-cloud-users-bob-by-admin.json",
            "014-users-cloud-users-bob-self.json",
        ] {
            let bob: UserDetails = fixtures::reply(name).decode().unwrap();
            assert_eq!(bob.display_name, "Bob", "{name}");
            assert!(bob.groups.is_empty(), "{name}");
            assert_eq!(bob.timezone, None, "{name}");
        }
        let again: UserDetails =
            serde_json::from_value(serde_json::to_value(&admin).unwrap()).unwrap();
        assert_eq!(again, admin);
    }

    #[test]
    fn another_users_profile_and_an_unknown_user_are_not_found() {
        assert_eq!(
            fixtures::reply("015-users-cloud-users-admin-by-bob.json")
                .decode::<UserDetails>()
                .unwrap_err(),
            Error::NotFound {
                message: String::new()
            }
        );
        assert_eq!(
            fixtures::reply("016-users-cloud-users-unknown.json")
                .decode::<UserDetails>()
                .unwrap_err(),
            Error::NotFound {
                message: "User does not exist".into()
            }
        );
    }

    #[test]
    fn the_seed_example_decodes() {
        let seed: UserDetails = serde_json::from_value(serde_json::json!({
            "enabled": "true", "email": "user@foo.de", "displayname": "admin",
            "quota": {"free": 338696790016_i64, "used": 7438874, "total": 338704228890_i64,
                      "relative": 0, "quota": -3},
            "groups": "nope", "lastLogin": 1_700_000_000_000_i64
        }))
        .unwrap();
        assert_eq!(seed.id, "");
        assert_eq!(seed.display_name, "admin");
        assert_eq!(seed.email.as_deref(), Some("user@foo.de"));
        assert_eq!(seed.quota.total, 338_704_228_890);
        assert!(seed.enabled);
        assert!(seed.groups.is_empty());
        assert_eq!(seed.last_login, Some(1_700_000_000));
    }
}
