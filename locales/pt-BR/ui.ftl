# nctray's windows, in Brazilian Portuguese. Follows locales/en/ui.ftl: same identifiers, same variables.

## Shared by every window

app-name = nctray
common-retry = Tentar novamente
common-close = Fechar
common-cancel = Cancelar
common-save = Salvar
common-delete = Excluir
common-loading = Carregando…
common-demo = Demonstração
common-demoBanner = Demonstração: um Nextcloud simulado dentro do nctray. Nada aqui é real nem será guardado.

## The popover: notifications and activity

popover-heading = Notificações e atividades
popover-loadUserFailed = Não foi possível carregar sua conta: { $message }
popover-quota-label = Armazenamento usado
popover-quota-used = { $used } de { $total } usados
popover-quota-usedUnlimited = { $used } usados
popover-status-clears = até { $when }
popover-status-edit = Definir status
popover-talk = Talk
popover-talk-label = Abrir o Talk
popover-tabs-label = O que mostrar
popover-tab-notifications = Notificações
popover-tab-activity = Atividades
popover-tab-count = { $count ->
        [one] { $count } nova
       *[other] { $count } novas
    }
popover-notifications-list = Notificações
popover-notifications-empty = Nenhuma notificação
popover-notifications-emptyHint = Você está em dia.
popover-notifications-loadFailed = Não foi possível carregar as notificações: { $message }
popover-notifications-dismiss = Dispensar
popover-notifications-dismissLabel = Dispensar “{ $subject }”
popover-notifications-dismissAll = Dispensar todas
popover-notifications-dismissFailed = Não foi possível dispensar a notificação: { $message }
popover-notifications-dismissAllFailed = Não foi possível dispensar as notificações: { $message }
popover-notifications-open = Abrir
popover-notifications-openLabel = Abrir “{ $subject }” no navegador
popover-notifications-actionFailed = “{ $action }” não funcionou: { $message }
popover-activity-list = Atividades
popover-activity-filter = Mostrar
popover-activity-allFilter = Todas as atividades
popover-activity-search = Pesquisar atividades
popover-activity-empty = Nenhuma atividade ainda
popover-activity-noMatches = Nada corresponde a “{ $text }”.
popover-activity-loadFailed = Não foi possível carregar as atividades: { $message }
popover-activity-olderFailed = Não foi possível carregar atividades mais antigas: { $message }
popover-activity-loadOlder = Mostrar atividades mais antigas
popover-activity-loadingOlder = Carregando atividades mais antigas…
popover-activity-end = Isso é tudo.
popover-activity-searchLimit = { $count ->
        [one] Mostrando o resultado mais recente.
       *[other] Mostrando os { $count } resultados mais recentes.
    }
popover-activity-download = Baixar
popover-activity-downloadLabel = Baixar { $name }
popover-activity-downloadFailed = Não foi possível iniciar o download: { $message }
popover-activity-preview = Pré-visualização de { $name }
popover-activity-openPreviewLabel = Abrir { $name } no navegador

## The status editor

status-title = Definir status
status-now = Seu status agora
status-clearsAt = Será limpo: { $when }
status-failed = Não foi possível alterar o status: { $message }
status-loadFailed = Não foi possível carregar o status: { $message }
status-type-heading = Status online
status-type-online = Online
status-type-away = Ausente
status-type-dnd = Não perturbe
status-type-busy = Ocupado
status-type-invisible = Invisível
status-type-offline = Offline
status-type-dnd-hint = Silenciar todas as notificações
status-type-invisible-hint = Aparecer offline
status-restore-automatic = Seu status foi definido automaticamente ({ $current }).
status-restore-button = Restaurar: { $previous }
status-predefined-heading = Mensagens rápidas
status-predefined-none = O servidor não oferece mensagens prontas.
status-custom-heading = Sua própria mensagem
status-custom-label = Qual é o seu status?
status-custom-placeholder = Qual é o seu status?
status-custom-set = Definir mensagem
status-custom-clear = Limpar mensagem
status-custom-needsText = Escreva uma mensagem primeiro.
status-count = { $count }/{ $limit }
status-count-label = { $count } de { $limit } caracteres
status-tooLong = A mensagem tem { $count } caracteres; o máximo permitido é { $limit }.
status-emoji-choose = Escolher um emoji
status-emoji-current = Emoji: { $emoji }
status-emoji-none = Sem emoji
status-emoji-grid = Emojis comuns
status-emoji-typeLabel = Ou digite um
status-emoji-typePlaceholder = Digite ou cole um emoji
status-emoji-use = Usar
status-emoji-notOne = Digite exatamente um emoji.
status-emoji-remove = Remover emoji
status-clearAfter-label = Limpar status após
status-clearAfter-dont-clear = Não limpar
status-clearAfter-thirty-minutes = 30 minutos
status-clearAfter-one-hour = 1 hora
status-clearAfter-four-hours = 4 horas
status-clearAfter-today = Hoje
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
status-presets-heading = Predefinições
status-presets-none = Nenhuma predefinição ainda. Salve o status atual para defini-lo de novo com um clique.
status-presets-saveCurrent = Salvar o atual como predefinição…
status-presets-apply = Aplicar
status-presets-edit = Editar
status-presets-applyNamed = Aplicar a predefinição { $name }
status-presets-editNamed = Editar a predefinição { $name }
status-presets-deleteNamed = Excluir a predefinição { $name }
status-presets-clearsAfter = limpa após { $duration }
status-presets-failed = Não foi possível salvar a predefinição: { $message }
status-preset-newHeading = Nova predefinição
status-preset-editHeading = Editar predefinição
status-preset-name = Nome
status-preset-status = Status
status-preset-message = Mensagem
status-preset-needsName = Dê um nome à predefinição.
status-preset-clearAfterNote = As predefinições são limpas após um tempo fixo; “Hoje” e “Esta semana” não estão disponíveis aqui.

## Talk quick chat

chat-title = Talk
chat-choose = Escolha uma conversa ou inicie uma nova com +.
chat-rooms-title = Conversas
chat-rooms-search = Pesquisar conversas
chat-rooms-new = Nova conversa
chat-rooms-none = Nenhuma conversa ainda.
chat-rooms-noMatch = Nenhuma conversa corresponde a “{ $query }”.
chat-rooms-favorite = Favorita
chat-rooms-mentioned = Você foi mencionado
chat-rooms-unread = { $count ->
        [one] { $count } não lida
       *[other] { $count } não lidas
    }
chat-rooms-unreadMention = { $count ->
        [one] { $count } não lida, você foi mencionado
       *[other] { $count } não lidas, você foi mencionado
    }
chat-room-favorite = Adicionar aos favoritos
chat-room-unfavorite = Remover dos favoritos
chat-room-joinCall = Entrar na chamada
chat-room-callLive = Chamada em andamento
chat-room-settings = Configurações
chat-history-title = Mensagens
chat-history-older = Carregar mensagens mais antigas
chat-history-start = Este é o início da conversa.
chat-message-reply = Responder
chat-message-replyTo = Responder a { $author }
chat-message-react = Reagir
chat-message-reaction = { $emoji } { $count }: reagir ou desfazer a reação
chat-message-edited = (editada)
chat-message-deleted = Mensagem excluída
chat-message-openFile = Abrir { $name } no navegador
chat-composer-label = Mensagem
chat-composer-placeholder = Escreva uma mensagem… (@ para mencionar alguém)
chat-composer-readOnly = Esta conversa é somente leitura.
chat-composer-send = Enviar
chat-composer-mentions = Mencionar alguém
chat-composer-replyingTo = Respondendo a { $author }:
chat-composer-cancelReply = Cancelar a resposta
chat-settings-title = Configurações da conversa
chat-settings-name = Nome
chat-settings-rename = Renomear
chat-settings-favorite = Favorita
chat-settings-notifications = Notificar-me sobre
chat-settings-notifyDefault = O padrão do servidor
chat-settings-notifyAlways = Todas as mensagens
chat-settings-notifyMention = Somente menções
chat-settings-notifyNever = Nada
chat-settings-guests = Permitir convidados (qualquer pessoa com o link)
chat-settings-passwordSet = Senha para convidados
chat-settings-passwordChange = Nova senha para convidados
chat-settings-passwordRemove = Remover senha
chat-settings-leave = Sair da conversa
chat-settings-leaveConfirm = Sair mesmo?
chat-settings-delete = Excluir conversa
chat-settings-deleteConfirm = Excluir mesmo para todos?
chat-participants-title = Participantes ({ $count })
chat-participants-you = (você)
chat-participants-owner = Proprietário
chat-participants-moderator = Moderador
chat-participants-guest = Convidado
chat-participants-promote = Tornar moderador
chat-participants-promoteNamed = Tornar { $name } moderador
chat-participants-demote = Remover moderador
chat-participants-demoteNamed = Tornar { $name } participante comum
chat-participants-remove = Remover
chat-participants-removeNamed = Remover { $name } da conversa
chat-participants-add = Adicionar alguém
chat-participants-userId = ID de usuário
chat-participants-addButton = Adicionar
chat-new-title = Nova conversa
chat-new-kind = Tipo
chat-new-oneToOne = Com uma pessoa
chat-new-group = Grupo
chat-new-public = Pública (convidados podem entrar pelo link)
chat-new-userId = ID de usuário da pessoa
chat-new-name = Nome
chat-new-password = Senha para convidados (opcional)
chat-new-create = Criar

## Accounts and settings

accounts-title = Contas e configurações
accounts-loadFailed = Não foi possível carregar as contas: { $message }
accounts-welcome = Bem-vindo ao nctray. Entre no seu Nextcloud: digite o endereço dele e aprove o nctray no navegador. Ou escolha “Experimentar a demonstração” no menu da bandeja para dar uma olhada primeiro.
accounts-about-heading = Sobre o nctray
accounts-about-version = Versão { $version }
accounts-about-logs = Arquivos de log: { $folder }
accounts-about-openLogs = Abrir pasta de logs
accounts-about-failed = Não foi possível abrir a pasta: { $message }
accounts-list-heading = Contas
accounts-list-none = Nenhuma conta ainda. Entre abaixo.
accounts-list-shown = Exibida nas janelas
accounts-list-show = Exibir nas janelas
accounts-list-primary = Ícone da bandeja
accounts-list-demo = Servidor de demonstração, some quando o nctray é encerrado
accounts-list-pause = Pausar
accounts-list-resume = Retomar
accounts-list-remove = Remover
accounts-list-removeConfirm = Remover a conta { $account }? A senha de aplicativo dela será revogada no servidor e excluída do chaveiro.
accounts-list-removeYes = Remover conta
accounts-list-removed = A conta { $account } foi removida.
accounts-list-removedServerKept = A conta { $account } foi removida do nctray, mas o servidor não conseguiu revogar a senha de aplicativo ({ $reason }). Revogue-a nas configurações de segurança do servidor.
accounts-list-failed = Isso não funcionou: { $message }
accounts-connection-starting = Conectando…
accounts-connection-online = Online
accounts-connection-offline = Offline
accounts-connection-maintenance = Servidor em manutenção
accounts-connection-sign_in_needed = É preciso entrar de novo: remova a conta e entre novamente
accounts-connection-certificate_changed = O certificado mudou: nada é enviado. Se o servidor realmente tem um novo certificado, remova a conta e entre novamente para verificar e confiar no novo
accounts-connection-paused = Pausada
accounts-signIn-heading = Adicionar uma conta
accounts-signIn-server = Endereço do servidor
accounts-signIn-placeholder = cloud.example.com
accounts-signIn-start = Entrar
accounts-signIn-starting = Abrindo o navegador…
accounts-signIn-useDemo = Experimentar com o servidor de demonstração
accounts-signIn-waiting = Aprove o nctray na janela do navegador que foi aberta.
accounts-signIn-expiresIn = Aguardando aprovação — expira em { $time }
accounts-signIn-loginPage = Página de login:
accounts-signIn-unencrypted = Este endereço começa com http://, não https://: sua senha de aplicativo e tudo o que o nctray sincroniza trafegariam sem criptografia, legíveis por qualquer um no caminho. Cancele e use https://, a menos que esta rede seja sua.
accounts-signIn-reopen = Abrir a página de login novamente
accounts-signIn-cancel = Cancelar login
accounts-signIn-cancelled = Login cancelado.
accounts-signIn-expired = O login expirou: não foi aprovado em 20 minutos. Entre novamente para obter uma nova página de login.
accounts-signIn-again = Entrar novamente
accounts-signIn-done = Conectado como { $name }.
accounts-signIn-failed = Falha ao entrar: { $message }
accounts-signIn-untrusted-heading = O certificado deste servidor não é confiável
accounts-signIn-untrusted-explain = Seu sistema não sabe quem o assinou. Se for o certificado do seu próprio servidor (autoassinado ou emitido por sua própria autoridade), compare a impressão digital com a que o administrador do servidor vê e, então, confie exatamente neste certificado para esta conta. O nctray recusará qualquer outro.
accounts-signIn-untrusted-subject = Emitido para
accounts-signIn-untrusted-issuer = Emitido por
accounts-signIn-untrusted-validFrom = Válido a partir de
accounts-signIn-untrusted-validUntil = Válido até
accounts-signIn-untrusted-fingerprint = Impressão digital SHA-256
accounts-signIn-untrusted-trust = Confiar neste certificado para esta conta
accounts-signIn-untrusted-back = Não confiar
accounts-settings-heading = Configurações
accounts-settings-language = Idioma
accounts-settings-language-automatic = Automático (do seu Nextcloud ou da área de trabalho)
accounts-settings-poll = Verificar notificações
accounts-settings-poll-server = Conforme o servidor sugere
accounts-settings-poll-every = A cada { $time }
accounts-settings-poll-hint = Com notificações push no servidor, as verificações são apenas uma garantia extra.
accounts-settings-away = Ficar ausente após inatividade (minutos)
accounts-settings-appearance = Aparência
accounts-settings-appearance-system = Igual à área de trabalho
accounts-settings-appearance-light = Claro
accounts-settings-appearance-dark = Escuro
accounts-settings-startAtLogin = Iniciar o nctray quando eu entrar na sessão
accounts-settings-popups = Pop-ups
accounts-settings-popups-hint = As notificações de aplicativos desativados aqui continuam aparecendo na lista de notificações.
accounts-settings-saved = Salvo.
accounts-settings-failed = As configurações não foram salvas: { $message }
accounts-app-spreed = Talk
accounts-app-files_sharing = Compartilhamentos
accounts-app-dav = Calendário
accounts-time-seconds = { $n } s
accounts-time-minutes = { $n } min
