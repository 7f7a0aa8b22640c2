# nctray's own texts outside the windows, in English: the tray menu and its tooltip, desktop
# popups, window titles, errors shown to people and the sign-in and keyring messages.
# This file is the source every translation follows: a translation has exactly its ids, and
# each message uses the same variables ({ $name }) as here.

## Statuses, named as Nextcloud's web UI names them

status-online = Online
status-away = Away
status-dnd = Do not disturb
status-busy = Busy
status-invisible = Invisible
status-offline = Offline
# A status with its message, e.g. "Away — 🌴 On vacation".
status-with-message = { $status } — { $message }

## The tray menu

tray-sign-in = Sign in…
tray-try-demo = Try the demo
tray-quit = Quit
tray-unlock-keyring = Unlock
tray-retry-keyring = Try again
tray-keyring-locked = The keyring is locked: sync waits for it
tray-keyring-unavailable = The keyring cannot be reached: sync waits for it
tray-keyring-opening = Opening the accounts…
# The first line of the menu while the demo runs.
tray-demo-status = Demo: { $status }
tray-clear-message = Clear message
tray-restore-status = Restore previous status
tray-open-popover = Notifications and activity…
tray-open-status = Set status…
tray-open-chat = Talk…
tray-open-accounts = Accounts and settings…
tray-demo-notification = Show a demo notification

## The tray's tooltip ($name is "nctray" or tray-name-demo)

tray-name-demo = nctray (Demo)
tray-tooltip-signed-out = nctray — not signed in
tray-tooltip = { $name } — { $text }
tray-tooltip-offline = { $name } — offline: { $reason }
tray-tooltip-maintenance = { $name } — the server is in maintenance mode
tray-tooltip-sign-in-needed = { $name } — sign-in needed
tray-tooltip-certificate-changed = { $name } — certificate changed: sync stopped, sign in again to check it

## Desktop popups

# The popup that stands for many notifications at once.
popup-summary-notifications =
    { $count ->
        [one] { $count } new notification
       *[other] { $count } new notifications
    }
popup-open = Open
popup-reply = Reply
# The hint in the text field of a reply typed into the popup.
popup-reply-placeholder = Write a reply…
popup-settings-unreadable = nctray: the settings could not be read
popup-settings-moved = They were moved to { $path }. Sign in again to continue.
popup-cache-rebuilt = nctray: the cache was rebuilt
popup-cache-unusable = nctray cannot use its cache
popup-sign-in-needed = nctray: sign-in needed
popup-sign-in-needed-body = The server no longer accepts this app password. Add the account again to resume.
popup-status-failed = nctray: the status did not change
popup-demo-failed = nctray: the demo did not start
popup-keyring-still-locked = nctray: the keyring is still locked

## Window titles

window-title-popover = nctray
window-title-status = Set status — nctray
window-title-chat = Talk — nctray
window-title-accounts = Accounts and settings — nctray
# Any window's title while the demo runs.
window-title-demo = { $title } (Demo)

## Errors shown to people ($detail is the server's own message or the technical cause)

error-unauthorized = The server did not accept the login name and app password (the app password may have been revoked)
error-not-found = Not found on the server
error-not-found-detail = Not found on the server: { $detail }
error-refused = The server refused the request (code { $code })
error-refused-detail = The server refused the request: { $detail }
error-no-content = The server has nothing to list: no activity types are selected for the stream
error-maintenance = The server is in maintenance mode; try again later
error-http = The server answered HTTP { $status }
error-http-detail = The server answered HTTP { $status }: { $detail }
error-decode = The server sent an answer nctray cannot read: { $detail }
error-too-large = The server's answer is larger than { $limit } MiB; nctray stopped reading it
error-network = Could not reach the server: { $detail }
error-certificate = The server's certificate was refused: { $detail }
error-proxy-unreachable = The proxy cannot be reached: { $detail }
error-proxy-login-refused = The proxy refused the login: { $detail }
error-database = The cache database failed: { $detail }
error-newer-database = The cache was written by a newer nctray (schema version { $found }, this one knows up to { $known }); update nctray
error-config = The settings cannot be used: { $detail }

## Choosing the language

# --lang or the settings name a language nctray has no translation for.
language-unknown = nctray has no translation for “{ $language }”. Available: { $available }

## Sign-in and the keyring

sign-in-none-waiting = No sign-in is waiting. Enter the server address and sign in.
sign-in-address-missing = Enter your server's address.
sign-in-address-invalid = “{ $address }” is not a server address.
sign-in-address-scheme = “{ $address }” is not a server address: it must start with https:// or http://.
sign-in-unreachable = Cannot reach { $server }. Check the address and your connection. ({ $reason })
sign-in-no-nextcloud = No Nextcloud answered at { $server }. Check the address.
sign-in-cancelled = Sign-in cancelled.
sign-in-stopped-unreachable = Sign-in stopped: { $server } could not be reached { $times } times in a row ({ $reason }). Check your connection and start again.
sign-in-expired = The sign-in expired: it was not approved within { $minutes } minutes. Start again.
