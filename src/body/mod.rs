//! HTML → typed body blocks (placeholder; the converter lands here).
