# nctray's command line, in Polish. Follows locales/en/cli.ftl: same identifiers, same
# variables. Things typed on the command line (options, commands, values) stay as in English.

## The language (--lang)

cli-lang-unknown = nctray nie ma tłumaczenia na „{ $value }”; wybierz jeden z języków: { $available }

## Statuses, named as Nextcloud's web UI names them

cli-status-online = Dostępny
cli-status-away = Zaraz wracam
cli-status-dnd = Nie przeszkadzać
cli-status-busy = Zajęty
cli-status-invisible = Niewidoczny
cli-status-offline = Offline
cli-status-with-message = { $status } — { $message }

## nctray status

cli-status-not-a-status = „{ $text }” nie jest statusem; wybierz online, away, dnd, invisible lub offline
cli-status-not-a-duration = „{ $text }” nie jest czasem trwania w rodzaju 30m, 1h lub 1d
cli-status-duration-unit = „{ $text }”: użyj s, m, h lub d
cli-status-message-choose = podaj --predefined <id> lub --clear
cli-preset-line = { $name }: { $status } { $text }
cli-preset-clears-after = (wygasa po { $duration })

## Durations

# Only used inside cli-preset-clears-after ("po 2 dniach"): locative after "po".

cli-duration-seconds =
    { $count ->
        [one] { $count } sekundzie
        [few] { $count } sekundach
        [many] { $count } sekundach
       *[other] { $count } sekundy
    }
cli-duration-minutes =
    { $count ->
        [one] { $count } minucie
        [few] { $count } minutach
        [many] { $count } minutach
       *[other] { $count } minuty
    }
cli-duration-hours =
    { $count ->
        [one] { $count } godzinie
        [few] { $count } godzinach
        [many] { $count } godzinach
       *[other] { $count } godziny
    }
cli-duration-days =
    { $count ->
        [one] { $count } dniu
        [few] { $count } dniach
        [many] { $count } dniach
       *[other] { $count } dnia
    }

## When the server cannot be reached (on standard error)

cli-offline-notifications = { $server } jest nieosiągalny ({ $reason }); wyświetlam powiadomienia z pamięci podręcznej
cli-offline-activities = { $server } jest nieosiągalny ({ $reason }); wyświetlam aktywność z pamięci podręcznej

## nctray notifications

cli-notifications-none = Brak powiadomień
cli-notifications-none-new =
    { $count ->
        [one] Brak nowych powiadomień ({ $count } już wyświetlone; pokaże je `nctray notifications --all`)
        [few] Brak nowych powiadomień ({ $count } już wyświetlone; pokaże je `nctray notifications --all`)
        [many] Brak nowych powiadomień ({ $count } już wyświetlonych; pokaże je `nctray notifications --all`)
       *[other] Brak nowych powiadomień ({ $count } już wyświetlonych; pokaże je `nctray notifications --all`)
    }
cli-notifications-dismissed-all = Odrzucono wszystkie powiadomienia
cli-notifications-dismissed = Odrzucono #{ $id }
cli-notifications-dismiss-choose = podaj które: id lub --all

## nctray activity

cli-activity-none = Brak aktywności

## nctray talk

cli-talk-no-rooms = Brak rozmów.
cli-talk-unread-summary =
    { $unread ->
        [one] { $unread } nieprzeczytana wiadomość
        [few] { $unread } nieprzeczytane wiadomości
        [many] { $unread } nieprzeczytanych wiadomości
       *[other] { $unread } nieprzeczytanej wiadomości
    }, { $mentions ->
        [one] wspomniano o Tobie w { $mentions } rozmowie
        [few] wspomniano o Tobie w { $mentions } rozmowach
        [many] wspomniano o Tobie w { $mentions } rozmowach
       *[other] wspomniano o Tobie w { $mentions } rozmowy
    }

## nctray accounts

cli-accounts-none = Brak kont; dodaj konto poleceniem `nctray account add --server URL --login NAME --password-stdin`
cli-accounts-line = { $account }: { $password }
cli-accounts-line-default = { $account } (domyślne): { $password }
cli-accounts-password-stored = hasło aplikacji w pęku kluczy
cli-accounts-password-missing = brak hasła aplikacji w pęku kluczy (dodaj je ponownie poleceniem `nctray account add`)
cli-accounts-keyring-unavailable = pęk kluczy niedostępny
cli-accounts-keyring-error = pęk kluczy niedostępny: { $error }

## nctray account add

cli-account-added = Dodano { $account } ({ $name })
cli-account-cannot-read-password = nie można odczytać hasła aplikacji ze standardowego wejścia
cli-account-no-password = brak hasła aplikacji na standardowym wejściu
cli-account-unencrypted = ostrzeżenie: { $server } używa http://, a nie https://: hasło aplikacji i wszystko, co synchronizuje konto, jest przesyłane bez szyfrowania i może zostać odczytane po drodze
cli-account-credentials-refused = serwer nie przyjął tych danych logowania
cli-account-cannot-check = nie można sprawdzić konta
cli-account-trust-hint = Jeśli to certyfikat Twojego serwera, zaufaj mu dla tego konta, dodając:
cli-account-certificate-unreadable = nie udało się odczytać jego szczegółów: { $error }
cli-account-proxy-password-in-url = nie umieszczaj hasła w --proxy: podaj w --proxy-password-env nazwę zmiennej środowiskowej, która je zawiera, aby trafiło do pęku kluczy, a nie do pliku konfiguracyjnego
cli-account-proxy-has-no-login = --proxy-password-env dotyczy loginu do proxy, ale { $address } go nie zawiera (zapisz go jako http://LOGIN@host:port)
cli-account-proxy-needs-password = login do proxy „{ $login }” wymaga hasła: umieść je w zmiennej środowiskowej i podaj jej nazwę w --proxy-password-env NAME
cli-account-proxy-variable-empty = zmienna środowiskowa { $variable } nie zawiera hasła dla loginu do proxy „{ $login }”

## nctray watch --format plain|waybar (the status bar's text and waybar's tooltip)

cli-watch-disconnected = Rozłączono
cli-watch-sign-in-needed = Wymagane logowanie
cli-watch-suffix-disconnected = (rozłączono)
cli-watch-suffix-sign-in-needed = (wymagane logowanie)
cli-watch-new-notifications =
    { $count ->
        [one] { $count } nowe powiadomienie
        [few] { $count } nowe powiadomienia
        [many] { $count } nowych powiadomień
       *[other] { $count } nowego powiadomienia
    }
cli-watch-tooltip-account = { $account }: { $status }
cli-watch-status-unknown = status nieznany
cli-watch-cannot-reach = serwer jest nieosiągalny ({ $reason })
cli-watch-maintenance = serwer w trybie konserwacji
cli-watch-sign-in = wymagane logowanie
cli-watch-certificate-changed = certyfikat się zmienił
cli-watch-separator = { ", " }
