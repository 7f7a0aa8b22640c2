# De leesbare uitvoer van de opdrachtregel in het Nederlands (niet `--json`, dat voor scripts in
# elke taal gelijk blijft). Vertaald uit locales/en/cli.ftl; id's en variabelen ({ $name }) blijven
# ongewijzigd. Wat je op de opdrachtregel typt (`nctray account add`, --all,
# --proxy-password-env, de waarden online, away …) blijft zoals het is.

## De taal (--lang)

# $available somt de talen op die nctray spreekt, als tags: “en, de, fr, …”.
cli-lang-unknown = nctray heeft geen vertaling in “{ $value }”; kies uit { $available }

## De statussen, zoals de webinterface van Nextcloud ze noemt

cli-status-online = Online
cli-status-away = Afwezig
cli-status-dnd = Niet storen
cli-status-busy = Bezig
cli-status-invisible = Onzichtbaar
cli-status-offline = Offline
# Een status met emoji en bericht, bijv. “Afwezig — 🌴 Op vakantie”.
cli-status-with-message = { $status } — { $message }

## nctray status

cli-status-not-a-status = “{ $text }” is geen status; kies online, away, dnd, invisible of offline
cli-status-not-a-duration = “{ $text }” is geen duur zoals 30m, 1h of 1d
cli-status-duration-unit = “{ $text }”: gebruik s, m, h of d
cli-status-message-choose = geef --predefined <id> of --clear op
# Eén voorinstelling in `nctray status preset list`: naam, status, emoji en bericht.
cli-preset-line = { $name }: { $status } { $text }
# Na de regel van een voorinstelling, als die het bericht wist; $duration is een van de cli-duration-*.
cli-preset-clears-after = (wordt gewist na { $duration })

## Tijdsduren

# Alleen gebruikt in cli-preset-clears-after (“na 2 dagen”): gebruik de vorm die die zin nodig heeft.
cli-duration-seconds =
    { $count ->
        [one] { $count } seconde
       *[other] { $count } seconden
    }
cli-duration-minutes =
    { $count ->
        [one] { $count } minuut
       *[other] { $count } minuten
    }
cli-duration-hours =
    { $count ->
        [one] { $count } uur
       *[other] { $count } uur
    }
cli-duration-days =
    { $count ->
        [one] { $count } dag
       *[other] { $count } dagen
    }

## Als de server niet bereikbaar is (op standaardfoutuitvoer)

cli-offline-notifications = { $server } is niet bereikbaar ({ $reason }); de meldingen uit de cache worden getoond
cli-offline-activities = { $server } is niet bereikbaar ({ $reason }); de activiteiten uit de cache worden getoond

## nctray notifications

cli-notifications-none = Geen meldingen
# Niets nieuws, maar $count meldingen die nctray al heeft getoond, staan nog op de server.
cli-notifications-none-new =
    { $count ->
        [one] Geen nieuwe meldingen ({ $count } al getoond; `nctray notifications --all` toont die)
       *[other] Geen nieuwe meldingen ({ $count } al getoond; `nctray notifications --all` toont ze)
    }
cli-notifications-dismissed-all = Alle meldingen gewist
# $id is het nummer van de melding zoals de lijst het na “#” toont.
cli-notifications-dismissed = Melding #{ $id } gewist
cli-notifications-dismiss-choose = geef aan welke: een id of --all

## nctray activity

cli-activity-none = Geen activiteiten

## nctray talk

cli-talk-no-rooms = Geen gesprekken.
# Onder de lijst met gesprekken (gedempte niet meegeteld).
cli-talk-unread-summary =
    { $unread ->
        [one] { $unread } ongelezen bericht
       *[other] { $unread } ongelezen berichten
    }, { $mentions ->
        [one] genoemd in { $mentions } gesprek
       *[other] genoemd in { $mentions } gesprekken
    }

## nctray accounts

cli-accounts-none = Geen accounts; voeg er een toe met `nctray account add --server URL --login NAME --password-stdin`
# $account is login@server; $password een van de teksten cli-accounts-password-*.
cli-accounts-line = { $account }: { $password }
cli-accounts-line-default = { $account } (standaard): { $password }
cli-accounts-password-stored = app-wachtwoord in de sleutelbos
cli-accounts-password-missing = geen app-wachtwoord in de sleutelbos (voeg het opnieuw toe met `nctray account add`)
cli-accounts-keyring-unavailable = sleutelbos niet beschikbaar
cli-accounts-keyring-error = sleutelbos niet beschikbaar: { $error }

## nctray account add

# $account is login@server, $name de weergavenaam van de gebruiker op de server.
cli-account-added = { $account } ({ $name }) toegevoegd
cli-account-cannot-read-password = kan het app-wachtwoord niet lezen van standaardinvoer
cli-account-no-password = geen app-wachtwoord op standaardinvoer
cli-account-unencrypted = waarschuwing: { $server } gebruikt http://, niet https://: het app-wachtwoord en alles wat het account synchroniseert, gaan onversleuteld over het netwerk en kunnen onderweg worden gelezen
cli-account-credentials-refused = de server heeft deze inloggegevens niet geaccepteerd
cli-account-cannot-check = kan het account niet controleren
cli-account-trust-hint = Als dit het certificaat van je server is, vertrouw het dan voor dit account door het volgende toe te voegen:
cli-account-certificate-unreadable = de details ervan konden niet worden gelezen: { $error }
cli-account-proxy-password-in-url = zet geen wachtwoord in --proxy: noem met --proxy-password-env een omgevingsvariabele die het bevat, zodat het in de sleutelbos terechtkomt en niet in het configuratiebestand
cli-account-proxy-has-no-login = --proxy-password-env is voor een proxy-login, maar { $address } noemt er geen (schrijf het als http://LOGIN@host:port)
cli-account-proxy-needs-password = de proxy-login “{ $login }” heeft een wachtwoord nodig: zet het in een omgevingsvariabele en noem die met --proxy-password-env NAME
cli-account-proxy-variable-empty = de omgevingsvariabele { $variable } bevat geen wachtwoord voor de proxy-login “{ $login }”

## nctray watch --format plain|waybar (de tekst van de statusbalk en de tooltip van waybar)

cli-watch-disconnected = Verbinding verbroken
cli-watch-sign-in-needed = Aanmelden nodig
# Na de status in de eenvoudige regel.
cli-watch-suffix-disconnected = (verbinding verbroken)
cli-watch-suffix-sign-in-needed = (aanmelden nodig)
cli-watch-new-notifications =
    { $count ->
        [one] { $count } nieuwe melding
       *[other] { $count } nieuwe meldingen
    }
# Eén tooltipregel per account: “login@server: Afwezig — 🌴 Op vakantie, aanmelden nodig”.
cli-watch-tooltip-account = { $account }: { $status }
cli-watch-status-unknown = status onbekend
cli-watch-cannot-reach = kan de server niet bereiken ({ $reason })
cli-watch-maintenance = server in onderhoudsmodus
cli-watch-sign-in = aanmelden nodig
cli-watch-certificate-changed = certificaat gewijzigd
# Tussen de delen van een tooltipregel (de status, het verbindingsprobleem, de nieuwe
# meldingen).
cli-watch-separator = { ", " }
