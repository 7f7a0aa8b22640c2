# La sortie lisible de la ligne de commande, en français (pas `--json`, identique dans toutes les
# langues pour les scripts). Traduit de locales/en/cli.ftl ; les identifiants et les variables
# ({ $name }) restent inchangés. Ce qui se tape sur la ligne de commande (`nctray account add`,
# --all, --proxy-password-env, les valeurs online, away …) reste tel quel.

## La langue (--lang)

# $available énumère les langues que parle nctray, sous forme d’étiquettes : « en, de, fr, … ».
cli-lang-unknown = nctray n’a pas de traduction en « { $value } » ; choisissez parmi { $available }

## Les statuts, nommés comme dans l’interface web de Nextcloud

cli-status-online = En ligne
cli-status-away = Absent
cli-status-dnd = Ne pas déranger
cli-status-busy = Occupé
cli-status-invisible = Invisible
cli-status-offline = Hors ligne
# Un statut avec son emoji et son message, p. ex. « Absent — 🌴 En vacances ».
cli-status-with-message = { $status } — { $message }

## nctray status

cli-status-not-a-status = « { $text } » n’est pas un statut ; choisissez online, away, dnd, invisible ou offline
cli-status-not-a-duration = « { $text } » n’est pas une durée comme 30m, 1h ou 1d
cli-status-duration-unit = « { $text } » : utilisez s, m, h ou d
cli-status-message-choose = indiquez --predefined <id> ou --clear
# Un préréglage dans `nctray status preset list` : son nom, son statut, son emoji et son message.
cli-preset-line = { $name } : { $status } { $text }
# Après la ligne d’un préréglage, quand il efface son message ; $duration est l’un des cli-duration-*.
cli-preset-clears-after = (effacé après { $duration })

## Durées

# Utilisé seulement dans cli-preset-clears-after (« après 2 jours ») : prendre la forme qu’il faut dans cette tournure.
cli-duration-seconds =
    { $count ->
        [one] { $count } seconde
        [many] { $count } secondes
       *[other] { $count } secondes
    }
cli-duration-minutes =
    { $count ->
        [one] { $count } minute
        [many] { $count } minutes
       *[other] { $count } minutes
    }
cli-duration-hours =
    { $count ->
        [one] { $count } heure
        [many] { $count } heures
       *[other] { $count } heures
    }
cli-duration-days =
    { $count ->
        [one] { $count } jour
        [many] { $count } jours
       *[other] { $count } jours
    }

## Quand le serveur est injoignable (sur la sortie d’erreur)

cli-offline-notifications = { $server } est injoignable ({ $reason }) ; affichage des notifications en cache
cli-offline-activities = { $server } est injoignable ({ $reason }) ; affichage des activités en cache

## nctray notifications

cli-notifications-none = Aucune notification
# Rien de nouveau, mais $count notifications déjà affichées par nctray sont encore sur le serveur.
cli-notifications-none-new =
    { $count ->
        [one] Aucune nouvelle notification ({ $count } déjà affichée ; `nctray notifications --all` la liste)
        [many] Aucune nouvelle notification ({ $count } déjà affichées ; `nctray notifications --all` les liste)
       *[other] Aucune nouvelle notification ({ $count } déjà affichées ; `nctray notifications --all` les liste)
    }
cli-notifications-dismissed-all = Toutes les notifications ont été ignorées
# $id est le numéro de la notification tel que la liste l’affiche après « # ».
cli-notifications-dismissed = Notification #{ $id } ignorée
cli-notifications-dismiss-choose = indiquez laquelle : un identifiant ou --all

## nctray activity

cli-activity-none = Aucune activité

## nctray talk

cli-talk-no-rooms = Aucune conversation.
# Sous la liste des conversations (celles en sourdine ne sont pas comptées).
cli-talk-unread-summary =
    { $unread ->
        [one] { $unread } message non lu
        [many] { $unread } messages non lus
       *[other] { $unread } messages non lus
    }, { $mentions ->
        [one] mentionné dans { $mentions } conversation
        [many] mentionné dans { $mentions } conversations
       *[other] mentionné dans { $mentions } conversations
    }

## nctray accounts

cli-accounts-none = Aucun compte ; ajoutez-en un avec `nctray account add --server URL --login NAME --password-stdin`
# $account vaut login@serveur ; $password est l’un des textes cli-accounts-password-*.
cli-accounts-line = { $account } : { $password }
cli-accounts-line-default = { $account } (par défaut) : { $password }
cli-accounts-password-stored = mot de passe d’application dans le trousseau de clés
cli-accounts-password-missing = aucun mot de passe d’application dans le trousseau de clés (ajoutez-le de nouveau avec `nctray account add`)
cli-accounts-keyring-unavailable = trousseau de clés indisponible
cli-accounts-keyring-error = trousseau de clés indisponible : { $error }

## nctray account add

# $account vaut login@serveur, $name est le nom d’affichage sur le serveur.
cli-account-added = { $account } ({ $name }) ajouté
cli-account-cannot-read-password = impossible de lire le mot de passe d’application sur l’entrée standard
cli-account-no-password = aucun mot de passe d’application sur l’entrée standard
cli-account-unencrypted = avertissement : { $server } utilise http:// et non https:// : le mot de passe d’application et tout ce que le compte synchronise circulent sans chiffrement et peuvent être lus en chemin
cli-account-credentials-refused = le serveur n’a pas accepté ces identifiants
cli-account-cannot-check = impossible de vérifier le compte
cli-account-trust-hint = S’il s’agit du certificat de votre serveur, faites-lui confiance pour ce compte en ajoutant :
cli-account-certificate-unreadable = ses détails n’ont pas pu être lus : { $error }
cli-account-proxy-password-in-url = ne mettez pas de mot de passe dans --proxy : indiquez avec --proxy-password-env une variable d’environnement qui le contient, pour qu’il aille dans le trousseau de clés et non dans le fichier de configuration
cli-account-proxy-has-no-login = --proxy-password-env sert à un identifiant de proxy, mais { $address } n’en indique aucun (écrivez-le sous la forme http://LOGIN@host:port)
cli-account-proxy-needs-password = l’identifiant de proxy « { $login } » nécessite un mot de passe : placez-le dans une variable d’environnement et indiquez-la avec --proxy-password-env NAME
cli-account-proxy-variable-empty = la variable d’environnement { $variable } ne contient aucun mot de passe pour l’identifiant de proxy « { $login } »

## nctray watch --format plain|waybar (le texte de la barre d’état et l’info-bulle de waybar)

cli-watch-disconnected = Déconnecté
cli-watch-sign-in-needed = Connexion requise
# Après le statut, dans la ligne simple.
cli-watch-suffix-disconnected = (déconnecté)
cli-watch-suffix-sign-in-needed = (connexion requise)
cli-watch-new-notifications =
    { $count ->
        [one] { $count } nouvelle notification
        [many] { $count } nouvelles notifications
       *[other] { $count } nouvelles notifications
    }
# Une ligne d’info-bulle par compte : « login@serveur : Absent — 🌴 En vacances, connexion requise ».
cli-watch-tooltip-account = { $account } : { $status }
cli-watch-status-unknown = statut inconnu
cli-watch-cannot-reach = serveur injoignable ({ $reason })
cli-watch-maintenance = serveur en mode maintenance
cli-watch-sign-in = connexion requise
cli-watch-certificate-changed = certificat modifié
# Entre les parties d’une ligne d’info-bulle (le statut, le problème de connexion, les nouvelles
# notifications).
cli-watch-separator = { ", " }
