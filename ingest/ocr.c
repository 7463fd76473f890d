/* The Tesseract adapter: page rasters in, positioned OCR lines out. The only file that includes
 * tesseract/capi.h. The page image Tesseract reads is prepared by ocr-prep.c (Leptonica). */
#include "ocr-int.h"
#include "stamp.h"
#include "layout.h"
#include "../core/array.h"

#include <stdbool.h> /* capi.h uses bool */

#include <tesseract/capi.h>

#include <dlfcn.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

const ocr_tuning ocr_tuning_default = {
	.stroke_chroma = 48,
	.stroke_div = 6,
	.stroke_fill = 0.2f,
	.type_min_div = 30,
	.type_word_len = 3,
	.type_gap_div = 10,
	.type_row_ratio = 4.0f,
	.faint_ink = 84,
	.faint_share = 0.001f,
	.faint_map_share = 0.005f,
	.sauvola_half_window = 12,
	.sauvola_k = 0.40f,
	.sauvola_tile = 1000,
	.rule_div = 10,
	.speck_div = 40,
	.speck_reach_div = 25,
	.pen_div = 3,
	.skew_speck_div = 30,
	.skew_min_conf = 3.0f,
	.skew_min_deg = 0.1f,
	.noise_conf = 60.0f,
	.noise_rel = 0.15f,
	.mark_em = 0.4f,
	.piece_gap = 2.0f,
	.piece_conf = 60.0f,
	.piece_max = 24,
	.text_min_comps = 100,
	.text_small_px = 20,
	.text_px = 36,
	.text_max_scale = 4.0f,
	.text_max_pixels = 40000000L,
	.osd_sure_conf = 5.0f,
	.low_conf = 50.0f,
};

struct ingest_ocr {
	TessBaseAPI *api;
	TessBaseAPI *osd;   /* orientation detection, made on first need; NULL if unavailable */
	int osd_failed;     /* osd.traineddata could not be loaded: do not retry */
	char *datapath;     /* for the OSD engine, or NULL */
	const ocr_tuning *tune;
};

/* ---- process-wide state ---- */

/* Tesseract's OpenMP. Inside a page's recognition Tesseract starts teams of 4 threads (with
 * num_threads clauses); while our page workers each read a page, those teams only fight over the
 * cores. So while one of our threads runs Tesseract, that thread's max-active-levels ICV is 0,
 * which makes every parallel region it starts a team of one whatever num_threads asks, and the
 * old value is put back after. The ICV belongs to the calling thread (OpenMP 5.0; libgomp since
 * GCC 11), so nothing else in the process changes: no environment variable, no global setting,
 * no interposed symbol. The runtime is looked up at run time (libgomp, the one Tesseract links),
 * so nothing is needed where Tesseract has no OpenMP. A user who set OMP_THREAD_LIMIT gets
 * Tesseract's teams as the runtime limits them. */
typedef int (*omp_get_levels_fn)(void);
typedef void (*omp_set_levels_fn)(int);
static omp_get_levels_fn omp_get_levels; /* NULL: leave Tesseract's OpenMP alone */
static omp_set_levels_fn omp_set_levels;

static void omp_lookup(void)
{
	if (getenv("OMP_THREAD_LIMIT"))
		return;
	void *gomp = dlopen("libgomp.so.1", RTLD_LAZY | RTLD_NOLOAD);
	void *h = gomp ? gomp : RTLD_DEFAULT;
	omp_get_levels_fn get = (omp_get_levels_fn)dlsym(h, "omp_get_max_active_levels");
	omp_set_levels_fn set = (omp_set_levels_fn)dlsym(h, "omp_set_max_active_levels");
	if (get && set)
		omp_get_levels = get, omp_set_levels = set;
	if (gomp)
		dlclose(gomp); /* Tesseract still holds it */
}

/* Begin a stretch of Tesseract calls on this thread with OpenMP teams of one; returns what
 * omp_serial_end puts back. */
static int omp_serial_begin(void)
{
	if (!omp_set_levels)
		return -1;
	int saved = omp_get_levels();
	omp_set_levels(0);
	return saved;
}

static void omp_serial_end(int saved)
{
	if (saved >= 0)
		omp_set_levels(saved);
}

static pthread_once_t global_once = PTHREAD_ONCE_INIT;

static void global_init(void)
{
	ocr_prep_global_init();
	omp_lookup();
}

void sohoa_ingest_global_init(void)
{
	pthread_once(&global_once, global_init);
}

/* ---- engines ---- */

static pthread_mutex_t ocr_init_lock = PTHREAD_MUTEX_INITIALIZER;

static int file_exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* The folder Tesseract will search, when we can tell without asking it; NULL when it uses its
 * compiled-in default. */
static const char *tessdata_dir(const sohoa_ctx *ctx)
{
	if (ctx->opt.tessdata && *ctx->opt.tessdata)
		return ctx->opt.tessdata;
	const char *env = getenv("TESSDATA_PREFIX");
	return env && *env ? env : NULL;
}

/* Name the Debian package that installs a Tesseract language: chi_sim -> tesseract-ocr-chi-sim. */
static void lang_package(const char *lang, size_t n, char *out, size_t cap)
{
	size_t k = (size_t)snprintf(out, cap, "tesseract-ocr-");
	for (size_t i = 0; i < n && k + 1 < cap; i++)
		out[k++] = lang[i] == '_' ? '-' : (char)(lang[i] >= 'A' && lang[i] <= 'Z' ? lang[i] + 32 : lang[i]);
	out[k < cap ? k : cap - 1] = '\0';
}

static sohoa_status missing_lang(sohoa_ctx *ctx, const char *lang, size_t n, const char *dir)
{
	char pkg[96];
	lang_package(lang, n, pkg, sizeof pkg);
	if (dir)
		return sohoa_error(ctx, SOHOA_ERR_MISSING,
				   "Tesseract language data '%.*s' not found in %s (install the Debian package %s)",
				   (int)n, lang, dir, pkg);
	return sohoa_error(ctx, SOHOA_ERR_MISSING,
			   "Tesseract language data '%.*s' not found (install the Debian package %s)", (int)n,
			   lang, pkg);
}

/* Check each language of "vie+eng" in dir before Tesseract tries (and prints its own error). */
static sohoa_status check_langs(sohoa_ctx *ctx, const char *langs, const char *dir)
{
	for (const char *p = langs; *p;) {
		size_t n = strcspn(p, "+");
		if (n == 0 || n > 64)
			return sohoa_error(ctx, SOHOA_ERR_USAGE, "bad --lang '%s'", langs);
		char path[4200];
		snprintf(path, sizeof path, "%s/%.*s.traineddata", dir, (int)n, p);
		if (!file_exists(path))
			return missing_lang(ctx, p, n, dir);
		p += n;
		if (*p == '+')
			p++;
	}
	return SOHOA_OK;
}

/* The error for languages Tesseract refused to load. */
static sohoa_status refused_lang(sohoa_ctx *ctx, const char *lang, const char *dir)
{
	if (dir) { /* the files are there (checked before) but Tesseract refused them */
		char pkg[96] = "tesseract-ocr-<lang>";
		if (!strchr(lang, '+'))
			lang_package(lang, strlen(lang), pkg, sizeof pkg);
		return sohoa_error(ctx, SOHOA_ERR_MISSING,
				   "Tesseract cannot load language data '%s' from %s (corrupt or wrong version? "
				   "reinstall %s)", lang, dir, pkg);
	}
	if (!strchr(lang, '+'))
		return missing_lang(ctx, lang, strlen(lang), dir);
	return sohoa_error(ctx, SOHOA_ERR_MISSING,
			   "cannot load Tesseract language data '%s' (install tesseract-ocr-<lang> for each)", lang);
}

/* TessBaseAPIInit4, one engine at a time, with Tesseract's chatter ("Detected N diacritics", ...)
 * sent to /dev/null instead of stderr. 0 on success. */
static int tess_init(TessBaseAPI *api, const char *dir, const char *lang, TessOcrEngineMode oem)
{
	char *names[] = {(char *)"debug_file"};
	char *values[] = {(char *)"/dev/null"};
	int saved = omp_serial_begin();
	pthread_mutex_lock(&ocr_init_lock);
	int rc = TessBaseAPIInit4(api, dir, lang, oem, NULL, 0, names, values, 1, 0);
	pthread_mutex_unlock(&ocr_init_lock);
	omp_serial_end(saved);
	return rc;
}

sohoa_status ingest_ocr_new(sohoa_ctx *ctx, ingest_ocr **out)
{
	*out = NULL;
	sohoa_ingest_global_init(); /* Leptonica quiet and OpenMP found, if the program did not */
	const char *lang = ctx->opt.lang && *ctx->opt.lang ? ctx->opt.lang : "vie";
	const char *dir = tessdata_dir(ctx);
	if (dir) {
		sohoa_status st = check_langs(ctx, lang, dir);
		if (st != SOHOA_OK)
			return st;
	}
	ingest_ocr *ocr = calloc(1, sizeof *ocr);
	if (!ocr || !(ocr->api = TessBaseAPICreate())) {
		free(ocr);
		return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory creating the OCR engine");
	}
	if (tess_init(ocr->api, dir, lang, OEM_DEFAULT) != 0) {
		ingest_ocr_free(ocr);
		return refused_lang(ctx, lang, dir);
	}
	TessBaseAPISetPageSegMode(ocr->api, PSM_AUTO);
	ocr->datapath = dir ? sohoa_strdup(dir) : NULL;
	ocr->tune = &ocr_tuning_default;
	*out = ocr;
	return SOHOA_OK;
}

void ingest_ocr_free(ingest_ocr *ocr)
{
	if (!ocr)
		return;
	if (ocr->api) {
		TessBaseAPIEnd(ocr->api);
		TessBaseAPIDelete(ocr->api);
	}
	if (ocr->osd) {
		TessBaseAPIEnd(ocr->osd);
		TessBaseAPIDelete(ocr->osd);
	}
	free(ocr->datapath);
	free(ocr);
}

/* Tesseract's orientation detection (osd.traineddata) on a binarized page: clockwise quarter
 * turns that make the text upright, or -1 when it cannot tell (an ocr_osd_fn; arg is the
 * engine). */
static int osd_quads(void *arg, struct Pix *pixb, int dpi, float *confp)
{
	ingest_ocr *ocr = arg;
	if (!ocr->osd && !ocr->osd_failed) {
		const char *dir = ocr->datapath;
		char path[4200];
		snprintf(path, sizeof path, "%s/osd.traineddata", dir ? dir : "");
		TessBaseAPI *api = (!dir || file_exists(path)) ? TessBaseAPICreate() : NULL;
		if (!api || tess_init(api, dir, "osd", OEM_TESSERACT_ONLY) != 0) {
			if (api)
				TessBaseAPIDelete(api);
			ocr->osd_failed = 1;
			return -1;
		}
		TessBaseAPISetPageSegMode(api, PSM_OSD_ONLY);
		ocr->osd = api;
	}
	if (!ocr->osd)
		return -1;
	TessBaseAPISetImage2(ocr->osd, pixb);
	TessBaseAPISetSourceResolution(ocr->osd, dpi);
	int deg = 0;
	float conf = 0, sconf = 0;
	const char *script = NULL;
	int ok = TessBaseAPIDetectOrientationScript(ocr->osd, &deg, &conf, &script, &sconf);
	TessBaseAPIClear(ocr->osd);
	*confp = conf;
	if (!ok || conf < 2.0f) /* too few letters to tell: leave the page as it is */
		return -1;
	/* deg is how far the page is turned; turning it (360 - deg) clockwise undoes that */
	return ((360 - deg) % 360) / 90;
}

/* ---- words ---- */

/* 1 if word x is under lim pixels both ways. */
static int tiny(const ocr_word *x, float lim)
{
	return x->r - x->l < lim && x->b - x->t < lim;
}

/* Accents and dots that Tesseract cut from the tops of a line into a line of their own, read as
 * letters ("Ầ", "và" in 8 pixels of a 30-pixel text size): words with a letter or digit under
 * mark_em of the page's text size em both ways, with no word of normal size within an em on
 * their line (a letter half hidden by a seal stays with its words), are dropped. Returns the
 * words kept. */
static size_t drop_marks(const ocr_tuning *t, ocr_word *w, size_t n, float em)
{
	size_t k = 0;
	float lim = t->mark_em * em;
	for (size_t i = 0; i < n; i++) {
		int wordish = 0, near = 0;
		for (size_t j = 0, len = strlen(w[i].text); j < len && !wordish;) {
			uint32_t c;
			j += sohoa_utf8_decode(w[i].text + j, len - j, &c);
			wordish = ocr_is_wordish(c);
		}
		for (size_t j = i ? i - 1 : i + 1; j <= i + 1 && j < n; j += 2) /* the words beside it */
			near |= w[j].line == w[i].line && !tiny(&w[j], lim) &&
				(j < i ? w[i].l - w[j].r : w[j].l - w[i].r) < em;
		if (wordish && !near && tiny(&w[i], lim))
			TessDeleteText(w[i].text);
		else
			w[k++] = w[i];
	}
	return k;
}

static void words_free(ocr_word *w, size_t n)
{
	for (size_t i = 0; i < n; i++)
		TessDeleteText(w[i].text);
	free(w);
}

/* Append k words to out (n of cap used); the texts move. -1 when out of memory. */
static int words_append(ocr_word **out, size_t *n, size_t *cap, const ocr_word *w, size_t k)
{
	if (SOHOA_GROW(*out, *n + k, *cap))
		return -1;
	if (k)
		memcpy(*out + *n, w, k * sizeof *w);
	*n += k;
	return 0;
}

/* A text line's baseline from (x1, y1) to (x2, y2), pixels; ok 0 when Tesseract has none. */
typedef struct line_base {
	int ok, x1, y1, x2, y2;
} line_base;

/* The word at the iterator, on line number line of height lh; 0 when it is noise (its text is
 * then freed). */
static int read_word(const ocr_tuning *t, TessResultIterator *it, const TessPageIterator *pit, int line, int lh,
		     const line_base *base, ocr_word *x)
{
	char *text = TessResultIteratorGetUTF8Text(it, RIL_WORD);
	if (!text)
		return 0;
	float conf = TessResultIteratorConfidence(it, RIL_WORD);
	ocr_trim_junk(text);
	*x = (ocr_word){text, 0, 0, 0, 0, conf, line, lh, -1};
	if (!TessPageIteratorBoundingBox(pit, RIL_WORD, &x->l, &x->t, &x->r, &x->b) || x->r <= x->l ||
	    x->b <= x->t ||
	    ocr_is_noise(t, text, conf, (float)(x->r - x->l) / fmaxf(lh, 1), (float)(x->b - x->t) / fmaxf(lh, 1))) {
		TessDeleteText(text);
		return 0;
	}
	if (base->ok) {
		float cx = (x->l + x->r) / 2.0f;
		x->base = base->x2 != base->x1 ?
			  base->y1 + (float)(base->y2 - base->y1) * (cx - base->x1) / (float)(base->x2 - base->x1) :
			  (float)base->y1;
	}
	return 1;
}

/* The words of the page from the result iterator, noise dropped. -1 when out of memory. */
static int collect_words(TessBaseAPI *api, const ocr_tuning *t, ocr_word **out, size_t *count)
{
	*out = NULL;
	*count = 0;
	TessResultIterator *it = TessBaseAPIGetIterator(api);
	if (!it)
		return 0; /* nothing recognized */
	const TessPageIterator *pit = TessResultIteratorGetPageIteratorConst(it);
	ocr_word *w = NULL;
	size_t n = 0, cap = 0;
	int line = -1, lh = 0, failed = 0;
	line_base base = {0};
	do {
		if (line < 0 || TessPageIteratorIsAtBeginningOf(pit, RIL_TEXTLINE)) {
			int l, top, r, b;
			line++;
			lh = TessPageIteratorBoundingBox(pit, RIL_TEXTLINE, &l, &top, &r, &b) ? b - top : 0;
			base.ok = TessPageIteratorBaseline(pit, RIL_TEXTLINE, &base.x1, &base.y1, &base.x2, &base.y2);
		}
		ocr_word x;
		if (read_word(t, it, pit, line, lh, &base, &x) && words_append(&w, &n, &cap, &x, 1) != 0) {
			TessDeleteText(x.text);
			failed = 1;
		}
	} while (!failed && TessResultIteratorNext(it, RIL_WORD));
	TessResultIteratorDelete(it);
	if (failed) {
		words_free(w, n);
		return -1;
	}
	*out = w;
	*count = n;
	return 0;
}

static float mean_conf(const ocr_word *w, size_t n)
{
	double s = 0;
	for (size_t i = 0; i < n; i++)
		s += w[i].conf;
	return n ? (float)(s / (double)n) : 0;
}

/* Read the piece w[0..n) of a line of height lh again alone, as one line, in the image set in
 * api (iw x ih pixels): its new words in *nw, *nn. -1 when out of memory. */
static int reread_piece(TessBaseAPI *api, const ocr_tuning *t, const ocr_word *w, size_t n, float lh, int iw,
			int ih, ocr_word **nw, size_t *nn)
{
	*nw = NULL, *nn = 0;
	int l = w[0].l, r = w[n - 1].r, top = w[0].t, b = w[0].b;
	for (size_t i = 0; i < n; i++)
		top = w[i].t < top ? w[i].t : top, b = w[i].b > b ? w[i].b : b;
	int px = (int)(0.3f * lh), py = (int)(0.15f * lh);
	l = l - px > 0 ? l - px : 0, top = top - py > 0 ? top - py : 0;
	r = r + px < iw ? r + px : iw, b = b + py < ih ? b + py : ih;
	TessBaseAPISetPageSegMode(api, PSM_SINGLE_LINE);
	TessBaseAPISetRectangle(api, l, top, r - l, b - top);
	if (r > l && b > top && TessBaseAPIRecognize(api, NULL) == 0 && collect_words(api, t, nw, nn) != 0)
		return -1;
	return 0;
}

/* Tesseract sometimes joins two columns into one text line (the "Nơi nhận" list beside the
 * signer's title on a signature page, a table row): it fits one baseline to both, and the piece
 * that baseline does not fit is misread with a low confidence ("SửNộivụ" for "Sở Nội vụ"). Such
 * a piece (words set off from the rest of their line by a gap of over piece_gap line heights,
 * mean confidence under piece_conf) is read again alone as one line, and its words are replaced
 * when the new reading is more confident; at most piece_max pieces a page. *pw and *pn are
 * replaced. Leaves api in PSM_AUTO with no results. -1 when out of memory (the words are then
 * freed). */
static int reread_pieces(const sohoa_ctx *ctx, TessBaseAPI *api, const ocr_tuning *t, int iw, int ih, ocr_word **pw,
			 size_t *pn)
{
	ocr_word *w = *pw, *out = NULL;
	size_t n = *pn, no = 0, cap = 0;
	int next_line = 0, tries = 0, failed = 0, touched = 0;
	for (size_t i = 0; i < n; i++)
		if (w[i].line >= next_line)
			next_line = w[i].line + 1;
	for (size_t a = 0; a < n && !failed;) {
		size_t e = a;
		while (e < n && w[e].line == w[a].line)
			e++;
		float lh = (float)(w[a].lh > 0 ? w[a].lh : 1);
		int split = 0;
		for (size_t i = a + 1; i < e; i++)
			if (w[i].l - w[i - 1].r > t->piece_gap * lh)
				split = 1;
		for (size_t s = a; s < e && !failed;) {
			size_t z = s + 1;
			while (z < e && w[z].l - w[z - 1].r <= t->piece_gap * lh)
				z++;
			float conf = mean_conf(w + s, z - s);
			ocr_word *nw = NULL;
			size_t nn = 0;
			int take = 0;
			if (split && conf < t->piece_conf && tries < t->piece_max && !sohoa_interrupted(ctx)) {
				tries++, touched = 1;
				failed = reread_piece(api, t, w + s, z - s, lh, iw, ih, &nw, &nn) != 0;
				/* a piece read as nothing was a speck unless its reading was fair */
				take = !failed && (nn ? mean_conf(nw, nn) > conf : conf < 20.0f);
			}
			if (take) {
				for (size_t i = 0; i < nn; i++)
					nw[i].line = next_line;
				next_line++;
				for (size_t i = s; i < z; i++)
					TessDeleteText(w[i].text), w[i].text = NULL;
				if (words_append(&out, &no, &cap, nw, nn) != 0) {
					failed = 1;
					words_free(nw, nn);
				} else {
					free(nw); /* the texts moved to out */
				}
			} else {
				words_free(nw, nn);
				failed = failed || words_append(&out, &no, &cap, w + s, z - s) != 0;
				for (size_t i = s; i < z && !failed; i++)
					w[i].text = NULL; /* moved */
			}
			s = z;
		}
		a = e;
	}
	if (touched) {
		TessBaseAPISetPageSegMode(api, PSM_AUTO);
		TessBaseAPIClear(api);
	}
	words_free(w, n); /* what was not moved */
	if (failed)
		words_free(out, no), out = NULL, no = 0;
	*pw = out, *pn = no;
	return failed ? -1 : 0;
}

/* ---- lines ---- */

static float overlap(float a0, float a1, float b0, float b1)
{
	float o = fminf(a1, b1) - fmaxf(a0, b0);
	return o > 0 ? o : 0;
}

/* The lines page->lines[first..] that ingest_layout made from the words become OCR lines: each
 * word gets the confidence of the Tesseract word it overlaps most, each line the mean, and boxes
 * go from the prepared image (dpi pixels an inch) to the upright page. */
static void finish_lines(sohoa_page *page, size_t first, const ocr_word *w, size_t nw, const ocr_geom *g, double dpi)
{
	double k = 72.0 / dpi;
	for (size_t li = first; li < page->nlines; li++) {
		sohoa_line *l = &page->lines[li];
		free(l->font);
		l->font = NULL;
		l->font_size = 0;
		l->source = SOHOA_SRC_OCR;
		double sum = 0;
		for (size_t j = 0; j < l->nwords; j++) {
			sohoa_word *o = &l->words[j];
			float best = 0, conf = 0;
			for (size_t i = 0; i < nw; i++) {
				float a = overlap(o->x0, o->x1, (float)(w[i].l * k), (float)(w[i].r * k)) *
					  overlap(o->y0, o->y1, (float)(w[i].t * k), (float)(w[i].b * k));
				if (a > best)
					best = a, conf = w[i].conf;
			}
			o->confidence = conf;
			sum += conf;
			ocr_prep_box(g, dpi, o->x0 / k, o->y0 / k, o->x1 / k, o->y1 / k, &o->x0, &o->y0, &o->x1, &o->y1);
		}
		l->confidence = l->nwords ? (float)(sum / (double)l->nwords) : 0;
		ocr_prep_box(g, dpi, l->x0 / k, l->y0 / k, l->x1 / k, l->y1 / k, &l->x0, &l->y0, &l->x1, &l->y1);
	}
}

/* Lines of page from the OCR words. The words go through the same layout as a PDF text layer
 * (ingest/layout.h), so OCR and PDF pages share one reading order: rows top down, a letterhead
 * or a signature block beside "Nơi nhận" read column by column, table cells split at wide gaps.
 * The words of stamps and notes are laid out on their own after the others: a routing note
 * beside the subject does not break the letterhead's columns. */
static sohoa_status read_results(sohoa_ctx *ctx, ingest_ocr *ocr, struct Pix *pix, const ocr_geom *g, double dpi,
				 const ocr_notes *notes, sohoa_page *page)
{
	ocr_word *w = NULL;
	size_t nw = 0;
	if (collect_words(ocr->api, ocr->tune, &w, &nw) != 0 ||
	    reread_pieces(ctx, ocr->api, ocr->tune, g->rw, g->rh, &w, &nw) != 0)
		return sohoa_error(ctx, SOHOA_ERR_NOMEM, "page %d: out of memory reading OCR results", page->number);
	float em = ocr_words_em(w, nw);
	nw = drop_marks(ocr->tune, w, nw, em);
	if (nw == 0) {
		free(w);
		return SOHOA_OK;
	}
	ocr_prep_snap_words(pix, w, nw);
	size_t cap = 0, first = page->nlines;
	for (size_t i = 0; i < nw; i++)
		cap += strlen(w[i].text) + 1;
	ingest_glyph *gl = malloc(cap * sizeof *gl);
	uint32_t *cps = malloc(cap * sizeof *cps);
	sohoa_status st = SOHOA_OK;
	if (!gl || !cps)
		st = sohoa_error(ctx, SOHOA_ERR_NOMEM, "page %d: out of memory reading OCR results", page->number);
	size_t text = st == SOHOA_OK ? ocr_prep_split_notes(g, dpi, notes, w, nw) : 0;
	if (st == SOHOA_OK)
		st = ingest_layout(ctx, gl, ocr_words_to_glyphs(w, text, 72.0 / dpi, em, gl, cps), page);
	if (st == SOHOA_OK && text < nw)
		st = ingest_layout(ctx, gl, ocr_words_to_glyphs(w + text, nw - text, 72.0 / dpi, em, gl, cps), page);
	if (st == SOHOA_OK)
		finish_lines(page, first, w, nw, g, dpi);
	free(gl);
	free(cps);
	words_free(w, nw);
	return st;
}

/* ---- recognition ---- */

static bool ocr_cancel(void *user, int words)
{
	(void)words;
	return sohoa_interrupted((const sohoa_ctx *)user) != 0;
}

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Add to the page's decision, after a comma. */
static void add_decision(sohoa_page *page, const char *what)
{
	char *d = NULL;
	if (asprintf(&d, "%s%s%s", page->decision ? page->decision : "", page->decision ? ", " : "", what) >= 0) {
		free(page->decision);
		page->decision = d;
	}
}

/* The mean word confidence of the page's lines (0..100), 0 when it has no words. */
static float page_conf(const sohoa_page *page)
{
	double s = 0;
	size_t n = 0;
	for (size_t i = 0; i < page->nlines; i++)
		for (size_t j = 0; j < page->lines[i].nwords; j++)
			s += page->lines[i].words[j].confidence, n++;
	return n ? (float)(s / (double)n) : 0;
}

/* Tesseract on the prepared image pix (its text at tdpi; gdpi pixels an inch of the page),
 * within the page's deadline counted from start. The layout is found on pix; on a page with
 * coloured ink the words are read on pix without its pen strokes (ocr_prep_read). Not on a gray
 * or 1-bit page: there a seal prints as black as type, its ring is such a stroke, and the type
 * it touches ("PHÓ GIÁM ĐỐC" under the ring) would go with it; in colour the seal's red is
 * white already. */
static sohoa_status recognize(sohoa_ctx *ctx, ingest_ocr *ocr, struct Pix *pix, int colour, const ocr_geom *g,
			      int tdpi, double gdpi, double start, const ocr_notes *notes, sohoa_page *page)
{
	TessBaseAPI *api = ocr->api;
	TessBaseAPISetImage2(api, pix);
	struct Pix *read = colour ? ocr_prep_read(ocr->tune, pix, tdpi) : NULL;
	if (read)
		TessBaseAPISetInputImage(api, read); /* Tesseract takes it */
	TessBaseAPISetSourceResolution(api, tdpi);
	ETEXT_DESC *monitor = TessMonitorCreate();
	int timeout_s = ctx->opt.page_timeout_s > 0 ? ctx->opt.page_timeout_s : 180;
	double left_ms = timeout_s * 1000.0 - (now_s() - start) * 1000.0;
	if (monitor) {
		TessMonitorSetCancelFunc(monitor, ocr_cancel);
		TessMonitorSetCancelThis(monitor, ctx);
		TessMonitorSetDeadlineMSecs(monitor, left_ms > 1 ? (int)left_ms : 1);
	}
	int rc = TessBaseAPIRecognize(api, monitor);
	double took = now_s() - start;
	sohoa_status st = SOHOA_OK;
	if (sohoa_interrupted(ctx))
		st = sohoa_error(ctx, SOHOA_ERR_INTERRUPTED, "page %d: OCR interrupted", page->number);
	else if (took >= timeout_s)
		st = sohoa_error(ctx, SOHOA_ERR_TIMEOUT, "page %d: OCR ran over %d s", page->number, timeout_s);
	else if (rc != 0)
		st = sohoa_error(ctx, SOHOA_ERR_INTERNAL, "page %d: Tesseract could not read the page", page->number);
	else
		st = read_results(ctx, ocr, pix, g, gdpi, notes, page);
	TessBaseAPIClear(api);
	TessMonitorDelete(monitor);
	return st;
}

/* Prepare pixg (of raster r) turned by quads (detected when negative, g filled) and read it into
 * page, whose size is that of the raster unturned (w x h points): turned with the page. notes
 * gets the page's stamp frames and, on a page not turned, r's notes. */
static sohoa_status prep_and_read(sohoa_ctx *ctx, ingest_ocr *ocr, const ingest_raster *r, struct Pix *pixg,
				  const ocr_scale *sc, double gdpi, int quads, ocr_ink ink, double start, float w,
				  float h, ocr_geom *g, ocr_notes *notes, sohoa_page *page)
{
	struct Pix *pix = ocr_prep_page(ocr->tune, pixg, sc->dpi, quads, ink, osd_quads, ocr, g);
	if (!pix)
		return sohoa_error(ctx, SOHOA_ERR_NOMEM, "page %d: out of memory preprocessing", page->number);
	page->width = g->quads % 2 ? h : w;
	page->height = g->quads % 2 ? w : h;
	notes->n = notes->nframes = ocr_prep_frames(r, g->quads, page->width, page->height, notes->box, 8);
	for (int i = 0; i < notes->n; i++)
		notes->max_lines[i] = STAMP_FRAME_LINES;
	for (size_t i = 0; !g->quads && i < r->nnotes && notes->n < OCR_NOTES_MAX; i++, notes->n++) {
		memcpy(notes->box[notes->n], r->notes[i], sizeof notes->box[0]);
		notes->max_lines[notes->n] = 0;
	}
	sohoa_status st = recognize(ctx, ocr, pix, sc->colour, g, sc->dpi, gdpi, start, notes, page);
	ocr_prep_free(&pix);
	return st;
}

/* If page (read as turned by g) has lines and a mean confidence under the tuning's low_conf,
 * read it again as turned, made ink as ink says, and keep the more confident reading: then g
 * and notes are the new reading's, and note (of size cap) says so. */
static sohoa_status reread_if_low(sohoa_ctx *ctx, ingest_ocr *ocr, const ingest_raster *r, struct Pix *pixg,
				  const ocr_scale *sc, double gdpi, ocr_ink ink, double start, float w, float h,
				  ocr_geom *g, ocr_notes *notes, sohoa_page *page, char *note, size_t cap)
{
	float before = page_conf(page);
	if (!page->nlines || before >= ocr->tune->low_conf)
		return SOHOA_OK;
	sohoa_page again = {.number = page->number, .source = SOHOA_SRC_OCR};
	ocr_geom g2;
	ocr_notes notes2;
	sohoa_status st = prep_and_read(ctx, ocr, r, pixg, sc, gdpi, g->quads, ink, start, w, h, &g2, &notes2, &again);
	float after = page_conf(&again);
	if (st == SOHOA_OK && after > before) {
		ingest_page_clear(page);
		page->lines = again.lines, page->nlines = again.nlines, page->lines_cap = again.lines_cap;
		page->width = again.width, page->height = again.height;
		again.lines = NULL, again.nlines = 0;
		size_t used = strlen(note);
		if (ink == OCR_INK_GRAY)
			snprintf(note + used, cap - used, "%sread as gray (confidence %.0f, binarized %.0f)",
				 *note ? "; " : "", after, before);
		else
			snprintf(note + used, cap - used, "%sread with one threshold (confidence %.0f, local %.0f)",
				 *note ? "; " : "", after, before);
		*g = g2, *notes = notes2;
	}
	ingest_page_clear(&again);
	return st;
}

/* A page is read as detection turns it. When that turn was a guess (Tesseract's orientation
 * unsure) or made on small text, the page is read upright as well and the reading with the
 * higher mean word confidence is kept (upright on a tie): orientation never makes a page worse.
 * A page read with a mean confidence under low_conf is read again binarized by one threshold
 * (binarize_global) and the more confident reading kept; if still low, read from the gray page
 * (Tesseract binarizes) and the more confident kept; if still low, it is flagged in its
 * decision. */
static sohoa_status ocr_page(sohoa_ctx *ctx, ingest_ocr *ocr, const ingest_raster *r, sohoa_page *page)
{
	int dpi = r->dpi > 0 ? r->dpi : 300;
	page->source = SOHOA_SRC_OCR;
	if (page->width <= 0 || page->height <= 0) {
		page->width = (float)(r->w * 72.0 / dpi);
		page->height = (float)(r->h * 72.0 / dpi);
	}
	ocr_scale sc;
	struct Pix *pixg = ocr_prep_gray(ocr->tune, r, &sc);
	if (!pixg)
		return sohoa_error(ctx, r->samples && r->w > 0 && r->h > 0 ? SOHOA_ERR_NOMEM : SOHOA_ERR_INTERNAL,
				   "page %d: cannot make an image of %dx%d pixels for OCR", page->number, r->w, r->h);
	double start = now_s(), gdpi = dpi * (double)sc.scale;
	float w = page->width, h = page->height;
	ocr_geom g;
	ocr_notes notes, notes0; /* stamps' boxes of each reading, in points of the upright page */
	sohoa_status st = prep_and_read(ctx, ocr, r, pixg, &sc, gdpi, -1, OCR_INK_LOCAL, start, w, h, &g, &notes, page);
	char note[160] = "";
	if (st == SOHOA_OK && g.quads && (!g.sure || sc.scale > 1.0f)) {
		sohoa_page up = {.number = page->number, .source = SOHOA_SRC_OCR};
		ocr_geom g0;
		st = prep_and_read(ctx, ocr, r, pixg, &sc, gdpi, 0, OCR_INK_LOCAL, start, w, h, &g0, &notes0, &up);
		float turned = page_conf(page), upright = page_conf(&up);
		if (st == SOHOA_OK && upright >= turned) {
			ingest_page_clear(page);
			page->lines = up.lines, page->nlines = up.nlines, page->lines_cap = up.lines_cap;
			page->width = up.width, page->height = up.height;
			up.lines = NULL, up.nlines = 0;
			snprintf(note, sizeof note, "kept upright (confidence %.0f, turned %d degrees %.0f)", upright,
				 g.quads * 90, turned);
			g = g0, notes = notes0;
		}
		ingest_page_clear(&up);
	}
	/* a page read with low confidence is read again, as turned, binarized by one threshold over
	 * the page; if still low, from the gray page by Tesseract's own binarization (a blurred
	 * photo's thin strokes, lighter than its thick ones, are lost by Sauvola and by one threshold
	 * alike); each time the more confident reading is kept */
	if (st == SOHOA_OK)
		st = reread_if_low(ctx, ocr, r, pixg, &sc, gdpi, OCR_INK_OTSU, start, w, h, &g, &notes, page, note,
				   sizeof note);
	if (st == SOHOA_OK)
		st = reread_if_low(ctx, ocr, r, pixg, &sc, gdpi, OCR_INK_GRAY, start, w, h, &g, &notes, page, note,
				   sizeof note);
	ocr_prep_free(&pixg);
	if (st == SOHOA_OK) {
		st = ingest_stamp_frames(ctx, page, (const float (*)[4])notes.box, (size_t)notes.nframes);
	}
	if (st != SOHOA_OK) {
		ingest_page_clear(page);
		return st;
	}
	page->skew = g.angle;
	char what[96];
	if (sc.repeat > 1) {
		snprintf(what, sizeof what, "image of %dx repeated pixels read at its own resolution", sc.repeat);
		add_decision(page, what);
	}
	if (sc.scale * (float)sc.repeat > 1.0f) {
		snprintf(what, sizeof what, "small text enlarged %.1fx", sc.scale * (float)sc.repeat);
		add_decision(page, what);
	}
	if (g.quads) {
		snprintf(what, sizeof what, "turned %d degrees to upright", g.quads * 90);
		add_decision(page, what);
	}
	if (*note)
		add_decision(page, note);
	float conf = page_conf(page);
	if (page->nlines && conf < ocr->tune->low_conf) {
		snprintf(what, sizeof what, "low OCR confidence (mean %.0f)", conf);
		add_decision(page, what);
	}
	return SOHOA_OK;
}

sohoa_status ingest_ocr_raster(sohoa_ctx *ctx, ingest_ocr *ocr, const ingest_raster *r, sohoa_page *page)
{
	int saved = omp_serial_begin();
	sohoa_status st = ocr_page(ctx, ocr, r, page);
	omp_serial_end(saved);
	return st;
}

const char *sohoa_ocr_tesseract_version(void) { return TessVersion(); }
