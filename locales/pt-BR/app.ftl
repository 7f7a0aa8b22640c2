# nctray's own texts outside the windows, in Brazilian Portuguese. Follows locales/en/app.ftl:
# same identifiers, same variables.

## Statuses, named as Nextcloud's web UI names them

status-online = Online
status-away = Ausente
status-dnd = Não perturbe
status-busy = Ocupado
status-invisible = Invisível
status-offline = Offline
status-with-message = { $status } — { $message }

## The tray menu

tray-sign-in = Entrar…
tray-try-demo = Experimentar a demonstração
tray-quit = Sair
tray-unlock-keyring = Desbloquear
tray-retry-keyring = Tentar novamente
tray-keyring-locked = O chaveiro está bloqueado: a sincronização aguarda o desbloqueio
tray-keyring-unavailable = Não foi possível acessar o chaveiro: a sincronização aguarda
tray-keyring-opening = Abrindo as contas…
tray-demo-status = Demonstração: { $status }
tray-clear-message = Limpar mensagem
tray-restore-status = Restaurar status anterior
tray-open-popover = Notificações e atividades…
tray-open-status = Definir status…
tray-open-chat = Talk…
tray-open-accounts = Contas e configurações…
tray-demo-notification = Mostrar uma notificação de demonstração

## The tray's tooltip ($name is "nctray" or tray-name-demo)

tray-name-demo = nctray (Demonstração)
tray-tooltip-signed-out = nctray — sem login
tray-tooltip = { $name } — { $text }
tray-tooltip-offline = { $name } — offline: { $reason }
tray-tooltip-maintenance = { $name } — o servidor está em modo de manutenção
tray-tooltip-sign-in-needed = { $name } — é preciso entrar
tray-tooltip-certificate-changed = { $name } — o certificado mudou: sincronização parada, entre novamente para verificá-lo

## Desktop popups

popup-summary-notifications =
    { $count ->
        [one] { $count } nova notificação
       *[other] { $count } novas notificações
    }
popup-open = Abrir
popup-reply = Responder
popup-reply-placeholder = Escreva uma resposta…
popup-settings-unreadable = nctray: não foi possível ler as configurações
popup-settings-moved = As configurações foram movidas para { $path }. Entre novamente para continuar.
popup-cache-rebuilt = nctray: o cache foi reconstruído
popup-cache-unusable = O nctray não consegue usar seu cache
popup-sign-in-needed = nctray: é preciso entrar
popup-sign-in-needed-body = O servidor não aceita mais esta senha de aplicativo. Adicione a conta novamente para continuar.
popup-status-failed = nctray: o status não foi alterado
popup-demo-failed = nctray: a demonstração não foi iniciada
popup-keyring-still-locked = nctray: o chaveiro ainda está bloqueado

## Window titles

window-title-popover = nctray
window-title-status = Definir status — nctray
window-title-chat = Talk — nctray
window-title-accounts = Contas e configurações — nctray
window-title-demo = { $title } (Demonstração)
