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

## Desktop popups

popup-summary-notifications = { $count } 条新通知
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
