//! Windows: a console control handler. Closing the console window, logging off and
//! shutting down are the Windows hang-up: the handler requests a stop and waits (inside
//! the 5 s Windows allows) until the app has saved, closed the register and restored the
//! console. Ctrl+C and Ctrl+Break are swallowed, so they never end the app mid-save.
//!
//! Windows delivers logoff and shutdown to a console handler only while the program has
//! not loaded `user32.dll`; crossterm loads it (to translate keys by keyboard layout),
//! so a hidden window on its own thread receives `WM_ENDSESSION` for those, as the
//! `SetConsoleCtrlHandler` documentation advises, and does the same as the handler.

// The one place the program calls the operating system directly: the console handler
// has no safe wrapper in the standard library.
#![allow(unsafe_code)]

use super::stop::{CLOSE_GRACE, ConsoleEvent, Stop, on_console_event};
use std::io;
use std::sync::OnceLock;
use windows_sys::Win32::Foundation::{HWND, LPARAM, LRESULT, WPARAM};
use windows_sys::Win32::System::Console::{
    CTRL_BREAK_EVENT, CTRL_C_EVENT, CTRL_CLOSE_EVENT, CTRL_LOGOFF_EVENT, CTRL_SHUTDOWN_EVENT,
    SetConsoleCtrlHandler,
};
use windows_sys::Win32::System::LibraryLoader::GetModuleHandleW;
use windows_sys::Win32::UI::WindowsAndMessaging::{
    CreateWindowExW, DefWindowProcW, DispatchMessageW, GetMessageW, MSG, RegisterClassW,
    TranslateMessage, WM_ENDSESSION, WM_QUERYENDSESSION, WNDCLASSW,
};
use windows_sys::core::BOOL;

/// The handler runs on a thread Windows creates, with no way to pass it state: the flag
/// of the one session this process runs.
static SESSION: OnceLock<Stop> = OnceLock::new();

pub fn watch_stop_events(stop: &Stop) -> io::Result<()> {
    if SESSION.set(stop.clone()).is_err() {
        // Already installed for this process; a second session shares the handler.
        return Ok(());
    }
    // SAFETY: `on_console_event_raw` is an `extern "system"` function with the signature
    // `PHANDLER_ROUTINE` requires, valid for the whole life of the process.
    let added = unsafe { SetConsoleCtrlHandler(Some(on_console_event_raw), 1) };
    if added == 0 {
        return Err(io::Error::last_os_error());
    }
    std::thread::spawn(run_session_window);
    Ok(())
}

/// Creates the hidden window that hears of logoff and shutdown, and pumps its messages
/// for the life of the process. Without it those two end the process unannounced, as
/// before; the console handler still covers closing the window, so a failure here is
/// not worth stopping the app for.
fn run_session_window() {
    let class_name: Vec<u16> = "sohoctap-phien-lam-viec\0".encode_utf16().collect();
    // SAFETY: every pointer passed lives until the calls return (`class_name` for the
    // whole function, which never returns while the window exists); `MSG` and
    // `WNDCLASSW` are plain C structures for which all-zero is a valid value.
    unsafe {
        let instance = GetModuleHandleW(std::ptr::null());
        let class = WNDCLASSW {
            lpfnWndProc: Some(on_window_message),
            hInstance: instance,
            lpszClassName: class_name.as_ptr(),
            ..std::mem::zeroed()
        };
        if RegisterClassW(&class) == 0 {
            return;
        }
        // A top-level window that is never shown: message-only windows (HWND_MESSAGE)
        // do not receive the broadcast of WM_QUERYENDSESSION / WM_ENDSESSION.
        let window = CreateWindowExW(
            0,
            class_name.as_ptr(),
            class_name.as_ptr(),
            0,
            0,
            0,
            0,
            0,
            std::ptr::null_mut(),
            std::ptr::null_mut(),
            instance,
            std::ptr::null(),
        );
        if window.is_null() {
            return;
        }
        let mut message: MSG = std::mem::zeroed();
        while GetMessageW(&mut message, std::ptr::null_mut(), 0, 0) > 0 {
            TranslateMessage(&message);
            DispatchMessageW(&message);
        }
    }
}

unsafe extern "system" fn on_window_message(
    window: HWND,
    message: u32,
    wparam: WPARAM,
    lparam: LPARAM,
) -> LRESULT {
    match message {
        // Yes, the session may end: nothing is lost by it.
        WM_QUERYENDSESSION => 1,
        // The session is ending (wparam non-zero): save and close before answering,
        // because Windows ends the process once every window has answered.
        WM_ENDSESSION => {
            if wparam != 0
                && let Some(stop) = SESSION.get()
            {
                on_console_event(stop, ConsoleEvent::Close, CLOSE_GRACE);
            }
            0
        }
        // SAFETY: the arguments are the ones Windows passed to this window procedure.
        _ => unsafe { DefWindowProcW(window, message, wparam, lparam) },
    }
}

unsafe extern "system" fn on_console_event_raw(kind: u32) -> BOOL {
    let event = match kind {
        CTRL_C_EVENT | CTRL_BREAK_EVENT => ConsoleEvent::Interrupt,
        CTRL_CLOSE_EVENT | CTRL_LOGOFF_EVENT | CTRL_SHUTDOWN_EVENT => ConsoleEvent::Close,
        // Anything newer: let Windows do what it does by default.
        _ => return 0,
    };
    match SESSION.get() {
        Some(stop) => BOOL::from(on_console_event(stop, event, CLOSE_GRACE)),
        None => 0,
    }
}
