//! The home screen, one module: the lists with this year's counts (two columns), and one bar per
//! measure against the resolution's target (from a `report::Summary`, so the bars show
//! exactly what the report prints). The two digital-skills shares share one bar, and the
//! targets on the other bases sit on each bar's second line, so everything fits 80×23.
//!
//! Its one piece of state, the list chosen, is `App::home_selected` (it outlives the
//! screen: coming back from a list finds it where it was). Its keys are in `keys`, its
//! drawing in `draw`.

pub mod draw;
mod keys;
