//! Related-article ranking (placeholder).
