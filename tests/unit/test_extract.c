/* Unit tests of the extract stage: Vietnamese numbers and dates, CSV fields, and the extractors on
 * small texts given both as source lines and as reflowed paragraphs. */
#include "../../extract/extract-int.h"
#include "check.h"
#include "text-fixture.h"

#include <stdlib.h>
#include <string.h>

static int num_is(const char *s, double want)
{
	double v = -1;
	size_t used = 0;
	if (!ex_parse_number(s, strlen(s), &v, &used))
		return 0;
	return v > want - 1e-9 && v < want + 1e-9;
}

static int date_is(const char *s, const char *want)
{
	char iso[11];
	int ok = ex_parse_date(s, strlen(s), iso);
	if (!want)
		return !ok;
	return ok && !strcmp(iso, want);
}

/* A text of one line per element of lines[] (page 1, lines numbered from first). When joined,
 * the lines become one paragraph that remembers the range, as normalize's reflow does. */
static sohoa_text *make_text(const char *const *lines, size_t n, int joined)
{
	if (!joined)
		return text_of_lines(lines, n);
	sohoa_text *t = calloc(1, sizeof *t);
	t->doc = sohoa_strdup("t");
	t->lines = calloc(n, sizeof *t->lines);
	sohoa_buf b = {0};
	for (size_t i = 0; i < n; i++) {
		if (i)
			sohoa_buf_puts(&b, " ");
		sohoa_buf_puts(&b, lines[i]);
	}
	t->lines[0].text = sohoa_buf_steal(&b);
	t->lines[0].page = t->lines[0].page_end = 1;
	t->lines[0].line = 1;
	t->lines[0].line_end = (int)n;
	t->nlines = 1;
	return t;
}

/* The document the text came from, so reflowed figures can be traced to their source line. */
static sohoa_doc *make_doc(sohoa_ctx *ctx, const char *const *lines, size_t n)
{
	sohoa_buf b = {0};
	for (size_t i = 0; i < n; i++) {
		sohoa_buf_puts(&b, lines[i]);
		sohoa_buf_puts(&b, "\n");
	}
	sohoa_doc *doc = NULL;
	sohoa_doc_from_text(ctx, "t", b.data, b.len, &doc);
	sohoa_buf_free(&b);
	return doc;
}

static char *run_ex(sohoa_ctx *ctx, const char *name, const sohoa_doc *doc, const sohoa_text *t)
{
	sohoa_buf out = {0};
	const sohoa_extractor *ex = sohoa_extractor_find(name);
	if (!ex || ex->run(ctx, doc, t, &out) != SOHOA_OK) {
		sohoa_buf_free(&out);
		return sohoa_strdup("(error)");
	}
	return out.data ? sohoa_buf_steal(&out) : sohoa_strdup("");
}

static void free_text(sohoa_text *t)
{
	sohoa_text_free(t);
}

int main(void)
{
	/* numbers */
	CHECK(num_is("8,41", 8.41), "number: decimal comma 8,41");
	CHECK(num_is("01", 1), "number: leading zero 01");
	CHECK(num_is("1.234,5", 1234.5), "number: thousands dot 1.234,5");
	CHECK(num_is("6,5/", 6.5), "number: 6,5 before a slash");
	CHECK(num_is("100%", 100), "number: 100 before %");
	CHECK(num_is("1.5", 1.5), "number: dot decimal 1.5");
	CHECK(num_is("2.000.000", 2000000), "number: 2.000.000");
	CHECK(!num_is("abc", 0), "number: not a number");

	/* dates */
	CHECK(date_is("Trước ngày 30/11/2023", "2023-11-30"), "date: Trước ngày 30/11/2023");
	CHECK(date_is("Lai Châu, ngày 26 tháng 5 năm 2025", "2025-05-26"), "date: ngày 26 tháng 5 năm 2025");
	CHECK(date_is("Thường xuyên", NULL), "date: Thường xuyên has none");
	CHECK(date_is("Hàng quý, 6 tháng, năm", NULL), "date: Hàng quý has none");
	CHECK(date_is("Trong quý I", NULL), "date: Trong quý I has none");
	CHECK(date_is("31/2/2023", NULL), "date: 31/2 is not a date");
	CHECK(date_is("từ 01/01/2023 đến 31/12/2023", NULL), "date: two dates are not certain");

	/* CSV fields */
	{
		sohoa_ctx *ctx = NULL;
		sohoa_options o;
		sohoa_options_init(&o);
		ctx = sohoa_ctx_new(&o);
		sohoa_buf out = {0};
		ex_row r;
		ex_row_begin(&r, &out);
		ex_field(&r, "a,b");
		ex_field(&r, "say \"hi\"");
		ex_field(&r, NULL);
		ex_field_num(&r, 8.41, 1);
		ex_field_num(&r, 76.92, 1);
		ex_field_num(&r, 100, 1);
		ex_field(&r, "Chỉ số");
		ex_row_end(&r, ctx);
		CHECK_STR(out.data, "\"a,b\",\"say \"\"hi\"\"\",,8.41,76.92,100,Chỉ số\r\n", "csv: quoting and numbers");
		sohoa_buf_free(&out);
		/* the file writer makes cells safe for spreadsheets; numbers and lone signs stay */
		const char *cells[] = {"=1+1", "@SUM(1)", "+1+1", "-2+3", "-5", "+3", "-8,5", "=", "-", ("a\xE9" "b"),
				       "\tx", "- Điều 1", "1e-3"};
		sohoa_buf_free(&out);
		CHECK(sohoa_csv_row(&out, cells, sizeof cells / sizeof cells[0]) == 0, "csv: safe row written");
		CHECK_STR(out.data, "'=1+1,'@SUM(1),'+1+1,'-2+3,-5,+3,\"-8,5\",=,-,a\\xE9b,'\tx,'- Điều 1,1e-3\r\n",
			  "csv: formula cells quoted, numbers kept, bad UTF-8 escaped");
		sohoa_buf_free(&out);
		sohoa_ctx_free(ctx);
	}

	sohoa_options o;
	sohoa_options_init(&o);
	sohoa_ctx *ctx = sohoa_ctx_new(&o);

	/* scores, as source lines and as one reflowed paragraph */
	static const char *const sc[] = {
		"Kết quả: Cải cách thể chế được 5/6,5 điểm, đạt 76,92%; giảm 13% so với",
		"năm 2023.",
		"- Các tiêu chí được điểm cao: Theo dõi thi hành pháp luật được 3/3 điểm; xử lý",
		"văn bản trái pháp luật được 1/1 điểm.",
		"Chỉ số PAR INDEX tỉnh đạt 85,97 điểm, tăng 0,19 điểm so với năm 2023, xếp vị trí",
		"thứ 56/63 tỉnh, thành phố, giảm 7 hạng so với năm 2023.",
		"Phấn đấu năm 2025 Chỉ số PAR INDEX đạt từ 75 điểm trở lên.",
	};
	size_t nsc = sizeof sc / sizeof *sc;
	sohoa_doc *doc = make_doc(ctx, sc, nsc);
	for (int joined = 0; joined < 2; joined++) {
		sohoa_text *t = make_text(sc, nsc, joined);
		char *csv = run_ex(ctx, "scores", doc, t);
		const char *tag = joined ? " (reflowed)" : " (lines)";
		char name[128];
#define HAS(s, what)                                                  \
	do {                                                          \
		snprintf(name, sizeof name, "%s%s", what, tag);       \
		CHECK(strstr(csv, s) != NULL, name);                  \
		if (!strstr(csv, s))                                  \
			printf("    got:\n%s\n", csv);                \
	} while (0)
		HAS("t,1,1,,Cải cách thể chế,score,=,5,6.5,điểm,76.92,,,-13,%,,", "scores: value, max, percent, change");
		HAS("t,1,3,,Theo dõi thi hành pháp luật,score,=,3,3,điểm,", "scores: sub-criterion subject trimmed of được");
		HAS("t,1,4,,xử lý văn bản trái pháp luật,score,=,1,1,điểm,", "scores: second sub-criterion on its own line");
		HAS("t,1,5,,Chỉ số PAR INDEX tỉnh,score,=,85.97,,điểm,,,,0.19,điểm,", "scores: no max, change +0.19 điểm");
		HAS("t,1,6,,Chỉ số PAR INDEX tỉnh,rank,=,,,,,56,63,-7,hạng,", "scores: rank 56/63 with its change");
		HAS("t,1,7,,Chỉ số PAR INDEX,target,>=,75,,điểm,,,,,,2025,", "scores: target from 75 points up");
		free(csv);
		free_text(t);
	}
	sohoa_doc_free(doc);

	/* a fraction after "đúng hạn" is a score, not a rank; "đứng thứ 15/16" is a rank */
	{
		static const char *const rk[] = {"tỷ lệ hồ sơ giải quyết trước và đúng hạn được 0/1,5 điểm; đứng thứ 15/16 sở, ngành."};
		sohoa_text *t = make_text(rk, 1, 0);
		char *csv = run_ex(ctx, "scores", NULL, t);
		CHECK(strstr(csv, ",score,=,0,1.5,điểm,") != NULL, "scores: 0/1,5 điểm after đúng hạn is a score");
		CHECK(strstr(csv, ",rank,=,,,,,15,16,") != NULL, "scores: đứng thứ 15/16 is a rank");
		free(csv);
		free_text(t);
	}

	/* scores on text that lost its diacritics (the key ignores them) */
	{
		static const char *const flat[] = {"Cong tac chi dao dieu hanh duoc 8,41/10 diem, dat 84,1%."};
		sohoa_text *t = make_text(flat, 1, 0);
		char *csv = run_ex(ctx, "scores", NULL, t);
		CHECK(strstr(csv, ",Cong tac chi dao dieu hanh,score,=,8.41,10,điểm,84.1,") != NULL,
		      "scores: text without diacritics");
		free(csv);
		free_text(t);
	}

	/* references */
	{
		static const char *const rf[] = {
			"Căn cứ Quyết định số 608/QĐ-UBND ngày 02/4/2025 của UBND tỉnh Lai Châu phê duyệt;",
			"theo Nghị định 130/2005/NĐ-CP ngày 17/10/2005 của Chính phủ; Chỉ thị số",
			"03/CT-UBND; Số: 209/BC-SYT; theo Quyết định: số 2222/Qb-UBND, số 1262/QĐ-UBND",
		};
		sohoa_doc *d = make_doc(ctx, rf, 3);
		for (int joined = 0; joined < 2; joined++) {
			sohoa_text *t = make_text(rf, 3, joined);
			char *csv = run_ex(ctx, "references", d, t);
			const char *tag = joined ? " (reflowed)" : " (lines)";
			char name[128];
			HAS("t,1,1,Quyết định,608/QĐ-UBND,2025-04-02,UBND tỉnh Lai Châu,", "references: decision with date and issuer");
			HAS("t,1,2,Nghị định,130/2005/NĐ-CP,2005-10-17,Chính phủ,", "references: decree without số");
			HAS("t,1,3,Chỉ thị,03/CT-UBND,,,", "references: directive across lines");
			snprintf(name, sizeof name, "references: OCR'd code Qb read as QĐ%s", tag);
			CHECK(strstr(csv, ",Quyết định,2222/QĐ-UBND,") != NULL, name);
			snprintf(name, sizeof name, "references: own number is not a citation%s", tag);
			CHECK(!strstr(csv, "209/BC-SYT"), name);
			free(csv);
			free_text(t);
		}
		sohoa_doc_free(d);
	}

	/* responsibilities from labelled prose, subjects and units */
	{
		static const char *const rp[] = {
			"1.2. Cải cách thể chế",
			"a) Nhiệm vụ, giải pháp",
			"- Rà soát văn bản.",
			"b) Trách nhiệm thực hiện",
			"- Phòng/đơn vị chủ trì theo dõi: Văn phòng Sở.",
			"- Phòng/đơn vị phối hợp thực hiện: Các phòng chức năng, đơn vị thuộc Sở.",
			"IV. TỔ CHỨC THỰC HIỆN",
			"2) Sở Nội vụ",
			"- Tổng hợp, báo cáo UBND tỉnh trước ngày 15/12/2025.",
		};
		sohoa_text *t = make_text(rp, sizeof rp / sizeof *rp, 0);
		char *csv = run_ex(ctx, "responsibilities", NULL, t);
		const char *tag = "";
		char name[128];
		HAS("t,1.2,Cải cách thể chế,Văn phòng Sở,\"Các phòng chức năng, đơn vị thuộc Sở\",,,,1,5,prose",
		    "responsibilities: prose lead and cooperating under the task heading");
		HAS("t,IV.2-1,\"Tổng hợp, báo cáo UBND tỉnh trước ngày 15/12/2025.\",Sở Nội vụ,,,2025-12-15,,1,9,unit",
		    "responsibilities: unit bullet with deadline");
		free(csv);
		free_text(t);
	}

	/* criteria: "1. 1." written with a space, and a score under the heading */
	{
		static const char *const cr[] = {
			"III. NHIỆM VỤ",
			"1. Chỉ số PAR INDEX",
			"1. 1. Công tác chỉ đạo, điều hành",
			"Kết quả: Công tác chỉ đạo điều hành được 8,41/10 điểm.",
			"a) Nhiệm vụ, giải pháp",
		};
		sohoa_text *t = make_text(cr, 5, 0);
		char *csv = run_ex(ctx, "criteria", NULL, t);
		const char *tag = "";
		char name[128];
		HAS("t,III,,1,NHIỆM VỤ,,,1,1", "criteria: roman heading");
		HAS("t,III.1.1,III.1,3,\"Công tác chỉ đạo, điều hành\",8.41,10,1,3", "criteria: 1. 1. with its score");
		HAS("t,III.1.1.a,III.1.1,4,\"Nhiệm vụ, giải pháp\",,,1,5", "criteria: letter heading");
		free(csv);
		free_text(t);
	}
	sohoa_ctx_free(ctx);
	return CHECK_DONE();
}
