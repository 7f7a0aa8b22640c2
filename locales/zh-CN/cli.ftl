# nctray's command line, in Simplified Chinese. Follows locales/en/cli.ftl: same identifiers,
# same variables. Things typed on the command line (options, commands, values) stay as in English.

## The language (--lang)

cli-lang-unknown = nctray 没有“{ $value }”的翻译；请从以下语言中选择：{ $available }

## Statuses, named as Nextcloud's web UI names them

cli-status-online = 在线
cli-status-away = 离开
cli-status-dnd = 请勿打扰
cli-status-busy = 忙碌
cli-status-invisible = 隐身
cli-status-offline = 离线
cli-status-with-message = { $status } — { $message }

## nctray status

cli-status-not-a-status = “{ $text }”不是状态；请选择 online、away、dnd、invisible 或 offline
cli-status-not-a-duration = “{ $text }”不是有效的时长，例如 30m、1h 或 1d
cli-status-duration-unit = “{ $text }”：请使用 s、m、h 或 d
cli-status-message-choose = 请指定 --predefined <id> 或 --clear
cli-preset-line = { $name }: { $status } { $text }
cli-preset-clears-after = （{ $duration }后清除）

## Durations

cli-duration-seconds = { $count } 秒
cli-duration-minutes = { $count } 分钟
cli-duration-hours = { $count } 小时
cli-duration-days = { $count } 天

## When the server cannot be reached (on standard error)

cli-offline-notifications = 无法连接 { $server }（{ $reason }）；正在显示缓存的通知
cli-offline-activities = 无法连接 { $server }（{ $reason }）；正在显示缓存的动态

## nctray notifications

cli-notifications-none = 没有通知
cli-notifications-none-new = 没有新通知（已显示过 { $count } 条；`nctray notifications --all` 可列出全部）
cli-notifications-dismissed-all = 已忽略所有通知
cli-notifications-dismissed = 已忽略 #{ $id }
cli-notifications-dismiss-choose = 请指定要忽略哪个：一个 ID 或 --all

## nctray activity

cli-activity-none = 没有动态

## nctray talk

cli-talk-no-rooms = 没有对话。
cli-talk-unread-summary = { $unread } 条未读消息，你在 { $mentions } 个对话中被提及

## nctray accounts

cli-accounts-none = 没有账号；请用 `nctray account add --server URL --login NAME --password-stdin` 添加
cli-accounts-line = { $account }: { $password }
cli-accounts-line-default = { $account }（默认）: { $password }
cli-accounts-password-stored = 应用密码在密钥环中
cli-accounts-password-missing = 密钥环中没有应用密码（请用 `nctray account add` 重新添加）
cli-accounts-keyring-unavailable = 密钥环不可用
cli-accounts-keyring-error = 密钥环不可用：{ $error }

## nctray account add

cli-account-added = 已添加 { $account }（{ $name }）
cli-account-cannot-read-password = 无法从标准输入读取应用密码
cli-account-no-password = 标准输入中没有应用密码
cli-account-unencrypted = 警告：{ $server } 使用的是 http:// 而不是 https://：应用密码以及该账号同步的所有内容都将以未加密方式传输，途中可能被读取
cli-account-credentials-refused = 服务器不接受这些凭据
cli-account-cannot-check = 无法检查该账号
cli-account-trust-hint = 如果这是你的服务器的证书，请添加以下参数，为此账号信任它：
cli-account-certificate-unreadable = 无法读取其详细信息：{ $error }
cli-account-proxy-password-in-url = 不要在 --proxy 中写入密码：请用 --proxy-password-env 指定存有密码的环境变量名，这样密码会存入密钥环，而不是配置文件
cli-account-proxy-has-no-login = --proxy-password-env 用于代理登录名，但 { $address } 中没有登录名（请写成 http://LOGIN@host:port）
cli-account-proxy-needs-password = 代理登录名“{ $login }”需要密码：请将密码放入环境变量，并用 --proxy-password-env NAME 指定该变量
cli-account-proxy-variable-empty = 环境变量 { $variable } 中没有代理登录名“{ $login }”的密码

## nctray watch --format plain|waybar (the status bar's text and waybar's tooltip)

cli-watch-disconnected = 已断开
cli-watch-sign-in-needed = 需要登录
cli-watch-suffix-disconnected = （已断开）
cli-watch-suffix-sign-in-needed = （需要登录）
cli-watch-new-notifications = { $count } 条新通知
cli-watch-tooltip-account = { $account }: { $status }
cli-watch-status-unknown = 状态未知
cli-watch-cannot-reach = 无法连接服务器（{ $reason }）
cli-watch-maintenance = 服务器处于维护模式
cli-watch-sign-in = 需要登录
cli-watch-certificate-changed = 证书已更改
cli-watch-separator = { "，" }
