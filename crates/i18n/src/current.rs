//! The language the whole process speaks now, changeable while it runs, with listeners that
//! redraw what shows text (the tray menu, the windows) when it changes.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock, RwLock};

use crate::catalogue::Catalogue;
use crate::language::Language;
use crate::localizer::Localizer;

type Listener = Arc<dyn Fn(&Language) + Send + Sync>;

struct State {
    current: RwLock<Language>,
    /// Built once per (language, catalogue): parsing a catalogue is not free and the tray
    /// redraws often.
    localizers: Mutex<HashMap<(Language, Catalogue), Arc<Localizer>>>,
    listeners: Mutex<Vec<Listener>>,
}

fn state() -> &'static State {
    static STATE: OnceLock<State> = OnceLock::new();
    STATE.get_or_init(|| State {
        current: RwLock::new(Language::from_environment()),
        localizers: Mutex::default(),
        listeners: Mutex::default(),
    })
}

/// The language now spoken: the desktop's (`LC_ALL`/`LC_MESSAGES`/`LANG`) until
/// `set_current` says otherwise.
pub fn current() -> Language {
    state().current.read().unwrap().clone()
}

/// Speaks `language` from now on and tells every listener, if it is a change.
pub fn set_current(language: Language) {
    {
        let mut current = state().current.write().unwrap();
        if *current == language {
            return;
        }
        *current = language.clone();
    }
    // Called without the locks held: a listener may well look texts up.
    let listeners: Vec<Listener> = state().listeners.lock().unwrap().clone();
    for listener in listeners {
        listener(&language);
    }
}

/// Calls `listener` with the new language after every change of `current()`.
pub fn on_change(listener: impl Fn(&Language) + Send + Sync + 'static) {
    state().listeners.lock().unwrap().push(Arc::new(listener));
}

/// The catalogue in the current language.
pub fn localizer(catalogue: Catalogue) -> Arc<Localizer> {
    let language = current();
    let mut localizers = state().localizers.lock().unwrap();
    localizers
        .entry((language.clone(), catalogue))
        .or_insert_with(|| Arc::new(Localizer::new(&language, catalogue)))
        .clone()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn a_change_of_language_reaches_the_listeners_and_the_localizers_once() {
        let told = Arc::new(Mutex::new(Vec::new()));
        let calls = Arc::new(AtomicUsize::new(0));
        {
            let told = told.clone();
            let calls = calls.clone();
            on_change(move |language| {
                calls.fetch_add(1, Ordering::SeqCst);
                told.lock().unwrap().push(language.tag());
            });
        }
        set_current(Language::negotiate(&["pl"]));
        set_current(Language::negotiate(&["pl_PL"]));
        assert_eq!(localizer(Catalogue::App).language().tag(), "pl");
        set_current(Language::english());
        assert_eq!(*told.lock().unwrap(), ["pl", "en"]);
        assert_eq!(calls.load(Ordering::SeqCst), 2);
        assert_eq!(localizer(Catalogue::App).language().tag(), "en");
    }
}
