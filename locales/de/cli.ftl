# Die Ausgaben der Kommandozeile für Menschen, auf Deutsch (nicht `--json`).
# Anrede mit „du“ und Begriffe wie in der Weboberfläche von Nextcloud. Was man auf der
# Kommandozeile tippt (`nctray account add`, --all, --proxy-password-env …), bleibt unübersetzt.

## Sprache (--lang)

cli-lang-unknown = nctray hat keine Übersetzung für „{ $value }“; wähle eine von { $available }

## Status

cli-status-online = Online
cli-status-away = Abwesend
cli-status-dnd = Nicht stören
cli-status-busy = Beschäftigt
cli-status-invisible = Unsichtbar
cli-status-offline = Offline
cli-status-with-message = { $status } — { $message }

## nctray status

cli-status-not-a-status = „{ $text }“ ist kein Status; wähle online, away, dnd, invisible oder offline
cli-status-not-a-duration = „{ $text }“ ist keine Dauer wie 30m, 1h oder 1d
cli-status-duration-unit = „{ $text }“: Verwende s, m, h oder d
cli-status-message-choose = Gib --predefined <id> oder --clear an
cli-preset-line = { $name }: { $status } { $text }
cli-preset-clears-after = (wird nach { $duration } gelöscht)

## Zeitspannen

cli-duration-seconds =
    { $count ->
        [one] { $count } Sekunde
       *[other] { $count } Sekunden
    }
cli-duration-minutes =
    { $count ->
        [one] { $count } Minute
       *[other] { $count } Minuten
    }
cli-duration-hours =
    { $count ->
        [one] { $count } Stunde
       *[other] { $count } Stunden
    }
cli-duration-days =
    { $count ->
        [one] { $count } Tag
       *[other] { $count } Tagen
    }

## Server nicht erreichbar (auf der Standardfehlerausgabe)

cli-offline-notifications = { $server } ist nicht erreichbar ({ $reason }); angezeigt werden die zwischengespeicherten Benachrichtigungen
cli-offline-activities = { $server } ist nicht erreichbar ({ $reason }); angezeigt werden die zwischengespeicherten Aktivitäten

## nctray notifications

cli-notifications-none = Keine Benachrichtigungen
cli-notifications-none-new =
    { $count ->
        [one] Keine neuen Benachrichtigungen ({ $count } bereits angezeigt; `nctray notifications --all` listet sie auf)
       *[other] Keine neuen Benachrichtigungen ({ $count } bereits angezeigt; `nctray notifications --all` listet sie auf)
    }
cli-notifications-dismissed-all = Alle Benachrichtigungen verworfen
cli-notifications-dismissed = #{ $id } verworfen
cli-notifications-dismiss-choose = Gib an, welche: eine ID oder --all

## nctray activity

cli-activity-none = Keine Aktivitäten

## nctray talk

cli-talk-no-rooms = Keine Unterhaltungen.
cli-talk-unread-summary =
    { $unread ->
        [one] { $unread } ungelesene Nachricht
       *[other] { $unread } ungelesene Nachrichten
    }, { $mentions ->
        [one] erwähnt in { $mentions } Unterhaltung
       *[other] erwähnt in { $mentions } Unterhaltungen
    }

## nctray accounts

cli-accounts-none = Keine Konten; füge eines hinzu mit `nctray account add --server URL --login NAME --password-stdin`
cli-accounts-line = { $account }: { $password }
cli-accounts-line-default = { $account } (Standard): { $password }
cli-accounts-password-stored = App-Passwort im Schlüsselbund
cli-accounts-password-missing = kein App-Passwort im Schlüsselbund (füge das Konto mit `nctray account add` erneut hinzu)
cli-accounts-keyring-unavailable = Schlüsselbund nicht erreichbar
cli-accounts-keyring-error = Schlüsselbund nicht erreichbar: { $error }

## nctray account add

cli-account-added = { $account } ({ $name }) hinzugefügt
cli-account-cannot-read-password = Das App-Passwort kann nicht von der Standardeingabe gelesen werden
cli-account-no-password = Kein App-Passwort auf der Standardeingabe
cli-account-unencrypted = Warnung: { $server } nutzt http://, nicht https://: Das App-Passwort und alles, was das Konto synchronisiert, werden unverschlüsselt übertragen und können unterwegs mitgelesen werden
cli-account-credentials-refused = Der Server hat diese Zugangsdaten nicht akzeptiert
cli-account-cannot-check = Das Konto kann nicht geprüft werden
cli-account-trust-hint = Wenn das das Zertifikat deines Servers ist, vertraue ihm für dieses Konto, indem du Folgendes ergänzt:
cli-account-certificate-unreadable = seine Details konnten nicht gelesen werden: { $error }
cli-account-proxy-password-in-url = Schreib kein Passwort in --proxy: Nenne mit --proxy-password-env eine Umgebungsvariable, die es enthält, damit es in den Schlüsselbund kommt und nicht in die Konfigurationsdatei
cli-account-proxy-has-no-login = --proxy-password-env ist für eine Proxy-Anmeldung gedacht, aber { $address } nennt keine (schreib ihn als http://LOGIN@host:port)
cli-account-proxy-needs-password = Die Proxy-Anmeldung „{ $login }“ braucht ein Passwort: Leg es in einer Umgebungsvariable ab und nenne diese mit --proxy-password-env NAME
cli-account-proxy-variable-empty = Die Umgebungsvariable { $variable } enthält kein Passwort für die Proxy-Anmeldung „{ $login }“

## nctray watch --format plain|waybar (Text der Statusleiste und Tooltip von waybar)

cli-watch-disconnected = Getrennt
cli-watch-sign-in-needed = Anmeldung erforderlich
cli-watch-suffix-disconnected = (getrennt)
cli-watch-suffix-sign-in-needed = (Anmeldung erforderlich)
cli-watch-new-notifications =
    { $count ->
        [one] { $count } neue Benachrichtigung
       *[other] { $count } neue Benachrichtigungen
    }
cli-watch-tooltip-account = { $account }: { $status }
cli-watch-status-unknown = Status unbekannt
cli-watch-cannot-reach = Server nicht erreichbar ({ $reason })
cli-watch-maintenance = Server im Wartungsmodus
cli-watch-sign-in = Anmeldung erforderlich
cli-watch-certificate-changed = Zertifikat geändert
cli-watch-separator = { ", " }
