/* scores.csv: every score statement — a figure in điểm or %, a rank "thứ 15/16", a change "giảm
 * 01 bậc", a target "đạt từ 75 điểm trở lên" — with the criterion or index it belongs to.
 * Rules are tables of words matched on the statement key (see extract-int.h). */
#include "extract-int.h"

#include "../core/array.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const columns[] = {"doc", "page", "line", "section", "subject", "kind", "op", "value", "max",
				      "unit", "percent", "rank", "rank_of", "change", "change_unit", "year",
				      "text", NULL};

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
/* Words trimmed from the end of a subject (verbs and comparison words before the figure). */
static const char *const subject_tail[] = {
	"duoc danh gia", "dat duoc", "chi dat", "dat tu", "duoc", "dat", "la", "bang", "chiem", "voi", "tren",
	"duoi", "hon", "it nhat", "toi thieu", "toi da", "khong qua", "khong duoi", "khoang",
	"xep vi tri thu", "xep vi tri", "xep hang thu", "xep hang", "xep thu", "dung thu", "dung vi tri thu",
	"dung vi tri", "vi tri thu", "xep", "tang", "giam", "co gang",
	"phan dau", "dam bao", "bao dam", "diem so", "so diem", "moi", "chua", "nhieu nhat", NULL};
/* Words trimmed from the start of a subject. */
static const char *const subject_head[] = {"tro len", "tro xuong", "so voi", "ket qua", "trong do", "va", "gom", "phan dau", "muc tieu",
					   "cu the", "dong thoi", "theo do", "trong", NULL};
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
	size_t subj_b, subj_e; /* key span of the subject in statement subj_stmt */
	size_t subj_stmt;
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
		for (int c = 0; target_cues[c]; c++)
			if (ex_word_at(key, e, i, target_cues[c]) &&
			    !(i >= b + 5 && (!strncmp(key + i - 5, "chua ", 5) || (i >= b + 6 && !strncmp(key + i - 6, "khong ", 6)))))
				return 1;
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
			size_t p = i;
			while (p > b && key[p - 1] == ' ')
				p--;
			if (p >= b + 6 && !strncmp(key + p - 6, "so voi", 6))
				continue;
			year = y;
		}
	}
	return year;
}

static const char *op_for(const char *key, size_t keylen, size_t b, size_t at, size_t end)
{
	size_t lb = at > b + 24 ? at - 24 : b;
	const char *op = "=";
	for (size_t i = lb; i < at; i++) {
		if (ex_word_at(key, at, i, "it nhat") || ex_word_at(key, at, i, "toi thieu") ||
		    ex_word_at(key, at, i, "khong duoi") || ex_word_at(key, at, i, "khong thap hon"))
			op = ">=";
		else if (ex_word_at(key, at, i, "toi da") || ex_word_at(key, at, i, "khong qua") ||
			 ex_word_at(key, at, i, "khong vuot qua"))
			op = "<=";
		else if (ex_word_at(key, at, i, "tren") || ex_word_at(key, at, i, "hon"))
			op = ">";
		else if (ex_word_at(key, at, i, "duoi"))
			op = "<";
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

/* "giảm ít nhất 30% thời gian …, 30% chi phí …": a bare figure after a comma that repeats the
 * change of the row before for a second subject (read after the figure). Returns 1 when r was
 * made so. */
static int repeats_change(const char *key, size_t kl, size_t si, const ev *e, const row *last, size_t sstart, row *r)
{
	if (e->kind != EV_FIG || !last || last->has_value || !last->has_change || e->has2 ||
	    strcmp(e->unit, last->change_unit) || ex_sentence_start(key, last->at) != sstart ||
	    !memchr(key + last->end, ',', e->b - last->end) ||
	    has_cue(key, last->end, e->b, (const char *const[]){"dat", "duoc", "la", "tang", "giam", NULL}))
		return 0;
	r->kind = last->kind;
	r->change = (last->change < 0 ? -1 : 1) * e->v1;
	r->has_change = 1;
	snprintf(r->change_unit, sizeof r->change_unit, "%s", e->unit);
	size_t ab, ae;
	subject_after(key, kl, e->e, &ab, &ae);
	r->subj_b = ab;
	r->subj_e = ae;
	r->subj_stmt = si;
	r->op = last->op;
	r->year = last->year;
	return 1;
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

/* The key span of e's subject in its own statement st: the clause before the figure (after any
 * earlier row of the clause), or the words after it when no verb such as "đạt" comes right
 * before; inside parentheses, the clause before them; else the subject of the row before.
 * *b >= *e when none is found. */
static void subject_span(const ex_stmt *st, const ev *e, const row *last, size_t cstart, size_t *b, size_t *e_out)
{
	const char *key = st->key;
	size_t sb = after_last_row(key, last, cstart, e->b), se = e->b;
	size_t tb = sb, te = se;
	trim_subject(key, &tb, &te);
	/* the verb right before the figure decides where the subject is */
	size_t vb = sb, ve = se;
	skip_spaces_back(key, vb, &ve);
	int verb_before = e->kind == EV_RANK;
	const char *const verbs[] = {"dat", "duoc", "la", "bang", "chiem", "tu", "thu", "hang", "tri", NULL};
	for (int v = 0; verbs[v]; v++) {
		size_t wb;
		if (ends_with_word(key, vb, ve, verbs[v], &wb))
			verb_before = 1;
	}
	size_t ab, ae;
	subject_after(key, st->keylen, e->e, &ab, &ae);
	if ((te <= tb || (!verb_before && ae > ab)) && e->kind != EV_RANK) {
		tb = ab;
		te = ae;
	}
	if (te <= tb && cstart > 0 && key[cstart - 1] == '(') { /* "… có thu (mới đạt 42,85/50%)" */
		size_t oe = cstart - 1;
		size_t ob = ex_clause_start(key, st->title_key, oe);
		if (last && last->end < oe)
			ob = after_last_row(key, last, ob, oe);
		trim_subject(key, &ob, &oe);
		if (oe > ob) {
			tb = ob;
			te = oe;
		}
	}
	if (te <= tb && last) { /* "…, xếp vị trí thứ 56/63": the subject of the row before */
		tb = last->subj_b;
		te = last->subj_e;
	}
	*b = tb;
	*e_out = te;
}

/* "Kết quả: được 4,44/7,5 điểm": a row without a subject of its own takes the criterion of the
 * nearest heading at or above statement si (not a letter heading), "về" aside. */
static void heading_subject(const ex_doc *ed, size_t si, row *r)
{
	for (size_t h = si + 1; h-- > 0;)
		if (ed->stmts[h].heading && !islower((unsigned char)ed->stmts[h].id[0])) {
			const ex_stmt *hs = &ed->stmts[h];
			size_t hb = hs->title_key, he = hb;
			while (he < hs->keylen && !strchr(":;", hs->key[he]) && !ex_sentence_dot(hs->key, hs->keylen, he))
				he++;
			trim_subject(hs->key, &hb, &he);
			/* "Về cải cách thể chế": the criterion without "về" */
			if (ex_word_at(hs->key, he, hb, "ve"))
				hb += 3;
			r->subj_stmt = h;
			r->subj_b = hb;
			r->subj_e = he;
			return;
		}
}

/* Words of a sentence about awards: a figure bounded there is a quota ("tỷ lệ không quá 10% tập thể"). */
static const char *const award_words[] = {"khen thuong", "bang khen", "giay khen", "danh hieu", "xet tang",
					  "tang thuong", "co thi dua", NULL};
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
	size_t i = sb;
	while (i < b && strchr(" -+*(", key[i]))
		i++;
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
	return 0;
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
	size_t se = ex_sentence_end(key, st->keylen, e->e);
	if (has_cue(key, sb, se, award_words) &&
	    has_cue(key, cb, e->b, (const char *const[]){"khong qua", "toi da", "khong vuot qua", NULL}))
		return 6;
	return 0;
}

/* Build the rows of statement si from its events (plan: the document is a plan, whose figures
 * are targets unless they report a result). Returns how many, at most cap. */
static size_t rows_of(const ex_doc *ed, size_t si, int plan, const ev *evs, size_t nev, row *rows, size_t cap)
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
		if (last && ex_sentence_start(key, last->at) == sstart && merge_into_last(key, e, last))
			continue;
		row *r = &rows[n++];
		memset(r, 0, sizeof *r);
		r->stmt = si;
		r->at = e->nb;
		r->end = e->e;
		r->kind = "score";
		if (repeats_change(key, kl, si, e, last, sstart, r))
			continue;
		fill_figures(r, e);
		subject_span(st, e, last, cstart, &r->subj_b, &r->subj_e);
		r->subj_stmt = si;
		if (r->subj_e <= r->subj_b)
			heading_subject(ed, si, r);
		if ((plan && !has_cue(key, sstart, e->b, result_cues)) ||
		    has_target_cue(key, cstart > sstart ? sstart : cstart, e->b) ||
		    has_cue(key, e->e, e->e + 10 < kl ? e->e + 10 : kl, (const char *const[]){"tro len", NULL}))
			r->kind = "target";
		r->op = op_for(key, kl, sstart, e->kind == EV_CHANGE ? e->nb : e->b, e->e);
		r->year = year_before(key, sstart, e->b);
	}
	return n;
}

static sohoa_status write_row(sohoa_ctx *ctx, const ex_doc *ed, const row *r, sohoa_buf *out)
{
	const ex_stmt *st = &ed->stmts[r->stmt];
	const ex_stmt *ss = &ed->stmts[r->subj_stmt];
	char *subject = r->subj_e > r->subj_b ? ex_clean(ss->text, ss->kmap[r->subj_b], ss->kmap[r->subj_e]) : NULL;
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
	ex_field(&w, subject);
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
	free(subject);
	free(sentence);
	return ex_row_end(&w, ctx);
}

/* 1 when one of the first 20 statements is a plan's type line ("KẾ HOẠCH", "CHƯƠNG TRÌNH", …). */
static int is_plan(const ex_doc *ed)
{
	for (size_t s = 0; s < ed->nstmts && s < 20; s++) {
		const ex_stmt *sm = &ed->stmts[s];
		size_t b = strspn(sm->key, " ");
		for (int p = 0; plan_types[p]; p++)
			if (!strcmp(sm->key + b, plan_types[p]) ||
			    (!strncmp(sm->key + b, plan_types[p], strlen(plan_types[p])) &&
			     sm->key[b + strlen(plan_types[p])] == ' ' && sm->key[b + strlen(plan_types[p]) + 1] == 0))
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
	int plan = is_plan(ed);
	ex_scheme_set sch;
	if ((st = ex_schemes_collect(ctx, ed, &sch)) != SOHOA_OK)
		goto done;
	for (size_t s = 0; s < ed->nstmts && st == SOHOA_OK; s++) {
		if (!strpbrk(ed->stmts[s].key, "0123456789"))
			continue; /* no figure */
		size_t nev = collect(res, &ed->stmts[s], evs, CAP), kept = 0;
		for (size_t i = 0; i < nev; i++)
			if (!not_a_fact(ed, s, &evs[i], &sch))
				evs[kept++] = evs[i];
		nev = kept;
		size_t nr = rows_of(ed, s, plan, evs, nev, rows, CAP);
		for (size_t i = 0; i < nr && st == SOHOA_OK; i++) {
			if (out)
				st = write_row(ctx, ed, &rows[i], out);
			if (list && rows[i].has_value && st == SOHOA_OK)
				st = add_score(ctx, ed, s, &rows[i], list, nlist, &lcap);
		}
	}
	ex_schemes_free(&sch);
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
