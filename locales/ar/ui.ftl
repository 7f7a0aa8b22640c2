# nctray's windows, in Arabic. Follows locales/en/ui.ftl: same identifiers, same variables.

## Shared by every window

app-name = nctray
common-retry = إعادة المحاولة
common-close = إغلاق
common-cancel = إلغاء
common-save = حفظ
common-delete = حذف
common-loading = جارٍ التحميل…
common-demo = تجريبي
common-demoBanner = وضع تجريبي: خادم Nextcloud محاكى داخل nctray. لا شيء هنا حقيقي ولا يُحفظ شيء.

## The popover: notifications and activity

popover-heading = الإشعارات والنشاط
popover-loadUserFailed = تعذّر تحميل حسابك: { $message }
popover-quota-label = المساحة المستخدمة
popover-quota-used = مُستخدَم { $used } من { $total }
popover-quota-usedUnlimited = مُستخدَم { $used }
popover-status-clears = حتى { $when }
popover-status-edit = تعيين الحالة
popover-talk = Talk
popover-talk-label = فتح Talk
popover-tabs-label = ما يُعرض
popover-tab-notifications = الإشعارات
popover-tab-activity = النشاط
popover-tab-count = الجديد: { $count }
popover-notifications-list = الإشعارات
popover-notifications-empty = لا توجد إشعارات
popover-notifications-emptyHint = لقد اطّلعت على كل شيء.
popover-notifications-loadFailed = تعذّر تحميل الإشعارات: { $message }
popover-notifications-dismiss = تجاهل
popover-notifications-dismissLabel = تجاهل «{ $subject }»
popover-notifications-dismissAll = تجاهل الكل
popover-notifications-dismissFailed = تعذّر تجاهل الإشعار: { $message }
popover-notifications-dismissAllFailed = تعذّر تجاهل الإشعارات: { $message }
popover-notifications-open = فتح
popover-notifications-openLabel = فتح «{ $subject }» في المتصفح
popover-notifications-actionFailed = لم ينجح «{ $action }»: { $message }
popover-activity-list = النشاط
popover-activity-filter = عرض
popover-activity-allFilter = كل الأنشطة
popover-activity-search = البحث في النشاط
popover-activity-empty = لا يوجد نشاط بعد
popover-activity-noMatches = لا شيء يطابق «{ $text }».
popover-activity-loadFailed = تعذّر تحميل النشاط: { $message }
popover-activity-olderFailed = تعذّر تحميل النشاط الأقدم: { $message }
popover-activity-loadOlder = عرض النشاط الأقدم
popover-activity-loadingOlder = جارٍ تحميل النشاط الأقدم…
popover-activity-end = هذا كل ما هناك.
popover-activity-searchLimit = تُعرض أحدث { $count } نتيجة مطابقة فقط.
popover-activity-download = تنزيل
popover-activity-downloadLabel = تنزيل { $name }
popover-activity-downloadFailed = تعذّر بدء التنزيل: { $message }
popover-activity-preview = معاينة { $name }
popover-activity-openPreviewLabel = فتح { $name } في المتصفح

## The status editor

status-title = تعيين الحالة
status-now = حالتك الآن
status-clearsAt = تُمسح في { $when }
status-failed = تعذّر تغيير الحالة: { $message }
status-loadFailed = تعذّر تحميل الحالة: { $message }
status-type-heading = حالة الاتصال
status-type-online = متصل
status-type-away = بعيد
status-type-dnd = عدم الإزعاج
status-type-busy = مشغول
status-type-invisible = غير مرئي
status-type-offline = غير متصل
status-type-dnd-hint = كتم جميع الإشعارات
status-type-invisible-hint = الظهور بحالة غير متصل
status-restore-automatic = تمّ تعيين حالتك تلقائيًا ({ $current }).
status-restore-button = استعادة: { $previous }
status-predefined-heading = رسائل سريعة
status-predefined-none = لا يقدّم الخادم رسائل جاهزة.
status-custom-heading = رسالتك الخاصة
status-custom-label = ما حالتك؟
status-custom-placeholder = ما حالتك؟
status-custom-set = تعيين الرسالة
status-custom-clear = مسح الرسالة
status-custom-needsText = اكتب رسالة أولًا.
status-count = { $count }/{ $limit }
status-count-label = الأحرف: { $count } من { $limit }
status-tooLong = عدد أحرف الرسالة { $count }، والحد الأقصى المسموح به { $limit }.
status-emoji-choose = اختيار رمز تعبيري
status-emoji-current = الرمز التعبيري: { $emoji }
status-emoji-none = بلا رمز تعبيري
status-emoji-grid = رموز تعبيرية شائعة
status-emoji-typeLabel = أو اكتب واحدًا
status-emoji-typePlaceholder = اكتب رمزًا تعبيريًا واحدًا أو الصقه
status-emoji-use = استخدام
status-emoji-notOne = اكتب رمزًا تعبيريًا واحدًا بالضبط.
status-emoji-remove = إزالة الرمز التعبيري
status-clearAfter-label = مسح بعد
status-clearAfter-dont-clear = عدم المسح
status-clearAfter-thirty-minutes = 30 دقيقة
status-clearAfter-one-hour = ساعة واحدة
status-clearAfter-four-hours = 4 ساعات
status-clearAfter-today = اليوم
status-clearAfter-this-week = هذا الأسبوع
status-clearAfter-minutes = { $count ->
        [zero] { $count } دقيقة
        [one] دقيقة واحدة
        [two] دقيقتان
        [few] { $count } دقائق
        [many] { $count } دقيقة
       *[other] { $count } دقيقة
    }
status-clearAfter-hours = { $count ->
        [zero] { $count } ساعة
        [one] ساعة واحدة
        [two] ساعتان
        [few] { $count } ساعات
        [many] { $count } ساعة
       *[other] { $count } ساعة
    }
status-clearAfter-oneHour = ساعة واحدة
status-presets-heading = الإعدادات المسبقة
status-presets-none = لا توجد إعدادات مسبقة بعد. احفظ حالتك الحالية لتعيينها مجددًا بنقرة واحدة.
status-presets-saveCurrent = حفظ الحالة الحالية كإعداد مسبق…
status-presets-apply = تطبيق
status-presets-edit = تعديل
status-presets-applyNamed = تطبيق الإعداد المسبق { $name }
status-presets-editNamed = تعديل الإعداد المسبق { $name }
status-presets-deleteNamed = حذف الإعداد المسبق { $name }
status-presets-clearsAfter = تُمسح بعد: { $duration }
status-presets-failed = تعذّر حفظ الإعداد المسبق: { $message }
status-preset-newHeading = إعداد مسبق جديد
status-preset-editHeading = تعديل الإعداد المسبق
status-preset-name = الاسم
status-preset-status = الحالة
status-preset-message = الرسالة
status-preset-needsName = أعطِ الإعداد المسبق اسمًا.
status-preset-clearAfterNote = تُمسح الإعدادات المسبقة بعد مدة ثابتة؛ لذلك لا يتوفر هنا خيارا «اليوم» و«هذا الأسبوع».

## Talk quick chat

chat-title = Talk
chat-choose = اختر محادثة، أو ابدأ محادثة جديدة بالزر +.
chat-rooms-title = المحادثات
chat-rooms-search = البحث في المحادثات
chat-rooms-new = محادثة جديدة
chat-rooms-none = لا توجد محادثات بعد.
chat-rooms-noMatch = لا توجد محادثة تطابق «{ $query }».
chat-rooms-favorite = مفضّلة
chat-rooms-mentioned = تمت الإشارة إليك
chat-rooms-unread = { $count ->
        [zero] لا رسائل غير مقروءة
        [one] رسالة واحدة غير مقروءة
        [two] رسالتان غير مقروءتين
        [few] { $count } رسائل غير مقروءة
        [many] { $count } رسالة غير مقروءة
       *[other] { $count } رسالة غير مقروءة
    }
chat-rooms-unreadMention = غير مقروءة: { $count }، وتمت الإشارة إليك
chat-room-favorite = إضافة إلى المفضلة
chat-room-unfavorite = إزالة من المفضلة
chat-room-joinCall = الانضمام إلى المكالمة
chat-room-callLive = مكالمة جارية
chat-room-settings = الإعدادات
chat-history-title = الرسائل
chat-history-older = تحميل الرسائل الأقدم
chat-history-start = هذه بداية المحادثة.
chat-message-reply = رد
chat-message-replyTo = الرد على { $author }
chat-message-react = تفاعل
chat-message-reaction = { $emoji } { $count }: تفاعل أو تراجع عن تفاعلك
chat-message-edited = (معدّلة)
chat-message-deleted = حُذفت الرسالة
chat-message-openFile = فتح { $name } في المتصفح
chat-composer-label = الرسالة
chat-composer-placeholder = اكتب رسالة… (@ للإشارة إلى شخص)
chat-composer-readOnly = هذه المحادثة للقراءة فقط.
chat-composer-send = إرسال
chat-composer-mentions = الإشارة إلى شخص
chat-composer-replyingTo = ردًّا على { $author }:
chat-composer-cancelReply = إلغاء الرد
chat-settings-title = إعدادات المحادثة
chat-settings-name = الاسم
chat-settings-rename = إعادة التسمية
chat-settings-favorite = مفضّلة
chat-settings-notifications = أعلِمني بـ
chat-settings-notifyDefault = الإعداد الافتراضي للخادم
chat-settings-notifyAlways = كل الرسائل
chat-settings-notifyMention = الإشارات فقط
chat-settings-notifyNever = لا شيء
chat-settings-guests = السماح للضيوف (كل من لديه الرابط)
chat-settings-passwordSet = كلمة مرور للضيوف
chat-settings-passwordChange = كلمة مرور جديدة للضيوف
chat-settings-passwordRemove = إزالة كلمة المرور
chat-settings-leave = مغادرة المحادثة
chat-settings-leaveConfirm = هل تريد المغادرة حقًا؟
chat-settings-delete = حذف المحادثة
chat-settings-deleteConfirm = هل تريد حذفها للجميع حقًا؟
chat-participants-title = المشاركون ({ $count })
chat-participants-you = (أنت)
chat-participants-owner = المالك
chat-participants-moderator = مشرف
chat-participants-guest = ضيف
chat-participants-promote = تعيين كمشرف
chat-participants-promoteNamed = تعيين { $name } مشرفًا
chat-participants-demote = إزالة الإشراف
chat-participants-demoteNamed = جعل { $name } مشاركًا عاديًا
chat-participants-remove = إزالة
chat-participants-removeNamed = إزالة { $name } من المحادثة
chat-participants-add = إضافة شخص
chat-participants-userId = معرّف المستخدم
chat-participants-addButton = إضافة
chat-new-title = محادثة جديدة
chat-new-kind = النوع
chat-new-oneToOne = مع شخص واحد
chat-new-group = مجموعة
chat-new-public = عامة (يمكن للضيوف الانضمام عبر الرابط)
chat-new-userId = معرّف المستخدم للطرف الآخر
chat-new-name = الاسم
chat-new-password = كلمة مرور للضيوف (اختيارية)
chat-new-create = إنشاء

## Accounts and settings

accounts-title = الحسابات والإعدادات
accounts-loadFailed = تعذّر تحميل الحسابات: { $message }
accounts-welcome = مرحبًا بك في nctray. سجّل الدخول إلى Nextcloud الخاص بك: أدخل عنوانه ثم وافق على nctray في المتصفح. أو اختر «تجربة الوضع التجريبي» من قائمة شريط النظام لتستكشف أولًا.
accounts-about-heading = حول nctray
accounts-about-version = الإصدار { $version }
accounts-about-logs = ملفات السجل: { $folder }
accounts-about-openLogs = فتح مجلد السجلات
accounts-about-failed = تعذّر فتح المجلد: { $message }
accounts-list-heading = الحسابات
accounts-list-none = لا يوجد حساب بعد. سجّل الدخول أدناه.
accounts-list-shown = معروض في النوافذ
accounts-list-show = عرض في النوافذ
accounts-list-primary = أيقونة شريط النظام
accounts-list-demo = خادم تجريبي، يزول عند إغلاق nctray
accounts-list-pause = إيقاف مؤقت
accounts-list-resume = استئناف
accounts-list-remove = إزالة
accounts-list-removeConfirm = هل تريد إزالة { $account }؟ ستُلغى كلمة مرور التطبيق الخاصة به على الخادم وتُحذف من حلقة المفاتيح.
accounts-list-removeYes = إزالة الحساب
accounts-list-removed = تمت إزالة { $account }.
accounts-list-removedServerKept = تمت إزالة { $account } من nctray، لكن الخادم لم يتمكن من إلغاء كلمة مرور التطبيق الخاصة به ({ $reason }). ألغِها من إعدادات الأمان على الخادم.
accounts-list-failed = لم ينجح ذلك: { $message }
accounts-connection-starting = جارٍ الاتصال…
accounts-connection-online = متصل
accounts-connection-offline = غير متصل
accounts-connection-maintenance = الخادم في وضع الصيانة
accounts-connection-sign_in_needed = يلزم تسجيل الدخول: أزِل الحساب وسجّل الدخول مجددًا
accounts-connection-certificate_changed = تغيّرت الشهادة: لن يُرسل أي شيء. إذا كان للخادم شهادة جديدة فعلًا، فأزِل الحساب وسجّل الدخول مجددًا لتتحقق من الشهادة الجديدة وتثق بها
accounts-connection-paused = متوقف مؤقتًا
accounts-signIn-heading = إضافة حساب
accounts-signIn-server = عنوان الخادم
accounts-signIn-placeholder = cloud.example.com
accounts-signIn-start = تسجيل الدخول
accounts-signIn-starting = جارٍ فتح المتصفح…
accounts-signIn-useDemo = التجربة باستخدام الخادم التجريبي
accounts-signIn-waiting = وافق على nctray في نافذة المتصفح التي فُتحت.
accounts-signIn-expiresIn = بانتظار الموافقة — تنتهي الصلاحية خلال { $time }
accounts-signIn-loginPage = صفحة تسجيل الدخول:
accounts-signIn-unencrypted = يبدأ هذا العنوان بـ http:// لا https://: ستنتقل كلمة مرور التطبيق وكل ما يزامنه nctray دون تشفير، ويمكن لأي أحد في الطريق قراءتها. ألغِ واستخدم https:// ما لم تكن هذه الشبكة شبكتك الخاصة.
accounts-signIn-reopen = فتح صفحة تسجيل الدخول مجددًا
accounts-signIn-cancel = إلغاء تسجيل الدخول
accounts-signIn-cancelled = أُلغي تسجيل الدخول.
accounts-signIn-expired = انتهت صلاحية تسجيل الدخول: لم تتم الموافقة خلال 20 دقيقة. سجّل الدخول مجددًا للحصول على صفحة تسجيل دخول جديدة.
accounts-signIn-again = تسجيل الدخول مجددًا
accounts-signIn-done = تم تسجيل الدخول باسم { $name }.
accounts-signIn-failed = فشل تسجيل الدخول: { $message }
accounts-signIn-untrusted-heading = شهادة هذا الخادم غير موثوقة
accounts-signIn-untrusted-explain = لا يعرف نظامك الجهة التي وقّعتها. إذا كانت شهادة خادمك أنت (موقّعة ذاتيًا أو من جهة إصدار خاصة بك)، فقارن البصمة بالبصمة التي يراها مسؤول الخادم، ثم ثِق بهذه الشهادة بعينها لهذا الحساب. سيرفض nctray أي شهادة أخرى.
accounts-signIn-untrusted-subject = صادرة إلى
accounts-signIn-untrusted-issuer = صادرة من
accounts-signIn-untrusted-validFrom = صالحة من
accounts-signIn-untrusted-validUntil = صالحة حتى
accounts-signIn-untrusted-fingerprint = بصمة SHA-256
accounts-signIn-untrusted-trust = الثقة بهذه الشهادة لهذا الحساب
accounts-signIn-untrusted-back = عدم الثقة بها
accounts-settings-heading = الإعدادات
accounts-settings-language = اللغة
accounts-settings-language-automatic = تلقائي (من Nextcloud الخاص بك أو من سطح المكتب)
accounts-settings-poll = التحقق من الإشعارات
accounts-settings-poll-server = كما يقترح الخادم
accounts-settings-poll-every = كل { $time }
accounts-settings-poll-hint = إذا كانت الإشعارات الفورية مفعّلة على الخادم، فالتحقق مجرد احتياط.
accounts-settings-away = تعيين حالتي إلى «بعيد» بعد الخمول (بالدقائق)
accounts-settings-appearance = المظهر
accounts-settings-appearance-system = مثل سطح المكتب
accounts-settings-appearance-light = فاتح
accounts-settings-appearance-dark = داكن
accounts-settings-startAtLogin = تشغيل nctray عند تسجيل دخولي
accounts-settings-popups = النوافذ المنبثقة
accounts-settings-popups-hint = إشعارات التطبيقات المعطّلة هنا تظل تظهر في قائمة الإشعارات.
accounts-settings-saved = تم الحفظ.
accounts-settings-failed = لم تُحفظ الإعدادات: { $message }
accounts-app-spreed = Talk
accounts-app-files_sharing = المشاركات
accounts-app-dav = التقويم
accounts-time-seconds = { $n } ثانية
accounts-time-minutes = { $n } دقيقة
