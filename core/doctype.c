/* doctype: the table of document types; see doctype.h. */
#include "doctype.h"

enum {
	D30 = SOHOA_DOCTYPE_DECREE30,
	CITED = SOHOA_DOCTYPE_CITED,
	HEAD = SOHOA_DOCTYPE_HEADING,
	SLOT = SOHOA_DOCTYPE_SLOT,
	PROSE = SOHOA_DOCTYPE_PROSE,
};

const sohoa_doctype sohoa_doctypes[] = {
	{"Thông tư liên tịch", "THÔNG TƯ LIÊN TỊCH", "thong tu lien tich", "TTLT", CITED | HEAD | SLOT},
	/* a joint resolution (of a People's Committee and the Fatherland Front, …): its type line only */
	{"Nghị quyết liên tịch", "NGHỊ QUYẾT LIÊN TỊCH", "nghi quyet lien tich", "NQLT", HEAD},
	{"Quyết định", "QUYẾT ĐỊNH", "quyet dinh", "QĐ", D30 | CITED | HEAD | PROSE | SLOT},
	{"Nghị định", "NGHỊ ĐỊNH", "nghi dinh", "NĐ", CITED | HEAD | PROSE | SLOT},
	{"Nghị quyết", "NGHỊ QUYẾT", "nghi quyet", "NQ", D30 | CITED | HEAD | PROSE | SLOT},
	{"Kế hoạch", "KẾ HOẠCH", "ke hoach", "KH", D30 | CITED | HEAD | SLOT},
	{"Chỉ thị", "CHỈ THỊ", "chi thi", "CT", D30 | CITED | HEAD | PROSE | SLOT},
	{"Thông tư", "THÔNG TƯ", "thong tu", "TT", CITED | HEAD | PROSE | SLOT},
	{"Công văn", "CÔNG VĂN", "cong van", "CV", CITED | HEAD | PROSE | SLOT}, /* CV: by custom, not Decree 30 */
	{"Báo cáo", "BÁO CÁO", "bao cao", "BC", D30 | CITED | HEAD | PROSE | SLOT},
	{"Hướng dẫn", "HƯỚNG DẪN", "huong dan", "HD", D30 | CITED | HEAD | SLOT},
	{"Thông báo", "THÔNG BÁO", "thong bao", "TB", D30 | CITED | HEAD | PROSE | SLOT},
	{"Tờ trình", "TỜ TRÌNH", "to trinh", "TTr", D30 | CITED | HEAD | PROSE | SLOT},
	{"Kết luận", "KẾT LUẬN", "ket luan", "KL", CITED | HEAD | SLOT},
	{"Quy định", "QUY ĐỊNH", "quy dinh", "QyĐ", D30 | CITED | HEAD | SLOT},
	{"Chương trình", "CHƯƠNG TRÌNH", "chuong trinh", "CTr", D30 | CITED | HEAD | SLOT},
	{"Đề án", "ĐỀ ÁN", "de an", "ĐA", D30 | CITED | HEAD | SLOT},
	/* a law's number carries the National Assembly and its term ("45/2019/QH14") */
	{"Luật", "LUẬT", "luat", "QH", CITED},
	{"Pháp lệnh", "PHÁP LỆNH", "phap lenh", "PL", CITED},
	{"Văn bản", NULL, "van ban", "", CITED},    /* a document of any type */
	{"Quyết định", NULL, "qd", "", CITED},      /* "theo QĐ số 12": the code written for the word */
	{"Quy chế", "QUY CHẾ", "quy che", "QC", D30 | HEAD | SLOT},
	{"Biên bản", "BIÊN BẢN", "bien ban", "BB", D30 | HEAD | SLOT},
	{"Phụ lục", "PHỤ LỤC", "phu luc", "", HEAD}, /* an appendix printed as a document of its own */
	{"Thông cáo", "THÔNG CÁO", "thong cao", "TC", D30 | SLOT},
	{"Phương án", "PHƯƠNG ÁN", "phuong an", "PA", D30 | SLOT},
	{"Dự án", "DỰ ÁN", "du an", "DA", D30 | SLOT},
	{"Hợp đồng", "HỢP ĐỒNG", "hop dong", "HĐ", D30 | SLOT},
	{"Công điện", "CÔNG ĐIỆN", "cong dien", "CĐ", D30 | HEAD | PROSE | SLOT},
	{"Bản ghi nhớ", "BẢN GHI NHỚ", "ban ghi nho", "BGN", D30 | SLOT},
	{"Bản thỏa thuận", "BẢN THỎA THUẬN", "ban thoa thuan", "BTT", D30 | SLOT},
	{"Giấy ủy quyền", "GIẤY ỦY QUYỀN", "giay uy quyen", "GUQ", D30 | SLOT},
	{"Giấy mời", "GIẤY MỜI", "giay moi", "GM", D30 | SLOT},
	{"Giấy giới thiệu", "GIẤY GIỚI THIỆU", "giay gioi thieu", "GGT", D30 | SLOT},
	{"Giấy nghỉ phép", "GIẤY NGHỈ PHÉP", "giay nghi phep", "GNP", D30 | SLOT},
	{"Phiếu gửi", "PHIẾU GỬI", "phieu gui", "PG", D30 | SLOT},
	{"Phiếu chuyển", "PHIẾU CHUYỂN", "phieu chuyen", "PC", D30 | SLOT},
	{"Phiếu báo", "PHIẾU BÁO", "phieu bao", "PB", D30 | SLOT},
	/* an issuer's abbreviation some numbers carry in the type slot */
	{NULL, NULL, NULL, "TCT", SLOT},
};

const size_t sohoa_ndoctypes = sizeof sohoa_doctypes / sizeof sohoa_doctypes[0];
