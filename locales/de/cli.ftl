# Die menschenlesbare Ausgabe der Kommandozeile auf Deutsch (nicht `--json`, das für Skripte in
# jeder Sprache gleich bleibt). Übersetzt aus locales/en/cli.ftl; Kennungen und Variablen
# ({ $name }) bleiben unverändert. Was man auf der Kommandozeile eintippt (`nctray account add`,
# --all, --proxy-password-env, die Werte online, away …), bleibt wie im Englischen.

## Status, benannt wie in der Weboberfläche von Nextcloud

cli-status-online = Online
cli-status-away = Abwesend
cli-status-dnd = Nicht stören
cli-status-busy = Beschäftigt
cli-status-invisible = Unsichtbar
cli-status-offline = Offline
# Ein Status mit Emoji und Nachricht, z. B. „Abwesend — 🌴 Im Urlaub“.
cli-status-with-message = { $status } — { $message }

## nctray status

cli-status-not-a-status = „{ $text }“ ist kein Status; wähle online, away, dnd, invisible oder offline
cli-status-not-a-duration = „{ $text }“ ist keine Dauer wie 30m, 1h oder 1d
cli-status-duration-unit = „{ $text }“: verwende s, m, h oder d
cli-status-message-choose = gib --predefined <id> oder --clear an
# Eine Vorlage in `nctray status preset list`: Name, Status, Emoji und Nachricht.
cli-preset-line = { $name }: { $status } { $text }
# Nach der Zeile einer Vorlage, wenn sie ihre Nachricht löscht; $duration ist eines der cli-duration-*.
cli-preset-clears-after = (wird nach { $duration } gelöscht)

## Zeitdauern (im Dativ, denn sie stehen nach „nach“)

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

## Wenn der Server nicht erreichbar ist (auf der Standardfehlerausgabe)

cli-offline-notifications = { $server } ist nicht erreichbar ({ $reason }); zwischengespeicherte Benachrichtigungen werden angezeigt
cli-offline-activities = { $server } ist nicht erreichbar ({ $reason }); zwischengespeicherte Aktivitäten werden angezeigt

## nctray notifications

cli-notifications-none = Keine Benachrichtigungen
# Nichts Neues, aber $count Benachrichtigungen, die das Tray schon gezeigt hat, sind noch auf dem Server.
cli-notifications-none-new =
    { $count ->
        [one] Keine neuen Benachrichtigungen ({ $count } bereits angezeigt; `nctray notifications --all` listet sie auf)
       *[other] Keine neuen Benachrichtigungen ({ $count } bereits angezeigt; `nctray notifications --all` listet sie auf)
    }
cli-notifications-dismissed-all = Alle Benachrichtigungen verworfen
# $id ist die Nummer der Benachrichtigung, wie die Liste sie nach „#“ zeigt.
cli-notifications-dismissed = #{ $id } verworfen
cli-notifications-dismiss-choose = gib an, welche: eine ID oder --all

## nctray activity

cli-activity-none = Keine Aktivitäten

## nctray talk

cli-talk-no-rooms = Keine Unterhaltungen.
# Unter der Liste der Unterhaltungen (stummgeschaltete nicht mitgezählt).
cli-talk-unread-summary =
    { $unread ->
        [one] { $unread } ungelesene Nachricht
       *[other] { $unread } ungelesene Nachrichten
    }, { $mentions ->
        [one] in { $mentions } Unterhaltung erwähnt
       *[other] in { $mentions } Unterhaltungen erwähnt
    }

## nctray accounts

cli-accounts-none = Keine Konten; füge eines hinzu mit `nctray account add --server URL --login NAME --password-stdin`
# $account ist login@server; $password einer der Texte cli-accounts-password-*.
cli-accounts-line = { $account }: { $password }
cli-accounts-line-default = { $account } (Standard): { $password }
cli-accounts-password-stored = App-Passwort im Schlüsselbund
cli-accounts-password-missing = kein App-Passwort im Schlüsselbund (füge es mit `nctray account add` erneut hinzu)
cli-accounts-keyring-unavailable = Schlüsselbund nicht verfügbar
cli-accounts-keyring-error = Schlüsselbund nicht verfügbar: { $error }

## nctray account add

# $account ist login@server, $name der Anzeigename auf dem Server.
cli-account-added = { $account } ({ $name }) hinzugefügt
cli-account-cannot-read-password = das App-Passwort kann nicht von der Standardeingabe gelesen werden
cli-account-no-password = kein App-Passwort auf der Standardeingabe
cli-account-unencrypted = Warnung: { $server } nutzt http://, nicht https://: Das App-Passwort und alles, was das Konto synchronisiert, werden unverschlüsselt übertragen und können unterwegs mitgelesen werden
cli-account-credentials-refused = der Server hat diese Zugangsdaten nicht akzeptiert
cli-account-cannot-check = das Konto kann nicht geprüft werden
cli-account-trust-hint = Wenn das das Zertifikat deines Servers ist, vertraue ihm für dieses Konto, indem du Folgendes ergänzt:
cli-account-certificate-unreadable = seine Details konnten nicht gelesen werden: { $error }
cli-account-proxy-password-in-url = gib kein Passwort in --proxy an: Nenne mit --proxy-password-env eine Umgebungsvariable, die es enthält, damit es in den Schlüsselbund kommt und nicht in die Konfigurationsdatei
cli-account-proxy-has-no-login = --proxy-password-env ist für eine Proxy-Anmeldung, aber { $address } nennt keine (schreibe es als http://LOGIN@host:port)
cli-account-proxy-needs-password = die Proxy-Anmeldung „{ $login }“ braucht ein Passwort: Lege es in einer Umgebungsvariable ab und nenne sie mit --proxy-password-env NAME
cli-account-proxy-variable-empty = die Umgebungsvariable { $variable } enthält kein Passwort für die Proxy-Anmeldung „{ $login }“

## nctray watch --format plain|waybar (der Text der Statusleiste und der Tooltip von waybar)

cli-watch-disconnected = Getrennt
cli-watch-sign-in-needed = Anmeldung nötig
# Nach dem Status in der einfachen Zeile.
cli-watch-suffix-disconnected = (getrennt)
cli-watch-suffix-sign-in-needed = (Anmeldung nötig)
cli-watch-new-notifications =
    { $count ->
        [one] { $count } neue Benachrichtigung
       *[other] { $count } neue Benachrichtigungen
    }
# Eine Tooltip-Zeile pro Konto: „login@server: Abwesend — 🌴 Im Urlaub, Anmeldung nötig“.
cli-watch-tooltip-account = { $account }: { $status }
cli-watch-status-unknown = Status unbekannt
cli-watch-cannot-reach = Server nicht erreichbar ({ $reason })
cli-watch-maintenance = Server im Wartungsmodus
cli-watch-sign-in = Anmeldung nötig
cli-watch-certificate-changed = Zertifikat geändert
# Zwischen den Teilen einer Tooltip-Zeile (Status, Verbindungsproblem, neue Benachrichtigungen).
cli-watch-separator = { ", " }
