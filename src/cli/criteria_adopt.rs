//! `sohoctap criteria adopt ID --year Y [--yes | --undo]`: moves the year's evaluations
//! of the set's title onto it. Without `--yes` it only shows what would change (units
//! whose result changes, indicators left without a value, values that cannot be
//! carried, decisions the new set would no longer support); with `--yes` it moves them
//! all in one transaction; `--undo` puts back the previous set and values.

use super::args::CriteriaAdoptArgs;
use super::criteria_table::catalog_with_register;
use super::out::outln;
use super::{CliError, Env};

fn yes_no(passed: bool) -> &'static str {
    if passed { "Đạt" } else { "Không đạt" }
}

pub fn run(env: &Env, args: &CriteriaAdoptArgs) -> Result<(), CliError> {
    let catalog = catalog_with_register(env)?;
    let entry = super::criteria::find(&catalog, &args.id, Some(args.year))?;
    let set = &entry.set;
    if !set.valid_in(args.year) {
        return Err(CliError::input(format!(
            "Bộ {} áp dụng {}, không áp dụng cho năm {}",
            set.id,
            set.years_label(),
            args.year
        )));
    }
    let register = super::open_register(&env.db)?;
    if args.undo {
        let outcome = register.undo_adopt(args.year, set.title, &set.id, &env.stamp()?);
        register.close()?;
        let (done, refused) = outcome?;
        outln!(
            "Đã hoàn tác: {done} đánh giá {} năm {} trở lại bộ tiêu chí trước đó, với điểm như trước.",
            set.title.name(),
            args.year
        );
        for line in refused {
            outln!("  Không hoàn tác: {line}");
        }
        return Ok(());
    }
    let plan = match register.adopt_plan(args.year, entry) {
        Ok(plan) => plan,
        Err(e) => {
            register.close()?;
            return Err(e.into());
        }
    };
    outln!(
        "Chuyển các đánh giá {} năm {} sang bộ «{}» ({}, {}):",
        set.title.name(),
        args.year,
        set.name,
        set.id,
        set.provenance().label()
    );
    outln!(
        "  {} đánh giá chuyển sang bộ mới; {} đã dùng bộ này.",
        plan.rows.len(),
        plan.already
    );
    let changed: Vec<_> = plan.changed_result().collect();
    outln!("  Kết quả thay đổi: {} đơn vị", changed.len());
    for r in &changed {
        outln!(
            "    {}: {} → {}",
            r.unit,
            yes_no(r.passed_before),
            yes_no(r.passed_after)
        );
    }
    let missing: Vec<_> = plan.rows.iter().filter(|r| !r.missing.is_empty()).collect();
    outln!("  Còn chỉ số chưa có điểm: {} đơn vị", missing.len());
    for r in &missing {
        outln!("    {}: {}", r.unit, r.missing.join(", "));
    }
    let dropped: Vec<_> = plan.rows.iter().filter(|r| !r.dropped.is_empty()).collect();
    if !dropped.is_empty() {
        outln!(
            "  Điểm không chuyển được (bộ mới không có chỉ số này, hoặc khác loại, vượt điểm tối đa): {} đơn vị",
            dropped.len()
        );
        for r in &dropped {
            outln!("    {}: {}", r.unit, r.dropped.join(", "));
        }
    }
    let unmet: Vec<_> = plan.rows.iter().filter(|r| r.decision_unmet).collect();
    outln!(
        "  Đã có quyết định công nhận nhưng theo bộ mới không đạt: {} đơn vị (quyết định giữ nguyên, không tự sửa)",
        unmet.len()
    );
    for r in &unmet {
        outln!("    {}", r.unit);
    }
    if !args.yes {
        register.close()?;
        outln!(
            "Chưa thay đổi gì. Chuyển thật: sohoctap criteria adopt {} --year {} --yes",
            set.id,
            args.year
        );
        return Ok(());
    }
    let outcome = register.adopt(&plan, entry, &env.stamp()?);
    super::close_written(register)?;
    let moved = outcome?;
    outln!(
        "Đã chuyển {moved} đánh giá sang bộ {}. Hoàn tác: sohoctap criteria adopt {} --year {} --undo (hoặc từng đơn vị trong màn hình Lịch sử).",
        set.id,
        set.id,
        args.year
    );
    Ok(())
}
