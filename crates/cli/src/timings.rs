//! Phase timings on stderr when `DOSSIER_TIMINGS` is set: where a long
//! `dossier build` spends its time, without a profiler.

use std::time::Instant;

/// Prints the time since the previous lap, when `DOSSIER_TIMINGS` is set.
pub struct Timer {
    last: std::cell::Cell<Instant>,
    enabled: bool,
}

impl Timer {
    /// A timer starting now.
    pub fn start() -> Self {
        Timer {
            last: std::cell::Cell::new(Instant::now()),
            enabled: std::env::var_os("DOSSIER_TIMINGS").is_some(),
        }
    }

    /// Ends a phase called `what`: prints its wall time and starts the next.
    pub fn lap(&self, what: &str) {
        let now = Instant::now();
        if self.enabled {
            let ms = now.duration_since(self.last.get()).as_secs_f64() * 1000.0;
            match resident_mb() {
                Some(mb) => eprintln!("timing: {what}: {ms:.0} ms (resident {mb} MB)"),
                None => eprintln!("timing: {what}: {ms:.0} ms"),
            }
        }
        self.last.set(now);
    }
}

/// The process's resident memory now, in MB, where the system says
/// (Linux's `/proc/self/status`); for the timing lines only.
fn resident_mb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024)
}
