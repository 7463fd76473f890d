/* Private to the OCR adapter: what the Tesseract side (ocr.c) and the Leptonica page preparation
 * (ocr-prep.c) share. Leptonica's image type passes between them as an opaque struct Pix, so
 * ocr.c needs only tesseract/capi.h. */
#ifndef SOHOA_INGEST_OCR_INT_H
#define SOHOA_INGEST_OCR_INT_H

#include "ingest-int.h"

struct Pix;

/* The tuning of OCR: every threshold that was chosen by measuring on the scanned samples (the
 * measurements are in the commits that set them; bench/ocr-quality.sh re-measures). Lengths given
 * as "1/N inch" are divisors of the page's dpi, in integer arithmetic, as "dpi / N" pixels. */
typedef struct ocr_tuning {
	/* gray conversion: pen strokes (a signature's loops in coloured, non-red ink) turn white */
	int stroke_chroma;       /* a pixel is coloured ink when its brightest channel exceeds its
				    darkest by at least this (0..255) */
	int stroke_div;          /* stroke pieces are at least 1/stroke_div inch long either way */
	float stroke_fill;       /* and fill under this fraction of their bounding box (0..1) */
	int type_min_div;        /* coloured type: letter pieces at least 1/type_min_div inch high,
				    under type_word_len / stroke_div inch wide ... */
	int type_word_len;
	int type_gap_div;        /* ... joined along a row across gaps of 1/type_gap_div inch ... */
	float type_row_ratio;    /* ... into rows at least this many times as wide as high */
	/* binarization (Sauvola, tiled) */
	int faint_ink;           /* the darkest faint_share of a background-normalized page lighter
				    than this gray: faint ink (a light photocopy; a page image of
				    under 100 ppi, whose strokes a pixel or two wide never reach
				    black), stretched so it reaches black before it is
				    thresholded ... */
	float faint_share;
	float faint_map_share;   /* ... from the gray of the darkest faint_map_share */
	int sauvola_half_window; /* half the local window's side, pixels */
	float sauvola_k;         /* Sauvola's k (0..1): higher makes less ink */
	int sauvola_tile;        /* tiles are at most this many pixels a side */
	/* cleaning the binarized page */
	int rule_div;            /* ruling lines removed: ink runs at least 1/rule_div of the page's
				    shorter side (and at least 40 pixels) */
	int speck_div;           /* specks removed: components under 1/speck_div inch both ways ... */
	int speck_reach_div;     /* ... farther than 1/speck_reach_div inch from larger ink */
	int pen_div;             /* pen strokes, out of the image read: pieces of ink at least
				    1/pen_div inch long either way filling under stroke_fill of
				    their box */
	/* deskew */
	int skew_speck_div;      /* skew is measured without components under 1/N inch either way */
	float skew_min_conf;     /* Leptonica's skew confidence needed to deskew at all */
	float skew_min_deg;      /* skews under this many degrees are left as they are */
	/* reading the words */
	float noise_conf;        /* words without a letter or digit are dropped under this
				    confidence (0..100) ... */
	float noise_rel;         /* ... or when their width and height are both under this fraction
				    of their line's height */
	float mark_em;           /* words of letters or digits are dropped when their width and
				    height are both under this fraction of the page's text size */
	float piece_gap;         /* a piece of a joined line is set off by a gap of over this many
				    line heights ... */
	float piece_conf;        /* ... and read again alone when its mean confidence is under this
				    (0..100) */
	int piece_max;           /* at most this many pieces read again per page */
	/* text size: pages whose letters are small are enlarged before anything else */
	int text_min_comps;      /* letter height is measured on pages with this many letter-like
				    components or more */
	int text_small_px;       /* letters (with ascenders) under this many pixels high are small */
	int text_px;             /* and are enlarged to this height (as at 300 dpi) ... */
	float text_max_scale;    /* ... by at most this factor ... */
	long text_max_pixels;    /* ... and to at most this many pixels */
	/* orientation and trust */
	float osd_sure_conf;     /* Tesseract's orientation confidence that turns a page without
				    reading it the other way too */
	float low_conf;          /* a page read with a mean word confidence under this (0..100) is
				    flagged in its decision */
} ocr_tuning;

/* Today's values: what every engine uses. */
extern const ocr_tuning ocr_tuning_default;

/* One word as Tesseract read it, box in pixels of the prepared image. */
typedef struct ocr_word {
	char *text;  /* owned; freed with TessDeleteText */
	int l, t, r, b;
	float conf;
	int line;    /* Tesseract's text line */
	int lh;      /* that line's height in pixels */
	float base;  /* that line's baseline under the word's centre, or -1 if unknown */
} ocr_word;

/* What preparation did to the page. Boxes are reported in the upright page (the raster after
 * the quarter turns, which readers and table rebuilding want) with the deskew undone. */
typedef struct ocr_geom {
	int quads;       /* clockwise quarter turns applied (0..3) */
	int sure;        /* 0 when the turn was a guess (ocr_osd_fn unsure or not asked) */
	float angle;     /* deskew rotation applied after that, degrees, clockwise positive */
	int rw, rh;      /* size after the quarter turns */
} ocr_geom;

/* Tesseract's orientation detection, asked when Leptonica is not sure: clockwise quarter turns
 * that make the binarized page bin upright, or -1 when it cannot tell; *conf its confidence. */
typedef int (*ocr_osd_fn)(void *arg, struct Pix *bin, int dpi, float *conf);

/* How ocr_prep_gray sized the page: enlarged scale times (1 when not), and the resolution its
 * text now has (the raster's dpi when not enlarged; what to give Tesseract and every length in
 * 1/N inch of the tuning). Boxes go back to the raster through raster dpi * scale. colour: the
 * page has coloured ink (a red seal, a blue signature: at least a 1/10 inch square of it), which
 * the gray conversion turned white or told apart; 0 on a gray or 1-bit page. repeat: the raster
 * was an image enlarged by repeating each pixel repeat x repeat times, taken back to its own
 * pixels before the enlarging (scale then may be under 1); 1 when not. */
typedef struct ocr_scale {
	float scale;
	int dpi;
	int colour;
	int repeat;
} ocr_scale;

/* ocr-prep.c. Make Leptonica silent (it would print to stderr); once per process. */
void ocr_prep_global_init(void);
/* An 8 bpp gray Pix of a gray or RGB raster (red turned white, pen strokes removed), taken back
 * to its own pixels when it was enlarged by repeating them, enlarged when its letters are small
 * (text_small_px) there; sc says how. NULL when the raster is empty or
 * memory runs out. */
struct Pix *ocr_prep_gray(const ocr_tuning *t, const ingest_raster *r, ocr_scale *sc);
/* How ocr_prep_page makes the page ink: Sauvola's local threshold, one Otsu threshold over the
 * whole page, or none (the page left gray, Tesseract binarizes). */
typedef enum { OCR_INK_LOCAL, OCR_INK_OTSU, OCR_INK_GRAY } ocr_ink;
/* The page for Tesseract from a gray Pix whose text has resolution dpi: background normalized,
 * turned upright by quads clockwise quarter turns (when quads < 0 by what Leptonica detects, or
 * osd when Leptonica cannot tell), deskewed, made ink as ink says, rules and specks removed
 * (not when left gray). Fills g. Returns a new Pix (the gray one if binarization fails), NULL when out of
 * memory. */
struct Pix *ocr_prep_page(const ocr_tuning *t, struct Pix *gray, int dpi, int quads, ocr_ink ink, ocr_osd_fn osd,
			  void *arg, ocr_geom *g);
/* The image Tesseract reads the words of the page bin (from ocr_prep_page) on: bin without its
 * pen strokes (a signature's loops, a paraph's tail in black ink, which the gray conversion
 * cannot tell by colour), which Tesseract read as junk words glued to the lines they cross
 * ("Ngãi; —\LauL"). The layout is still found on bin: its lines stay as they were. A pen
 * stroke is a piece of ink at least 1/pen_div inch long either way that fills under stroke_fill
 * of its box; letters, words, parentheses and rules fill more or are shorter. A new Pix, or NULL
 * when bin has no pen stroke, is not 1 bpp or memory runs out. */
struct Pix *ocr_prep_read(const ocr_tuning *t, struct Pix *bin, int dpi);
/* Widen each word's left and right edges over the ink of the binarized page bin (see the
 * definition); w is in reading order of Tesseract's lines. */
void ocr_prep_snap_words(struct Pix *bin, ocr_word *w, size_t n);
/* The page's body text size in pixels from Tesseract's line heights; 0 when unknown. */
float ocr_words_em(const ocr_word *w, size_t n);
struct ingest_glyph;
/* The words as glyphs for ingest_layout, k points per pixel, boxes of one height per text size
 * em (see the definition); gl and cps have room for every character and word break. Returns
 * the glyph count. */
size_t ocr_words_to_glyphs(const ocr_word *w, size_t nw, double k, float em, struct ingest_glyph *gl,
			   uint32_t *cps);
/* A box of the prepared image (pixels) back to the upright page, in points. */
void ocr_prep_box(const ocr_geom *g, double dpi, double l, double t, double r, double b, float *x0, float *y0,
		  float *x1, float *y1);
/* Closed rectangular frames (an inbox stamp's box) in ink of any colour on raster r, at most half
 * the page's short side wide and a third of it high, that are not a table's grid: up to max boxes
 * {x0, y0, x1, y1} in points of the upright page (quads clockwise quarter turns from r; page_w x
 * page_h points upright; the deskew is not undone: boxes are loose by that much). Returns how
 * many; 0 when out of memory. */
int ocr_prep_frames(const ingest_raster *r, int quads, float page_w, float page_h, float (*box)[4], int max);
/* Stamps and notes on a page: boxes {x0, y0, x1, y1} in points of the upright page, each with
 * the most Tesseract lines it may hold to be one (0: any); the first nframes are closed frames
 * found by ocr_prep_frames. */
#define OCR_NOTES_MAX 24
typedef struct ocr_notes {
	float box[OCR_NOTES_MAX][4];
	int max_lines[OCR_NOTES_MAX];
	int n, nframes;
} ocr_notes;
/* Move the words w[0..n) whose centre lies in a box of notes (one holding no more Tesseract
 * lines than its max_lines) after the others, each part in its order; g and dpi take boxes to
 * the upright page (ocr_prep_box). Returns how many words are in no such box. */
size_t ocr_prep_split_notes(const ocr_geom *g, double dpi, const ocr_notes *notes, ocr_word *w, size_t n);
/* ocr-words.c: a letter or digit of any script (not punctuation, symbols, modifier letters,
 * combining marks); a speckle or rule fragment read as a word (blank, or no letter or digit with
 * a low confidence or a box far smaller than its line's characters: w_rel, h_rel relative to the
 * line's height); edge junk ('|', '_', '~' ...) trimmed from a UTF-8 word in place. */
int ocr_is_wordish(uint32_t c);
int ocr_is_noise(const ocr_tuning *t, const char *w, float conf, float w_rel, float h_rel);
void ocr_trim_junk(char *w);
/* pixDestroy: frees *pix and sets it NULL; NULL does nothing. */
void ocr_prep_free(struct Pix **pix);

#endif
