/* Text files: UTF-8 (with or without BOM) and UTF-16 with BOM become pages split at form feeds,
 * one line per text line. Other bytes are kept as they are, with page->encoding "8bit", for the
 * normalize stage to convert. */
#include "ingest-int.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

int ingest_text_named(const char *path)
{
	const char *dot = strrchr(path, '.');
	return dot && !strchr(dot, '/') && (!strcasecmp(dot, ".txt") || !strcasecmp(dot, ".text"));
}

/* Text: a UTF-16 byte order mark; else no NUL byte in head, or for a text name (ingest_text_named)
 * fewer than one byte in 32 a control character other than TAB, LF, VT, FF, CR and ESC (a stray
 * NUL in a .txt is read, as text_parse says; compressed or random bytes have one in ten). */
static int text_recognize(const char *path, const unsigned char *head, size_t n)
{
	if (n >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF)))
		return 1;
	size_t nul = 0, control = 0;
	for (size_t i = 0; i < n; i++) {
		nul += head[i] == 0;
		control += (head[i] < 0x20 && !strchr("\t\n\v\f\r\x1b", head[i])) || head[i] == 0x7F;
	}
	if (ingest_text_named(path))
		return control * 32 < n;
	return nul == 0;
}

/* UTF-16 (BOM given by big) to UTF-8; returns 0 on success, -1 on a malformed surrogate. */
static int utf16_to_utf8(const unsigned char *s, size_t n, int big, sohoa_buf *out)
{
	for (size_t i = 0; i + 1 < n; i += 2) {
		uint32_t u = big ? (uint32_t)(s[i] << 8 | s[i + 1]) : (uint32_t)(s[i + 1] << 8 | s[i]);
		if (u >= 0xD800 && u <= 0xDBFF) {
			if (i + 3 >= n)
				return -1;
			uint32_t lo = big ? (uint32_t)(s[i + 2] << 8 | s[i + 3]) : (uint32_t)(s[i + 3] << 8 | s[i + 2]);
			if (lo < 0xDC00 || lo > 0xDFFF)
				return -1;
			u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
			i += 2;
		} else if (u >= 0xDC00 && u <= 0xDFFF) {
			return -1;
		}
		char e[4];
		if (sohoa_buf_append(out, e, sohoa_utf8_encode(u, e)))
			return -1;
	}
	return (n % 2) ? -1 : 0;
}

/* Split data into the pages and lines of doc (an ingest_parse_fn: data is freed here). */
static sohoa_status text_parse(sohoa_ctx *ctx, const char *path, char *data, size_t len, sohoa_doc *doc)
{
	const unsigned char *u = (const unsigned char *)data;
	char *text = data;
	size_t tlen = len;
	const char *encoding = "utf-8";
	sohoa_buf conv = {0};
	if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
		if (utf16_to_utf8(u + 2, len - 2, u[0] == 0xFE, &conv)) {
			free(data);
			sohoa_buf_free(&conv);
			return sohoa_error(ctx, SOHOA_ERR_FORMAT, "'%s': invalid UTF-16 text", path);
		}
		text = conv.data ? conv.data : (char *)"";
		tlen = conv.len;
	} else if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
		text += 3;
		tlen -= 3;
	}
	/* a NUL would end the line's string: read it as a space, keep the rest, say so once */
	size_t nuls = 0;
	for (char *z = memchr(text, 0, tlen); z; z = memchr(z + 1, 0, tlen - (size_t)(z + 1 - text))) {
		*z = ' ';
		nuls++;
	}
	if (nuls)
		sohoa_log(ctx, SOHOA_LOG_WARN, "%s: %zu NUL byte%s read as space%s", path, nuls,
			  nuls == 1 ? "" : "s", nuls == 1 ? "" : "s");
	if (!conv.data && !sohoa_utf8_valid(text, tlen))
		encoding = "8bit";
	sohoa_page *page = NULL;
	size_t i = 0;
	int number = 0;
	while (i <= tlen) {
		if (!page) {
			if (!(page = ingest_page_add(doc, ++number)))
				goto nomem;
			page->source = SOHOA_SRC_TEXT;
			page->decision = sohoa_strdup("text file");
			page->encoding = sohoa_strdup(encoding);
		}
		size_t j = i;
		while (j < tlen && text[j] != '\n' && text[j] != '\f')
			j++;
		size_t end = j;
		if (end > i && text[end - 1] == '\r')
			end--;
		int last = j >= tlen;
		if (!(last && end == i)) { /* no empty line for the final newline */
			sohoa_line *l = ingest_line_add(page);
			if (!l || !(l->text = sohoa_strndup(text + i, end - i)))
				goto nomem;
		}
		if (j < tlen && text[j] == '\f')
			page = NULL;
		i = j + 1;
	}
	doc->page_count = number;
	free(data);
	sohoa_buf_free(&conv);
	if (strcmp(encoding, "utf-8"))
		sohoa_log(ctx, SOHOA_LOG_INFO, "%s: not UTF-8; passed on as 8-bit text for normalize", path);
	return SOHOA_OK;
nomem:
	free(data);
	sohoa_buf_free(&conv);
	return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory reading '%s'", path);
}

static sohoa_status text_open(sohoa_ctx *ctx, const char *path, sohoa_doc *doc)
{
	char *data;
	size_t len;
	sohoa_status st = sohoa_file_read(ctx, path, &data, &len);
	if (st != SOHOA_OK)
		return st;
	return text_parse(ctx, path, data, len, doc);
}

sohoa_status sohoa_doc_from_text(sohoa_ctx *ctx, const char *name, const char *data, size_t len,
				 sohoa_doc **out)
{
	return ingest_doc_parse(ctx, name, "text", data, len, text_parse, out);
}

const ingest_handler ingest_text_handler = {"text", text_recognize, text_open};
