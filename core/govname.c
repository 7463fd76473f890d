/* govname: the closed lists of the Vietnamese state and the skeleton match; see govname.h. */
#include "govname.h"
#include "sohoa.h"
#include "viet.h"

#include <string.h>

const sohoa_gov_head sohoa_gov_heads[] = {
	/* bodies of a place: a unit and a place name follow */
	{"ỦY BAN NHÂN DÂN", SOHOA_GOV_ADMIN},
	{"UBND", SOHOA_GOV_ADMIN},
	{"HỘI ĐỒNG NHÂN DÂN", SOHOA_GOV_ADMIN},
	{"HĐND", SOHOA_GOV_ADMIN},
	{"CÔNG AN", SOHOA_GOV_ADMIN},
	{"BỘ CHỈ HUY QUÂN SỰ", SOHOA_GOV_ADMIN},
	{"BỘ CHỈ HUY BỘ ĐỘI BIÊN PHÒNG", SOHOA_GOV_ADMIN},
	{"BAN CHỈ HUY QUÂN SỰ", SOHOA_GOV_ADMIN},
	{"ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM", SOHOA_GOV_ADMIN},
	{"KHO BẠC NHÀ NƯỚC", SOHOA_GOV_ADMIN},
	{"BẢO HIỂM XÃ HỘI", SOHOA_GOV_ADMIN},
	{"CỤC THUẾ", SOHOA_GOV_ADMIN},
	{"CHI CỤC THUẾ", SOHOA_GOV_ADMIN},
	{"CỤC HẢI QUAN", SOHOA_GOV_ADMIN},
	{"TÒA ÁN NHÂN DÂN", SOHOA_GOV_ADMIN},
	{"VIỆN KIỂM SÁT NHÂN DÂN", SOHOA_GOV_ADMIN},
	{"CỤC THỐNG KÊ", SOHOA_GOV_ADMIN},
	{"THANH TRA", SOHOA_GOV_ADMIN},
	{"VĂN PHÒNG ỦY BAN NHÂN DÂN", SOHOA_GOV_ADMIN},
	{"VĂN PHÒNG UBND", SOHOA_GOV_ADMIN},
	{"TỈNH ỦY", SOHOA_GOV_OPEN},
	{"THÀNH ỦY", SOHOA_GOV_OPEN},
	{"HUYỆN ỦY", SOHOA_GOV_OPEN},
	{"QUẬN ỦY", SOHOA_GOV_OPEN},
	{"THỊ ỦY", SOHOA_GOV_OPEN},
	{"ĐẢNG ỦY", SOHOA_GOV_OPEN},
	{"ĐẢNG BỘ", SOHOA_GOV_OPEN},
	{"ĐẢNG ĐOÀN", SOHOA_GOV_OPEN},
	{"BAN CÁN SỰ ĐẢNG", SOHOA_GOV_OPEN},
	{"BAN CHẤP HÀNH", SOHOA_GOV_OPEN},
	{"BCH", SOHOA_GOV_OPEN},
	/* departments and ministries: a sector follows */
	{"SỞ", SOHOA_GOV_SECTOR},
	{"BỘ", SOHOA_GOV_SECTOR},
	/* complete names */
	{"CHÍNH PHỦ", SOHOA_GOV_ALONE},
	{"THỦ TƯỚNG CHÍNH PHỦ", SOHOA_GOV_ALONE},
	{"VĂN PHÒNG CHÍNH PHỦ", SOHOA_GOV_ALONE},
	{"QUỐC HỘI", SOHOA_GOV_ALONE},
	{"ỦY BAN THƯỜNG VỤ QUỐC HỘI", SOHOA_GOV_ALONE},
	{"VĂN PHÒNG QUỐC HỘI", SOHOA_GOV_ALONE},
	{"CHỦ TỊCH NƯỚC", SOHOA_GOV_ALONE},
	{"VĂN PHÒNG CHỦ TỊCH NƯỚC", SOHOA_GOV_ALONE},
	{"KIỂM TOÁN NHÀ NƯỚC", SOHOA_GOV_ALONE},
	{"NGÂN HÀNG NHÀ NƯỚC VIỆT NAM", SOHOA_GOV_ALONE},
	{"TÒA ÁN NHÂN DÂN TỐI CAO", SOHOA_GOV_ALONE},
	{"VIỆN KIỂM SÁT NHÂN DÂN TỐI CAO", SOHOA_GOV_ALONE},
	{"THANH TRA CHÍNH PHỦ", SOHOA_GOV_ALONE},
	{"BAN CHẤP HÀNH TRUNG ƯƠNG", SOHOA_GOV_ALONE},
	/* bodies with names of their own */
	{"ỦY BAN", SOHOA_GOV_OPEN},
	{"TRƯỜNG", SOHOA_GOV_OPEN},
	{"KHOA", SOHOA_GOV_OPEN},
	{"PHÒNG", SOHOA_GOV_OPEN},
	{"BAN", SOHOA_GOV_OPEN},
	{"BAN QUẢN LÝ", SOHOA_GOV_OPEN},
	{"BQL", SOHOA_GOV_OPEN},
	{"BAN CHỈ ĐẠO", SOHOA_GOV_OPEN},
	{"BCĐ", SOHOA_GOV_OPEN},
	{"TRUNG TÂM", SOHOA_GOV_OPEN},
	{"VIỆN", SOHOA_GOV_OPEN},
	{"HỌC VIỆN", SOHOA_GOV_OPEN},
	{"ĐẠI HỌC", SOHOA_GOV_OPEN},
	{"BỆNH VIỆN", SOHOA_GOV_OPEN},
	{"CỤC", SOHOA_GOV_OPEN},
	{"TỔNG CỤC", SOHOA_GOV_OPEN},
	{"CHI CỤC", SOHOA_GOV_OPEN},
	{"VỤ", SOHOA_GOV_OPEN},
	{"VĂN PHÒNG", SOHOA_GOV_OPEN},
	{"TẠP CHÍ", SOHOA_GOV_OPEN},
	{"BÁO", SOHOA_GOV_OPEN},
	{"ĐÀI", SOHOA_GOV_OPEN},
	{"ĐÀI PHÁT THANH VÀ TRUYỀN HÌNH", SOHOA_GOV_OPEN},
	{"NHÀ XUẤT BẢN", SOHOA_GOV_OPEN},
	{"HỘI", SOHOA_GOV_OPEN},
	{"HỘI ĐỒNG", SOHOA_GOV_OPEN},
	{"LIÊN ĐOÀN", SOHOA_GOV_OPEN},
	{"LIÊN ĐOÀN LAO ĐỘNG", SOHOA_GOV_OPEN},
	{"CÔNG ĐOÀN", SOHOA_GOV_OPEN},
	{"ĐOÀN", SOHOA_GOV_OPEN},
	{"ĐOÀN THANH NIÊN", SOHOA_GOV_OPEN},
	{"MẶT TRẬN TỔ QUỐC", SOHOA_GOV_OPEN},
	{"NGÂN HÀNG", SOHOA_GOV_OPEN},
	{"CHI NHÁNH", SOHOA_GOV_OPEN},
	{"TỔNG CÔNG TY", SOHOA_GOV_OPEN},
	{"CÔNG TY", SOHOA_GOV_OPEN},
	{"QUỸ", SOHOA_GOV_OPEN},
	{"BỘ TƯ LỆNH", SOHOA_GOV_OPEN},
	{"BỘ CHỈ HUY", SOHOA_GOV_OPEN},
	{"QUÂN KHU", SOHOA_GOV_OPEN},
	{"ĐẠI SỨ QUÁN", SOHOA_GOV_OPEN},
	{"TỔNG LÃNH SỰ QUÁN", SOHOA_GOV_OPEN},
	{"THƯ VIỆN", SOHOA_GOV_OPEN},
	{"BẢO TÀNG", SOHOA_GOV_OPEN},
	{"TRẠM", SOHOA_GOV_OPEN},
	{"HẠT", SOHOA_GOV_OPEN},
	{"ĐỘI", SOHOA_GOV_OPEN},
	{NULL, SOHOA_GOV_OPEN},
};

/* Units of the administrative map, and the abbreviation of "thành phố". */
const char *const sohoa_gov_units[] = {
	"TỈNH", "THÀNH PHỐ", "TP.", "TP", "HUYỆN", "QUẬN", "THỊ XÃ", "XÃ", "PHƯỜNG", "THỊ TRẤN", "ĐẶC KHU",
	NULL,
};

/* The 63 provinces and centrally-run cities of 2008-2025 (the 34 of the 2025 mergers keep names
 * among them), Huế (a city since 2025), and Hà Tây (merged into Hà Nội in 2008). */
const char *const sohoa_gov_provinces[] = {
	"AN GIANG", "BÀ RỊA - VŨNG TÀU", "BẮC GIANG", "BẮC KẠN", "BẠC LIÊU", "BẮC NINH", "BẾN TRE",
	"BÌNH ĐỊNH", "BÌNH DƯƠNG", "BÌNH PHƯỚC", "BÌNH THUẬN", "CÀ MAU", "CẦN THƠ", "CAO BẰNG", "ĐÀ NẴNG",
	"ĐẮK LẮK", "ĐẮK NÔNG", "ĐIỆN BIÊN", "ĐỒNG NAI", "ĐỒNG THÁP", "GIA LAI", "HÀ GIANG", "HÀ NAM",
	"HÀ NỘI", "HÀ TĨNH", "HẢI DƯƠNG", "HẢI PHÒNG", "HẬU GIANG", "HÒA BÌNH", "HỒ CHÍ MINH", "HƯNG YÊN",
	"KHÁNH HÒA", "KIÊN GIANG", "KON TUM", "LAI CHÂU", "LÂM ĐỒNG", "LẠNG SƠN", "LÀO CAI", "LONG AN",
	"NAM ĐỊNH", "NGHỆ AN", "NINH BÌNH", "NINH THUẬN", "PHÚ THỌ", "PHÚ YÊN", "QUẢNG BÌNH", "QUẢNG NAM",
	"QUẢNG NGÃI", "QUẢNG NINH", "QUẢNG TRỊ", "SÓC TRĂNG", "SƠN LA", "TÂY NINH", "THÁI BÌNH",
	"THÁI NGUYÊN", "THANH HÓA", "THỪA THIÊN HUẾ", "TIỀN GIANG", "TRÀ VINH", "TUYÊN QUANG", "VĨNH LONG",
	"VĨNH PHÚC", "YÊN BÁI", "HUẾ", "HÀ TÂY", NULL,
};

/* What the departments (Sở) and ministries (Bộ) of the governments since 2008, and of earlier ones,
 * are of: a closed list (a Sở or a Bộ of anything else is a misreading). */
const char *const sohoa_gov_sectors[] = {
	"GIÁO DỤC VÀ ĐÀO TẠO", "Y TẾ", "TÀI CHÍNH", "NỘI VỤ", "TƯ PHÁP", "XÂY DỰNG", "CÔNG THƯƠNG",
	"NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN", "NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "TÀI NGUYÊN VÀ MÔI TRƯỜNG",
	"KẾ HOẠCH VÀ ĐẦU TƯ", "LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "VĂN HÓA, THỂ THAO VÀ DU LỊCH",
	"VĂN HÓA VÀ THỂ THAO", "DU LỊCH", "THÔNG TIN VÀ TRUYỀN THÔNG", "KHOA HỌC VÀ CÔNG NGHỆ",
	"GIAO THÔNG VẬN TẢI", "NGOẠI VỤ", "DÂN TỘC VÀ TÔN GIÁO", "QUY HOẠCH - KIẾN TRÚC",
	"GIAO THÔNG CÔNG CHÍNH", "QUỐC PHÒNG", "CÔNG AN", "NGOẠI GIAO", "CHÍNH TRỊ",
	/* of earlier governments */
	"VĂN HÓA VÀ THÔNG TIN", "VĂN HÓA - THÔNG TIN", "THỂ DỤC THỂ THAO", "THƯƠNG MẠI", "CÔNG NGHIỆP",
	"THỦY SẢN", "BƯU CHÍNH, VIỄN THÔNG", "THƯƠNG MẠI VÀ DU LỊCH", "ĐỊA CHÍNH", "NÔNG NGHIỆP", NULL,
};

/* The roles a signature block names (Decree 30/2020/NĐ-CP, article 13 and appendix I: the
 * heads and deputies of state bodies and their units), longest first where one begins another. */
const char *const sohoa_gov_roles[] = {
	"PHÓ CHỦ TỊCH THƯỜNG TRỰC", "PHÓ CHỦ TỊCH", "CHỦ TỊCH", "PHÓ TỔNG GIÁM ĐỐC", "TỔNG GIÁM ĐỐC",
	"PHÓ GIÁM ĐỐC", "GIÁM ĐỐC", "PHÓ THỦ TƯỚNG", "THỦ TƯỚNG", "BỘ TRƯỞNG", "THỨ TRƯỞNG",
	"PHÓ CHÁNH VĂN PHÒNG", "CHÁNH VĂN PHÒNG", "PHÓ TỔNG CỤC TRƯỞNG", "TỔNG CỤC TRƯỞNG",
	"PHÓ CHI CỤC TRƯỞNG", "CHI CỤC TRƯỞNG", "PHÓ CỤC TRƯỞNG", "CỤC TRƯỞNG", "PHÓ VỤ TRƯỞNG",
	"VỤ TRƯỞNG", "PHÓ TRƯỞNG BAN", "TRƯỞNG BAN", "PHÓ TRƯỞNG PHÒNG", "TRƯỞNG PHÒNG",
	"PHÓ HIỆU TRƯỞNG", "HIỆU TRƯỞNG", "PHÓ TRƯỞNG KHOA", "TRƯỞNG KHOA", "PHÓ VIỆN TRƯỞNG",
	"VIỆN TRƯỞNG", "PHÓ CHÁNH THANH TRA", "CHÁNH THANH TRA", "PHÓ CHỦ NHIỆM", "CHỦ NHIỆM",
	"PHÓ BÍ THƯ", "BÍ THƯ", "TỔNG BÍ THƯ", "PHÓ CHÁNH ÁN", "CHÁNH ÁN", "PHÓ TỔNG KIỂM TOÁN",
	"TỔNG KIỂM TOÁN", "PHÓ THỐNG ĐỐC", "THỐNG ĐỐC", "TRƯỞNG ĐOÀN", "KẾ TOÁN TRƯỞNG",
	"PHÓ TỔNG BIÊN TẬP", "TỔNG BIÊN TẬP", "PHÓ TRƯỞNG CÔNG AN", "TRƯỞNG CÔNG AN", "PHÓ TRƯỞNG TRẠM",
	"TRƯỞNG TRẠM", "PHÓ TRƯỞNG", "TRƯỞNG", "ỦY VIÊN", NULL,
};

/* Family names of Vietnamese (the commonest hundred and some), as a name writes them. */
const char *const sohoa_gov_surnames[] = {
	"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ",
	"Ngô", "Dương", "Lý", "Đào", "Đoàn", "Đinh", "Lâm", "Mai", "Trịnh", "Trương", "Hà", "Tạ", "Lưu",
	"Cao", "Chu", "Lương", "Thái", "Tô", "Từ", "Quách", "La", "Lại", "Kiều", "Triệu", "Đàm", "Thân",
	"Châu", "Tăng", "Mạc", "Lục", "Vương", "Giang", "Khúc", "Hứa", "Diệp", "Ông", "Phùng", "Nghiêm",
	"Tôn", "Kha", "Lò", "Quàng", "Hầu", "Âu", "Bế", "Nông", "Ma", "Lã", "Doãn", "Khổng", "Thạch",
	"Danh", "Sơn", "Kim", "Tống", "Đồng", "Hàn", "Ninh", "Phí", "Phương", "Quan", "Tiêu", "Trình",
	"Vi", "Hồng", "Nhữ", "Bạch", "Cù", "Cấn", "Đường", "Đậu", "Hoa", "Khương", "Lạc", "Mẫn", "Thiều",
	"Trang", "Ung", "Viên", "Lữ", "Mông", "Chế", "Lỗ", "Thiệu", "Ôn", "Vy", "Lầu", "Thào", "Giàng",
	"Sùng", "Đèo", "Cầm", "Lường", "Ksor", "Nay", "Siu", "Rơ", "Quang", "Tiết", "Thới", "Dư", "Bàn",
	NULL,
};

/* Acronyms of state administration as documents print them: bodies, ministries and departments,
 * document codes, roles in distribution lists, school levels, programmes. */
const char *const sohoa_gov_acronyms[] = {
	/* bodies */
	"UBND", "HĐND", "UBMTTQ", "MTTQ", "UBTVQH", "VPCP", "TTCP", "KTNN", "NHNN", "TAND", "VKSND",
	"CAND", "QĐND", "BCH", "BTV", "BCĐ", "BQL", "BHXH", "BHYT", "BHTN", "KBNN", "ĐHQG", "ĐTN", "TNCS",
	/* ministries and departments */
	"BGDĐT", "SGDĐT", "PGDĐT", "GDĐT", "GD&ĐT", "BYT", "SYT", "BTC", "STC", "BNV", "SNV", "BTP", "STP",
	"BXD", "SXD", "BCT", "SCT", "BNG", "BQP", "BCA", "BKHĐT", "SKHĐT", "KH&ĐT", "BTNMT", "STNMT",
	"TN&MT", "BNNPTNT", "SNNPTNT", "NN&PTNT", "BLĐTBXH", "SLĐTBXH", "LĐTBXH", "BVHTTDL", "SVHTTDL",
	"BTTTT", "STTTT", "TT&TT", "BKHCN", "SKHCN", "KH&CN", "BGTVT", "SGTVT", "GTVT", "BNNMT", "SNNMT",
	/* document codes and signatures */
	"TTg", "TTr", "QĐ", "NĐ", "NQ", "KH", "BC", "TB", "HD", "CT", "CV", "TTLT", "VBHN", "KL", "CP",
	"QH", "TW", "TTHC", "CCHC", "KSTTHC", "TTHCC", "DVC", "DVCTT", "CSDL", "VP", "VT",
	/* roles in distribution lists */
	"GĐ", "PGĐ", "PCT", "CVP", "PCVP", "PVP", "TP", "PTP", "HT", "PHT", "BT", "PBT",
	/* schools, people, programmes */
	"THPT", "THCS", "GDTX", "GDNN", "GDTX-GDNN", "TTGDTX", "CNTT", "HSSV", "CBCC", "CBCCVC",
	"CB-GV-NV", "CBGV", "NLĐ", "ATGT", "TTATGT", "ANTT", "PCCC", "KT-XH", "XHCN", "MTQG", "NSNN",
	"ĐVHC", "HTX", "DNNN", "KCN", "CCN", "ĐBQH", "ĐBSCL", "TP.HCM", "TPHCM", "PAR", "SIPAS",
	"PAPI", "PCI", NULL,
};

size_t sohoa_gov_skeleton(const char *s, size_t n, char *out, size_t cap)
{
	size_t k = 0;
	for (size_t i = 0; i < n && k + 1 < cap;) {
		uint32_t cp;
		i += sohoa_utf8_decode(s + i, n - i, &cp);
		uint32_t b = sohoa_viet_base(cp);
		if (b >= 'A' && b <= 'Z')
			b += 32;
		if (b >= 'a' && b <= 'z')
			out[k++] = (char)b;
	}
	if (cap)
		out[k] = 0;
	return k;
}

int sohoa_gov_distance(const char *a, const char *b, int max)
{
	size_t na = strlen(a), nb = strlen(b);
	if (na > 96 || nb > 96)
		return max + 1;
	if ((na > nb ? na - nb : nb - na) > (size_t)max)
		return max + 1;
	int row[97], prev[97];
	for (size_t j = 0; j <= nb; j++)
		prev[j] = (int)j;
	for (size_t i = 1; i <= na; i++) {
		row[0] = (int)i;
		int best = row[0];
		for (size_t j = 1; j <= nb; j++) {
			int v = prev[j - 1] + (a[i - 1] != b[j - 1]);
			if (prev[j] + 1 < v)
				v = prev[j] + 1;
			if (row[j - 1] + 1 < v)
				v = row[j - 1] + 1;
			row[j] = v;
			if (v < best)
				best = v;
		}
		if (best > max)
			return max + 1;
		memcpy(prev, row, (nb + 1) * sizeof row[0]);
	}
	return prev[nb] > max ? max + 1 : prev[nb];
}

int sohoa_gov_allowance(size_t len)
{
	return len <= 3 ? 0 : len <= 7 ? 1 : len <= 14 ? 2 : 3;
}

void sohoa_nearest_add(sohoa_nearest *n, int i, int d)
{
	if (d < n->bestd) {
		n->second = n->bestd;
		n->bestd = d;
		n->best = i;
	} else if (d < n->second) {
		n->second = d;
	}
}

int sohoa_gov_nearest(const char *const *list, const char *s, size_t n, int slack, int *dist)
{
	char sk[128], ek[128];
	sohoa_gov_skeleton(s, n, sk, sizeof sk);
	sohoa_nearest near = {-1, 1 << 20, 1 << 20};
	for (int i = 0; list[i]; i++) {
		size_t el = sohoa_gov_skeleton(list[i], strlen(list[i]), ek, sizeof ek);
		int allow = sohoa_gov_allowance(el) - slack;
		if (allow < 0)
			allow = 0;
		int d = sohoa_gov_distance(sk, ek, allow);
		if (d <= allow)
			sohoa_nearest_add(&near, i, d);
	}
	if (dist)
		*dist = near.bestd;
	return near.best >= 0 && near.bestd < near.second ? near.best : -1;
}
