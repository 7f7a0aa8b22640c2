# nctray's own texts outside the windows, in Arabic. Follows locales/en/app.ftl: same
# identifiers, same variables.

## Statuses, named as Nextcloud's web UI names them

status-online = متصل
status-away = بعيد
status-dnd = عدم الإزعاج
status-busy = مشغول
status-invisible = غير مرئي
status-offline = غير متصل
status-with-message = { $status } — { $message }

## The tray menu

tray-sign-in = تسجيل الدخول…
tray-try-demo = تجربة الوضع التجريبي
tray-quit = إنهاء
tray-unlock-keyring = فتح القفل
tray-retry-keyring = إعادة المحاولة
tray-keyring-locked = حلقة المفاتيح مقفلة: المزامنة بانتظار فتحها
tray-keyring-unavailable = تعذّر الوصول إلى حلقة المفاتيح: المزامنة بانتظارها
tray-keyring-opening = جارٍ فتح الحسابات…
tray-demo-status = تجريبي: { $status }
tray-clear-message = مسح الرسالة
tray-restore-status = استعادة الحالة السابقة
tray-open-popover = الإشعارات والنشاط…
tray-open-status = تعيين الحالة…
tray-open-chat = Talk…
tray-open-accounts = الحسابات والإعدادات…
tray-demo-notification = عرض إشعار تجريبي

## The tray's tooltip ($name is "nctray" or tray-name-demo)

tray-name-demo = nctray (تجريبي)
tray-tooltip-signed-out = nctray — لم يُسجَّل الدخول
tray-tooltip = { $name } — { $text }
tray-tooltip-offline = { $name } — غير متصل: { $reason }
tray-tooltip-maintenance = { $name } — الخادم في وضع الصيانة
tray-tooltip-sign-in-needed = { $name } — يلزم تسجيل الدخول
tray-tooltip-certificate-changed = { $name } — تغيّرت الشهادة: توقفت المزامنة، سجّل الدخول مجددًا للتحقق منها
tray-account-status = { $account }: { $status }
tray-waiting-notifications =
    { $count ->
        [zero] لا إشعارات
        [one] إشعار واحد
        [two] إشعاران
        [few] { $count } إشعارات
        [many] { $count } إشعارًا
       *[other] { $count } إشعار
    }
tray-waiting-mentions =
    { $count ->
        [zero] لا إشارات في Talk
        [one] إشارة واحدة في Talk
        [two] إشارتان في Talk
        [few] { $count } إشارات في Talk
        [many] { $count } إشارة في Talk
       *[other] { $count } إشارة في Talk
    }
tray-waiting-both = { $notifications }، { $mentions }

## Desktop popups

popup-summary-notifications =
    { $count ->
        [zero] لا إشعارات جديدة
        [one] إشعار جديد واحد
        [two] إشعاران جديدان
        [few] { $count } إشعارات جديدة
        [many] { $count } إشعارًا جديدًا
       *[other] { $count } إشعار جديد
    }
popup-summary-more = و{ $count } غيرها
popup-open = فتح
popup-reply = رد
popup-reply-placeholder = اكتب ردًّا…
popup-settings-unreadable = nctray: تعذّرت قراءة الإعدادات
popup-settings-moved = نُقلت الإعدادات إلى { $path }. سجّل الدخول مجددًا للمتابعة.
popup-cache-rebuilt = nctray: أُعيد بناء ذاكرة التخزين المؤقت
popup-cache-unusable = لا يستطيع nctray استخدام ذاكرة التخزين المؤقت الخاصة به
popup-sign-in-needed = nctray: يلزم تسجيل الدخول
popup-sign-in-needed-body = لم يعد الخادم يقبل كلمة مرور التطبيق هذه. أضف الحساب مجددًا للاستئناف.
popup-status-failed = nctray: لم تتغير الحالة
popup-demo-failed = nctray: لم يبدأ الوضع التجريبي
popup-keyring-still-locked = nctray: حلقة المفاتيح لا تزال مقفلة

## Window titles

window-title-popover = nctray
window-title-status = تعيين الحالة — nctray
window-title-chat = Talk — nctray
window-title-accounts = الحسابات والإعدادات — nctray
window-title-demo = { $title } (تجريبي)

## Errors shown to people ($detail is the server's own message or the technical cause)

error-unauthorized = لم يقبل الخادم اسم الدخول وكلمة مرور التطبيق (ربما أُلغيت كلمة مرور التطبيق)
error-not-found = غير موجود على الخادم
error-not-found-detail = غير موجود على الخادم: { $detail }
error-refused = رفض الخادم الطلب (الرمز { $code })
error-refused-detail = رفض الخادم الطلب: { $detail }
error-no-content = ليس لدى الخادم ما يعرضه: لم يُحدَّد أي نوع من أنواع النشاط للبث
error-maintenance = الخادم في وضع الصيانة؛ حاول مجددًا لاحقًا
error-http = ردّ الخادم بـ HTTP { $status }
error-http-detail = ردّ الخادم بـ HTTP { $status }: { $detail }
error-decode = أرسل الخادم ردًّا لا يستطيع nctray قراءته: { $detail }
error-too-large = ردّ الخادم أكبر من { $limit } MiB؛ توقف nctray عن قراءته
error-network = تعذّر الوصول إلى الخادم: { $detail }
error-certificate = رُفضت شهادة الخادم: { $detail }
error-proxy-unreachable = تعذّر الوصول إلى الوكيل: { $detail }
error-proxy-login-refused = رفض الوكيل تسجيل الدخول: { $detail }
error-database = فشلت قاعدة بيانات ذاكرة التخزين المؤقت: { $detail }
error-newer-database = أُنشئت ذاكرة التخزين المؤقت بإصدار أحدث من nctray (إصدار المخطط { $found }، وهذا الإصدار يدعم حتى { $known })؛ حدِّث nctray
error-config = لا يمكن استخدام الإعدادات: { $detail }

## Choosing the language

language-unknown = لا تتوفر في nctray ترجمة إلى «{ $language }». اللغات المتاحة: { $available }

## Sign-in and the keyring

sign-in-none-waiting = لا يوجد تسجيل دخول قيد الانتظار. أدخل عنوان الخادم وسجّل الدخول.
sign-in-address-missing = أدخل عنوان خادمك.
sign-in-address-invalid = «{ $address }» ليس عنوان خادم.
sign-in-address-scheme = «{ $address }» ليس عنوان خادم: يجب أن يبدأ بـ https:// أو http://.
sign-in-unreachable = تعذّر الوصول إلى { $server }. تحقّق من العنوان ومن اتصالك. ({ $reason })
sign-in-no-nextcloud = لم يستجب أي Nextcloud على { $server }. تحقّق من العنوان.
sign-in-cancelled = أُلغي تسجيل الدخول.
sign-in-stopped-unreachable =
    { $times ->
        [zero] توقف تسجيل الدخول: تعذّر الوصول إلى { $server } ({ $reason }). تحقّق من اتصالك وابدأ من جديد.
        [one] توقف تسجيل الدخول: تعذّر الوصول إلى { $server } مرة واحدة ({ $reason }). تحقّق من اتصالك وابدأ من جديد.
        [two] توقف تسجيل الدخول: تعذّر الوصول إلى { $server } مرتين متتاليتين ({ $reason }). تحقّق من اتصالك وابدأ من جديد.
        [few] توقف تسجيل الدخول: تعذّر الوصول إلى { $server } { $times } مرات متتالية ({ $reason }). تحقّق من اتصالك وابدأ من جديد.
        [many] توقف تسجيل الدخول: تعذّر الوصول إلى { $server } { $times } مرة متتالية ({ $reason }). تحقّق من اتصالك وابدأ من جديد.
       *[other] توقف تسجيل الدخول: تعذّر الوصول إلى { $server } { $times } مرة متتالية ({ $reason }). تحقّق من اتصالك وابدأ من جديد.
    }
sign-in-expired =
    { $minutes ->
        [zero] انتهت صلاحية تسجيل الدخول: لم تتم الموافقة عليه في الوقت المحدد. ابدأ من جديد.
        [one] انتهت صلاحية تسجيل الدخول: لم تتم الموافقة عليه خلال دقيقة واحدة. ابدأ من جديد.
        [two] انتهت صلاحية تسجيل الدخول: لم تتم الموافقة عليه خلال دقيقتين. ابدأ من جديد.
        [few] انتهت صلاحية تسجيل الدخول: لم تتم الموافقة عليه خلال { $minutes } دقائق. ابدأ من جديد.
        [many] انتهت صلاحية تسجيل الدخول: لم تتم الموافقة عليه خلال { $minutes } دقيقة. ابدأ من جديد.
       *[other] انتهت صلاحية تسجيل الدخول: لم تتم الموافقة عليه خلال { $minutes } دقيقة. ابدأ من جديد.
    }
