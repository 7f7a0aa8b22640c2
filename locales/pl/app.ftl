# nctray poza oknami, po polsku: menu i podpowiedź w zasobniku, powiadomienia na pulpicie,
# tytuły okien, komunikaty o błędach, logowanie i pęk kluczy.
# Nazwy jak w interfejsie webowym Nextcloud.

## Statusy

status-online = Dostępny
status-away = Zaraz wracam
status-dnd = Nie przeszkadzać
status-busy = Zajęty
status-invisible = Niewidoczny
status-offline = Offline
status-with-message = { $status } — { $message }

## Menu

tray-sign-in = Zaloguj się…
tray-try-demo = Wypróbuj wersję demonstracyjną
tray-quit = Zakończ
tray-unlock-keyring = Odblokuj
tray-retry-keyring = Spróbuj ponownie
tray-keyring-locked = Pęk kluczy jest zablokowany: synchronizacja czeka na odblokowanie
tray-keyring-unavailable = Pęk kluczy jest niedostępny: synchronizacja czeka
tray-keyring-opening = Otwieranie kont…
tray-demo-status = Demo: { $status }
tray-clear-message = Wyczyść wiadomość
tray-restore-status = Przywróć poprzedni status
tray-open-popover = Powiadomienia i aktywność…
tray-open-status = Ustaw status…
tray-open-chat = Talk…
tray-open-accounts = Konta i ustawienia…
tray-demo-notification = Pokaż powiadomienie demonstracyjne

## Podpowiedź

tray-name-demo = nctray (Demo)
tray-tooltip-signed-out = nctray — nie zalogowano
tray-tooltip = { $name } — { $text }
tray-tooltip-offline = { $name } — offline: { $reason }
tray-tooltip-maintenance = { $name } — serwer jest w trybie konserwacji
tray-tooltip-sign-in-needed = { $name } — wymagane logowanie
tray-tooltip-certificate-changed = { $name } — certyfikat się zmienił: synchronizacja wstrzymana, zaloguj się ponownie, aby go sprawdzić

## Powiadomienia na pulpicie

# Polish has three forms: 1 (one), 2–4, 22–24… (few) and 5–21, 25… (many).
popup-summary-notifications =
    { $count ->
        [one] { $count } nowe powiadomienie
        [few] { $count } nowe powiadomienia
        [many] { $count } nowych powiadomień
       *[other] { $count } nowego powiadomienia
    }
popup-open = Otwórz
popup-reply = Odpowiedz
popup-reply-placeholder = Napisz odpowiedź…
popup-settings-unreadable = nctray: nie udało się odczytać ustawień
popup-settings-moved = Przeniesiono je do { $path }. Zaloguj się ponownie, aby kontynuować.
popup-cache-rebuilt = nctray: pamięć podręczna została odbudowana
popup-cache-unusable = nctray nie może użyć swojej pamięci podręcznej
popup-sign-in-needed = nctray: wymagane logowanie
popup-sign-in-needed-body = Serwer nie akceptuje już tego hasła aplikacji. Dodaj konto ponownie, aby wznowić.
popup-status-failed = nctray: status nie został zmieniony
popup-demo-failed = nctray: nie udało się uruchomić wersji demonstracyjnej
popup-keyring-still-locked = nctray: pęk kluczy jest nadal zablokowany

## Tytuły okien

window-title-popover = nctray
window-title-status = Ustaw status — nctray
window-title-chat = Talk — nctray
window-title-accounts = Konta i ustawienia — nctray
window-title-demo = { $title } (Demo)

## Komunikaty o błędach

error-unauthorized = Serwer nie zaakceptował nazwy użytkownika i hasła aplikacji (hasło aplikacji mogło zostać unieważnione)
error-not-found = Nie znaleziono na serwerze
error-not-found-detail = Nie znaleziono na serwerze: { $detail }
error-refused = Serwer odrzucił żądanie (kod { $code })
error-refused-detail = Serwer odrzucił żądanie: { $detail }
error-no-content = Serwer nie ma nic do wyświetlenia: w strumieniu aktywności nie wybrano żadnych rodzajów aktywności
error-maintenance = Serwer jest w trybie konserwacji; spróbuj ponownie później
error-http = Serwer odpowiedział kodem HTTP { $status }
error-http-detail = Serwer odpowiedział kodem HTTP { $status }: { $detail }
error-decode = Serwer przesłał odpowiedź, której nctray nie potrafi odczytać: { $detail }
error-too-large = Odpowiedź serwera przekracza { $limit } MiB; nctray przerwał jej odczytywanie
error-network = Nie można połączyć się z serwerem: { $detail }
error-certificate = Certyfikat serwera został odrzucony: { $detail }
error-proxy-unreachable = Serwer proxy jest niedostępny: { $detail }
error-proxy-login-refused = Serwer proxy odrzucił logowanie: { $detail }
error-database = Błąd bazy danych pamięci podręcznej: { $detail }
error-newer-database = Pamięć podręczna została zapisana przez nowszą wersję nctray (wersja schematu { $found }, ta zna wersje do { $known }); zaktualizuj nctray
error-config = Nie można użyć ustawień: { $detail }

## Wybór języka

language-unknown = nctray nie ma tłumaczenia dla „{ $language }”. Dostępne: { $available }

## Logowanie i pęk kluczy

sign-in-none-waiting = Żadne logowanie nie oczekuje. Wpisz adres serwera i zaloguj się.
sign-in-address-missing = Wpisz adres swojego serwera.
sign-in-address-invalid = „{ $address }” nie jest adresem serwera.
sign-in-address-scheme = „{ $address }” nie jest adresem serwera: musi zaczynać się od https:// lub http://.
sign-in-unreachable = Nie można połączyć się z { $server }. Sprawdź adres i połączenie. ({ $reason })
sign-in-no-nextcloud = Pod adresem { $server } nie odpowiedział żaden Nextcloud. Sprawdź adres.
sign-in-cancelled = Logowanie anulowane.
sign-in-stopped-unreachable = Logowanie przerwane: { $server } był nieosiągalny { $times } razy z rzędu ({ $reason }). Sprawdź połączenie i zacznij od nowa.
sign-in-expired = Logowanie wygasło: nie zostało zatwierdzone w ciągu { $minutes } minut. Zacznij od nowa.
