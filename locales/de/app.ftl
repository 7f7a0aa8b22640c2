# nctray außerhalb der Fenster, auf Deutsch: Menü und Tooltip im Systembereich,
# Desktop-Benachrichtigungen, Fenstertitel, Fehlermeldungen, Anmeldung und Schlüsselbund.
# Begriffe wie in der Weboberfläche von Nextcloud.

## Status

status-online = Online
status-away = Abwesend
status-dnd = Nicht stören
status-busy = Beschäftigt
status-invisible = Unsichtbar
status-offline = Offline
status-with-message = { $status } — { $message }

## Menü

tray-sign-in = Anmelden …
tray-try-demo = Demo ausprobieren
tray-quit = Beenden
tray-unlock-keyring = Entsperren
tray-retry-keyring = Erneut versuchen
tray-keyring-locked = Der Schlüsselbund ist gesperrt: Die Synchronisierung wartet darauf
tray-keyring-unavailable = Der Schlüsselbund ist nicht erreichbar: Die Synchronisierung wartet darauf
tray-keyring-opening = Konten werden geöffnet …
tray-demo-status = Demo: { $status }
tray-clear-message = Statusnachricht löschen
tray-restore-status = Vorherigen Status wiederherstellen
tray-open-popover = Benachrichtigungen und Aktivitäten …
tray-open-status = Status setzen …
tray-open-chat = Talk …
tray-open-accounts = Konten und Einstellungen …
tray-demo-notification = Demo-Benachrichtigung anzeigen

## Tooltip

tray-name-demo = nctray (Demo)
tray-tooltip-signed-out = nctray — nicht angemeldet
tray-tooltip = { $name } — { $text }
tray-tooltip-offline = { $name } — offline: { $reason }
tray-tooltip-maintenance = { $name } — der Server ist im Wartungsmodus
tray-tooltip-sign-in-needed = { $name } — Anmeldung erforderlich
tray-tooltip-certificate-changed = { $name } — Zertifikat geändert: Synchronisierung angehalten, zur Prüfung erneut anmelden

## Desktop-Benachrichtigungen

popup-summary-notifications =
    { $count ->
        [one] { $count } neue Benachrichtigung
       *[other] { $count } neue Benachrichtigungen
    }
popup-open = Öffnen
popup-reply = Antworten
popup-reply-placeholder = Antwort schreiben …
popup-settings-unreadable = nctray: Die Einstellungen konnten nicht gelesen werden
popup-settings-moved = Sie wurden nach { $path } verschoben. Bitte erneut anmelden, um fortzufahren.
popup-cache-rebuilt = nctray: Der Zwischenspeicher wurde neu aufgebaut
popup-cache-unusable = nctray kann seinen Zwischenspeicher nicht verwenden
popup-sign-in-needed = nctray: Anmeldung erforderlich
popup-sign-in-needed-body = Der Server akzeptiert dieses App-Passwort nicht mehr. Füge das Konto erneut hinzu, um fortzufahren.
popup-status-failed = nctray: Der Status wurde nicht geändert
popup-demo-failed = nctray: Die Demo konnte nicht gestartet werden
popup-keyring-still-locked = nctray: Der Schlüsselbund ist noch gesperrt

## Fenstertitel

window-title-popover = nctray
window-title-status = Status setzen — nctray
window-title-chat = Talk — nctray
window-title-accounts = Konten und Einstellungen — nctray
window-title-demo = { $title } (Demo)

## Fehlermeldungen

error-unauthorized = Der Server hat Anmeldename und App-Passwort nicht akzeptiert (das App-Passwort wurde möglicherweise widerrufen)
error-not-found = Auf dem Server nicht gefunden
error-not-found-detail = Auf dem Server nicht gefunden: { $detail }
error-refused = Der Server hat die Anfrage abgelehnt (Code { $code })
error-refused-detail = Der Server hat die Anfrage abgelehnt: { $detail }
error-no-content = Der Server hat nichts aufzulisten: Für den Aktivitätenstrom sind keine Aktivitätsarten ausgewählt
error-maintenance = Der Server ist im Wartungsmodus; bitte später erneut versuchen
error-http = Der Server antwortete mit HTTP { $status }
error-http-detail = Der Server antwortete mit HTTP { $status }: { $detail }
error-decode = Der Server hat eine Antwort gesendet, die nctray nicht lesen kann: { $detail }
error-too-large = Die Antwort des Servers ist größer als { $limit } MiB; nctray hat das Lesen abgebrochen
error-network = Der Server ist nicht erreichbar: { $detail }
error-certificate = Das Zertifikat des Servers wurde abgelehnt: { $detail }
error-proxy-unreachable = Der Proxy ist nicht erreichbar: { $detail }
error-proxy-login-refused = Der Proxy hat die Anmeldung abgelehnt: { $detail }
error-database = Fehler in der Zwischenspeicher-Datenbank: { $detail }
error-newer-database = Der Zwischenspeicher stammt von einer neueren nctray-Version (Schemaversion { $found }, diese kennt bis { $known }); bitte nctray aktualisieren
error-config = Die Einstellungen sind nicht verwendbar: { $detail }

## Sprache wählen

language-unknown = Für „{ $language }“ gibt es keine Übersetzung von nctray. Verfügbar: { $available }

## Anmeldung und Schlüsselbund

sign-in-none-waiting = Es wartet keine Anmeldung. Gib die Serveradresse ein und melde dich an.
sign-in-address-missing = Gib die Adresse deines Servers ein.
sign-in-address-invalid = „{ $address }“ ist keine Serveradresse.
sign-in-address-scheme = „{ $address }“ ist keine Serveradresse: Sie muss mit https:// oder http:// beginnen.
sign-in-unreachable = { $server } ist nicht erreichbar. Prüfe die Adresse und deine Verbindung. ({ $reason })
sign-in-no-nextcloud = Unter { $server } hat keine Nextcloud geantwortet. Prüfe die Adresse.
sign-in-cancelled = Anmeldung abgebrochen.
sign-in-stopped-unreachable = Anmeldung angehalten: { $server } war { $times }-mal hintereinander nicht erreichbar ({ $reason }). Prüfe deine Verbindung und beginne erneut.
sign-in-expired = Die Anmeldung ist abgelaufen: Sie wurde nicht innerhalb von { $minutes } Minuten bestätigt. Beginne erneut.
