//! The shared "stop requested" flag, and what a console event does with it.
//!
//! Whatever ends a session from outside — SIGHUP or SIGTERM on Unix, closing the console
//! window, logging off or shutting down on Windows — only *requests* a stop. The event
//! loop notices within its poll timeout, saves a valid score or form being typed, closes
//! the register, restores the terminal and then says it has [`finished`](Stop::finish).
//!
//! On Windows the process is ended as soon as the console handler returns, so the
//! handler [waits](Stop::request_and_wait) for that "finished" before returning. The
//! same wait is driven by the tests on every platform.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

/// Set when the session must end; checked by the event loop.
#[derive(Debug, Clone, Default)]
pub struct Stop {
    requested: Arc<AtomicBool>,
    finished: Arc<(Mutex<bool>, Condvar)>,
}

impl Stop {
    pub fn requested(&self) -> bool {
        self.requested.load(Ordering::SeqCst)
    }

    /// Asks the event loop to save, close and leave.
    pub fn request(&self) {
        self.requested.store(true, Ordering::SeqCst);
    }

    /// The flag itself, for signal handlers that can only set an `AtomicBool`.
    #[cfg(unix)]
    pub(super) fn flag(&self) -> Arc<AtomicBool> {
        Arc::clone(&self.requested)
    }

    /// Called once the register is closed and the terminal restored: whoever waits in
    /// [`request_and_wait`](Self::request_and_wait) may now let the process end.
    pub fn finish(&self) {
        let (lock, ready) = &*self.finished;
        // A poisoned lock still holds a usable flag: a panic elsewhere must not keep a
        // closing console waiting for its whole grace period.
        let mut done = lock.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        *done = true;
        ready.notify_all();
    }

    /// Requests a stop and waits until the app has finished, or `grace` has passed.
    /// Returns whether it finished in time.
    pub fn request_and_wait(&self, grace: Duration) -> bool {
        self.request();
        let deadline = Instant::now() + grace;
        let (lock, ready) = &*self.finished;
        let mut done = lock.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        while !*done {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return false;
            }
            done = match ready.wait_timeout(done, left) {
                Ok((guard, _)) => guard,
                Err(poisoned) => poisoned.into_inner().0,
            };
        }
        true
    }
}

/// The console events Windows sends a console program, in the terms that matter here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConsoleEvent {
    /// Ctrl+C or Ctrl+Break. In raw mode Ctrl+C arrives as a key; Ctrl+Break still
    /// comes as an event, and must not kill the app in the middle of a save.
    Interrupt,
    /// The console window is being closed, the user logs off, or Windows shuts down:
    /// the Windows hang-up.
    Close,
}

/// How long a closing console waits for the save and close. Windows ends the process
/// 5 s after a close event whatever the handler does; stay inside that.
pub const CLOSE_GRACE: Duration = Duration::from_millis(4500);

/// What the app does with a console event; returns `true` when it was handled (Windows
/// then does not run its default action of ending the process at once).
pub fn on_console_event(stop: &Stop, event: ConsoleEvent, grace: Duration) -> bool {
    match event {
        ConsoleEvent::Interrupt => true,
        ConsoleEvent::Close => {
            // Whether or not the app finished in time, the event is handled: returning
            // tells Windows it may end the process now.
            stop.request_and_wait(grace);
            true
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_interrupt_is_swallowed_and_does_not_stop_the_app() {
        let stop = Stop::default();
        assert!(on_console_event(
            &stop,
            ConsoleEvent::Interrupt,
            CLOSE_GRACE
        ));
        assert!(!stop.requested());
    }

    #[test]
    fn a_close_waits_until_the_app_has_finished() {
        let stop = Stop::default();
        let app_side = stop.clone();
        let app = std::thread::spawn(move || {
            while !app_side.requested() {
                std::thread::sleep(Duration::from_millis(5));
            }
            app_side.finish();
        });
        assert!(stop.request_and_wait(Duration::from_secs(30)));
        app.join().expect("app thread");
    }

    #[test]
    fn a_close_gives_up_after_its_grace_period() {
        let stop = Stop::default();
        assert!(!stop.request_and_wait(Duration::from_millis(20)));
        assert!(stop.requested());
    }
}
