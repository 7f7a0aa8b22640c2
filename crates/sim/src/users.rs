//! `GET cloud/user` (008–010) and `GET cloud/users/{id}` (012–016).

use crate::json::{empty, obj, Node};
use crate::ocs::{Ctx, Reply};
use crate::state::{Inner, User};

pub(crate) fn current_user(inner: &Inner, ctx: &Ctx) -> Reply {
    match inner.user(ctx.uid()) {
        Some(user) => Reply::ok(user_data(user, user)),
        None => Reply::error(404, "User does not exist"),
    }
}

pub(crate) fn user(inner: &Inner, ctx: &Ctx, id: &str) -> Reply {
    let Some(target) = inner.user(id) else {
        return Reply::error(404, "User does not exist");
    };
    let Some(viewer) = inner.user(ctx.uid()) else {
        return Reply::error(998, "");
    };
    // A non-admin looking at someone else gets "no such route", not 403 (015).
    if viewer.id != target.id && !viewer.is_admin {
        return Reply::error(998, "");
    }
    Reply::ok(user_data(target, viewer))
}

/// Who gets to see a field of the user object.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shown {
    Always,
    /// `storageLocation`: only admins (012/013, not 014).
    ToAdmins,
    /// The `*Scope` fields: only the user themself (008 vs 013).
    ToSelf,
}

/// The provisioning API's user object, in the server's field order.
fn user_data(user: &User, viewer: &User) -> Node {
    use Shown::{Always, ToAdmins, ToSelf};
    let local = || Node::from("v2-local");
    let federated = || Node::from("v2-federated");
    let name = || Node::from(&user.display_name);
    let groups: Vec<&str> = if user.is_admin { vec!["admin"] } else { vec![] };
    let mut fields: Vec<(&str, Node, Shown)> = vec![
        ("enabled", true.into(), Always),
        (
            "storageLocation",
            format!("/var/www/nextcloud/data/{}", user.id).into(),
            ToAdmins,
        ),
        ("id", Node::from(&user.id), Always),
        ("firstLoginTimestamp", user.first_login.into(), Always),
        ("lastLoginTimestamp", user.last_login.into(), Always),
        ("lastLogin", (user.last_login * 1000).into(), Always),
        ("backend", "Database".into(), Always),
        ("subadmin", empty(), Always),
        ("quota", quota(user), Always),
        ("manager", "".into(), Always),
        ("avatarScope", federated(), ToSelf),
        ("email", user.email.as_deref().into(), Always),
        ("emailScope", federated(), ToSelf),
        ("additional_mail", empty(), Always),
        ("additional_mailScope", empty(), ToSelf),
        ("displayname", name(), Always),
        ("display-name", name(), Always),
        ("displaynameScope", federated(), ToSelf),
    ];
    for (field, scope) in [
        ("phone", "phoneScope"),
        ("address", "addressScope"),
        ("website", "websiteScope"),
        ("twitter", "twitterScope"),
        ("bluesky", "blueskyScope"),
        ("fediverse", "fediverseScope"),
        ("organisation", "organisationScope"),
        ("role", "roleScope"),
        ("headline", "headlineScope"),
        ("biography", "biographyScope"),
    ] {
        fields.push((field, "".into(), Always));
        fields.push((scope, local(), ToSelf));
    }
    fields.extend([
        ("profile_enabled", "1".into(), Always),
        ("profile_enabledScope", local(), ToSelf),
        ("pronouns", "".into(), Always),
        ("pronounsScope", federated(), ToSelf),
        ("groups", Node::from(groups), Always),
        ("language", Node::from(&user.language), Always),
        ("locale", Node::from(&user.locale), Always),
        ("timezone", Node::from(&user.timezone), Always),
        ("notify_email", Node::Null, Always),
        (
            "backendCapabilities",
            obj([
                ("setDisplayName", true.into()),
                ("setPassword", true.into()),
            ]),
            Always,
        ),
    ]);
    Node::Map(
        fields
            .into_iter()
            .filter(|(_, _, shown)| match shown {
                Always => true,
                ToAdmins => viewer.is_admin,
                ToSelf => viewer.id == user.id,
            })
            .map(|(k, v, _)| (k.to_owned(), v))
            .collect(),
    )
}

/// The `quota` object: unlimited is -3 throughout; with a quota, `total` is what is used plus
/// what is free and `relative` the percentage used, to two decimals (OC_Helper::getStorageInfo).
fn quota(user: &User) -> Node {
    let Some(limit) = user.quota else {
        return obj([
            ("free", Node::from(-3_i64)),
            ("used", user.quota_used.into()),
            ("total", Node::from(-3_i64)),
            ("relative", Node::from(0_i64)),
            ("quota", Node::from(-3_i64)),
        ]);
    };
    let free = (limit - user.quota_used).max(0);
    let total = free + user.quota_used;
    let relative = if total > 0 {
        (user.quota_used as f64 * 10_000.0 / total as f64).round() / 100.0
    } else {
        0.0
    };
    let relative = serde_json::Number::from_f64(relative).map_or(Node::Null, Node::Number);
    obj([
        ("free", free.into()),
        ("used", user.quota_used.into()),
        ("total", total.into()),
        ("relative", relative),
        ("quota", limit.into()),
    ])
}
