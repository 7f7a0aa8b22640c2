# Las ventanas de nctray en español (tuteo).
# Traducido de locales/en/ui.ftl; los identificadores y las variables ({ $name }) no cambian.

## Compartido por todas las ventanas

app-name = nctray
common-retry = Reintentar
common-close = Cerrar
common-cancel = Cancelar
common-save = Guardar
common-delete = Eliminar
common-loading = Cargando…
common-demo = Demo
common-demoBanner = Demo: un Nextcloud simulado dentro de nctray. Aquí nada es real ni se conserva.

## El popover: notificaciones y actividad

popover-heading = Notificaciones y actividad
popover-loadUserFailed = No se pudo cargar tu cuenta: { $message }
popover-quota-label = Almacenamiento usado
popover-quota-used = { $used } de { $total } usados
popover-quota-usedUnlimited = { $used } usados
popover-status-clears = hasta { $when }
popover-status-edit = Establecer estado
popover-talk = Talk
popover-talk-label = Abrir Talk
popover-tabs-label = Qué mostrar
popover-tab-notifications = Notificaciones
popover-tab-activity = Actividad
popover-tab-count = { $count ->
        [one] { $count } nueva
       *[other] { $count } nuevas
    }
popover-notifications-list = Notificaciones
popover-notifications-empty = No hay notificaciones
popover-notifications-emptyHint = Estás al día.
popover-notifications-loadFailed = No se pudieron cargar las notificaciones: { $message }
popover-notifications-dismiss = Descartar
popover-notifications-dismissLabel = Descartar «{ $subject }»
popover-notifications-dismissAll = Descartar todas
popover-notifications-dismissFailed = No se pudo descartar la notificación: { $message }
popover-notifications-dismissAllFailed = No se pudieron descartar las notificaciones: { $message }
popover-notifications-open = Abrir
popover-notifications-openLabel = Abrir «{ $subject }» en el navegador
popover-notifications-actionFailed = «{ $action }» no funcionó: { $message }
popover-activity-list = Actividad
popover-activity-filter = Mostrar
popover-activity-allFilter = Toda la actividad
popover-activity-search = Buscar en la actividad
popover-activity-empty = Todavía no hay actividad
popover-activity-noMatches = Nada coincide con «{ $text }».
popover-activity-loadFailed = No se pudo cargar la actividad: { $message }
popover-activity-olderFailed = No se pudo cargar la actividad anterior: { $message }
popover-activity-loadOlder = Mostrar actividad anterior
popover-activity-loadingOlder = Cargando actividad anterior…
popover-activity-end = No hay nada más.
popover-activity-searchLimit = Se muestran las { $count } coincidencias más recientes.
popover-activity-download = Descargar
popover-activity-downloadLabel = Descargar { $name }
popover-activity-downloadFailed = No se pudo iniciar la descarga: { $message }
popover-activity-preview = Vista previa de { $name }
popover-activity-openPreviewLabel = Abrir { $name } en el navegador

## El editor de estado

status-title = Establecer estado
status-now = Tu estado actual
status-clearsAt = Hasta { $when }
status-failed = No se pudo cambiar el estado: { $message }
status-loadFailed = No se pudo cargar el estado: { $message }
status-type-heading = Estado en línea
status-type-online = En línea
status-type-away = Ausente
status-type-dnd = No molestar
status-type-busy = Ocupado
status-type-invisible = Invisible
status-type-offline = Desconectado
status-type-dnd-hint = Silenciar todas las notificaciones
status-type-invisible-hint = Aparecer desconectado
status-restore-automatic = Tu estado se estableció automáticamente ({ $current }).
status-restore-button = Restaurar: { $previous }
status-predefined-heading = Mensajes predefinidos
status-predefined-none = El servidor no ofrece mensajes predefinidos.
status-custom-heading = Tu propio mensaje
status-custom-label = ¿Cuál es tu estado?
status-custom-placeholder = ¿Cuál es tu estado?
status-custom-set = Establecer mensaje
status-custom-clear = Borrar mensaje
status-custom-needsText = Escribe primero un mensaje.
status-count = { $count }/{ $limit }
status-count-label = { $count } de { $limit } caracteres
status-tooLong = El mensaje tiene { $count } caracteres; se permiten como máximo { $limit }.
status-emoji-choose = Elegir un emoji
status-emoji-current = Emoji: { $emoji }
status-emoji-none = Sin emoji
status-emoji-grid = Emojis frecuentes
status-emoji-typeLabel = O escribe uno
status-emoji-typePlaceholder = Escribe o pega un emoji
status-emoji-use = Usar
status-emoji-notOne = Escribe exactamente un emoji.
status-emoji-remove = Quitar emoji
status-clearAfter-label = Borrar estado después de
status-clearAfter-dont-clear = No borrar
status-clearAfter-thirty-minutes = 30 minutos
status-clearAfter-one-hour = 1 hora
status-clearAfter-four-hours = 4 horas
status-clearAfter-today = Hoy
status-clearAfter-this-week = Esta semana
status-clearAfter-minutes = { $count ->
        [one] { $count } minuto
       *[other] { $count } minutos
    }
status-clearAfter-hours = { $count ->
        [one] { $count } hora
       *[other] { $count } horas
    }
status-clearAfter-oneHour = 1 hora
status-presets-heading = Preajustes
status-presets-none = Todavía no hay preajustes. Guarda tu estado actual para volver a ponerlo con un clic.
status-presets-saveCurrent = Guardar el actual como preajuste…
status-presets-apply = Aplicar
status-presets-edit = Editar
status-presets-applyNamed = Aplicar el preajuste { $name }
status-presets-editNamed = Editar el preajuste { $name }
status-presets-deleteNamed = Eliminar el preajuste { $name }
status-presets-clearsAfter = se borra tras { $duration }
status-presets-failed = No se pudo guardar el preajuste: { $message }
status-preset-newHeading = Nuevo preajuste
status-preset-editHeading = Editar preajuste
status-preset-name = Nombre
status-preset-status = Estado
status-preset-message = Mensaje
status-preset-needsName = Ponle un nombre al preajuste.
status-preset-clearAfterNote = Los preajustes se borran tras un tiempo fijo; «Hoy» y «Esta semana» no están disponibles aquí.

## Chat rápido de Talk

chat-title = Talk
chat-choose = Elige una conversación o empieza una nueva con +.
chat-rooms-title = Conversaciones
chat-rooms-search = Buscar conversaciones
chat-rooms-new = Nueva conversación
chat-rooms-none = Todavía no hay conversaciones.
chat-rooms-noMatch = Ninguna conversación coincide con «{ $query }».
chat-rooms-favorite = Favorita
chat-rooms-mentioned = Te han mencionado
chat-rooms-unread = { $count ->
        [one] { $count } sin leer
       *[other] { $count } sin leer
    }
chat-rooms-unreadMention = { $count } sin leer, te han mencionado
chat-room-favorite = Añadir a favoritos
chat-room-unfavorite = Quitar de favoritos
chat-room-joinCall = Unirse a la llamada
chat-room-callLive = Llamada en curso
chat-room-settings = Configuración
chat-history-title = Mensajes
chat-history-older = Cargar mensajes anteriores
chat-history-start = Este es el inicio de la conversación.
chat-message-reply = Responder
chat-message-replyTo = Responder a { $author }
chat-message-react = Reaccionar
chat-message-reaction = { $emoji } { $count }: reaccionar o retirar la reacción
chat-message-edited = (editado)
chat-message-deleted = Mensaje eliminado
chat-message-openFile = Abrir { $name } en el navegador
chat-composer-label = Mensaje
chat-composer-placeholder = Escribe un mensaje… (@ para mencionar a alguien)
chat-composer-readOnly = Esta conversación es de solo lectura.
chat-composer-send = Enviar
chat-composer-mentions = Mencionar a alguien
chat-composer-replyingTo = Respondiendo a { $author }:
chat-composer-cancelReply = Cancelar la respuesta
chat-settings-title = Configuración de la conversación
chat-settings-name = Nombre
chat-settings-rename = Renombrar
chat-settings-favorite = Favorita
chat-settings-notifications = Notificaciones
chat-settings-notifyDefault = Predeterminado del servidor
chat-settings-notifyAlways = Todos los mensajes
chat-settings-notifyMention = Solo menciones
chat-settings-notifyNever = Ninguna
chat-settings-guests = Permitir invitados (cualquiera con el enlace)
chat-settings-passwordSet = Contraseña para invitados
chat-settings-passwordChange = Nueva contraseña para invitados
chat-settings-passwordRemove = Quitar contraseña
chat-settings-leave = Salir de la conversación
chat-settings-leaveConfirm = ¿Seguro que quieres salir?
chat-settings-delete = Eliminar conversación
chat-settings-deleteConfirm = ¿Eliminarla para todos?
chat-participants-title = Participantes ({ $count })
chat-participants-you = (tú)
chat-participants-owner = Propietario
chat-participants-moderator = Moderador
chat-participants-guest = Invitado
chat-participants-promote = Hacer moderador
chat-participants-promoteNamed = Hacer moderador a { $name }
chat-participants-demote = Quitar como moderador
chat-participants-demoteNamed = Convertir a { $name } en participante normal
chat-participants-remove = Quitar
chat-participants-removeNamed = Quitar a { $name } de la conversación
chat-participants-add = Añadir a alguien
chat-participants-userId = ID de usuario
chat-participants-addButton = Añadir
chat-new-title = Nueva conversación
chat-new-kind = Tipo
chat-new-oneToOne = Con una persona
chat-new-group = Grupo
chat-new-public = Pública (los invitados pueden unirse con el enlace)
chat-new-userId = Su ID de usuario
chat-new-name = Nombre
chat-new-password = Contraseña para invitados (opcional)
chat-new-create = Crear

## Cuentas y configuración

accounts-title = Cuentas y configuración
accounts-loadFailed = No se pudieron cargar las cuentas: { $message }
accounts-welcome = Te damos la bienvenida a nctray. Inicia sesión en tu Nextcloud: introduce su dirección y aprueba nctray en el navegador. O elige «Probar la demo» en el menú de la bandeja para echar un vistazo primero.
accounts-about-heading = Acerca de nctray
accounts-about-version = Versión { $version }
accounts-about-logs = Archivos de registro: { $folder }
accounts-about-openLogs = Abrir carpeta de registros
accounts-about-failed = No se pudo abrir la carpeta: { $message }
accounts-list-heading = Cuentas
accounts-list-none = Todavía no hay ninguna cuenta. Inicia sesión abajo.
accounts-list-shown = Se muestra en las ventanas
accounts-list-show = Mostrar en las ventanas
accounts-list-primary = Icono de la bandeja
accounts-list-demo = Servidor de demostración, desaparece al cerrar nctray
accounts-list-pause = Pausar
accounts-list-resume = Reanudar
accounts-list-remove = Quitar
accounts-list-removeConfirm = ¿Quitar { $account }? Su contraseña de aplicación se revoca en el servidor y se borra del llavero.
accounts-list-removeYes = Quitar cuenta
accounts-list-removed = Se ha quitado { $account }.
accounts-list-removedServerKept = Se ha quitado { $account } de nctray, pero el servidor no pudo revocar su contraseña de aplicación ({ $reason }). Revócala en la configuración de seguridad del servidor.
accounts-list-failed = Eso no funcionó: { $message }
accounts-connection-starting = Conectando…
accounts-connection-online = En línea
accounts-connection-offline = Desconectado
accounts-connection-maintenance = Servidor en mantenimiento
accounts-connection-sign_in_needed = Hay que iniciar sesión: quita la cuenta y vuelve a iniciar sesión
accounts-connection-certificate_changed = El certificado ha cambiado: no se envía nada. Si el servidor tiene de verdad un certificado nuevo, quita la cuenta y vuelve a iniciar sesión para comprobarlo y confiar en él
accounts-connection-paused = En pausa
accounts-signIn-heading = Añadir una cuenta
accounts-signIn-server = Dirección del servidor
accounts-signIn-placeholder = cloud.example.com
accounts-signIn-start = Iniciar sesión
accounts-signIn-starting = Abriendo el navegador…
accounts-signIn-useDemo = Probar con el servidor de demostración
accounts-signIn-waiting = Aprueba nctray en la ventana del navegador que se ha abierto.
accounts-signIn-expiresIn = Esperando la aprobación — caduca en { $time }
accounts-signIn-loginPage = Página de inicio de sesión:
accounts-signIn-unencrypted = Esta dirección empieza por http://, no por https://: tu contraseña de aplicación y todo lo que sincroniza nctray viajarían sin cifrar, legibles por cualquiera en el camino. Cancela y usa https://, salvo que esta red sea tuya.
accounts-signIn-reopen = Abrir de nuevo la página de inicio de sesión
accounts-signIn-cancel = Cancelar el inicio de sesión
accounts-signIn-cancelled = Inicio de sesión cancelado.
accounts-signIn-expired = El inicio de sesión ha caducado: no se aprobó en 20 minutos. Vuelve a iniciar sesión para obtener una nueva página de inicio de sesión.
accounts-signIn-again = Volver a iniciar sesión
accounts-signIn-done = Sesión iniciada como { $name }.
accounts-signIn-failed = Error al iniciar sesión: { $message }
accounts-signIn-untrusted-heading = El certificado de este servidor no es de confianza
accounts-signIn-untrusted-explain = Tu sistema no sabe quién lo firmó. Si es el certificado de tu propio servidor (autofirmado o de tu propia autoridad), compara la huella digital con la que ve el administrador del servidor y confía solo en este certificado para esta cuenta. nctray rechazará cualquier otro.
accounts-signIn-untrusted-subject = Emitido para
accounts-signIn-untrusted-issuer = Emitido por
accounts-signIn-untrusted-validFrom = Válido desde
accounts-signIn-untrusted-validUntil = Válido hasta
accounts-signIn-untrusted-fingerprint = Huella digital SHA-256
accounts-signIn-untrusted-trust = Confiar en este certificado para esta cuenta
accounts-signIn-untrusted-back = No confiar
accounts-settings-heading = Configuración
accounts-settings-language = Idioma
accounts-settings-language-automatic = Automático (según tu Nextcloud o el escritorio)
accounts-settings-poll = Buscar notificaciones
accounts-settings-poll-server = Según indique el servidor
accounts-settings-poll-every = Cada { $time }
accounts-settings-poll-hint = Con notificaciones push en el servidor, estas comprobaciones son solo una red de seguridad.
accounts-settings-away = Ponerme ausente tras inactividad (minutos)
accounts-settings-appearance = Apariencia
accounts-settings-appearance-system = Como el escritorio
accounts-settings-appearance-light = Claro
accounts-settings-appearance-dark = Oscuro
accounts-settings-startAtLogin = Iniciar nctray al iniciar sesión
accounts-settings-popups = Ventanas emergentes
accounts-settings-popups-hint = Las notificaciones de las aplicaciones desactivadas aquí siguen apareciendo en la lista de notificaciones.
accounts-settings-saved = Guardado.
accounts-settings-failed = No se guardó la configuración: { $message }
accounts-app-spreed = Talk
accounts-app-files_sharing = Compartidos
accounts-app-dav = Calendario
accounts-time-seconds = { $n } s
accounts-time-minutes = { $n } min
