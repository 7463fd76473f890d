/* font: the text layer's font, made here rather than shipped: a TrueType program with two empty
 * glyphs (.notdef and the one every character is drawn with), its CIDToGIDMap and the ToUnicode
 * CMap that gives extraction the exact text back. The idea is Tesseract's GlyphLessFont: text in
 * render mode 3 needs no shapes, only widths that put each character where the word is. */
#include "output-int.h"

#include <string.h>

#define UNITS_PER_EM 1000
#define ASCENT 800
#define DESCENT (-200)

static int put16(sohoa_buf *b, unsigned v)
{
	char c[2] = {(char)(v >> 8), (char)v};
	return sohoa_buf_append(b, c, 2);
}

static int put32(sohoa_buf *b, uint32_t v)
{
	char c[4] = {(char)(v >> 24), (char)(v >> 16), (char)(v >> 8), (char)v};
	return sohoa_buf_append(b, c, 4);
}

static int zeros(sohoa_buf *b, size_t n)
{
	static const char z[16];
	for (; n > 16; n -= 16)
		if (sohoa_buf_append(b, z, 16))
			return -1;
	return sohoa_buf_append(b, z, n);
}

static uint32_t checksum(const unsigned char *p, size_t n)
{
	uint32_t sum = 0;
	for (size_t i = 0; i < n; i += 4) {
		uint32_t w = 0;
		for (size_t k = 0; k < 4; k++)
			w = w << 8 | (i + k < n ? p[i + k] : 0);
		sum += w;
	}
	return sum;
}

/* The tables, each built into its own buffer. */
enum { T_OS2, T_CMAP, T_GLYF, T_HEAD, T_HHEA, T_HMTX, T_LOCA, T_MAXP, T_NAME, T_POST, NTABLES };
static const char tags[NTABLES][5] = {"OS/2", "cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name", "post"};

static int table_os2(sohoa_buf *b)
{
	int r = put16(b, 1) | put16(b, OUT_FONT_WIDTH) | put16(b, 400) | put16(b, 5);
	r |= put16(b, 0);                      /* fsType 0: installable, may be embedded freely */
	for (int i = 0; i < 10; i++)           /* sub/superscript sizes and offsets, strikeout */
		r |= put16(b, i == 8 ? 50 : i == 9 ? 250 : 0);
	r |= put16(b, 0) | zeros(b, 10);       /* family class, panose */
	r |= put32(b, 1) | put32(b, 0) | put32(b, 0) | put32(b, 0); /* unicode ranges: Basic Latin */
	r |= sohoa_buf_append(b, "SOHO", 4);
	r |= put16(b, 0x40);                   /* fsSelection: regular */
	r |= put16(b, 0x20) | put16(b, 0xFFFF);
	r |= put16(b, ASCENT) | put16(b, (unsigned)(DESCENT & 0xFFFF)) | put16(b, 0);
	r |= put16(b, ASCENT) | put16(b, -DESCENT);
	r |= put32(b, 1) | put32(b, 0);        /* code pages: Latin 1 */
	return r;
}

static int table_cmap(sohoa_buf *b)
{
	/* one format 4 subtable (Windows, Unicode BMP) that maps nothing: the PDF maps CIDs to the
	 * glyph itself, but a TrueType program is expected to have a cmap */
	int r = put16(b, 0) | put16(b, 1) | put16(b, 3) | put16(b, 1) | put32(b, 12);
	r |= put16(b, 4) | put16(b, 24) | put16(b, 0);  /* format, length, language */
	r |= put16(b, 2) | put16(b, 2) | put16(b, 0) | put16(b, 0); /* one segment */
	r |= put16(b, 0xFFFF) | put16(b, 0) | put16(b, 0xFFFF) | put16(b, 1) | put16(b, 0);
	return r;
}

static int table_head(sohoa_buf *b)
{
	int r = put32(b, 0x00010000) | put32(b, 0x00010000);
	r |= put32(b, 0);                      /* checkSumAdjustment, set at the end */
	r |= put32(b, 0x5F0F3CF5) | put16(b, 0x000B) | put16(b, UNITS_PER_EM);
	for (int i = 0; i < 2; i++)            /* created, modified: 2025-01-01, seconds from 1904 */
		r |= put32(b, 0) | put32(b, 3818534400u);
	r |= put16(b, 0) | put16(b, (unsigned)(DESCENT & 0xFFFF)) | put16(b, OUT_FONT_WIDTH) | put16(b, ASCENT);
	r |= put16(b, 0) | put16(b, 3) | put16(b, 2); /* macStyle, lowestRecPPEM, direction hint */
	r |= put16(b, 0) | put16(b, 0);        /* short loca offsets, glyph data format */
	return r;
}

static int table_hhea(sohoa_buf *b)
{
	int r = put32(b, 0x00010000) | put16(b, ASCENT) | put16(b, (unsigned)(DESCENT & 0xFFFF)) | put16(b, 0);
	r |= put16(b, OUT_FONT_WIDTH) | put16(b, 0) | put16(b, 0) | put16(b, OUT_FONT_WIDTH);
	r |= put16(b, 1) | put16(b, 0) | put16(b, 0) | zeros(b, 8);
	r |= put16(b, 0) | put16(b, 2);        /* metric data format, two horizontal metrics */
	return r;
}

static int table_maxp(sohoa_buf *b)
{
	int r = put32(b, 0x00010000) | put16(b, 2);
	for (int i = 0; i < 13; i++)
		r |= put16(b, i == 4 ? 2 : 0); /* maxZones 2, the rest 0 */
	return r;
}

static int name_record(sohoa_buf *dir, sohoa_buf *str, unsigned id, const char *ascii)
{
	size_t n = strlen(ascii);
	int r = put16(dir, 3) | put16(dir, 1) | put16(dir, 0x409) | put16(dir, id);
	r |= put16(dir, (unsigned)(2 * n)) | put16(dir, (unsigned)str->len);
	for (size_t i = 0; i < n; i++)
		r |= put16(str, (unsigned char)ascii[i]);
	return r;
}

static int table_name(sohoa_buf *b)
{
	static const struct { unsigned id; const char *s; } names[] = {
		{1, "SohoaGlyphless"}, {2, "Regular"}, {4, "SohoaGlyphless"}, {6, "SohoaGlyphless"},
	};
	size_t n = sizeof names / sizeof names[0];
	sohoa_buf dir = {0}, str = {0};
	int r = 0;
	for (size_t i = 0; i < n; i++)
		r |= name_record(&dir, &str, names[i].id, names[i].s);
	r |= put16(b, 0) | put16(b, (unsigned)n) | put16(b, (unsigned)(6 + 12 * n));
	r |= sohoa_buf_append(b, dir.data, dir.len) | sohoa_buf_append(b, str.data, str.len);
	sohoa_buf_free(&dir);
	sohoa_buf_free(&str);
	return r;
}

static int table_post(sohoa_buf *b)
{
	/* version 3: no glyph names; underline; fixed pitch */
	return put32(b, 0x00030000) | put32(b, 0) | put16(b, (unsigned)(-100 & 0xFFFF)) | put16(b, 50) |
	       put32(b, 1) | zeros(b, 16);
}

int out_font_program(sohoa_buf *out)
{
	sohoa_buf t[NTABLES];
	memset(t, 0, sizeof t);
	int r = table_os2(&t[T_OS2]) | table_cmap(&t[T_CMAP]) | table_head(&t[T_HEAD]) | table_hhea(&t[T_HHEA]);
	r |= table_maxp(&t[T_MAXP]) | table_name(&t[T_NAME]) | table_post(&t[T_POST]);
	for (int g = 0; g < 2; g++) /* both glyphs: advance 500, no left side bearing, no outline */
		r |= put16(&t[T_HMTX], OUT_FONT_WIDTH) | put16(&t[T_HMTX], 0);
	for (int g = 0; g <= 2; g++)
		r |= put16(&t[T_LOCA], 0);
	/* glyf stays empty: both glyphs have zero length in loca */
	size_t start = out->len, off = 12 + 16 * NTABLES;
	r |= put32(out, 0x00010000) | put16(out, NTABLES) | put16(out, 128) | put16(out, 3) | put16(out, NTABLES * 16 - 128);
	for (int i = 0; i < NTABLES; i++) {
		r |= sohoa_buf_append(out, tags[i], 4);
		r |= put32(out, checksum((const unsigned char *)t[i].data, t[i].len));
		r |= put32(out, (uint32_t)off) | put32(out, (uint32_t)t[i].len);
		off += (t[i].len + 3) & ~(size_t)3;
	}
	size_t head_at = 0;
	for (int i = 0; i < NTABLES; i++) {
		if (i == T_HEAD)
			head_at = out->len;
		r |= sohoa_buf_append(out, t[i].data ? t[i].data : "", t[i].len);
		r |= zeros(out, ((t[i].len + 3) & ~(size_t)3) - t[i].len);
		sohoa_buf_free(&t[i]);
	}
	if (r)
		return -1;
	uint32_t adj = 0xB1B0AFBAu - checksum((const unsigned char *)out->data + start, out->len - start);
	unsigned char *p = (unsigned char *)out->data + head_at + 8;
	p[0] = (unsigned char)(adj >> 24), p[1] = (unsigned char)(adj >> 16);
	p[2] = (unsigned char)(adj >> 8), p[3] = (unsigned char)adj;
	return 0;
}

int out_font_cid_to_gid(sohoa_buf *out)
{
	if (sohoa_buf_reserve(out, 2 * 65536))
		return -1;
	for (size_t cid = 0; cid < 65536; cid++) {
		out->data[out->len++] = 0;
		out->data[out->len++] = 1;
	}
	out->data[out->len] = 0;
	return 0;
}

int out_font_to_unicode(const unsigned char rows[32], sohoa_buf *out)
{
	int r = sohoa_buf_puts(out, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
				    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
				    "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
				    "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
	int used[256], n = 0;
	for (int hi = 0; hi < 256; hi++)
		if (rows[hi >> 3] & (1 << (hi & 7)) && !(hi >= 0xD8 && hi <= 0xDF)) /* no surrogates */
			used[n++] = hi;
	for (int i = 0; i < n; i += 100) { /* at most 100 entries a block */
		int k = n - i < 100 ? n - i : 100;
		r |= sohoa_buf_printf(out, "%d beginbfrange\n", k);
		for (int j = i; j < i + k; j++)
			r |= sohoa_buf_printf(out, "<%02X00> <%02XFF> <%02X00>\n", used[j], used[j], used[j]);
		r |= sohoa_buf_puts(out, "endbfrange\n");
	}
	r |= sohoa_buf_puts(out, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
	return r ? -1 : 0;
}
