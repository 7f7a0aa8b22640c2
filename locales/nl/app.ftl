# De teksten van nctray buiten de vensters, in het Nederlands: menu en tooltip in het systeemvak,
# bureaubladmeldingen, venstertitels, foutmeldingen, aanmelden en de sleutelbos.
# Vertaald uit locales/en/app.ftl; id's en variabelen ({ $name }) blijven ongewijzigd.

## De statussen, zoals de webinterface van Nextcloud ze noemt

status-online = Online
status-away = Afwezig
status-dnd = Niet storen
status-busy = Bezig
status-invisible = Onzichtbaar
status-offline = Offline
# Een status met zijn bericht, bijv. “Afwezig — 🌴 Op vakantie”.
status-with-message = { $status } — { $message }

## Het menu in het systeemvak

tray-sign-in = Aanmelden…
tray-try-demo = Demo proberen
tray-quit = Afsluiten
tray-unlock-keyring = Ontgrendelen
tray-retry-keyring = Opnieuw proberen
tray-keyring-locked = De sleutelbos is vergrendeld: synchronisatie wacht daarop
tray-keyring-unavailable = De sleutelbos is niet bereikbaar: synchronisatie wacht daarop
tray-keyring-opening = Accounts openen…
# De eerste regel van het menu terwijl de demo loopt.
tray-demo-status = Demo: { $status }
tray-clear-message = Bericht wissen
tray-restore-status = Vorige status terugzetten
tray-open-popover = Meldingen en activiteit…
tray-open-status = Status instellen…
tray-open-chat = Talk…
tray-open-accounts = Accounts en instellingen…
tray-demo-notification = Demomelding tonen

## De tooltip in het systeemvak ($name is “nctray” of tray-name-demo)

tray-name-demo = nctray (demo)
tray-tooltip-signed-out = nctray — niet aangemeld
tray-tooltip = { $name } — { $text }
tray-tooltip-offline = { $name } — offline: { $reason }
tray-tooltip-maintenance = { $name } — de server is in onderhoudsmodus
tray-tooltip-sign-in-needed = { $name } — aanmelden nodig
tray-tooltip-certificate-changed = { $name } — certificaat gewijzigd: synchronisatie gestopt, meld je opnieuw aan om het te controleren
# A section of the menu per account when several are signed in.
tray-account-status = { $account }: { $status }
# What waits, in the menu's first line: "3 notifications, 2 mentions in Talk".
tray-waiting-notifications =
    { $count ->
        [one] 1 melding
       *[other] { $count } meldingen
    }
tray-waiting-mentions =
    { $count ->
        [one] 1 vermelding in Talk
       *[other] { $count } vermeldingen in Talk
    }
tray-waiting-both = { $notifications }, { $mentions }

## Bureaubladmeldingen

# De melding die voor veel meldingen tegelijk staat.
popup-summary-notifications =
    { $count ->
        [one] { $count } nieuwe melding
       *[other] { $count } nieuwe meldingen
    }
# Under a summary's first subjects: how many more it stands for.
popup-summary-more = en nog { $count }
popup-open = Openen
popup-reply = Beantwoorden
# De hint in het tekstveld van een antwoord dat in de melding wordt getypt.
popup-reply-placeholder = Schrijf een antwoord…
popup-settings-unreadable = nctray: de instellingen konden niet worden gelezen
popup-settings-moved = Ze zijn verplaatst naar { $path }. Meld je opnieuw aan om verder te gaan.
popup-cache-rebuilt = nctray: de cache is opnieuw opgebouwd
popup-cache-unusable = nctray kan zijn cache niet gebruiken
popup-sign-in-needed = nctray: aanmelden nodig
popup-sign-in-needed-body = De server accepteert dit app-wachtwoord niet meer. Voeg het account opnieuw toe om verder te gaan.
popup-status-failed = nctray: de status is niet gewijzigd
popup-demo-failed = nctray: de demo is niet gestart
popup-keyring-still-locked = nctray: de sleutelbos is nog steeds vergrendeld

## Venstertitels

window-title-popover = nctray
window-title-status = Status instellen — nctray
window-title-chat = Talk — nctray
window-title-accounts = Accounts en instellingen — nctray
# De titel van elk venster terwijl de demo loopt.
window-title-demo = { $title } (demo)

## Foutmeldingen voor mensen ($detail is het eigen bericht van de server of de technische oorzaak)

error-unauthorized = De server heeft de inlognaam en het app-wachtwoord niet geaccepteerd (misschien is het app-wachtwoord ingetrokken)
error-not-found = Niet gevonden op de server
error-not-found-detail = Niet gevonden op de server: { $detail }
error-refused = De server heeft het verzoek geweigerd (code { $code })
error-refused-detail = De server heeft het verzoek geweigerd: { $detail }
error-no-content = De server heeft niets om te tonen: er zijn geen activiteitstypen gekozen voor de stream
error-maintenance = De server is in onderhoudsmodus; probeer het later opnieuw
error-http = De server antwoordde met HTTP { $status }
error-http-detail = De server antwoordde met HTTP { $status }: { $detail }
error-decode = De server stuurde een antwoord dat nctray niet kan lezen: { $detail }
error-too-large = Het antwoord van de server is groter dan { $limit } MiB; nctray is gestopt met lezen
error-network = Kan de server niet bereiken: { $detail }
error-certificate = Het certificaat van de server is geweigerd: { $detail }
error-proxy-unreachable = De proxy is niet bereikbaar: { $detail }
error-proxy-login-refused = De proxy heeft de login geweigerd: { $detail }
error-database = Fout in de cachedatabase: { $detail }
error-newer-database = De cache is geschreven door een nieuwere nctray (schemaversie { $found }, deze kent tot en met { $known }); werk nctray bij
error-config = De instellingen zijn niet bruikbaar: { $detail }

## De taal kiezen

# --lang of de instellingen noemen een taal waarin nctray niet vertaald is.
language-unknown = nctray heeft geen vertaling voor “{ $language }”. Beschikbaar: { $available }

## Aanmelden en de sleutelbos

sign-in-none-waiting = Er wacht geen aanmelding. Voer het serveradres in en meld je aan.
sign-in-address-missing = Voer het adres van je server in.
sign-in-address-invalid = “{ $address }” is geen serveradres.
sign-in-address-scheme = “{ $address }” is geen serveradres: het moet beginnen met https:// of http://.
sign-in-unreachable = Kan { $server } niet bereiken. Controleer het adres en je verbinding. ({ $reason })
sign-in-no-nextcloud = Er antwoordde geen Nextcloud op { $server }. Controleer het adres.
sign-in-cancelled = Aanmelden geannuleerd.
sign-in-stopped-unreachable = Aanmelden gestopt: { $server } was { $times } keer achter elkaar niet bereikbaar ({ $reason }). Controleer je verbinding en begin opnieuw.
sign-in-expired = De aanmelding is verlopen: ze is niet binnen { $minutes } minuten goedgekeurd. Begin opnieuw.
