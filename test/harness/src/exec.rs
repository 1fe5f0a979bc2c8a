//! Running one command of a test: run.go's `runcmd`.
//!
//! In: an argument vector, a working directory, extra environment, a time limit. Out: the combined stdout
//! and stderr (one file shared by both, so the interleaving is the program's own) and how the command ended.
//!
//! Every command runs in its own process group; on timeout the whole group gets SIGINT, then SIGKILL a
//! second later (run.go signals only the direct child; killing the group also stops `go run`'s child).

use std::fs::File;
use std::io::Read;
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

extern "C" {
    fn kill(pid: i32, sig: i32) -> i32;
}
const SIGINT: i32 = 2;
const SIGKILL: i32 = 9;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    Exited(i32),
    Signaled(i32),
    TimedOut,
    /// The command could not be started (not found, not executable).
    NotStarted(String),
}

pub struct Output {
    pub out: Vec<u8>,
    pub status: Status,
}

impl Output {
    pub fn ok(&self) -> bool {
        self.status == Status::Exited(0)
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.out).into_owned()
    }

    /// The error text run.go builds for a failed command: Go's `exec.ExitError` text, then the output.
    pub fn error(&self) -> String {
        match &self.status {
            Status::Exited(0) => String::new(),
            Status::Exited(c) => format!("exit status {c}\n{}", self.text()),
            Status::Signaled(s) => format!("signal: {}\n{}", signal_name(*s), self.text()),
            Status::TimedOut => "command exceeded time limit".to_string(),
            Status::NotStarted(e) => format!("{e}\n"),
        }
    }
}

fn signal_name(s: i32) -> String {
    match s {
        2 => "interrupt".into(),
        4 => "illegal instruction".into(),
        5 => "trace/breakpoint trap".into(),
        6 => "aborted".into(),
        7 => "bus error".into(),
        8 => "floating point exception".into(),
        9 => "killed".into(),
        11 => "segmentation fault".into(),
        13 => "broken pipe".into(),
        15 => "terminated".into(),
        _ => format!("signal {s}"),
    }
}

pub struct Cmd<'a> {
    pub argv: Vec<String>,
    pub dir: &'a Path,
    pub env: Vec<(String, String)>,
    /// Variables removed from the inherited environment.
    pub env_remove: Vec<&'static str>,
    pub timeout: Duration,
    /// Where to collect the output (a file inside the test's temporary directory).
    pub out_file: PathBuf,
}

pub fn run(cmd: Cmd) -> Output {
    let not_started = |e: String| Output { out: Vec::new(), status: Status::NotStarted(e) };
    let file = match File::create(&cmd.out_file) {
        Ok(f) => f,
        Err(e) => return not_started(format!("create {}: {e}", cmd.out_file.display())),
    };
    let (stdout, stderr) = match (file.try_clone(), file.try_clone()) {
        (Ok(a), Ok(b)) => (a, b),
        _ => return not_started("dup output file".into()),
    };
    drop(file);
    let mut c = Command::new(&cmd.argv[0]);
    c.args(&cmd.argv[1..]).current_dir(cmd.dir).stdin(Stdio::piped()).stdout(stdout).stderr(stderr).process_group(0);
    for k in &cmd.env_remove {
        c.env_remove(k);
    }
    for (k, v) in &cmd.env {
        c.env(k, v);
    }
    let mut child = match c.spawn() {
        Ok(ch) => ch,
        Err(e) => return not_started(format!("exec: \"{}\": {e}", cmd.argv[0])),
    };
    drop(c); // close our copies of the output file
             // The program's stdin is an empty pipe (not /dev/null, so a broken /dev/null cannot fail every test).
    drop(child.stdin.take());
    let pid = child.id() as i32;
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait());
    });
    let status = match rx.recv_timeout(cmd.timeout) {
        Ok(Ok(st)) => match (st.code(), st.signal()) {
            (Some(c), _) => Status::Exited(c),
            (None, Some(s)) => Status::Signaled(s),
            (None, None) => Status::Exited(-1),
        },
        Ok(Err(e)) => Status::NotStarted(format!("wait: {e}")),
        Err(_) => {
            // SAFETY: kill(2) on our own child's process group; no memory is touched.
            unsafe { kill(-pid, SIGINT) };
            if rx.recv_timeout(Duration::from_secs(1)).is_err() {
                unsafe { kill(-pid, SIGKILL) };
                let _ = rx.recv();
            }
            Status::TimedOut
        }
    };
    let mut out = Vec::new();
    if let Ok(mut f) = File::open(&cmd.out_file) {
        let _ = f.read_to_end(&mut out);
    }
    let _ = std::fs::remove_file(&cmd.out_file);
    Output { out, status }
}
