//! An operating-system error said in Vietnamese. The system's own text is English
//! ("No such file or directory (os error 2)"); the officer gets the cause in words they
//! read, with the system's text kept only for causes without a translation.

use std::io;

/// The cause of an I/O error in Vietnamese (disk full, read-only, no permission…).
pub fn describe_io(e: &io::Error) -> String {
    #[cfg(unix)]
    {
        // ENOSPC, EROFS and EDQUOT have no stable io::ErrorKind on every toolchain.
        match e.raw_os_error() {
            Some(28) | Some(122) => return "ổ đĩa đã đầy".into(),
            Some(30) => return "ổ đĩa chỉ cho phép đọc".into(),
            _ => {}
        }
    }
    match e.kind() {
        io::ErrorKind::PermissionDenied => "không có quyền truy cập".into(),
        io::ErrorKind::NotFound => "không tìm thấy tệp hoặc thư mục".into(),
        io::ErrorKind::AlreadyExists => "đã có tệp cùng tên".into(),
        io::ErrorKind::StorageFull => "ổ đĩa đã đầy".into(),
        io::ErrorKind::ReadOnlyFilesystem => "ổ đĩa chỉ cho phép đọc".into(),
        io::ErrorKind::IsADirectory => "đây là thư mục, không phải tệp".into(),
        io::ErrorKind::NotADirectory => "đường dẫn không phải thư mục".into(),
        io::ErrorKind::InvalidData => "dữ liệu trong tệp không hợp lệ".into(),
        io::ErrorKind::UnexpectedEof => "tệp bị cụt, thiếu phần cuối".into(),
        io::ErrorKind::WouldBlock => "tệp đang bị chương trình khác khóa".into(),
        io::ErrorKind::BrokenPipe => "nơi nhận đã đóng".into(),
        io::ErrorKind::TimedOut => "quá thời gian chờ".into(),
        _ => format!("lỗi hệ thống ({e})"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_causes_are_said_in_vietnamese() {
        let missing = io::Error::from(io::ErrorKind::NotFound);
        assert_eq!(describe_io(&missing), "không tìm thấy tệp hoặc thư mục");
        let denied = io::Error::from(io::ErrorKind::PermissionDenied);
        assert_eq!(describe_io(&denied), "không có quyền truy cập");
        #[cfg(unix)]
        assert_eq!(
            describe_io(&io::Error::from_raw_os_error(28)),
            "ổ đĩa đã đầy"
        );
    }
}
