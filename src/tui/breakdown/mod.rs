//! The breakdown screen (B on the home screen). Per community and per clan, two lines each: its households recognised GĐHT (with the
//! share registered) and how far they are from the commune's GĐHT target ("▼ thiếu 12
//! hộ"); then the citizens in the register who belong to its households, recognised
//! CDHT out of those (not the home bar's population measure, which counts adults), and
//! its own CĐHT or DHHT status in the list's words and symbols. When the commune's GĐHT
//! targets include the other bases (registered over all, recognised over registered),
//! each community's and clan's shares on them carry ✓ or ▼ against those targets. Drawn
//! from the live tally (`Tally::by_community`, `by_clan`), so it follows every save.

//!
//! - `state`: the clans of the year and the scroll position;
//! - `lines`: the screen's lines, built from the tally (shared by drawing and scrolling);
//! - `keys`: opening the screen and scrolling it;
//! - `draw`: the box, its title with the targets, and the visible lines.

mod draw;
mod keys;
mod lines;
mod state;

pub(super) use draw::render;
pub use state::BreakdownState;
