# nctray's own texts outside the windows, in Simplified Chinese. Follows locales/en/app.ftl:
# same identifiers, same variables.

## Statuses, named as Nextcloud's web UI names them

status-online = 在线
status-away = 离开
status-dnd = 请勿打扰
status-busy = 忙碌
status-invisible = 隐身
status-offline = 离线
status-with-message = { $status } — { $message }

## The tray menu

tray-sign-in = 登录…
tray-try-demo = 试用演示
tray-quit = 退出
tray-unlock-keyring = 解锁
tray-retry-keyring = 重试
tray-keyring-locked = 密钥环已锁定：同步将等待解锁
tray-keyring-unavailable = 无法访问密钥环：同步将等待其可用
tray-keyring-opening = 正在打开账号…
tray-demo-status = 演示：{ $status }
tray-clear-message = 清除消息
tray-restore-status = 恢复之前的状态
tray-open-popover = 通知和动态…
tray-open-status = 设定状态…
tray-open-chat = Talk…
tray-open-accounts = 账号和设置…
tray-demo-notification = 显示演示通知

## The tray's tooltip ($name is "nctray" or tray-name-demo)

tray-name-demo = nctray（演示）
tray-tooltip-signed-out = nctray — 未登录
tray-tooltip = { $name } — { $text }
tray-tooltip-offline = { $name } — 离线：{ $reason }
tray-tooltip-maintenance = { $name } — 服务器处于维护模式
tray-tooltip-sign-in-needed = { $name } — 需要登录
tray-tooltip-certificate-changed = { $name } — 证书已更改：同步已停止，请重新登录以检查证书
tray-account-status = { $account }: { $status }
tray-waiting-notifications = { $count } 条通知
tray-waiting-mentions = Talk 中有 { $count } 条提及
tray-waiting-both = { $notifications }，{ $mentions }

## Desktop popups

popup-summary-notifications = { $count } 条新通知
popup-summary-more = 还有 { $count } 条
popup-open = 打开
popup-reply = 回复
popup-reply-placeholder = 输入回复…
popup-settings-unreadable = nctray：无法读取设置
popup-settings-moved = 原设置已移至 { $path }。请重新登录以继续。
popup-cache-rebuilt = nctray：缓存已重建
popup-cache-unusable = nctray 无法使用其缓存
popup-sign-in-needed = nctray：需要登录
popup-sign-in-needed-body = 服务器不再接受此应用密码。请重新添加该账号以继续。
popup-status-failed = nctray：状态未能更改
popup-demo-failed = nctray：演示未能启动
popup-keyring-still-locked = nctray：密钥环仍处于锁定状态

## Window titles

window-title-popover = nctray
window-title-status = 设定状态 — nctray
window-title-chat = Talk — nctray
window-title-accounts = 账号和设置 — nctray
window-title-demo = { $title }（演示）

## Errors shown to people ($detail is the server's own message or the technical cause)

error-unauthorized = 服务器不接受该登录名和应用密码（应用密码可能已被吊销）
error-not-found = 在服务器上未找到
error-not-found-detail = 在服务器上未找到：{ $detail }
error-refused = 服务器拒绝了请求（代码 { $code }）
error-refused-detail = 服务器拒绝了请求：{ $detail }
error-no-content = 服务器没有可列出的内容：动态流未选择任何动态类型
error-maintenance = 服务器处于维护模式，请稍后重试
error-http = 服务器返回了 HTTP { $status }
error-http-detail = 服务器返回了 HTTP { $status }：{ $detail }
error-decode = 服务器发送了 nctray 无法读取的响应：{ $detail }
error-too-large = 服务器的响应超过 { $limit } MiB，nctray 已停止读取
error-network = 无法连接服务器：{ $detail }
error-certificate = 服务器的证书被拒绝：{ $detail }
error-proxy-unreachable = 无法连接代理：{ $detail }
error-proxy-login-refused = 代理拒绝了登录：{ $detail }
error-database = 缓存数据库出错：{ $detail }
error-newer-database = 缓存由更新版本的 nctray 写入（架构版本 { $found }，当前版本最高支持 { $known }）；请更新 nctray
error-config = 无法使用这些设置：{ $detail }

## Choosing the language

language-unknown = nctray 没有“{ $language }”的翻译。可用语言：{ $available }

## Sign-in and the keyring

sign-in-none-waiting = 没有正在等待的登录。请输入服务器地址并登录。
sign-in-address-missing = 请输入你的服务器地址。
sign-in-address-invalid = “{ $address }”不是服务器地址。
sign-in-address-scheme = “{ $address }”不是服务器地址：必须以 https:// 或 http:// 开头。
sign-in-unreachable = 无法连接 { $server }。请检查地址和网络连接。（{ $reason }）
sign-in-no-nextcloud = { $server } 上没有 Nextcloud 响应。请检查地址。
sign-in-cancelled = 已取消登录。
sign-in-stopped-unreachable = 登录已停止：连续 { $times } 次无法连接 { $server }（{ $reason }）。请检查网络连接后重新开始。
sign-in-expired = 登录已过期：未在 { $minutes } 分钟内获得批准。请重新开始。
