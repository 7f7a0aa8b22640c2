//! `GET /ocs/v2.php/cloud/user`: who the app password belongs to.

use reqwest::Method;
use serde::{Deserialize, Deserializer, Serialize};

use crate::{de, Client, Result};

const PATH: &str = "ocs/v2.php/cloud/user";

/// The signed-in user.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CurrentUser {
    /// The user id (may differ from the login name).
    pub id: String,
    /// From `display-name` (current servers) or `displayname` (older), else the id.
    pub display_name: String,
    pub email: Option<String>,
    pub quota: Quota,
    /// The language the user chose (Nextcloud's code: "de", "pt_BR"); None when unset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The user's locale for dates and numbers ("de_CH"); None when unset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locale: Option<String>,
    /// The user's time zone (IANA); None when unset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timezone: Option<String>,
}

/// Storage quota in bytes. Negative values are Nextcloud's special values: -3 = unlimited,
/// -2 = not computed yet, -1 = unknown.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Quota {
    #[serde(default, deserialize_with = "de::i64_or_zero")]
    pub free: i64,
    #[serde(default, deserialize_with = "de::i64_or_zero")]
    pub used: i64,
    #[serde(default, deserialize_with = "de::i64_or_zero")]
    pub total: i64,
    /// Percent used.
    #[serde(default, deserialize_with = "de::f64_or_zero")]
    pub relative: f64,
    /// The configured quota (-3 = unlimited).
    #[serde(default, deserialize_with = "de::i64_or_zero")]
    pub quota: i64,
}

impl<'de> Deserialize<'de> for CurrentUser {
    /// Accepts the server's shape (`display-name` and/or `displayname`, so a plain serde alias,
    /// which rejects both at once, would not do) and this type's own serialisation.
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Wire {
            #[serde(deserialize_with = "de::string")]
            id: String,
            #[serde(rename = "display-name", default, deserialize_with = "de::opt_string")]
            display_name_dash: Option<String>,
            #[serde(default, deserialize_with = "de::opt_string")]
            displayname: Option<String>,
            #[serde(default, deserialize_with = "de::opt_string")]
            display_name: Option<String>,
            #[serde(default, deserialize_with = "de::opt_string")]
            email: Option<String>,
            #[serde(default, deserialize_with = "quota")]
            quota: Quota,
            #[serde(default, deserialize_with = "de::opt_string")]
            language: Option<String>,
            #[serde(default, deserialize_with = "de::opt_string")]
            locale: Option<String>,
            #[serde(default, deserialize_with = "de::opt_string")]
            timezone: Option<String>,
        }
        fn quota<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<Quota, D::Error> {
            // Some backends send `[]` or nothing instead of a quota object.
            let value = Option::<serde_json::Value>::deserialize(d)?;
            Ok(value
                .and_then(|v| serde_json::from_value(v).ok())
                .unwrap_or_default())
        }
        let wire = Wire::deserialize(d)?;
        let display_name = wire
            .display_name_dash
            .or(wire.displayname)
            .or(wire.display_name)
            .unwrap_or_else(|| wire.id.clone());
        Ok(CurrentUser {
            id: wire.id,
            display_name,
            email: wire.email,
            quota: wire.quota,
            language: wire.language,
            locale: wire.locale,
            timezone: wire.timezone,
        })
    }
}

impl Client {
    /// `GET /ocs/v2.php/cloud/user`: the user the credentials belong to.
    pub async fn current_user(&self) -> Result<CurrentUser> {
        self.ocs(self.request(Method::GET, self.url(PATH, &[])))
            .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures;

    #[test]
    fn decodes_every_cloud_user_fixture() {
        for (name, id, display) in [
            ("008-users-cloud-user-admin.json", "admin", "admin"),
            ("009-users-cloud-user-bob.json", "bob", "Bob"),
            ("010-users-cloud-user-v1-bob.json", "bob", "Bob"),
            ("012-users-cloud-users-admin-self.json", "admin", "admin"),
            ("013-users-cloud-users-bob-by-admin.json", "bob", "Bob"),
            ("014-users-cloud-users-bob-self.json", "bob", "Bob"),
            ("196-errors-format-json-query.json", "admin", "admin"),
        ] {
            let user: CurrentUser = fixtures::reply(name).decode().unwrap();
            assert_eq!(user.id, id, "{name}");
            assert_eq!(user.display_name, display, "{name}");
            assert_eq!(user.email, None, "{name}");
            assert_eq!(user.quota.quota, -3, "{name}");
            assert_eq!(user.quota.total, -3, "{name}");
        }
        let admin: CurrentUser = fixtures::reply("008-users-cloud-user-admin.json")
            .decode()
            .unwrap();
        assert_eq!(admin.quota.used, 20_200_713);
        assert_eq!(admin.quota.relative, 0.0);
        // The recorded server sends "" for a locale nobody set.
        assert_eq!(admin.language.as_deref(), Some("en"));
        assert_eq!(admin.locale, None);
    }

    #[test]
    fn older_servers_with_displayname_only_and_odd_quota_decode() {
        let user: CurrentUser = serde_json::from_value(serde_json::json!({
            "id": "carol", "displayname": "Carol C.", "email": "carol@example.com",
            "quota": {"free": "1000", "used": 24, "total": 1024, "relative": 2.34, "quota": 1024}
        }))
        .unwrap();
        assert_eq!(user.display_name, "Carol C.");
        assert_eq!(user.email.as_deref(), Some("carol@example.com"));
        assert_eq!(user.quota.free, 1000);
        assert_eq!(user.quota.relative, 2.34);

        let bare: CurrentUser =
            serde_json::from_value(serde_json::json!({"id": "dave", "email": "", "quota": []}))
                .unwrap();
        assert_eq!(bare.display_name, "dave");
        assert_eq!(bare.email, None);
        assert_eq!(bare.quota, Quota::default());
    }

    #[test]
    fn round_trips_through_its_own_serialisation() {
        let user: CurrentUser = fixtures::reply("009-users-cloud-user-bob.json")
            .decode()
            .unwrap();
        let again: CurrentUser =
            serde_json::from_value(serde_json::to_value(&user).unwrap()).unwrap();
        assert_eq!(again, user);
    }
}
