# Les textes de nctray hors des fenêtres, en français : menu et info-bulle de l’icône,
# notifications du bureau, titres des fenêtres, erreurs, connexion et trousseau de clés.
# Traduit de locales/en/app.ftl ; les identifiants et les variables ({ $name }) restent inchangés.

## Les statuts, nommés comme dans l’interface web de Nextcloud

status-online = En ligne
status-away = Absent
status-dnd = Ne pas déranger
status-busy = Occupé
status-invisible = Invisible
status-offline = Hors ligne
# Un statut avec son message, p. ex. « Absent — 🌴 En vacances ».
status-with-message = { $status } — { $message }

## Le menu de l’icône

tray-sign-in = Se connecter…
tray-try-demo = Essayer la démo
tray-quit = Quitter
tray-unlock-keyring = Déverrouiller
tray-retry-keyring = Réessayer
tray-keyring-locked = Le trousseau de clés est verrouillé : la synchronisation l’attend
tray-keyring-unavailable = Le trousseau de clés est inaccessible : la synchronisation l’attend
tray-keyring-opening = Ouverture des comptes…
# La première ligne du menu pendant la démo.
tray-demo-status = Démo : { $status }
tray-clear-message = Effacer le message
tray-restore-status = Rétablir le statut précédent
tray-open-popover = Notifications et activité…
tray-open-status = Définir le statut…
tray-open-chat = Talk…
tray-open-accounts = Comptes et paramètres…
tray-demo-notification = Afficher une notification de démonstration

## L’info-bulle de l’icône ($name vaut « nctray » ou tray-name-demo)

tray-name-demo = nctray (démo)
tray-tooltip-signed-out = nctray — non connecté
tray-tooltip = { $name } — { $text }
tray-tooltip-offline = { $name } — hors ligne : { $reason }
tray-tooltip-maintenance = { $name } — le serveur est en mode maintenance
tray-tooltip-sign-in-needed = { $name } — connexion requise
tray-tooltip-certificate-changed = { $name } — certificat modifié : synchronisation arrêtée, reconnectez-vous pour le vérifier
# A section of the menu per account when several are signed in.
tray-account-status = { $account } : { $status }
# What waits, in the menu's first line: "3 notifications, 2 mentions in Talk".
tray-waiting-notifications =
    { $count ->
        [one] { $count } notification
       *[other] { $count } notifications
    }
tray-waiting-mentions =
    { $count ->
        [one] { $count } mention dans Talk
       *[other] { $count } mentions dans Talk
    }
tray-waiting-both = { $notifications }, { $mentions }

## Notifications du bureau

# La notification qui en représente plusieurs à la fois.
popup-summary-notifications =
    { $count ->
        [one] { $count } nouvelle notification
        [many] { $count } nouvelles notifications
       *[other] { $count } nouvelles notifications
    }
# Under a summary's first subjects: how many more it stands for.
popup-summary-more = et { $count } autres
popup-open = Ouvrir
popup-reply = Répondre
# Le texte indicatif du champ où l’on tape une réponse dans la notification.
popup-reply-placeholder = Écrire une réponse…
popup-settings-unreadable = nctray : impossible de lire les paramètres
popup-settings-moved = Ils ont été déplacés vers { $path }. Reconnectez-vous pour continuer.
popup-cache-rebuilt = nctray : le cache a été reconstruit
popup-cache-unusable = nctray ne peut pas utiliser son cache
popup-sign-in-needed = nctray : connexion requise
popup-sign-in-needed-body = Le serveur n’accepte plus ce mot de passe d’application. Ajoutez de nouveau le compte pour reprendre.
popup-status-failed = nctray : le statut n’a pas changé
popup-demo-failed = nctray : la démo n’a pas démarré
popup-keyring-still-locked = nctray : le trousseau de clés est toujours verrouillé

## Titres des fenêtres

window-title-popover = nctray
window-title-status = Définir le statut — nctray
window-title-chat = Talk — nctray
window-title-accounts = Comptes et paramètres — nctray
# Le titre de toute fenêtre pendant la démo.
window-title-demo = { $title } (démo)

## Erreurs montrées aux personnes ($detail est le message du serveur lui-même ou la cause technique)

error-unauthorized = Le serveur n’a pas accepté le nom de connexion et le mot de passe d’application (le mot de passe d’application a peut-être été révoqué)
error-not-found = Introuvable sur le serveur
error-not-found-detail = Introuvable sur le serveur : { $detail }
error-refused = Le serveur a refusé la requête (code { $code })
error-refused-detail = Le serveur a refusé la requête : { $detail }
error-no-content = Le serveur n’a rien à afficher : aucun type d’activité n’est sélectionné pour le flux
error-maintenance = Le serveur est en mode maintenance ; réessayez plus tard
error-http = Le serveur a répondu HTTP { $status }
error-http-detail = Le serveur a répondu HTTP { $status } : { $detail }
error-decode = Le serveur a envoyé une réponse que nctray ne peut pas lire : { $detail }
error-too-large = La réponse du serveur dépasse { $limit } Mio ; nctray a cessé de la lire
error-network = Impossible de joindre le serveur : { $detail }
error-certificate = Le certificat du serveur a été refusé : { $detail }
error-proxy-unreachable = Le proxy est injoignable : { $detail }
error-proxy-login-refused = Le proxy a refusé l’identifiant : { $detail }
error-database = Erreur de la base de données du cache : { $detail }
error-newer-database = Le cache a été écrit par une version plus récente de nctray (version de schéma { $found }, celle-ci connaît jusqu’à la { $known }) ; mettez nctray à jour
error-config = Les paramètres sont inutilisables : { $detail }

## Choix de la langue

# --lang ou les paramètres désignent une langue dans laquelle nctray n’est pas traduit.
language-unknown = nctray n’a pas de traduction pour « { $language } ». Langues disponibles : { $available }

## Connexion et trousseau de clés

sign-in-none-waiting = Aucune connexion en attente. Saisissez l’adresse du serveur et connectez-vous.
sign-in-address-missing = Saisissez l’adresse de votre serveur.
sign-in-address-invalid = « { $address } » n’est pas une adresse de serveur.
sign-in-address-scheme = « { $address } » n’est pas une adresse de serveur : elle doit commencer par https:// ou http://.
sign-in-unreachable = Impossible de joindre { $server }. Vérifiez l’adresse et votre connexion. ({ $reason })
sign-in-no-nextcloud = Aucun Nextcloud n’a répondu à l’adresse { $server }. Vérifiez l’adresse.
sign-in-cancelled = Connexion annulée.
sign-in-stopped-unreachable = Connexion interrompue : { $server } a été injoignable { $times } fois de suite ({ $reason }). Vérifiez votre connexion et recommencez.
sign-in-expired = La connexion a expiré : elle n’a pas été autorisée dans les { $minutes } minutes. Recommencez.
