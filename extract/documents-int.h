/* documents-int.h: what the steps of the documents extractor share (private to documents*.c).
 * documents.c keys the lines, says where a line came from and writes the row; each step finds
 * its fields on the page: documents-title.c (type and title), documents-number.c,
 * documents-date.c (place and date), documents-letterhead.c (the issuers),
 * documents-signature.c (signer and role). docfields.c (docmeta.h) checks what they find. */
#ifndef SOHOA_DOCUMENTS_INT_H
#define SOHOA_DOCUMENTS_INT_H

#include "extract-int.h"
#include "docmeta.h"

/* An OCR word whose confidence is below this does not give a number's or a date's digits:
 * handwritten and stamped numbers read 40-55, printed ones 80 and more. */
#define DIGITS_MIN_CONF 60
/* Printed digits read this and more; below it, digits written apart from their code are
 * handwriting read as look-alikes (docm_token_apart). */
#define DIGITS_SURE_CONF 80

typedef struct line_key {
	const char *text;
	char *key;
	size_t keylen, *kmap;
	int upper;        /* no lowercase letter */
	int letters;
	size_t idx;       /* tline index */
} line_key;

/* What the document says about itself, as the steps below find it. */
typedef struct doc_meta {
	const char *type;        /* from the types table */
	size_t type_at;          /* the type line (index into the line keys), or n */
	size_t title_off;        /* a type read in running text ("Chỉ thị về việc …"): where the
				  * title starts on the type line (bytes); 0 for a type line */
	sohoa_buf title;
	char *head[4];           /* letterhead bodies, outermost first (NULL: not a valid name) */
	int nhead;
	char *number, *place;
	char *code;              /* the number's part after its first '/', even when its digits are
				  * not read ("UBND-KSTTHC") */
	int number_seen;         /* a "Số:" line was found */
	char date[16];
	char *signer, *role, *sign_org;
	int vv;                  /* a "V/v" subject line */
	float number_apart;      /* the OCR confidence of the number's digits when they are written
				  * apart from the code and read below DIGITS_SURE_CONF, else -1 */
	float day_conf;          /* the OCR confidence of the date's day as read, -1 when not known */
} doc_meta;

/* Everything the steps share. */
typedef struct doc_ctx {
	sohoa_ctx *ctx;
	const sohoa_doc *doc;
	const sohoa_text *text;
	const char *name;        /* how messages name the document: its path as given, else its name */
	line_key *L;
	size_t n;
} doc_ctx;

/* What a number or a date slot reads as. */
enum { NUM_NONE, NUM_OK, NUM_BLANK, NUM_UNREADABLE };

/* ---- documents.c: lines ---- */

/* The Vietnamese letters of s (sohoa_letters), *lower of them lowercase. */
int docm_count_case(const char *s, int *lower);
/* 1 if line l's key starts with word w (or with w, when w ends with a '.'). */
int docm_key_starts(const line_key *l, const char *w);
/* 1 if line l's key starts with one of words (NULL-terminated). */
int docm_key_starts_any(const line_key *l, const char *const *words);
/* A copy of a line with spaces collapsed (ex_clean). Caller frees. */
char *docm_clean_line(const char *s);
/* 1 when line l was read by OCR. */
int docm_line_ocr(const doc_ctx *dc, const line_key *l);
/* The lowest OCR confidence of the source lines of line l, or -1 (not OCR). */
float docm_line_conf(const doc_ctx *dc, const line_key *l);
/* The OCR confidence of the source word of lines from..to (line keys) that holds token tok, or
 * -1 when there is none (not OCR) or the token is glued to a word. */
float docm_token_conf(const doc_ctx *dc, size_t from, size_t to, const char *tok);
/* 1 when the source word of lines from..to that is token tok is followed by a word starting
 * with '/' on its page more than the word's height to its right (digits in the blank left for a
 * number written by hand, apart from the printed "/CT-UBND"). */
int docm_token_apart(const doc_ctx *dc, size_t from, size_t to, const char *tok);
/* The box of line l's first source line on its page: box[0..3] = x0, y0, x1, y1 (points), *page;
 * 0 when it has none (a text file, no source). */
int docm_line_box(const doc_ctx *dc, const line_key *l, float box[4], int *page);
/* The same for line l's last source line (a reflowed line ends lower than its first line). */
int docm_line_box_last(const doc_ctx *dc, const line_key *l, float box[4], int *page);
/* The words of line text t: byte spans into b and e, at most max; returns their number. */
int docm_split_spans(const char *t, size_t *b, size_t *e, int max);
/* 1 if s[0..n) has a letter. */
int docm_has_letter(const char *s, size_t n);
/* 1 if word s[0..n) starts with a capital. */
int docm_starts_upper(const char *s, size_t n);

/* ---- documents-title.c: type and title ---- */

/* Words that start the body after the title (keys). */
extern const char *const docm_body_cues[];
/* 1 if line l opens a "V/v" subject, also as OCR reads it ("V¿v", "v/w"). */
int docm_vv_line(const line_key *l);
/* A telegram's sender, "THỦ TƯỚNG CHÍNH PHỦ điện:" (a Công điện names who sends it so) at the
 * end of line l: 1 and the bytes [*start, *end) of the sender's name (a valid issuer's name in
 * capitals before "điện:"), else 0. */
int docm_sender(const line_key *l, size_t *start, size_t *end);
/* The type line l is ("CÔNG ĐIỆN": a line in capitals that is only a type word), or NULL. */
const char *docm_type_line(const line_key *l);
/* The type line: a line in capitals that is only a type word, in the first 40 lines. */
void docm_find_type(const line_key *L, size_t n, doc_meta *dm);
/* The title under the type line (or a "V/v" subject) until the body starts. */
void docm_find_title(const doc_ctx *dc, doc_meta *dm);
/* The title's words that read the document's province with slips ("tính năng Ngãi" under a
 * letterhead of "TỈNH QUẢNG NGÃI") set as the gazetteer writes it (docf_province_words); the
 * province is the place's, else the letterhead's. After the place and the letterhead are read. */
void docm_title_places(const doc_ctx *dc, doc_meta *dm);
/* The type from the number's code when no type line says it and the document is no annex. */
void docm_type_by_rule(const line_key *L, size_t n, doc_meta *dm);

/* ---- documents-number.c ---- */

/* "Số:" at the start of text t: the offset after the label, or 0. */
size_t docm_number_label(const char *t);
/* "Số:" after a letterhead's name in capitals on one line ("CHÍNH PHỦ Số: 170/2025/NĐ-CP", a
 * flattened table): the offset after the label, *label_at where the label starts; 0 if none. */
size_t docm_number_label_after_head(const char *t, size_t *label_at);
/* The number: a "Số:" line in the first 60 lines, its number on it or on the next lines. */
void docm_read_number(doc_ctx *dc, doc_meta *dm);
/* After the date: the number whose digits are written apart from the code and read unsure
 * (dm->number_apart) is left out, as handwriting read as look-alikes, unless the date's day is read
 * sure (a printed day: the clerk's slots, number and day, were filled in by print). */
void docm_check_number(doc_ctx *dc, doc_meta *dm);

/* ---- documents-date.c ---- */

/* The place-and-date line in the first 60 lines: dm->place and dm->date. */
void docm_read_date(doc_ctx *dc, doc_meta *dm);

/* ---- documents-letterhead.c ---- */

/* 1 if line l holds the national motto ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do -
 * Hạnh phúc"), whole or a run of it, as OCR reads it. */
int docm_motto_line(const line_key *l);
/* The letterhead's bodies into dm->head, each checked (docf_issuer). SOHOA_ERR_NOMEM. */
sohoa_status docm_read_letterhead(doc_ctx *dc, doc_meta *dm);

/* ---- documents-signature.c ---- */

/* The signature block's line, n when there is none: of the document itself, not of a draft or
 * a form attached under its signed block. */
size_t docm_signature_line(const doc_ctx *dc, size_t type_at);
/* The lead of signing blocks side by side (a joint document: "TM. ỦY BAN …" beside "TM. BAN
 * THƯỜNG TRỰC …"): the line of the block that names the issuer, else of the left one; sig when
 * no other block stands beside the one at sig (or lines have no boxes). */
size_t docm_lead_block(const doc_ctx *dc, const doc_meta *dm, size_t sig);
/* The signer, role and signing body of the block at line sig. */
void docm_read_signature(doc_ctx *dc, size_t sig, doc_meta *dm);
/* The signer when no signature block was found: a person's name alone on the document's last
 * line, under a "Nơi nhận" list (the role lines above it lost). */
void docm_signer_at_end(doc_ctx *dc, doc_meta *dm);

#endif
