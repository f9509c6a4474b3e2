//! A file written as a stream under a temporary name, then renamed over the
//! old one only if its bytes changed: a big rule file is never held in memory
//! whole, a cut-short run leaves the previous file, and an unchanged one
//! keeps its date (and its precompressed variants).

use std::fs::{self, File};
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

pub struct Staged {
    path: PathBuf,
    tmp: PathBuf,
    out: BufWriter<File>,
}

impl Staged {
    pub fn create(path: &Path) -> io::Result<Staged> {
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir)?;
        }
        let mut tmp = path.as_os_str().to_owned();
        tmp.push(".tmp");
        let tmp = PathBuf::from(tmp);
        Ok(Staged {
            path: path.to_path_buf(),
            out: BufWriter::new(File::create(&tmp)?),
            tmp,
        })
    }

    /// Renames the new text into place when it differs; returns whether it did.
    pub fn finish(self) -> io::Result<bool> {
        let Staged { path, tmp, out } = self;
        out.into_inner().map_err(|e| e.into_error())?.sync_all()?;
        if same_bytes(&tmp, &path)? {
            fs::remove_file(&tmp)?;
            return Ok(false);
        }
        fs::rename(&tmp, &path)?;
        crate::output::remove_variants(&path);
        Ok(true)
    }
}

impl Write for Staged {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.out.write(buf)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// Compares two files chunk by chunk; a missing `old` differs.
fn same_bytes(new: &Path, old: &Path) -> io::Result<bool> {
    let (Ok(a), Ok(b)) = (File::open(new), File::open(old)) else {
        return Ok(false);
    };
    if a.metadata()?.len() != b.metadata()?.len() {
        return Ok(false);
    }
    let (mut a, mut b) = (BufReader::new(a), BufReader::new(b));
    let (mut x, mut y) = ([0u8; 8192], [0u8; 8192]);
    loop {
        let n = a.read(&mut x)?;
        if n == 0 {
            return Ok(true);
        }
        b.read_exact(&mut y[..n])?;
        if x[..n] != y[..n] {
            return Ok(false);
        }
    }
}
