#!/bin/sh
# Restoration through the CLI with the shipped model: short stripped sentences whose accented form
# is certain, an explicit job per run, auto detection, and pass-through of codes, dates and URLs.
. tests/lib.sh
r() { printf '%s\n' "$2" >"$TMP/in.txt"; "$SOHOA" normalize --restore "$1" "$TMP/in.txt" 2>"$TMP/err.txt"; }
expect() { # NAME MODE INPUT WANT
	got=$(r "$2" "$3")
	if [ "$got" = "$4" ]; then pass "$1"; else fail "$1" "got '$got', want '$4'"; fi
}
expect "restore strip: decision" strip "Quyet dinh so 608/QD-UBND ngay 02/4/2025 cua Uy ban nhan dan tinh Lai Chau" \
	"Quyết định số 608/QĐ-UBND ngày 02/4/2025 của Ủy ban nhân dân tỉnh Lai Châu"
expect "restore strip: letterhead caps" strip "CONG HOA XA HOI CHU NGHIA VIET NAM" "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
expect "restore strip: motto" strip "Doc lap - Tu do - Hanh phuc" "Độc lập - Tự do - Hạnh phúc"
expect "restore strip: administrative prose" strip \
	"Nang cao chat luong giai quyet thu tuc hanh chinh cho nguoi dan va doanh nghiep" \
	"Nâng cao chất lượng giải quyết thủ tục hành chính cho người dân và doanh nghiệp"
expect "restore strip: recent administrative vocabulary" strip "Ban chi dao chuyen doi so cua tinh" \
	"Ban chỉ đạo chuyển đổi số của tỉnh"
expect "restore strip: url and e-mail kept" strip "xem tai https://laichau.gov.vn/van-ban hoac vanthu@laichau.gov.vn" \
	"xem tại https://laichau.gov.vn/van-ban hoặc vanthu@laichau.gov.vn"
expect "restore auto: stripped paragraph" auto "Thuc hien ke hoach cai cach hanh chinh nam 2025 cua tinh" \
	"Thực hiện kế hoạch cải cách hành chính năm 2025 của tỉnh"
expect "restore auto: good text untouched" auto "Thực hiện kế hoạch cải cách hành chính năm 2025" \
	"Thực hiện kế hoạch cải cách hành chính năm 2025"
expect "restore off: stripped text untouched" off "Thuc hien ke hoach" "Thuc hien ke hoach"
expect "restore vie: right text untouched" vie "Sở Y tế tỉnh Lai Châu báo cáo kết quả thực hiện" \
	"Sở Y tế tỉnh Lai Châu báo cáo kết quả thực hiện"
expect "restore vie: tone read wrong" vie "Sở Y tế ban hành kế hoạch nầng cao chất lượng phục vụ" \
	"Sở Y tế ban hành kế hoạch nâng cao chất lượng phục vụ"
expect "restore ocr: marks read as other letters" ocr "Quyét dinh so 608/QD-UBND cua UBND tinh" \
	"Quyết định số 608/QĐ-UBND của UBND tỉnh"
# a missing model is a clear error, not a crash
printf 'Thuc hien ke hoach\n' >"$TMP/in.txt"
if "$SOHOA" normalize --restore strip --model "$TMP/none.bin" "$TMP/in.txt" >/dev/null 2>"$TMP/err.txt"; then
	if grep -q "none.bin" "$TMP/err.txt"; then pass "restore: missing model named"; else fail "restore: missing model named" "no message"; fi
else
	if grep -q "none.bin" "$TMP/err.txt"; then pass "restore: missing model named"; else fail "restore: missing model named" "$(cat "$TMP/err.txt")"; fi
fi
# a word a line break left alone in a document typed with its marks keeps its own (lack of) marks
{
	for i in 1 2 3 4 5 6; do
		printf 'Các sở, ban, ngành và ủy ban nhân dân các huyện triển khai thực hiện kế hoạch này, báo cáo kết quả về văn phòng trước ngày hai mươi hằng tháng.\n\n'
	done
	printf '1. Ban\n\nQuản lý dự án đầu tư xây dựng tỉnh chủ trì thực hiện các nhiệm vụ sau đây.\n\nCông\n\nan.\n'
} >"$TMP/marked.txt"
"$SOHOA" normalize --restore auto "$TMP/marked.txt" >"$TMP/marked.out" 2>"$TMP/marked.err"
if grep -qx "1. Ban" "$TMP/marked.out" && grep -qx "an." "$TMP/marked.out"; then
	pass "restore auto: a short unmarked paragraph of a marked document left as it is"
else
	fail "restore auto: a short unmarked paragraph of a marked document left as it is" \
		"$(grep -E '^(1\. B|an|án)' "$TMP/marked.out" | tr '\n' '|')"
fi
