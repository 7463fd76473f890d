/* Reading order and diacritic joining (ingest/layout.c) on hand-placed glyphs, as a PDF text
 * layer would give them: a two-column letterhead, rows drawn out of order, spans on one baseline,
 * table cells, a justified line, and marks drawn as their own glyphs. */
#include "../../ingest/ingest-int.h"
#include "../../ingest/layout.h"
#include "check.h"

#include <stdlib.h>

typedef struct glyphs {
	ingest_glyph g[4096];
	size_t n;
	int frag;
} glyphs;

/* Lay s out from x on baseline y: every glyph 0.5 em wide, box from 0.8 em above the baseline
 * to 0.2 em below. gap: extra space after each space (justification). Returns the end x. */
static float put(glyphs *gs, const char *s, float x, float y, float size, float gap, const char *font)
{
	gs->frag++;
	size_t n = strlen(s);
	for (size_t i = 0; i < n;) {
		uint32_t c;
		i += sohoa_utf8_decode(s + i, n - i, &c);
		float w = 0.5f * size + (c == ' ' ? gap : 0);
		gs->g[gs->n++] = (ingest_glyph){c, x, y - 0.8f * size, x + w, y + 0.2f * size, size, font, gs->frag};
		x += w;
	}
	return x;
}

/* One glyph at an explicit box (a mark). */
static void mark(glyphs *gs, uint32_t c, float x0, float y0, float x1, float y1, float size, int newfrag)
{
	if (newfrag)
		gs->frag++;
	gs->g[gs->n++] = (ingest_glyph){c, x0, y0, x1, y1, size, NULL, gs->frag};
}

static sohoa_page *layout(sohoa_ctx *ctx, glyphs *gs, sohoa_doc *doc)
{
	memset(doc, 0, sizeof *doc);
	sohoa_page *p = ingest_page_add(doc, 1);
	if (!p || ingest_layout(ctx, gs->g, gs->n, p) != SOHOA_OK)
		return NULL;
	return p;
}

static const char *line(const sohoa_page *p, size_t i)
{
	return p && i < p->nlines ? p->lines[i].text : "(none)";
}

static void clear(sohoa_doc *doc)
{
	for (size_t i = 0; i < doc->npages; i++) {
		ingest_page_clear(&doc->pages[i]);
		free(doc->pages[i].decision);
	}
	free(doc->pages);
	memset(doc, 0, sizeof *doc);
}

int main(void)
{
	sohoa_options opt;
	sohoa_options_init(&opt);
	sohoa_ctx *ctx = sohoa_ctx_new(&opt);
	static glyphs gs;
	sohoa_doc doc;
	sohoa_page *p;

	/* Letterhead, drawn right column first and bottom row first. */
	memset(&gs, 0, sizeof gs);
	put(&gs, "Độc lập - Tự do", 340, 76, 12, 0, "ABCDEF+TimesNewRomanPS-BoldMT");
	put(&gs, "CỘNG HÒA XÃ HỘI", 330, 60, 12, 0, "ABCDEF+TimesNewRomanPS-BoldMT");
	put(&gs, "Số: 15/KH-SYT", 90, 100, 12, 0, "TimesNewRomanPSMT");
	put(&gs, "SỞ Y TẾ", 110, 76, 12, 0, "TimesNewRomanPSMT");
	put(&gs, "UBND TỈNH", 100, 60, 12, 0, "TimesNewRomanPSMT");
	put(&gs, "Lai Châu, ngày 26", 330, 100, 12, 0, "TimesNewRomanPS-ItalicMT");
	put(&gs, "Căn cứ Quyết định số 608/QĐ-UBND ngày 02/4/2025 của UBND tỉnh", 72, 150, 12, 0, "TimesNewRomanPSMT");
	p = layout(ctx, &gs, &doc);
	CHECK(p && p->nlines == 7, "letterhead: seven lines");
	CHECK_STR(line(p, 0), "UBND TỈNH", "letterhead: issuer first");
	CHECK_STR(line(p, 1), "SỞ Y TẾ", "letterhead: issuer's second line");
	CHECK_STR(line(p, 2), "Số: 15/KH-SYT", "letterhead: number ends the left column");
	CHECK_STR(line(p, 3), "CỘNG HÒA XÃ HỘI", "letterhead: then the motto column");
	CHECK_STR(line(p, 4), "Độc lập - Tự do", "letterhead: motto's second line");
	CHECK_STR(line(p, 5), "Lai Châu, ngày 26", "letterhead: place and date");
	CHECK(p && p->nlines > 6 && !strncmp(line(p, 6), "Căn cứ", 6), "letterhead: body after both columns");
	CHECK(p && p->lines[0].line == 1 && p->lines[6].line == 7, "lines numbered in reading order");
	CHECK_STR(p ? p->lines[3].font : NULL, "TimesNewRomanPS-BoldMT", "font name without subset prefix");
	CHECK(p && p->lines[3].font_size == 12, "font size kept");
	CHECK(p && p->lines[0].x0 == 100 && p->lines[0].y0 < 60 && p->lines[0].y1 > 60, "line box");
	CHECK(p && p->lines[0].nwords == 2 && !strcmp(p->lines[0].words[1].text, "TỈNH") &&
		      p->lines[0].words[1].x0 == 100 + 5 * 6, "words with boxes");
	clear(&doc);

	/* Spans on one baseline become one line; a superscript footnote mark joins its line. */
	memset(&gs, 0, sizeof gs);
	float x = put(&gs, "Chỉ số ", 72, 200, 12, 0, "A");
	x = put(&gs, "PAR INDEX", x, 200, 12, 0, "A-Bold");
	x = put(&gs, "1", x + 0.5f, 195, 7, 0, "A");
	put(&gs, "tăng 0,19 điểm", x + 3, 200, 12, 0, "A");
	put(&gs, "dòng sau", 72, 216, 12, 0, "A");
	p = layout(ctx, &gs, &doc);
	CHECK(p && p->nlines == 2, "spans: two lines");
	CHECK_STR(line(p, 0), "Chỉ số PAR INDEX1 tăng 0,19 điểm", "spans on one baseline merged");
	CHECK_STR(line(p, 1), "dòng sau", "next line kept apart");
	clear(&doc);

	/* Table cells far apart stay separate lines, left to right, row by row. */
	memset(&gs, 0, sizeof gs);
	put(&gs, "1", 50, 300, 12, 0, "A");
	put(&gs, "Rà soát thủ tục", 90, 300, 12, 0, "A");
	put(&gs, "Văn phòng", 300, 300, 12, 0, "A");
	put(&gs, "Quý II", 450, 300, 12, 0, "A");
	put(&gs, "2", 50, 316, 12, 0, "A");
	put(&gs, "Khảo sát", 90, 316, 12, 0, "A");
	put(&gs, "Thanh tra", 300, 316, 12, 0, "A");
	put(&gs, "Quý IV", 450, 316, 12, 0, "A");
	p = layout(ctx, &gs, &doc);
	CHECK(p && p->nlines == 8, "table: one line per cell");
	CHECK_STR(line(p, 1), "Rà soát thủ tục", "table: second cell of row one");
	CHECK_STR(line(p, 3), "Quý II", "table: row one ends before row two");
	CHECK_STR(line(p, 4), "2", "table: row two starts left");
	clear(&doc);

	/* One run holding two cells with a wide gap splits; a justified line with even wide gaps
	 * does not. */
	memset(&gs, 0, sizeof gs);
	put(&gs, "quán triệt kế   Văn phòng Sở", 80, 400, 12, 0, "A");
	put(&gs, "Triển khai thực hiện hiệu quả kế hoạch", 80, 420, 12, 9, "A");
	p = layout(ctx, &gs, &doc);
	CHECK(p && p->nlines == 3, "gaps: cell gap splits, justified gaps do not");
	CHECK_STR(line(p, 0), "quán triệt kế", "gaps: first cell");
	CHECK_STR(line(p, 1), "Văn phòng Sở", "gaps: second cell");
	CHECK_STR(line(p, 2), "Triển khai thực hiện hiệu quả kế hoạch", "gaps: justified line whole");
	clear(&doc);

	/* Marks drawn as their own glyphs. */
	memset(&gs, 0, sizeof gs);
	/* "các": a spacing acute (U+00B4) raised over the a, drawn after the word */
	put(&gs, "cac", 72, 500, 12, 0, "A");
	mark(&gs, 0x00B4, 72 + 6 + 1, 500 - 12, 72 + 12 - 1, 500 - 4, 12, 1);
	/* "kết": a zero-width combining acute at the end of the ê, MuPDF put a space before it */
	x = put(&gs, "kê", 96, 500, 12, 0, "A");
	mark(&gs, ' ', x, 500 - 9.6f, x, 500 + 2.4f, 12, 0);
	mark(&gs, 0x0301, x, 500 - 9.6f, x, 500 + 2.4f, 12, 0);
	put(&gs, "t", x, 500, 12, 0, "A");
	/* "nhà": a grave (U+0060) drawn first, then the word under it */
	mark(&gs, 0x0060, 120 + 12 + 1, 500 - 12, 120 + 18 - 1, 500 - 4, 12, 1);
	put(&gs, "nha", 120, 500, 12, 0, "A");
	/* "ạ": a full stop lowered under the a (TeX's \d{a}) */
	x = put(&gs, " m", 138, 500, 12, 0, "A");
	put(&gs, "a", x, 500, 12, 0, "A");
	mark(&gs, '.', x + 1.5f, 500 - 9.6f + 3, x + 4.5f, 500 + 2.4f + 3, 12, 1);
	/* a real backtick between words stays, and so does a full stop kerned under a y */
	put(&gs, "x ` y", 72, 540, 12, 0, "A");
	mark(&gs, '.', 72 + 24 + 2, 540 - 9.6f, 72 + 24 + 5, 540 + 2.4f, 12, 0);
	p = layout(ctx, &gs, &doc);
	CHECK(p && p->nlines == 2, "marks: two lines");
	CHECK_STR(line(p, 0), "các kết nhà mạ", "marks joined onto their letters and composed");
	CHECK_STR(line(p, 1), "x ` y.", "a backtick over no letter stays, a kerned full stop too");
	CHECK(p && p->lines[0].nwords == 4 && !strcmp(p->lines[0].words[1].text, "kết"), "marks: words composed too");
	clear(&doc);

	int mk = 0;
	uint32_t comb = 0;
	mk = ingest_layout_mark(0x02DC, &comb);
	CHECK(mk && comb == 0x0303, "small tilde is a tilde mark");
	CHECK(!ingest_layout_mark('a', NULL), "a letter is no mark");

	/* Nothing in, nothing out. */
	memset(&gs, 0, sizeof gs);
	p = layout(ctx, &gs, &doc);
	CHECK(p && p->nlines == 0, "empty page: no lines");
	clear(&doc);

	sohoa_ctx_free(ctx);
	return CHECK_DONE();
}
