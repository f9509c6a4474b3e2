//! Client-side search (placeholder).
