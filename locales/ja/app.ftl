# nctray's own texts outside the windows, in Japanese. Follows locales/en/app.ftl: same
# identifiers, same variables.

## Statuses, named as Nextcloud's web UI names them

status-online = オンライン
status-away = 離席中
status-dnd = 取り込み中
status-busy = ビジー
status-invisible = ステータスを隠す
status-offline = オフライン
status-with-message = { $status } — { $message }

## The tray menu

tray-sign-in = ログイン…
tray-try-demo = デモを試す
tray-quit = 終了
tray-unlock-keyring = ロック解除
tray-retry-keyring = 再試行
tray-keyring-locked = キーリングがロックされています: 解除されるまで同期を待機します
tray-keyring-unavailable = キーリングに接続できません: 接続できるまで同期を待機します
tray-keyring-opening = アカウントを開いています…
tray-demo-status = デモ: { $status }
tray-clear-message = メッセージを消去
tray-restore-status = 以前のステータスに戻す
tray-open-popover = 通知とアクティビティ…
tray-open-status = ステータスを設定…
tray-open-chat = Talk…
tray-open-accounts = アカウントと設定…
tray-demo-notification = デモ通知を表示

## The tray's tooltip ($name is "nctray" or tray-name-demo)

tray-name-demo = nctray（デモ）
tray-tooltip-signed-out = nctray — 未ログイン
tray-tooltip = { $name } — { $text }
tray-tooltip-offline = { $name } — オフライン: { $reason }
tray-tooltip-maintenance = { $name } — サーバーはメンテナンス中です
tray-tooltip-sign-in-needed = { $name } — ログインが必要です
tray-tooltip-certificate-changed = { $name } — 証明書が変更されました: 同期を停止しました。もう一度ログインして確認してください
tray-account-status = { $account }: { $status }
tray-waiting-notifications = 通知 { $count } 件
tray-waiting-mentions = Talk のメンション { $count } 件
tray-waiting-both = { $notifications }、{ $mentions }

## Desktop popups

popup-summary-notifications = 新しい通知が { $count } 件あります
popup-summary-more = ほか { $count } 件
popup-open = 開く
popup-reply = 返信
popup-reply-placeholder = 返信を入力…
popup-settings-unreadable = nctray: 設定を読み込めませんでした
popup-settings-moved = 読み込めなかった設定は { $path } に移動しました。続けるにはもう一度ログインしてください。
popup-cache-rebuilt = nctray: キャッシュを再構築しました
popup-cache-unusable = nctray はキャッシュを使用できません
popup-sign-in-needed = nctray: ログインが必要です
popup-sign-in-needed-body = サーバーはこのアプリパスワードを受け付けなくなりました。再開するにはアカウントをもう一度追加してください。
popup-status-failed = nctray: ステータスを変更できませんでした
popup-demo-failed = nctray: デモを開始できませんでした
popup-keyring-still-locked = nctray: キーリングはまだロックされています

## Window titles

window-title-popover = nctray
window-title-status = ステータスを設定 — nctray
window-title-chat = Talk — nctray
window-title-accounts = アカウントと設定 — nctray
window-title-demo = { $title }（デモ）

## Errors shown to people ($detail is the server's own message or the technical cause)

error-unauthorized = サーバーはログイン名とアプリパスワードを受け付けませんでした（アプリパスワードが失効している可能性があります）
error-not-found = サーバー上に見つかりません
error-not-found-detail = サーバー上に見つかりません: { $detail }
error-refused = サーバーがリクエストを拒否しました（コード { $code }）
error-refused-detail = サーバーがリクエストを拒否しました: { $detail }
error-no-content = サーバーに一覧表示するものがありません: ストリームに表示するアクティビティの種類が選択されていません
error-maintenance = サーバーはメンテナンス中です。しばらくしてから再試行してください
error-http = サーバーが HTTP { $status } を返しました
error-http-detail = サーバーが HTTP { $status } を返しました: { $detail }
error-decode = サーバーから nctray が読み取れない応答が返されました: { $detail }
error-too-large = サーバーの応答が { $limit } MiB を超えたため、nctray は読み込みを中止しました
error-network = サーバーに接続できませんでした: { $detail }
error-certificate = サーバーの証明書が拒否されました: { $detail }
error-proxy-unreachable = プロキシに接続できません: { $detail }
error-proxy-login-refused = プロキシがログインを拒否しました: { $detail }
error-database = キャッシュデータベースでエラーが発生しました: { $detail }
error-newer-database = キャッシュは新しいバージョンの nctray で書き込まれています（スキーマバージョン { $found }、このバージョンは { $known } まで対応）。nctray を更新してください
error-config = 設定を使用できません: { $detail }

## Choosing the language

language-unknown = nctray には「{ $language }」の翻訳がありません。利用可能な言語: { $available }

## Sign-in and the keyring

sign-in-none-waiting = 待機中のログインはありません。サーバーアドレスを入力してログインしてください。
sign-in-address-missing = サーバーのアドレスを入力してください。
sign-in-address-invalid = 「{ $address }」はサーバーアドレスではありません。
sign-in-address-scheme = 「{ $address }」はサーバーアドレスではありません: https:// または http:// で始まる必要があります。
sign-in-unreachable = { $server } に接続できません。アドレスと接続を確認してください。（{ $reason }）
sign-in-no-nextcloud = { $server } から Nextcloud の応答がありません。アドレスを確認してください。
sign-in-cancelled = ログインをキャンセルしました。
sign-in-stopped-unreachable = ログインを中止しました: { $server } に { $times } 回続けて接続できませんでした（{ $reason }）。接続を確認して、最初からやり直してください。
sign-in-expired = ログインの有効期限が切れました: { $minutes } 分以内に承認されませんでした。最初からやり直してください。
