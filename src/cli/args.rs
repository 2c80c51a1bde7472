//! Every flag and subcommand, defined once: clap builds the parser and the help from it.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// clap's layout with Vietnamese headings.
const HELP_TEMPLATE: &str = "{about-with-newline}\nCách dùng: {usage}\n\n{all-args}{after-help}";

/// The parser, with Vietnamese headings on every subcommand's help as well.
pub fn command() -> clap::Command {
    use clap::CommandFactory;
    localise(Cli::command())
}

fn localise(command: clap::Command) -> clap::Command {
    command
        .help_template(HELP_TEMPLATE)
        .subcommand_help_heading("Lệnh")
        .subcommand_value_name("LỆNH")
        .mut_args(|arg| {
            if arg.is_positional() {
                arg.help_heading("Tham số")
            } else {
                arg.help_heading("Tùy chọn")
            }
        })
        .mut_subcommands(localise)
}

/// Parses the process's arguments (see [`command`]).
pub fn parse() -> Result<Cli, clap::Error> {
    use clap::FromArgMatches;
    let matches = command().try_get_matches()?;
    Cli::from_arg_matches(&matches)
}

#[derive(Debug, Parser)]
#[command(
    name = "sohoctap",
    version,
    about = "Sổ học tập: đăng ký, chấm điểm, công nhận và báo cáo các mô hình học tập của xã",
    long_about = None,
    disable_help_subcommand = true,
    disable_help_flag = true,
    disable_version_flag = true,
    help_template = HELP_TEMPLATE,
    subcommand_help_heading = "Lệnh",
    subcommand_value_name = "LỆNH"
)]
pub struct Cli {
    /// In hướng dẫn này
    #[arg(short, long, global = true, action = clap::ArgAction::Help)]
    pub help: Option<bool>,

    /// In phiên bản
    #[arg(short = 'V', long, action = clap::ArgAction::Version)]
    pub version: Option<bool>,

    /// Tệp sổ (mặc định: trong thư mục dữ liệu của người dùng; hoặc biến SOHOCTAP_DB)
    #[arg(long, global = true, env = "SOHOCTAP_DB", value_name = "TỆP")]
    pub db: Option<PathBuf>,

    /// Thư mục bộ tiêu chí của xã (bổ sung hoặc thay bộ có sẵn; hoặc biến SOHOCTAP_CRITERIA)
    #[arg(long, global = true, env = "SOHOCTAP_CRITERIA", value_name = "THƯ_MỤC")]
    pub criteria: Option<PathBuf>,

    /// Họ tên cán bộ làm việc, ghi cùng mỗi thay đổi (hoặc biến SOHOCTAP_OFFICER; không có
    /// thì ghi tên tài khoản máy). Mở chương trình với tên này thì không hỏi tên
    #[arg(long, global = true, env = "SOHOCTAP_OFFICER", value_name = "HỌ_TÊN")]
    pub officer: Option<String>,

    /// Khung viền và chữ không dấu, cho máy không hiển thị được tiếng Việt
    #[arg(long, global = true)]
    pub ascii: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Tạo sổ mới cho xã
    Init(InitArgs),
    /// Xem và kiểm tra các bộ tiêu chí
    #[command(subcommand)]
    Criteria(CriteriaCommand),
    /// Kiểm tra tính toàn vẹn của sổ và đếm các đơn vị
    Check(CheckArgs),
    /// Báo cáo kết quả xây dựng các mô hình học tập
    Report(ReportArgs),
    /// Công nhận hàng loạt các đơn vị đã đạt và chưa có quyết định; rút lại hoặc sửa số,
    /// ngày của cả một quyết định
    Recognise(RecogniseArgs),
    /// Soạn văn bản Word quyết định công nhận đã ghi trong sổ, kèm danh sách
    Decision(DecisionArgs),
    /// Phiếu chấm điểm (hoặc phiếu đăng ký) của một đơn vị, một thôn hoặc mọi đơn vị đã
    /// đăng ký (Word), ghi sẵn các chỉ số
    Sheet(SheetArgs),
    /// Tạo sổ mẫu (dữ liệu giả của một xã) để xem thử, tập huấn; không đụng tới sổ thật
    Demo(DemoArgs),
    /// Nhập danh sách từ bảng tính Excel (.xlsx, .xls, .ods) hoặc tệp CSV, hoặc tệp lưu trữ JSON
    Import(ImportArgs),
    /// Xuất danh sách ra Excel (.xlsx) hoặc CSV, hoặc toàn bộ sổ ra JSON
    #[command(subcommand)]
    Export(ExportCommand),
    /// Sao lưu sổ (mặc định: giữ 10 bản gần nhất cạnh tệp sổ)
    Backup(BackupArgs),
    /// Khôi phục sổ từ một bản sao lưu (sổ cũ được giữ lại)
    Restore(RestoreArgs),
    /// Xem và đặt chỉ tiêu của nghị quyết (theo mọi cách tính)
    #[command(subcommand)]
    Targets(TargetsCommand),
    /// Tổng hợp báo cáo JSON (report --json) của nhiều xã cùng một năm, cho Hội Khuyến học tỉnh
    Rollup(RollupArgs),
    /// Gộp sổ của một xã cũ (trước sáp nhập) vào sổ này: đơn vị, đánh giá, quyết định, lịch sử
    Merge(MergeArgs),
    /// Xem hoặc ghi phần đầu và phần ký của báo cáo: cơ quan cấp trên, số, địa danh,
    /// người ký, nơi nhận (không có tùy chọn: in ra những gì đang dùng)
    Letterhead(LetterheadArgs),
}

#[derive(Debug, Args)]
pub struct LetterheadArgs {
    /// Cơ quan cấp trên, ví dụ "HỘI KHUYẾN HỌC TỈNH NINH BÌNH" ("" : dùng dòng thường dùng)
    #[arg(long, value_name = "TÊN")]
    pub superior: Option<String>,
    /// Cơ quan ban hành, ví dụ "HỘI KHUYẾN HỌC XÃ YÊN MÔ"
    #[arg(long, value_name = "TÊN")]
    pub issuing_body: Option<String>,
    /// Số và ký hiệu báo cáo, ví dụ 12/BC-HKH
    #[arg(long, value_name = "SỐ")]
    pub number: Option<String>,
    /// Địa danh ghi trước ngày tháng, ví dụ "Yên Mô"
    #[arg(long, value_name = "ĐỊA_DANH")]
    pub place: Option<String>,
    /// Chức vụ người ký, ví dụ "CHỦ TỊCH", "PHÓ CHỦ TỊCH"
    #[arg(long, value_name = "CHỨC_VỤ")]
    pub signer_title: Option<String>,
    /// Họ tên người ký
    #[arg(long, value_name = "HỌ_TÊN")]
    pub signer_name: Option<String>,
    /// Một nơi nhận (nhắc lại tùy chọn cho mỗi nơi; thay cả danh sách cũ)
    #[arg(long = "recipient", value_name = "NƠI_NHẬN")]
    pub recipients: Vec<String>,
    /// Trở lại danh sách nơi nhận thường dùng
    #[arg(long, conflicts_with = "recipients")]
    pub usual_recipients: bool,
}

#[derive(Debug, Args)]
pub struct MergeArgs {
    /// Sổ của xã cũ (tệp .redb) cần gộp vào sổ này; sổ đó chỉ được đọc, không bị thay đổi
    #[arg(value_name = "SỔ_XÃ_CŨ")]
    pub other: PathBuf,
    /// Tiền tố thêm vào mã trùng với sổ này (mặc định: tên xã cũ không dấu, ví dụ YENMO
    /// cho "Xã Yên Mô": HO00012 thành YENMO-HO00012)
    #[arg(long, value_name = "TIỀN_TỐ")]
    pub prefix: Option<String>,
    /// Chỉ xem trước và ghi bảng đối chiếu mã; không ghi gì vào sổ
    #[arg(long)]
    pub dry_run: bool,
    /// Tệp CSV ghi bảng đối chiếu mã cũ → mã mới (mặc định: cạnh tệp sổ)
    #[arg(long, value_name = "TỆP")]
    pub map_out: Option<PathBuf>,
}

/// What an import file holds. Each list kind is one value; a new kind of file is one
/// more value here and one more arm in `cli::import`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
/// The Vietnamese names (`thon`, `ho`, `dong-ho`, `don-vi`, `cong-dan`, `diem`) are
/// accepted too, as officers say them.
pub enum ImportKind {
    /// Thôn, xóm, bản, ấp, tổ dân phố, khu phố (cũng viết: thon)
    #[value(alias = "thon")]
    Communities,
    /// Hộ gia đình (cũng viết: ho)
    #[value(alias = "ho")]
    Households,
    /// Dòng họ (cũng viết: dong-ho)
    #[value(alias = "dong-ho")]
    Clans,
    /// Cơ quan, trường học, doanh nghiệp, hợp tác xã… (cũng viết: don-vi)
    #[value(alias = "don-vi")]
    Organisations,
    /// Công dân (cũng viết: cong-dan)
    #[value(alias = "cong-dan")]
    Citizens,
    /// Tệp lưu trữ JSON (sohoctap export json), chỉ nạp vào sổ trống
    Json,
    /// Điểm từng chỉ số (một dòng một đơn vị, một cột một mã chỉ số); cần --title và --year (cũng viết: diem)
    #[value(alias = "diem")]
    Scores,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Loại danh sách
    #[arg(value_enum, value_name = "LOẠI")]
    pub kind: ImportKind,
    /// Bảng tính (.xlsx, .xlsm, .xls, .ods), tệp CSV (UTF-8, Windows-1258, TCVN3, VNI;
    /// dấu phẩy, chấm phẩy hoặc tab) hoặc JSON
    #[arg(value_name = "TỆP")]
    pub file: PathBuf,
    /// Với bảng tính: tên trang cần đọc (mặc định trang đầu tiên)
    #[arg(long, value_name = "TÊN_TRANG")]
    pub sheet: Option<String>,
    /// Xác nhận ghép mã: mã số trong tệp chỉ khớp mã trong sổ khi thêm hoặc bỏ số 0 ở
    /// đầu (123 ↔ 0123, do bảng tính xóa số 0) là cùng một mã
    #[arg(long)]
    pub accept_code_mapping: bool,
    /// Chỉ kiểm tra và cho biết sẽ thêm, sửa gì; không ghi vào sổ
    #[arg(long)]
    pub dry_run: bool,
    /// Với scores: danh hiệu (gia-dinh, dong-ho, cong-dong, don-vi, cong-dan)
    #[arg(long, value_name = "DANH_HIỆU")]
    pub title: Option<String>,
    /// Với scores: năm đánh giá. Với danh sách: năm vào sổ của những dòng không có cột
    /// "Năm vào" (mặc định năm đang làm: năm nay, tháng 1 là năm trước)
    #[arg(long, value_name = "NĂM")]
    pub year: Option<u16>,
}

/// The unit kinds a CSV export can list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
/// Vietnamese names accepted too, as for import.
pub enum ListKind {
    #[value(alias = "thon")]
    Communities,
    #[value(alias = "ho")]
    Households,
    #[value(alias = "dong-ho")]
    Clans,
    #[value(alias = "don-vi")]
    Organisations,
    #[value(alias = "cong-dan")]
    Citizens,
}

#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// Một danh sách ra CSV (UTF-8 có BOM, mở thẳng bằng Excel), kèm kết quả đánh giá của một năm
    Csv {
        /// Loại danh sách
        #[arg(long, value_enum, value_name = "LOẠI")]
        kind: ListKind,
        /// Năm đánh giá: thêm các cột giai đoạn, tổng điểm, kết quả, từng chỉ số, quyết định
        #[arg(long)]
        year: Option<u16>,
        /// Tệp ghi ra (mặc định: in ra màn hình)
        #[arg(long, value_name = "TỆP")]
        out: Option<PathBuf>,
        /// Ghi đè tệp đã có (không bao giờ ghi đè sổ hay bản sao lưu)
        #[arg(long, requires = "out")]
        force: bool,
    },
    /// Một danh sách ra bảng tính Excel (.xlsx): mã giữ nguyên số 0, số là số, ngày là ngày
    Xlsx {
        /// Loại danh sách
        #[arg(long, value_enum, value_name = "LOẠI")]
        kind: ListKind,
        /// Năm đánh giá: thêm các cột giai đoạn, tổng điểm, kết quả, từng chỉ số, quyết định
        #[arg(long)]
        year: Option<u16>,
        /// Tệp .xlsx ghi ra
        #[arg(long, value_name = "TỆP")]
        out: PathBuf,
        /// Ghi đè tệp đã có (không bao giờ ghi đè sổ hay bản sao lưu)
        #[arg(long)]
        force: bool,
    },
    /// Toàn bộ sổ ra một tệp lưu trữ JSON (nạp lại bằng: sohoctap import json TỆP)
    Json {
        /// Tệp ghi ra (mặc định: in ra màn hình)
        #[arg(long, value_name = "TỆP")]
        out: Option<PathBuf>,
        /// Ghi đè tệp đã có (không bao giờ ghi đè sổ hay bản sao lưu)
        #[arg(long, requires = "out")]
        force: bool,
    },
}

#[derive(Debug, Args)]
pub struct BackupArgs {
    /// Tệp hoặc thư mục đích (mặc định: thư mục <sổ>.backup cạnh tệp sổ, giữ các bản gần nhất)
    #[arg(value_name = "ĐÍCH")]
    pub dest: Option<PathBuf>,
    /// Số bản sao lưu giữ lại trong thư mục mặc định
    #[arg(long, default_value_t = 10, value_name = "SỐ")]
    pub keep: usize,
}

#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// Tệp sao lưu (.redb)
    #[arg(value_name = "TỆP")]
    pub file: PathBuf,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Tên xã (phường, thị trấn), ví dụ "Xã Yên Mô"
    #[arg(long, value_name = "TÊN")]
    pub commune: String,
    /// Tên tỉnh (thành phố)
    #[arg(long, value_name = "TÊN", default_value = "")]
    pub province: String,
}

#[derive(Debug, Subcommand)]
pub enum CriteriaCommand {
    /// Liệt kê các bộ tiêu chí (có sẵn và của xã)
    List,
    /// Xem một bộ tiêu chí theo mã bộ, hoặc bộ đang áp dụng của một danh hiệu
    Show {
        /// Mã bộ (vd. cong-dan-qd244-2022) hoặc mã danh hiệu (gia-dinh, dong-ho, cong-dong, don-vi, cong-dan)
        #[arg(value_name = "MÃ")]
        id: String,
        /// Năm (cho mã danh hiệu; mặc định năm đang làm: năm nay, tháng 1 là năm trước)
        #[arg(long)]
        year: Option<u16>,
        /// In dạng JSON
        #[arg(long)]
        json: bool,
    },
    /// Kiểm tra tệp bộ tiêu chí (TOML)
    Check {
        #[arg(value_name = "TỆP", required = true)]
        files: Vec<PathBuf>,
    },
    /// Nhập bộ tiêu chí chính thức từ bảng gõ theo văn bản giấy (CSV: một dòng một chỉ số) hoặc tệp TOML
    Import(CriteriaImportArgs),
    /// Xuất một bộ tiêu chí ra tệp để xã khác nhập (CSV mở bằng Excel, hoặc .toml)
    Export {
        /// Mã bộ (vd. cong-dan-qd244-2022) hoặc mã danh hiệu (bộ đang áp dụng năm đang làm)
        #[arg(value_name = "MÃ")]
        id: String,
        /// Tệp ghi ra: .csv (mặc định), .xlsx hoặc .toml; không có thì in ra màn hình
        #[arg(long, value_name = "TỆP")]
        out: Option<PathBuf>,
        /// Ghi đè tệp đã có (không bao giờ ghi đè sổ hay bản sao lưu)
        #[arg(long, requires = "out")]
        force: bool,
    },
    /// Chuyển các đánh giá một năm của danh hiệu sang bộ tiêu chí mới (giữ điểm theo mã chỉ số)
    Adopt(CriteriaAdoptArgs),
}

#[derive(Debug, Args)]
pub struct CriteriaImportArgs {
    /// Tệp bảng chỉ số (Excel .xlsx, .xls, .ods hoặc .csv) hoặc tệp bộ tiêu chí (.toml)
    #[arg(value_name = "TỆP")]
    pub file: PathBuf,
    /// Trang của tệp Excel có bảng chỉ số (mặc định: trang đầu)
    #[arg(long, value_name = "TÊN_TRANG")]
    pub sheet: Option<String>,
    /// Danh hiệu: gia-dinh, dong-ho, cong-dong, don-vi, cong-dan
    #[arg(long, value_name = "DANH_HIỆU")]
    pub title: Option<String>,
    /// Tên bộ, vd. "Bộ tiêu chí Gia đình học tập"
    #[arg(long, value_name = "TÊN")]
    pub name: Option<String>,
    /// Năm bắt đầu áp dụng
    #[arg(long, value_name = "NĂM")]
    pub from: Option<u16>,
    /// Năm cuối áp dụng (bỏ trống: không hạn)
    #[arg(long, value_name = "NĂM")]
    pub to: Option<u16>,
    /// Văn bản ban hành: số, ngày, cơ quan, vd. "Quyết định số 242/QĐ-KHVN ngày 28/7/2022 của Trung ương Hội Khuyến học Việt Nam"
    #[arg(long, value_name = "VĂN_BẢN")]
    pub source: Option<String>,
    /// Tổng điểm tối thiểu để đạt
    #[arg(long, value_name = "ĐIỂM")]
    pub min_total: Option<u16>,
    /// Mã bộ (mặc định: <danh hiệu>-<năm>-van-phong)
    #[arg(long, value_name = "MÃ")]
    pub id: Option<String>,
    /// Đã đối chiếu với văn bản gốc (bộ được ghi là chính thức)
    #[arg(long)]
    pub checked: bool,
    /// Chỉ kiểm tra, không lưu
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct CriteriaAdoptArgs {
    /// Mã bộ tiêu chí mới
    #[arg(value_name = "MÃ")]
    pub id: String,
    /// Năm đánh giá
    #[arg(long, value_name = "NĂM")]
    pub year: u16,
    /// Chuyển thật (không có: chỉ xem trước những gì thay đổi)
    #[arg(long, conflicts_with = "undo")]
    pub yes: bool,
    /// Hoàn tác lần chuyển gần nhất của năm và danh hiệu này
    #[arg(long)]
    pub undo: bool,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// In dạng JSON
    #[arg(long)]
    pub json: bool,
    /// Năm để đếm đơn vị đang hoạt động (mặc định năm đang làm: năm nay, tháng 1 là năm trước)
    #[arg(long)]
    pub year: Option<u16>,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Năm báo cáo (mặc định năm đang làm: năm nay, tháng 1 là năm trước)
    #[arg(long)]
    pub year: Option<u16>,
    /// In dạng JSON (lược đồ ổn định, xem docs/report-json.md)
    #[arg(long)]
    pub json: bool,
    /// Ghi báo cáo vào tệp (chỉ chủ tệp đọc được) thay vì in ra màn hình
    #[arg(long, value_name = "TỆP")]
    pub out: Option<PathBuf>,
    /// Ghi đè tệp đã có (không bao giờ ghi đè sổ hay bản sao lưu)
    #[arg(long, requires = "out")]
    pub force: bool,
    /// Ghi các bảng của báo cáo ra bảng tính Excel (.xlsx), mỗi phần một trang; cần --out
    #[arg(long, requires = "out", conflicts_with_all = ["json", "print", "windows"])]
    pub xlsx: bool,
    /// Ghi cho Notepad trên Windows: UTF-8 có BOM, xuống dòng CRLF
    #[arg(long, conflicts_with = "json")]
    pub windows: bool,
    /// Gửi báo cáo tới máy in (lệnh lp; trên Windows qua Notepad)
    #[arg(long, conflicts_with = "json")]
    pub print: bool,
    /// Kèm danh sách đơn vị, cá nhân được công nhận theo từng thôn
    #[arg(long)]
    pub list: bool,
    /// Ngày ghi trên báo cáo, dạng NĂM-THÁNG-NGÀY (mặc định hôm nay)
    #[arg(long, value_name = "NGÀY")]
    pub date: Option<chrono::NaiveDate>,
    /// Ghi báo cáo thành văn bản Word (.docx) theo thể thức Nghị định 30/2020; cần --out
    #[arg(long, requires = "out", conflicts_with_all = ["json", "windows", "print"])]
    pub docx: bool,
    /// Họ tên người ký, in dưới chữ ký trong văn bản Word (mặc định để trống để viết tay)
    #[arg(long, value_name = "HỌ TÊN", requires = "docx")]
    pub signer: Option<String>,
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("which").required(true).args(["unit", "community", "all_registered"])))]
pub struct SheetArgs {
    /// Danh hiệu: gia-dinh, dong-ho, cong-dong, don-vi, cong-dan
    #[arg(long, value_name = "MÃ")]
    pub title: String,
    /// Mã đơn vị trong sổ (ví dụ HO00123)
    #[arg(long, value_name = "MÃ")]
    pub unit: Option<String>,
    /// Mọi đơn vị của danh hiệu trong thôn mã này (hộ của thôn; công dân của các hộ
    /// trong thôn; chính thôn đó), mỗi phiếu một trang mới
    #[arg(long, value_name = "MÃ")]
    pub community: Option<String>,
    /// Mọi đơn vị đã đăng ký danh hiệu trong năm, mỗi phiếu một trang mới
    #[arg(long)]
    pub all_registered: bool,
    /// Ghi phiếu đăng ký (thay cho phiếu chấm điểm)
    #[arg(long)]
    pub registration: bool,
    /// Năm chấm (mặc định năm đang làm: năm nay, tháng 1 là năm trước)
    #[arg(long)]
    pub year: Option<u16>,
    /// Tệp Word (.docx) để ghi
    #[arg(long, value_name = "TỆP")]
    pub out: PathBuf,
    /// Ghi đè tệp đã có (không bao giờ ghi đè sổ hay bản sao lưu)
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct DecisionArgs {
    /// Danh hiệu: gia-dinh, dong-ho, cong-dong, don-vi, cong-dan
    #[arg(long, value_name = "MÃ")]
    pub title: String,
    /// Năm đánh giá
    #[arg(long)]
    pub year: u16,
    /// Số quyết định đã ghi trong sổ (bắt buộc khi năm đó có nhiều quyết định)
    #[arg(long, value_name = "SỐ")]
    pub number: Option<String>,
    /// Tệp Word (.docx) để ghi
    #[arg(long, value_name = "TỆP")]
    pub out: PathBuf,
    /// Ghi đè tệp đã có (không bao giờ ghi đè sổ hay bản sao lưu)
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Subcommand)]
pub enum TargetsCommand {
    /// Liệt kê các chỉ tiêu đã đặt
    List {
        /// In dạng JSON
        #[arg(long)]
        json: bool,
    },
    /// Đặt (hoặc sửa) một chỉ tiêu
    Set {
        /// Mô hình: gia-dinh, dong-ho, cong-dong, don-vi, cong-dan/cong-dong, cong-dan/don-vi,
        /// cong-dan/ky-nang-so, cong-dan/thanh-thao-ky-nang-so (kỹ năng số: chỉ cách tính total)
        #[arg(value_name = "MÔ_HÌNH")]
        measure: String,
        /// Năm mốc (2025, 2030…)
        #[arg(long, value_name = "NĂM")]
        milestone: u16,
        /// Tỷ lệ phần trăm, ví dụ 72 hoặc 72,5
        #[arg(long, value_name = "TỶ_LỆ")]
        percent: String,
        /// Cách tính: total (công nhận/tổng số), registered (đăng ký/tổng số),
        /// of-registered (công nhận/số đăng ký)
        #[arg(long, default_value = "total", value_name = "CÁCH_TÍNH")]
        basis: String,
        /// Nghị quyết: "SỐ, NGÀY, CƠ QUAN" (mặc định: nghị quyết của các chỉ tiêu đã có)
        #[arg(long, value_name = "NGHỊ_QUYẾT")]
        resolution: Option<String>,
    },
}

#[derive(Debug, Args)]
pub struct RollupArgs {
    /// Các tệp báo cáo JSON của các xã (sohoctap report --json), cùng một năm
    #[arg(value_name = "TỆP", required = true)]
    pub files: Vec<PathBuf>,
    /// In bản tổng hợp dạng JSON thay vì bản in A4
    #[arg(long)]
    pub json: bool,
    /// Ghi ra tệp thay vì in ra màn hình
    #[arg(long, value_name = "TỆP")]
    pub out: Option<PathBuf>,
    /// Ghi đè tệp đã có
    #[arg(long, requires = "out")]
    pub force: bool,
    /// Danh sách các xã phải gửi báo cáo (tệp văn bản, mỗi dòng một tên xã), để biết xã nào còn thiếu
    #[arg(long, value_name = "TỆP")]
    pub expect: Option<PathBuf>,
    /// Ngày ghi trên bản tổng hợp, dạng NĂM-THÁNG-NGÀY (mặc định hôm nay)
    #[arg(long, value_name = "NGÀY")]
    pub date: Option<chrono::NaiveDate>,
}

#[derive(Debug, Args)]
pub struct RecogniseArgs {
    /// Danh hiệu: gia-dinh, dong-ho, cong-dong, don-vi, cong-dan
    #[arg(long, value_name = "MÃ")]
    pub title: String,
    /// Năm đánh giá
    #[arg(long)]
    pub year: u16,
    /// Số quyết định công nhận, ví dụ "45/QĐ-UBND"
    #[arg(long, value_name = "SỐ")]
    pub decision: String,
    /// Ngày quyết định, dạng YYYY-MM-DD (cần khi công nhận)
    #[arg(long, value_name = "NGÀY")]
    pub date: Option<String>,
    /// Rút lại cả quyết định: mọi đơn vị quyết định này đã công nhận về "đã thẩm định"
    #[arg(long, conflicts_with_all = ["date", "new_decision", "new_date"])]
    pub withdraw: bool,
    /// Sửa số của quyết định đã ghi (mọi đơn vị theo quyết định đó)
    #[arg(long, value_name = "SỐ_MỚI")]
    pub new_decision: Option<String>,
    /// Sửa ngày của quyết định đã ghi, dạng YYYY-MM-DD
    #[arg(long, value_name = "NGÀY_MỚI")]
    pub new_date: Option<String>,
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Năm cuối có dữ liệu đánh giá (mặc định năm nay)
    #[arg(long)]
    pub year: Option<u16>,
    /// Chỉ tạo sổ mẫu, không mở chương trình
    #[arg(long)]
    pub no_open: bool,
    /// Cỡ sổ mẫu: demo (mặc định) hoặc commune (cỡ một xã lớn, để đo tốc độ)
    #[arg(long, value_enum, default_value_t = DemoScale::Demo, hide = true)]
    pub scale: DemoScale,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DemoScale {
    Demo,
    Commune,
}
