//! Unix: SIGHUP (the SSH connection dropped, the terminal window closed) and SIGTERM
//! request a stop instead of killing the process, so the register is closed properly.

use super::stop::Stop;
use std::io;

pub fn watch_stop_events(stop: &Stop) -> io::Result<()> {
    for signal in [signal_hook::consts::SIGHUP, signal_hook::consts::SIGTERM] {
        signal_hook::flag::register(signal, stop.flag())?;
    }
    Ok(())
}
