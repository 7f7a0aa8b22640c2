# nctray's command line, in Brazilian Portuguese. Follows locales/en/cli.ftl: same identifiers,
# same variables. Things typed on the command line (options, commands, values) stay as in English.

## The language (--lang)

cli-lang-unknown = o nctray não tem tradução para “{ $value }”; escolha um destes: { $available }

## Statuses, named as Nextcloud's web UI names them

cli-status-online = Online
cli-status-away = Ausente
cli-status-dnd = Não perturbe
cli-status-busy = Ocupado
cli-status-invisible = Invisível
cli-status-offline = Offline
cli-status-with-message = { $status } — { $message }

## nctray status

cli-status-not-a-status = “{ $text }” não é um status; escolha online, away, dnd, invisible ou offline
cli-status-not-a-duration = “{ $text }” não é uma duração como 30m, 1h ou 1d
cli-status-duration-unit = “{ $text }”: use s, m, h ou d
cli-status-message-choose = informe --predefined <id> ou --clear
cli-preset-line = { $name }: { $status } { $text }
cli-preset-clears-after = (limpa após { $duration })

## Durations

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
        [one] { $count } dia
       *[other] { $count } dias
    }

## When the server cannot be reached (on standard error)

cli-offline-notifications = Não foi possível acessar { $server } ({ $reason }); mostrando as notificações em cache
cli-offline-activities = Não foi possível acessar { $server } ({ $reason }); mostrando as atividades em cache

## nctray notifications

cli-notifications-none = Nenhuma notificação
cli-notifications-none-new =
    { $count ->
        [one] Nenhuma notificação nova ({ $count } já exibida; `nctray notifications --all` a lista)
       *[other] Nenhuma notificação nova ({ $count } já exibidas; `nctray notifications --all` as lista)
    }
cli-notifications-dismissed-all = Todas as notificações foram dispensadas
cli-notifications-dismissed = Notificação #{ $id } dispensada
cli-notifications-dismiss-choose = diga qual: um id ou --all

## nctray activity

cli-activity-none = Nenhuma atividade

## nctray talk

cli-talk-no-rooms = Nenhuma conversa.
cli-talk-unread-summary =
    { $unread ->
        [one] { $unread } mensagem não lida
       *[other] { $unread } mensagens não lidas
    }, { $mentions ->
        [one] você foi mencionado em { $mentions } conversa
       *[other] você foi mencionado em { $mentions } conversas
    }

## nctray accounts

cli-accounts-none = Nenhuma conta; adicione uma com `nctray account add --server URL --login NAME --password-stdin`
cli-accounts-line = { $account }: { $password }
cli-accounts-line-default = { $account } (padrão): { $password }
cli-accounts-password-stored = senha de aplicativo no chaveiro
cli-accounts-password-missing = nenhuma senha de aplicativo no chaveiro (adicione-a novamente com `nctray account add`)
cli-accounts-keyring-unavailable = chaveiro indisponível
cli-accounts-keyring-error = chaveiro indisponível: { $error }

## nctray account add

cli-account-added = Conta { $account } ({ $name }) adicionada
cli-account-cannot-read-password = não foi possível ler a senha de aplicativo da entrada padrão
cli-account-no-password = nenhuma senha de aplicativo na entrada padrão
cli-account-unencrypted = aviso: { $server } usa http://, não https://: a senha de aplicativo e tudo o que a conta sincroniza trafegam sem criptografia e podem ser lidos no caminho
cli-account-credentials-refused = o servidor não aceitou estas credenciais
cli-account-cannot-check = não foi possível verificar a conta
cli-account-trust-hint = Se este for o certificado do seu servidor, confie nele para esta conta adicionando:
cli-account-certificate-unreadable = não foi possível ler os detalhes dele: { $error }
cli-account-proxy-password-in-url = não coloque senha em --proxy: indique com --proxy-password-env uma variável de ambiente que a contenha, para que ela vá para o chaveiro e não para o arquivo de configuração
cli-account-proxy-has-no-login = --proxy-password-env é para um login de proxy, mas { $address } não indica nenhum (escreva-o como http://LOGIN@host:port)
cli-account-proxy-needs-password = o login de proxy “{ $login }” precisa de uma senha: coloque-a em uma variável de ambiente e indique-a com --proxy-password-env NAME
cli-account-proxy-variable-empty = a variável de ambiente { $variable } não contém senha para o login de proxy “{ $login }”

## nctray watch --format plain|waybar (the status bar's text and waybar's tooltip)

cli-watch-disconnected = Desconectado
cli-watch-sign-in-needed = É preciso entrar
cli-watch-suffix-disconnected = (desconectado)
cli-watch-suffix-sign-in-needed = (é preciso entrar)
cli-watch-new-notifications =
    { $count ->
        [one] { $count } nova notificação
       *[other] { $count } novas notificações
    }
cli-watch-tooltip-account = { $account }: { $status }
cli-watch-status-unknown = status desconhecido
cli-watch-cannot-reach = não foi possível acessar o servidor ({ $reason })
cli-watch-maintenance = servidor em modo de manutenção
cli-watch-sign-in = é preciso entrar
cli-watch-certificate-changed = o certificado mudou
cli-watch-separator = { ", " }
