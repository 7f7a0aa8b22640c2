# The command line's human output in English (not `--json`, which stays the same in every
# language for scripts). This file is the source every translation follows: a translation has
# exactly its ids, and each message uses the same variables ({ $name }) as here.
# Things typed on the command line (`nctray account add`, --all, --proxy-password-env …) stay
# as they are in every language. Dates and times are formatted by the program, not here.

## The language (--lang)

# $available lists the languages nctray speaks, as tags: "en, de, fr, …".
cli-lang-unknown = nctray has no translation into “{ $value }”; choose one of { $available }

## Statuses, named as Nextcloud's web UI names them

cli-status-online = Online
cli-status-away = Away
cli-status-dnd = Do not disturb
cli-status-busy = Busy
cli-status-invisible = Invisible
cli-status-offline = Offline
# A status with its emoji and message, e.g. "Away — 🌴 On vacation".
cli-status-with-message = { $status } — { $message }

## nctray status

cli-status-not-a-status = “{ $text }” is not a status; choose online, away, dnd, invisible or offline
cli-status-not-a-duration = “{ $text }” is not a duration like 30m, 1h or 1d
cli-status-duration-unit = “{ $text }”: use s, m, h or d
cli-status-message-choose = say --predefined <id> or --clear
# One preset in `nctray status preset list`: its name, status, emoji and message.
cli-preset-line = { $name }: { $status } { $text }
# After a preset's line, when it clears its message; $duration is one of the cli-duration-*.
cli-preset-clears-after = (clears after { $duration })

## Durations

# Only used inside cli-preset-clears-after ("after 2 days"): use the form that phrase needs.

cli-duration-seconds =
    { $count ->
        [one] { $count } second
       *[other] { $count } seconds
    }
cli-duration-minutes =
    { $count ->
        [one] { $count } minute
       *[other] { $count } minutes
    }
cli-duration-hours =
    { $count ->
        [one] { $count } hour
       *[other] { $count } hours
    }
cli-duration-days =
    { $count ->
        [one] { $count } day
       *[other] { $count } days
    }

## When the server cannot be reached (on standard error)

cli-offline-notifications = { $server } cannot be reached ({ $reason }); showing the cached notifications
cli-offline-activities = { $server } cannot be reached ({ $reason }); showing the cached activities

## nctray notifications

cli-notifications-none = No notifications
# Nothing new, but $count notifications the tray has already shown are still on the server.
cli-notifications-none-new =
    { $count ->
        [one] No new notifications ({ $count } already shown; `nctray notifications --all` lists it)
       *[other] No new notifications ({ $count } already shown; `nctray notifications --all` lists them)
    }
cli-notifications-dismissed-all = Dismissed every notification
# $id is the notification's number as the list shows it after “#”.
cli-notifications-dismissed = Dismissed #{ $id }
cli-notifications-dismiss-choose = say which: an id or --all

## nctray activity

cli-activity-none = No activities

## nctray talk

cli-talk-no-rooms = No conversations.
# Under the list of conversations (muted ones not counted).
cli-talk-unread-summary =
    { $unread ->
        [one] { $unread } unread message
       *[other] { $unread } unread messages
    }, { $mentions ->
        [one] mentioned in { $mentions } conversation
       *[other] mentioned in { $mentions } conversations
    }

## nctray accounts

cli-accounts-none = No accounts; add one with `nctray account add --server URL --login NAME --password-stdin`
# $account is login@server; $password one of the cli-accounts-password-* texts.
cli-accounts-line = { $account }: { $password }
cli-accounts-line-default = { $account } (default): { $password }
cli-accounts-password-stored = app password in the keyring
cli-accounts-password-missing = no app password in the keyring (add it again with `nctray account add`)
cli-accounts-keyring-unavailable = keyring unavailable
cli-accounts-keyring-error = keyring unavailable: { $error }

## nctray account add

# $account is login@server, $name the user's display name on the server.
cli-account-added = Added { $account } ({ $name })
cli-account-cannot-read-password = cannot read the app password from standard input
cli-account-no-password = no app password on standard input
cli-account-unencrypted = warning: { $server } is http://, not https://: the app password and everything the account syncs travel unencrypted and can be read on the way
cli-account-credentials-refused = the server did not accept these credentials
cli-account-cannot-check = cannot check the account
cli-account-trust-hint = If this is your server's certificate, trust it for this account by adding:
cli-account-certificate-unreadable = its details could not be read: { $error }
cli-account-proxy-password-in-url = put no password in --proxy: name an environment variable holding it with --proxy-password-env, so it goes to the keyring and not into the config file
cli-account-proxy-has-no-login = --proxy-password-env is for a proxy login, but { $address } names none (write it as http://LOGIN@host:port)
cli-account-proxy-needs-password = the proxy login “{ $login }” needs a password: put it in an environment variable and name it with --proxy-password-env NAME
cli-account-proxy-variable-empty = the environment variable { $variable } holds no password for the proxy login “{ $login }”

## nctray watch --format plain|waybar (the status bar's text and waybar's tooltip)

cli-watch-disconnected = Disconnected
cli-watch-sign-in-needed = Sign-in needed
# After the status in the plain line.
cli-watch-suffix-disconnected = (disconnected)
cli-watch-suffix-sign-in-needed = (sign-in needed)
cli-watch-new-notifications =
    { $count ->
        [one] { $count } new notification
       *[other] { $count } new notifications
    }
# One tooltip line per account: "login@server: Away — 🌴 On vacation, sign-in needed".
cli-watch-tooltip-account = { $account }: { $status }
cli-watch-status-unknown = status unknown
cli-watch-cannot-reach = cannot reach the server ({ $reason })
cli-watch-maintenance = server in maintenance mode
cli-watch-sign-in = sign-in needed
cli-watch-certificate-changed = certificate changed
# Between the parts of a tooltip line (the status, the connection problem, the new
# notifications).
cli-watch-separator = { ", " }
