/* documents.csv: one row per document — file, digest, pages, and what the letterhead, the number
 * and date lines, the type line, the title and the signature block say. A field is what the
 * document says or empty: each is checked against what it can be (docfields.c) and a reading
 * that is none of those values is left out, and said in the log. */
#include "extract-int.h"
#include "docmeta.h"

#include "../core/doctype.h"
#include "../core/govname.h"
#include "../core/sha256.h"
#include "../core/viet.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const columns[] = {"doc", "source", "sha256", "pages", "type", "number", "issuer",
				      "parent_issuer", "place", "date", "title", "signer", "signer_role",
				      "ocr_pages", "restored", "mean_confidence", NULL};

/* Words that start the body after the title. */
static const char *const body_cues[] = {"can cu", "kinh gui", "xet", "nham", "theo ket qua",
					"thuc hien ke hoach", "thuc hien quyet dinh", "thuc hien nghi quyet",
					"thuc hien chi thi", "thuc hien cong van", "thuc hien van ban", NULL};
/* The national motto, word by word: letterheads print it beside the issuer, and reading order
 * often flattens the two columns into one line or breaks it anywhere. */
static const char *const motto_words[] = {"cong", "hoa", "xa", "hoi", "chu", "nghia", "viet", "nam", NULL};
static const char *const motto2_words[] = {"doc", "lap", "tu", "do", "hanh", "phuc", NULL};
/* Signature prefixes ("KT. GIÁM ĐỐC") and role words of the signature block. */
static const char *const sign_prefix[] = {"kt.", "tm.", "tl.", "q.", "ktt", "tuq.", NULL};
static const char *const role_words[] = {"giam doc", "chu tich", "truong", "pho", "thu truong", "chanh",
					 "bi thu", "tong", "vien truong", "cuc truong", NULL};

/* An OCR word whose confidence is below this does not give a number's or a date's digits:
 * handwritten and stamped numbers read 40-55, printed ones 80 and more. */
#define DIGITS_MIN_CONF 60
/* An OCR line below this does not give the signer's name (a signature page scanned badly). */
#define NAME_MIN_CONF 75

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
} doc_meta;

/* Everything the steps share. */
typedef struct doc_ctx {
	sohoa_ctx *ctx;
	const sohoa_doc *doc;
	const sohoa_text *text;
	const char *name;
	line_key *L;
	size_t n;
} doc_ctx;

static void meta_free(doc_meta *dm)
{
	sohoa_buf_free(&dm->title);
	for (int h = 0; h < dm->nhead; h++)
		free(dm->head[h]);
	free(dm->number);
	free(dm->code);
	free(dm->place);
	free(dm->signer);
	free(dm->role);
	free(dm->sign_org);
}

/* The Vietnamese letters of s (sohoa_letters), *lower of them lowercase. */
static int count_case(const char *s, int *lower)
{
	size_t low = 0;
	int letters = (int)sohoa_letters(s, strlen(s), &low);
	*lower = (int)low;
	return letters;
}

static int key_starts(const line_key *l, const char *w)
{
	size_t i = 0;
	while (i < l->keylen && l->key[i] == ' ')
		i++;
	return ex_word_at(l->key, l->keylen, i, w) || (w[strlen(w) - 1] == '.' && !strncmp(l->key + i, w, strlen(w)));
}

static int key_starts_any(const line_key *l, const char *const *words)
{
	for (int w = 0; words[w]; w++)
		if (key_starts(l, words[w]))
			return 1;
	return 0;
}

/* A person's name: 2 to 5 words, each a capital then lowercase letters. */
static int is_name(const char *s)
{
	int words = 0;
	size_t n = strlen(s), i = 0;
	while (i < n) {
		while (i < n && s[i] == ' ')
			i++;
		if (i >= n)
			break;
		int first = 1;
		while (i < n && s[i] != ' ') {
			uint32_t cp, plain;
			int tone, upper;
			i += sohoa_utf8_decode(s + i, n - i, &cp);
			if (!sohoa_viet_letter(cp, &plain, &tone, &upper))
				return 0;
			if (first != upper)
				return 0;
			first = 0;
		}
		words++;
	}
	return words >= 2 && words <= 5;
}

/* A copy of a line with spaces collapsed (ex_clean). */
static char *clean_line(const char *s)
{
	return ex_clean(s, 0, strlen(s));
}

/* The lines that hold a letter or a digit, with their keys and letter case: *L (*n of them; the
 * caller frees with free_lines, also on error). */
static sohoa_status key_lines(sohoa_ctx *ctx, const sohoa_text *text, line_key **L, size_t *n)
{
	*n = 0;
	*L = calloc(text->nlines + 1, sizeof **L);
	if (!*L)
		return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
	for (size_t i = 0; i < text->nlines; i++) {
		const char *t = text->lines[i].text ? text->lines[i].text : "";
		line_key *l = &(*L)[*n];
		int lower = 0;
		l->letters = count_case(t, &lower);
		if (!l->letters && !strpbrk(t, "0123456789"))
			continue;
		l->text = t;
		l->upper = l->letters >= 2 && lower == 0;
		l->idx = i;
		if (ex_key(t, strlen(t), &l->key, &l->keylen, &l->kmap))
			return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
		(*n)++;
	}
	return SOHOA_OK;
}

static void free_lines(line_key *L, size_t n)
{
	for (size_t i = 0; L && i < n; i++) {
		free(L[i].key);
		free(L[i].kmap);
	}
	free(L);
}

/* ---- where a line came from ---- */

/* The page of the source line where tline t starts, or NULL. */
static const sohoa_page *source_page(const doc_ctx *dc, const sohoa_tline *t)
{
	for (size_t p = 0; dc->doc && p < dc->doc->npages; p++)
		if (dc->doc->pages[p].number == t->page)
			return &dc->doc->pages[p];
	return NULL;
}

/* 1 when line l was read by OCR. */
static int line_ocr(const doc_ctx *dc, const line_key *l)
{
	const sohoa_page *pg = source_page(dc, &dc->text->lines[l->idx]);
	return pg && pg->source == SOHOA_SRC_OCR;
}

/* The lowest OCR confidence of the source lines of line l, or -1 (not OCR). */
static float line_conf(const doc_ctx *dc, const line_key *l)
{
	const sohoa_tline *t = &dc->text->lines[l->idx];
	float conf = -1;
	for (size_t p = 0; dc->doc && p < dc->doc->npages; p++) {
		const sohoa_page *pg = &dc->doc->pages[p];
		if (pg->number < t->page || pg->number > t->page_end)
			continue;
		for (size_t j = 0; j < pg->nlines; j++) {
			const sohoa_line *sl = &pg->lines[j];
			if ((pg->number == t->page && sl->line < t->line) || (pg->number == t->page_end && sl->line > t->line_end) ||
			    sl->source == SOHOA_SRC_STAMP)
				continue;
			if (sl->confidence >= 0 && (conf < 0 || sl->confidence < conf))
				conf = sl->confidence;
		}
	}
	return conf;
}

/* The OCR confidence of the source word of lines from..to (line keys) that holds token tok, or
 * -1 when there is none (not OCR) or the token is glued to a word ("S6:1906", "26háng": the
 * word's confidence says little about the digits; a code after a '/' is part of the number). */
static float token_conf(const doc_ctx *dc, size_t from, size_t to, const char *tok)
{
	if (!tok || !*tok || !dc->doc)
		return -1;
	for (size_t k = from; k <= to && k < dc->n; k++) {
		const sohoa_tline *t = &dc->text->lines[dc->L[k].idx];
		for (size_t p = 0; p < dc->doc->npages; p++) {
			const sohoa_page *pg = &dc->doc->pages[p];
			if (pg->number < t->page || pg->number > t->page_end)
				continue;
			for (size_t j = 0; j < pg->nlines; j++) {
				const sohoa_line *sl = &pg->lines[j];
				if ((pg->number == t->page && sl->line < t->line) ||
				    (pg->number == t->page_end && sl->line > t->line_end) || sl->source == SOHOA_SRC_STAMP)
					continue;
				for (size_t w = 0; w < sl->nwords; w++) {
					const char *wt = sl->words[w].text;
					const char *at = wt ? strstr(wt, tok) : NULL;
					if (!at || sl->words[w].confidence < 0)
						continue;
					size_t lower = 0;
					size_t before = sohoa_letters(wt, (size_t)(at - wt), &lower);
					const char *after = at + strlen(tok);
					size_t rest = sohoa_letters(after, strlen(after), &lower);
					if (before || (rest && *after != '/'))
						return -1;
					return sl->words[w].confidence;
				}
			}
		}
	}
	return -1;
}

/* ---- the motto ---- */

/* 2 if word w (one word of a line, any case and marks) is motto word m, 1 if it is one slip
 * from it ("HQI"), else 0. */
static int motto_word(const char *w, size_t n, const char *m)
{
	char sk[64];
	size_t sl = sohoa_gov_skeleton(w, n, sk, sizeof sk);
	size_t ml = strlen(m);
	if (!sl)
		return 0;
	if (!strcmp(sk, m))
		return 2;
	return ml >= 3 && sl >= 3 && sohoa_gov_distance(sk, m, 1) <= 1;
}

/* The words of line text t: byte spans, at most max. */
static int split_spans(const char *t, size_t *b, size_t *e, int max)
{
	int n = 0;
	size_t len = strlen(t);
	for (size_t i = 0; i < len && n < max;) {
		while (i < len && t[i] == ' ')
			i++;
		if (i >= len)
			break;
		b[n] = i;
		while (i < len && t[i] != ' ')
			i++;
		e[n++] = i;
	}
	return n;
}

/* 1 if the word has a letter. */
static int has_letter(const char *s, size_t n)
{
	return sohoa_letters(s, n, NULL) > 0;
}

/* Line text t with the national motto's words taken out: runs of three motto words in order or
 * more, two at the motto's start or filling the line, and the words that go on with a run the
 * line above left open (*cont: the next motto word expected, or -1). *found is set when a run
 * was taken out. A new string (possibly empty). */
static char *motto_cut(const char *t, int *cont, int *found)
{
	size_t b[DOCF_MAXW], e[DOCF_MAXW];
	int n = split_spans(t, b, e, DOCF_MAXW);
	char drop[DOCF_MAXW] = {0};
	int letters_words = 0, next = -1;
	for (int i = 0; i < n; i++)
		letters_words += has_letter(t + b[i], e[i] - b[i]);
	const char *const *seqs[2] = {motto_words, motto2_words};
	for (int i = 0; i < n;) {
		int best = 0, best_end = i, best_next = -1, best_start = -1, best_seq = 0, best_exact = 0;
		for (int q = 0; q < 2; q++)
			for (int j = 0; seqs[q][j]; j++) {
				int k = i, m = j, run = 0, exact = 0;
				while (k < n && seqs[q][m]) {
					if (!has_letter(t + b[k], e[k] - b[k])) {
						k++;
						continue;
					}
					int mw = motto_word(t + b[k], e[k] - b[k], seqs[q][m]);
					if (!mw)
						break;
					exact += mw == 2;
					k++;
					m++;
					run++;
				}
				/* one slip in three words at most: prose ("được làm") is not the motto */
				if (run > best && exact * 3 >= run * 2) {
					best_exact = exact;
					best = run;
					best_end = k;
					best_start = j;
					best_next = seqs[q][m] ? m : -1;
					best_seq = q;
				}
			}
		int whole = best == letters_words;
		int cont_ok = i == 0 && *cont >= 0 && best >= 1 && best_start == *cont && best_seq == 0;
		if (best >= 3 || (best >= 2 && best_exact == best && (best_start == 0 || whole)) || cont_ok) {
			/* from the motto's first words on, the rest of the line is the motto's column */
			if (best_start == 0 && best_exact >= 2)
				best_end = n;
			for (int k = i; k < best_end; k++)
				drop[k] = 1;
			*found = 1;
			next = best_end == n && best_seq == 0 ? best_next : -1;
			i = best_end;
		} else {
			i++;
		}
	}
	*cont = next;
	sohoa_buf out = {0};
	for (int i = 0; i < n; i++) {
		if (drop[i])
			continue;
		if (out.len)
			sohoa_buf_puts(&out, " ");
		sohoa_buf_append(&out, t + b[i], e[i] - b[i]);
	}
	if (!out.data)
		return sohoa_strdup("");
	return out.data;
}

static int starts_upper(const char *s, size_t n);

static size_t number_label(const char *t);

/* ---- type and title ---- */

/* The type line: a line in capitals that is only a type word, in the first 40 lines. */
static void find_type(const line_key *L, size_t n, doc_meta *dm)
{
	const char *type = NULL;
	size_t type_at = n;
	for (size_t i = 0; i < n && i < 40 && !type; i++) {
		if (!L[i].upper)
			continue;
		char *k = ex_clean(L[i].key, 0, L[i].keylen);
		for (size_t t = 0; k && t < sohoa_ndoctypes; t++) /* core/doctype.c: the type lines */
			if ((sohoa_doctypes[t].flags & SOHOA_DOCTYPE_HEADING) && !strcmp(k, sohoa_doctypes[t].key)) {
				type = sohoa_doctypes[t].name;
				type_at = i;
			}
		free(k);
	}
	dm->type = type;
	dm->type_at = type_at;
}

/* A line that names the body or the official who issues the document ("ỦY BAN NHÂN DÂN THÀNH
 * PHỐ CẦN THƠ", "BỘ TRƯỞNG BỘ Y TẾ" between a decision's title and its grounds). */
static int authority_line(const line_key *l)
{
	if (!l->upper)
		return 0;
	char *w[DOCF_MAXW];
	int n = 0, used = 0, hit = 0;
	if (docf_words(l->text, w, DOCF_MAXW, &n)) {
		hit = docf_head(w, n, &used) >= 0 && used >= 2;
		free(w[0]);
	}
	static const char *const official[] = {"chu tich", "bo truong", "thu tuong", "giam doc", "hieu truong",
					       "truong ban", "cuc truong", "tong cuc truong", "vien truong", NULL};
	return hit || key_starts_any(l, official);
}

/* A line where a title stops: the body's cues, a bullet, a parenthesis, a Roman heading, the
 * authority line, "Kính gửi". */
static int title_stop(const line_key *l)
{
	const char *p = l->text + strspn(l->text, " ");
	if (key_starts_any(l, body_cues) || strchr("-+", p[0]) || l->key[strspn(l->key, " ")] == '(')
		return 1;
	if ((p[0] == 'I' || p[0] == 'V') && strchr(". ", p[strspn(p, "IVX")]) && l->upper)
		return 1;
	return authority_line(l);
}

/* Append line text to the title and cut it at a body cue that reflow ran into it. */
static void title_add(sohoa_buf *title, const char *text)
{
	if (title->len)
		sohoa_buf_puts(title, " ");
	char *c = clean_line(text);
	if (c)
		sohoa_buf_puts(title, c);
	free(c);
}

static void title_cut(sohoa_buf *title)
{
	if (!title->len)
		return;
	char *k = NULL;
	size_t kl = 0, *km = NULL;
	if (!ex_key(title->data, title->len, &k, &kl, &km)) {
		size_t cut = title->len;
		for (size_t i = 1; i < kl; i++)
			for (int c = 0; body_cues[c]; c++)
				if (k[i - 1] == ' ' && ex_word_at(k, kl, i, body_cues[c]) && km[i] < cut &&
				    starts_upper(title->data + km[i], title->len - km[i]))
					cut = km[i]; /* a sentence of the body: "… Căn cứ", not "… thực hiện" */
		while (cut > 0 && title->data[cut - 1] == ' ')
			cut--;
		title->len = cut;
		title->data[cut] = 0;
	}
	free(k);
	free(km);
}

/* The title: the lines under the type line until the body starts (title_stop), or until the
 * case changes (a title in capitals ends where the body's sentence case begins, and the other
 * way round); without a type line, a "V/v" or "Về việc" subject and its lines. */
static void find_title(const line_key *L, size_t n, doc_meta *dm)
{
	sohoa_buf *title = &dm->title;
	size_t from = n;
	if (dm->type) {
		from = dm->type_at + 1;
	} else {
		for (size_t i = 0; i < n && i < 45; i++) {
			if (key_starts(&L[i], "kinh gui"))
				break;
			/* "V/v …", "Về việc …", or "Về …" right under the number */
			if (key_starts(&L[i], "v/v") || key_starts(&L[i], "ve viec") ||
			    (i > 0 && key_starts(&L[i], "ve") && number_label(L[i - 1].text))) {
				from = i;
				dm->vv = 1;
				break;
			}
		}
	}
	int caps = -1;
	for (size_t i = from; i < n && i < from + 7; i++) {
		if (title->len && (title_stop(&L[i]) || key_starts(&L[i], "kinh gui")))
			break;
		if (!title->len && i > from && title_stop(&L[i]))
			break;
		if (strstr(L[i].key, ", ngay ") || key_starts(&L[i], "so"))
			break;
		if (caps >= 0 && L[i].upper != caps && L[i].letters >= 4)
			break;
		if (L[i].letters >= 4 && caps < 0)
			caps = L[i].upper;
		title_add(title, L[i].text);
	}
	title_cut(title);
}

/* ---- number ---- */

/* "Số:" (also read "Sô:", "S6:", "SỐ :") at the start of text t: the offset after the label, or 0. */
static size_t number_label(const char *t)
{
	size_t i = strspn(t, " ");
	if (t[i] != 'S' && t[i] != 's')
		return 0;
	size_t j = i + 1;
	uint32_t cp;
	size_t l = sohoa_utf8_decode(t + j, strlen(t + j), &cp);
	uint32_t b = sohoa_viet_base(cp);
	int exact = b == 'o' || b == 'O';
	if (!exact && cp != '6' && cp != '0')
		return 0;
	j += l;
	size_t k = j + strspn(t + j, " ");
	if (t[k] == ':')
		return k + 1;
	/* "Số 12/QĐ-UBND" without the colon */
	if (exact && t[j] == ' ' && isdigit((unsigned char)t[k]))
		return k;
	return 0;
}

/* A line that may hold a part of the number the label's line left out: digits, or a code
 * starting with '/'. */
static int number_part(const char *t)
{
	t += strspn(t, " ");
	if (*t == '/')
		return 1;
	size_t d = strspn(t, "0123456789 ");
	return d > 0 && t[d] == 0;
}

/* A document code: letters (one capital at least), digits, '-', '/', '.', '&' ("QĐ-UBND",
 * "2021/NĐ-CP", "THPT.PB"). */
static int code_ok(const char *s)
{
	int caps = 0;
	for (size_t i = 0, n = strlen(s); i < n;) {
		uint32_t cp, plain;
		int tone, upper;
		i += sohoa_utf8_decode(s + i, n - i, &cp);
		if (cp < 0x80 && (isdigit((int)cp) || strchr("-/.&", (int)cp)))
			continue;
		if (!sohoa_viet_letter(cp, &plain, &tone, &upper) || tone)
			return 0;
		caps += upper;
	}
	return caps > 0;
}

enum { NUM_NONE, NUM_OK, NUM_BLANK, NUM_UNREADABLE };

/* The number of "Số: 209 /BC-SYT" from s (the text after the label, lines joined): *number
 * ("209/BC-SYT") when its digits are read, *code the part after the first '/' when it reads as a
 * code, *digits the digits' token as printed (for its confidence). NUM_BLANK when the number is
 * not filled in ("Số: /KH-SYT"), NUM_UNREADABLE when its digits are no digits. */
static int parse_number(const char *s, char **number, char **code, char *digits, size_t cap)
{
	*number = *code = NULL;
	digits[0] = 0;
	char buf[256];
	size_t k = 0;
	/* the words that make the number: "209 /BC-SYT" (a word joins while one of the two sides is
	 * a '/' or a '-'), not the place and date a flattened letterhead put after it */
	for (size_t i = 0; s[i] && k + 1 < sizeof buf; i++) {
		if (s[i] == ' ' && k > 0) {
			size_t j = i + strspn(s + i, " ");
			char prev = buf[k - 1];
			int digits_before = 1;
			for (size_t q = 0; q < k; q++)
				digits_before &= buf[q] == ' ' || isdigit((unsigned char)buf[q]);
			if (!(s[j] == '/' || s[j] == '-' || prev == '/' || prev == '-' || digits_before ||
			      (!s[j + strcspn(s + j, " ")] && strspn(s + j, "0123456789") == strcspn(s + j, " "))))
				break;
		}
		buf[k++] = s[i];
	}
	buf[k] = 0;
	/* a lone number after the code: "/KHLT-SGDĐT-TCGD 90" (the digits placed apart) */
	char *t = buf + strspn(buf, " ");
	char trail[32] = "";
	if (*t == '/') {
		char *sp = strrchr(t, ' ');
		if (sp && sp[1] && strspn(sp + 1, "0123456789") == strlen(sp + 1) && strlen(sp + 1) < sizeof trail) {
			snprintf(trail, sizeof trail, "%s", sp + 1);
			*sp = 0;
		}
	}
	/* spaces out: "209 /BC- SYT" */
	k = 0;
	for (size_t i = 0; t[i]; i++)
		if (t[i] != ' ')
			t[k++] = t[i];
	t[k] = 0;
	while (k > 0 && strchr(".,;:", t[k - 1]))
		t[--k] = 0;
	if (!k)
		return NUM_BLANK;
	char *slash = strchr(t, '/');
	if (!slash)
		return strspn(t, "0123456789") == k ? NUM_UNREADABLE : NUM_NONE;
	*slash = 0;
	const char *lead = t, *rest = slash + 1;
	/* "496-TB/TU": the type between the number and the '/' */
	char *dash = strchr(t, '-');
	char pre[64] = "";
	if (dash) {
		snprintf(pre, sizeof pre, "%s", dash);
		*dash = 0;
	}
	if (code_ok(rest))
		*code = sohoa_strdup(rest);
	if (!*lead && trail[0])
		lead = trail;
	if (!*lead)
		return NUM_BLANK;
	snprintf(digits, cap, "%s", lead);
	char d[32];
	if (!docf_digits(lead, strlen(lead), d, sizeof d) || !*code || (pre[0] && !code_ok(pre + 1)))
		return NUM_UNREADABLE;
	size_t need = strlen(d) + strlen(pre) + strlen(rest) + 2;
	*number = malloc(need);
	if (*number)
		snprintf(*number, need, "%s%s/%s", d, pre, rest);
	return *number ? NUM_OK : NUM_NONE;
}

/* The number: a "Số:" line in the first 60 lines, its number on it or on the next lines. */
static void read_number(doc_ctx *dc, doc_meta *dm)
{
	const line_key *L = dc->L;
	for (size_t i = 0; i < dc->n && i < 60; i++) {
		size_t at = number_label(L[i].text);
		if (!at)
			continue;
		sohoa_buf s = {0};
		sohoa_buf_puts(&s, L[i].text + at);
		size_t last = i;
		for (size_t j = i + 1; j < dc->n && j <= i + 2 && (!s.data || !strchr(s.data, '/') ||
								  strspn(s.data, " ") == s.len); j++) {
			if (!number_part(L[j].text))
				break;
			sohoa_buf_puts(&s, " ");
			sohoa_buf_puts(&s, L[j].text);
			last = j;
		}
		char digits[64];
		char *number = NULL, *code = NULL;
		int r = parse_number(s.data ? s.data : "", &number, &code, digits, sizeof digits);
		sohoa_buf_free(&s);
		if (r == NUM_NONE) {
			free(number);
			free(code);
			continue;
		}
		dm->number_seen = 1;
		dm->code = code;
		float conf = r == NUM_OK ? token_conf(dc, i, last, digits) : -1;
		if (r == NUM_OK && conf >= 0 && conf < DIGITS_MIN_CONF) {
			sohoa_log(dc->ctx, SOHOA_LOG_WARN, "%s: documents: number '%s' left out: its digits are not "
				  "read for certain (OCR confidence %.0f)", dc->name, number, conf);
			free(number);
			number = NULL;
		} else if (r == NUM_UNREADABLE) {
			sohoa_log(dc->ctx, SOHOA_LOG_WARN, "%s: documents: number left out: '%s' is not read as digits",
				  dc->name, digits[0] ? digits : L[i].text);
		} else if (r == NUM_BLANK) {
			sohoa_log(dc->ctx, SOHOA_LOG_INFO, "%s: documents: the number is not filled in ('%s')", dc->name,
				  L[i].text);
		}
		dm->number = number;
		return;
	}
}

/* ---- place and date ---- */

/* The skeleton of one word is w ("thang"), or ends with it after digits ("26háng": "hang"). */
static int word_is(const char *s, size_t n, const char *w, size_t *digits)
{
	char sk[32];
	*digits = strspn(s, "0123456789");
	if (*digits > n)
		*digits = n;
	sohoa_gov_skeleton(s + *digits, n - *digits, sk, sizeof sk);
	if (!strcmp(sk, w))
		return 1;
	/* "tháng" with its t lost after digits: "26háng" */
	return *digits && !strcmp(w, "thang") && !strcmp(sk, "hang");
}

/* A date slot's tokens s[b..e): blank (no letter or digit), its digits into out, or unreadable. */
static int slot_digits(const char *s, size_t b, size_t e, char *out, size_t cap)
{
	char t[64];
	size_t k = 0;
	for (size_t i = b; i < e && k + 1 < sizeof t; i++)
		if (s[i] != ' ')
			t[k++] = s[i];
	t[k] = 0;
	while (k && strchr(".,;:", t[k - 1]))
		t[--k] = 0;
	int alnum = 0;
	for (size_t i = 0; i < k; i++)
		alnum |= isalnum((unsigned char)t[i]) || (unsigned char)t[i] >= 0x80;
	if (!alnum)
		return NUM_BLANK;
	return docf_digits(t, k, out, cap) ? NUM_OK : NUM_UNREADABLE;
}

/* "ngày 26 tháng 5 năm 2025" in s from its "ngày" at offset at: the date into iso (ISO), with its
 * day and month tokens as printed into dtok and mtok (for their confidence). NUM_OK, NUM_BLANK (a
 * slot not filled in) or NUM_UNREADABLE. */
static int parse_date(const char *s, size_t at, char iso[11], char *dtok, char *mtok, size_t cap)
{
	size_t b[DOCF_MAXW], e[DOCF_MAXW];
	int n = split_spans(s + at, b, e, DOCF_MAXW);
	for (int i = 0; i < n; i++) {
		b[i] += at;
		e[i] += at;
	}
	int th = -1, nm = -1;
	size_t md = 0, thd = 0;
	for (int i = 1; i < n && th < 0; i++) {
		char sk[16];
		if (word_is(s + b[i], e[i] - b[i], "thang", &thd))
			th = i;
		/* "26 hàng 7": tháng with its t lost, after the day's digits */
		else if (i >= 2 && isdigit((unsigned char)s[e[i - 1] - 1]) &&
			 sohoa_gov_skeleton(s + b[i], e[i] - b[i], sk, sizeof sk) && !strcmp(sk, "hang"))
			th = i;
	}
	for (int i = th + 1; th >= 0 && i < n && nm < 0; i++)
		if (word_is(s + b[i], e[i] - b[i], "nam", &md))
			nm = i;
	if (th < 0 || nm < 0)
		return NUM_NONE;
	/* "năm2025" glued, or the year as the next word */
	char ytok[16] = "";
	size_t ystart = b[nm], yend = e[nm];
	char sk[16];
	sohoa_gov_skeleton(s + ystart, yend - ystart, sk, sizeof sk);
	const char *yp = s + ystart;
	while (yp < s + yend && !isdigit((unsigned char)*yp))
		yp++;
	int next = nm + 1;
	if (yp < s + yend)
		snprintf(ytok, sizeof ytok, "%.*s", (int)(s + yend - yp), yp);
	else if (next < n)
		snprintf(ytok, sizeof ytok, "%.*s", (int)(e[next] - b[next]), s + b[next]), next++;
	size_t yl = strspn(ytok, "0123456789");
	if (yl != 4)
		return NUM_NONE;
	int y = atoi(ytok);
	/* the day: the words between ngày and tháng, and digits glued to tháng ("26háng") */
	char day[16] = "", mon[16] = "";
	int rd, rm;
	if (th > 1 || thd) {
		size_t de = thd ? b[th] + thd : e[th - 1];
		rd = slot_digits(s, e[0], de, day, sizeof day);
		snprintf(dtok, cap, "%.*s", (int)(de - e[0]), s + e[0]);
	} else {
		rd = NUM_BLANK;
		dtok[0] = 0;
	}
	rm = nm > th + 1 ? slot_digits(s, e[th], b[nm], mon, sizeof mon) : NUM_BLANK;
	snprintf(mtok, cap, "%.*s", nm > th + 1 ? (int)(b[nm] - e[th]) : 0, s + e[th]);
	/* a lone number after the year fills the one slot left blank: "tháng năm 2025 10" */
	if (next == n - 1 && strspn(s + b[next], "0123456789") == e[next] - b[next] && e[next] - b[next] <= 2) {
		if (rm == NUM_BLANK && rd == NUM_OK) {
			snprintf(mon, sizeof mon, "%.*s", (int)(e[next] - b[next]), s + b[next]);
			rm = NUM_OK;
		} else if (rd == NUM_BLANK && rm == NUM_OK) {
			snprintf(day, sizeof day, "%.*s", (int)(e[next] - b[next]), s + b[next]);
			rd = NUM_OK;
		}
	}
	if (rd == NUM_UNREADABLE || rm == NUM_UNREADABLE)
		return NUM_UNREADABLE;
	if (rd == NUM_BLANK || rm == NUM_BLANK)
		return NUM_BLANK;
	for (char *p = dtok; *p; p++)
		if (*p == ' ')
			memmove(p, p + 1, strlen(p)), p--;
	for (char *p = mtok; *p; p++)
		if (*p == ' ')
			memmove(p, p + 1, strlen(p)), p--;
	return ex_date_dmy(atoi(day), atoi(mon), y, iso) ? NUM_OK : NUM_UNREADABLE;
}

/* 1 if word s[0..n) starts with a capital. */
static int starts_upper(const char *s, size_t n)
{
	uint32_t cp, plain;
	int tone, upper = 0;
	sohoa_utf8_decode(s, n, &cp);
	return sohoa_viet_letter(cp, &plain, &tone, &upper) && upper;
}

/* The place before the date's "ngày" in t[0..at): the capitalized words just before it (with a
 * unit, "Thành phố", before them), or, when they start the line, the words of the line above
 * (prev, may be NULL) that go with them ("Thành phố Hồ" / "Chí Minh, ngày"). A new string. */
static char *place_before(const char *t, size_t at, const char *prev, size_t *start)
{
	*start = 0;
	sohoa_buf s = {0};
	size_t end = at;
	while (end > 0 && strchr(" ,.", t[end - 1]))
		end--;
	size_t b[DOCF_MAXW], e[DOCF_MAXW];
	char *line = sohoa_strndup(t, end);
	if (!line)
		return NULL;
	int n = split_spans(line, b, e, DOCF_MAXW);
	int first = n;
	while (first > 0 && n - first < 6 && starts_upper(line + b[first - 1], e[first - 1] - b[first - 1]))
		first--;
	/* "Thành phố", "Thị xã" before the name */
	if (first >= 2 && first < n) {
		char two[64];
		snprintf(two, sizeof two, "%.*s", (int)(e[first - 1] - b[first - 2]), line + b[first - 2]);
		if (sohoa_gov_nearest(sohoa_gov_units, two, strlen(two), 1, NULL) >= 0 && starts_upper(two, strlen(two)))
			first -= 2;
	}
	if (first == 0 && prev) {
		size_t pb[DOCF_MAXW], pe[DOCF_MAXW];
		int pn = split_spans(prev, pb, pe, DOCF_MAXW);
		int pf = pn;
		while (pf > 0 && pn - pf < 4) {
			const char *w = prev + pb[pf - 1];
			size_t wl = pe[pf - 1] - pb[pf - 1];
			char sk[16];
			sohoa_gov_skeleton(w, wl, sk, sizeof sk);
			/* "phố" of "Thành phố" */
			if (!starts_upper(w, wl) && !(pf >= 2 && (!strcmp(sk, "pho") || !strcmp(sk, "xa"))))
				break;
			pf--;
		}
		if (pf < pn && pn - pf <= 4 && has_letter(prev, strlen(prev)) && pf == 0) {
			sohoa_buf_append(&s, prev, pe[pn - 1]);
			sohoa_buf_puts(&s, " ");
		}
	}
	if (first < n) {
		sohoa_buf_append(&s, line + b[first], e[n - 1] - b[first]);
		*start = b[first];
	} else {
		*start = end;
	}
	free(line);
	if (!s.data)
		return NULL;
	char *c = clean_line(s.data);
	sohoa_buf_free(&s);
	return c;
}

/* The place-and-date line: ", ngày" (or ". ngày") in the first 60 lines, the date on it or run on
 * to the next line ("ngày 21" / "tháng 11 năm 2025"). */
static void read_date(doc_ctx *dc, doc_meta *dm)
{
	const line_key *L = dc->L;
	for (size_t i = 0; i < dc->n && i < 60; i++) {
		const char *nd = strstr(L[i].key, ", ngay");
		if (!nd)
			nd = strstr(L[i].key, ". ngay");
		size_t ks = strspn(L[i].key, " ");
		int at_start = !nd && ex_word_at(L[i].key, L[i].keylen, ks, "ngay") && i > 0 &&
			       L[i - 1].text[strlen(L[i - 1].text) ? strlen(L[i - 1].text) - 1 : 0] == ',';
		if (!nd && !at_start)
			continue;
		size_t kat = nd ? (size_t)(nd - L[i].key) + 2 : ks;
		size_t tat = L[i].kmap[kat];
		sohoa_buf s = {0};
		sohoa_buf_puts(&s, L[i].text);
		size_t last = i;
		if (i + 1 < dc->n && !strstr(L[i].key + kat, " nam ") && !strstr(L[i].key + kat, " nam2")) {
			sohoa_buf_puts(&s, " ");
			sohoa_buf_puts(&s, L[i + 1].text);
			last = i + 1;
		}
		char iso[11], dtok[64], mtok[64];
		int r = parse_date(s.data, tat, iso, dtok, mtok, sizeof dtok);
		if (r == NUM_NONE) {
			sohoa_buf_free(&s);
			continue;
		}
		size_t pstart = 0;
		char *place = at_start ? place_before(L[i - 1].text, strlen(L[i - 1].text), i > 1 ? L[i - 2].text : NULL, &pstart)
				       : place_before(L[i].text, tat, i > 0 ? L[i - 1].text : NULL, &pstart);
		/* what comes before the place: nothing, the number, or the letterhead in capitals; a
		 * sentence ("… số 30/2020/NĐ-CP, ngày 5 tháng 3 …") cites another document's date */
		const char *lt = at_start ? L[i - 1].text : L[i].text;
		char *pre = sohoa_strndup(lt, pstart);
		int lower = 0;
		if (pre)
			count_case(pre, &lower);
		int ok = pre && (!lower || number_label(pre));
		free(pre);
		if (!ok) {
			free(place);
			sohoa_buf_free(&s);
			continue;
		}
		if (place && *place) {
			dm->place = docf_place(place);
			if (!dm->place)
				sohoa_log(dc->ctx, SOHOA_LOG_WARN, "%s: documents: place '%s' left out: no place reads so",
					  dc->name, place);
		}
		free(place);
		float dc_ = r == NUM_OK ? token_conf(dc, i, last, dtok) : -1;
		float mc = r == NUM_OK ? token_conf(dc, i, last, mtok) : -1;
		if (r == NUM_OK && ((dc_ >= 0 && dc_ < DIGITS_MIN_CONF) || (mc >= 0 && mc < DIGITS_MIN_CONF))) {
			sohoa_log(dc->ctx, SOHOA_LOG_WARN, "%s: documents: date %s left out: its day or month is not "
				  "read for certain (OCR confidence %.0f)", dc->name, iso, dc_ >= 0 && dc_ < mc ? dc_ : mc);
		} else if (r == NUM_OK) {
			snprintf(dm->date, sizeof dm->date, "%s", iso);
		} else if (r == NUM_UNREADABLE) {
			sohoa_log(dc->ctx, SOHOA_LOG_WARN, "%s: documents: date left out: '%s' is not read as a date",
				  dc->name, s.data + tat);
		} else {
			sohoa_log(dc->ctx, SOHOA_LOG_INFO, "%s: documents: the date is not filled in ('%s')", dc->name,
				  s.data + tat);
		}
		sohoa_buf_free(&s);
		return;
	}
}

/* ---- letterhead ---- */

/* The letterhead: the lines in capitals around the number, motto and date lines (or, without
 * them, the first 20 lines before the type line), the motto taken out. Each body starts with a
 * head word (core/govname.h: "ỦY BAN NHÂN DÂN", "SỞ", "TRƯỜNG") and takes the lines under it
 * that start with none ("TỈNH PHÚ THỌ"); a line starting with a dash joins the body above as a
 * co-issuer ("– TẠP CHÍ GIÁO DỤC"). Each body is checked (docf_issuer): NULL where it is no
 * valid name. */
static sohoa_status read_letterhead(doc_ctx *dc, doc_meta *dm)
{
	const line_key *L = dc->L;
	size_t n = dc->n;
	size_t anchor = n, stop = dm->type_at < n ? dm->type_at : n;
	int cont = -1;
	for (size_t i = 0; i < n && i < 60 && anchor == n; i++) {
		int found = 0;
		char *c = motto_cut(L[i].text, &cont, &found);
		free(c);
		if (found || number_label(L[i].text) || strstr(L[i].key, ", ngay"))
			anchor = i;
	}
	size_t from = 0, to = stop < 20 ? stop : 20;
	if (anchor == n) /* no number, motto or date: a letterhead is above the first sentence */
		for (size_t i = 0; i < to; i++)
			if (!L[i].upper && L[i].letters >= 12) {
				to = i;
				break;
			}
	if (anchor < n) {
		from = anchor > 10 ? anchor - 10 : 0;
		to = anchor + 10 < stop ? anchor + 10 : stop;
	}
	/* the words of the caps lines, with the line each starts */
	char *words[DOCF_MAXW * 2];
	int nw = 0, starts[DOCF_MAXW * 2], dashes[DOCF_MAXW * 2];
	char *copies[32];
	int ncopies = 0;
	cont = -1;
	for (size_t i = from; i < to && ncopies < 32; i++) {
		if (i > anchor && (key_starts(&L[i], "v/v") || key_starts(&L[i], "ve viec") ||
				   key_starts(&L[i], "kinh gui") || key_starts_any(&L[i], body_cues)))
			break;
		int found = 0;
		char *c = motto_cut(L[i].text, &cont, &found);
		if (!c)
			return sohoa_error(dc->ctx, SOHOA_ERR_NOMEM, "out of memory");
		int lower = 0, letters = count_case(c, &lower);
		if (number_label(L[i].text) || strstr(L[i].key, ", ngay") || letters < 2 || lower || strpbrk(c, "/:@")) {
			free(c);
			continue;
		}
		copies[ncopies++] = c;
		char *w[DOCF_MAXW];
		int k = 0;
		char *p = c;
		while (*p && k < DOCF_MAXW) {
			while (*p == ' ')
				*p++ = 0;
			if (!*p)
				break;
			w[k++] = p;
			while (*p && *p != ' ')
				p++;
		}
		int dash = 0;
		for (int j = 0; j < k && nw < DOCF_MAXW * 2; j++) {
			if (j == 0 && (!strcmp(w[0], "-") || !strcmp(w[0], "\xe2\x80\x93") || !strcmp(w[0], "\xe2\x80\x94"))) {
				dash = 1;
				continue;
			}
			starts[nw] = j == dash;
			dashes[nw] = j == dash && dash;
			words[nw++] = w[j];
		}
	}
	/* bodies: a head at a line start opens one */
	sohoa_buf body = {0};
	int open = 0, joint = 0, head_end = 0;
	for (int t = 0; t <= nw; t++) {
		int used = 0, h = -1;
		if (t < nw && starts[t] && t >= head_end)
			h = docf_head(words + t, nw - t, &used);
		if (h >= 0)
			head_end = t + used;
		if (t == nw || h >= 0) {
			if (open && body.data) {
				char *v = docf_issuer(body.data);
				if (joint && dm->nhead > 0 && dm->head[dm->nhead - 1] && v) {
					size_t ln = strlen(dm->head[dm->nhead - 1]) + strlen(v) + 8;
					char *j = malloc(ln);
					if (j)
						snprintf(j, ln, "%s \xe2\x80\x93 %s", dm->head[dm->nhead - 1], v);
					free(dm->head[dm->nhead - 1]);
					free(v);
					dm->head[dm->nhead - 1] = j;
				} else if (dm->nhead < 4) {
					if (!v)
						sohoa_log(dc->ctx, SOHOA_LOG_INFO, "%s: documents: letterhead '%s' is no "
							  "issuer's name", dc->name, body.data);
					dm->head[dm->nhead++] = v;
				} else {
					free(v);
				}
			}
			body.len = 0;
			if (body.data)
				body.data[0] = 0;
			open = h >= 0;
			joint = t < nw && dashes[t];
		}
		if (t < nw && open) {
			if (body.len)
				sohoa_buf_puts(&body, " ");
			sohoa_buf_puts(&body, words[t]);
		}
	}
	sohoa_buf_free(&body);
	for (int c = 0; c < ncopies; c++)
		free(copies[c]);
	return SOHOA_OK;
}

/* ---- type by rule ---- */

/* The type from the number's code ("…/QĐ-UBND": Quyết định) when no type line says it; a letter
 * with a "V/v" subject or a number whose code names no type is a Công văn (Decree 30, appendix
 * III: công văn numbers carry only the issuer's and the drafting unit's abbreviations). */
static void type_by_rule(doc_meta *dm)
{
	if (dm->type)
		return;
	if (dm->code) {
		char first[32];
		const char *c = dm->code;
		if (strspn(c, "0123456789") == 4 && c[4] == '/')
			c += 5;
		size_t fl = strcspn(c, "-/");
		snprintf(first, sizeof first, "%.*s", (int)fl, c);
		for (size_t t = 0; t < sohoa_ndoctypes; t++)
			if (sohoa_doctypes[t].name && sohoa_doctypes[t].code[0] && !strcmp(first, sohoa_doctypes[t].code) &&
			    (sohoa_doctypes[t].flags & SOHOA_DOCTYPE_SLOT)) {
				dm->type = sohoa_doctypes[t].name;
				return;
			}
		for (size_t t = 0; t < sohoa_ndoctypes; t++)
			if (sohoa_doctypes[t].code[0] && !strcmp(first, sohoa_doctypes[t].code))
				return; /* a code of no type of its own (an issuer's) */
	}
	if (dm->code || dm->vv)
		dm->type = "Công văn";
}

/* ---- signature ---- */

/* The signature block: a prefix line ("KT. GIÁM ĐỐC") or a short role line ("GIÁM ĐỐC") in
 * capitals after the type line; the last such block with a name under it, else the last block;
 * n when there is none. A role line right under a prefix line belongs to that block. */
static size_t signature_line(const line_key *L, size_t n, size_t type_at)
{
	size_t sig = n, sig_named = n;
	for (size_t i = type_at < n ? type_at + 1 : 0; i < n; i++) {
		if (!L[i].upper || L[i].letters > 40)
			continue;
		int cand = key_starts_any(&L[i], sign_prefix);
		for (int r = 0; role_words[r] && !cand; r++)
			if (key_starts(&L[i], role_words[r]) && L[i].letters <= 16)
				cand = 1;
		if (!cand || (i > 0 && sig < n && i <= sig + 2 && L[i - 1].upper))
			continue;
		sig = i;
		for (size_t j = i + 1; j < n && j < i + 12; j++)
			if (is_name(docf_after_rank(L[j].text))) {
				sig_named = i;
				break;
			}
	}
	return sig_named < n ? sig_named : sig;
}

/* The signer, role and (for "TM. ỦY BAN NHÂN DÂN", signing for the issuer) the body of the
 * signature block at line sig: the last line in capitals under it is the role, the first name the
 * signer. The role must be one of Decree 30's (read by OCR) or Vietnamese words (a text layer);
 * the name a family name and given names, from an OCR line read with confidence. */
static void read_signature(doc_ctx *dc, size_t sig, doc_meta *dm)
{
	const line_key *L = dc->L;
	size_t n = dc->n;
	const char *t = L[sig].text + strspn(L[sig].text, " ");
	const char *dot = strchr(t, '.');
	int prefixed = key_starts_any(&L[sig], sign_prefix);
	char *kt = NULL;
	if (prefixed && dot && key_starts(&L[sig], "tm."))
		dm->sign_org = clean_line(dot + 1);
	if (prefixed && dot && key_starts(&L[sig], "kt."))
		kt = clean_line(dot + 1);
	size_t role_at = n;
	if (!prefixed)
		role_at = sig;
	for (size_t i = sig + 1; i < n && i < sig + 12; i++) {
		if (L[i].upper && L[i].letters <= 40 && !dm->signer) {
			role_at = i;
			continue;
		}
		char *c = clean_line(docf_after_rank(L[i].text));
		if (c && is_name(c)) {
			float conf = line_conf(dc, &L[i]);
			if (conf < 0 || (docf_name(c) && conf >= NAME_MIN_CONF)) {
				dm->signer = c;
			} else {
				sohoa_log(dc->ctx, SOHOA_LOG_WARN, "%s: documents: signer '%s' left out: not read for "
					  "certain (OCR confidence %.0f)", dc->name, c, conf);
				free(c);
			}
			break;
		}
		free(c);
	}
	if (role_at < n) {
		const char *rt = role_at == sig ? t : L[role_at].text;
		int ocr = line_ocr(dc, &L[role_at]);
		dm->role = docf_role(rt, kt);
		if (!dm->role && !ocr) {
			char *c = clean_line(rt);
			char *w[DOCF_MAXW];
			int nw = 0, ok = c != NULL;
			if (c && docf_words(c, w, DOCF_MAXW, &nw)) {
				for (int k = 0; k < nw && ok; k++)
					ok = sohoa_viet_syllable(w[k], strlen(w[k]));
				free(w[0]);
			}
			if (ok)
				dm->role = c;
			else
				free(c);
		}
		if (!dm->role)
			sohoa_log(dc->ctx, SOHOA_LOG_WARN, "%s: documents: signer's role '%s' left out: no role reads so",
				  dc->name, rt);
	}
	free(kt);
}

/* ---- the row ---- */

/* The row: provenance (file, digest, pages), what the document says, and quality (OCR pages,
 * restored lines, mean OCR confidence rounded to 0.01). */
static sohoa_status write_row(sohoa_ctx *ctx, const sohoa_doc *doc, const sohoa_text *text, const doc_meta *dm,
			      const char *sign_issuer, sohoa_buf *out)
{
	const char *issuer = dm->nhead ? dm->head[dm->nhead - 1] : sign_issuer;
	const char *parent_issuer = dm->nhead >= 2 ? dm->head[dm->nhead - 2] : NULL;
	char hex[65] = "";
	if (doc && doc->path && strcmp(doc->path, "-") && sohoa_sha256_file(ctx, doc->path, hex) != SOHOA_OK) {
		hex[0] = 0;
		sohoa_clear_error(ctx);
	}
	int restored = 0;
	for (size_t i = 0; i < text->nlines; i++)
		restored += text->lines[i].restored != 0;
	double conf = 0;
	size_t nconf = 0;
	if (doc)
		for (size_t p = 0; p < doc->npages; p++)
			for (size_t j = 0; j < doc->pages[p].nlines; j++)
				if (doc->pages[p].lines[j].confidence >= 0) {
					conf += doc->pages[p].lines[j].confidence;
					nconf++;
				}
	ex_row row;
	ex_row_begin(&row, out);
	ex_field(&row, text->doc ? text->doc : doc ? doc->name : NULL);
	ex_field(&row, doc ? doc->path : NULL);
	ex_field(&row, hex);
	ex_field_int(&row, doc ? doc->page_count : 0, doc != NULL);
	ex_field(&row, dm->type);
	ex_field(&row, dm->number);
	ex_field(&row, issuer);
	ex_field(&row, parent_issuer);
	ex_field(&row, dm->place);
	ex_field(&row, dm->date);
	ex_field(&row, dm->title.data);
	ex_field(&row, dm->signer);
	ex_field(&row, dm->role);
	ex_field_int(&row, doc ? doc->ocr_pages : 0, doc != NULL);
	ex_field_int(&row, restored, 1);
	ex_field_num(&row, nconf ? (double)(long)(conf / (double)nconf * 100 + 0.5) / 100 : 0, nconf > 0);
	return ex_row_end(&row, ctx);
}

static sohoa_status run(sohoa_ctx *ctx, const sohoa_doc *doc, const sohoa_text *text, sohoa_buf *out)
{
	line_key *L = NULL;
	size_t n = 0;
	sohoa_status st = key_lines(ctx, text, &L, &n);
	if (st == SOHOA_OK) {
		doc_ctx dc = {ctx, doc, text, text->doc ? text->doc : doc && doc->name ? doc->name : "", L, n};
		doc_meta dm = {0};
		find_type(L, n, &dm);
		find_title(L, n, &dm);
		read_number(&dc, &dm);
		read_date(&dc, &dm);
		st = read_letterhead(&dc, &dm);
		type_by_rule(&dm);
		size_t sig = signature_line(L, n, dm.type_at);
		if (st == SOHOA_OK && sig < n)
			read_signature(&dc, sig, &dm);
		char *sign_issuer = dm.sign_org ? docf_issuer(dm.sign_org) : NULL;
		if (st == SOHOA_OK)
			st = write_row(ctx, doc, text, &dm, sign_issuer, out);
		free(sign_issuer);
		meta_free(&dm);
	}
	free_lines(L, n);
	return st;
}

const sohoa_extractor ex_documents = {"documents", columns, run};
