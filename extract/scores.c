/* scores.csv: every score statement — a figure in điểm or %, a rank "thứ 15/16", a change "giảm
 * 01 bậc", a target "đạt từ 75 điểm trở lên" — with the criterion or index it belongs to.
 * Rules are tables of words matched on the statement key (see extract-int.h). This file finds
 * the figures of each statement, makes rows of them and writes scores.csv; scores-int.h names
 * the parts that judge and name them. */
#include "scores-int.h"

#include "../core/array.h"
#include "../core/viet.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const columns[] = {"doc", "page", "line", "section", "subject", "kind", "op", "value", "max",
				      "unit", "percent", "rank", "rank_of", "change", "change_unit", "year",
				      "text", "confidence", NULL};

#define NUM "(\\d+(?:[.,]\\d+)*)"
/* a figure: "8,41/10 điểm", "85,97 điểm", "81,51%", "82,57/100%" */
static const char *const fig_re = "(?<![\\p{L}\\d.,/])" NUM "\\s*(?:/\\s*" NUM ")?\\s*(diem|%)(?![a-z])";
/* a rank: "xếp vị trí thứ 56/63", "xếp hạng 55/63", "đứng thứ 15/16", "đứng thứ 91 trong số 178 nước",
 * "xếp hạng 6 trên 124 quốc gia" */
static const char *const rank_re =
	"\\b(?:xep\\s+(?:o\\s+)?(?:vi\\s+tri\\s+|hang\\s+)?(?:thu\\s+)?|(?:dung\\s+o|dung|dang|o)\\s+(?:thu|vi\\s+tri(?:\\s+thu)?)\\s+|"
	"(?:vi\\s+tri|hang)\\s+thu\\s+)(\\d+)(?:\\s*/\\s*|\\s+(?:trong\\s+(?:tong\\s+)?so|tren(?:\\s+tong\\s+so)?)\\s+)(\\d+)"
	"(?![\\d/,.]*\\s*(?:diem|%))(?![\\d/])";
/* a rank without its total, where the words say among whom or the clause ends with it: "xếp thứ
 * 05 cả nước", "rộng thứ 3 cả nước về …", "…đạt 12,5 điểm, xếp thứ 5;"; a group of the first:
 * "thuộc nhóm 10 địa phương", "là 01 trong 03 Bộ đầu tiên …" (a rank of at most 10, of 3) */
static const char *const rank_bare_re =
	"\\b(?:(?:xep|dung|rong|lon|cao|dong)\\s+(?:o\\s+)?(?:(?:vi\\s+tri|hang)(?:\\s+thu)?|thu)\\s+(\\d+)"
	"(?=\\s+(?:ca nuoc|toan quoc|trong ca nuoc|tren ca nuoc|khu vuc|trong khu vuc|cua ca nuoc|the gioi|tren the gioi|"
	"toan cau|ve)\\b|\\s*(?:[,;)]|\\.(?!\\d)|$))|(?:(?:(?:nam|dung|lot)\\s+)?(?:thuoc|trong|vao)\\s+(?:nhom|top)|(?:la|thuoc)\\s+(?:mot|01|1)\\s+trong"
	"(?:\\s+so)?)\\s+(\\d+)\\s+(?=(?:dia phuong|tinh|don vi|quoc gia|nuoc|bo|nganh|so|co quan)\\b))";
/* the first among all: "dẫn đầu cả nước", "đứng đầu toàn quốc" (a rank of 1) */
static const char *const rank_first_re = "\\b(?:dan|dung)\\s+dau\\s+(?:trong\\s+|tren\\s+)?(?:ca nuoc|toan quoc)\\b";
/* a change: "tăng 0,19 điểm", "giảm 13%", "giảm 01 bậc", "tăng tối thiểu từ 02 bậc" */
static const char *const change_re =
	"\\b(tang|giam)\\s+(?:(?:them|hon|toi thieu|it nhat|khoang|tren|duoc|tu|nhieu nhat|nhieu)\\s+){0,3}" NUM
	"\\s*(diem|%|bac|hang|vi tri)(?![a-z])";

enum { NRES = 5 }; /* the patterns above, in the order collect() reads them */

/* How a row's subject was found (SUBJ_*), and what that adds to the row's confidence. */
static const double subj_conf[] = {1.0, 0.95, 0.95, 0.9, 0.85, 0.8, 0.75};

/* Figures in key order. */
static int cmp_ev(const void *a, const void *b)
{
	const score_ev *x = a, *y = b;
	return x->b < y->b ? -1 : x->b > y->b;
}

/* A range "từ 8,3 - 8,5%", "12 đến 13%": the lower number before a figure's, a figure of its own
 * (range 1) and the figure its upper bound (range 2). Returns the new count (at most cap). */
static size_t add_range_lows(const ex_stmt *st, score_ev *evs, size_t n, size_t cap)
{
	const char *key = st->key;
	size_t n0 = n;
	for (size_t i = 0; i < n0 && n < cap; i++) {
		score_ev *e = &evs[i];
		if (e->kind != EV_FIG || e->has2)
			continue;
		size_t p = e->b, wb;
		while (p > 0 && key[p - 1] == ' ')
			p--;
		if (p > 0 && key[p - 1] == '-')
			p--;
		else if (p >= 3 && !strncmp(key + p - 3, "â", 3)) /* – */
			p -= 3;
		else if (ex_ends_with(key, 0, p, "den", &wb))
			p = wb;
		else
			continue;
		while (p > 0 && key[p - 1] == ' ')
			p--;
		size_t q = p;
		while (q > 0 && (isdigit((unsigned char)key[q - 1]) || strchr(".,", key[q - 1])))
			q--;
		while (q < p && !isdigit((unsigned char)key[q]))
			q++;
		if (q >= p || (q > 0 && key[q - 1] != ' ' && key[q - 1] != '('))
			continue;
		double lo = ex_num_at(key, q);
		if (!(lo < e->v1) || lo <= 0)
			continue;
		score_ev *l = &evs[n++];
		*l = *e;
		l->b = l->nb = q; /* its span reaches the upper bound's end: the words after are the range's */
		l->v1 = lo;
		l->range = 1;
		evs[i].range = 2;
	}
	return n;
}

/* A range whose two bounds carry their unit ("85%-90%", "10 điểm đến 12 điểm"): the first
 * figure becomes the lower bound (range 1, its span reaching the upper's end), the second the
 * upper (range 2), as add_range_lows makes them for "85 - 90%". evs in key order. */
static void join_unit_ranges(const ex_stmt *st, score_ev *evs, size_t n)
{
	const char *key = st->key;
	for (size_t i = 0; i + 1 < n; i++) {
		score_ev *a = &evs[i], *b = &evs[i + 1];
		if (a->kind != EV_FIG || b->kind != EV_FIG || a->has2 || b->has2 || a->range || b->range ||
		    strcmp(a->unit, b->unit) || !(a->v1 < b->v1))
			continue;
		size_t p = ex_skip_sp(key, a->e, b->b);
		if (p < b->b && key[p] == '-')
			p = ex_skip_sp(key, p + 1, b->b);
		else if (ex_word_at(key, b->b, p, "den"))
			p = ex_skip_sp(key, p + 3, b->b);
		else
			continue;
		if (p != b->b)
			continue;
		a->range = 1;
		a->e = b->e;
		b->range = 2;
		i++;
	}
}

/* 1 when an order is named within five words after key offset p of st ("… trong 03 Bộ đầu
 * tiên", "… 10 tỉnh dẫn đầu"): "là một trong N" is then a rank. */
static int first_among(const ex_stmt *st, size_t p)
{
	static const char *const order[] = {"dau tien", "dan dau", "cao nhat", "tot nhat", "hang dau", "som nhat",
					    "nhanh nhat", NULL};
	const char *key = st->key;
	for (int w = 0; w < 5 && p < st->keylen && !strchr(",;:.()", key[p]); w++) {
		p = ex_skip_sp(key, p, st->keylen);
		if (ex_starts_any(key, st->keylen, p, order))
			return 1;
		while (p < st->keylen && key[p] != ' ' && !strchr(",;:.()", key[p]))
			p++;
	}
	return 0;
}

/* 1 when "dẫn đầu cả nước" at key offset b of st names a group rather than the first: "nằm trong
 * nhóm dẫn đầu", "trong số 10 tỉnh, thành phố dẫn đầu", "các tỉnh dẫn đầu" (within eight words
 * before, in its clause; a comma between two unit words does not end it). */
static int first_of_group(const ex_stmt *st, size_t b)
{
	static const char *const group[] = {"nhom", "top", "trong", "cac", "nhung", "mot", NULL};
	const char *key = st->key;
	size_t p = b;
	for (int w = 0; w < 8 && p > 0; w++) {
		while (p > 0 && strchr(" ,", key[p - 1]))
			p--;
		if (p > 0 && strchr(";:.()", key[p - 1]))
			return 0;
		while (p > 0 && key[p - 1] != ' ' && !strchr(",;:.()", key[p - 1]))
			p--;
		if (ex_starts_any(key, st->keylen, p, group))
			return 1;
	}
	return 0;
}

/* Collect the figures of one statement (at most cap, in key order), figures inside a change or
 * rank dropped; res are the compiled fig_re, rank_re, change_re, rank_bare_re, rank_first_re. */
static size_t collect(sohoa_regex *const res[NRES], const ex_stmt *st, score_ev *evs, size_t cap)
{
	size_t n = 0;
	long g[10];
	for (int k = 0; k < NRES; k++) {
		size_t pos = 0;
		while (n < cap && ex_find(res[k], st, pos, g, 5) == 1) {
			score_ev *e = &evs[n];
			memset(e, 0, sizeof *e);
			e->b = (size_t)g[0];
			e->e = (size_t)g[1];
			pos = e->e > e->b ? e->e : e->b + 1;
			if (k == 0) {
				e->kind = EV_FIG;
				e->nb = (size_t)g[2];
				e->v1 = ex_num_at(st->key, (size_t)g[2]);
				if (g[4] >= 0) {
					e->has2 = 1;
					e->v2 = ex_num_at(st->key, (size_t)g[4]);
				}
				snprintf(e->unit, sizeof e->unit, "%s", st->key[g[6]] == '%' ? "%" : "điểm");
			} else if (k == 1) {
				e->kind = EV_RANK;
				e->nb = (size_t)g[2];
				e->v1 = ex_num_at(st->key, (size_t)g[2]);
				e->v2 = ex_num_at(st->key, (size_t)g[4]);
				e->has2 = 1;
				if (e->v1 > e->v2 || e->v2 > 1000) /* not a rank */
					continue;
			} else if (k == 4) {
				e->kind = EV_RANK;
				e->nb = e->b;
				e->v1 = 1;
				if (first_of_group(st, e->b))
					continue;
			} else if (k == 3) {
				e->kind = EV_RANK;
				e->top = g[2] < 0;
				if (e->top && ex_word_at(st->key, st->keylen, e->b, "nam") && !ex_spelled_at(st, e->b, "nằm"))
					e->b = ex_skip_sp(st->key, e->b + 3, st->keylen); /* "Quảng Nam trong nhóm" */
				e->nb = (size_t)(e->top ? g[4] : g[2]);
				e->v1 = ex_num_at(st->key, e->nb);
				if (e->v1 < 1 || e->v1 > 1000)
					continue;
				if (e->top && !memmem(st->key + e->b, e->e - e->b, "nhom", 4) &&
				    !memmem(st->key + e->b, e->e - e->b, "top", 3) && !first_among(st, e->e))
					continue; /* "là 1 trong 8 tỉnh được …": one of a set, in no order */
			} else {
				e->kind = EV_CHANGE;
				e->sign = st->key[g[2]] == 't' ? 1 : -1;
				e->nb = (size_t)g[4];
				e->v1 = ex_num_at(st->key, (size_t)g[4]);
				const char *u = st->key + g[6];
				snprintf(e->unit, sizeof e->unit, "%s",
					 *u == '%' ? "%" : !strncmp(u, "diem", 4) ? "điểm" : !strncmp(u, "bac", 3) ? "bậc"
											      : !strncmp(u, "hang", 4) ? "hạng" : "vị trí");
			}
			n++;
		}
	}
	n = add_range_lows(st, evs, n, cap);
	qsort(evs, n, sizeof *evs, cmp_ev);
	join_unit_ranges(st, evs, n);
	/* a figure inside a change ("tăng 0,19 điểm") belongs to the change */
	size_t w = 0;
	for (size_t i = 0; i < n; i++) {
		int inside = 0;
		for (size_t j = 0; j < n; j++)
			if (j != i && evs[j].kind != EV_FIG && evs[i].kind == EV_FIG && evs[i].b >= evs[j].b &&
			    evs[i].b < evs[j].e)
				inside = 1;
		if (!inside)
			evs[w++] = evs[i];
	}
	return w;
}

static int only_punct(const char *key, size_t b, size_t e)
{
	for (size_t i = b; i < e; i++)
		if (!strchr(" ,;", key[i]))
			return 0;
	return 1;
}

static int family(const char *unit)
{
	return (!strcmp(unit, "điểm") || !strcmp(unit, "%")) ? 0 : 1;
}

/* 1 when change e of st names what it changes after its figure ("giảm 50% số ca mắc"): a
 * measurement of its own, not the change of the value before it. */
static int change_names_own(const ex_stmt *st, const score_ev *e)
{
	size_t ab, ae;
	score_subject_after(st->key, st->keylen, e->e, &ab, &ae);
	/* mid-sentence such a phrase starts in lower case ("SỐ Vụ năm 2023" is a garbled "so với") */
	if (ae <= ab || !score_np_ok(st, ab, ae))
		return 0;
	uint32_t cp;
	size_t t = st->kmap[ab];
	sohoa_utf8_decode(st->text + t, st->len - t, &cp);
	return islower((int)sohoa_viet_base(cp));
}

/* Event e as a later part of the row before it in the same sentence ("…được 5/6,5 điểm, đạt
 * 76,92%; giảm 13% …"): a percent after "đạt" right after a score, or a change close after it —
 * right after a value (only punctuation between, no reference after the value like "% kế hoạch",
 * no subject of its own after the change) or after a rank. Returns 1 when e went into last. */
static int merge_into_last(const ex_stmt *st, const score_ev *e, score_row *last)
{
	const char *key = st->key;
	size_t gap_b = last->end, gap_e = e->b;
	int short_gap = gap_e >= gap_b && gap_e - gap_b <= 14;
	if (e->kind == EV_FIG && !e->has2 && !strcmp(e->unit, "%") && !strcmp(last->unit, "điểm") &&
	    !last->has_percent && short_gap && ex_has_any(key, gap_b, gap_e, (const char *const[]){"dat", NULL})) {
		last->percent = e->v1;
		last->has_percent = 1;
		last->end = e->e;
		return 1;
	}
	int after_value = !last->has_rank && only_punct(key, gap_b, gap_e) && last->subj_src != SUBJ_RATIO &&
			  !change_names_own(st, e);
	if (e->kind == EV_CHANGE && !last->has_change &&
	    ((last->has_rank && family(e->unit) == 1) || after_value) && gap_e - gap_b <= 40 &&
	    !memchr(key + gap_b, ':', gap_e - gap_b)) {
		last->change = e->sign * e->v1;
		last->has_change = 1;
		snprintf(last->change_unit, sizeof last->change_unit, "%s", e->unit);
		last->end = e->e;
		return 1;
	}
	return 0;
}

/* The figures of r from its event: a value (and maximum) in điểm or %, a rank, or a change. */
static void fill_figures(score_row *r, const score_ev *e)
{
	if (e->kind == EV_FIG) {
		r->value = e->v1;
		r->has_value = 1;
		if (e->has2) {
			r->max = e->v2;
			r->has_max = 1;
		}
		snprintf(r->unit, sizeof r->unit, "%s", e->unit);
	} else if (e->kind == EV_RANK) {
		r->kind = "rank";
		r->has_rank = 1;
		r->rank = (long)e->v1;
		r->rank_of = (long)e->v2;
	} else {
		r->kind = "change";
		r->change = e->sign * e->v1;
		r->has_change = 1;
		snprintf(r->change_unit, sizeof r->change_unit, "%s", e->unit);
		r->has_rank = family(e->unit);
	}
}

/* "giảm ít nhất 30% thời gian …, 30% chi phí …": a bare figure after a comma that repeats the
 * change of the row before for a second subject (read after the figure). Returns 1 when r was
 * made so. */
static int repeats_change(const ex_stmt *st, const score_ev *e, const score_row *last, size_t sstart, score_row *r)
{
	const char *key = st->key;
	size_t kl = st->keylen;
	if (e->kind != EV_FIG || !last || last->has_value || !last->has_change || e->has2 ||
	    strcmp(e->unit, last->change_unit) || ex_sentence_start(key, last->at) != sstart ||
	    !memchr(key + last->end, ',', e->b - last->end) ||
	    ex_has_any(key, last->end, e->b,
		    (const char *const[]){"dat", "duoc", "la", "tang", "giam", "bang", "chiem", "cao hon", "thap hon", "so voi",
					  NULL}) ||
	    memchr(key + last->end, '(', e->b - last->end))
		return 0;
	r->kind = last->kind;
	r->change = (last->change < 0 ? -1 : 1) * e->v1;
	r->has_change = 1;
	snprintf(r->change_unit, sizeof r->change_unit, "%s", e->unit);
	size_t ab, ae;
	score_subject_after(st->key, kl, e->e, &ab, &ae);
	if (ae > ab && score_np_ok(st, ab, ae)) {
		r->subject = score_span_text(st, ab, ae, 0);
		r->measured = r->subject ? sohoa_strdup(r->subject) : NULL;
		r->subj_src = SUBJ_AFTER;
	}
	r->cue = last->cue;
	r->op = last->op;
	r->year = last->year;
	return 1;
}

/* 1 when percentage e of st is by how much a result passes its reference: "vượt" right before
 * it, the reference right after ("vượt 10,22% so dự toán", "vượt 5% kế hoạch"). */
static int passes_reference(const ex_stmt *st, const score_ev *e)
{
	static const char *const refs[] = {"so voi", "so", "du toan", "ke hoach", "cung ky", NULL};
	const char *key = st->key;
	size_t p = e->b, wb;
	while (p > 0 && key[p - 1] == ' ')
		p--;
	return e->kind == EV_FIG && !strcmp(e->unit, "%") && !e->has2 && !e->range && ex_ends_with(key, 0, p, "vuot", &wb) &&
	       ex_starts_any(key, st->keylen, ex_skip_sp(key, e->e, st->keylen), refs);
}

/* "giải ngân tăng 20 - 30% so với năm 2009": a change (or a rise, "tăng" before a figure) names
 * what it is compared with; row r's subject gets "so với" and that reference, up to the clause's
 * end (at most eight words), unless it has one or names a period of its own. 0 when out of
 * memory. */
static int compared_with(const ex_stmt *st, const score_ev *e, score_row *r)
{
	const char *key = st->key;
	size_t kl = st->keylen, p = e->nb, wb;
	while (p > 0 && !isspace((unsigned char)key[p - 1]))
		p--;
	while (p > 0 && key[p - 1] == ' ')
		p--;
	int change = e->kind == EV_CHANGE ||
		     (e->kind == EV_FIG && (ex_ends_with(key, 0, p, "tang", &wb) || ex_ends_with(key, 0, p, "giam", &wb)));
	size_t a = ex_skip_sp(key, e->e, kl);
	if (!change || !ex_word_at(key, kl, a, "so voi") || strstr(r->subject, "so với") || strstr(r->subject, "năm ") ||
	    strstr(r->subject, "tháng") || strstr(r->subject, "quý") || strstr(r->subject, "Quý"))
		return 1; /* a subject with its own period ("Chỉ số PCI năm 2024") says what is compared */
	size_t rb = ex_skip_sp(key, a + 6, kl), re = rb;
	while (re < kl && !strchr(",;:.()", key[re]))
		re++;
	while (re > rb && key[re - 1] == ' ')
		re--;
	if (re <= rb || ex_words_in(key, rb, re) > 8 || isdigit((unsigned char)key[rb]))
		return 1; /* "so với 2,4 nghìn tỷ USD": an amount, no indicator */
	char *ref = score_span_text(st, rb, re, 0);
	char *s = ref ? score_join3(r->subject, " so với ", ref) : NULL;
	free(ref);
	if (!s)
		return 0;
	free(r->subject);
	r->subject = s;
	return 1;
}

/* Make row r's subject a noun phrase (score_subject_fix); 0 when it cannot be, its strings freed. */
static int subject_fixed(score_row *r)
{
	char *s = score_subject_fix(r->subject);
	free(r->subject);
	r->subject = s;
	if (!s) {
		free(r->measured);
		r->measured = NULL;
	}
	return s != NULL;
}

/* Build the rows of statement si from its figures evs (dt: the type of the document). Returns
 * how many, at most cap; rows whose subject is no noun phrase, and norms, are left out. */
static size_t rows_of(const ex_doc *ed, size_t si, const score_doctype *dt, const score_ev *evs, size_t nev,
		      score_row *rows, size_t cap)
{
	const ex_stmt *st = &ed->stmts[si];
	const char *key = st->key;
	size_t n = 0;
	for (size_t i = 0; i < nev && n < cap; i++) {
		const score_ev *e = &evs[i];
		score_row *last = n > 0 ? &rows[n - 1] : NULL; /* rows of one statement stay linked across clauses */
		size_t cstart = ex_clause_start(key, st->title_key, e->b);
		size_t sstart = ex_sentence_start(key, e->b);
		if (sstart < st->title_key)
			sstart = st->title_key;
		int same_sentence = last && last->sstart == sstart;
		if (same_sentence && merge_into_last(st, e, last))
			continue;
		score_row *r = &rows[n];
		memset(r, 0, sizeof *r);
		r->stmt = si;
		r->at = e->nb;
		r->end = e->e;
		r->sstart = sstart;
		r->kind = "score";
		if (repeats_change(st, e, last, sstart, r)) {
			if (subject_fixed(r))
				n++;
			continue;
		}
		fill_figures(r, e);
		if (e->range == 2 && same_sentence && last && last->range == 1 && last->subject) {
			/* the upper bound of a range: the lower's row, bounded from above */
			r->subject = sohoa_strdup(last->subject);
			r->measured = last->measured ? sohoa_strdup(last->measured) : NULL;
			r->subj_src = last->subj_src;
			r->kind = last->kind;
			r->cue = last->cue;
			r->year = last->year;
			r->op = "<=";
			r->range = 2;
			n++;
			continue;
		}
		if (!score_subject_of(ed, si, e, last, same_sentence, cstart, sstart, r)) {
			free(r->measured);
			r->measured = NULL;
			continue; /* no noun phrase names what the figure measures */
		}
		if (!subject_fixed(r))
			continue; /* a clause or markup, not a noun phrase */
		if (!compared_with(st, e, r)) {
			free(r->subject);
			free(r->measured);
			continue; /* out of memory */
		}
		if (!score_classify(ed, si, dt, e, cstart, sstart, r)) {
			free(r->subject);
			free(r->measured);
			continue; /* a norm of a decree or circular */
		}
		if (e->kind == EV_RANK && e->top)
			r->op = "<=";
		if (e->range == 1) {
			r->op = ">=";
			r->range = 1;
		}
		int sign;
		size_t wb, we;
		if (!strcmp(r->kind, "score") && passes_reference(st, e)) { /* the result's excess, not its level */
			r->kind = "change";
			r->op = "=";
			r->change = e->v1;
			r->has_change = 1;
			r->has_value = 0;
			r->unit[0] = 0;
			snprintf(r->change_unit, sizeof r->change_unit, "%%");
		}
		if (score_rate_of_change(st, cstart, e, &sign, &wb, &we)) { /* "mức tăng cả nước là 9,2%" */
			r->kind = "change";
			r->change = sign * e->v1;
			r->has_change = 1;
			r->has_value = 0;
			r->unit[0] = 0;
			snprintf(r->change_unit, sizeof r->change_unit, "%%");
		}
		n++;
	}
	return n;
}

/* The row's confidence: how its subject was found, whether its kind was read from its words,
 * and a long subject. */
static double confidence(const score_row *r)
{
	double c = subj_conf[r->subj_src];
	if (!r->cue)
		c *= 0.85;
	size_t words = 0;
	for (const char *p = r->subject; p && *p; p++)
		words += *p == ' ';
	if (words > 30)
		c *= 0.9;
	return c;
}

static sohoa_status write_row(sohoa_ctx *ctx, const ex_doc *ed, const score_row *r, sohoa_buf *out)
{
	const ex_stmt *st = &ed->stmts[r->stmt];
	int page, line;
	char *sentence = ex_figure_context(ed, st, r->at, r->end, ",./", &page, &line);
	if (!isdigit((unsigned char)st->key[r->at])) { /* "dẫn đầu cả nước": located by its words */
		char needle[64];
		snprintf(needle, sizeof needle, "%.*s", (int)(st->kmap[r->end] - st->kmap[r->at]), st->text + st->kmap[r->at]);
		ex_locate(ed, st, st->kmap[r->at], needle, &page, &line);
	}
	char conf[16];
	snprintf(conf, sizeof conf, "%.2f", confidence(r));
	ex_score_out o = {
		.page = page, .line = line, .section = st->section, .subject = r->subject, .kind = r->kind,
		.op = r->op, .unit = r->unit, .change_unit = r->has_change ? r->change_unit : NULL,
		.text = sentence, .confidence = conf, .value = r->value, .max = r->max,
		.percent = r->percent, .change = r->change, .has_value = r->has_value,
		.has_max = r->has_max, .has_percent = r->has_percent, .has_change = r->has_change,
		.rank = r->has_rank ? r->rank : 0, .rank_of = r->has_rank ? r->rank_of : 0, .year = r->year,
	};
	sohoa_status st_write = ex_score_write(ctx, ed, &o, out);
	free(sentence);
	return st_write;
}

sohoa_status ex_score_write(sohoa_ctx *ctx, const ex_doc *ed, const ex_score_out *r, sohoa_buf *out)
{
	ex_row w;
	ex_row_begin(&w, out);
	ex_field(&w, ed->name);
	ex_field_int(&w, r->page, 1);
	ex_field_int(&w, r->line, 1);
	ex_field(&w, r->section);
	ex_field(&w, r->subject);
	ex_field(&w, r->kind);
	ex_field(&w, r->op);
	ex_field_num(&w, r->value, r->has_value);
	ex_field_num(&w, r->max, r->has_max);
	ex_field(&w, r->unit);
	ex_field_num(&w, r->percent, r->has_percent);
	ex_field_int(&w, r->rank, r->rank > 0);
	ex_field_int(&w, r->rank_of, r->rank_of > 0);
	ex_field_num(&w, r->change, r->has_change);
	ex_field(&w, r->change_unit);
	ex_field_int(&w, r->year, r->year > 0);
	ex_field(&w, r->text);
	ex_field(&w, r->confidence);
	return ex_row_end(&w, ctx);
}

/* Append the score of row r (statement s) to *list. */
static sohoa_status add_score(sohoa_ctx *ctx, const ex_doc *ed, size_t s, const score_row *r, ex_score **list,
			      size_t *n, size_t *cap)
{
	if (SOHOA_GROW(*list, *n + 1, *cap))
		return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
	ex_score *sc = &(*list)[(*n)++];
	sc->stmt = s;
	snprintf(sc->section, sizeof sc->section, "%s", ed->stmts[s].section);
	sc->value = r->value;
	sc->max = r->max;
	sc->has_value = 1;
	sc->has_max = r->has_max;
	snprintf(sc->unit, sizeof sc->unit, "%s", r->unit);
	return SOHOA_OK;
}

sohoa_status ex_scores_collect(sohoa_ctx *ctx, const ex_doc *ed, sohoa_buf *out, ex_score **list, size_t *nlist)
{
	return ex_scores_collect_with(ctx, ed, NULL, out, list, nlist);
}

sohoa_status ex_scores_collect_with(sohoa_ctx *ctx, const ex_doc *ed, const ex_scheme_set *given, sohoa_buf *out,
				    ex_score **list, size_t *nlist)
{
	if (list) {
		*list = NULL;
		*nlist = 0;
	}
	sohoa_regex *res[NRES] = {ex_regex(ctx, fig_re), ex_regex(ctx, rank_re), ex_regex(ctx, change_re),
				  ex_regex(ctx, rank_bare_re), ex_regex(ctx, rank_first_re)};
	sohoa_status st = SOHOA_OK;
	score_ev *evs = NULL;
	score_row *rows = NULL;
	size_t lcap = 0;
	if (!res[0] || !res[1] || !res[2] || !res[3] || !res[4]) {
		st = ctx->status;
		goto done;
	}
	enum { CAP = 256 };
	evs = malloc(CAP * sizeof *evs);
	rows = malloc(CAP * sizeof *rows);
	if (!evs || !rows) {
		st = sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
		goto done;
	}
	score_doctype dt;
	score_doctype_of(ed, &dt);
	ex_scheme_set own = {0};
	if (!given && (st = ex_schemes_collect(ctx, ed, &own)) != SOHOA_OK)
		goto done;
	const ex_scheme_set *sch = given ? given : &own;
	ex_ltables *lt = NULL;
	if ((st = ex_ltables_read(ctx, ed, &lt)) != SOHOA_OK)
		goto done_tables;
	for (size_t s = 0; s < ed->nstmts && st == SOHOA_OK; s++) {
		if (!strpbrk(ed->stmts[s].key, "0123456789") && !strstr(ed->stmts[s].key, "dau ca nuoc") &&
		    !strstr(ed->stmts[s].key, "dau toan quoc"))
			continue; /* no figure, no first place */
		size_t nev = collect(res, &ed->stmts[s], evs, CAP), kept = 0;
		for (size_t i = 0; i < nev; i++)
			if (!score_not_a_fact(ed, s, &evs[i], sch) && !ex_ltables_owns(lt, ed, s, evs[i].nb) &&
			    !ex_shares_owns(ed, s, evs[i].nb))
				evs[kept++] = evs[i];
		nev = kept;
		size_t nr = rows_of(ed, s, &dt, evs, nev, rows, CAP);
		for (size_t i = 0; i < nr && st == SOHOA_OK; i++) {
			if (out)
				st = write_row(ctx, ed, &rows[i], out);
			if (list && rows[i].has_value && st == SOHOA_OK)
				st = add_score(ctx, ed, s, &rows[i], list, nlist, &lcap);
		}
		for (size_t i = 0; i < nr; i++) {
			free(rows[i].subject);
			free(rows[i].measured);
		}
		if (out && st == SOHOA_OK)
			st = ex_shares_scores(ctx, ed, s, out);
	}
	if (out && st == SOHOA_OK)
		st = ex_ltables_scores(ctx, ed, lt, out);
done_tables:
	ex_ltables_free(lt);
	ex_schemes_free(&own);
done:
	free(evs);
	free(rows);
	for (int k = 0; k < NRES; k++)
		sohoa_regex_free(res[k]);
	return st;
}

static sohoa_status scores(sohoa_ctx *ctx, const ex_doc *ed, sohoa_buf *out)
{
	return ex_scores_collect(ctx, ed, out, NULL, NULL);
}

static sohoa_status run(sohoa_ctx *ctx, const sohoa_doc *doc, const sohoa_text *text, sohoa_buf *out)
{
	return ex_over_stmts(ctx, doc, text, out, scores);
}

const sohoa_extractor ex_scores = {"scores", columns, run};
