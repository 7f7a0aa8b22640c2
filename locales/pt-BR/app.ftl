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
tray-account-status = { $account }: { $status }
tray-waiting-notifications =
    { $count ->
        [one] { $count } notificação
       *[other] { $count } notificações
    }
tray-waiting-mentions =
    { $count ->
        [one] { $count } menção no Talk
       *[other] { $count } menções no Talk
    }
tray-waiting-both = { $notifications }, { $mentions }

## Desktop popups

popup-summary-notifications =
    { $count ->
        [one] { $count } nova notificação
       *[other] { $count } novas notificações
    }
popup-summary-more = e mais { $count }
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

## Errors shown to people ($detail is the server's own message or the technical cause)

error-unauthorized = O servidor não aceitou o nome de login e a senha de aplicativo (a senha de aplicativo pode ter sido revogada)
error-not-found = Não encontrado no servidor
error-not-found-detail = Não encontrado no servidor: { $detail }
error-refused = O servidor recusou a solicitação (código { $code })
error-refused-detail = O servidor recusou a solicitação: { $detail }
error-no-content = O servidor não tem nada a listar: nenhum tipo de atividade está selecionado para o fluxo
error-maintenance = O servidor está em modo de manutenção; tente novamente mais tarde
error-http = O servidor respondeu HTTP { $status }
error-http-detail = O servidor respondeu HTTP { $status }: { $detail }
error-decode = O servidor enviou uma resposta que o nctray não consegue ler: { $detail }
error-too-large = A resposta do servidor é maior que { $limit } MiB; o nctray parou de lê-la
error-network = Não foi possível acessar o servidor: { $detail }
error-certificate = O certificado do servidor foi recusado: { $detail }
error-proxy-unreachable = Não foi possível acessar o proxy: { $detail }
error-proxy-login-refused = O proxy recusou o login: { $detail }
error-database = O banco de dados do cache falhou: { $detail }
error-newer-database = O cache foi gravado por um nctray mais novo (versão do esquema { $found }; esta versão conhece até a { $known }); atualize o nctray
error-config = Não é possível usar as configurações: { $detail }

## Choosing the language

language-unknown = O nctray não tem tradução para “{ $language }”. Disponíveis: { $available }

## Sign-in and the keyring

sign-in-none-waiting = Nenhum login está aguardando. Digite o endereço do servidor e entre.
sign-in-address-missing = Digite o endereço do seu servidor.
sign-in-address-invalid = “{ $address }” não é um endereço de servidor.
sign-in-address-scheme = “{ $address }” não é um endereço de servidor: ele deve começar com https:// ou http://.
sign-in-unreachable = Não foi possível acessar { $server }. Verifique o endereço e sua conexão. ({ $reason })
sign-in-no-nextcloud = Nenhum Nextcloud respondeu em { $server }. Verifique o endereço.
sign-in-cancelled = Login cancelado.
sign-in-stopped-unreachable = Login interrompido: não foi possível acessar { $server } { $times } vezes seguidas ({ $reason }). Verifique sua conexão e comece de novo.
sign-in-expired = O login expirou: não foi aprovado em { $minutes } minutos. Comece de novo.
