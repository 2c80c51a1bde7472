//! Where the terminal cursor stands on the scoring screen: inside the value box, on the
//! cell where the next typed character goes (Unikey composes there, and screen readers
//! and magnifiers follow it).

use super::fixture::*;
use crossterm::event::KeyCode;

#[test]
fn the_cursor_stands_in_the_value_box_of_the_indicator_being_typed() {
    let mut h = app();
    let app = &mut h.app;
    unscored_households(app);
    press(app, KeyCode::Enter);
    // An empty box: the cursor on its first cell, where the first digit goes.
    let row = left_of_cursor(app).expect("a cursor");
    assert!(row.ends_with("▶1.1  ["), "{row:?}");
    type_text(app, "12");
    press(app, KeyCode::Enter);
    type_text(app, "9");
    // What is typed reads from the left, the cursor on the cell after it.
    let row = left_of_cursor(app).expect("a cursor");
    assert!(row.ends_with("▶1.2  [9"), "{row:?}");
    press(app, KeyCode::Backspace);
    let row = left_of_cursor(app).expect("a cursor");
    assert!(row.ends_with("▶1.2  ["), "{row:?}");
    // A full box takes no fourth character: the cursor stays on the last one, inside.
    type_text(app, "1234");
    let row = left_of_cursor(app).expect("a cursor");
    assert!(row.ends_with("▶1.2  [12"), "{row:?}");
    // Back on a saved value, typing replaces it from the first cell.
    press(app, KeyCode::Up);
    let row = left_of_cursor(app).expect("a cursor");
    assert!(row.ends_with("▶1.1  ["), "{row:?}");
}

#[test]
fn the_cursor_is_on_the_next_input_cell_at_80_by_23_as_the_terminal_reports_it() {
    let mut h = app();
    let app = &mut h.app;
    unscored_households(app);
    press(app, KeyCode::Enter);
    type_text(app, "1");
    let mut terminal = draw(app, 80, 23);
    let buffer = terminal.backend().buffer().clone();
    let row = (0..buffer.area.height)
        .find(|&y| {
            let line: String = (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect();
            line.contains("▶1.1")
        })
        .expect("the indicator being typed is on screen");
    let bracket = (0..buffer.area.width)
        .find(|&x| buffer[(x, row)].symbol() == "[")
        .expect("its value box");
    assert_eq!(buffer[(bracket + 1, row)].symbol(), "1");
    // The cell after the typed digit, still inside the brackets.
    terminal
        .backend_mut()
        .assert_cursor_position((bracket + 2, row));
    assert_eq!(buffer[(bracket + 4, row)].symbol(), "]");
}
