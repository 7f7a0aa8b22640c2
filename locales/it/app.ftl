# I testi di nctray fuori dalle finestre, in italiano: menu e suggerimento dell’icona nel vassoio,
# notifiche del desktop, titoli delle finestre, errori, accesso e portachiavi.
# Tradotto da locales/en/app.ftl; identificatori e variabili ({ $name }) restano invariati.

## Gli stati, con i nomi dell’interfaccia web di Nextcloud

status-online = In linea
status-away = Assente
status-dnd = Non disturbare
status-busy = Occupato
status-invisible = Invisibile
status-offline = Non in linea
# Uno stato con il suo messaggio, per esempio «Assente — 🌴 In vacanza».
status-with-message = { $status } — { $message }

## Il menu del vassoio

tray-sign-in = Accedi…
tray-try-demo = Prova la demo
tray-quit = Esci
tray-unlock-keyring = Sblocca
tray-retry-keyring = Riprova
tray-keyring-locked = Il portachiavi è bloccato: la sincronizzazione è in attesa
tray-keyring-unavailable = Il portachiavi non è raggiungibile: la sincronizzazione è in attesa
tray-keyring-opening = Apertura degli account…
# La prima riga del menu mentre è attiva la demo.
tray-demo-status = Demo: { $status }
tray-clear-message = Cancella messaggio
tray-restore-status = Ripristina lo stato precedente
tray-open-popover = Notifiche e attività…
tray-open-status = Imposta stato…
tray-open-chat = Talk…
tray-open-accounts = Account e impostazioni…
tray-demo-notification = Mostra una notifica di prova

## Il suggerimento dell’icona ($name è «nctray» o tray-name-demo)

tray-name-demo = nctray (demo)
tray-tooltip-signed-out = nctray — accesso non eseguito
tray-tooltip = { $name } — { $text }
tray-tooltip-offline = { $name } — non in linea: { $reason }
tray-tooltip-maintenance = { $name } — il server è in manutenzione
tray-tooltip-sign-in-needed = { $name } — accesso necessario
tray-tooltip-certificate-changed = { $name } — certificato cambiato: sincronizzazione interrotta, accedi di nuovo per verificarlo
# A section of the menu per account when several are signed in.
tray-account-status = { $account }: { $status }
# What waits, in the menu's first line: "3 notifications, 2 mentions in Talk".
tray-waiting-notifications =
    { $count ->
        [one] 1 notifica
       *[other] { $count } notifiche
    }
tray-waiting-mentions =
    { $count ->
        [one] 1 menzione in Talk
       *[other] { $count } menzioni in Talk
    }
tray-waiting-both = { $notifications }, { $mentions }

## Notifiche del desktop

# La notifica che ne rappresenta molte insieme.
popup-summary-notifications =
    { $count ->
        [one] { $count } nuova notifica
       *[other] { $count } nuove notifiche
    }
# Under a summary's first subjects: how many more it stands for.
popup-summary-more =
    { $count ->
        [one] e un'altra
       *[other] e altre { $count }
    }
popup-open = Apri
popup-reply = Rispondi
# Il suggerimento nel campo in cui si scrive una risposta dalla notifica.
popup-reply-placeholder = Scrivi una risposta…
popup-settings-unreadable = nctray: impossibile leggere le impostazioni
popup-settings-moved = Sono state spostate in { $path }. Accedi di nuovo per continuare.
popup-cache-rebuilt = nctray: la cache è stata ricostruita
popup-cache-unusable = nctray non può usare la sua cache
popup-sign-in-needed = nctray: accesso necessario
popup-sign-in-needed-body = Il server non accetta più questa password per l’app. Aggiungi di nuovo l’account per riprendere.
popup-status-failed = nctray: lo stato non è cambiato
popup-demo-failed = nctray: la demo non si è avviata
popup-keyring-still-locked = nctray: il portachiavi è ancora bloccato

## Titoli delle finestre

window-title-popover = nctray
window-title-status = Imposta stato — nctray
window-title-chat = Talk — nctray
window-title-accounts = Account e impostazioni — nctray
# Il titolo di qualsiasi finestra mentre è attiva la demo.
window-title-demo = { $title } (demo)

## Errori mostrati alle persone ($detail è il messaggio del server stesso o la causa tecnica)

error-unauthorized = Il server non ha accettato il nome di accesso e la password per l’app (la password per l’app potrebbe essere stata revocata)
error-not-found = Non trovato sul server
error-not-found-detail = Non trovato sul server: { $detail }
error-refused = Il server ha rifiutato la richiesta (codice { $code })
error-refused-detail = Il server ha rifiutato la richiesta: { $detail }
error-no-content = Il server non ha nulla da elencare: nessun tipo di attività è selezionato per il flusso
error-maintenance = Il server è in manutenzione; riprova più tardi
error-http = Il server ha risposto HTTP { $status }
error-http-detail = Il server ha risposto HTTP { $status }: { $detail }
error-decode = Il server ha inviato una risposta che nctray non riesce a leggere: { $detail }
error-too-large = La risposta del server supera { $limit } MiB; nctray ha smesso di leggerla
error-network = Impossibile raggiungere il server: { $detail }
error-certificate = Il certificato del server è stato rifiutato: { $detail }
error-proxy-unreachable = Il proxy non è raggiungibile: { $detail }
error-proxy-login-refused = Il proxy ha rifiutato l’accesso: { $detail }
error-database = Errore del database della cache: { $detail }
error-newer-database = La cache è stata scritta da un nctray più recente (versione dello schema { $found }, questo conosce fino alla { $known }); aggiorna nctray
error-config = Le impostazioni non sono utilizzabili: { $detail }

## Scelta della lingua

# --lang o le impostazioni indicano una lingua in cui nctray non è tradotto.
language-unknown = nctray non ha una traduzione per «{ $language }». Disponibili: { $available }

## Accesso e portachiavi

sign-in-none-waiting = Nessun accesso in attesa. Inserisci l’indirizzo del server e accedi.
sign-in-address-missing = Inserisci l’indirizzo del tuo server.
sign-in-address-invalid = «{ $address }» non è un indirizzo di server.
sign-in-address-scheme = «{ $address }» non è un indirizzo di server: deve iniziare con https:// o http://.
sign-in-unreachable = Impossibile raggiungere { $server }. Controlla l’indirizzo e la connessione. ({ $reason })
sign-in-no-nextcloud = Nessun Nextcloud ha risposto su { $server }. Controlla l’indirizzo.
sign-in-cancelled = Accesso annullato.
sign-in-stopped-unreachable = Accesso interrotto: { $server } non è stato raggiungibile per { $times } volte di seguito ({ $reason }). Controlla la connessione e ricomincia.
sign-in-expired = L’accesso è scaduto: non è stato approvato entro { $minutes } minuti. Ricomincia.
