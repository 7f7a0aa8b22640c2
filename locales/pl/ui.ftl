# nctray's windows, in Polish. Follows locales/en/ui.ftl: same identifiers, same variables.

## Shared by every window

app-name = nctray
common-retry = Spróbuj ponownie
common-close = Zamknij
common-cancel = Anuluj
common-save = Zapisz
common-delete = Usuń
common-loading = Wczytywanie…
common-demo = Demo
common-demoBanner = Demo: symulowany Nextcloud wewnątrz nctray. Nic tutaj nie jest prawdziwe ani nie zostanie zachowane.

## The popover: notifications and activity

popover-heading = Powiadomienia i aktywność
popover-loadUserFailed = Nie udało się wczytać Twojego konta: { $message }
popover-quota-label = Wykorzystane miejsce
popover-quota-used = Wykorzystano { $used } z { $total }
popover-quota-usedUnlimited = Wykorzystano { $used }
popover-status-clears = do { $when }
popover-status-edit = Ustaw status
popover-talk = Talk
popover-talk-label = Otwórz Talk
popover-tabs-label = Co pokazać
popover-tab-notifications = Powiadomienia
popover-tab-activity = Aktywność
popover-tab-count = Nowe: { $count }
popover-notifications-list = Powiadomienia
popover-notifications-empty = Brak powiadomień
popover-notifications-emptyHint = Wszystko przeczytane.
popover-notifications-loadFailed = Nie udało się wczytać powiadomień: { $message }
popover-notifications-dismiss = Odrzuć
popover-notifications-dismissLabel = Odrzuć „{ $subject }”
popover-notifications-dismissAll = Odrzuć wszystkie
popover-notifications-dismissFailed = Nie udało się odrzucić powiadomienia: { $message }
popover-notifications-dismissAllFailed = Nie udało się odrzucić powiadomień: { $message }
popover-notifications-open = Otwórz
popover-notifications-openLabel = Otwórz „{ $subject }” w przeglądarce
popover-notifications-actionFailed = „{ $action }” nie powiodło się: { $message }
popover-activity-list = Aktywność
popover-activity-filter = Pokaż
popover-activity-allFilter = Cała aktywność
popover-activity-search = Szukaj w aktywności
popover-activity-empty = Brak aktywności
popover-activity-noMatches = Nic nie pasuje do „{ $text }”.
popover-activity-loadFailed = Nie udało się wczytać aktywności: { $message }
popover-activity-olderFailed = Nie udało się wczytać starszej aktywności: { $message }
popover-activity-loadOlder = Pokaż starszą aktywność
popover-activity-loadingOlder = Wczytywanie starszej aktywności…
popover-activity-end = To już wszystko.
popover-activity-searchLimit = { $count ->
        [one] Pokazano { $count } najnowszy wynik.
        [few] Pokazano { $count } najnowsze wyniki.
        [many] Pokazano { $count } najnowszych wyników.
       *[other] Pokazano { $count } najnowszego wyniku.
    }
popover-activity-download = Pobierz
popover-activity-downloadLabel = Pobierz { $name }
popover-activity-downloadFailed = Nie udało się rozpocząć pobierania: { $message }
popover-activity-preview = Podgląd pliku { $name }
popover-activity-openPreviewLabel = Otwórz { $name } w przeglądarce

## The status editor

status-title = Ustaw status
status-now = Twój obecny status
status-clearsAt = Wygaśnie: { $when }
status-failed = Nie udało się zmienić statusu: { $message }
status-loadFailed = Nie udało się wczytać statusu: { $message }
status-type-heading = Status online
status-type-online = Dostępny
status-type-away = Zaraz wracam
status-type-dnd = Nie przeszkadzać
status-type-busy = Zajęty
status-type-invisible = Niewidoczny
status-type-offline = Offline
status-type-dnd-hint = Wycisz wszystkie powiadomienia
status-type-invisible-hint = Widnieje jako offline
status-restore-automatic = Twój status został ustawiony automatycznie ({ $current }).
status-restore-button = Przywróć: { $previous }
status-predefined-heading = Szybkie komunikaty
status-predefined-none = Serwer nie oferuje gotowych komunikatów.
status-custom-heading = Własny komunikat
status-custom-label = Jaki jest Twój status?
status-custom-placeholder = Jaki jest Twój status?
status-custom-set = Ustaw komunikat
status-custom-clear = Wyczyść komunikat
status-custom-needsText = Najpierw wpisz komunikat.
status-count = { $count }/{ $limit }
status-count-label = { $count } z { $limit } znaków
status-tooLong = Liczba znaków w komunikacie: { $count }; dozwolone najwyżej { $limit }.
status-emoji-choose = Wybierz emoji
status-emoji-current = Emoji: { $emoji }
status-emoji-none = Bez emoji
status-emoji-grid = Popularne emoji
status-emoji-typeLabel = Lub wpisz własne
status-emoji-typePlaceholder = Wpisz lub wklej jedno emoji
status-emoji-use = Użyj
status-emoji-notOne = Wpisz dokładnie jedno emoji.
status-emoji-remove = Usuń emoji
status-clearAfter-label = Wyczyść status po
status-clearAfter-dont-clear = Nie czyść
status-clearAfter-thirty-minutes = 30 minut
status-clearAfter-one-hour = 1 godzina
status-clearAfter-four-hours = 4 godziny
status-clearAfter-today = Dzisiaj
status-clearAfter-this-week = W tym tygodniu
status-clearAfter-minutes = { $count ->
        [one] { $count } minuta
        [few] { $count } minuty
        [many] { $count } minut
       *[other] { $count } minuty
    }
status-clearAfter-hours = { $count ->
        [one] { $count } godzina
        [few] { $count } godziny
        [many] { $count } godzin
       *[other] { $count } godziny
    }
status-clearAfter-oneHour = 1 godzina
status-presets-heading = Gotowe statusy
status-presets-none = Brak gotowych statusów. Zapisz obecny status, aby później ustawić go jednym kliknięciem.
status-presets-saveCurrent = Zapisz obecny jako gotowy status…
status-presets-apply = Zastosuj
status-presets-edit = Edytuj
status-presets-applyNamed = Zastosuj gotowy status { $name }
status-presets-editNamed = Edytuj gotowy status { $name }
status-presets-deleteNamed = Usuń gotowy status { $name }
status-presets-clearsAfter = czas trwania: { $duration }
status-presets-failed = Nie udało się zapisać gotowego statusu: { $message }
status-preset-newHeading = Nowy gotowy status
status-preset-editHeading = Edytuj gotowy status
status-preset-name = Nazwa
status-preset-status = Status
status-preset-message = Komunikat
status-preset-needsName = Nadaj nazwę gotowemu statusowi.
status-preset-clearAfterNote = Gotowe statusy wygasają po określonym czasie; opcje „Dzisiaj” i „W tym tygodniu” nie są tu dostępne.

## Talk quick chat

chat-title = Talk
chat-choose = Wybierz rozmowę lub rozpocznij nową przyciskiem +.
chat-rooms-title = Rozmowy
chat-rooms-search = Szukaj rozmów
chat-rooms-new = Nowa rozmowa
chat-rooms-none = Brak rozmów.
chat-rooms-noMatch = Żadna rozmowa nie pasuje do „{ $query }”.
chat-rooms-favorite = Ulubiona
chat-rooms-mentioned = Wspomniano o Tobie
chat-rooms-unread = { $count ->
        [one] { $count } nieprzeczytana wiadomość
        [few] { $count } nieprzeczytane wiadomości
        [many] { $count } nieprzeczytanych wiadomości
       *[other] { $count } nieprzeczytanej wiadomości
    }
chat-rooms-unreadMention = Nieprzeczytane: { $count }, wspomniano o Tobie
chat-room-favorite = Dodaj do ulubionych
chat-room-unfavorite = Usuń z ulubionych
chat-room-joinCall = Dołącz do połączenia
chat-room-callLive = Trwa połączenie
chat-room-settings = Ustawienia
chat-history-title = Wiadomości
chat-history-older = Wczytaj starsze wiadomości
chat-history-start = To jest początek rozmowy.
chat-message-reply = Odpowiedz
chat-message-replyTo = Odpowiedz użytkownikowi { $author }
chat-message-react = Zareaguj
chat-message-reaction = { $emoji } { $count }: zareaguj lub cofnij reakcję
chat-message-edited = (edytowano)
chat-message-deleted = Wiadomość usunięta
chat-message-openFile = Otwórz { $name } w przeglądarce
chat-composer-label = Wiadomość
chat-composer-placeholder = Napisz wiadomość… (@, aby wspomnieć o kimś)
chat-composer-readOnly = Ta rozmowa jest tylko do odczytu.
chat-composer-send = Wyślij
chat-composer-mentions = Wspomnij o kimś
chat-composer-replyingTo = Odpowiedź dla { $author }:
chat-composer-cancelReply = Anuluj odpowiedź
chat-settings-title = Ustawienia rozmowy
chat-settings-name = Nazwa
chat-settings-rename = Zmień nazwę
chat-settings-favorite = Ulubiona
chat-settings-notifications = Powiadomienia
chat-settings-notifyDefault = Domyślne ustawienie serwera
chat-settings-notifyAlways = Wszystkie wiadomości
chat-settings-notifyMention = Tylko wzmianki
chat-settings-notifyNever = Wyłączone
chat-settings-guests = Zezwól gościom (każdy, kto ma link)
chat-settings-passwordSet = Hasło dla gości
chat-settings-passwordChange = Nowe hasło dla gości
chat-settings-passwordRemove = Usuń hasło
chat-settings-leave = Opuść rozmowę
chat-settings-leaveConfirm = Na pewno opuścić?
chat-settings-delete = Usuń rozmowę
chat-settings-deleteConfirm = Na pewno usunąć dla wszystkich?
chat-participants-title = Uczestnicy ({ $count })
chat-participants-you = (Ty)
chat-participants-owner = Właściciel
chat-participants-moderator = Moderator
chat-participants-guest = Gość
chat-participants-promote = Mianuj moderatorem
chat-participants-promoteNamed = Mianuj { $name } moderatorem
chat-participants-demote = Odbierz uprawnienia moderatora
chat-participants-demoteNamed = Zmień { $name } w zwykłego uczestnika
chat-participants-remove = Usuń
chat-participants-removeNamed = Usuń { $name } z rozmowy
chat-participants-add = Dodaj osobę
chat-participants-userId = ID użytkownika
chat-participants-addButton = Dodaj
chat-new-title = Nowa rozmowa
chat-new-kind = Rodzaj
chat-new-oneToOne = Z jedną osobą
chat-new-group = Grupowa
chat-new-public = Publiczna (goście mogą dołączyć przez link)
chat-new-userId = ID użytkownika rozmówcy
chat-new-name = Nazwa
chat-new-password = Hasło dla gości (opcjonalne)
chat-new-create = Utwórz

## Accounts and settings

accounts-title = Konta i ustawienia
accounts-loadFailed = Nie udało się wczytać kont: { $message }
accounts-welcome = Witaj w nctray. Zaloguj się do swojego Nextcloud: wpisz jego adres i zatwierdź nctray w przeglądarce. Możesz też najpierw wybrać „Wypróbuj wersję demonstracyjną” w menu zasobnika, aby się rozejrzeć.
accounts-about-heading = O nctray
accounts-about-version = Wersja { $version }
accounts-about-logs = Pliki dziennika: { $folder }
accounts-about-openLogs = Otwórz folder dzienników
accounts-about-failed = Nie udało się otworzyć folderu: { $message }
accounts-list-heading = Konta
accounts-list-none = Brak kont. Zaloguj się poniżej.
accounts-list-shown = Widoczne w oknach
accounts-list-show = Pokaż w oknach
accounts-list-primary = Ikona w zasobniku
accounts-list-demo = Serwer demo, znika po zamknięciu nctray
accounts-list-pause = Wstrzymaj
accounts-list-resume = Wznów
accounts-list-remove = Usuń
accounts-list-removeConfirm = Usunąć { $account }? Hasło aplikacji zostanie unieważnione na serwerze i usunięte z pęku kluczy.
accounts-list-removeYes = Usuń konto
accounts-list-removed = Usunięto { $account }.
accounts-list-removedServerKept = Usunięto { $account } z nctray, ale serwer nie mógł unieważnić hasła aplikacji ({ $reason }). Unieważnij je w ustawieniach bezpieczeństwa serwera.
accounts-list-failed = Nie udało się: { $message }
accounts-connection-starting = Łączenie…
accounts-connection-online = Online
accounts-connection-offline = Offline
accounts-connection-maintenance = Serwer w trybie konserwacji
accounts-connection-sign_in_needed = Wymagane logowanie: usuń konto i zaloguj się ponownie
accounts-connection-certificate_changed = Certyfikat się zmienił: nic nie jest wysyłane. Jeśli serwer naprawdę ma nowy certyfikat, usuń konto i zaloguj się ponownie, aby sprawdzić nowy certyfikat i mu zaufać
accounts-connection-paused = Wstrzymane
accounts-signIn-heading = Dodaj konto
accounts-signIn-server = Adres serwera
accounts-signIn-placeholder = cloud.example.com
accounts-signIn-start = Zaloguj się
accounts-signIn-starting = Otwieranie przeglądarki…
accounts-signIn-useDemo = Wypróbuj z serwerem demo
accounts-signIn-waiting = Zatwierdź nctray w otwartym oknie przeglądarki.
accounts-signIn-expiresIn = Oczekiwanie na zatwierdzenie — wygasa za { $time }
accounts-signIn-loginPage = Strona logowania:
accounts-signIn-unencrypted = Ten adres zaczyna się od http://, a nie https://: hasło aplikacji i wszystko, co synchronizuje nctray, będzie przesyłane bez szyfrowania i każdy po drodze będzie mógł to odczytać. Anuluj i użyj https://, chyba że to Twoja własna sieć.
accounts-signIn-reopen = Otwórz ponownie stronę logowania
accounts-signIn-cancel = Anuluj logowanie
accounts-signIn-cancelled = Logowanie anulowane.
accounts-signIn-expired = Logowanie wygasło: nie zostało zatwierdzone w ciągu 20 minut. Zaloguj się ponownie, aby otrzymać nową stronę logowania.
accounts-signIn-again = Zaloguj się ponownie
accounts-signIn-done = Zalogowano jako { $name }.
accounts-signIn-failed = Logowanie nie powiodło się: { $message }
accounts-signIn-untrusted-heading = Certyfikat tego serwera nie jest zaufany
accounts-signIn-untrusted-explain = Twój system nie wie, kto go podpisał. Jeśli to certyfikat Twojego własnego serwera (samopodpisany lub wystawiony przez Twój własny urząd certyfikacji), porównaj odcisk z tym, który widzi administrator serwera, a następnie zaufaj dokładnie temu certyfikatowi dla tego konta. nctray odrzuci każdy inny.
accounts-signIn-untrusted-subject = Wystawiony dla
accounts-signIn-untrusted-issuer = Wystawiony przez
accounts-signIn-untrusted-validFrom = Ważny od
accounts-signIn-untrusted-validUntil = Ważny do
accounts-signIn-untrusted-fingerprint = Odcisk SHA-256
accounts-signIn-untrusted-trust = Zaufaj temu certyfikatowi dla tego konta
accounts-signIn-untrusted-back = Nie ufaj
accounts-settings-heading = Ustawienia
accounts-settings-language = Język
accounts-settings-language-automatic = Automatycznie (z Twojego Nextcloud lub pulpitu)
accounts-settings-poll = Sprawdzanie powiadomień
accounts-settings-poll-server = Zgodnie z sugestią serwera
accounts-settings-poll-every = Co { $time }
accounts-settings-poll-hint = Gdy serwer ma powiadomienia push, sprawdzanie jest tylko zabezpieczeniem.
accounts-settings-away = Ustaw status „Zaraz wracam” po bezczynności (w minutach)
accounts-settings-appearance = Wygląd
accounts-settings-appearance-system = Jak pulpit
accounts-settings-appearance-light = Jasny
accounts-settings-appearance-dark = Ciemny
accounts-settings-startAtLogin = Uruchamiaj nctray po zalogowaniu
accounts-settings-popups = Wyskakujące powiadomienia
accounts-settings-popups-hint = Powiadomienia aplikacji wyłączonych tutaj nadal pojawiają się na liście powiadomień.
accounts-settings-saved = Zapisano.
accounts-settings-failed = Nie zapisano ustawień: { $message }
accounts-app-spreed = Talk
accounts-app-files_sharing = Udostępnienia
accounts-app-dav = Kalendarz
accounts-time-seconds = { $n } s
accounts-time-minutes = { $n } min
