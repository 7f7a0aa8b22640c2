# Los textos de nctray fuera de las ventanas, en español: menú y descripción del icono de la
# bandeja, ventanas emergentes del escritorio, títulos de ventana, errores, inicio de sesión y llavero.
# Traducido de locales/en/app.ftl; los identificadores y las variables ({ $name }) no cambian.

## Los estados, con los nombres de la interfaz web de Nextcloud

status-online = En línea
status-away = Ausente
status-dnd = No molestar
status-busy = Ocupado
status-invisible = Invisible
status-offline = Desconectado
# Un estado con su mensaje, p. ej. «Ausente — 🌴 De vacaciones».
status-with-message = { $status } — { $message }

## El menú de la bandeja

tray-sign-in = Iniciar sesión…
tray-try-demo = Probar la demo
tray-quit = Salir
tray-unlock-keyring = Desbloquear
tray-retry-keyring = Reintentar
tray-keyring-locked = El llavero está bloqueado: la sincronización espera a que se desbloquee
tray-keyring-unavailable = No se puede acceder al llavero: la sincronización espera
tray-keyring-opening = Abriendo las cuentas…
# La primera línea del menú mientras se ejecuta la demo.
tray-demo-status = Demo: { $status }
tray-clear-message = Borrar mensaje
tray-restore-status = Restaurar el estado anterior
tray-open-popover = Notificaciones y actividad…
tray-open-status = Establecer estado…
tray-open-chat = Talk…
tray-open-accounts = Cuentas y configuración…
tray-demo-notification = Mostrar una notificación de demostración

## La descripción emergente de la bandeja ($name es «nctray» o tray-name-demo)

tray-name-demo = nctray (demo)
tray-tooltip-signed-out = nctray — sin sesión iniciada
tray-tooltip = { $name } — { $text }
tray-tooltip-offline = { $name } — desconectado: { $reason }
tray-tooltip-maintenance = { $name } — el servidor está en modo de mantenimiento
tray-tooltip-sign-in-needed = { $name } — hay que iniciar sesión
tray-tooltip-certificate-changed = { $name } — el certificado ha cambiado: sincronización detenida, vuelve a iniciar sesión para comprobarlo
# A section of the menu per account when several are signed in.
tray-account-status = { $account }: { $status }
# What waits, in the menu's first line: "3 notifications, 2 mentions in Talk".
tray-waiting-notifications =
    { $count ->
        [one] 1 notificación
       *[other] { $count } notificaciones
    }
tray-waiting-mentions =
    { $count ->
        [one] 1 mención en Talk
       *[other] { $count } menciones en Talk
    }
tray-waiting-both = { $notifications }, { $mentions }

## Ventanas emergentes del escritorio

# La ventana emergente que representa muchas notificaciones a la vez.
popup-summary-notifications =
    { $count ->
        [one] { $count } notificación nueva
       *[other] { $count } notificaciones nuevas
    }
# Under a summary's first subjects: how many more it stands for.
popup-summary-more = y { $count } más
popup-open = Abrir
popup-reply = Responder
# El texto de ayuda del campo donde se escribe una respuesta en la ventana emergente.
popup-reply-placeholder = Escribe una respuesta…
popup-settings-unreadable = nctray: no se pudo leer la configuración
popup-settings-moved = Se ha movido a { $path }. Vuelve a iniciar sesión para continuar.
popup-cache-rebuilt = nctray: se ha reconstruido la caché
popup-cache-unusable = nctray no puede usar su caché
popup-sign-in-needed = nctray: hay que iniciar sesión
popup-sign-in-needed-body = El servidor ya no acepta esta contraseña de aplicación. Vuelve a añadir la cuenta para continuar.
popup-status-failed = nctray: el estado no ha cambiado
popup-demo-failed = nctray: la demo no se ha iniciado
popup-keyring-still-locked = nctray: el llavero sigue bloqueado

## Títulos de las ventanas

window-title-popover = nctray
window-title-status = Establecer estado — nctray
window-title-chat = Talk — nctray
window-title-accounts = Cuentas y configuración — nctray
# El título de cualquier ventana mientras se ejecuta la demo.
window-title-demo = { $title } (demo)

## Errores que se muestran a las personas ($detail es el mensaje del propio servidor o la causa técnica)

error-unauthorized = El servidor no aceptó el nombre de inicio de sesión y la contraseña de aplicación (puede que la contraseña de aplicación se haya revocado)
error-not-found = No se encontró en el servidor
error-not-found-detail = No se encontró en el servidor: { $detail }
error-refused = El servidor rechazó la solicitud (código { $code })
error-refused-detail = El servidor rechazó la solicitud: { $detail }
error-no-content = El servidor no tiene nada que mostrar: no hay tipos de actividad seleccionados para el flujo
error-maintenance = El servidor está en modo de mantenimiento; inténtalo más tarde
error-http = El servidor respondió HTTP { $status }
error-http-detail = El servidor respondió HTTP { $status }: { $detail }
error-decode = El servidor envió una respuesta que nctray no puede leer: { $detail }
error-too-large = La respuesta del servidor supera los { $limit } MiB; nctray dejó de leerla
error-network = No se pudo acceder al servidor: { $detail }
error-certificate = Se rechazó el certificado del servidor: { $detail }
error-proxy-unreachable = No se puede acceder al proxy: { $detail }
error-proxy-login-refused = El proxy rechazó el inicio de sesión: { $detail }
error-database = Error en la base de datos de la caché: { $detail }
error-newer-database = La caché la escribió un nctray más reciente (versión de esquema { $found }; este conoce hasta la { $known }); actualiza nctray
error-config = No se puede usar la configuración: { $detail }

## Elegir el idioma

# --lang o la configuración indican un idioma al que nctray no está traducido.
language-unknown = nctray no tiene traducción para «{ $language }». Disponibles: { $available }

## Inicio de sesión y llavero

sign-in-none-waiting = No hay ningún inicio de sesión pendiente. Introduce la dirección del servidor e inicia sesión.
sign-in-address-missing = Introduce la dirección de tu servidor.
sign-in-address-invalid = «{ $address }» no es una dirección de servidor.
sign-in-address-scheme = «{ $address }» no es una dirección de servidor: debe empezar por https:// o http://.
sign-in-unreachable = No se puede acceder a { $server }. Comprueba la dirección y tu conexión. ({ $reason })
sign-in-no-nextcloud = Ningún Nextcloud respondió en { $server }. Comprueba la dirección.
sign-in-cancelled = Inicio de sesión cancelado.
sign-in-stopped-unreachable = Inicio de sesión detenido: no se pudo acceder a { $server } { $times } veces seguidas ({ $reason }). Comprueba tu conexión y vuelve a empezar.
sign-in-expired = El inicio de sesión ha caducado: no se aprobó en { $minutes } minutos. Vuelve a empezar.
