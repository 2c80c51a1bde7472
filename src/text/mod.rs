//! Vietnamese text handling (placeholder, being written).
