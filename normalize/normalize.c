/* normalize: the stage's driver. Per line: legacy encodings to Unicode (by font name, page hint or
 * statistics), Unicode cleanup and NFC; per document: running headers/footers out and reflow into
 * paragraphs; per paragraph: diacritic restoration (restore.h) and tone style. Every output line
 * keeps the source page/line range it came from. */
#include "normalize-int.h"
#include "encoding.h"
#include "../restore/restore.h"
#include "../core/viet.h"
#include "../core/icu.h"

#include <stdlib.h>
#include <string.h>

void sohoa_text_free(sohoa_text *text)
{
	if (!text)
		return;
	for (size_t i = 0; i < text->nlines; i++)
		free(text->lines[i].text);
	free(text->lines);
	free(text->doc);
	free(text);
}

/* Everything the driver keeps while it works through one document. */
typedef struct norm_state {
	sohoa_ctx *ctx;
	const sohoa_doc *doc;
	sohoa_enc enc8;        /* encoding of the "8bit" pages, detected once */
	sohoa_enc enc_text;    /* legacy encoding found in Unicode text without font names, or UNICODE */
	unsigned logged;       /* encodings already reported, one bit each */
	size_t jobs[SOHOA_RESTORE_VIE + 1]; /* paragraphs restored by each job (for -v) */
	int typed_marked;      /* the text pages' paragraphs were typed with marks (typed_with_marks) */
	sohoa_buf conv, tmp, clean;
} norm_state;

/* How messages name a document: its path as given (what the user typed or the batch walked). */
static const char *doc_label(const sohoa_doc *doc)
{
	return doc->path ? doc->path : doc->name ? doc->name : "";
}

static void log_once(norm_state *st, sohoa_enc enc, const char *why, long score)
{
	if (st->logged & (1u << enc))
		return;
	st->logged |= 1u << enc;
	if (score >= 0)
		sohoa_log(st->ctx, SOHOA_LOG_INFO, "%s: %s text: encoding %s (score %ld)", doc_label(st->doc), why,
			  sohoa_enc_name(enc), score);
	else
		sohoa_log(st->ctx, SOHOA_LOG_INFO, "%s: %s: encoding %s", doc_label(st->doc), why, sohoa_enc_name(enc));
}

static int page_is_8bit(const sohoa_page *p)
{
	return p->encoding && !strcmp(p->encoding, "8bit");
}

/* Detect the encoding of the document's 8-bit pages from up to 64 KiB of their bytes, and look
 * for legacy encodings hiding in Unicode text read without font names (a PDF whose fonts went
 * through Latin-1). */
static sohoa_status detect(norm_state *st)
{
	const sohoa_doc *doc = st->doc;
	sohoa_buf raw = {0}, text = {0};
	int any8 = 0, fonts = 0;
	for (size_t p = 0; p < doc->npages; p++) {
		const sohoa_page *pg = &doc->pages[p];
		sohoa_enc hint = sohoa_enc_from_name(pg->encoding);
		int is8 = page_is_8bit(pg);
		sohoa_buf *b = is8 ? &raw : &text;
		any8 |= is8 && pg->nlines;
		if (hint != SOHOA_ENC_COUNT && hint != SOHOA_ENC_UNICODE && !is8) {
			fonts = 1;
			continue;
		}
		for (size_t i = 0; i < pg->nlines; i++) {
			const sohoa_line *l = &pg->lines[i];
			if (!l->text)
				continue;
			if (l->font && sohoa_enc_from_font(l->font) != SOHOA_ENC_UNICODE) {
				fonts = 1;
				continue;
			}
			if (b->len < 65536 && (sohoa_buf_puts(b, l->text) || sohoa_buf_puts(b, "\n")))
				goto nomem;
		}
	}
	if (any8) {
		long score;
		st->enc8 = sohoa_enc_detect((const unsigned char *)raw.data, raw.len, &score);
		log_once(st, st->enc8, "8-bit", score);
	}
	if (!fonts && text.len) {
		sohoa_buf bytes = {0};
		int high = 0;
		for (size_t i = 0; i < text.len; i++)
			high += (unsigned char)text.data[i] >= 0x80;
		if (high >= 4 && sohoa_enc_unmask(text.data, text.len, &bytes) == 0) {
			long score, orig_good, orig_bad;
			sohoa_enc e = sohoa_enc_detect((const unsigned char *)bytes.data, bytes.len, &score);
			long orig = sohoa_enc_score(text.data, text.len, &orig_good, &orig_bad);
			if (e != SOHOA_ENC_CP1252 && score > orig && score > 8) {
				st->enc_text = e;
				log_once(st, e, "legacy bytes in Unicode", score);
			}
		}
		sohoa_buf_free(&bytes);
	}
	sohoa_buf_free(&raw);
	sohoa_buf_free(&text);
	return SOHOA_OK;
nomem:
	sohoa_buf_free(&raw);
	sohoa_buf_free(&text);
	return sohoa_error(st->ctx, SOHOA_ERR_NOMEM, "out of memory");
}

/* The encoding for the lines of a page without a legacy font name: ingest's hint (found from
 * letter patterns), unless the syllable score of the page's own bytes says another legacy
 * encoding; UNICODE when the page has no hint. */
static sohoa_enc page_encoding(norm_state *st, const sohoa_page *pg)
{
	sohoa_enc hint = sohoa_enc_from_name(pg->encoding);
	if (hint == SOHOA_ENC_COUNT || hint == SOHOA_ENC_UNICODE || page_is_8bit(pg))
		return SOHOA_ENC_UNICODE;
	sohoa_buf bytes = {0};
	for (size_t i = 0; i < pg->nlines && bytes.len < 65536; i++) {
		const sohoa_line *l = &pg->lines[i];
		if (!l->text || (l->font && sohoa_enc_from_font(l->font) != SOHOA_ENC_UNICODE))
			continue;
		size_t mark = bytes.len;
		int r = sohoa_enc_unmask(l->text, strlen(l->text), &bytes);
		if (r < 0)
			break;
		bytes.len = r ? mark : bytes.len;
		if (sohoa_buf_append(&bytes, "\n", 1))
			break;
	}
	long score = 0;
	sohoa_enc e = bytes.len ? sohoa_enc_detect((const unsigned char *)bytes.data, bytes.len, &score) : SOHOA_ENC_CP1252;
	sohoa_buf_free(&bytes);
	if (e != SOHOA_ENC_CP1252 && e != hint) {
		sohoa_log(st->ctx, SOHOA_LOG_INFO, "%s: page %d: hint %s, but the text reads as %s (score %ld)",
			  doc_label(st->doc), pg->number, sohoa_enc_name(hint), sohoa_enc_name(e), score);
		return e;
	}
	return hint;
}

/* The line's text as Unicode in st->conv (or a pointer to the original when nothing changes). */
static sohoa_status convert_line(norm_state *st, const sohoa_page *pg, sohoa_enc hint, const sohoa_line *l,
				 const char **s, size_t *n)
{
	*s = l->text ? l->text : "";
	*n = strlen(*s);
	sohoa_enc enc = SOHOA_ENC_UNICODE;
	int unmask = 1;
	if (page_is_8bit(pg)) {
		enc = st->enc8;
		unmask = 0;
	} else if (l->font && (enc = sohoa_enc_from_font(l->font)) != SOHOA_ENC_UNICODE) {
		log_once(st, enc, l->font, -1);
	} else {
		enc = hint != SOHOA_ENC_UNICODE ? hint : st->enc_text;
		if (enc != SOHOA_ENC_UNICODE)
			log_once(st, enc, pg->encoding ? pg->encoding : "statistics", -1);
	}
	if (enc == SOHOA_ENC_UNICODE || *n == 0)
		return SOHOA_OK;
	const char *bytes = *s;
	size_t nb = *n;
	st->tmp.len = 0;
	if (unmask) {
		int r = sohoa_enc_unmask(*s, *n, &st->tmp);
		if (r < 0)
			goto nomem;
		if (r > 0)
			return SOHOA_OK; /* real Unicode on this line: leave it */
		bytes = st->tmp.data ? st->tmp.data : "";
		nb = st->tmp.len;
	}
	st->conv.len = 0;
	if (enc == SOHOA_ENC_CP1258) {
		sohoa_status r = sohoa_icu_convert(st->ctx, "windows-1258", bytes, nb, &st->conv);
		if (r != SOHOA_OK)
			return r;
	} else if (sohoa_enc_decode(enc, (const unsigned char *)bytes, nb, &st->conv)) {
		goto nomem;
	}
	*s = st->conv.data ? st->conv.data : "";
	*n = st->conv.len;
	return SOHOA_OK;
nomem:
	return sohoa_error(st->ctx, SOHOA_ERR_NOMEM, "out of memory");
}

static const char *mode_name(sohoa_restore_mode m)
{
	switch (m) {
	case SOHOA_RESTORE_STRIP: return "strip";
	case SOHOA_RESTORE_OCR: return "ocr";
	case SOHOA_RESTORE_VIE: return "vie";
	default: return "off";
	}
}

/* Tone style of one paragraph (restored already, when r is not NULL), into a new tline text. */
static sohoa_status finish_para(norm_state *st, const char *s, size_t n, const sohoa_buf *r, sohoa_tline *tl)
{
	sohoa_ctx *ctx = st->ctx;
	sohoa_buf t = {0};
	if (r) {
		tl->restored = r->len != n || memcmp(r->data ? r->data : "", s, n);
		s = r->data ? r->data : "";
		n = r->len;
	}
	if (ctx->opt.tone != SOHOA_TONE_KEEP) {
		if (sohoa_viet_restyle(s, n, ctx->opt.tone, &t)) {
			sohoa_buf_free(&t);
			return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
		}
		s = t.data ? t.data : "";
		n = t.len;
	}
	tl->text = sohoa_strndup(s, n);
	sohoa_buf_free(&t);
	return tl->text ? SOHOA_OK : sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
}

/* Paragraphs shorter than this many words give no evidence of their own that the text was typed
 * without marks ("1. Ban", "Công an" cut by a line break: words that have none). */
#define SHORT_PARA_WORDS 6

/* 1 when the paragraphs of the document's text pages (not OCR) hold at least 100 words and mark
 * as many as Vietnamese typed with its marks does (45%, as sohoa_restore_detect). */
static int typed_with_marks(const norm_state *st, const sohoa_buf *pbuf, const norm_para *paras, size_t nparas,
			    const norm_line *lines)
{
	size_t words = 0, marked = 0;
	for (size_t i = 0; i < nparas; i++) {
		if (st->doc->pages[lines[paras[i].first].page_index].source == SOHOA_SRC_OCR)
			continue;
		size_t w, m;
		sohoa_restore_count_marks(pbuf->data + paras[i].off, paras[i].len, &w, &m);
		words += w, marked += m;
	}
	return words >= 100 && marked * 100 >= words * 45;
}

/* Paragraphs restored together (sohoa_restore_many decodes several in turn, which is faster). */
#define RESTORE_BATCH 32

/* Restore paragraphs [i0, i0 + cnt) of pbuf: r[k] gets the result of paragraph i0 + k and
 * done[k] = 1, or done[k] = 0 where the paragraph is left as it is (its job is off, or restoration
 * failed under --restore auto, which warns once and stops restoring the document). Under auto, a
 * paragraph of marked text that Vietnamese OCR read (its first line on an OCR page) gets the vie job,
 * and in a document typed with marks (st->typed_marked) a short paragraph without marks is left as
 * it is. */
static sohoa_status restore_paras(norm_state *st, const sohoa_buf *pbuf, const norm_para *paras,
				  const norm_line *lines, size_t i0, size_t cnt, sohoa_buf *r, int *done, int *modes,
				  int *restore_failed)
{
	sohoa_ctx *ctx = st->ctx;
	sohoa_restore_mode want = ctx->opt.restore, mode[RESTORE_BATCH];
	const char *text[RESTORE_BATCH];
	size_t len[RESTORE_BATCH], which[RESTORE_BATCH], nb = 0;
	sohoa_buf out[RESTORE_BATCH];
	for (size_t k = 0; k < cnt; k++) {
		done[k] = 0;
		if (want == SOHOA_RESTORE_OFF || *restore_failed)
			continue;
		const char *s = pbuf->data + paras[i0 + k].off;
		size_t n = paras[i0 + k].len;
		sohoa_restore_mode m = want == SOHOA_RESTORE_AUTO ? sohoa_restore_detect(s, n) : want;
		size_t words = 0, marked = 0;
		if (want == SOHOA_RESTORE_AUTO && m == SOHOA_RESTORE_STRIP && st->typed_marked)
			sohoa_restore_count_marks(s, n, &words, &marked);
		if (want == SOHOA_RESTORE_AUTO && m == SOHOA_RESTORE_STRIP && st->typed_marked && words < SHORT_PARA_WORDS)
			m = SOHOA_RESTORE_OFF;
		if (want == SOHOA_RESTORE_AUTO && m == SOHOA_RESTORE_OFF &&
		    st->doc->pages[lines[paras[i0 + k].first].page_index].source == SOHOA_SRC_OCR)
			m = SOHOA_RESTORE_VIE;
		if (m == SOHOA_RESTORE_OFF || m == SOHOA_RESTORE_AUTO)
			continue;
		mode[nb] = m;
		text[nb] = s;
		len[nb] = n;
		which[nb] = k;
		out[nb] = (sohoa_buf){0};
		nb++;
	}
	if (!nb)
		return SOHOA_OK;
	sohoa_status rs = sohoa_restore_many(ctx, mode, text, len, nb, out);
	if (rs != SOHOA_OK) {
		for (size_t b = 0; b < nb; b++)
			sohoa_buf_free(&out[b]);
		if (want != SOHOA_RESTORE_AUTO || rs == SOHOA_ERR_INTERRUPTED)
			return rs;
		sohoa_log(ctx, SOHOA_LOG_WARN, "%s: no diacritic restoration: %s", doc_label(st->doc), sohoa_errmsg(ctx));
		sohoa_clear_error(ctx);
		*restore_failed = 1;
		return SOHOA_OK;
	}
	for (size_t b = 0; b < nb; b++) {
		r[which[b]] = out[b];
		done[which[b]] = 1;
		*modes |= 1 << mode[b];
		st->jobs[mode[b]]++;
	}
	return SOHOA_OK;
}

/* Convert and clean every line of the document into st->clean, trimmed: *lines (a new array, *n
 * entries, the caller frees) gives each one's span there, source and box. pbuf, which reflow
 * fills next, gets room for as much text. */
static sohoa_status clean_lines(norm_state *st, sohoa_buf *pbuf, norm_line **lines, size_t *n)
{
	const sohoa_doc *doc = st->doc;
	*lines = NULL;
	*n = 0;
	size_t total = 0, bytes = 0;
	for (size_t p = 0; p < doc->npages; p++) {
		total += doc->pages[p].nlines;
		for (size_t i = 0; i < doc->pages[p].nlines; i++)
			bytes += doc->pages[p].lines[i].text ? strlen(doc->pages[p].lines[i].text) : 0;
	}
	norm_line *ls = calloc(total ? total : 1, sizeof *ls);
	if (!ls || sohoa_buf_reserve(&st->clean, bytes + bytes / 8) || sohoa_buf_reserve(pbuf, bytes + bytes / 8)) {
		free(ls);
		return sohoa_error(st->ctx, SOHOA_ERR_NOMEM, "out of memory normalizing '%s'", doc_label(doc));
	}
	sohoa_status rc = SOHOA_OK;
	size_t nl = 0;
	for (size_t p = 0; p < doc->npages && rc == SOHOA_OK; p++) {
		const sohoa_page *pg = &doc->pages[p];
		sohoa_enc hint = page_encoding(st, pg);
		for (size_t i = 0; i < pg->nlines && rc == SOHOA_OK; i++) {
			const sohoa_line *l = &pg->lines[i];
			if (l->source == SOHOA_SRC_STAMP)
				continue; /* a stamp or note on the page, not the document's text */
			const char *s;
			size_t len;
			size_t off = st->clean.len;
			if ((rc = convert_line(st, pg, hint, l, &s, &len)) != SOHOA_OK ||
			    (rc = norm_unicode_line(st->ctx, s, len, &st->clean, &st->tmp)) != SOHOA_OK)
				break;
			size_t end = st->clean.len;
			while (off < end && (st->clean.data[off] == ' ' || st->clean.data[off] == '\t'))
				off++;
			while (end > off && (st->clean.data[end - 1] == ' ' || st->clean.data[end - 1] == '\t'))
				end--;
			ls[nl++] = (norm_line){
				.off = off, .len = end - off,
				.page = l->page ? l->page : pg->number, .line = l->line ? l->line : (int)i + 1,
				.page_index = (int)p,
				.x0 = l->x0, .y0 = l->y0, .x1 = l->x1, .y1 = l->y1,
				.blank = end == off,
			};
		}
	}
	if (rc != SOHOA_OK) {
		free(ls);
		return rc;
	}
	*lines = ls;
	*n = nl;
	return SOHOA_OK;
}

/* The text's lines from the paragraphs of pbuf, in batches of RESTORE_BATCH: restored
 * (restore_paras), in the tone style asked for (finish_para), each with its source range. *modes
 * gets a bit for each restoration job used. */
static sohoa_status emit_paras(norm_state *st, const sohoa_buf *pbuf, const norm_para *paras, size_t nparas,
			       const norm_line *lines, sohoa_text *t, int *modes)
{
	if (!(t->lines = calloc(nparas ? nparas : 1, sizeof *t->lines)))
		return sohoa_error(st->ctx, SOHOA_ERR_NOMEM, "out of memory normalizing '%s'",
				   doc_label(st->doc));
	int restore_failed = 0, done[RESTORE_BATCH] = {0};
	sohoa_buf rbuf[RESTORE_BATCH];
	st->typed_marked = st->ctx->opt.restore == SOHOA_RESTORE_AUTO && typed_with_marks(st, pbuf, paras, nparas, lines);
	sohoa_status rc = SOHOA_OK;
	for (size_t i = 0; i < nparas; i++) {
		size_t k = i % RESTORE_BATCH;
		if (k == 0) {
			size_t cnt = nparas - i < RESTORE_BATCH ? nparas - i : RESTORE_BATCH;
			if ((rc = restore_paras(st, pbuf, paras, lines, i, cnt, rbuf, done, modes, &restore_failed)) != SOHOA_OK)
				return rc;
		}
		sohoa_tline *tl = &t->lines[t->nlines];
		rc = finish_para(st, pbuf->data + paras[i].off, paras[i].len, done[k] ? &rbuf[k] : NULL, tl);
		if (done[k])
			sohoa_buf_free(&rbuf[k]);
		done[k] = 0;
		if (rc != SOHOA_OK) {
			for (size_t j = k + 1; j < RESTORE_BATCH; j++)
				if (done[j])
					sohoa_buf_free(&rbuf[j]);
			return rc;
		}
		t->nlines++;
		tl->page = lines[paras[i].first].page;
		tl->line = lines[paras[i].first].line;
		tl->page_end = lines[paras[i].last].page;
		tl->line_end = lines[paras[i].last].line;
	}
	return SOHOA_OK;
}

/* What restoration did to the document, in t->restore_mode and (when it was asked for) the log. */
static void report_restoration(norm_state *st, sohoa_text *t, size_t nparas, int modes)
{
	sohoa_ctx *ctx = st->ctx;
	if (ctx->opt.restore == SOHOA_RESTORE_OFF || !modes)
		t->restore_mode = "off";
	else if (modes & (modes - 1))
		t->restore_mode = "mixed";
	else
		t->restore_mode = mode_name((sohoa_restore_mode)__builtin_ctz((unsigned)modes));
	if (ctx->opt.restore != SOHOA_RESTORE_OFF)
		sohoa_log(ctx, SOHOA_LOG_INFO,
			  "%s: restoration (--restore %s): %zu paragraphs, strip %zu, ocr %zu, vie %zu, left as they are %zu",
			  doc_label(st->doc), ctx->opt.restore == SOHOA_RESTORE_AUTO ? "auto" : mode_name(ctx->opt.restore),
			  nparas, st->jobs[SOHOA_RESTORE_STRIP], st->jobs[SOHOA_RESTORE_OCR], st->jobs[SOHOA_RESTORE_VIE],
			  nparas - st->jobs[SOHOA_RESTORE_STRIP] - st->jobs[SOHOA_RESTORE_OCR] - st->jobs[SOHOA_RESTORE_VIE]);
}

sohoa_status sohoa_normalize_doc(sohoa_ctx *ctx, const sohoa_doc *doc, sohoa_text **out)
{
	*out = NULL;
	norm_state st = {.ctx = ctx, .doc = doc, .enc8 = SOHOA_ENC_CP1252, .enc_text = SOHOA_ENC_UNICODE};
	sohoa_text *t = calloc(1, sizeof *t);
	norm_line *lines = NULL;
	norm_para *paras = NULL;
	size_t nl = 0, nparas = 0;
	sohoa_buf pbuf = {0};
	sohoa_status rc;
	int modes = 0;
	if (!t || !(t->doc = sohoa_strdup(doc->name ? doc->name : "")))
		rc = sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory normalizing '%s'", doc_label(doc));
	else if ((rc = detect(&st)) == SOHOA_OK && (rc = clean_lines(&st, &pbuf, &lines, &nl)) == SOHOA_OK) {
		const char *buf = st.clean.data ? st.clean.data : "";
		norm_layout_drop_furniture(buf, lines, nl, (int)doc->npages);
		if ((rc = norm_layout_reflow(ctx, buf, lines, nl, &pbuf, &paras, &nparas)) == SOHOA_OK &&
		    (rc = emit_paras(&st, &pbuf, paras, nparas, lines, t, &modes)) == SOHOA_OK)
			report_restoration(&st, t, nparas, modes);
	}
	free(lines);
	free(paras);
	sohoa_buf_free(&pbuf);
	sohoa_buf_free(&st.conv);
	sohoa_buf_free(&st.tmp);
	sohoa_buf_free(&st.clean);
	if (rc != SOHOA_OK) {
		sohoa_text_free(t);
		return rc;
	}
	*out = t;
	return SOHOA_OK;
}

sohoa_status sohoa_text_write(sohoa_ctx *ctx, const sohoa_text *text, sohoa_buf *out)
{
	for (size_t i = 0; i < text->nlines; i++) {
		if (i > 0 && text->lines[i].page != text->lines[i - 1].page_end && sohoa_buf_puts(out, "\f"))
			goto nomem;
		if (sohoa_buf_puts(out, text->lines[i].text) || sohoa_buf_puts(out, "\n"))
			goto nomem;
	}
	return SOHOA_OK;
nomem:
	return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory writing '%s'", text->doc);
}
