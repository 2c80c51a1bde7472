//! What the office fills in once for its reports and the register remembers: the lines
//! of the letterhead and the signature block (NĐ 30/2020, Phụ lục I). Every field may be
//! left empty; the report then writes what offices usually write, derived from the
//! commune's name, so a new register prints a correct report before anyone fills this.

use super::Commune;

/// The office's own lines of a report. Empty means "the usual" (see the methods).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Letterhead {
    /// The superior body above the issuing body: "HỘI KHUYẾN HỌC TỈNH NINH BÌNH" or
    /// "UBND XÃ YÊN MÔ" (district bodies no longer exist since 1/7/2025).
    #[serde(default)]
    pub superior: String,
    /// The issuing body: "HỘI KHUYẾN HỌC XÃ YÊN MÔ".
    #[serde(default)]
    pub issuing_body: String,
    /// The report's number and symbol: "12/BC-HKH".
    #[serde(default)]
    pub number: String,
    /// The place written before the date: "Yên Mô".
    #[serde(default)]
    pub place: String,
    /// The signer's title: "CHỦ TỊCH", "PHÓ CHỦ TỊCH".
    #[serde(default)]
    pub signer_title: String,
    /// The signer's name, printed under the signature.
    #[serde(default)]
    pub signer_name: String,
    /// The recipients under "Nơi nhận:", one per line, without the leading "- ".
    #[serde(default)]
    pub recipients: Vec<String>,
}

/// Who receives the report when the office has not said.
pub const USUAL_RECIPIENTS: [&str; 4] = [
    "Đảng ủy xã (để báo cáo)",
    "UBND xã",
    "Hội Khuyến học cấp trên",
    "Lưu: VT",
];

/// Administrative prefixes of a commune's name, longest first.
const PREFIXES: [&str; 4] = ["Thị trấn ", "Đặc khu ", "Phường ", "Xã "];

/// "Xã Yên Mô" → "Yên Mô": the place written before the date.
pub fn place_name(commune: &str) -> &str {
    let name = commune.trim();
    PREFIXES
        .iter()
        .find_map(|p| strip_prefix_ignoring_case(name, p))
        .unwrap_or(name)
}

fn strip_prefix_ignoring_case<'a>(name: &'a str, prefix: &str) -> Option<&'a str> {
    let n = prefix.chars().count();
    let head: String = name.chars().take(n).collect();
    (head.to_lowercase() == prefix.to_lowercase()).then(|| {
        let cut = head.len();
        name.get(cut..).unwrap_or("").trim()
    })
}

/// "HỘI KHUYẾN HỌC XÃ YÊN MÔ": the commune keeps its own prefix (phường, thị trấn), a
/// bare name is taken to be a xã.
pub fn usual_issuing_body(commune: &str) -> String {
    let name = commune.trim();
    let full = if place_name(name) == name {
        format!("Xã {name}")
    } else {
        name.to_string()
    };
    format!("HỘI KHUYẾN HỌC {}", full.to_uppercase())
}

/// "HỘI KHUYẾN HỌC TỈNH NINH BÌNH", the province association the commune reports to
/// since communes report straight to the province; `None` without a province.
pub fn usual_superior(province: &str) -> Option<String> {
    let p = province.trim();
    if p.is_empty() {
        return None;
    }
    let lower = p.to_lowercase();
    let full = if lower.starts_with("tỉnh ") || lower.starts_with("thành phố ") {
        p.to_string()
    } else {
        format!("Tỉnh {p}")
    };
    Some(format!("HỘI KHUYẾN HỌC {}", full.to_uppercase()))
}

fn given(text: &str) -> Option<String> {
    let t = text.trim();
    (!t.is_empty()).then(|| t.to_string())
}

impl Letterhead {
    /// The superior body's line, if any.
    pub fn superior_line(&self, commune: &Commune) -> Option<String> {
        given(&self.superior).or_else(|| usual_superior(&commune.province))
    }

    pub fn issuing_body_line(&self, commune: &Commune) -> String {
        given(&self.issuing_body).unwrap_or_else(|| usual_issuing_body(&commune.name))
    }

    /// "Số: 12/BC-HKH", or a blank for the number to be written by hand.
    pub fn number_line(&self) -> String {
        match given(&self.number) {
            Some(n) => format!("Số: {n}"),
            None => "Số:     /BC-KH".to_string(),
        }
    }

    pub fn place_line(&self, commune: &Commune) -> String {
        given(&self.place).unwrap_or_else(|| place_name(&commune.name).to_string())
    }

    /// On whose behalf and who signs: "TM. BAN CHẤP HÀNH", then the title. A deputy
    /// signs for the chairperson, so NĐ 30 puts "KT. CHỦ TỊCH" between the two.
    pub fn signer_lines(&self) -> Vec<String> {
        let title = given(&self.signer_title).unwrap_or_else(|| "CHỦ TỊCH".into());
        let mut lines = vec!["TM. BAN CHẤP HÀNH".to_string()];
        if title.to_uppercase().starts_with("PHÓ ") {
            lines.push("KT. CHỦ TỊCH".into());
        }
        lines.push(title);
        lines
    }

    /// The name under the signature, if the office gave it.
    pub fn signer_name_line(&self) -> Option<String> {
        given(&self.signer_name)
    }

    /// "- Đảng ủy xã (để báo cáo);" … "- Lưu: VT.": each recipient on its line, ";"
    /// after all but the last, "." after the last.
    pub fn recipient_lines(&self) -> Vec<String> {
        let own: Vec<String> = self.recipients.iter().filter_map(|r| given(r)).collect();
        let list: Vec<String> = if own.is_empty() {
            USUAL_RECIPIENTS.iter().map(|r| r.to_string()).collect()
        } else {
            own
        };
        let last = list.len().saturating_sub(1);
        list.iter()
            .enumerate()
            .map(|(i, r)| {
                let r = r.trim_end_matches([';', '.', ',']);
                format!("- {r}{}", if i == last { "." } else { ";" })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn commune() -> Commune {
        Commune {
            name: "Xã Yên Mô".into(),
            province: "Ninh Bình".into(),
        }
    }

    #[test]
    fn an_empty_letterhead_writes_what_offices_usually_write() {
        let l = Letterhead::default();
        let c = commune();
        assert_eq!(
            l.superior_line(&c).as_deref(),
            Some("HỘI KHUYẾN HỌC TỈNH NINH BÌNH")
        );
        assert_eq!(l.issuing_body_line(&c), "HỘI KHUYẾN HỌC XÃ YÊN MÔ");
        assert_eq!(l.number_line(), "Số:     /BC-KH");
        assert_eq!(l.place_line(&c), "Yên Mô");
        assert_eq!(l.signer_lines()[1], "CHỦ TỊCH");
        assert_eq!(l.signer_name_line(), None);
        let r = l.recipient_lines();
        assert_eq!(
            r.first().map(String::as_str),
            Some("- Đảng ủy xã (để báo cáo);")
        );
        assert_eq!(r.last().map(String::as_str), Some("- Lưu: VT."));
    }

    #[test]
    fn what_the_office_entered_is_written_as_entered() {
        let l = Letterhead {
            superior: "UBND XÃ YÊN MÔ".into(),
            issuing_body: String::new(),
            number: " 12/BC-HKH ".into(),
            place: "Yên Mô".into(),
            signer_title: "PHÓ CHỦ TỊCH".into(),
            signer_name: "Nguyễn Thị Hoa".into(),
            recipients: vec!["Thường trực Đảng ủy;".into(), "Lưu VP".into()],
        };
        let c = commune();
        assert_eq!(l.superior_line(&c).as_deref(), Some("UBND XÃ YÊN MÔ"));
        assert_eq!(l.number_line(), "Số: 12/BC-HKH");
        assert_eq!(
            l.signer_lines(),
            ["TM. BAN CHẤP HÀNH", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
        );
        assert_eq!(
            l.recipient_lines(),
            vec!["- Thường trực Đảng ủy;", "- Lưu VP."]
        );
    }

    #[test]
    fn names_are_written_the_administrative_way() {
        assert_eq!(place_name("Xã Yên Mô"), "Yên Mô");
        assert_eq!(place_name("phường Đông Sơn"), "Đông Sơn");
        assert_eq!(
            usual_issuing_body("Yên Phong"),
            "HỘI KHUYẾN HỌC XÃ YÊN PHONG"
        );
        assert_eq!(usual_superior(""), None);
        assert_eq!(
            usual_superior("Thành phố Hà Nội").as_deref(),
            Some("HỘI KHUYẾN HỌC THÀNH PHỐ HÀ NỘI")
        );
    }
}
