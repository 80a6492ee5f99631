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
            eprintln!("timing: {what}: {ms:.0} ms");
        }
        self.last.set(now);
    }
}
