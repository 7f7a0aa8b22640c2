# Les fenêtres de nctray en français (vouvoiement, comme Nextcloud).
# Traduit de locales/en/ui.ftl ; les identifiants et les variables ({ $name }) restent inchangés.

## Commun à toutes les fenêtres

app-name = nctray
common-retry = Réessayer
common-close = Fermer
common-cancel = Annuler
common-save = Enregistrer
common-delete = Supprimer
common-loading = Chargement…
common-demo = Démo
common-demoBanner = Démo : un Nextcloud simulé dans nctray. Rien ici n’est réel ni conservé.

## Le popover : notifications et activité

popover-heading = Notifications et activité
popover-loadUserFailed = Impossible de charger votre compte : { $message }
popover-quota-label = Espace utilisé
popover-quota-used = { $used } utilisés sur { $total }
popover-quota-usedUnlimited = { $used } utilisés
popover-status-clears = jusqu’à { $when }
popover-status-edit = Définir le statut
popover-talk = Talk
popover-talk-label = Ouvrir Talk
popover-tabs-label = Affichage
popover-tab-notifications = Notifications
popover-tab-activity = Activité
popover-tab-count = { $count ->
        [one] { $count } nouvelle
        [many] { $count } nouvelles
       *[other] { $count } nouvelles
    }
popover-notifications-list = Notifications
popover-notifications-empty = Aucune notification
popover-notifications-emptyHint = Vous êtes à jour.
popover-notifications-loadFailed = Impossible de charger les notifications : { $message }
popover-notifications-dismiss = Ignorer
popover-notifications-dismissLabel = Ignorer « { $subject } »
popover-notifications-dismissAll = Tout ignorer
popover-notifications-dismissFailed = Impossible d’ignorer la notification : { $message }
popover-notifications-dismissAllFailed = Impossible d’ignorer les notifications : { $message }
popover-notifications-open = Ouvrir
popover-notifications-openLabel = Ouvrir « { $subject } » dans le navigateur
popover-notifications-actionFailed = « { $action } » n’a pas fonctionné : { $message }
popover-activity-list = Activité
popover-activity-filter = Afficher
popover-activity-allFilter = Toutes les activités
popover-activity-search = Rechercher dans l’activité
popover-activity-empty = Aucune activité pour l’instant
popover-activity-noMatches = Aucun résultat pour « { $text } ».
popover-activity-loadFailed = Impossible de charger l’activité : { $message }
popover-activity-olderFailed = Impossible de charger l’activité plus ancienne : { $message }
popover-activity-loadOlder = Afficher l’activité plus ancienne
popover-activity-loadingOlder = Chargement de l’activité plus ancienne…
popover-activity-end = C’est tout.
popover-activity-searchLimit = Affichage des { $count } résultats les plus récents.
popover-activity-download = Télécharger
popover-activity-downloadLabel = Télécharger { $name }
popover-activity-downloadFailed = Le téléchargement n’a pas pu démarrer : { $message }
popover-activity-preview = Aperçu de { $name }
popover-activity-openPreviewLabel = Ouvrir { $name } dans le navigateur

## L’éditeur de statut

status-title = Définir le statut
status-now = Votre statut actuel
status-clearsAt = Jusqu’à { $when }
status-failed = Impossible de modifier le statut : { $message }
status-loadFailed = Impossible de charger le statut : { $message }
status-type-heading = Statut en ligne
status-type-online = En ligne
status-type-away = Absent
status-type-dnd = Ne pas déranger
status-type-busy = Occupé
status-type-invisible = Invisible
status-type-offline = Hors ligne
status-type-dnd-hint = Désactiver toutes les notifications
status-type-invisible-hint = Apparaître hors ligne
status-restore-automatic = Votre statut a été défini automatiquement ({ $current }).
status-restore-button = Rétablir : { $previous }
status-predefined-heading = Messages prédéfinis
status-predefined-none = Le serveur ne propose aucun message prédéfini.
status-custom-heading = Votre propre message
status-custom-label = Quel est votre statut ?
status-custom-placeholder = Quel est votre statut ?
status-custom-set = Définir le message
status-custom-clear = Effacer le message
status-custom-needsText = Écrivez d’abord un message.
status-count = { $count }/{ $limit }
status-count-label = { $count } caractères sur { $limit }
status-tooLong = Le message compte { $count } caractères ; { $limit } au maximum sont autorisés.
status-emoji-choose = Choisir un emoji
status-emoji-current = Emoji : { $emoji }
status-emoji-none = Aucun emoji
status-emoji-grid = Emojis courants
status-emoji-typeLabel = Ou saisissez-en un
status-emoji-typePlaceholder = Saisissez ou collez un emoji
status-emoji-use = Utiliser
status-emoji-notOne = Saisissez exactement un emoji.
status-emoji-remove = Retirer l’emoji
status-clearAfter-label = Effacer le statut après
status-clearAfter-dont-clear = Ne pas effacer
status-clearAfter-thirty-minutes = 30 minutes
status-clearAfter-one-hour = 1 heure
status-clearAfter-four-hours = 4 heures
status-clearAfter-today = Aujourd’hui
status-clearAfter-this-week = Cette semaine
status-clearAfter-minutes = { $count ->
        [one] { $count } minute
        [many] { $count } minutes
       *[other] { $count } minutes
    }
status-clearAfter-hours = { $count ->
        [one] { $count } heure
        [many] { $count } heures
       *[other] { $count } heures
    }
status-clearAfter-oneHour = 1 heure
status-presets-heading = Préréglages
status-presets-none = Aucun préréglage pour l’instant. Enregistrez votre statut actuel pour le rétablir en un clic.
status-presets-saveCurrent = Enregistrer le statut actuel comme préréglage…
status-presets-apply = Appliquer
status-presets-edit = Modifier
status-presets-applyNamed = Appliquer le préréglage { $name }
status-presets-editNamed = Modifier le préréglage { $name }
status-presets-deleteNamed = Supprimer le préréglage { $name }
status-presets-clearsAfter = effacé après { $duration }
status-presets-failed = Impossible d’enregistrer le préréglage : { $message }
status-preset-newHeading = Nouveau préréglage
status-preset-editHeading = Modifier le préréglage
status-preset-name = Nom
status-preset-status = Statut
status-preset-message = Message
status-preset-needsName = Donnez un nom au préréglage.
status-preset-clearAfterNote = Les préréglages s’effacent après une durée fixe ; « Aujourd’hui » et « Cette semaine » ne sont pas proposés ici.

## Discussion rapide Talk

chat-title = Talk
chat-choose = Choisissez une conversation, ou créez-en une avec +.
chat-rooms-title = Conversations
chat-rooms-search = Rechercher des conversations
chat-rooms-new = Nouvelle conversation
chat-rooms-none = Aucune conversation pour l’instant.
chat-rooms-noMatch = Aucune conversation ne correspond à « { $query } ».
chat-rooms-favorite = Favori
chat-rooms-mentioned = Vous avez été mentionné
chat-rooms-unread = { $count ->
        [one] { $count } non lu
        [many] { $count } non lus
       *[other] { $count } non lus
    }
chat-rooms-unreadMention = { $count ->
        [one] { $count } non lu, vous avez été mentionné
        [many] { $count } non lus, vous avez été mentionné
       *[other] { $count } non lus, vous avez été mentionné
    }
chat-room-favorite = Ajouter aux favoris
chat-room-unfavorite = Retirer des favoris
chat-room-joinCall = Rejoindre l’appel
chat-room-callLive = Appel en cours
chat-room-settings = Paramètres
chat-history-title = Messages
chat-history-older = Charger les messages plus anciens
chat-history-start = C’est le début de la conversation.
chat-message-reply = Répondre
chat-message-replyTo = Répondre à { $author }
chat-message-react = Réagir
chat-message-reaction = { $emoji } { $count } : réagir ou retirer votre réaction
chat-message-edited = (modifié)
chat-message-deleted = Message supprimé
chat-message-openFile = Ouvrir { $name } dans le navigateur
chat-composer-label = Message
chat-composer-placeholder = Écrire un message… (@ pour mentionner quelqu’un)
chat-composer-readOnly = Cette conversation est en lecture seule.
chat-composer-send = Envoyer
chat-composer-mentions = Mentionner quelqu’un
chat-composer-replyingTo = En réponse à { $author } :
chat-composer-cancelReply = Annuler la réponse
chat-settings-title = Paramètres de la conversation
chat-settings-name = Nom
chat-settings-rename = Renommer
chat-settings-favorite = Favori
chat-settings-notifications = Notifications
chat-settings-notifyDefault = Valeur par défaut du serveur
chat-settings-notifyAlways = Tous les messages
chat-settings-notifyMention = Mentions uniquement
chat-settings-notifyNever = Aucune
chat-settings-guests = Autoriser les invités (toute personne ayant le lien)
chat-settings-passwordSet = Mot de passe pour les invités
chat-settings-passwordChange = Nouveau mot de passe pour les invités
chat-settings-passwordRemove = Supprimer le mot de passe
chat-settings-leave = Quitter la conversation
chat-settings-leaveConfirm = Vraiment quitter ?
chat-settings-delete = Supprimer la conversation
chat-settings-deleteConfirm = Vraiment supprimer pour tout le monde ?
chat-participants-title = Participants ({ $count })
chat-participants-you = (vous)
chat-participants-owner = Propriétaire
chat-participants-moderator = Modérateur
chat-participants-guest = Invité
chat-participants-promote = Promouvoir modérateur
chat-participants-promoteNamed = Promouvoir { $name } modérateur
chat-participants-demote = Retirer les droits de modérateur
chat-participants-demoteNamed = Rétrograder { $name } en simple participant
chat-participants-remove = Retirer
chat-participants-removeNamed = Retirer { $name } de la conversation
chat-participants-add = Ajouter quelqu’un
chat-participants-userId = Identifiant d’utilisateur
chat-participants-addButton = Ajouter
chat-new-title = Nouvelle conversation
chat-new-kind = Type
chat-new-oneToOne = Avec une personne
chat-new-group = Groupe
chat-new-public = Publique (les invités peuvent rejoindre par lien)
chat-new-userId = Son identifiant d’utilisateur
chat-new-name = Nom
chat-new-password = Mot de passe pour les invités (facultatif)
chat-new-create = Créer

## Comptes et paramètres

accounts-title = Comptes et paramètres
accounts-loadFailed = Impossible de charger les comptes : { $message }
accounts-welcome = Bienvenue dans nctray. Connectez-vous à votre Nextcloud : saisissez son adresse et autorisez nctray dans le navigateur. Ou choisissez « Essayer la démo » dans le menu de la barre système pour découvrir d’abord l’application.
accounts-about-heading = À propos de nctray
accounts-about-version = Version { $version }
accounts-about-logs = Fichiers journaux : { $folder }
accounts-about-openLogs = Ouvrir le dossier des journaux
accounts-about-failed = Impossible d’ouvrir le dossier : { $message }
accounts-list-heading = Comptes
accounts-list-none = Aucun compte pour l’instant. Connectez-vous ci-dessous.
accounts-list-shown = Affiché dans les fenêtres
accounts-list-show = Afficher dans les fenêtres
accounts-list-primary = Icône de la barre système
accounts-list-demo = Serveur de démonstration, supprimé à la fermeture de nctray
accounts-list-pause = Suspendre
accounts-list-resume = Reprendre
accounts-list-remove = Retirer
accounts-list-removeConfirm = Retirer { $account } ? Son mot de passe d’application sera révoqué sur le serveur et supprimé du trousseau de clés.
accounts-list-removeYes = Retirer le compte
accounts-list-removed = { $account } a été retiré.
accounts-list-removedServerKept = { $account } a été retiré de nctray, mais le serveur n’a pas pu révoquer son mot de passe d’application ({ $reason }). Révoquez-le dans les paramètres de sécurité du serveur.
accounts-list-failed = Cela n’a pas fonctionné : { $message }
accounts-connection-starting = Connexion…
accounts-connection-online = En ligne
accounts-connection-offline = Hors ligne
accounts-connection-maintenance = Serveur en maintenance
accounts-connection-sign_in_needed = Connexion requise : retirez le compte et reconnectez-vous
accounts-connection-certificate_changed = Certificat modifié : rien n’est envoyé. Si le serveur a vraiment un nouveau certificat, retirez le compte et reconnectez-vous pour vérifier le nouveau certificat et lui faire confiance
accounts-connection-paused = En pause
accounts-signIn-heading = Ajouter un compte
accounts-signIn-server = Adresse du serveur
accounts-signIn-placeholder = cloud.example.com
accounts-signIn-start = Se connecter
accounts-signIn-starting = Ouverture du navigateur…
accounts-signIn-useDemo = Essayer avec le serveur de démonstration
accounts-signIn-waiting = Autorisez nctray dans la fenêtre du navigateur qui vient de s’ouvrir.
accounts-signIn-expiresIn = En attente d’autorisation — expire dans { $time }
accounts-signIn-loginPage = Page de connexion :
accounts-signIn-unencrypted = Cette adresse commence par http:// et non par https:// : votre mot de passe d’application et tout ce que nctray synchronise circuleraient sans chiffrement, lisibles par quiconque sur le trajet. Annulez et utilisez https://, sauf si ce réseau est le vôtre.
accounts-signIn-reopen = Rouvrir la page de connexion
accounts-signIn-cancel = Annuler la connexion
accounts-signIn-cancelled = Connexion annulée.
accounts-signIn-expired = La connexion a expiré : elle n’a pas été autorisée dans les 20 minutes. Reconnectez-vous pour obtenir une nouvelle page de connexion.
accounts-signIn-again = Se reconnecter
accounts-signIn-done = Connecté en tant que { $name }.
accounts-signIn-failed = Échec de la connexion : { $message }
accounts-signIn-untrusted-heading = Le certificat de ce serveur n’est pas approuvé
accounts-signIn-untrusted-explain = Votre système ne sait pas qui l’a signé. S’il s’agit du certificat de votre propre serveur (autosigné ou émis par votre propre autorité), comparez l’empreinte avec celle que voit l’administrateur du serveur, puis faites confiance à ce certificat précis pour ce compte. nctray refusera tout autre certificat.
accounts-signIn-untrusted-subject = Délivré à
accounts-signIn-untrusted-issuer = Délivré par
accounts-signIn-untrusted-validFrom = Début de validité
accounts-signIn-untrusted-validUntil = Fin de validité
accounts-signIn-untrusted-fingerprint = Empreinte SHA-256
accounts-signIn-untrusted-trust = Faire confiance à ce certificat pour ce compte
accounts-signIn-untrusted-back = Ne pas lui faire confiance
accounts-settings-heading = Paramètres
accounts-settings-language = Langue
accounts-settings-language-automatic = Automatique (selon votre Nextcloud ou le bureau)
accounts-settings-poll = Vérifier les notifications
accounts-settings-poll-server = Comme le suggère le serveur
accounts-settings-poll-every = Toutes les { $time }
accounts-settings-poll-hint = Si le serveur envoie des notifications push, ces vérifications ne sont qu’un filet de sécurité.
accounts-settings-away = Me mettre absent après inactivité (minutes)
accounts-settings-appearance = Apparence
accounts-settings-appearance-system = Comme le bureau
accounts-settings-appearance-light = Clair
accounts-settings-appearance-dark = Sombre
accounts-settings-startAtLogin = Démarrer nctray à l’ouverture de session
accounts-settings-popups = Pop-ups
accounts-settings-popups-hint = Les notifications des applications désactivées ici restent visibles dans la liste des notifications.
accounts-settings-saved = Enregistré.
accounts-settings-failed = Les paramètres n’ont pas été enregistrés : { $message }
accounts-app-spreed = Talk
accounts-app-files_sharing = Partages
accounts-app-dav = Agenda
accounts-time-seconds = { $n } s
accounts-time-minutes = { $n } min
