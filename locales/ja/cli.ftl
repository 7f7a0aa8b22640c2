# nctray's command line, in Japanese. Follows locales/en/cli.ftl: same identifiers, same
# variables. Things typed on the command line (options, commands, values) stay as in English.

## The language (--lang)

cli-lang-unknown = nctray には「{ $value }」への翻訳がありません。次のいずれかを選んでください: { $available }

## Statuses, named as Nextcloud's web UI names them

cli-status-online = オンライン
cli-status-away = 離席中
cli-status-dnd = 取り込み中
cli-status-busy = ビジー
cli-status-invisible = ステータスを隠す
cli-status-offline = オフライン
cli-status-with-message = { $status } — { $message }

## nctray status

cli-status-not-a-status = 「{ $text }」はステータスではありません。online、away、dnd、invisible、offline のいずれかを指定してください
cli-status-not-a-duration = 「{ $text }」は 30m、1h、1d のような期間ではありません
cli-status-duration-unit = 「{ $text }」: 単位には s、m、h、d のいずれかを使用してください
cli-status-message-choose = --predefined <id> または --clear を指定してください
cli-preset-line = { $name }: { $status } { $text }
cli-preset-clears-after = （{ $duration } 後に消去）

## Durations

cli-duration-seconds = { $count } 秒
cli-duration-minutes = { $count } 分
cli-duration-hours = { $count } 時間
cli-duration-days = { $count } 日

## When the server cannot be reached (on standard error)

cli-offline-notifications = { $server } に接続できません（{ $reason }）。キャッシュされた通知を表示します
cli-offline-activities = { $server } に接続できません（{ $reason }）。キャッシュされたアクティビティを表示します

## nctray notifications

cli-notifications-none = 通知はありません
cli-notifications-none-new = 新しい通知はありません（表示済みが { $count } 件あります。`nctray notifications --all` で一覧表示できます）
cli-notifications-dismissed-all = すべての通知を閉じました
cli-notifications-dismissed = #{ $id } を閉じました
cli-notifications-dismiss-choose = 閉じる通知を指定してください: ID または --all

## nctray activity

cli-activity-none = アクティビティはありません

## nctray talk

cli-talk-no-rooms = 会話はありません。
cli-talk-unread-summary = 未読メッセージ { $unread } 件、あなたへのメンションがある会話 { $mentions } 件

## nctray accounts

cli-accounts-none = アカウントがありません。`nctray account add --server URL --login NAME --password-stdin` で追加してください
cli-accounts-line = { $account }: { $password }
cli-accounts-line-default = { $account }（既定）: { $password }
cli-accounts-password-stored = アプリパスワードはキーリングにあります
cli-accounts-password-missing = キーリングにアプリパスワードがありません（`nctray account add` でもう一度追加してください）
cli-accounts-keyring-unavailable = キーリングを利用できません
cli-accounts-keyring-error = キーリングを利用できません: { $error }

## nctray account add

cli-account-added = { $account }（{ $name }）を追加しました
cli-account-cannot-read-password = 標準入力からアプリパスワードを読み取れません
cli-account-no-password = 標準入力にアプリパスワードがありません
cli-account-unencrypted = 警告: { $server } は https:// ではなく http:// です。アプリパスワードとこのアカウントが同期するすべてのデータは暗号化されずに送られ、途中で読み取られる可能性があります
cli-account-credentials-refused = サーバーはこの認証情報を受け付けませんでした
cli-account-cannot-check = アカウントを確認できません
cli-account-trust-hint = これが自分のサーバーの証明書であれば、次を追加してこのアカウントで信頼してください:
cli-account-certificate-unreadable = 証明書の詳細を読み取れませんでした: { $error }
cli-account-proxy-password-in-url = --proxy にはパスワードを含めないでください。パスワードを入れた環境変数の名前を --proxy-password-env で指定すると、設定ファイルではなくキーリングに保存されます
cli-account-proxy-has-no-login = --proxy-password-env はプロキシのログイン用ですが、{ $address } にはログイン名がありません（http://LOGIN@host:port の形で指定してください）
cli-account-proxy-needs-password = プロキシのログイン「{ $login }」にはパスワードが必要です。パスワードを環境変数に入れ、その名前を --proxy-password-env NAME で指定してください
cli-account-proxy-variable-empty = 環境変数 { $variable } にプロキシのログイン「{ $login }」のパスワードが入っていません

## nctray watch --format plain|waybar (the status bar's text and waybar's tooltip)

cli-watch-disconnected = 切断
cli-watch-sign-in-needed = ログインが必要
cli-watch-suffix-disconnected = （切断）
cli-watch-suffix-sign-in-needed = （ログインが必要）
cli-watch-new-notifications = 新しい通知 { $count } 件
cli-watch-tooltip-account = { $account }: { $status }
cli-watch-status-unknown = ステータス不明
cli-watch-cannot-reach = サーバーに接続できません（{ $reason }）
cli-watch-maintenance = サーバーはメンテナンス中
cli-watch-sign-in = ログインが必要
cli-watch-certificate-changed = 証明書が変更されました
cli-watch-separator = { "、" }
