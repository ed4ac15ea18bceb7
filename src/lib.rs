//! `resume`: one folder of YAML about an engineer's career, typeset into PDFs per
//! audience through Typst templates compiled in-process.
//!
//! The data flows one way: [`load`] (files to a checked model) -> [`select`] (a profile's
//! subset) -> [`render`] (document data to Typst to PDF). [`cmd`] holds one file per
//! command; `main.rs` only parses arguments and sets the exit code.

pub mod apply;
pub mod args;
pub mod cmd;
pub mod convert;
pub mod diagnostic;
pub mod load;
pub mod locale;
pub mod model;
pub mod out;
pub mod render;
pub mod select;
pub mod suggest;
