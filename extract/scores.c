/* scores.csv: every score statement — a figure in điểm or %, a rank "thứ 15/16", a change "giảm
 * 01 bậc", a target "đạt từ 75 điểm trở lên" — with the criterion or index it belongs to.
 * Rules are tables of words matched on the statement key (see extract-int.h). */
#include "extract-int.h"

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
/* a rank: "xếp vị trí thứ 56/63", "xếp hạng 55/63", "đứng thứ 15/16" */
static const char *const rank_re =
	"\\b(?:xep\\s+(?:vi\\s+tri\\s+|hang\\s+)?(?:thu\\s+)?|(?:dung|dang|o)\\s+(?:thu|vi\\s+tri(?:\\s+thu)?)\\s+|"
	"(?:vi\\s+tri|hang)\\s+thu\\s+)(\\d+)\\s*/\\s*(\\d+)(?![\\d/,.]*\\s*(?:diem|%))(?![\\d/])";
/* a change: "tăng 0,19 điểm", "giảm 13%", "giảm 01 bậc", "tăng tối thiểu từ 02 bậc" */
static const char *const change_re =
	"\\b(tang|giam)\\s+(?:(?:them|hon|toi thieu|it nhat|khoang|tren|duoc|tu|nhieu nhat|nhieu)\\s+){0,3}" NUM
	"\\s*(diem|%|bac|hang|vi tri)(?![a-z])";

/* Words before a figure that make it a target. */
static const char *const target_cues[] = {"phan dau", "muc tieu", "chi tieu", "it nhat", "toi thieu",
					  "tro len", "dat tu", "khong duoi", "khong thap hon", "dam bao",
					  "bao dam", "toi da", "khong qua", NULL};
/* Words that make a figure in a plan a reported result rather than a target. */
static const char *const result_cues[] = {"theo ket qua", "ket qua:", "da dat", "da duoc", NULL};
/* Type lines of documents whose figures are targets unless they report a result. */
static const char *const plan_types[] = {"ke hoach", "chuong trinh", "de an", "phuong an", NULL};
/* Type lines of documents that report results. */
static const char *const report_types[] = {"bao cao", NULL};
/* Type lines of normative documents: their figures are norms (rates, caps, thresholds) unless
 * the words make them a goal or a result. */
static const char *const normative_types[] = {"nghi dinh", "thong tu", "luat", "phap lenh", "quy che", NULL};
/* Words of a goal or a reported result (in normative documents). */
static const char *const goal_words[] = {"phan dau", "muc tieu", "chi tieu", "da dat", "dat duoc", "uoc dat",
					 "ket qua", "cung ky", NULL};
/* Words trimmed from the end of a subject (verbs and comparison words before the figure). */
static const char *const subject_tail[] = {
	"duoc danh gia", "dat duoc", "chi dat", "dat tu", "duoc", "dat", "la", "bang", "chiem", "voi", "tren",
	"duoi", "hon", "it nhat", "toi thieu", "toi da", "khong qua", "khong duoi", "khoang",
	"xep vi tri thu", "xep vi tri", "xep hang thu", "xep hang", "xep thu", "dung thu", "dung vi tri thu",
	"dung vi tri", "vi tri thu", "xep", "tang", "giam", "co gang",
	"phan dau", "dam bao", "bao dam", "diem so", "so diem", "moi", "chua", "nhieu nhat", "co", "uoc", "xuong",
	"con thap", "con cao", "con han che", "thap", "con o muc", "o muc", "con", NULL};
/* Words trimmed from the start of a subject. */
static const char *const subject_head[] = {"tro len", "tro xuong", "so voi", "ket qua", "trong do", "va", "gom", "phan dau", "muc tieu",
					   "cu the", "dong thoi", "theo do", "trong", "dam bao", "bao dam", "dac biet",
					   "tap trung", "tiep tuc", "day manh", "tang cuong", "no luc", "quyet tam",
					   "khan truong", NULL};
/* Words that end a subject read after the figure ("100% thủ tục hành chính được công bố"). */
static const char *const after_stop[] = {"duoc", "dat", "so voi", "tro len", "tro xuong", "va", "de",
					 "theo", "tai", "trong", "nam", "do", NULL};

typedef enum { EV_FIG, EV_RANK, EV_CHANGE } ev_kind;
typedef struct ev {
	ev_kind kind;
	size_t b, e;       /* key span of the whole match */
	size_t nb;         /* key offset of the (first) number */
	double v1, v2;
	int has2;
	char unit[16];
	int sign;          /* change: +1 / -1 */
} ev;

typedef struct row {
	size_t stmt;
	size_t at, end;    /* key offsets: the figure, and the end of the row's last part */
	char *subject;     /* owned */
	char *measured;    /* owned: what the figure measures, without its reference */
	int subj_src;      /* how the subject was found (SUBJ_*) */
	int cue;           /* the kind was read from the words (not from the document's type) */
	size_t sstart;     /* key offset where the row's sentence starts */
	const char *kind;
	const char *op;
	double value, max, percent, change;
	int has_value, has_max, has_percent, has_change, has_rank;
	long rank, rank_of;
	char unit[16], change_unit[16];
	int year;
} row;

static int cmp_ev(const void *a, const void *b)
{
	const ev *x = a, *y = b;
	return x->b < y->b ? -1 : x->b > y->b;
}

static double num_at(const char *key, size_t at)
{
	double v = 0;
	size_t used = 0;
	ex_parse_number(key + at, strlen(key + at), &v, &used);
	return v;
}

/* 1 if key[b..e) ends with word w (at a word boundary); sets *wb to where it starts. */
static int ends_with_word(const char *key, size_t b, size_t e, const char *w, size_t *wb)
{
	size_t wl = strlen(w);
	if (e < b + wl)
		return 0;
	size_t s = e - wl;
	if (strncmp(key + s, w, wl))
		return 0;
	if (s > b && isalnum((unsigned char)key[s - 1]))
		return 0;
	*wb = s;
	return 1;
}

static void skip_spaces_back(const char *key, size_t b, size_t *e)
{
	while (*e > b && strchr(" ,-\t.", key[*e - 1]))
		(*e)--;
}

static void trim_subject(const char *key, size_t *b, size_t *e)
{
	int changed = 1;
	while (changed && *e > *b) {
		changed = 0;
		skip_spaces_back(key, *b, e);
		for (int i = 0; subject_tail[i]; i++) {
			size_t wb;
			if (ends_with_word(key, *b, *e, subject_tail[i], &wb)) {
				*e = wb;
				changed = 1;
				break;
			}
		}
	}
	changed = 1;
	while (changed && *b < *e) {
		changed = 0;
		while (*b < *e && strchr(" ,-:+\t", key[*b]))
			(*b)++;
		if (*b + 3 <= *e && !strncmp(key + *b, "\xE2\x80\x9C", 3))
			*b += 3; /* an opening quote */
		for (int i = 0; subject_head[i]; i++)
			if (ex_word_at(key, *e, *b, subject_head[i])) {
				*b += strlen(subject_head[i]);
				changed = 1;
				break;
			}
		/* "năm 2025" at the start (after "Phấn đấu") */
		if (ex_word_at(key, *e, *b, "nam") && *b + 9 <= *e && isdigit((unsigned char)key[*b + 4]) &&
		    isdigit((unsigned char)key[*b + 7]) && !isdigit((unsigned char)key[*b + 8])) {
			*b += 8;
			changed = 1;
		}
	}
	skip_spaces_back(key, *b, e);
	/* an unclosed "(" at the end or start */
	if (*e > *b && key[*e - 1] == '(')
		(*e)--;
	skip_spaces_back(key, *b, e);
}

static int starts_any(const char *key, size_t keylen, size_t at, const char *const *ws)
{
	for (int i = 0; ws[i]; i++)
		if (ex_word_at(key, keylen, at, ws[i]))
			return 1;
	return 0;
}

static int has_cue(const char *key, size_t b, size_t e, const char *const *cues)
{
	for (size_t i = b; i < e; i++)
		for (int c = 0; cues[c]; c++)
			if (ex_word_at(key, e, i, cues[c]))
				return 1;
	return 0;
}

/* A target cue not negated ("chưa đảm bảo" is no target). */
static int has_target_cue(const char *key, size_t b, size_t e)
{
	for (size_t i = b; i < e; i++)
		for (int c = 0; target_cues[c]; c++) {
			if (!ex_word_at(key, e, i, target_cues[c]) ||
			    (i >= b + 5 && (!strncmp(key + i - 5, "chua ", 5) || (i >= b + 6 && !strncmp(key + i - 6, "khong ", 6)))))
				continue;
			/* "bằng 115,1% mục tiêu …", "so với mục tiêu", "vượt mục tiêu": a reference, not a goal */
			if (!strcmp(target_cues[c], "muc tieu") || !strcmp(target_cues[c], "chi tieu")) {
				size_t p = i, wb;
				while (p > b && key[p - 1] == ' ')
					p--;
				if ((p > b && key[p - 1] == '%') || ends_with_word(key, b, p, "so voi", &wb) ||
				    ends_with_word(key, b, p, "vuot", &wb) || ends_with_word(key, b, p, "dat", &wb))
					continue;
			}
			return 1;
		}
	return 0;
}

/* The year a figure is about: "năm 2024" before it in its sentence, not "so với năm 2023". */
static int year_before(const char *key, size_t b, size_t at)
{
	int year = 0;
	for (size_t i = b; i + 8 <= at; i++) {
		if (!ex_word_at(key, at, i, "nam"))
			continue;
		int y = 0, n = 0;
		if (sscanf(key + i + 4, "%4d%n", &y, &n) == 1 && n == 4 && y >= 1990 && y <= 2100 &&
		    !isdigit((unsigned char)key[i + 8])) {
			size_t p = i, lb = i > b + 20 ? i - 20 : b;
			while (p > b && key[p - 1] == ' ')
				p--;
			if ((p >= b + 6 && !strncmp(key + p - 6, "so voi", 6)) || memmem(key + lb, i - lb, "so voi ", 7))
				continue; /* "so với (cuối) năm 2024": the base of a comparison */
			year = y;
		}
	}
	return year;
}

/* The bound the words before and after a figure set: "ít nhất", "tối thiểu", "tối đa", "không
 * quá" anywhere in its clause; "trên", "dưới", "hơn", "vượt", "≥", "≤" right before it (through
 * other such words: "đạt trên 90%"); "trở lên", "trở xuống" right after. */
static const char *op_for(const char *key, size_t keylen, size_t b, size_t at, size_t end)
{
	const char *op = "=";
	size_t cb = ex_clause_start(key, b, at);
	for (size_t i = cb; i < at; i++) {
		if (ex_word_at(key, at, i, "it nhat") || ex_word_at(key, at, i, "toi thieu") ||
		    ex_word_at(key, at, i, "khong duoi") || ex_word_at(key, at, i, "khong thap hon"))
			op = ">=";
		else if (ex_word_at(key, at, i, "toi da") || ex_word_at(key, at, i, "khong qua") ||
			 ex_word_at(key, at, i, "khong vuot qua"))
			op = "<=";
	}
	/* the words adjacent to the figure */
	size_t e = at, wb;
	for (int guard = 0; guard < 6; guard++) {
		while (e > cb && strchr(" (", key[e - 1]))
			e--;
		if (e >= cb + 3 && !strncmp(key + e - 3, "\xE2\x89\xA5", 3)) { /* ≥ */
			op = ">=";
			e -= 3;
		} else if (e >= cb + 3 && !strncmp(key + e - 3, "\xE2\x89\xA4", 3)) { /* ≤ */
			op = "<=";
			e -= 3;
		} else if (ends_with_word(key, cb, e, "tren", &wb) || ends_with_word(key, cb, e, "hon", &wb) ||
			   ends_with_word(key, cb, e, "vuot", &wb)) {
			op = ">";
			e = wb;
		} else if (ends_with_word(key, cb, e, "duoi", &wb)) {
			op = "<";
			e = wb;
		} else if (ends_with_word(key, cb, e, "it nhat", &wb) || ends_with_word(key, cb, e, "toi thieu", &wb) ||
			   ends_with_word(key, cb, e, "toi da", &wb) || ends_with_word(key, cb, e, "khong qua", &wb) ||
			   ends_with_word(key, cb, e, "tu", &wb) || ends_with_word(key, cb, e, "dat", &wb) ||
			   ends_with_word(key, cb, e, "khoang", &wb) || ends_with_word(key, cb, e, "xuong", &wb) ||
			   ends_with_word(key, cb, e, "o muc", &wb)) {
			e = wb;
		} else
			break;
	}
	size_t a = end;
	while (a < keylen && key[a] == ' ')
		a++;
	if (ex_word_at(key, keylen, a, "tro len"))
		op = ">=";
	else if (ex_word_at(key, keylen, a, "tro xuong"))
		op = "<=";
	return op;
}

/* Subject read after the figure, up to a stop word or punctuation (at most 8 words). */
static void subject_after(const char *key, size_t keylen, size_t from, size_t *b, size_t *e)
{
	size_t i = from;
	while (i < keylen && key[i] == ' ')
		i++;
	*b = *e = i;
	/* a quoted name: “Số lượng dịch vụ công …/Tổng số …” is the subject, without its quotes */
	if (i + 3 <= keylen && !strncmp(key + i, "\xE2\x80\x9C", 3)) {
		const char *close = strstr(key + i + 3, "\xE2\x80\x9D");
		if (close && (size_t)(close - key) - i < 400) {
			*b = i + 3;
			*e = (size_t)(close - key);
			return;
		}
	}
	int words = 0;
	while (i < keylen && words < 12) {
		if (strchr(",;:.()", key[i]))
			break;
		int stop = 0;
		for (int s = 0; after_stop[s]; s++)
			if (ex_word_at(key, keylen, i, after_stop[s]))
				stop = 1;
		if (stop)
			break;
		while (i < keylen && key[i] != ' ' && !strchr(",;:()", key[i]) &&
		       !(key[i] == '.' && (i + 1 >= keylen || key[i + 1] == ' ')))
			i++;
		*e = i;
		words++;
		while (i < keylen && key[i] == ' ')
			i++;
	}
}

/* Collect the events of one statement, figures inside a change or rank dropped. */
static size_t collect(sohoa_regex *const res[3], const ex_stmt *st, ev *evs, size_t cap)
{
	size_t n = 0;
	long g[10];
	for (int k = 0; k < 3; k++) {
		size_t pos = 0;
		while (n < cap && ex_find(res[k], st, pos, g, 5) == 1) {
			ev *e = &evs[n];
			memset(e, 0, sizeof *e);
			e->b = (size_t)g[0];
			e->e = (size_t)g[1];
			pos = e->e > e->b ? e->e : e->b + 1;
			if (k == 0) {
				e->kind = EV_FIG;
				e->nb = (size_t)g[2];
				e->v1 = num_at(st->key, (size_t)g[2]);
				if (g[4] >= 0) {
					e->has2 = 1;
					e->v2 = num_at(st->key, (size_t)g[4]);
				}
				snprintf(e->unit, sizeof e->unit, "%s", st->key[g[6]] == '%' ? "%" : "điểm");
			} else if (k == 1) {
				e->kind = EV_RANK;
				e->nb = (size_t)g[2];
				e->v1 = num_at(st->key, (size_t)g[2]);
				e->v2 = num_at(st->key, (size_t)g[4]);
				e->has2 = 1;
				if (e->v1 > e->v2 || e->v2 > 1000) /* not a rank */
					continue;
			} else {
				e->kind = EV_CHANGE;
				e->sign = st->key[g[2]] == 't' ? 1 : -1;
				e->nb = (size_t)g[4];
				e->v1 = num_at(st->key, (size_t)g[4]);
				const char *u = st->key + g[6];
				snprintf(e->unit, sizeof e->unit, "%s",
					 *u == '%' ? "%" : !strncmp(u, "diem", 4) ? "điểm" : !strncmp(u, "bac", 3) ? "bậc"
											      : !strncmp(u, "hang", 4) ? "hạng" : "vị trí");
			}
			n++;
		}
	}
	qsort(evs, n, sizeof *evs, cmp_ev);
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

/* Event e as a later part of the row before it in the same sentence ("…được 5/6,5 điểm, đạt
 * 76,92%; giảm 13% …"): a percent after "đạt" right after a score, or a change close after it.
 * Returns 1 when e went into last. */
static int merge_into_last(const char *key, const ev *e, row *last)
{
	size_t gap_b = last->end, gap_e = e->b;
	int short_gap = gap_e >= gap_b && gap_e - gap_b <= 14;
	if (e->kind == EV_FIG && !e->has2 && !strcmp(e->unit, "%") && !strcmp(last->unit, "điểm") &&
	    !last->has_percent && short_gap && has_cue(key, gap_b, gap_e, (const char *const[]){"dat", NULL})) {
		last->percent = e->v1;
		last->has_percent = 1;
		last->end = e->e;
		return 1;
	}
	if (e->kind == EV_CHANGE && !last->has_change &&
	    (family(e->unit) == (last->has_rank ? 1 : 0) || only_punct(key, gap_b, gap_e)) && gap_e - gap_b <= 40 &&
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
static void fill_figures(row *r, const ev *e)
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

/* Where a clause's subject starts when the row before ended inside it: past that row's comma. */
static size_t after_last_row(const char *key, const row *last, size_t b, size_t e)
{
	if (last && last->end > b && last->end <= e) {
		const char *c = memchr(key + last->end, ',', e - last->end);
		return c ? (size_t)(c - key) + 1 : last->end;
	}
	return b;
}

/* Where the words of a sentence start in key[sb..b): past bullets and list numbers ("- ", "(7) ",
 * "2. ", "a) "). */
static size_t list_start(const char *key, size_t sb, size_t b)
{
	size_t i = sb;
	for (int round = 0; round < 3; round++) {
		while (i < b && strchr(" -+*", key[i]))
			i++;
		size_t j = i;
		if (j < b && key[j] == '(')
			j++;
		size_t d = j;
		while (d < b && (isdigit((unsigned char)key[d]) || (d - j < 2 && isalpha((unsigned char)key[d]) && d + 1 < b &&
								      key[d + 1] == ')')))
			d++;
		if (d > j && d < b && strchr(".)", key[d]) && d + 1 < b && key[d + 1] == ' ')
			i = d + 1;
		else
			break;
	}
	while (i < b && key[i] == ' ')
		i++;
	return i;
}

/* ---- subjects ---- */

static size_t skip_sp(const char *key, size_t p, size_t e)
{
	while (p < e && key[p] == ' ')
		p++;
	return p;
}

/* Digits at key offset p (before e): how many. */
static size_t ndigits(const char *key, size_t p, size_t e)
{
	size_t n = 0;
	while (p + n < e && isdigit((unsigned char)key[p + n]))
		n++;
	return n;
}

/* A year "2025" at p (four digits, 1990-2100, not part of a longer number): its end, else 0. */
static size_t year_end(const char *key, size_t p, size_t e)
{
	if (ndigits(key, p, e) != 4)
		return 0;
	int y = atoi(key + p);
	return y >= 1990 && y <= 2100 ? p + 4 : 0;
}

/* The end of a word w at p, else 0. */
static size_t word_end(const char *key, size_t p, size_t e, const char *w)
{
	return ex_word_at(key, e, p, w) ? p + strlen(w) : 0;
}

/* The end of a time anchor at p: "năm 2025", "giai đoạn 2026 - 2030", "lũy kế 10 tháng đầu năm",
 * "10 tháng đầu năm", "ngày 31 tháng 10 năm 2025", "quý III năm 2025", "đầu năm", "nay"; with_year
 * keeps only those that name a year or now. 0 when none. */
static size_t anchor_end(const char *key, size_t p, size_t e, int with_year, int after_prep)
{
	size_t q, r;
	if ((q = word_end(key, p, e, "nam")) && (r = year_end(key, skip_sp(key, q, e), e)))
		return r;
	if ((q = word_end(key, p, e, "giai doan")) && (r = year_end(key, skip_sp(key, q, e), e))) {
		size_t s = skip_sp(key, r, e);
		if (s < e && key[s] == '-' && (q = year_end(key, skip_sp(key, s + 1, e), e)))
			return q;
		return r;
	}
	if ((q = word_end(key, p, e, "ngay")) && ndigits(key, skip_sp(key, q, e), e)) {
		/* "ngày 31 tháng 10 năm 2025", "ngày 31/10/2025" */
		size_t s = skip_sp(key, q, e);
		s += ndigits(key, s, e);
		if (s < e && key[s] == '/') {
			s++;
			s += ndigits(key, s, e);
			if (s < e && key[s] == '/' && (r = year_end(key, s + 1, e)))
				return r;
			return 0;
		}
		s = skip_sp(key, s, e);
		if ((q = word_end(key, s, e, "thang")) && ndigits(key, skip_sp(key, q, e), e)) {
			s = skip_sp(key, q, e);
			s += ndigits(key, s, e);
			size_t t = skip_sp(key, s, e);
			if ((q = word_end(key, t, e, "nam")) && (r = year_end(key, skip_sp(key, q, e), e)))
				return r;
			return with_year ? 0 : s;
		}
		return 0;
	}
	if ((q = word_end(key, p, e, "quy")) && skip_sp(key, q, e) < e) {
		size_t s = skip_sp(key, q, e), t = s;
		while (t < e && (strchr("ivx", key[t]) || isdigit((unsigned char)key[t])))
			t++;
		if (t == s || (t < e && isalpha((unsigned char)key[t])))
			return 0;
		size_t u = skip_sp(key, t, e);
		if ((q = word_end(key, u, e, "nam")) && (r = year_end(key, skip_sp(key, q, e), e)))
			return r;
		return with_year ? 0 : t;
	}
	if ((q = word_end(key, p, e, "dau nam")) || (q = word_end(key, p, e, "cuoi nam"))) {
		if ((r = year_end(key, skip_sp(key, q, e), e)))
			return r;
		return with_year ? 0 : q;
	}
	if (after_prep && (q = word_end(key, p, e, "nay")))
		return q;
	if ((q = word_end(key, p, e, "hien nay")))
		return q;
	if (with_year)
		return 0;
	size_t s = p;
	if ((q = word_end(key, p, e, "luy ke")))
		s = skip_sp(key, q, e);
	size_t d = ndigits(key, s, e);
	if (d && d <= 2 && (q = word_end(key, skip_sp(key, s + d, e), e, "thang"))) {
		size_t t = skip_sp(key, q, e);
		if ((r = word_end(key, t, e, "dau nam")) || (r = word_end(key, t, e, "nam")))
			q = r;
		t = skip_sp(key, q, e);
		if ((r = year_end(key, t, e)))
			q = r;
		return q;
	}
	return s > p ? s - 1 : 0; /* "lũy kế" alone */
}

/* Key bytes of a time expression at key offset i (before e), with its preposition: "đến năm
 * 2025", "từ năm 2025 trở đi", "trong giai đoạn 2026 - 2030", "tính đến hết ngày 31 tháng 10 năm
 * 2025", "lũy kế 10 tháng đầu năm", "đến nay"; 0 when none. with_year: only those naming a year. */
static size_t time_at(const char *key, size_t i, size_t e, int with_year)
{
	static const char *const preps[] = {"tinh den het", "tinh den", "den het", "den", "tu", "trong", "vao",
					    "sau", "ke tu", NULL};
	size_t p = i;
	int prep = 0;
	for (int k = 0; preps[k]; k++)
		if (ex_word_at(key, e, p, preps[k])) {
			p = skip_sp(key, p + strlen(preps[k]), e);
			prep = 1;
			break;
		}
	if (with_year && !prep)
		return 0; /* "Chỉ số PAR INDEX năm 2024" keeps its year; "… vào năm 2025" goes */
	size_t q = anchor_end(key, p, e, with_year, prep);
	if (!q)
		return 0;
	size_t t = skip_sp(key, q, e);
	if ((p = word_end(key, t, e, "tro di")))
		q = p;
	return q - i;
}

/* Trim time expressions from the start ("Đến năm 2025 đạt …") and, naming a year, from the end
 * ("… ít nhất vào năm 2025") of key[*b..*e). */
static void trim_time(const char *key, size_t *b, size_t *e)
{
	size_t n;
	while (*b < *e && (n = time_at(key, *b, *e, 0))) {
		*b += n;
		while (*b < *e && strchr(" ,", key[*b]))
			(*b)++;
	}
	for (size_t i = *b; i < *e; i++) {
		if (i > *b && key[i - 1] != ' ')
			continue;
		n = time_at(key, i, *e, 1);
		if (n && skip_sp(key, i + n, *e) >= *e) {
			*e = i;
			while (*e > *b && strchr(" ,", key[*e - 1]))
				(*e)--;
			return;
		}
	}
}

/* Words a subject never starts with (as spelled: "cộng", not "công"): prepositions,
 * conjunctions, verbs, comparison words. */
static const char *const not_np_start[] = {
	"của", "và", "hoặc", "hay", "cộng", "trừ", "x", "nếu", "thì", "so với", "cao hơn", "thấp hơn", "đạt", "được",
	"là", "bằng", "vượt", "còn", "xuống", "lên", "hơn", "gần", "khoảng", "ít nhất", "không", "chưa", "đã",
	"sẽ", "đang", "có thể", "mà", "nên", "vì", "mỗi", "gồm", "bao gồm", "trong đó", "đồng thời", "nhưng",
	"cũng", "ra", "trở lên", "trở xuống", NULL};
/* Prepositions and the like: a short phrase they open is a fragment ("vào năm 2025", "đến nay"). */
static const char *const weak_np_start[] = {"vào", "đến", "từ", "trong", "với", "khi", "do", "như", "trên", "dưới",
					    "tới", "nhiều", "nhằm", "để", "tại", "theo", "sau", "trước", "riêng",
					    "ở", NULL};

/* 1 when key[b..e) reads as a noun phrase: it does not start with a function word or verb
 * (not_np_start), and it has two words, or one of two capitals or more ("CCVC"). */
static int np_ok(const ex_stmt *st, size_t b, size_t e)
{
	const char *key = st->key;
	while (b < e && strchr(" ,;:-+(\"", key[b]))
		b++;
	if (b >= e)
		return 0;
	size_t words = 0, letters = 0;
	for (size_t i = b; i < e; i++) {
		if (isalpha((unsigned char)key[i]) || (unsigned char)key[i] >= 0x80)
			letters++;
		if (isalnum((unsigned char)key[i]) && (i == b || !isalnum((unsigned char)key[i - 1])))
			words++;
	}
	for (int i = 0; not_np_start[i]; i++)
		if (ex_spelled_at(st, b, not_np_start[i]))
			return 0;
	if (time_at(key, b, e, 0))
		return 0; /* "năm 2025 và hai con số" */
	/* a preposition may open a long phrase a misread word begins ("từ lò hồ sơ TTHC …" for "tỷ lệ") */
	for (int i = 0; weak_np_start[i]; i++)
		if (words <= 4 && ex_spelled_at(st, b, weak_np_start[i]))
			return 0;
	if (letters < 2)
		return 0;
	/* words of Vietnamese (or acronyms, numbers): not an English translation, not OCR debris */
	size_t viet = 0, all = 0;
	for (size_t i = st->kmap[b]; i < st->kmap[e];) {
		while (i < st->kmap[e] && strchr(" ,;:()/-\"", st->text[i]))
			i++;
		size_t j = i;
		while (j < st->kmap[e] && !strchr(" ,;:()/-\"", st->text[j]))
			j++;
		if (j > i) {
			all++;
			int caps = 1;
			for (size_t k = i; k < j; k++)
				caps &= !islower((unsigned char)st->text[k]);
			viet += sohoa_viet_syllable(st->text + i, j - i) || caps;
		}
		i = j;
	}
	int marked = 0; /* text that lost its marks fails the syllable rules ("tac"): not checked */
	for (size_t i = 0; i < st->len && !marked; i++)
		marked = (unsigned char)st->text[i] >= 0x80;
	if (marked && all && viet * 4 < all * 3)
		return 0;
	if (words >= 2)
		return 1;
	int caps = 0;
	for (size_t i = st->kmap[b]; i < st->kmap[e]; i++)
		caps += isupper((unsigned char)st->text[i]) != 0;
	return caps >= 2;
}

/* Text of statement st between key offsets b and e, spaces collapsed, parenthetical asides
 * ("(bao gồm người được ủy quyền nhận thay)") left out when drop_parens; NULL when empty. */
static char *span_text(const ex_stmt *st, size_t b, size_t e, int drop_parens)
{
	if (e > st->keylen)
		e = st->keylen;
	if (b >= e)
		return NULL;
	sohoa_buf o = {0};
	size_t i = b;
	while (i < e) {
		if (drop_parens && st->key[i] == '(') {
			const char *c = memchr(st->key + i, ')', e - i);
			if (c) {
				i = (size_t)(c - st->key) + 1;
				continue;
			}
		}
		size_t j = i + 1;
		while (j < e && !(drop_parens && st->key[j] == '('))
			j++;
		if (sohoa_buf_append(&o, st->text + st->kmap[i], st->kmap[j] - st->kmap[i]))
			break;
		i = j;
	}
	char *raw = sohoa_buf_steal(&o);
	if (!raw)
		return NULL;
	size_t tb = 0, te = strlen(raw);
	ex_trim(raw, &tb, &te, ",;:-.+");
	char *s = ex_clean(raw, tb, te);
	free(raw);
	if (s) { /* "X , Y" left by an aside */
		size_t w = 0;
		for (size_t r = 0; s[r]; r++)
			if (!(s[r] == ' ' && (s[r + 1] == ',' || s[r + 1] == ';')))
				s[w++] = s[r];
		s[w] = 0;
	}
	if (s && !*s) {
		free(s);
		return NULL;
	}
	return s;
}

static char *join3(const char *a, const char *sep, const char *b)
{
	size_t n = strlen(a) + strlen(sep) + strlen(b) + 1;
	char *s = malloc(n);
	if (s)
		snprintf(s, n, "%s%s%s", a, sep, b);
	return s;
}

/* Words that end a subject read after a figure over a whole clause ("100% người hưởng trợ cấp …
 * mở tài khoản để nhận …"): time, comparison and purpose. */
static const char *const clause_stop[] = {"vao nam", "den nam", "tu nam", "trong nam", "trong giai doan", "giai doan",
					  "so voi", "truoc ngay", "chac chan", "nham", "theo", "tro len", "tro xuong", NULL};
/* Verbs after a comma that start another predicate ("…, tăng 84% …"). */
static const char *const predicate_verbs[] = {"dat", "tang", "giam", "bang", "vuot", "cao hon", "thap hon", "xep",
					      "dung thu", "chiem", "trong do", "uoc dat", NULL};

/* Verbs that open another task after "và" ("… lý lịch cán bộ và đảm bảo đồng bộ dữ liệu …"). */
static const char *const action_verbs[] = {"dam bao", "bao dam", "thuc hien", "trien khai", "hoan thanh", "nang cao",
					   "day manh", "tang cuong", "to chuc", "xay dung", "phan dau", "tiep tuc",
					   "don gian hoa", "cat giam", NULL};

/* The noun phrase and its predicate after a figure: up to the clause's end, a time or purpose
 * phrase, or a comma before another predicate; asides in parentheses are skipped. Sets the key
 * span; *quoted when it is a quoted name. */
static void clause_after(const ex_stmt *st, size_t from, size_t *b, size_t *e, int *quoted)
{
	const char *key = st->key;
	size_t kl = st->keylen, i = skip_sp(key, from, kl);
	*b = *e = i;
	*quoted = 0;
	if (i + 3 <= kl && !strncmp(key + i, "\xE2\x80\x9C", 3)) {
		const char *close = strstr(key + i + 3, "\xE2\x80\x9D");
		if (close && (size_t)(close - key) - i < 400) {
			*b = i + 3;
			*e = (size_t)(close - key);
			*quoted = 1;
			return;
		}
	}
	if (i < kl && key[i] == ',')
		return; /* "… Chlorine 70%, máy phun …": nothing follows the figure in its phrase */
	int words = 0, verb = 0;
	while (i < kl && words < 35) {
		char c = key[i];
		if (c == ';' || c == ':' || c == ')' || (c == '.' && ex_sentence_dot(key, kl, i)) || (c == ',' && verb))
			break;
		if (c == '(') {
			const char *close = memchr(key + i, ')', kl - i);
			if (!close)
				break;
			i = (size_t)(close - key) + 1;
			continue;
		}
		if (c == ',') {
			size_t j = skip_sp(key, i + 1, kl);
			int stop = isdigit((unsigned char)key[j]); /* "…, 30% chi phí …": the next figure's */
			for (int v = 0; predicate_verbs[v]; v++)
				stop |= ex_word_at(key, kl, j, predicate_verbs[v]);
			if (stop)
				break;
			i++;
			continue;
		}
		if (c == ' ') {
			i++;
			continue;
		}
		int stop = 0;
		for (int s = 0; clause_stop[s]; s++)
			stop |= ex_word_at(key, kl, i, clause_stop[s]);
		if (ex_word_at(key, kl, i, "va")) { /* "… và tăng thêm ít nhất 10% …": another predicate */
			size_t j = skip_sp(key, i + 2, kl);
			for (int v = 0; predicate_verbs[v]; v++)
				stop |= ex_word_at(key, kl, j, predicate_verbs[v]);
			for (int v = 0; action_verbs[v]; v++)
				stop |= ex_word_at(key, kl, j, action_verbs[v]);
		}
		/* "để" (in order to), not "đề" (đề án) */
		if (ex_word_at(key, kl, i, "de") && ex_spelled_at(st, i, "để"))
			stop = 1;
		if (stop)
			break;
		/* a predicate: the next comma ends the subject ("… được điểm tối đa, công tác tham mưu …") */
		static const char *const verbs[] = {"được", "có", "đã", "là", NULL};
		for (int v = 0; verbs[v] && words > 0; v++)
			verb |= ex_spelled_at(st, i, verbs[v]);
		while (i < kl && !strchr(" ,;:()", key[i]) && !(key[i] == '.' && ex_sentence_dot(key, kl, i)))
			i++;
		*e = i;
		words++;
	}
}

/* Words after a percentage that make it a ratio to a reference: "đạt 88,9% mục tiêu tăng trưởng",
 * "bằng 117,6% dự toán Trung ương giao", "đạt 71% so với mục tiêu năm 2025". */
static const char *const reference_words[] = {"so voi", "muc tieu", "ke hoach", "du toan", "chi tieu",
					      "cung ky", "binh quan", NULL};

/* Verbs that end a measured phrase before its figure ("Tổng thu ngân sách 10 tháng ước đạt …"). */
static const char *const measure_verbs[] = {"uoc dat", "dat", "bang", "chiem", "vuot", "la", NULL};

/* The measured phrase of key[b..e) (a clause before a figure): the words before its first
 * predicate verb when an amount follows that verb ("thu hút vốn DDI ước đạt 61,3 nghìn tỷ đồng,
 * cao hơn gần gấp 3 lần so với cùng kỳ, đạt"), else all of it. */
static void measured_part(const char *key, size_t b, size_t *e)
{
	/* a figure between the first predicate verb and the end: cut there */
	for (size_t i = b; i < *e; i++)
		for (int v = 0; measure_verbs[v]; v++)
			if (ex_word_at(key, *e, i, measure_verbs[v]) && i > b && key[i - 1] == ' ') {
				size_t j = i + strlen(measure_verbs[v]);
				j = skip_sp(key, j, *e);
				if (j < *e && isdigit((unsigned char)key[j])) {
					*e = i;
					return;
				}
			}
}

/* Labels that name no indicator ("Kết quả:", "Trong đó:"). */
static const char *const generic_labels[] = {"ket qua", "trong do", "cu the", "noi dung", "ghi chu", "muc tieu",
					     "chi tieu", "cac tieu chi", "tieu chi", NULL};

/* The noun phrase a sentence starts with ("Hoạt động du lịch với nhiều sản phẩm …"): its words
 * up to a relation word, verb or punctuation, when two or more. Key span in *b, *e. */
static int sentence_np(const ex_stmt *st, size_t sb, size_t limit, size_t *b, size_t *e)
{
	static const char *const stops[] = {"voi", "cua", "trong", "tai", "dat", "tang", "giam", "duoc", "la", "co",
					    "da", "dang", "van", "tiep tuc", "theo", NULL};
	const char *key = st->key;
	size_t i = sb;
	while (i < limit && strchr(" -+*", key[i]))
		i++;
	*b = i;
	*e = i;
	int words = 0;
	while (i < limit && !strchr(",;:.(", key[i])) {
		int stop = 0;
		for (int s = 0; stops[s]; s++)
			stop |= ex_word_at(key, limit, i, stops[s]);
		if (stop || isdigit((unsigned char)key[i]))
			break;
		while (i < limit && !strchr(" ,;:.(", key[i]))
			i++;
		*e = i;
		words++;
		i = skip_sp(key, i, limit);
	}
	if (i < limit && key[i] == ':' && starts_any(key, limit, *b, generic_labels))
		return 0; /* "Kết quả:", "Trong đó:" label what follows */
	return words >= 2 && np_ok(st, *b, *e);
}

/* How a row's subject was found, and what that adds to the row's confidence. */
enum { SUBJ_OWN, SUBJ_AFTER, SUBJ_RATIO, SUBJ_LAST, SUBJ_SENTENCE, SUBJ_CELL, SUBJ_HEADING };
static const double subj_conf[] = {1.0, 0.95, 0.95, 0.9, 0.85, 0.8, 0.75};

/* Verbs right before a figure (after "ít nhất", "trên", "từ" …) that make the words before it
 * the subject: "Tỷ lệ … đạt 40%", "Kinh tế số chiếm 45%", "… xuống dưới 30%". */
static const char *const copulas[] = {"dat", "duoc", "la", "bang", "chiem", "xuong", "con", "len", "vuot",
				      "tang", "giam", "o muc", "dat muc", "co", NULL};
/* Qualifiers between such a verb and its figure. */
static const char *const qualifiers[] = {"it nhat", "toi thieu", "toi da", "tren", "duoi", "tu", "hon", "khoang",
					 "gan", "khong duoi", "khong qua", "khong thap hon", "thu", "ty le", "muc",
					 "dat tu", NULL};

/* 1 when a copula comes right before key offset at (qualifiers skipped). */
static int copula_before(const char *key, size_t b, size_t at)
{
	size_t e = at, wb;
	int changed = 1;
	while (changed) {
		changed = 0;
		while (e > b && strchr(" (", key[e - 1]))
			e--;
		for (int q = 0; qualifiers[q]; q++)
			if (ends_with_word(key, b, e, qualifiers[q], &wb)) {
				e = wb;
				changed = 1;
				break;
			}
	}
	for (int v = 0; copulas[v]; v++)
		if (ends_with_word(key, b, e, copulas[v], &wb))
			return 1;
	return 0;
}

static size_t words_of(const char *key, size_t b, size_t e)
{
	size_t n = 0;
	for (size_t i = b; i < e; i++)
		n += isalnum((unsigned char)key[i]) && (i == b || !isalnum((unsigned char)key[i - 1]));
	return n;
}

/* 1 when a qualifier, a colon or a dash links the words before key offset at to its figure
 * ("… tối thiểu 2%", "Tỷ lệ hộ nghèo: 2,5%"). */
static int linked(const char *key, size_t b, size_t at)
{
	size_t e = at, wb;
	while (e > b && key[e - 1] == ' ')
		e--;
	if (e > b && strchr(":-=(", key[e - 1]))
		return 1;
	for (int q = 0; qualifiers[q]; q++)
		if (ends_with_word(key, b, e, qualifiers[q], &wb))
			return 1;
	return 0;
}

/* Trim a subject span: verbs and cue words (trim_subject), time expressions, list numbers. */
static void trim_all(const char *key, size_t *b, size_t *e)
{
	/* "Vận hành …, đảm bảo tỷ lệ kết nối … đạt 100%": the goal starts after its verb */
	static const char *const goal_verbs[] = {"dam bao", "bao dam", "phan dau", "co gang", NULL};
	for (size_t i = *b + 1; i < *e; i++)
		if (key[i - 1] == ' ' && i >= *b + 2 && key[i - 2] == ',' && starts_any(key, *e, i, goal_verbs))
			*b = i;
	for (int round = 0; round < 3; round++) {
		trim_subject(key, b, e);
		trim_time(key, b, e);
		/* "(1)", "1.", "-" list numbers */
		size_t i = *b;
		while (i < *e && strchr(" -+*", key[i]))
			i++;
		if (i < *e && key[i] == '(' && ndigits(key, i + 1, *e) && key[i + 1 + ndigits(key, i + 1, *e)] == ')')
			i += 2 + ndigits(key, i + 1, *e);
		*b = i;
		/* a span of numbers alone ("2025" left of "Năm 2025") names nothing */
		int letters = 0;
		for (size_t k = *b; k < *e && !letters; k++)
			letters = isalpha((unsigned char)key[k]) || (unsigned char)key[k] >= 0x80;
		if (!letters)
			*b = *e;
		/* "Tăng tỷ lệ …", "Giảm tỷ trọng …", "Có tỷ lệ …": the verb of a target before its indicator */
		static const char *const verbs[] = {"tang", "giam", "nang", "ha", "co", NULL};
		static const char *const measures[] = {"ty le", "ti le", "ty trong", "ti trong", "so luong", "muc", NULL};
		for (int v = 0; verbs[v]; v++)
			if (ex_word_at(key, *e, *b, verbs[v]) &&
			    starts_any(key, *e, skip_sp(key, *b + strlen(verbs[v]), *e), measures))
				*b = skip_sp(key, *b + strlen(verbs[v]), *e);
	}
}

static void set_subject(row *r, char *subject, char *measured, int src)
{
	free(r->subject);
	free(r->measured);
	r->subject = subject;
	r->measured = measured;
	r->subj_src = src;
}

/* The subject of a row without one of its own: the criterion of the nearest heading at or above
 * statement si (not a letter heading), "về" aside ("Kết quả: được 4,44/7,5 điểm"). */
static char *heading_subject(const ex_doc *ed, size_t si)
{
	for (size_t h = si + 1; h-- > 0;)
		if (ed->stmts[h].heading && !islower((unsigned char)ed->stmts[h].id[0])) {
			const ex_stmt *hs = &ed->stmts[h];
			size_t hb = hs->title_key, he = hb;
			while (he < hs->keylen && !strchr(":;", hs->key[he]) && !ex_sentence_dot(hs->key, hs->keylen, he))
				he++;
			trim_subject(hs->key, &hb, &he);
			if (ex_word_at(hs->key, he, hb, "ve"))
				hb += 3;
			return np_ok(hs, hb, he) ? span_text(hs, hb, he, 0) : NULL;
		}
	return NULL;
}

/* The subject of a table cell that holds a figure alone ("100%" under "Kết quả"): the nearest
 * cell before it that names an indicator ("Tỉ lệ dịch vụ công trực tuyến toàn trình …"), unit and
 * number cells skipped, at most three cells back. 0 when none. */
static int cell_subject(const ex_doc *ed, size_t si, row *r)
{
	for (size_t k = si; k-- > 0 && si - k <= 3;) {
		const ex_stmt *c = &ed->stmts[k];
		size_t b = skip_sp(c->key, 0, c->keylen), e = c->keylen;
		while (e > b && strchr(" .:;", c->key[e - 1]))
			e--;
		int letters = 0;
		for (size_t i = b; i < e; i++)
			letters += isalpha((unsigned char)c->key[i]) != 0;
		if (letters < 4)
			continue; /* "%", "2", "I.1", "điểm" */
		if (c->heading || !np_ok(c, b, e) || words_of(c->key, b, e) > 40)
			return 0;
		char *s = span_text(c, b, e, 0);
		set_subject(r, s, s ? sohoa_strdup(s) : NULL, SUBJ_CELL);
		return r->subject != NULL;
	}
	return 0;
}

/* The subject of a figure in parentheses that holds nothing else: "…, cao hơn so với bình quân
 * chung của cả nước (54,4%)" (the comparator's own value: the measured phrase of the row before
 * and the comparator), "tăng trưởng kinh tế vượt mục tiêu Chính phủ giao (10%)" (the value of the
 * target: the phrase before the verb). 0 when e is not such a figure. */
static int paren_subject(const ex_stmt *st, const ev *e, const row *last, int same_sentence, size_t cstart, row *r)
{
	const char *key = st->key;
	size_t kl = st->keylen;
	if (cstart == 0 || key[cstart - 1] != '(' || skip_sp(key, cstart, kl) != e->b)
		return 0;
	size_t a = skip_sp(key, e->e, kl);
	if (a >= kl || key[a] != ')')
		return 0;
	size_t pb = cstart - 1;
	size_t ob = ex_clause_start(key, st->title_key, pb);
	if (same_sentence)
		ob = after_last_row(key, last, ob, pb);
	size_t sv = 0;
	for (size_t i = ob; i < pb; i++) {
		if (ex_word_at(key, pb, i, "so voi"))
			sv = i + 6;
		else if (ex_word_at(key, pb, i, "cao hon") || ex_word_at(key, pb, i, "thap hon"))
			sv = i + 7; /* "cao hơn mức bình quân cả nước (7,8%)" */
	}
	if (sv && same_sentence && last->measured) {
		size_t rb = skip_sp(key, sv, pb), re = pb;
		if (ex_word_at(key, pb, rb, "so voi"))
			rb = skip_sp(key, rb + 6, pb);
		trim_subject(key, &rb, &re);
		char *ref = span_text(st, rb, re, 0);
		if (ref) {
			set_subject(r, join3(last->measured, " ", ref), sohoa_strdup(last->measured), SUBJ_RATIO);
			free(ref);
			return 1;
		}
	}
	size_t oe = pb;
	static const char *const verbs[] = {"vuot", "dat", "bang", NULL};
	for (size_t i = ob; i < pb && oe == pb; i++)
		for (int v = 0; verbs[v]; v++)
			if (ex_word_at(key, pb, i, verbs[v]) && i > ob && key[i - 1] == ' ' &&
			    starts_any(key, pb, skip_sp(key, i + strlen(verbs[v]), pb), reference_words))
				oe = i;
	size_t tb = ob, te = oe;
	trim_all(key, &tb, &te);
	if (!np_ok(st, tb, te))
		return 0;
	char *s = span_text(st, tb, te, 0);
	set_subject(r, s, s ? sohoa_strdup(s) : NULL, SUBJ_OWN);
	return 1;
}

/* The subject of event e (a figure, rank or change) of statement st: the measured phrase before
 * it; the population and predicate after a figure that opens its clause ("100% số người hưởng …
 * được tuyên truyền" -> "tỷ lệ người hưởng … được tuyên truyền"); the measured phrase and the
 * reference of a ratio ("bằng 117,6% dự toán Trung ương giao" -> "Tổng thu ngân sách so với dự
 * toán Trung ương giao"); the object after an action verb ("hoàn thành 100% các nhiệm vụ được
 * giao"); else the row before's, the sentence's first noun phrase, the heading's. 0 when none
 * is a noun phrase (the row is dropped). */
static int subject_of(const ex_doc *ed, size_t si, const ev *e, const row *last, int same_sentence, size_t cstart,
		      size_t sstart, row *r)
{
	const ex_stmt *st = &ed->stmts[si];
	const char *key = st->key;
	if (e->kind == EV_FIG && skip_sp(key, 0, st->keylen) == e->b && skip_sp(key, e->e, st->keylen) >= st->keylen)
		return cell_subject(ed, si, r); /* a table cell holding the figure alone */
	if (e->kind == EV_FIG && paren_subject(st, e, last, same_sentence, cstart, r))
		return r->subject != NULL;
	size_t sb = after_last_row(key, same_sentence ? last : NULL, cstart, e->b);
	size_t tb = sb, te = e->b;
	trim_all(key, &tb, &te);
	measured_part(key, tb, &te);
	trim_all(key, &tb, &te);
	int before_ok = np_ok(st, tb, te);
	if (!before_ok && cstart > 0 && key[cstart - 1] == '(') {
		/* "… còn thấp (mới đạt 52,26/100%)": what the parenthesis follows */
		size_t pb = cstart - 1, ob = ex_clause_start(key, st->title_key, pb), oe = pb;
		if (same_sentence)
			ob = after_last_row(key, last, ob, pb);
		trim_all(key, &ob, &oe);
		if (np_ok(st, ob, oe)) {
			char *s = span_text(st, ob, oe, 0);
			set_subject(r, s, s ? sohoa_strdup(s) : NULL, SUBJ_OWN);
			if (r->subject)
				return 1;
		}
	}
	int before_empty = te <= tb;
	int copula = e->kind == EV_RANK || copula_before(key, sb, e->kind == EV_CHANGE ? e->b + 1 : e->b);
	if (e->kind == EV_CHANGE)
		copula = 1; /* the verb is the change's own "tăng"/"giảm" */
	size_t ab, ae;
	int quoted;
	clause_after(st, e->e, &ab, &ae, &quoted);
	int after_ok = ae > ab && (quoted || np_ok(st, ab, ae));
	int percent = e->kind == EV_FIG && !strcmp(e->unit, "%");
	/* a ratio to a reference */
	if (percent && copula && after_ok && !quoted && starts_any(key, ae, ab, reference_words)) {
		size_t rb = ab;
		if (ex_word_at(key, ae, rb, "so voi"))
			rb = skip_sp(key, rb + 6, ae);
		char *ref = span_text(st, rb, ae, 1), *meas = NULL;
		int src = SUBJ_RATIO;
		size_t nb, ne;
		if (before_ok)
			meas = span_text(st, tb, te, 0);
		else if (same_sentence && last && last->measured) {
			meas = sohoa_strdup(last->measured);
			src = SUBJ_LAST;
		} else if (sentence_np(st, sstart, e->b, &nb, &ne)) {
			meas = span_text(st, nb, ne, 0);
			src = SUBJ_SENTENCE;
		}
		if (ref && meas) {
			set_subject(r, join3(meas, " so với ", ref), meas, src);
			free(ref);
			return r->subject != NULL;
		}
		free(ref);
		free(meas);
	}
	/* "Đạt tỷ lệ từ 70% hồ sơ …": the rate is named before the figure, its population after */
	size_t rq = e->b, wb;
	while (rq > sb && key[rq - 1] == ' ')
		rq--;
	if (ends_with_word(key, sb, rq, "tu", &wb) || ends_with_word(key, sb, rq, "tren", &wb) ||
	    ends_with_word(key, sb, rq, "it nhat", &wb) || ends_with_word(key, sb, rq, "toi thieu", &wb))
		rq = wb;
	while (rq > sb && key[rq - 1] == ' ')
		rq--;
	int rate_before = percent && (ends_with_word(key, sb, rq, "ty le", &wb) || ends_with_word(key, sb, rq, "ti le", &wb));
	if (e->kind == EV_FIG && after_ok && (before_empty || (!copula && !before_ok) || quoted || rate_before)) {
		/* the figure opens its clause: what is counted and what is measured of it */
		size_t b2 = ab;
		if (percent && !quoted) {
			if (ex_word_at(key, ae, b2, "so") && !ex_word_at(key, ae, b2, "so luong") &&
			    !ex_word_at(key, ae, b2, "so voi"))
				b2 = skip_sp(key, b2 + 2, ae);
			char *pop = span_text(st, b2, ae, 1);
			int has_rate = ex_word_at(key, ae, b2, "ty le") || ex_word_at(key, ae, b2, "ti le") ||
				       ex_word_at(key, ae, b2, "ty trong");
			char *s = pop && !has_rate ? join3("tỷ lệ", " ", pop) : pop;
			if (s != pop)
				free(pop);
			set_subject(r, s, s ? sohoa_strdup(s) : NULL, SUBJ_AFTER);
		} else {
			char *s = span_text(st, b2, ae, 1);
			set_subject(r, s, s ? sohoa_strdup(s) : NULL, SUBJ_AFTER);
		}
		if (r->subject)
			return 1;
	}
	if ((e->kind == EV_FIG && !copula && !before_empty) || e->kind == EV_CHANGE) {
		/* an action and its object: "hoàn thành 100% các nhiệm vụ được giao", "tăng thêm ít nhất
		 * 20% số nhóm trẻ trong cơ sở giáo dục mầm non" */
		size_t ob, oe;
		int q;
		clause_after(st, e->e, &ob, &oe, &q);
		if (oe > ob && np_ok(st, ob, oe)) {
			char *s = span_text(st, ob, oe, 0);
			set_subject(r, s, s ? sohoa_strdup(s) : NULL, SUBJ_AFTER);
			if (r->subject)
				return 1;
		}
	}
	if (before_ok && e->kind == EV_FIG && !copula && !linked(key, sb, e->b) && words_of(key, tb, te) > 8)
		return 0; /* "… chủ trì chủ động điều phối, cấp hóa chất Cloramin B, Chlorine 70%": part of a name */
	if (before_ok) {
		char *s = span_text(st, tb, te, 0);
		set_subject(r, s, s ? sohoa_strdup(s) : NULL, SUBJ_OWN);
		if (r->subject)
			return 1;
	}
	if (same_sentence && last && last->subject && (last->at >= cstart || e->kind != EV_FIG)) {
		/* "…, vượt kịch bản đề ra, đứng thứ 04/34": the row before's (a figure's in the same clause;
		 * a rank or change has no subject of its own in the sentence) */
		set_subject(r, sohoa_strdup(last->subject), last->measured ? sohoa_strdup(last->measured) : NULL, SUBJ_LAST);
		return r->subject != NULL;
	}
	if (before_empty && cstart > 0 && key[cstart - 1] == ':') {
		size_t lb = list_start(key, ex_clause_start(key, st->title_key, cstart - 1), cstart - 1), le = cstart - 1;
		trim_all(key, &lb, &le);
		if (np_ok(st, lb, le) && words_of(key, lb, le) <= 15 && !starts_any(key, le, lb, generic_labels)) {
			char *s = span_text(st, lb, le, 0);
			set_subject(r, s, s ? sohoa_strdup(s) : NULL, SUBJ_OWN);
			if (r->subject)
				return 1;
		}
	}
	size_t nb, ne;
	if (cstart > sstart && sentence_np(st, sstart, e->b, &nb, &ne)) {
		char *s = span_text(st, nb, ne, 0);
		set_subject(r, s, s ? sohoa_strdup(s) : NULL, SUBJ_SENTENCE);
		if (r->subject)
			return 1;
	}
	char *h = heading_subject(ed, si);
	set_subject(r, h, h ? sohoa_strdup(h) : NULL, SUBJ_HEADING);
	return r->subject != NULL;
}

/* Words of a sentence about awards: a figure bounded there is a quota ("tỷ lệ không quá 10% tập thể"). */
static const char *const award_words[] = {"khen thuong", "bang khen", "giay khen", "danh hieu", "xet tang",
					  "tang thuong", "co thi dua", "de nghi khen", NULL};
/* Words that open a condition ("Đối với … có tỷ lệ … thấp dưới 30% có thể điều chỉnh …"). */
static const char *const cond_open[] = {"neu", "truong hop", "trong truong hop", "khi", "doi voi", "rieng doi voi", NULL};

/* 1 when an arithmetic operator stands next to the figure [b, e) or an '=' before it in its
 * clause: a formula ("Tỷ lệ = b/a * 100%", "… x 100% x 25"), not a fact. */
static int in_formula(const char *key, size_t keylen, size_t cb, size_t b, size_t e)
{
	size_t i = b;
	while (i > cb && key[i - 1] == ' ')
		i--;
	if (i > cb && (strchr("*=/+", key[i - 1]) || (key[i - 1] == 'x' && (i - 1 == cb || key[i - 2] == ' ')) ||
		       (i >= cb + 2 && (unsigned char)key[i - 2] == 0xC3 && (unsigned char)key[i - 1] == 0x97)))
		return 1;
	size_t j = e;
	while (j < keylen && key[j] == ' ')
		j++;
	if (j < keylen && (strchr("*=", key[j]) || (key[j] == 'x' && (j + 1 >= keylen || key[j + 1] == ' ')) ||
			   ((unsigned char)key[j] == 0xC3 && (unsigned char)key[j + 1] == 0x97)))
		return 1;
	return memchr(key + cb, '=', b - cb) != NULL;
}

/* 1 when the figure at [b, e) of statement st sits in a condition: its sentence opens with a
 * condition word and goes on after it with the consequence ("thì", "có thể"), or "nếu" comes
 * right before it in its clause with "thì" after. */
static int in_condition(const ex_stmt *st, size_t cb, size_t sb, size_t b, size_t e)
{
	const char *key = st->key;
	size_t se = ex_sentence_end(key, st->keylen, e);
	size_t i = list_start(key, sb, b);
	int opens = 0;
	for (int c = 0; cond_open[c]; c++)
		if (ex_word_at(key, b, i, cond_open[c]) || ex_word_at(key, b, cb + strspn(key + cb, " "), cond_open[c]))
			opens = 1;
	int then = 0;
	for (size_t k = e; k < se; k++)
		if (ex_word_at(key, se, k, "thi") || ex_word_at(key, se, k, "co the"))
			then = 1;
	if (opens && then)
		return 1;
	for (size_t k = cb; k < b; k++)
		if (ex_word_at(key, b, k, "neu") && then)
			return 1;
	/* "Trường hợp …", "Nếu …" open a sentence that is a condition and its consequence */
	if (ex_word_at(key, b, i, "truong hop") || ex_word_at(key, b, i, "neu"))
		return 1;
	/* a threshold and what it brings: "thiệt hại trên 70% diện tích, hỗ trợ 6.000.000 đồng/ha" */
	for (size_t k = e; k < se; k++)
		if (key[k] == ',' || key[k] == ';') {
			size_t j = skip_sp(key, k + 1, se);
			if (ex_word_at(key, se, j, "duoc ho tro") || ex_word_at(key, se, j, "ho tro") ||
			    ex_word_at(key, se, j, "boi thuong") || ex_word_at(key, se, j, "muc ho tro"))
				return 1;
			break;
		}
	return 0;
}

/* Verbs of a benefit or a charge, and the money bases a rate applies to: a figure between them
 * is a norm of a regulation ("hỗ trợ 50% học phí", "bằng 150% lãi suất cho vay"), not a
 * measurement. */
static const char *const norm_verbs[] = {"ho tro", "boi thuong", "tai tro", "cho vay", "trich", "nop", "chi tra",
					 "thanh toan", "mien", "huong", "bu", "uu dai", "khau tru", "dong", "gop",
					 "so huu", "nam giu", "giam", "thu", "tra", "bang", "toi da", "khong qua",
					 "vuot qua", "khong vuot qua", "cap", NULL};
static const char *const money_bases[] = {"hoc phi", "chi phi", "kinh phi", "tong kinh phi", "phi", "le phi", "gia",
					  "gia tri", "gia ve", "thue", "lai suat", "tien", "so tien", "luong",
					  "muc luong", "tien luong", "von", "von dieu le", "tong muc dau tu", "thu nhap",
					  "doanh thu", "muc luong co so", "tong muc", "muc chi", "dinh muc", NULL};
/* Topics of a price or a charge: a figure in a clause about them is a norm ("điều chỉnh mức giá
 * … cao hơn 15%", "lãi suất cho vay 6,6%/năm"). */
static const char *const price_topics[] = {"muc gia", "don gia", "gia ban", "gia thue", "lai suat", "thue suat",
					   "muc thu", "muc phi", "le phi", "hoc phi", "phi dich vu", NULL};
/* Heads of a norm's subject: "Mức bồi thường", "Lãi suất quá hạn", "Thuế suất". */
static const char *const norm_heads[] = {"muc ho tro", "muc boi thuong", "muc thu", "muc phi", "muc le phi",
					 "muc hoc phi", "muc gia", "muc trich", "muc vay", "muc tai tro", "muc phu cap",
					 "muc tro cap", "muc dong", "muc von", "muc chi", "lai suat", "thue suat",
					 "ty le trich", "ty le dong", "ty le ho tro", NULL};

/* 1 when the figure [b, e) of statement st is a regulation's norm (the rate of a benefit or a
 * charge, a cap the text forbids to pass): a benefit verb or "bằng" before it and a money base
 * after it; "không được vượt quá" before it; or its sentence's subject is a rate such as "Mức
 * bồi thường". */
static int is_norm(const ex_stmt *st, size_t cb, size_t sb, size_t b, size_t e)
{
	const char *key = st->key;
	size_t p = b, wb;
	int changed = 1;
	while (changed) {
		changed = 0;
		while (p > cb && strchr(" (", key[p - 1]))
			p--;
		static const char *const q[] = {"it nhat", "toi thieu", "tren", "duoi", "tu", "khoang", "den", "muc", NULL};
		for (int k = 0; q[k]; k++)
			if (ends_with_word(key, cb, p, q[k], &wb)) {
				p = wb;
				changed = 1;
				break;
			}
	}
	int verb = 0;
	for (int v = 0; norm_verbs[v]; v++)
		if (ends_with_word(key, cb, p, norm_verbs[v], &wb))
			verb = 1;
	size_t a = skip_sp(key, e, st->keylen);
	if (verb && starts_any(key, st->keylen, a, money_bases))
		return 1;
	for (size_t i = cb; i < b; i++)
		if (ex_word_at(key, b, i, "khong duoc vuot qua") || ex_word_at(key, b, i, "khong duoc qua") ||
		    ex_word_at(key, b, i, "khong duoc cao hon") || ex_word_at(key, b, i, "khong duoc thap hon") ||
		    ex_word_at(key, b, i, "duoc xac dinh la") || ex_word_at(key, b, i, "duoc xac dinh bang") ||
		    ex_word_at(key, b, i, "duoc tinh bang") || ex_word_at(key, b, i, "duoc tinh la"))
			return 1; /* a cap the text forbids to pass; a parameter it defines */
	if (p >= cb + 2 && (unsigned char)key[p - 2] == 0xC2 && (unsigned char)key[p - 1] == 0xB1)
		return 1; /* "890 mg ± 7,5%": a tolerance */
	if (has_cue(key, cb, b, price_topics))
		return 1;
	size_t i = list_start(key, sb, b);
	return starts_any(key, b, i, norm_heads) || starts_any(key, b, cb + strspn(key + cb, " "), norm_heads);
}

/* Why the figure of event e in statement si states no fact (0 when it does): it belongs to a
 * scoring scheme, a footnote, a formula, a condition or an award quota, or its "điểm" counts
 * places. */
static int not_a_fact(const ex_doc *ed, size_t si, const ev *e, const ex_scheme_set *sch)
{
	const ex_stmt *st = &ed->stmts[si];
	const char *key = st->key;
	if (ex_schemes_owns(sch, si, e->nb))
		return 1;
	if (ex_footnote(ed, st, st->kmap[e->nb]))
		return 2;
	size_t cb = ex_clause_start(key, st->title_key, e->b);
	size_t sb = ex_sentence_start(key, e->b);
	if (sb < st->title_key)
		sb = st->title_key;
	if (e->kind != EV_RANK && in_formula(key, st->keylen, cb, e->nb, e->e))
		return 3;
	if (e->kind == EV_FIG && !strcmp(e->unit, "điểm") && ex_counts_places(key, st->keylen, e->e))
		return 4;
	if (in_condition(st, cb, sb, e->b, e->e))
		return 5;
	if (e->kind == EV_FIG && !strcmp(e->unit, "%") && is_norm(st, cb, sb, e->b, e->e))
		return 7;
	size_t se = ex_sentence_end(key, st->keylen, e->e);
	if (has_cue(key, sb, se, award_words))
		return 6; /* an award's quota or condition ("không quá 10% tập thể", "có ít nhất 70% cá nhân đạt danh hiệu") */
	if (e->kind == EV_FIG && !strcmp(e->unit, "điểm")) {
		/* "Số điểm quan trắc: 08 điểm": the clause (and its label) counts the places it names */
		size_t lb = cb;
		while (lb > sb && key[lb - 1] == ' ')
			lb--;
		lb = lb > sb && key[lb - 1] == ':' ? ex_clause_start(key, st->title_key, lb - 1) : cb;
		for (size_t i = lb; i + 7 <= e->b; i++)
			if (ex_word_at(key, e->b, i, "so diem") && ex_counts_places(key, e->b, i + 7))
				return 4;
	}
	return 0;
}

/* "giảm ít nhất 30% thời gian …, 30% chi phí …": a bare figure after a comma that repeats the
 * change of the row before for a second subject (read after the figure). Returns 1 when r was
 * made so. */
static int repeats_change(const ex_stmt *st, const ev *e, const row *last, size_t sstart, row *r)
{
	const char *key = st->key;
	size_t kl = st->keylen;
	if (e->kind != EV_FIG || !last || last->has_value || !last->has_change || e->has2 ||
	    strcmp(e->unit, last->change_unit) || ex_sentence_start(key, last->at) != sstart ||
	    !memchr(key + last->end, ',', e->b - last->end) ||
	    has_cue(key, last->end, e->b,
		    (const char *const[]){"dat", "duoc", "la", "tang", "giam", "bang", "chiem", "cao hon", "thap hon", "so voi",
					  NULL}) ||
	    memchr(key + last->end, '(', e->b - last->end))
		return 0;
	r->kind = last->kind;
	r->change = (last->change < 0 ? -1 : 1) * e->v1;
	r->has_change = 1;
	snprintf(r->change_unit, sizeof r->change_unit, "%s", e->unit);
	size_t ab, ae;
	subject_after(st->key, kl, e->e, &ab, &ae);
	if (ae > ab && np_ok(st, ab, ae)) {
		r->subject = span_text(st, ab, ae, 0);
		r->measured = r->subject ? sohoa_strdup(r->subject) : NULL;
		r->subj_src = SUBJ_AFTER;
	}
	r->cue = last->cue;
	r->op = last->op;
	r->year = last->year;
	return 1;
}

/* The year a figure belongs to: "năm 2024" before it in its sentence (year_before), else the
 * year or the end of the period named after it in its clause ("… đạt 40% vào năm 2025", "giai
 * đoạn 2026 - 2030"), else the one year its paragraph names before it (all the same, "so với
 * năm" aside). 0 when none. */
static int year_of(const ex_stmt *st, size_t sb, size_t b, size_t e)
{
	const char *key = st->key;
	int y = year_before(key, sb, b);
	if (y)
		return y;
	size_t ce = e;
	while (ce < st->keylen && !strchr(";.:)", key[ce]))
		ce++;
	for (size_t i = e; i < ce; i++) {
		size_t q, r;
		if ((q = word_end(key, i, ce, "giai doan")) && (r = year_end(key, skip_sp(key, q, ce), ce))) {
			size_t t = skip_sp(key, r, ce);
			if (t < ce && key[t] == '-' && (q = year_end(key, skip_sp(key, t + 1, ce), ce)))
				r = q;
			return atoi(key + r - 4);
		}
		size_t lb = i > e + 20 ? i - 20 : e;
		if ((q = word_end(key, i, ce, "nam")) && (r = year_end(key, skip_sp(key, q, ce), ce)) &&
		    !memmem(key + lb, i - lb, "so voi ", 7))
			return atoi(key + r - 4);
	}
	int one = 0;
	for (size_t i = 0; i + 8 <= b; i++) {
		size_t q, r;
		if (!(q = word_end(key, i, b, "nam")) || !(r = year_end(key, skip_sp(key, q, b), b)))
			continue;
		size_t lb = i > 12 ? i - 12 : 0;
		if (memmem(key + lb, i - lb, "voi ", 4) || memmem(key + lb, i - lb, "so ", 3))
			continue; /* "so với năm 2023", misread "số Vv4i năm 2023" */
		int yy = atoi(key + r - 4);
		if (one && one != yy)
			return 0;
		one = yy;
	}
	return one;
}

/* Titles of sections whose figures are goals ("II. MỤC TIÊU", "Chỉ tiêu cụ thể"), or results
 * ("I. KẾT QUẢ THỰC HIỆN", "Tình hình …", "Đánh giá chung"). */
static const char *const goal_titles[] = {"muc tieu", "chi tieu", NULL};
static const char *const result_titles[] = {"ket qua", "tinh hinh", "danh gia chung", NULL};

/* 1 when the nearest heading at or above statement si (two levels) has one of words in its
 * title. */
static int section_says(const ex_doc *ed, size_t si, const char *const *words)
{
	int level = 99, seen = 0;
	for (size_t h = si + 1; h-- > 0 && seen < 2;) {
		const ex_stmt *hs = &ed->stmts[h];
		if (!hs->heading || hs->level >= level)
			continue;
		level = hs->level;
		seen++;
		size_t e = hs->keylen < 120 ? hs->keylen : 120;
		if (has_cue(hs->key, hs->title_key, e, words))
			return 1;
	}
	return 0;
}

/* Kind cues: imperative openings of a sentence in documents that are not reports ("Tiếp tục …
 * hoàn thành 100% … trước ngày 06 tháng 12 năm 2025"), and deadlines. */
static const char *const imperatives[] = {"tiep tuc", "tang cuong", "day manh", "hoan thanh", "phan dau", "dam bao",
					  "bao dam", "trien khai", "tap trung", "khan truong", "chu dong", "yeu cau",
					  "de nghi", "giao", "to chuc", "thuc hien", NULL};
static const char *const deadlines[] = {"truoc ngay", "cham nhat", "han chot", NULL};

/* Build the rows of statement si from its events (plan: the document is a plan, whose figures
 * are targets unless they report a result; report: it reports results). Returns how many, at
 * most cap; rows whose subject is no noun phrase are left out. */
static size_t rows_of(const ex_doc *ed, size_t si, int plan, int report, int normative, const ev *evs, size_t nev,
		      row *rows, size_t cap)
{
	const ex_stmt *st = &ed->stmts[si];
	const char *key = st->key;
	size_t kl = st->keylen;
	size_t n = 0;
	for (size_t i = 0; i < nev && n < cap; i++) {
		const ev *e = &evs[i];
		row *last = n > 0 ? &rows[n - 1] : NULL; /* rows of one statement stay linked across clauses */
		size_t cstart = ex_clause_start(key, st->title_key, e->b);
		size_t sstart = ex_sentence_start(key, e->b);
		if (sstart < st->title_key)
			sstart = st->title_key;
		int same_sentence = last && last->sstart == sstart;
		if (same_sentence && merge_into_last(key, e, last))
			continue;
		row *r = &rows[n];
		memset(r, 0, sizeof *r);
		r->stmt = si;
		r->at = e->nb;
		r->end = e->e;
		r->sstart = sstart;
		r->kind = "score";
		if (repeats_change(st, e, last, sstart, r)) {
			if (r->subject)
				n++;
			continue;
		}
		fill_figures(r, e);
		if (!subject_of(ed, si, e, last, same_sentence, cstart, sstart, r)) {
			free(r->measured);
			r->measured = NULL;
			continue; /* no noun phrase names what the figure measures */
		}
		n++;
		size_t cue_b = cstart > sstart ? sstart : cstart;
		int result = has_cue(key, sstart, e->b, result_cues);
		int target = has_target_cue(key, cue_b, e->b) ||
			     has_cue(key, e->e, e->e + 10 < kl ? e->e + 10 : kl, (const char *const[]){"tro len", NULL});
		size_t se = ex_sentence_end(key, kl, e->e);
		int directive = !report && !result &&
				(starts_any(key, kl, skip_sp(key, sstart + strspn(key + sstart, " -+*"), kl), imperatives) ||
				 has_cue(key, e->e, se, deadlines));
		int goal_section = section_says(ed, si, goal_titles);
		int result_section = !goal_section && section_says(ed, si, result_titles);
		if ((plan && !result && !result_section) || target || directive || (goal_section && !result))
			r->kind = "target";
		r->cue = target || result || directive || e->kind != EV_FIG;
		if (normative && !has_cue(key, sstart, se, goal_words)) {
			free(r->subject);
			free(r->measured);
			n--;
			continue; /* a norm of a decree or circular */
		}
		r->op = op_for(key, kl, sstart, e->kind == EV_CHANGE ? e->nb : e->b, e->e);
		r->year = year_of(st, sstart, e->b, e->e);
	}
	return n;
}

/* The row's confidence: how its subject was found, whether its kind was read from its words,
 * and a long subject. */
static double confidence(const row *r)
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

static sohoa_status write_row(sohoa_ctx *ctx, const ex_doc *ed, const row *r, sohoa_buf *out)
{
	const ex_stmt *st = &ed->stmts[r->stmt];
	size_t sb = ex_sentence_start(st->key, r->at), se = ex_sentence_end(st->key, st->keylen, r->end);
	char *sentence = ex_clean(st->text, st->kmap[sb], st->kmap[se]);
	/* the figure as written, to find its source line */
	size_t ne = r->at;
	while (ne < st->keylen && (isdigit((unsigned char)st->key[ne]) || st->key[ne] == ',' || st->key[ne] == '.' ||
				   st->key[ne] == '/'))
		ne++;
	while (ne > r->at && !isdigit((unsigned char)st->key[ne - 1]))
		ne--;
	char needle[64];
	snprintf(needle, sizeof needle, "%.*s", (int)(st->kmap[ne] - st->kmap[r->at]), st->text + st->kmap[r->at]);
	int page, line;
	ex_locate(ed, st, st->kmap[r->at], needle, &page, &line);
	ex_row w;
	ex_row_begin(&w, out);
	ex_field(&w, ed->name);
	ex_field_int(&w, page, 1);
	ex_field_int(&w, line, 1);
	ex_field(&w, st->section);
	ex_field(&w, r->subject);
	ex_field(&w, r->kind);
	ex_field(&w, r->op);
	ex_field_num(&w, r->value, r->has_value);
	ex_field_num(&w, r->max, r->has_max);
	ex_field(&w, r->unit);
	ex_field_num(&w, r->percent, r->has_percent);
	ex_field_int(&w, r->rank, r->has_rank && r->rank_of);
	ex_field_int(&w, r->rank_of, r->has_rank && r->rank_of);
	ex_field_num(&w, r->change, r->has_change);
	ex_field(&w, r->has_change ? r->change_unit : NULL);
	ex_field_int(&w, r->year, r->year > 0);
	ex_field(&w, sentence);
	char conf[16];
	snprintf(conf, sizeof conf, "%.2f", confidence(r));
	ex_field(&w, conf);
	free(sentence);
	return ex_row_end(&w, ctx);
}

/* 1 when one of the first 20 statements is the type line of one of types ("KẾ HOẠCH", …). */
static int is_doc_type(const ex_doc *ed, const char *const *types)
{
	for (size_t s = 0; s < ed->nstmts && s < 20; s++) {
		const ex_stmt *sm = &ed->stmts[s];
		size_t b = strspn(sm->key, " ");
		for (int p = 0; types[p]; p++)
			if (!strcmp(sm->key + b, types[p]) ||
			    (!strncmp(sm->key + b, types[p], strlen(types[p])) &&
			     sm->key[b + strlen(types[p])] == ' ' && sm->key[b + strlen(types[p]) + 1] == 0))
				return 1;
	}
	return 0;
}

/* Append the score of row r (statement s) to *list. */
static sohoa_status add_score(sohoa_ctx *ctx, const ex_doc *ed, size_t s, const row *r, ex_score **list, size_t *n,
			      size_t *cap)
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
	sohoa_regex *res[3] = {ex_regex(ctx, fig_re), ex_regex(ctx, rank_re), ex_regex(ctx, change_re)};
	sohoa_status st = SOHOA_OK;
	ev *evs = NULL;
	row *rows = NULL;
	size_t lcap = 0;
	if (!res[0] || !res[1] || !res[2]) {
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
	int plan = is_doc_type(ed, plan_types), report = is_doc_type(ed, report_types);
	int normative = is_doc_type(ed, normative_types);
	ex_scheme_set own = {0};
	if (!given && (st = ex_schemes_collect(ctx, ed, &own)) != SOHOA_OK)
		goto done;
	const ex_scheme_set *sch = given ? given : &own;
	for (size_t s = 0; s < ed->nstmts && st == SOHOA_OK; s++) {
		if (!strpbrk(ed->stmts[s].key, "0123456789"))
			continue; /* no figure */
		size_t nev = collect(res, &ed->stmts[s], evs, CAP), kept = 0;
		for (size_t i = 0; i < nev; i++)
			if (!not_a_fact(ed, s, &evs[i], sch))
				evs[kept++] = evs[i];
		nev = kept;
		size_t nr = rows_of(ed, s, plan, report, normative, evs, nev, rows, CAP);
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
	}
	ex_schemes_free(&own);
done:
	free(evs);
	free(rows);
	for (int k = 0; k < 3; k++)
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
