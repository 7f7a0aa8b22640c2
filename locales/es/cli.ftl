# La salida legible de la línea de órdenes en español (no `--json`, que es igual en todos los
# idiomas para los scripts). Traducido de locales/en/cli.ftl; los identificadores y las variables
# ({ $name }) no cambian. Lo que se escribe en la línea de órdenes (`nctray account add`, --all,
# --proxy-password-env, los valores online, away…) se queda tal cual.

## El idioma (--lang)

# $available enumera los idiomas que habla nctray, como etiquetas: «en, de, fr, …».
cli-lang-unknown = nctray no tiene traducción a «{ $value }»; elige uno de estos: { $available }

## Los estados, con los nombres de la interfaz web de Nextcloud

cli-status-online = En línea
cli-status-away = Ausente
cli-status-dnd = No molestar
cli-status-busy = Ocupado
cli-status-invisible = Invisible
cli-status-offline = Desconectado
# Un estado con su emoji y su mensaje, p. ej. «Ausente — 🌴 De vacaciones».
cli-status-with-message = { $status } — { $message }

## nctray status

cli-status-not-a-status = «{ $text }» no es un estado; elige online, away, dnd, invisible u offline
cli-status-not-a-duration = «{ $text }» no es una duración como 30m, 1h o 1d
cli-status-duration-unit = «{ $text }»: usa s, m, h o d
cli-status-message-choose = indica --predefined <id> o --clear
# Un preajuste en `nctray status preset list`: su nombre, estado, emoji y mensaje.
cli-preset-line = { $name }: { $status } { $text }
# Tras la línea de un preajuste, cuando borra su mensaje; $duration es uno de los cli-duration-*.
cli-preset-clears-after = (se borra tras { $duration })

## Duraciones

# Solo se usan dentro de cli-preset-clears-after («tras 2 días»): usa la forma que pide esa frase.
cli-duration-seconds =
    { $count ->
        [one] { $count } segundo
       *[other] { $count } segundos
    }
cli-duration-minutes =
    { $count ->
        [one] { $count } minuto
       *[other] { $count } minutos
    }
cli-duration-hours =
    { $count ->
        [one] { $count } hora
       *[other] { $count } horas
    }
cli-duration-days =
    { $count ->
        [one] { $count } día
       *[other] { $count } días
    }

## Cuando no se puede acceder al servidor (en la salida de error)

cli-offline-notifications = No se puede acceder a { $server } ({ $reason }); se muestran las notificaciones en caché
cli-offline-activities = No se puede acceder a { $server } ({ $reason }); se muestran las actividades en caché

## nctray notifications

cli-notifications-none = No hay notificaciones
# Nada nuevo, pero $count notificaciones que la bandeja ya mostró siguen en el servidor.
cli-notifications-none-new =
    { $count ->
        [one] No hay notificaciones nuevas ({ $count } ya mostrada; `nctray notifications --all` la muestra)
       *[other] No hay notificaciones nuevas ({ $count } ya mostradas; `nctray notifications --all` las muestra)
    }
cli-notifications-dismissed-all = Se descartaron todas las notificaciones
# $id es el número de la notificación tal como lo muestra la lista tras «#».
cli-notifications-dismissed = Se descartó #{ $id }
cli-notifications-dismiss-choose = indica cuál: un id o --all

## nctray activity

cli-activity-none = No hay actividades

## nctray talk

cli-talk-no-rooms = No hay conversaciones.
# Debajo de la lista de conversaciones (sin contar las silenciadas).
cli-talk-unread-summary =
    { $unread ->
        [one] { $unread } mensaje sin leer
       *[other] { $unread } mensajes sin leer
    }, { $mentions ->
        [one] te han mencionado en { $mentions } conversación
       *[other] te han mencionado en { $mentions } conversaciones
    }

## nctray accounts

cli-accounts-none = No hay cuentas; añade una con `nctray account add --server URL --login NAME --password-stdin`
# $account es login@servidor; $password uno de los textos cli-accounts-password-*.
cli-accounts-line = { $account }: { $password }
cli-accounts-line-default = { $account } (predeterminada): { $password }
cli-accounts-password-stored = contraseña de aplicación en el llavero
cli-accounts-password-missing = no hay contraseña de aplicación en el llavero (vuelve a añadirla con `nctray account add`)
cli-accounts-keyring-unavailable = llavero no disponible
cli-accounts-keyring-error = llavero no disponible: { $error }

## nctray account add

# $account es login@servidor, $name el nombre visible del usuario en el servidor.
cli-account-added = Se añadió { $account } ({ $name })
cli-account-cannot-read-password = no se puede leer la contraseña de aplicación de la entrada estándar
cli-account-no-password = no hay contraseña de aplicación en la entrada estándar
cli-account-unencrypted = aviso: { $server } usa http://, no https://: la contraseña de aplicación y todo lo que sincroniza la cuenta viajan sin cifrar y se pueden leer por el camino
cli-account-credentials-refused = el servidor no aceptó estas credenciales
cli-account-cannot-check = no se puede comprobar la cuenta
cli-account-trust-hint = Si es el certificado de tu servidor, confía en él para esta cuenta añadiendo:
cli-account-certificate-unreadable = no se pudieron leer sus detalles: { $error }
cli-account-proxy-password-in-url = no pongas ninguna contraseña en --proxy: indica con --proxy-password-env una variable de entorno que la contenga, para que vaya al llavero y no al archivo de configuración
cli-account-proxy-has-no-login = --proxy-password-env es para un usuario de proxy, pero { $address } no indica ninguno (escríbelo como http://LOGIN@host:port)
cli-account-proxy-needs-password = el usuario de proxy «{ $login }» necesita una contraseña: ponla en una variable de entorno e indícala con --proxy-password-env NAME
cli-account-proxy-variable-empty = la variable de entorno { $variable } no contiene ninguna contraseña para el usuario de proxy «{ $login }»

## nctray watch --format plain|waybar (el texto de la barra de estado y la descripción emergente de waybar)

cli-watch-disconnected = Desconectado
cli-watch-sign-in-needed = Hay que iniciar sesión
# Tras el estado, en la línea simple.
cli-watch-suffix-disconnected = (desconectado)
cli-watch-suffix-sign-in-needed = (hay que iniciar sesión)
cli-watch-new-notifications =
    { $count ->
        [one] { $count } notificación nueva
       *[other] { $count } notificaciones nuevas
    }
# Una línea de la descripción por cuenta: «login@servidor: Ausente — 🌴 De vacaciones, hay que iniciar sesión».
cli-watch-tooltip-account = { $account }: { $status }
cli-watch-status-unknown = estado desconocido
cli-watch-cannot-reach = no se puede acceder al servidor ({ $reason })
cli-watch-maintenance = servidor en modo de mantenimiento
cli-watch-sign-in = hay que iniciar sesión
cli-watch-certificate-changed = el certificado ha cambiado
# Entre las partes de una línea de la descripción (el estado, el problema de conexión, las
# notificaciones nuevas).
cli-watch-separator = { ", " }
