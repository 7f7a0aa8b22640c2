# L’output leggibile della riga di comando in italiano (non `--json`, che resta uguale in ogni
# lingua per gli script). Tradotto da locales/en/cli.ftl; identificatori e variabili ({ $name })
# restano invariati. Ciò che si digita sulla riga di comando (`nctray account add`, --all,
# --proxy-password-env, i valori online, away…) resta com’è.

## La lingua (--lang)

# $available elenca le lingue che nctray parla, come tag: «en, de, fr, …».
cli-lang-unknown = nctray non ha una traduzione in «{ $value }»; scegli tra { $available }

## Gli stati, con i nomi dell’interfaccia web di Nextcloud

cli-status-online = In linea
cli-status-away = Assente
cli-status-dnd = Non disturbare
cli-status-busy = Occupato
cli-status-invisible = Invisibile
cli-status-offline = Non in linea
# Uno stato con emoji e messaggio, per esempio «Assente — 🌴 In vacanza».
cli-status-with-message = { $status } — { $message }

## nctray status

cli-status-not-a-status = «{ $text }» non è uno stato; scegli online, away, dnd, invisible o offline
cli-status-not-a-duration = «{ $text }» non è una durata come 30m, 1h o 1d
cli-status-duration-unit = «{ $text }»: usa s, m, h o d
cli-status-message-choose = indica --predefined <id> o --clear
# Una preimpostazione in `nctray status preset list`: nome, stato, emoji e messaggio.
cli-preset-line = { $name }: { $status } { $text }
# Dopo la riga di una preimpostazione, quando ne toglie il messaggio; $duration è uno dei cli-duration-*.
cli-preset-clears-after = (si toglie dopo { $duration })

## Durate

# Usate solo dentro cli-preset-clears-after («dopo 2 giorni»): usa la forma che richiede quella frase.
cli-duration-seconds =
    { $count ->
        [one] { $count } secondo
       *[other] { $count } secondi
    }
cli-duration-minutes =
    { $count ->
        [one] { $count } minuto
       *[other] { $count } minuti
    }
cli-duration-hours =
    { $count ->
        [one] { $count } ora
       *[other] { $count } ore
    }
cli-duration-days =
    { $count ->
        [one] { $count } giorno
       *[other] { $count } giorni
    }

## Quando il server non è raggiungibile (sullo standard error)

cli-offline-notifications = { $server } non è raggiungibile ({ $reason }); vengono mostrate le notifiche in cache
cli-offline-activities = { $server } non è raggiungibile ({ $reason }); vengono mostrate le attività in cache

## nctray notifications

cli-notifications-none = Nessuna notifica
# Niente di nuovo, ma $count notifiche già mostrate da nctray sono ancora sul server.
cli-notifications-none-new =
    { $count ->
        [one] Nessuna nuova notifica ({ $count } già mostrata; `nctray notifications --all` la elenca)
       *[other] Nessuna nuova notifica ({ $count } già mostrate; `nctray notifications --all` le elenca)
    }
cli-notifications-dismissed-all = Tutte le notifiche ignorate
# $id è il numero della notifica come lo mostra l’elenco dopo «#».
cli-notifications-dismissed = Notifica #{ $id } ignorata
cli-notifications-dismiss-choose = indica quale: un id o --all

## nctray activity

cli-activity-none = Nessuna attività

## nctray talk

cli-talk-no-rooms = Nessuna conversazione.
# Sotto l’elenco delle conversazioni (quelle silenziate non contano).
cli-talk-unread-summary =
    { $unread ->
        [one] { $unread } messaggio non letto
       *[other] { $unread } messaggi non letti
    }, { $mentions ->
        [one] ti hanno menzionato in { $mentions } conversazione
       *[other] ti hanno menzionato in { $mentions } conversazioni
    }

## nctray accounts

cli-accounts-none = Nessun account; aggiungine uno con `nctray account add --server URL --login NAME --password-stdin`
# $account è login@server; $password uno dei testi cli-accounts-password-*.
cli-accounts-line = { $account }: { $password }
cli-accounts-line-default = { $account } (predefinito): { $password }
cli-accounts-password-stored = password per l’app nel portachiavi
cli-accounts-password-missing = nessuna password per l’app nel portachiavi (aggiungila di nuovo con `nctray account add`)
cli-accounts-keyring-unavailable = portachiavi non disponibile
cli-accounts-keyring-error = portachiavi non disponibile: { $error }

## nctray account add

# $account è login@server, $name il nome visualizzato dell’utente sul server.
cli-account-added = Aggiunto { $account } ({ $name })
cli-account-cannot-read-password = impossibile leggere la password per l’app dallo standard input
cli-account-no-password = nessuna password per l’app sullo standard input
cli-account-unencrypted = attenzione: { $server } usa http://, non https://: la password per l’app e tutto ciò che l’account sincronizza viaggiano in chiaro e possono essere letti lungo il percorso
cli-account-credentials-refused = il server non ha accettato queste credenziali
cli-account-cannot-check = impossibile verificare l’account
cli-account-trust-hint = Se è il certificato del tuo server, consideralo attendibile per questo account aggiungendo:
cli-account-certificate-unreadable = impossibile leggerne i dettagli: { $error }
cli-account-proxy-password-in-url = non mettere la password in --proxy: indica con --proxy-password-env una variabile d’ambiente che la contiene, così finisce nel portachiavi e non nel file di configurazione
cli-account-proxy-has-no-login = --proxy-password-env serve per un login del proxy, ma { $address } non ne indica nessuno (scrivilo come http://LOGIN@host:port)
cli-account-proxy-needs-password = il login del proxy «{ $login }» richiede una password: mettila in una variabile d’ambiente e indicala con --proxy-password-env NAME
cli-account-proxy-variable-empty = la variabile d’ambiente { $variable } non contiene alcuna password per il login del proxy «{ $login }»

## nctray watch --format plain|waybar (il testo della barra di stato e il suggerimento di waybar)

cli-watch-disconnected = Disconnesso
cli-watch-sign-in-needed = Accesso necessario
# Dopo lo stato, nella riga semplice.
cli-watch-suffix-disconnected = (disconnesso)
cli-watch-suffix-sign-in-needed = (accesso necessario)
cli-watch-new-notifications =
    { $count ->
        [one] { $count } nuova notifica
       *[other] { $count } nuove notifiche
    }
# Una riga del suggerimento per account: «login@server: Assente — 🌴 In vacanza, accesso necessario».
cli-watch-tooltip-account = { $account }: { $status }
cli-watch-status-unknown = stato sconosciuto
cli-watch-cannot-reach = server non raggiungibile ({ $reason })
cli-watch-maintenance = server in manutenzione
cli-watch-sign-in = accesso necessario
cli-watch-certificate-changed = certificato cambiato
# Tra le parti di una riga del suggerimento (lo stato, il problema di connessione, le nuove
# notifiche).
cli-watch-separator = { ", " }
