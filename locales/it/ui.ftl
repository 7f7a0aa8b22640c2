# Le finestre di nctray in italiano (con il tu, come Nextcloud).
# Tradotto da locales/en/ui.ftl; identificatori e variabili ({ $name }) restano invariati.

## Comune a tutte le finestre

app-name = nctray
common-retry = Riprova
common-close = Chiudi
common-cancel = Annulla
common-save = Salva
common-delete = Elimina
common-loading = Caricamento…
common-demo = Demo
common-demoBanner = Demo: un Nextcloud simulato dentro nctray. Qui niente è reale né viene conservato.

## Il popover: notifiche e attività

popover-heading = Notifiche e attività
popover-loadUserFailed = Impossibile caricare il tuo account: { $message }
popover-quota-label = Spazio utilizzato
popover-quota-used = { $used } di { $total } utilizzati
popover-quota-usedUnlimited = { $used } utilizzati
popover-status-clears = fino a { $when }
popover-status-edit = Imposta stato
popover-talk = Talk
popover-talk-label = Apri Talk
popover-tabs-label = Cosa mostrare
popover-tab-notifications = Notifiche
popover-tab-activity = Attività
popover-tab-count = { $count ->
        [one] { $count } nuova
       *[other] { $count } nuove
    }
popover-notifications-list = Notifiche
popover-notifications-empty = Nessuna notifica
popover-notifications-emptyHint = Hai visto tutto.
popover-notifications-loadFailed = Impossibile caricare le notifiche: { $message }
popover-notifications-dismiss = Ignora
popover-notifications-dismissLabel = Ignora «{ $subject }»
popover-notifications-dismissAll = Ignora tutte
popover-notifications-dismissFailed = Impossibile ignorare la notifica: { $message }
popover-notifications-dismissAllFailed = Impossibile ignorare le notifiche: { $message }
popover-notifications-open = Apri
popover-notifications-openLabel = Apri «{ $subject }» nel browser
popover-notifications-actionFailed = «{ $action }» non ha funzionato: { $message }
popover-activity-list = Attività
popover-activity-filter = Mostra
popover-activity-allFilter = Tutte le attività
popover-activity-search = Cerca nelle attività
popover-activity-empty = Ancora nessuna attività
popover-activity-noMatches = Nessun risultato per «{ $text }».
popover-activity-loadFailed = Impossibile caricare le attività: { $message }
popover-activity-olderFailed = Impossibile caricare le attività precedenti: { $message }
popover-activity-loadOlder = Mostra attività precedenti
popover-activity-loadingOlder = Caricamento delle attività precedenti…
popover-activity-end = Non c’è altro.
popover-activity-searchLimit = Sono mostrati i { $count } risultati più recenti.
popover-activity-download = Scarica
popover-activity-downloadLabel = Scarica { $name }
popover-activity-downloadFailed = Impossibile avviare lo scaricamento: { $message }
popover-activity-preview = Anteprima di { $name }
popover-activity-openPreviewLabel = Apri { $name } nel browser

## L’editor dello stato

status-title = Imposta stato
status-now = Il tuo stato attuale
status-clearsAt = Fino a { $when }
status-failed = Impossibile cambiare lo stato: { $message }
status-loadFailed = Impossibile caricare lo stato: { $message }
status-type-heading = Stato in linea
status-type-online = In linea
status-type-away = Assente
status-type-dnd = Non disturbare
status-type-busy = Occupato
status-type-invisible = Invisibile
status-type-offline = Non in linea
status-type-dnd-hint = Silenzia tutte le notifiche
status-type-invisible-hint = Mostrati non in linea
status-restore-automatic = Il tuo stato è stato impostato automaticamente ({ $current }).
status-restore-button = Ripristina: { $previous }
status-predefined-heading = Messaggi predefiniti
status-predefined-none = Il server non offre messaggi predefiniti.
status-custom-heading = Il tuo messaggio
status-custom-label = Qual è il tuo stato?
status-custom-placeholder = Qual è il tuo stato?
status-custom-set = Imposta messaggio
status-custom-clear = Cancella messaggio
status-custom-needsText = Scrivi prima un messaggio.
status-count = { $count }/{ $limit }
status-count-label = { $count } di { $limit } caratteri
status-tooLong = Il messaggio ha { $count } caratteri; ne sono ammessi al massimo { $limit }.
status-emoji-choose = Scegli un emoji
status-emoji-current = Emoji: { $emoji }
status-emoji-none = Nessun emoji
status-emoji-grid = Emoji comuni
status-emoji-typeLabel = Oppure digitane uno
status-emoji-typePlaceholder = Digita o incolla un emoji
status-emoji-use = Usa
status-emoji-notOne = Digita esattamente un emoji.
status-emoji-remove = Rimuovi emoji
status-clearAfter-label = Togli lo stato dopo
status-clearAfter-dont-clear = Non togliere
status-clearAfter-thirty-minutes = 30 minuti
status-clearAfter-one-hour = 1 ora
status-clearAfter-four-hours = 4 ore
status-clearAfter-today = Oggi
status-clearAfter-this-week = Questa settimana
status-clearAfter-minutes = { $count ->
        [one] { $count } minuto
       *[other] { $count } minuti
    }
status-clearAfter-hours = { $count ->
        [one] { $count } ora
       *[other] { $count } ore
    }
status-clearAfter-oneHour = 1 ora
status-presets-heading = Preimpostazioni
status-presets-none = Ancora nessuna preimpostazione. Salva lo stato attuale per reimpostarlo con un clic.
status-presets-saveCurrent = Salva l’attuale come preimpostazione…
status-presets-apply = Applica
status-presets-edit = Modifica
status-presets-applyNamed = Applica la preimpostazione { $name }
status-presets-editNamed = Modifica la preimpostazione { $name }
status-presets-deleteNamed = Elimina la preimpostazione { $name }
status-presets-clearsAfter = si toglie dopo { $duration }
status-presets-failed = Impossibile salvare la preimpostazione: { $message }
status-preset-newHeading = Nuova preimpostazione
status-preset-editHeading = Modifica preimpostazione
status-preset-name = Nome
status-preset-status = Stato
status-preset-message = Messaggio
status-preset-needsName = Dai un nome alla preimpostazione.
status-preset-clearAfterNote = Le preimpostazioni si tolgono dopo un tempo fisso; «Oggi» e «Questa settimana» qui non sono disponibili.

## Chat rapida di Talk

chat-title = Talk
chat-choose = Scegli una conversazione o iniziane una nuova con +.
chat-rooms-title = Conversazioni
chat-rooms-search = Cerca conversazioni
chat-rooms-new = Nuova conversazione
chat-rooms-none = Ancora nessuna conversazione.
chat-rooms-noMatch = Nessuna conversazione corrisponde a «{ $query }».
chat-rooms-favorite = Preferita
chat-rooms-mentioned = Ti hanno menzionato
chat-rooms-unread = { $count ->
        [one] { $count } non letto
       *[other] { $count } non letti
    }
chat-rooms-unreadMention = { $count ->
        [one] { $count } non letto, ti hanno menzionato
       *[other] { $count } non letti, ti hanno menzionato
    }
chat-room-favorite = Aggiungi ai preferiti
chat-room-unfavorite = Rimuovi dai preferiti
chat-room-joinCall = Partecipa alla chiamata
chat-room-callLive = Chiamata in corso
chat-room-settings = Impostazioni
chat-history-title = Messaggi
chat-history-older = Carica messaggi precedenti
chat-history-start = Questo è l’inizio della conversazione.
chat-message-reply = Rispondi
chat-message-replyTo = Rispondi a { $author }
chat-message-react = Reagisci
chat-message-reaction = { $emoji } { $count }: reagisci o ritira la reazione
chat-message-edited = (modificato)
chat-message-deleted = Messaggio eliminato
chat-message-openFile = Apri { $name } nel browser
chat-composer-label = Messaggio
chat-composer-placeholder = Scrivi un messaggio… (@ per menzionare qualcuno)
chat-composer-readOnly = Questa conversazione è di sola lettura.
chat-composer-send = Invia
chat-composer-mentions = Menziona qualcuno
chat-composer-replyingTo = In risposta a { $author }:
chat-composer-cancelReply = Annulla la risposta
chat-settings-title = Impostazioni della conversazione
chat-settings-name = Nome
chat-settings-rename = Rinomina
chat-settings-favorite = Preferita
chat-settings-notifications = Notifiche
chat-settings-notifyDefault = Predefinito del server
chat-settings-notifyAlways = Tutti i messaggi
chat-settings-notifyMention = Solo menzioni
chat-settings-notifyNever = Nessuna
chat-settings-guests = Consenti ospiti (chiunque abbia il link)
chat-settings-passwordSet = Password per gli ospiti
chat-settings-passwordChange = Nuova password per gli ospiti
chat-settings-passwordRemove = Rimuovi password
chat-settings-leave = Abbandona la conversazione
chat-settings-leaveConfirm = Abbandonare davvero?
chat-settings-delete = Elimina conversazione
chat-settings-deleteConfirm = Eliminare davvero per tutti?
chat-participants-title = Partecipanti ({ $count })
chat-participants-you = (tu)
chat-participants-owner = Proprietario
chat-participants-moderator = Moderatore
chat-participants-guest = Ospite
chat-participants-promote = Rendi moderatore
chat-participants-promoteNamed = Rendi { $name } moderatore
chat-participants-demote = Rimuovi moderatore
chat-participants-demoteNamed = Rendi { $name } un partecipante normale
chat-participants-remove = Rimuovi
chat-participants-removeNamed = Rimuovi { $name } dalla conversazione
chat-participants-add = Aggiungi qualcuno
chat-participants-userId = ID utente
chat-participants-addButton = Aggiungi
chat-new-title = Nuova conversazione
chat-new-kind = Tipo
chat-new-oneToOne = Con una persona
chat-new-group = Gruppo
chat-new-public = Pubblica (gli ospiti possono entrare tramite link)
chat-new-userId = Il suo ID utente
chat-new-name = Nome
chat-new-password = Password per gli ospiti (facoltativa)
chat-new-create = Crea

## Account e impostazioni

accounts-title = Account e impostazioni
accounts-loadFailed = Impossibile caricare gli account: { $message }
accounts-welcome = Ti diamo il benvenuto in nctray. Accedi al tuo Nextcloud: inserisci il suo indirizzo e approva nctray nel browser. Oppure scegli «Prova la demo» nel menu del vassoio di sistema per dare prima un’occhiata.
accounts-about-heading = Informazioni su nctray
accounts-about-version = Versione { $version }
accounts-about-logs = File di log: { $folder }
accounts-about-openLogs = Apri la cartella dei log
accounts-about-failed = Impossibile aprire la cartella: { $message }
accounts-list-heading = Account
accounts-list-none = Ancora nessun account. Accedi qui sotto.
accounts-list-shown = Mostrato nelle finestre
accounts-list-show = Mostra nelle finestre
accounts-list-primary = Icona nel vassoio
accounts-list-demo = Server demo, sparisce alla chiusura di nctray
accounts-list-pause = Sospendi
accounts-list-resume = Riprendi
accounts-list-remove = Rimuovi
accounts-list-removeConfirm = Rimuovere { $account }? La sua password per l’app viene revocata sul server ed eliminata dal portachiavi.
accounts-list-removeYes = Rimuovi account
accounts-list-removed = { $account } è stato rimosso.
accounts-list-removedServerKept = { $account } è stato rimosso da nctray, ma il server non ha potuto revocare la sua password per l’app ({ $reason }). Revocala nelle impostazioni di sicurezza del server.
accounts-list-failed = Non ha funzionato: { $message }
accounts-connection-starting = Connessione…
accounts-connection-online = In linea
accounts-connection-offline = Non in linea
accounts-connection-maintenance = Server in manutenzione
accounts-connection-sign_in_needed = Accesso necessario: rimuovi l’account e accedi di nuovo
accounts-connection-certificate_changed = Certificato cambiato: non viene inviato nulla. Se il server ha davvero un nuovo certificato, rimuovi l’account e accedi di nuovo per verificarlo e considerarlo attendibile
accounts-connection-paused = In pausa
accounts-signIn-heading = Aggiungi un account
accounts-signIn-server = Indirizzo del server
accounts-signIn-placeholder = cloud.example.com
accounts-signIn-start = Accedi
accounts-signIn-starting = Apertura del browser…
accounts-signIn-useDemo = Prova con il server demo
accounts-signIn-waiting = Approva nctray nella finestra del browser che si è aperta.
accounts-signIn-expiresIn = In attesa di approvazione — scade tra { $time }
accounts-signIn-loginPage = Pagina di accesso:
accounts-signIn-unencrypted = Questo indirizzo inizia con http://, non con https://: la tua password per l’app e tutto ciò che nctray sincronizza viaggerebbero in chiaro, leggibili da chiunque lungo il percorso. Annulla e usa https://, a meno che questa rete non sia la tua.
accounts-signIn-reopen = Riapri la pagina di accesso
accounts-signIn-cancel = Annulla l’accesso
accounts-signIn-cancelled = Accesso annullato.
accounts-signIn-expired = L’accesso è scaduto: non è stato approvato entro 20 minuti. Accedi di nuovo per ottenere una nuova pagina di accesso.
accounts-signIn-again = Accedi di nuovo
accounts-signIn-done = Accesso eseguito come { $name }.
accounts-signIn-failed = Accesso non riuscito: { $message }
accounts-signIn-untrusted-heading = Il certificato di questo server non è attendibile
accounts-signIn-untrusted-explain = Il tuo sistema non sa chi l’ha firmato. Se è il certificato del tuo server (autofirmato o emesso dalla tua autorità di certificazione), confronta l’impronta digitale con quella che vede l’amministratore del server, poi considera attendibile esattamente questo certificato per questo account. nctray rifiuterà qualsiasi altro.
accounts-signIn-untrusted-subject = Rilasciato a
accounts-signIn-untrusted-issuer = Rilasciato da
accounts-signIn-untrusted-validFrom = Valido dal
accounts-signIn-untrusted-validUntil = Valido fino al
accounts-signIn-untrusted-fingerprint = Impronta digitale SHA-256
accounts-signIn-untrusted-trust = Considera attendibile questo certificato per questo account
accounts-signIn-untrusted-back = Non considerarlo attendibile
accounts-settings-heading = Impostazioni
accounts-settings-language = Lingua
accounts-settings-language-automatic = Automatica (dal tuo Nextcloud o dal desktop)
accounts-settings-poll = Controlla le notifiche
accounts-settings-poll-server = Come suggerisce il server
accounts-settings-poll-every = Ogni { $time }
accounts-settings-poll-hint = Con le notifiche push sul server, questi controlli sono solo una rete di sicurezza.
accounts-settings-away = Impostami assente dopo inattività (minuti)
accounts-settings-appearance = Aspetto
accounts-settings-appearance-system = Come il desktop
accounts-settings-appearance-light = Chiaro
accounts-settings-appearance-dark = Scuro
accounts-settings-startAtLogin = Avvia nctray all’accesso
accounts-settings-popups = Popup
accounts-settings-popups-hint = Le notifiche delle app disattivate qui restano visibili nell’elenco delle notifiche.
accounts-settings-saved = Salvato.
accounts-settings-failed = Le impostazioni non sono state salvate: { $message }
accounts-app-spreed = Talk
accounts-app-files_sharing = Condivisioni
accounts-app-dav = Calendario
accounts-time-seconds = { $n } s
accounts-time-minutes = { $n } min
