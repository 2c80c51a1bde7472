//! Vietnamese text handling: the only place that knows how Vietnamese is
//! spelled, sorted, searched and laid out in terminal cells.
//!
//! Everything here is pure (no I/O) so the TUI, reports and import code can
//! share one definition of "the same name" and "the right order".
//!
//! - [`normalize`]: NFC and cleaned names, the forms we store.
//! - [`fold`]: diacritic- and case-insensitive search keys.
//! - [`ascii`]: pure-ASCII fallback for limited consoles and printers.
//! - [`collate`]: Vietnamese dictionary order.
//! - [`person`]: ordering people by given name.
//! - [`width`]: terminal column widths, truncation and padding.
//! - [`number`]: "1.234" and "61,7%".
//! - [`input`]: a single-line editor that works with Unikey/EVKey.
//! - [`io_error`]: operating-system errors said in Vietnamese.
//! - [`english`]: library messages (serde, postcard, redb) said in Vietnamese.
//! - [`limits`]: the longest text each kind of field may hold.
//! - [`safe`]: control and bidirectional characters refused on input, escaped on output.

pub mod ascii;
pub mod collate;
pub mod english;
pub mod fold;
pub mod input;
pub mod io_error;
pub mod limits;
pub mod normalize;
pub mod number;
pub mod person;
pub mod safe;
pub mod typed;
pub mod width;

pub use ascii::to_ascii;
pub use collate::{collate, collation_key};
pub use fold::{fold, header_key, matches_query, matches_word};
pub use input::TextInput;
pub use io_error::describe_io;
pub use normalize::{clean_name, clean_name_cow, nfc, nfc_owned};
pub use number::{format_count, format_percent, percent_tenths};
pub use person::person_sort_key;
pub use safe::{escape, escape_text, unsafe_reason};
pub use typed::{parse_date, parse_percent};
pub use width::{pad_left_to_width, pad_to_width, truncate_to_width, width};
