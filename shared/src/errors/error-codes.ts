/**
 * One stable code per refusal. The server answers `{ code, message }` with the Vietnamese message below;
 * the client shows its own translation of the code (so English works) and falls back to the message.
 */
export const ERROR_MESSAGES_VI = {
  VALIDATION_FAILED: 'Dữ liệu gửi lên không hợp lệ.',
  UNAUTHENTICATED: 'Bạn chưa đăng nhập hoặc phiên làm việc đã hết hạn.',
  FORBIDDEN: 'Bạn không có quyền thực hiện thao tác này.',
  NOT_FOUND: 'Không tìm thấy dữ liệu yêu cầu.',
  INVALID_CREDENTIALS: 'Tên đăng nhập hoặc mật khẩu không đúng.',
  LOGIN_THROTTLED: 'Bạn đã nhập sai mật khẩu quá nhiều lần. Vui lòng thử lại sau ít phút.',
  ACCOUNT_DISABLED: 'Tài khoản đã bị khóa. Vui lòng liên hệ quản trị viên.',
  WRONG_CURRENT_PASSWORD: 'Mật khẩu hiện tại không đúng.',
  USERNAME_TAKEN: 'Tên đăng nhập đã được sử dụng.',
  CANNOT_DISABLE_SELF: 'Bạn không thể tự khóa hoặc hạ quyền tài khoản của chính mình.',
  ORIGIN_NOT_ALLOWED: 'Nguồn kết nối không được phép.',
  UNKNOWN_EVENT: 'Sự kiện không được hỗ trợ.',
  INTERNAL_ERROR: 'Đã xảy ra lỗi hệ thống. Vui lòng thử lại.',
  FILE_EMPTY: 'Tệp tải lên không có nội dung (0 byte).',
  FILE_TOO_LARGE: 'Tệp vượt quá dung lượng cho phép.',
  FILE_TYPE_NOT_SUPPORTED: 'Định dạng tệp không được hỗ trợ. Chỉ nhận PDF, Word (DOC, DOCX, ODT), Excel (XLSX) và PowerPoint (PPTX).',
  PDF_INVALID: 'Tệp không phải PDF hợp lệ hoặc đã hỏng nặng nên không đọc được.',
  PDF_ENCRYPTED: 'Tệp PDF được bảo vệ bằng mật khẩu. Vui lòng nhập mật khẩu hoặc tải lên bản không đặt mật khẩu.',
  PDF_PASSWORD_WRONG: 'Mật khẩu mở tệp PDF không đúng.',
  PDF_TOO_COMPLEX: 'Tệp PDF quá phức tạp để xử lý trong thời gian hoặc bộ nhớ cho phép.',
  CONVERTER_UNAVAILABLE: 'Máy chủ chưa cài LibreOffice nên chưa chuyển được tệp văn phòng sang PDF. Vui lòng tải lên bản PDF.',
  CONVERSION_FAILED: 'Không chuyển được tệp sang PDF. Vui lòng kiểm tra tệp hoặc tải lên bản PDF.',
  CONVERSION_TIMEOUT: 'Chuyển tệp sang PDF mất quá nhiều thời gian nên đã dừng. Vui lòng tải lên bản PDF.',
  INVALID_STATUS_TRANSITION: 'Không thể thực hiện thao tác này ở trạng thái hiện tại của cuộc họp.',
  PUBLISH_SHORT_NOTICE: 'Cuộc họp diễn ra sau chưa đủ 3 ngày làm việc kể từ khi phát hành giấy mời và tài liệu.',
  AGENDA_NOT_APPROVED: 'Chương trình họp chưa được chủ trì duyệt.',
  CHAIR_REQUIRED: 'Cuộc họp cần có người chủ trì.',
  PARTICIPANT_EXISTS: 'Người này đã có trong thành phần tham dự.',
  SUBSTITUTE_INVALID: 'Người dự thay không hợp lệ (phải là người có tài khoản và chưa có trong thành phần tham dự).',
  RSVP_CLOSED: 'Cuộc họp đã bắt đầu hoặc kết thúc nên không thể thay đổi việc tham dự.',
  AGENDA_ORDER_MISMATCH: 'Thứ tự chương trình gửi lên không khớp với chương trình hiện tại. Vui lòng tải lại.',
  AGENDA_NESTING_TOO_DEEP: 'Chương trình chỉ có hai cấp (mục và mục con).',
  DOCUMENT_ACCESS_DENIED: 'Bạn không được phân quyền xem tài liệu này.',
  ANNOTATION_NOT_OWNER: 'Chỉ người tạo mới sửa, xóa hoặc chia sẻ được ghi chú này.',
  ANNOTATION_PAGE_OUT_OF_RANGE: 'Trang của ghi chú không có trong phiên bản tài liệu này.',
  ANNOTATION_IMMUTABLE: 'Không thể chuyển ghi chú sang tài liệu, phiên bản hoặc loại khác; hãy tạo ghi chú mới.',
  RANGE_NOT_SATISFIABLE: 'Khoảng dữ liệu yêu cầu không hợp lệ.',
  CLASSIFIED_UPLOAD_FORBIDDEN: 'Tài liệu mật (Mật, Tối mật, Tuyệt mật) không được tải lên hệ thống. Hãy ghi vào sổ theo dõi bản giấy.',
  CHECK_IN_NOT_OPEN: 'Chưa đến giờ điểm danh cho cuộc họp này.',
  MEETING_NOT_LIVE: 'Cuộc họp chưa bắt đầu hoặc đã kết thúc.',
  NOT_PRESENTER: 'Chỉ chủ trì hoặc người được chủ trì giao trình bày mới điều khiển được trang trình chiếu.',
  SPEAKER_ALREADY_QUEUED: 'Đã đăng ký phát biểu, đang chờ đến lượt.',
  SPEAKER_ALREADY_SPEAKING: 'Người này đang phát biểu.',
  SPEAKER_NOT_IN_QUEUE: 'Người này không có trong danh sách đăng ký phát biểu.',
  NO_CURRENT_SPEAKER: 'Hiện không có ai đang phát biểu.',
  TIMER_ALREADY_PAUSED: 'Đồng hồ phát biểu đang tạm dừng.',
  TIMER_NOT_PAUSED: 'Đồng hồ phát biểu đang chạy.',
  SPEAKER_ALREADY_FIRST: 'Người này đã ở đầu danh sách phát biểu.',
  SPEAKER_ALREADY_LAST: 'Người này đã ở cuối danh sách phát biểu.',
  VOTE_NOT_OPEN: 'Biểu quyết chưa mở hoặc đã kết thúc.',
  VOTE_NOT_ELIGIBLE: 'Không thuộc danh sách thành viên được biểu quyết lần này.',
  VOTE_INVALID_CHOICE: 'Phương án biểu quyết không hợp lệ.',
  VOTE_ALREADY_CAST: 'Bạn đã biểu quyết, không thể bỏ phiếu lại.',
  VOTE_ALREADY_OPEN: 'Đang có một biểu quyết khác chưa kết thúc.',
  VOTE_NO_QUORUM: 'Chưa đủ số thành viên có mặt theo quy định nên chưa mở được biểu quyết.',
  VOTE_INVALID_TRANSITION: 'Không thể thực hiện thao tác này ở trạng thái hiện tại của biểu quyết.',
  VOTE_RECORD_NOT_ALLOWED: 'Bỏ phiếu kín thì mỗi thành viên tự bỏ phiếu; thư ký không ghi nhận hộ.',
  VOTE_ALREADY_ELIGIBLE: 'Người này đã có trong danh sách biểu quyết.',
  VOTE_NOT_PRESENT: 'Người này chưa điểm danh có mặt.',
  VOTE_STILL_OPEN: 'Còn một biểu quyết đang mở: hãy kết thúc biểu quyết trước khi kết thúc cuộc họp.',
  ALREADY_CHECKED_IN: 'Bạn đã điểm danh rồi.',
  ATTENDANCE_UNCHANGED: 'Trạng thái điểm danh không thay đổi.',
  NETWORK_ERROR: 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.',
  MINUTES_NOT_STARTED: 'Cuộc họp chưa bắt đầu nên chưa có biên bản.',
  MINUTES_VERSION_CONFLICT: 'Biên bản vừa được người khác cập nhật. Vui lòng tải lại bản mới nhất rồi sửa tiếp.',
  MINUTES_LOCKED: 'Biên bản đang chờ chủ trì duyệt nên không sửa được; chủ trì cần trả lại biên bản trước.',
  MINUTES_MEETING_NOT_ENDED: 'Cuộc họp chưa kết thúc nên chưa trình duyệt biên bản được.',
  MINUTES_INVALID_TRANSITION: 'Không thể thực hiện thao tác này ở trạng thái hiện tại của biên bản.',
  MINUTES_NOTE_KEY_UNKNOWN: 'Mục ghi chép không thuộc biên bản này (không có lượt phát biểu hoặc nội dung tương ứng trong cuộc họp).',
  MINUTES_NOT_SIGNED: 'Biên bản chưa được duyệt và ký số.',
  SIGNING_UNAVAILABLE: 'Chưa ký số được vì chứng thư số chưa được cấu hình đúng. Vui lòng liên hệ quản trị viên.',
  TASK_CONCLUSION_MISSING: 'Nội dung này chưa có kết luận của chủ trì nên chưa giao nhiệm vụ được.',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES_VI;

/** The body of every HTTP error and the shape of every failed socket ack. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  /** Field-level problems of a VALIDATION_FAILED, keyed by dotted path. */
  details?: Record<string, string>;
  /** Seconds until a throttled request may be retried. */
  retryAfterSeconds?: number;
}
