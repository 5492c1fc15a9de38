//! Identity: password hashing, session tokens, the signed-in viewer and login throttling.

pub mod password;
pub mod throttle;
pub mod token;
pub mod viewer;

pub use viewer::{Role, Viewer};
