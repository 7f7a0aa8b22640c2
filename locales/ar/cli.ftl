# nctray's command line, in Arabic. Follows locales/en/cli.ftl: same identifiers, same
# variables. Things typed on the command line (options, commands, values) stay as in English.

## The language (--lang)

cli-lang-unknown = لا تتوفر في nctray ترجمة إلى «{ $value }»؛ اختر إحدى اللغات: { $available }

## Statuses, named as Nextcloud's web UI names them

cli-status-online = متصل
cli-status-away = بعيد
cli-status-dnd = عدم الإزعاج
cli-status-busy = مشغول
cli-status-invisible = غير مرئي
cli-status-offline = غير متصل
cli-status-with-message = { $status } — { $message }

## nctray status

cli-status-not-a-status = «{ $text }» ليست حالة؛ اختر online أو away أو dnd أو invisible أو offline
cli-status-not-a-duration = «{ $text }» ليست مدة مثل 30m أو 1h أو 1d
cli-status-duration-unit = «{ $text }»: استخدم s أو m أو h أو d
cli-status-message-choose = حدّد --predefined <id> أو --clear
cli-preset-line = { $name }: { $status } { $text }
cli-preset-clears-after = (تُمسح بعد { $duration })

## Durations

# Only used inside cli-preset-clears-after ("بعد يومين"): genitive after "بعد".

cli-duration-seconds =
    { $count ->
        [zero] { $count } ثانية
        [one] ثانية واحدة
        [two] ثانيتين
        [few] { $count } ثوانٍ
        [many] { $count } ثانية
       *[other] { $count } ثانية
    }
cli-duration-minutes =
    { $count ->
        [zero] { $count } دقيقة
        [one] دقيقة واحدة
        [two] دقيقتين
        [few] { $count } دقائق
        [many] { $count } دقيقة
       *[other] { $count } دقيقة
    }
cli-duration-hours =
    { $count ->
        [zero] { $count } ساعة
        [one] ساعة واحدة
        [two] ساعتين
        [few] { $count } ساعات
        [many] { $count } ساعة
       *[other] { $count } ساعة
    }
cli-duration-days =
    { $count ->
        [zero] { $count } يوم
        [one] يوم واحد
        [two] يومين
        [few] { $count } أيام
        [many] { $count } يومًا
       *[other] { $count } يوم
    }

## When the server cannot be reached (on standard error)

cli-offline-notifications = تعذّر الوصول إلى { $server } ({ $reason })؛ تُعرض الإشعارات المخزّنة مؤقتًا
cli-offline-activities = تعذّر الوصول إلى { $server } ({ $reason })؛ تُعرض الأنشطة المخزّنة مؤقتًا

## nctray notifications

cli-notifications-none = لا توجد إشعارات
cli-notifications-none-new =
    { $count ->
        [zero] لا إشعارات جديدة
        [one] لا إشعارات جديدة (إشعار واحد عُرض من قبل؛ يعرضه `nctray notifications --all`)
        [two] لا إشعارات جديدة (إشعاران عُرضا من قبل؛ يعرضهما `nctray notifications --all`)
        [few] لا إشعارات جديدة ({ $count } إشعارات عُرضت من قبل؛ يعرضها `nctray notifications --all`)
        [many] لا إشعارات جديدة ({ $count } إشعارًا عُرضت من قبل؛ يعرضها `nctray notifications --all`)
       *[other] لا إشعارات جديدة ({ $count } إشعار عُرضت من قبل؛ يعرضها `nctray notifications --all`)
    }
cli-notifications-dismissed-all = تم تجاهل كل الإشعارات
cli-notifications-dismissed = تم تجاهل #{ $id }
cli-notifications-dismiss-choose = حدّد أيّها: معرّفًا أو --all

## nctray activity

cli-activity-none = لا توجد أنشطة

## nctray talk

cli-talk-no-rooms = لا توجد محادثات.
cli-talk-unread-summary =
    { $unread ->
        [zero] لا رسائل غير مقروءة
        [one] رسالة واحدة غير مقروءة
        [two] رسالتان غير مقروءتين
        [few] { $unread } رسائل غير مقروءة
        [many] { $unread } رسالة غير مقروءة
       *[other] { $unread } رسالة غير مقروءة
    }، { $mentions ->
        [zero] ولم تتم الإشارة إليك في أي محادثة
        [one] وتمت الإشارة إليك في محادثة واحدة
        [two] وتمت الإشارة إليك في محادثتين
        [few] وتمت الإشارة إليك في { $mentions } محادثات
        [many] وتمت الإشارة إليك في { $mentions } محادثة
       *[other] وتمت الإشارة إليك في { $mentions } محادثة
    }

## nctray accounts

cli-accounts-none = لا توجد حسابات؛ أضف حسابًا بالأمر `nctray account add --server URL --login NAME --password-stdin`
cli-accounts-line = { $account }: { $password }
cli-accounts-line-default = { $account } (الافتراضي): { $password }
cli-accounts-password-stored = كلمة مرور التطبيق في حلقة المفاتيح
cli-accounts-password-missing = لا توجد كلمة مرور للتطبيق في حلقة المفاتيح (أضف الحساب مجددًا بالأمر `nctray account add`)
cli-accounts-keyring-unavailable = حلقة المفاتيح غير متاحة
cli-accounts-keyring-error = حلقة المفاتيح غير متاحة: { $error }

## nctray account add

cli-account-added = تمت إضافة { $account } ({ $name })
cli-account-cannot-read-password = تعذّرت قراءة كلمة مرور التطبيق من الدخل القياسي
cli-account-no-password = لا توجد كلمة مرور للتطبيق في الدخل القياسي
cli-account-unencrypted = تحذير: { $server } يستخدم http:// لا https://: ستنتقل كلمة مرور التطبيق وكل ما يزامنه الحساب دون تشفير، ويمكن قراءتها في الطريق
cli-account-credentials-refused = لم يقبل الخادم بيانات الاعتماد هذه
cli-account-cannot-check = تعذّر التحقق من الحساب
cli-account-trust-hint = إذا كانت هذه شهادة خادمك، فثِق بها لهذا الحساب بإضافة:
cli-account-certificate-unreadable = تعذّرت قراءة تفاصيلها: { $error }
cli-account-proxy-password-in-url = لا تضع كلمة مرور في --proxy: سمِّ متغير بيئة يحملها باستخدام --proxy-password-env، لتُحفظ في حلقة المفاتيح لا في ملف الإعدادات
cli-account-proxy-has-no-login = الخيار --proxy-password-env مخصص لاسم دخول الوكيل، لكن { $address } لا يتضمن اسم دخول (اكتبه بالشكل http://LOGIN@host:port)
cli-account-proxy-needs-password = اسم دخول الوكيل «{ $login }» يحتاج إلى كلمة مرور: ضعها في متغير بيئة وسمِّه باستخدام --proxy-password-env NAME
cli-account-proxy-variable-empty = متغير البيئة { $variable } لا يحمل كلمة مرور لاسم دخول الوكيل «{ $login }»

## nctray watch --format plain|waybar (the status bar's text and waybar's tooltip)

cli-watch-disconnected = انقطع الاتصال
cli-watch-sign-in-needed = يلزم تسجيل الدخول
cli-watch-suffix-disconnected = (انقطع الاتصال)
cli-watch-suffix-sign-in-needed = (يلزم تسجيل الدخول)
cli-watch-new-notifications =
    { $count ->
        [zero] لا إشعارات جديدة
        [one] إشعار جديد واحد
        [two] إشعاران جديدان
        [few] { $count } إشعارات جديدة
        [many] { $count } إشعارًا جديدًا
       *[other] { $count } إشعار جديد
    }
cli-watch-tooltip-account = { $account }: { $status }
cli-watch-status-unknown = الحالة غير معروفة
cli-watch-cannot-reach = تعذّر الوصول إلى الخادم ({ $reason })
cli-watch-maintenance = الخادم في وضع الصيانة
cli-watch-sign-in = يلزم تسجيل الدخول
cli-watch-certificate-changed = تغيّرت الشهادة
cli-watch-separator = { "، " }
