//! The real program in a pseudo-terminal: start it, read the screen through a vt100
//! parser, type, wait for it to end. Shared by `tests/pty.rs` (the Linux build) and
//! `tests/windows_wine.rs` (the Windows build under wine).

#![allow(dead_code)]

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub struct Session {
    pub master: Option<Box<dyn MasterPty + Send>>,
    pub writer: Option<Box<dyn Write + Send>>,
    pub child: Box<dyn Child + Send + Sync>,
    pub screen: Arc<Mutex<vt100::Parser>>,
    /// Every byte the program wrote, unparsed (escape sequences included).
    pub raw: Arc<Mutex<Vec<u8>>>,
    /// Tells the output thread to drop its copy of the master side at its next read.
    pub hang_up: Arc<std::sync::atomic::AtomicBool>,
    pub output: Option<std::thread::JoinHandle<()>>,
}

impl Session {
    /// The app on the register `db`, at 80×24.
    pub fn start(db: &Path) -> Session {
        Session::spawn(Session::app(db))
    }

    /// The command that runs the app on the register `db`, for a test that sets more.
    pub fn app(db: &Path) -> CommandBuilder {
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_sohoctap"));
        command.arg("--db");
        command.arg(db);
        command
    }

    pub fn spawn(command: CommandBuilder) -> Session {
        Session::spawn_sized(command, 24, 80)
    }

    pub fn spawn_sized(mut command: CommandBuilder, rows: u16, cols: u16) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("openpty");
        command.env("TERM", "xterm");
        command.env("NO_COLOR", "1");
        // The app asks who is working unless given a name; tests that are not about
        // that question give one (a test about it sets the variable empty first).
        if command.get_env("SOHOCTAP_OFFICER").is_none() {
            command.env("SOHOCTAP_OFFICER", "Can bo thu");
        }
        let child = pty.slave.spawn_command(command).expect("spawn");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("reader");
        let writer = pty.master.take_writer().expect("writer");
        let screen = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let feed = Arc::clone(&screen);
        let raw = Arc::new(Mutex::new(Vec::new()));
        let record = Arc::clone(&raw);
        let hang_up = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let stop_reading = Arc::clone(&hang_up);
        let output = std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || stop_reading.load(std::sync::atomic::Ordering::SeqCst) {
                    break;
                }
                if let Ok(mut parser) = feed.lock() {
                    parser.process(&buf[..n]);
                }
                if let Ok(mut all) = record.lock() {
                    all.extend_from_slice(&buf[..n]);
                }
            }
        });
        Session {
            master: Some(pty.master),
            writer: Some(writer),
            child,
            screen,
            raw,
            hang_up,
            output: Some(output),
        }
    }

    pub fn contents(&self) -> String {
        self.screen
            .lock()
            .map(|p| p.screen().contents())
            .unwrap_or_default()
    }

    pub fn wait_for(&self, what: &str) {
        self.wait_for_within(what, Duration::from_secs(10));
    }

    pub fn wait_for_within(&self, what: &str, limit: Duration) {
        let deadline = Instant::now() + limit;
        while Instant::now() < deadline {
            if self.contents().contains(what) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("«{what}» never appeared; the screen:\n{}", self.contents());
    }

    /// Sends bytes, then pauses so a lone Esc is not read as the start of a sequence.
    pub fn send(&mut self, bytes: &str) {
        let writer = self.writer.as_mut().expect("writer");
        writer.write_all(bytes.as_bytes()).expect("write");
        writer.flush().expect("flush");
        std::thread::sleep(Duration::from_millis(80));
    }

    /// Every byte the program wrote so far.
    pub fn raw(&self) -> Vec<u8> {
        self.raw.lock().map(|r| r.clone()).unwrap_or_default()
    }

    /// Waits up to 5 s for the process to end; returns how long it took.
    pub fn wait_exit(&mut self, since: Instant) -> Duration {
        self.wait_exit_within(since, Duration::from_secs(5))
    }

    pub fn wait_exit_within(&mut self, since: Instant, limit: Duration) -> Duration {
        while since.elapsed() < limit {
            if let Ok(Some(status)) = self.child.try_wait() {
                let _ = status;
                return since.elapsed();
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        let _ = self.child.kill();
        panic!(
            "the process was still running {limit:?} later; the screen:\n{}",
            self.contents()
        );
    }
}
