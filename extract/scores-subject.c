/* scores-subject: which phrase a figure of scores.csv measures — the words before it, the
 * population after it, the reference of a ratio, a table cell, the row before, the heading. */
#include "scores-int.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Words after a percentage that make it a ratio to a reference: "đạt 88,9% mục tiêu tăng trưởng",
 * "bằng 117,6% dự toán Trung ương giao", "đạt 71% so với mục tiêu năm 2025". */
static const char *const reference_words[] = {"so voi", "muc tieu", "ke hoach", "du toan", "chi tieu",
					      "cung ky", "binh quan", NULL};

/* Verbs right before a figure (after "ít nhất", "trên", "từ" …) that make the words before it
 * the subject: "Tỷ lệ … đạt 40%", "Kinh tế số chiếm 45%", "… xuống dưới 30%". */
static const char *const copulas[] = {"dat", "duoc", "la", "bang", "chiem", "xuong", "con", "len", "vuot",
				      "tang", "giam", "o muc", "dat muc", "co", "tuong duong", NULL};
/* Qualifiers between such a verb and its figure. */
static const char *const qualifiers[] = {"it nhat", "toi thieu", "toi da", "tren", "duoi", "tu", "hon", "khoang",
					 "gan", "khong duoi", "khong qua", "khong thap hon", "thu", "ty le", "muc",
					 "dat tu", "binh quan", NULL};

/* 1 when a copula comes right before key offset at (qualifiers skipped), not before b. */
static int copula_before(const char *key, size_t b, size_t at)
{
	size_t e = score_back_over(key, b, at, qualifiers), wb;
	for (int v = 0; copulas[v]; v++)
		if (ex_ends_with(key, b, e, copulas[v], &wb))
			return 1;
	return 0;
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
		if (ex_ends_with(key, b, e, qualifiers[q], &wb))
			return 1;
	return 0;
}

/* Where a clause's subject starts when the row before ended inside it: past the comma or "và"
 * after that row (not the comma of a number: "… tăng 6,1% và nhập khẩu đạt 30,4 tỷ đồng, tăng
 * 5,3%" -> "nhập khẩu …"). */
static size_t after_last_row(const char *key, const score_row *last, size_t b, size_t e)
{
	if (last && last->end > b && last->end <= e) {
		for (size_t i = last->end; i < e; i++) {
			if (key[i] == ',' && !(i > 0 && isdigit((unsigned char)key[i - 1]) && isdigit((unsigned char)key[i + 1])))
				return i + 1;
			if (key[i] == ' ' && ex_word_at(key, e, i + 1, "va"))
				return i + 3;
		}
		return last->end;
	}
	return b;
}

/* Make subject (taken over) and measured (taken over) row r's, found the way src says. */
static void set_subject(score_row *r, char *subject, char *measured, int src)
{
	free(r->subject);
	free(r->measured);
	r->subject = subject;
	r->measured = measured;
	r->subj_src = src;
}

/* Make s (taken over; may be NULL) row r's subject and what it measures; 1 when r has one. */
static int take(score_row *r, char *s, int src)
{
	set_subject(r, s, s ? sohoa_strdup(s) : NULL, src);
	return r->subject != NULL;
}

/* The same with the text of statement st between key offsets b and e (score_span_text). */
static int take_span(score_row *r, const ex_stmt *st, size_t b, size_t e, int drop_parens, int src)
{
	return take(r, score_span_text(st, b, e, drop_parens), src);
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
			score_trim_subject(hs->key, &hb, &he);
			if (ex_word_at(hs->key, he, hb, "ve"))
				hb += 3;
			/* a long "heading" is a paragraph read as one: it names no criterion */
			return score_np_ok(hs, hb, he) && ex_words_in(hs->key, hb, he) <= 20 ? score_span_text(hs, hb, he, 0)
											      : NULL;
		}
	return NULL;
}

/* The subject of a table cell that holds a figure alone ("100%" under "Kết quả"): the nearest
 * cell before it that names an indicator ("Tỉ lệ dịch vụ công trực tuyến toàn trình …"), unit and
 * number cells skipped, at most three cells back. 0 when none. */
static int cell_subject(const ex_doc *ed, size_t si, score_row *r)
{
	for (size_t k = si; k-- > 0 && si - k <= 3;) {
		const ex_stmt *c = &ed->stmts[k];
		size_t b = ex_skip_sp(c->key, 0, c->keylen), e = c->keylen;
		while (e > b && strchr(" .:;", c->key[e - 1]))
			e--;
		int letters = 0;
		for (size_t i = b; i < e; i++)
			letters += isalpha((unsigned char)c->key[i]) != 0;
		if (letters < 4)
			continue; /* "%", "2", "I.1", "điểm" */
		if (c->heading || !score_np_ok(c, b, e) || ex_words_in(c->key, b, e) > 40)
			return 0;
		return take_span(r, c, b, e, 0, SUBJ_CELL);
	}
	return 0;
}

/* The subject of a figure in parentheses that holds nothing else: "…, cao hơn so với bình quân
 * chung của cả nước (54,4%)" (the comparator's own value: the measured phrase of the row before
 * and the comparator), "tăng trưởng kinh tế vượt mục tiêu Chính phủ giao (10%)" (the value of the
 * target: the phrase before the verb). 0 when e is not such a figure. */
static int paren_subject(const ex_stmt *st, const score_ev *e, const score_row *last, int same_sentence, size_t cstart,
			 score_row *r)
{
	const char *key = st->key;
	size_t kl = st->keylen;
	if (cstart == 0 || key[cstart - 1] != '(' || ex_skip_sp(key, cstart, kl) != e->b)
		return 0;
	size_t a = ex_skip_sp(key, e->e, kl);
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
		size_t rb = ex_skip_sp(key, sv, pb), re = pb;
		if (ex_word_at(key, pb, rb, "so voi"))
			rb = ex_skip_sp(key, rb + 6, pb);
		score_trim_subject(key, &rb, &re);
		char *ref = score_span_text(st, rb, re, 0);
		if (ref) {
			set_subject(r, score_join3(last->measured, " ", ref), sohoa_strdup(last->measured), SUBJ_RATIO);
			free(ref);
			return 1;
		}
	}
	size_t oe = pb;
	static const char *const verbs[] = {"vuot", "dat", "bang", NULL};
	for (size_t i = ob; i < pb && oe == pb; i++)
		for (int v = 0; verbs[v]; v++)
			if (ex_word_at(key, pb, i, verbs[v]) && i > ob && key[i - 1] == ' ' &&
			    ex_starts_any(key, pb, ex_skip_sp(key, i + strlen(verbs[v]), pb), reference_words))
				oe = i;
	size_t tb = ob, te = oe;
	score_trim_all(key, &tb, &te);
	if (!score_np_ok(st, tb, te))
		return 0;
	take_span(r, st, tb, te, 0, SUBJ_OWN);
	return 1;
}

/* 1 when a comparison starts at key offset b of st ("so cùng kỳ", "so với năm 2024"), not "số". */
static int comparison_at(const ex_stmt *st, size_t b, size_t e)
{
	static const char *const cmp[] = {"so voi", "so cung ky", "so ky", NULL};
	return b < e && (ex_starts_any(st->key, e, b, cmp) || ex_spelled_at(st, b, "so"));
}

/* Words that start the phrase of a comparator's own value: "(bình quân cả nước tăng 9,3%)". */
static const char *const comparators[] = {"binh quan", "trung binh", "muc binh quan", "muc trung binh", "ca nuoc",
					  "muc chung", "toan quoc", NULL};

/* ---- the steps of score_subject_of ---- */

/* What the steps read about figure e of statement st: its clause and sentence, the row before
 * (last, in the same sentence when same_sentence), the phrase before the figure and the clause
 * after it. */
typedef struct subj {
	const ex_stmt *st;
	const char *key;
	const score_ev *e;
	const score_row *last;
	int same_sentence;
	size_t cstart, sstart;
	size_t sb;         /* where the words before the figure start (past the row before's) */
	size_t tb, te;     /* the measured phrase before it, trimmed */
	int before_ok;     /* that phrase reads as a noun phrase */
	int before_empty;
	int copula;        /* a verb links the words before to the figure (or it is a rank, a change) */
	size_t ab, ae;     /* the clause after the figure (score_clause_after) */
	int quoted;        /* that clause is a quoted name */
	int after_ok;      /* it is a quoted name or reads as a noun phrase */
	int percent;       /* the figure is a percentage */
} subj;

/* A step that does not decide: the next one is tried. The others return 1 (row r has its
 * subject) or 0 (the row is dropped). */
enum { GO_ON = -1 };

/* Words that end an appraisal clause ("Phát triển doanh nghiệp tích cực, …") or make one ("kinh
 * tế duy trì đà tăng trưởng, …"). */
static const char *const appraisal_ends[] = {"tich cuc", "on dinh", "kha quan", "thuan loi", "hieu qua", "dang ke",
					     "manh me", "nhanh", "tot", NULL};
static const char *const appraisal_verbs[] = {"duy tri", "tiep tuc", "giu vung", NULL};

/* Where the measured phrase key[b..e) of st starts past an appraisal clause before its last comma
 * ("Phát triển doanh nghiệp tích cực, số doanh nghiệp thành lập mới" -> "số doanh nghiệp thành
 * lập mới"), when the words after the comma read as a noun phrase of three words or more; else b. */
static size_t past_appraisal(const ex_stmt *st, size_t b, size_t e)
{
	const char *key = st->key;
	size_t comma = e;
	while (comma > b && key[comma - 1] != ',')
		comma--;
	if (comma <= b)
		return b;
	size_t pe = comma - 1, nb = ex_skip_sp(key, comma, e), wb;
	int appraisal = ex_has_any(key, b, pe, appraisal_verbs);
	for (int i = 0; appraisal_ends[i] && !appraisal; i++)
		appraisal = ex_ends_with(key, b, pe, appraisal_ends[i], &wb);
	return appraisal && ex_words_in(key, nb, e) >= 3 && score_np_ok(st, nb, e) ? nb : b;
}

/* Openings of an adverbial phrase of time, place or source ("Tính tới 21h ngày 22/5, …", "Theo
 * cơ cấu, …", "Trong 4 nhiệm kỳ gần đây, …"). */
static const char *const adverbial_open[] = {"theo", "tinh toi", "tinh den", "trong", "tai", "o", "toi", "den",
					     "sau", "truoc", "nam", "ngay", "thang", "quy", "chieu", "sang", "toi nay",
					     "hien nay", "tren co so", "can cu", "nhin chung", "nhu vay", NULL};

/* 1 when key[b..fig) holds a comma and, between commas, only adverbial phrases ("Theo …", "tính
 * đến nay"), closed by a comma right before the figure at fig. */
static int adverbials_only(const char *key, size_t b, size_t fig)
{
	size_t p = b, last = fig;
	while (last > b && key[last - 1] == ' ')
		last--;
	if (last <= b || key[last - 1] != ',')
		return 0;
	while (p < last) {
		p = ex_skip_sp(key, p, last);
		size_t q = p;
		while (q < last && key[q] != ',')
			q++;
		if (q > p && !ex_starts_any(key, q, p, adverbial_open))
			return 0;
		p = q + 1;
	}
	return 1;
}

/* Where the measured phrase key[b..e) of st starts past an adverbial phrase before its first
 * comma ("Tính tới 21h ngày 22/5, tỷ lệ cử tri đi bầu" -> "tỷ lệ cử tri đi bầu"), when the words
 * after the comma read as a noun phrase of two words or more; e when adverbial phrases (three at
 * most, each closed by a comma) are all there is before the figure at key offset fig ("Theo kết
 * quả đánh giá …, tính đến ngày 27/11/2025, 100% cơ quan …"); else b. */
static size_t past_adverbial(const ex_stmt *st, size_t b, size_t e, size_t fig)
{
	const char *key = st->key;
	size_t p = b;
	for (int part = 0; part < 3; part++) {
		size_t comma = p;
		while (comma < e && !(key[comma] == ',' && !(comma > p && isdigit((unsigned char)key[comma - 1]) &&
							      isdigit((unsigned char)key[comma + 1]))))
			comma++;
		if (!ex_starts_any(key, comma, p, adverbial_open))
			return b;
		if (comma >= e) /* the phrase ends with the adverbial, only its comma before the figure */
			return adverbials_only(key, e, fig) ? e : b;
		size_t nb = ex_skip_sp(key, comma + 1, e);
		if (nb >= e)
			return e;
		if (ex_words_in(key, nb, e) >= 2 && score_np_ok(st, nb, e))
			return nb;
		p = nb;
	}
	return b;
}

/* Read the phrase before figure c->e and the clause after it into c. */
static void read_around(subj *c)
{
	const char *key = c->key;
	const score_ev *e = c->e;
	c->sb = after_last_row(key, c->same_sentence ? c->last : NULL, c->cstart, e->b);
	c->tb = c->sb;
	c->te = e->b;
	score_trim_all(key, &c->tb, &c->te);
	score_measured_part(key, c->tb, &c->te);
	score_trim_all(key, &c->tb, &c->te);
	size_t wb;
	if (ex_ends_with(key, c->tb, c->te, "tu", &wb) && ex_spelled_at(c->st, wb, "từ")) {
		c->te = wb; /* "tốc độ tăng trưởng từ 5 - 6%": the bound is no part of the subject */
		score_trim_all(key, &c->tb, &c->te);
	}
	c->tb = past_appraisal(c->st, c->tb, c->te);
	c->tb = past_adverbial(c->st, c->tb, c->te, e->b);
	/* "thành phố đã giải ngân …", "tỉnh đã thu hút vốn FDI": the doer before "đã" is no part of
	 * what is measured */
	for (size_t i = c->tb + 1; i + 2 < c->te; i++)
		if (key[i - 1] == ' ' && ex_word_at(key, c->te, i, "da") && ex_spelled_at(c->st, i, "đã") &&
		    ex_words_in(key, c->tb, i) <= 3 && ex_words_in(key, i + 2, c->te) >= 2) {
			c->tb = ex_skip_sp(key, i + 2, c->te);
			break;
		}
	/* "tăng 3,5% so cùng kỳ và tăng 0,4% …": the comparison of the row before names nothing */
	c->before_ok = score_np_ok(c->st, c->tb, c->te) && !comparison_at(c->st, c->tb, c->te);
	c->before_empty = c->te <= c->tb;
	/* a change's verb is its own "tăng"/"giảm" */
	c->copula = e->kind == EV_RANK || e->kind == EV_CHANGE || copula_before(key, c->sb, e->b);
	score_clause_after(c->st, e->e, &c->ab, &c->ae, &c->quoted);
	c->after_ok = c->ae > c->ab && (c->quoted || score_np_ok(c->st, c->ab, c->ae));
	c->percent = e->kind == EV_FIG && !strcmp(e->unit, "%");
}

/* "đạt 81% về hồ sơ (vượt 6% …) và 57% về thời gian": a "về …" phrase right after a figure
 * qualifies the indicator of the row before, not a subject of its own; key span [b, e) of it
 * makes r's subject that indicator so qualified. */
static int qualified_last(const subj *c, size_t b, size_t e, score_row *r)
{
	while (b < e && strchr(" ,", c->key[b]))
		b++;
	while (e > b && strchr(" ,", c->key[e - 1]))
		e--;
	if (!c->same_sentence || !c->last || !c->last->measured || !ex_word_at(c->key, e, b, "ve") ||
	    ex_words_in(c->key, b, e) > 6)
		return GO_ON;
	char *q = score_span_text(c->st, b, e, 1);
	if (q)
		set_subject(r, score_join3(c->last->measured, " ", q), sohoa_strdup(c->last->measured), SUBJ_LAST);
	free(q);
	return r->subject != NULL ? 1 : GO_ON;
}

/* The nouns of a goal a result is measured against, and the verbs that compare with it. */
static const char *const goal_nouns[] = {"chi tieu", "muc tieu", "ke hoach", NULL};
static const char *const goal_verbs[] = {"chua dat", "khong dat", "dat", "vuot", NULL};

/* Key offset *e of a phrase key[b..*e) moved back to a verb that compares it with its goal ("Tỷ lệ
 * hồ sơ … chưa đạt chỉ tiêu đề ra" -> "Tỷ lệ hồ sơ …"), if it has one. */
static void cut_at_goal(const char *key, size_t b, size_t *e)
{
	for (size_t i = b + 1; i < *e; i++) {
		if (key[i - 1] != ' ')
			continue;
		for (int v = 0; goal_verbs[v]; v++)
			if (ex_word_at(key, *e, i, goal_verbs[v]) &&
			    ex_starts_any(key, *e, ex_skip_sp(key, i + strlen(goal_verbs[v]), *e), goal_nouns)) {
				*e = i;
				return;
			}
	}
}

/* "… còn thấp (mới đạt 52,26/100%)": no noun phrase before the figure, what the parenthesis it
 * stands in follows. */
static int parenthesis_follows(const subj *c, score_row *r)
{
	if (c->before_ok || c->cstart == 0 || c->key[c->cstart - 1] != '(')
		return GO_ON;
	size_t pb = c->cstart - 1, ob = ex_clause_start(c->key, c->st->title_key, pb), oe = pb;
	if (c->same_sentence)
		ob = after_last_row(c->key, c->last, ob, pb);
	if (c->same_sentence && c->last && ob == c->last->end && qualified_last(c, ob, oe, r) == 1)
		return 1;
	/* "… 364.853 phiếu bầu (tỉ lệ 74,47%)": the rate of what was counted right before */
	size_t ib = ex_skip_sp(c->key, c->cstart, c->e->b), ie = c->e->b;
	while (ie > ib && c->key[ie - 1] == ' ')
		ie--;
	if ((ie - ib == 5 && (ex_word_at(c->key, ie, ib, "ty le") || ex_word_at(c->key, ie, ib, "ti le")))) {
		size_t ne = pb, nb = EX_NONE;
		while (ne > ob && c->key[ne - 1] == ' ')
			ne--;
		for (size_t w = ne, n = 0; w > ob && n < 8; n++) {
			while (w > ob && c->key[w - 1] != ' ')
				w--; /* w: the start of a word */
			size_t pe = w;
			while (pe > ob && c->key[pe - 1] == ' ')
				pe--;
			size_t ps = pe;
			while (ps > ob && (isdigit((unsigned char)c->key[ps - 1]) || strchr(".,", c->key[ps - 1])))
				ps--;
			if (pe > ps && (ps == ob || c->key[ps - 1] == ' ') && isdigit((unsigned char)c->key[ps])) {
				nb = w; /* the word after a count */
				break;
			}
			w = pe;
		}
		if (nb != EX_NONE && nb < ne && (isalpha((unsigned char)c->key[nb]) || (unsigned char)c->key[nb] >= 0x80) &&
		    score_np_ok(c->st, nb, ne)) {
			char *noun = score_span_text(c->st, nb, ne, 1);
			char *s = noun ? score_join3("tỷ lệ", " ", noun) : NULL;
			free(noun);
			if (take(r, s, SUBJ_OWN))
				return 1;
		}
	}
	score_trim_all(c->key, &ob, &oe);
	score_measured_part(c->key, ob, &oe); /* "Vốn X đạt 3.768 tỷ đồng (chiếm 13,7% …)": "Vốn X" */
	cut_at_goal(c->key, ob, &oe);
	score_trim_all(c->key, &ob, &oe);
	return score_np_ok(c->st, ob, oe) && take_span(r, c->st, ob, oe, 0, SUBJ_OWN) ? 1 : GO_ON;
}

/* Words after a goal's noun that leave it naming no indicator ("chỉ tiêu đề ra", "kế hoạch được
 * giao"). */
static const char *const goal_tails[] = {"de ra", "dat ra", "duoc giao", "giao", NULL};

/* A figure whose phrase names only the goal it is ("(chỉ tiêu đề ra là tối thiểu 98%)", "chỉ tiêu
 * tối thiểu 98%"): the goal of the indicator measured by the row before in its sentence; with no
 * such row, of the indicator the sentence or the part before its parenthesis opens with, up to
 * the verb that compares it with the goal ("Tỷ lệ X chưa đạt chỉ tiêu đề ra (chỉ tiêu …"). Neither:
 * nothing names what is measured (the row is dropped). */
static int goal_only_subject(const subj *c, score_row *r)
{
	const char *key = c->key;
	size_t b = c->te, e = c->te, gb;
	/* the goal's own part: after the last comma ("(4/15 sở, ngành, chỉ tiêu đề ra là 20%)") */
	while (b > c->tb && !(key[b - 1] == ',' && !(b >= 2 && isdigit((unsigned char)key[b - 2]) &&
						     isdigit((unsigned char)key[b]))))
		b--;
	b = ex_skip_sp(key, b, e);
	if (c->e->kind != EV_FIG || !ex_starts_any(key, e, b, goal_nouns))
		return GO_ON;
	gb = ex_skip_sp(key, b + 8, e);
	for (int t = 0; goal_tails[t] && gb < e; t++)
		if (ex_word_at(key, e, gb, goal_tails[t])) {
			gb = ex_skip_sp(key, gb + strlen(goal_tails[t]), e);
			break;
		}
	while (gb < e && (isdigit((unsigned char)key[gb]) || strchr(" ,.-", key[gb])))
		gb++; /* "(kế hoạch 8,5-8,7%)": the lower bound of its range */
	if (gb < e)
		return GO_ON; /* "chỉ tiêu tỷ lệ hộ nghèo …": the goal names its indicator */
	/* (not a phrase read after the row before's figure: it may run over this one) */
	if (c->same_sentence && c->last && c->last->measured && c->last->has_value && c->last->subj_src != SUBJ_AFTER &&
	    !strchr(c->last->measured, '(')) {
		set_subject(r, sohoa_strdup(c->last->measured), sohoa_strdup(c->last->measured), SUBJ_LAST);
		return r->subject != NULL;
	}
	size_t ob = score_list_start(key, c->sstart, c->e->b), oe = c->cstart > ob && key[c->cstart - 1] == '(' ? c->cstart - 1 : b;
	cut_at_goal(key, ob, &oe);
	score_measured_part(key, ob, &oe);
	score_trim_all(key, &ob, &oe);
	for (size_t i = ob; i < oe; i++)
		if (isdigit((unsigned char)key[i]))
			return 0; /* "GRDP ước tăng 9,5% (kế hoạch 8,5%)": a figure of its own, no plain indicator */
	if (oe > ob && oe <= b && score_np_ok(c->st, ob, oe) && !score_np_broken(c->st, ob, oe) &&
	    !ex_starts_any(key, oe, ob, goal_nouns) && ex_words_in(key, ob, oe) <= 20)
		return take_span(r, c->st, ob, oe, 0, SUBJ_SENTENCE);
	return 0;
}

/* A place named with its figure ("tỷ lệ giải ngân đạt 45,2% (trong đó Quảng Trị 80,68%, …)"): the
 * place is the unit measured, the subject the indicator of the row before in the statement, "của"
 * the place. No such row: nothing says what is measured (the row is dropped), unless the figure
 * is a ratio to a reference (ratio_subject). */
static int place_subject(const subj *c, score_row *r)
{
	size_t pb = c->te; /* past a figure left of it without a row ("Thanh Hóa 70,5%, Nghệ An 61,3%") */
	while (pb > c->tb && !strchr(",;", c->key[pb - 1]))
		pb--;
	if (!c->before_ok || c->e->kind == EV_RANK || !score_place_name(c->st, pb, c->te))
		return GO_ON;
	if (!c->last || !c->last->measured) /* "Hà Nội đạt 94% mục tiêu …" compares the place with its goal */
		return c->after_ok && !c->quoted && ex_starts_any(c->key, c->ae, c->ab, reference_words) ? GO_ON : 0;
	pb = ex_skip_sp(c->key, pb, c->te);
	char *place = score_span_text(c->st, pb, c->te, 0);
	if (place)
		set_subject(r, score_join3(c->last->measured, " của ", place), sohoa_strdup(c->last->measured),
			    SUBJ_LAST);
	free(place);
	return r->subject != NULL;
}

/* A ratio to a reference ("bằng 117,6% dự toán Trung ương giao"): the measured phrase (before
 * the figure, else the row before's, else the sentence's first noun phrase) "so với" the
 * reference. */
static int ratio_subject(const subj *c, score_row *r)
{
	const char *key = c->key;
	/* "đạt 104,2% dự toán Trung ương giao và 85,6% dự toán tỉnh giao": a second ratio of the same
	 * indicator, joined to the first by "và" or a comma */
	const score_row *last = c->same_sentence ? c->last : NULL;
	size_t wb, ge = c->e->b;
	while (ge > c->sb && key[ge - 1] == ' ')
		ge--;
	int parallel = last && last->subj_src == SUBJ_RATIO && last->measured && last->end <= c->e->b &&
		       (ex_ends_with(key, last->end, ge, "va", &wb) || (ge > 0 && key[ge - 1] == ','));
	if (!c->percent || !(c->copula || parallel) || !c->after_ok || c->quoted ||
	    !ex_starts_any(key, c->ae, c->ab, reference_words))
		return GO_ON;
	size_t rb = c->ab;
	if (ex_word_at(key, c->ae, rb, "so voi"))
		rb = ex_skip_sp(key, rb + 6, c->ae);
	char *ref = score_span_text(c->st, rb, c->ae, 1), *meas = NULL;
	int src = SUBJ_RATIO;
	size_t nb, ne;
	if (parallel && !c->copula) {
		meas = sohoa_strdup(last->measured);
		src = SUBJ_LAST;
	} else if (c->before_ok)
		meas = score_span_text(c->st, c->tb, c->te, 0);
	else if (c->same_sentence && c->last && c->last->measured) {
		meas = sohoa_strdup(c->last->measured);
		src = SUBJ_LAST;
	} else if (score_sentence_np(c->st, c->sstart, c->e->b, &nb, &ne)) {
		meas = score_span_text(c->st, nb, ne, 0);
		src = SUBJ_SENTENCE;
	}
	if (ref && meas) {
		set_subject(r, score_join3(meas, " so với ", ref), meas, src);
		free(ref);
		return r->subject != NULL;
	}
	free(ref);
	free(meas);
	return GO_ON;
}

/* A figure that opens its clause ("100% số người hưởng … được tuyên truyền"), or whose rate is
 * named before it and its population after ("Đạt tỷ lệ từ 70% hồ sơ …"): what is counted and
 * what is measured of it ("tỷ lệ người hưởng … được tuyên truyền"). */
static int opening_subject(const subj *c, score_row *r)
{
	const char *key = c->key;
	size_t sb = c->sb, rq = c->e->b, wb, ab = c->ab, ae = c->ae;
	while (rq > sb && key[rq - 1] == ' ')
		rq--;
	if (ex_ends_with(key, sb, rq, "tu", &wb) || ex_ends_with(key, sb, rq, "tren", &wb) ||
	    ex_ends_with(key, sb, rq, "it nhat", &wb) || ex_ends_with(key, sb, rq, "toi thieu", &wb))
		rq = wb;
	while (rq > sb && key[rq - 1] == ' ')
		rq--;
	int rate_before = c->percent && (ex_ends_with(key, sb, rq, "ty le", &wb) || ex_ends_with(key, sb, rq, "ti le", &wb));
	if (c->e->kind != EV_FIG || !c->after_ok ||
	    !(c->before_empty || (!c->copula && !c->before_ok) || c->quoted || rate_before))
		return GO_ON;
	if (!c->quoted && !rate_before && qualified_last(c, ab, ae, r) == 1)
		return 1;
	if (!c->percent || c->quoted)
		return take_span(r, c->st, ab, ae, 1, SUBJ_AFTER) ? 1 : GO_ON;
	size_t b2 = ab;
	if (ex_word_at(key, ae, b2, "so") && !ex_word_at(key, ae, b2, "so luong") && !ex_word_at(key, ae, b2, "so voi"))
		b2 = ex_skip_sp(key, b2 + 2, ae);
	char *pop = score_span_text(c->st, b2, ae, 1);
	int has_rate = ex_word_at(key, ae, b2, "ty le") || ex_word_at(key, ae, b2, "ti le") ||
		       ex_word_at(key, ae, b2, "ty trong");
	char *s = pop && !has_rate ? score_join3("tỷ lệ", " ", pop) : pop;
	if (s != pop)
		free(pop);
	return take(r, s, SUBJ_AFTER) ? 1 : GO_ON;
}

/* Actions that name what their figure measures of their object: "giải ngân 100% kế hoạch vốn"
 * measures the disbursement of the plan, not the plan. Not "hoàn thành", "thực hiện": completing
 * "100% các nhiệm vụ được giao" counts the tasks, which name it. */
static const char *const actions[] = {"giai ngan", "giai quyet", "xu ly", "so hoa", "dong gop",
				      "ket noi", "thu gom", "tiem chung", "chi tra", "thu hoi", "cong khai",
				      "tiep nhan", "phu song", NULL};

/* 1 when key[b..e) names only a goal: "kế hoạch", "chỉ tiêu đề ra", "mục tiêu được giao". */
static int goal_only(const char *key, size_t b, size_t e)
{
	while (e > b && strchr(" .,;", key[e - 1]))
		e--;
	if (!ex_starts_any(key, e, b, goal_nouns))
		return 0;
	size_t g = ex_skip_sp(key, b + 8, e);
	for (int t = 0; goal_tails[t] && g < e; t++)
		if (ex_word_at(key, e, g, goal_tails[t]))
			g = ex_skip_sp(key, g + strlen(goal_tails[t]), e);
	return g >= e;
}

/* "Công tác kiểm tra cải cách hành chính đã hoàn thành 100% kế hoạch đề ra": a plan completed
 * that names only itself; what is planned is the activity ("công tác …", "việc …") the sentence
 * opens with: "tỷ lệ hoàn thành kế hoạch kiểm tra cải cách hành chính". Another opening (a doer):
 * left to the next steps. */
static int plan_done_subject(const subj *c, score_row *r)
{
	const char *key = c->key;
	size_t ve = c->e->b, wb, nb, ne;
	while (ve > c->sstart && key[ve - 1] == ' ')
		ve--;
	if (c->e->kind != EV_FIG || !c->percent || !ex_ends_with(key, c->sstart, ve, "hoan thanh", &wb) ||
	    c->ae <= c->ab || !goal_only(key, c->ab, c->ae) || !score_sentence_np(c->st, c->sstart, wb, &nb, &ne))
		return GO_ON;
	if (ex_word_at(key, ne, nb, "cong tac"))
		nb = ex_skip_sp(key, nb + 8, ne);
	else if (ex_word_at(key, ne, nb, "viec"))
		nb = ex_skip_sp(key, nb + 4, ne);
	else
		return GO_ON;
	if (ex_words_in(key, nb, ne) < 2 || ex_words_in(key, nb, ne) > 12 || !score_np_ok(c->st, nb, ne))
		return GO_ON;
	char *what = score_span_text(c->st, nb, ne, 0);
	char *s = what ? score_join3("tỷ lệ hoàn thành kế hoạch", " ", what) : NULL;
	free(what);
	return take(r, s, SUBJ_OWN) ? 1 : GO_ON;
}

/* An action and its object: "hoàn thành 100% các nhiệm vụ được giao", "tăng thêm ít nhất 20% số
 * nhóm trẻ trong cơ sở giáo dục mầm non"; one of actions right before the figure stays with its
 * object, which ends before a passive clause that describes it ("giải ngân 100% kế hoạch vốn năm
 * 2025 đã được Thủ tướng Chính phủ giao" -> "giải ngân kế hoạch vốn năm 2025"). */
static int object_subject(const subj *c, score_row *r)
{
	const char *key = c->key;
	if (!((c->e->kind == EV_FIG && !c->copula && !c->before_empty) || c->e->kind == EV_CHANGE))
		return GO_ON;
	if (comparison_at(c->st, c->ab, c->ae)) /* "tăng 42% so cùng kỳ": no object */
		return GO_ON;
	if (c->ae <= c->ab || !score_np_ok(c->st, c->ab, c->ae))
		return GO_ON;
	size_t ve = score_back_over(key, c->sb, c->e->b, qualifiers), vb = EX_NONE, wb;
	while (ve > c->sb && key[ve - 1] == ' ')
		ve--;
	for (int a = 0; actions[a] && vb == EX_NONE && c->e->kind == EV_FIG; a++)
		if (ex_ends_with(key, c->sb, ve, actions[a], &wb))
			vb = wb;
	if (vb == EX_NONE)
		return take_span(r, c->st, c->ab, c->ae, 0, SUBJ_AFTER) ? 1 : GO_ON;
	size_t oe = c->ae;
	for (size_t i = c->ab; i < c->ae; i++)
		if (key[i - 1] == ' ' && ex_word_at(key, c->ae, i, "da duoc")) {
			oe = i;
			break;
		}
	while (oe > c->ab && strchr(" ,", key[oe - 1]))
		oe--;
	char *verb = score_span_text(c->st, vb, ve, 0), *obj = score_span_text(c->st, c->ab, oe, 1);
	char *s = verb && obj ? score_join3(verb, " ", obj) : NULL;
	free(verb);
	set_subject(r, s, obj, SUBJ_AFTER);
	return r->subject != NULL ? 1 : GO_ON;
}

/* "Sở đã tiếp nhận 120 hồ sơ và đã giải quyết 100%": a percentage an action ends its clause
 * with, what it acts on counted before it in the sentence: the rate of those acted on ("tỷ lệ
 * hồ sơ đã giải quyết"). */
static int count_object_subject(const subj *c, score_row *r)
{
	static const char *const stops[] = {"va", "da", "duoc", "trong do", "voi", "cua", NULL};
	const char *key = c->key;
	size_t ve = c->e->b, vb = EX_NONE, wb;
	if (c->e->kind != EV_FIG || !c->percent || c->e->has2 || c->after_ok)
		return GO_ON;
	while (ve > c->sstart && key[ve - 1] == ' ')
		ve--;
	for (int a = 0; actions[a] && vb == EX_NONE; a++)
		if (ex_ends_with(key, c->sstart, ve, actions[a], &wb))
			vb = wb;
	if (vb == EX_NONE)
		return GO_ON;
	size_t db = vb;
	while (db > c->sstart && key[db - 1] == ' ')
		db--;
	if (ex_ends_with(key, c->sstart, db, "da", &wb) && ex_spelled_at(c->st, wb, "đã"))
		vb = wb;
	/* the last count before the action: "120 hồ sơ" */
	size_t nb = EX_NONE;
	for (size_t i = c->sstart; i < vb; i++)
		if (isdigit((unsigned char)key[i]) && (i == 0 || key[i - 1] == ' '))
			nb = i;
	if (nb == EX_NONE)
		return GO_ON;
	size_t ob = nb;
	while (ob < vb && (isdigit((unsigned char)key[ob]) || key[ob] == '.'))
		ob++;
	if (ob >= vb || key[ob] != ' ')
		return GO_ON;
	ob = ex_skip_sp(key, ob, vb);
	size_t oe = ob;
	for (int w = 0; w < 6 && oe < vb && !strchr(",;:()", key[oe]) && !ex_starts_any(key, vb, oe, stops); w++) {
		while (oe < vb && key[oe] != ' ' && !strchr(",;:()", key[oe]))
			oe++;
		size_t q = ex_skip_sp(key, oe, vb);
		if (q < vb && !strchr(",;:()", key[q]) && !ex_starts_any(key, vb, q, stops))
			oe = q;
		else
			break;
	}
	/* the count's noun ends where the action joins it: "… hồ sơ và đã giải quyết", "…, giải quyết" */
	size_t g = oe;
	while (g < vb && strchr(" ,", key[g]))
		g++;
	if (ex_word_at(key, vb, g, "va"))
		g = ex_skip_sp(key, g + 2, vb);
	if (oe <= ob || g != vb || !score_np_ok(c->st, ob, oe))
		return GO_ON;
	char *noun = score_span_text(c->st, ob, oe, 1), *verb = score_span_text(c->st, vb, ve, 0);
	char *np = noun && verb ? score_join3(noun, " ", verb) : NULL;
	char *s = np ? score_join3("tỷ lệ", " ", np) : NULL;
	free(noun);
	free(verb);
	free(np);
	return take(r, s, SUBJ_OWN) ? 1 : GO_ON;
}

/* A whole number written with "." between thousands at key offset p ("1.219"): its value and end,
 * else -1. */
static double whole_at(const char *key, size_t p, size_t *end)
{
	double v = 0;
	size_t i = p;
	if (!isdigit((unsigned char)key[i]))
		return -1;
	for (; isdigit((unsigned char)key[i]) || (key[i] == '.' && isdigit((unsigned char)key[i + 1])); i++)
		if (key[i] != '.')
			v = v * 10 + (key[i] - '0');
	*end = i;
	return v;
}

/* 1 when the count at key offset nb ("42/139", "78") makes percent pct of its total (to a rounding
 * of the percentage): the total after "/", else a whole number before it in the sentence from sb
 * ("ban hành 137 quyết định …, trong đó có 78 …, đạt tỷ lệ 56,9%"); *tend gets the key offset
 * where that whole number ends (EX_NONE for a total after "/"). */
static int share_checks(const char *key, size_t sb, size_t nb, double pct, size_t *tend)
{
	size_t end;
	double n = whole_at(key, nb, &end), t;
	*tend = EX_NONE;
	if (n < 0)
		return 0;
	if (key[end] == '/')
		return (t = whole_at(key, end + 1, &end)) > 0 && fabs(100 * n / t - pct) <= 0.55;
	for (size_t i = sb; i < nb; i++)
		if (isdigit((unsigned char)key[i]) && (i == 0 || key[i - 1] == ' ') && (t = whole_at(key, i, &end)) > n &&
		    fabs(100 * n / t - pct) <= 0.55) {
			*tend = end;
			return 1;
		}
	return 0;
}

/* Words that end the noun of a total before its qualifier ("137 quyết định công bố danh mục thủ
 * tục hành chính thuộc thẩm quyền …"). */
static const char *const total_stops[] = {"thuoc", "cua", "tai", "tren", "trong", "theo", "cho", "ve", "do", "voi", NULL};

/* The end of the word at key offset p (before e). */
static size_t word_end(const char *key, size_t p, size_t e)
{
	while (p < e && key[p] != ' ')
		p++;
	return p;
}

/* The noun of a part [ob, oe) told with the noun of its total (after the total's number, from
 * tb): when the part's words are the total's first two words or more and then its own qualifier
 * ("78 quyết định công bố đúng hạn" of "137 quyết định công bố danh mục thủ tục hành chính
 * thuộc …"), the total's noun up to its qualifier, then the part's: "quyết định công bố danh mục
 * thủ tục hành chính đúng hạn". NULL when they share no such head (caller keeps the part's). */
static char *part_of_total(const ex_stmt *st, size_t tb, size_t ob, size_t oe)
{
	const char *key = st->key;
	size_t te = tb;
	tb = ex_skip_sp(key, tb, ob);
	while (te < ob && !strchr(",;:.()", key[te]))
		te++;
	size_t p = tb, q = ob;
	int common = 0;
	/* the head both start with */
	while (p < te && q < oe) {
		size_t pe = word_end(key, p, te), qe = word_end(key, q, oe);
		if (pe - p != qe - q || strncmp(key + p, key + q, pe - p))
			break;
		common++;
		p = ex_skip_sp(key, pe, te);
		q = ex_skip_sp(key, qe, oe);
	}
	if (common < 2 || p >= te || q >= oe)
		return NULL;
	/* the total's own words after the head, up to its qualifier */
	size_t xe = p;
	int words = 0;
	while (xe < te && !ex_starts_any(key, te, xe, total_stops) && words < 8) {
		xe = ex_skip_sp(key, word_end(key, xe, te), te);
		words++;
	}
	while (xe > p && key[xe - 1] == ' ')
		xe--;
	if (xe <= p || words >= 8 || !score_np_ok(st, tb, xe))
		return NULL;
	char *head = score_span_text(st, tb, xe, 1), *rest = score_span_text(st, q, oe, 1);
	char *s = head && rest ? score_join3(head, " ", rest) : NULL;
	free(head);
	free(rest);
	return s;
}

/* "… đã kiểm tra 42/139 cơ quan, đơn vị, đạt tỷ lệ 30%": a percentage a rate word leads, after a
 * comma that ends a count and what it counts: the rate of those counted ("tỷ lệ cơ quan, đơn
 * vị"). */
static int counted_rate_subject(const subj *c, score_row *r)
{
	static const char *const leads[] = {"dat ty le", "dat ti le", "chiem ty le", "chiem ti le", "bang ty le",
					    "ty le", "ti le", NULL};
	const char *key = c->key;
	size_t le = c->e->b, lb = EX_NONE, wb;
	if (c->e->kind != EV_FIG || !c->percent || c->e->has2)
		return GO_ON;
	while (le > c->sstart && key[le - 1] == ' ')
		le--;
	for (int l = 0; leads[l] && lb == EX_NONE; l++)
		if (ex_ends_with(key, c->sstart, le, leads[l], &wb))
			lb = wb;
	if (lb == EX_NONE)
		return GO_ON;
	while (lb > c->sstart && key[lb - 1] == ' ')
		lb--;
	if (lb <= c->sstart || key[lb - 1] != ',')
		return GO_ON;
	size_t oe = lb - 1, nb = EX_NONE;
	/* the last count before that comma: "42/139", "78" (not a decimal: "2,5") */
	for (size_t i = c->sstart; i < oe; i++)
		if (isdigit((unsigned char)key[i]) && (i == 0 || key[i - 1] == ' '))
			nb = i;
	if (nb == EX_NONE)
		return GO_ON;
	size_t ob = nb;
	while (ob < oe && (isdigit((unsigned char)key[ob]) || key[ob] == '/' || key[ob] == '.'))
		ob++;
	size_t tend;
	if (ob >= oe || key[ob] != ' ' || !share_checks(key, c->sstart, nb, c->e->v1, &tend))
		return GO_ON;
	ob = ex_skip_sp(key, ob, oe);
	/* "khám 1.688.455 lượt người": a count of events names no population */
	if (ex_word_at(key, oe, ob, "luot") || ex_word_at(key, oe, ob, "lan"))
		return GO_ON;
	for (size_t i = ob; i < oe; i++)
		if (isdigit((unsigned char)key[i]) || strchr(";:()", key[i]))
			return GO_ON;
	if (ex_words_in(key, ob, oe) > 8 || !score_np_ok(c->st, ob, oe))
		return GO_ON;
	char *noun = tend != EX_NONE ? part_of_total(c->st, tend, ob, oe) : NULL;
	if (!noun)
		noun = score_span_text(c->st, ob, oe, 1);
	char *s = noun ? score_join3("tỷ lệ", " ", noun) : NULL;
	free(noun);
	return take(r, s, SUBJ_OWN) ? 1 : GO_ON;
}

/* "… đã triển khai thực hiện 39/45 nhiệm vụ đề ra (đạt 86,67% kế hoạch, …)": a percentage that
 * opens a parenthesis ("đạt" before it at most) right after a fraction that makes it, and the
 * noun the fraction counts: the rate of those counted ("tỷ lệ nhiệm vụ đề ra"). */
static int fraction_rate_subject(const subj *c, score_row *r)
{
	const char *key = c->key;
	size_t pb = c->cstart, wb;
	if (c->e->kind != EV_FIG || !c->percent || c->e->has2 || pb == 0 || key[pb - 1] != '(')
		return GO_ON;
	size_t fb = ex_skip_sp(key, pb, c->e->b);
	if (fb < c->e->b && !(ex_word_at(key, c->e->b, fb, "dat") && ex_skip_sp(key, fb + 3, c->e->b) == c->e->b))
		return GO_ON;
	size_t oe = pb - 1;
	while (oe > 0 && key[oe - 1] == ' ')
		oe--;
	/* the last fraction "39/45" before the parenthesis, in its clause */
	size_t cb = ex_clause_start(key, c->st->title_key, oe), nb = EX_NONE;
	for (size_t i = cb; i < oe; i++)
		if (isdigit((unsigned char)key[i]) && (i == 0 || key[i - 1] == ' '))
			nb = i;
	if (nb == EX_NONE)
		return GO_ON;
	size_t ob = nb, tend;
	while (ob < oe && isdigit((unsigned char)key[ob]))
		ob++;
	if (ob >= oe || key[ob] != '/' || !share_checks(key, nb, nb, c->e->v1, &tend))
		return GO_ON;
	while (ob < oe && key[ob] != ' ')
		ob++;
	ob = ex_skip_sp(key, ob, oe);
	if (ob >= oe || ex_words_in(key, ob, oe) > 8 || ex_ends_with(key, ob, oe, "ke hoach", &wb) ||
	    !score_np_ok(c->st, ob, oe))
		return GO_ON;
	for (size_t i = ob; i < oe; i++)
		if (isdigit((unsigned char)key[i]) || strchr(",;:", key[i]))
			return GO_ON;
	char *noun = score_span_text(c->st, ob, oe, 1);
	char *sj = noun ? score_join3("tỷ lệ", " ", noun) : NULL;
	free(noun);
	return take(r, sj, SUBJ_OWN) ? 1 : GO_ON;
}

/* A rank and what it ranks after it: "xếp thứ 05 cả nước về Chỉ số chuyển đổi số". */
static int rank_about_subject(const subj *c, score_row *r)
{
	static const char *const among[] = {"trong ca nuoc", "tren ca nuoc", "ca nuoc", "toan quoc", NULL};
	const char *key = c->key;
	size_t kl = c->st->keylen, p = ex_skip_sp(key, c->e->e, kl), ab, ae;
	if (c->e->kind != EV_RANK)
		return GO_ON;
	/* "là 01 trong 03 Bộ đầu tiên hoàn thành …": what the first ones did */
	for (size_t w = 0, q = p; c->e->top && w < 4 && q < kl && !strchr(",;:.()", key[q]); w++) {
		if (ex_word_at(key, kl, q, "dau tien")) {
			q = ex_skip_sp(key, q + 8, kl);
			score_clause_after(c->st, q, &ab, &ae, &(int){0});
			return ae > ab && score_np_ok(c->st, ab, ae) && take_span(r, c->st, ab, ae, 0, SUBJ_AFTER) ? 1 : GO_ON;
		}
		while (q < kl && key[q] != ' ' && !strchr(",;:.()", key[q]))
			q++;
		q = ex_skip_sp(key, q, kl);
	}
	for (int i = 0; among[i]; i++)
		if (ex_word_at(key, kl, p, among[i])) {
			p = ex_skip_sp(key, p + strlen(among[i]), kl);
			break;
		}
	/* "đứng thứ 5 khu vực Đồng bằng sông Cửu Long về …": a few words of place before "về" */
	for (int w = 0; w < 8 && p < kl && !ex_word_at(key, kl, p, "ve") && isalnum((unsigned char)key[p]); w++) {
		while (p < kl && key[p] != ' ' && !strchr(",;:.()", key[p]))
			p++;
		p = ex_skip_sp(key, p, kl);
	}
	if (!ex_word_at(key, kl, p, "ve"))
		return GO_ON;
	/* what is ranked: up to the clause's end or a word that says among whom or after whom ("về
	 * tốc độ tăng trưởng GRDP", "về số dân với 21,5 triệu dân", "… trên thế giới, chỉ sau …") */
	static const char *const ends[] = {"voi", "chi sau", "sau", "theo", "trong bang", "tren the gioi", "tren ca nuoc",
					   "trong ca nuoc", "ca nuoc", "the gioi", "toan quoc", "toan cau", NULL};
	ab = ae = ex_skip_sp(key, p + 2, kl);
	for (size_t q = ab, w = 0; q < kl && w < 15 && !strchr(",;:()", key[q]) && !ex_starts_any(key, kl, q, ends); w++) {
		while (q < kl && key[q] != ' ' && !strchr(",;:()", key[q]) && !(key[q] == '.' && (q + 1 >= kl || key[q + 1] == ' ')))
			q++;
		ae = q;
		if (q < kl && key[q] == '.')
			break;
		q = ex_skip_sp(key, q, kl);
	}
	return ae > ab && score_np_ok(c->st, ab, ae) && take_span(r, c->st, ab, ae, 0, SUBJ_AFTER) ? 1 : GO_ON;
}

/* A place ranked or scored in an index named before it: "Trong bảng xếp hạng Chỉ số PCI năm 2011,
 * tỉnh Lào Cai xếp ở vị trí thứ 1/63", "Về chỉ số HDI, Trung Quốc đạt 0,752 điểm": the index "của"
 * the place. The index starts at "chỉ số", else after "bảng xếp hạng (về)", in the words before
 * the last comma ahead of the place. */
/* The index a label before the figure's clause names ("đ) Bộ chỉ số phục vụ người dân … (sau
 * đây gọi tắt là Bộ chỉ số 766): …"): its short name when it gives one, else the label when it
 * starts with "chỉ số" or "bộ chỉ số" and is short. 1 with its key span in *b, *e. */
static int label_index(const subj *c, size_t *b, size_t *e)
{
	const char *key = c->key;
	size_t cs = c->cstart;
	if (cs == 0 || key[cs - 1] != ':')
		return 0;
	size_t lb = score_list_start(key, ex_clause_start(key, c->st->title_key, cs - 1), cs - 1), le = cs - 1;
	for (size_t i = lb; i + 10 < le; i++)
		if (ex_word_at(key, le, i, "goi tat la")) {
			size_t ab = ex_skip_sp(key, i + 10, le), ae = ab;
			while (ae < le && !strchr("),;\"", key[ae]))
				ae++;
			while (ae > ab && key[ae - 1] == ' ')
				ae--;
			if (ae > ab && (ex_word_at(key, ae, ab, "chi so") || ex_word_at(key, ae, ab, "bo chi so")) &&
			    ex_words_in(key, ab, ae) <= 8) {
				*b = ab;
				*e = ae;
				return 1;
			}
			return 0;
		}
	score_trim_all(key, &lb, &le);
	if (le > lb && (ex_word_at(key, le, lb, "chi so") || ex_word_at(key, le, lb, "bo chi so")) &&
	    ex_words_in(key, lb, le) <= 15 && !memchr(key + lb, ',', le - lb) && score_np_ok(c->st, lb, le)) {
		*b = lb;
		*e = le;
		return 1;
	}
	return 0;
}

static int index_place_subject(const subj *c, score_row *r)
{
	const char *key = c->key;
	size_t from = c->sb > c->sstart ? c->sb : c->sstart; /* an opening adverbial left out of tb */
	if (c->e->kind == EV_CHANGE || c->te <= c->tb)
		return GO_ON;
	size_t comma = c->te;
	while (comma > from && !(key[comma - 1] == ',' && !(isdigit((unsigned char)key[comma]))))
		comma--;
	if (comma <= from)
		return GO_ON;
	size_t ub = ex_skip_sp(key, comma, c->te), ie = comma - 1;
	if (ex_words_in(key, ub, c->te) > 6 || !score_place_name(c->st, ub, c->te))
		return GO_ON;
	size_t ib = EX_NONE;
	for (size_t i = from; i < ie && ib == EX_NONE; i++)
		if (i == 0 || key[i - 1] == ' ') {
			if (ex_word_at(key, ie, i, "chi so"))
				ib = i;
			else if (ex_word_at(key, ie, i, "bang xep hang")) {
				ib = ex_skip_sp(key, i + 13, ie);
				if (ex_word_at(key, ie, ib, "ve"))
					ib = ex_skip_sp(key, ib + 2, ie);
			}
		}
	while (ie > ib && ib != EX_NONE && key[ie - 1] == ' ')
		ie--;
	if ((ib == EX_NONE || ie <= ib || ex_words_in(key, ib, ie) > 15 || memchr(key + ib, ',', ie - ib) ||
	     !score_np_ok(c->st, ib, ie)) &&
	    !label_index(c, &ib, &ie))
		return GO_ON;
	char *index = score_span_text(c->st, ib, ie, 0), *place = score_span_text(c->st, ub, c->te, 0);
	char *s = index && place ? score_join3(index, " của ", place) : NULL;
	free(index);
	free(place);
	return take(r, s, SUBJ_OWN) ? 1 : GO_ON;
}

/* A rank after a labelled amount: "dân số: 4.370.046 người, xếp thứ 7; diện tích: 5.939 km², xếp
 * thứ 28": the label ranks, not the amount (from "có" on when the label holds one: "Đồng Tháp có
 * diện tích"). */
static int rank_label_subject(const subj *c, score_row *r)
{
	const char *key = c->key;
	if (c->e->kind != EV_RANK || c->te <= c->tb || !isdigit((unsigned char)key[c->tb]))
		return GO_ON;
	size_t le = c->tb;
	while (le > c->sstart && key[le - 1] == ' ')
		le--;
	if (le <= c->sstart || key[le - 1] != ':')
		return GO_ON;
	le--;
	size_t lb = le;
	while (lb > c->sstart && !strchr(",;", key[lb - 1]))
		lb--;
	lb = score_list_start(key, lb, le);
	for (size_t i = lb; i + 2 < le; i++)
		if ((i == 0 || key[i - 1] == ' ') && ex_word_at(key, le, i, "co") && ex_spelled_at(c->st, i, "có"))
			lb = i + 2;
	score_trim_all(key, &lb, &le);
	return le > lb && ex_words_in(key, lb, le) <= 8 && score_np_ok(c->st, lb, le) &&
			       take_span(r, c->st, lb, le, 0, SUBJ_OWN)
		       ? 1
		       : GO_ON;
}

/* A change named by its rate: "… cao hơn so với mức tăng cả nước là 9,2%" (the comparator's rate
 * of the indicator before), "mức giảm của khu vực là 3%". Sets *sign; 1 when figure e is one,
 * with the key span of the words between the rate and the figure in *b, *e. */
int score_rate_of_change(const ex_stmt *st, size_t cstart, const score_ev *e, int *sign, size_t *wb, size_t *we)
{
	static const char *const rates[] = {"muc tang", "muc giam", NULL}; /* not "mức tăng trưởng": a level */
	const char *key = st->key;
	if (e->kind != EV_FIG || strcmp(e->unit, "%") || e->has2)
		return 0;
	for (size_t i = cstart; i < e->b; i++)
		for (int k = 0; rates[k]; k++)
			if ((i == 0 || key[i - 1] == ' ') && ex_word_at(key, e->b, i, rates[k]) &&
			    !ex_word_at(key, e->b, ex_skip_sp(key, i + strlen(rates[k]), e->b), "truong")) {
				size_t b = ex_skip_sp(key, i + strlen(rates[k]), e->b), end = e->b, x;
				while (end > b && key[end - 1] == ' ')
					end--;
				if (ex_ends_with(key, b, end, "la", &x) || ex_ends_with(key, b, end, "dat", &x) ||
				    ex_ends_with(key, b, end, "o muc", &x))
					end = x;
				while (end > b && key[end - 1] == ' ')
					end--;
				if (ex_words_in(key, b, end) > 6 || memchr(key + b, ',', end - b))
					continue;
				*sign = strstr(rates[k], "giam") ? -1 : 1;
				*wb = b;
				*we = end;
				return 1;
			}
	return 0;
}

/* The subject of such a rate: the comparator's words joined to the indicator of the row before
 * ("sản xuất công nghiệp" + "cả nước"), else the words themselves. */
static int rate_subject(const subj *c, score_row *r)
{
	int sign;
	size_t b, e;
	if (!score_rate_of_change(c->st, c->cstart, c->e, &sign, &b, &e) || e <= b)
		return GO_ON;
	char *words = score_span_text(c->st, b, e, 0);
	if (!words)
		return GO_ON;
	if (c->same_sentence && c->last && c->last->measured && ex_starts_any(c->key, e, b, comparators)) {
		set_subject(r, score_join3(c->last->measured, " ", words), sohoa_strdup(c->last->measured), SUBJ_LAST);
		free(words);
		return r->subject != NULL;
	}
	return score_np_ok(c->st, b, e) && take(r, words, SUBJ_OWN) ? 1 : (free(words), GO_ON);
}

/* The indicator a goal names right before its figure ("đạt mục tiêu tăng trưởng kinh tế 8% trong
 * năm 2025", "chỉ tiêu tỷ lệ hộ nghèo từ 2 - 3%"): the words after "mục tiêu" / "chỉ tiêu". */
static int goal_subject(const subj *c, score_row *r)
{
	static const char *const goals[] = {"muc tieu", "chi tieu", NULL};
	const char *key = c->key;
	size_t gb = EX_NONE;
	if (c->e->kind != EV_FIG || c->copula)
		return GO_ON;
	for (size_t i = c->sb; i < c->e->b; i++)
		if ((i == 0 || key[i - 1] == ' ') && ex_starts_any(key, c->e->b, i, goals))
			gb = i + 8;
	if (gb == EX_NONE)
		return GO_ON;
	size_t b = ex_skip_sp(key, gb, c->e->b), e = c->e->b, wb;
	static const char *const bounds[] = {"từ", "trên", "dưới", "khoảng", "ít nhất", "tối thiểu", NULL};
	static const char *const plain_bounds[] = {"tu", "tren", "duoi", "khoang", "it nhat", "toi thieu", NULL};
	for (int again = 1; again;) { /* "… từ 8,3 - 8,5%": the bound is no part of the indicator */
		again = 0;
		while (e > b && key[e - 1] == ' ')
			e--;
		for (int w = 0; plain_bounds[w]; w++)
			if (ex_ends_with(key, b, e, plain_bounds[w], &wb) && ex_spelled_at(c->st, wb, bounds[w])) {
				e = wb;
				again = 1;
				break;
			}
	}
	score_trim_all(key, &b, &e);
	if (ex_words_in(key, b, e) > 12 || !score_np_ok(c->st, b, e))
		return GO_ON;
	return take_span(r, c->st, b, e, 0, SUBJ_OWN) ? 1 : GO_ON;
}

/* The measured phrase before the figure, unless a long one no verb or qualifier links to it
 * ("… cấp hóa chất Cloramin B, Chlorine 70%": the figure is part of a name; the row is dropped). */
static int own_subject(const subj *c, score_row *r)
{
	/* a phrase that opens with a rate names an indicator, not a product ("tỷ lệ thu gom chất thải
	 * rắn đô thị 90%") */
	static const char *const rates[] = {"ty le", "ti le", "ty trong", "ti trong", "toc do", NULL};
	if (c->before_ok && c->e->kind == EV_FIG && !c->copula && !linked(c->key, c->sb, c->e->b) &&
	    ex_words_in(c->key, c->tb, c->te) > 8 && !ex_starts_any(c->key, c->te, c->tb, rates))
		return 0;
	/* "… đạt 60% (trong đó đào tạo nghề đạt 40%)": a part of the population of the row before */
	if (c->before_ok && c->cstart > 0 && c->key[c->cstart - 1] == '(' && c->same_sentence && c->last &&
	    c->last->measured && ex_word_at(c->key, c->te, ex_skip_sp(c->key, c->cstart, c->te), "trong do")) {
		char *part = score_span_text(c->st, c->tb, c->te, 0);
		if (part)
			set_subject(r, score_join3(c->last->measured, ", trong đó ", part), part, SUBJ_LAST);
		if (r->subject)
			return 1;
	}
	if (c->before_ok && c->same_sentence && c->last && c->last->measured &&
	    ex_starts_any(c->key, c->te, c->tb, comparators)) { /* the comparator of the row before's indicator */
		char *cmpr = score_span_text(c->st, c->tb, c->te, 0);
		if (cmpr)
			set_subject(r, score_join3(c->last->measured, " ", cmpr), sohoa_strdup(c->last->measured), SUBJ_LAST);
		free(cmpr);
		return r->subject != NULL;
	}
	return c->before_ok && take_span(r, c->st, c->tb, c->te, 0, SUBJ_OWN) ? 1 : GO_ON;
}

/* "…, vượt kịch bản đề ra, đứng thứ 04/34": the row before's subject (a figure's in the same
 * clause; a rank or change has no subject of its own in the sentence). */
static int row_before_subject(const subj *c, score_row *r)
{
	const score_row *last = c->last;
	if (!c->same_sentence || !last || !last->subject || (last->at < c->cstart && c->e->kind == EV_FIG))
		return GO_ON;
	/* a change after a ratio changes the indicator, not its ratio to the reference */
	const char *s = c->e->kind == EV_CHANGE && last->subj_src == SUBJ_RATIO && last->measured ? last->measured
												   : last->subject;
	/* "… Quý III đạt 6,26%, 9 tháng năm 2025 tăng 6,9%": a period of its own replaces the row
	 * before's ("tăng trưởng GRDP … 9 tháng năm 2025") */
	size_t pb = c->sb, pe = c->e->b;
	while (pb < pe && strchr(" ,;", c->key[pb]))
		pb++;
	while (pe > pb && c->key[pe - 1] == ' ')
		pe--;
	size_t tb = pb, te = pe;
	score_trim_all(c->key, &tb, &te);
	if (last->measured && pe > pb && te <= tb && (isdigit((unsigned char)c->key[pb]) ||
						      ex_word_at(c->key, pe, pb, "quy") || ex_word_at(c->key, pe, pb, "luy ke"))) {
		char *own = score_drop_period(last->measured), *period = score_span_text(c->st, pb, pe, 0);
		char *subject = own && period ? score_join3(own, " ", period) : NULL;
		free(period);
		set_subject(r, subject, own, SUBJ_LAST);
		return r->subject != NULL;
	}
	set_subject(r, sohoa_strdup(s), last->measured ? sohoa_strdup(last->measured) : NULL, SUBJ_LAST);
	return r->subject != NULL;
}

/* A figure alone after a colon ("Tỷ lệ hộ nghèo: 2,5%"): the label before the colon. */
static int label_subject(const subj *c, score_row *r)
{
	const char *key = c->key;
	size_t cs = c->cstart;
	if (!c->before_empty || cs == 0 || key[cs - 1] != ':')
		return GO_ON;
	size_t lb = score_list_start(key, ex_clause_start(key, c->st->title_key, cs - 1), cs - 1), le = cs - 1;
	score_trim_all(key, &lb, &le);
	return score_np_ok(c->st, lb, le) && ex_words_in(key, lb, le) <= 15 && !score_generic_label(key, le, lb) &&
			       take_span(r, c->st, lb, le, 0, SUBJ_OWN)
		       ? 1
		       : GO_ON;
}

/* The noun phrase the figure's sentence starts with, when the figure is in a later clause. */
static int sentence_subject(const subj *c, score_row *r)
{
	size_t nb, ne;
	return c->cstart > c->sstart && score_sentence_np(c->st, c->sstart, c->e->b, &nb, &ne) &&
			       take_span(r, c->st, nb, ne, 0, SUBJ_SENTENCE)
		       ? 1
		       : GO_ON;
}

/* A figure whose clause has words before it that are a clause cut out ("… đã hoàn thành khi có
 * 81% …", "con số này là … 8,4%", "… sẽ vào khoảng 15 - 20%"; score_np_broken): the sentence says
 * what it measures in words that cannot be read, and no phrase elsewhere (the sentence's first,
 * the heading) is surer than that. The row is dropped. */
static int unreadable_subject(const subj *c, score_row *r)
{
	(void)r;
	if (c->e->kind == EV_FIG && !c->before_ok && ex_words_in(c->key, c->tb, c->te) >= 3 &&
	    score_np_broken(c->st, c->tb, c->te))
		return 0;
	return GO_ON;
}

/* The steps, in the order they are tried; the heading's criterion is the last resort. */
static int (*const steps[])(const subj *c, score_row *r) = {
	fraction_rate_subject, goal_only_subject, rank_about_subject, index_place_subject, rank_label_subject, rate_subject,       place_subject,       parenthesis_follows, ratio_subject, opening_subject,
	plan_done_subject, object_subject,     count_object_subject, counted_rate_subject, goal_subject,     own_subject,         row_before_subject, unreadable_subject,
	label_subject,      sentence_subject,
};

/* The index a list's lead names ("1. Báo cáo tự đánh giá, chấm điểm các tiêu chí … Chỉ số cải
 * cách hành chính năm 2025 của tỉnh Lâm Đồng (gửi kèm theo), trong đó:"): from a capitalized
 * "Chỉ số" to the clause's end, in the nearest statement ending with ':' at most three before si;
 * NULL when none. */
static char *lead_index(const ex_doc *ed, size_t si)
{
	for (size_t h = si; h-- > 0 && si - h <= 3;) {
		const ex_stmt *hs = &ed->stmts[h];
		size_t e = hs->keylen;
		while (e > 0 && hs->key[e - 1] == ' ')
			e--;
		if (e == 0 || hs->key[e - 1] != ':')
			continue;
		for (size_t i = 0; i + 6 < e; i++) {
			if ((i > 0 && hs->key[i - 1] != ' ') || !ex_word_at(hs->key, e, i, "chi so") ||
			    hs->text[hs->kmap[i]] != 'C')
				continue;
			size_t j = i;
			while (j < e && !strchr(",;:()", hs->key[j]) && !ex_sentence_dot(hs->key, hs->keylen, j))
				j++;
			while (j > i && hs->key[j - 1] == ' ')
				j--;
			size_t n = ex_words_in(hs->key, i, j);
			return n >= 4 && n <= 16 && score_np_ok(hs, i, j) ? score_span_text(hs, i, j, 0) : NULL;
		}
		return NULL;
	}
	return NULL;
}

/* A self-assessed result whose subject names no index ("- Kết quả tự đánh giá của tỉnh đạt:
 * 60,5/61,5 điểm (chỉ số 98,37%)" under a lead naming "Chỉ số cải cách hành chính …"): the
 * result, or its rate ("chỉ số"), of self-assessing the lead's index. r keeps its subject
 * otherwise. */
static void self_assessed(const ex_doc *ed, size_t si, size_t sstart, const score_ev *e, score_row *r)
{
	static const char *const generic[][2] = {{"chỉ số", "chỉ số tự đánh giá"},
						  {"tự đánh giá", "kết quả tự đánh giá"},
						  {"kết quả tự đánh giá", "kết quả tự đánh giá"}};
	const ex_stmt *st = &ed->stmts[si];
	const char *sub = r->subject, *prefix = NULL;
	if (!sub || !ex_has_word(st->key, sstart, e->b, "tu danh gia"))
		return;
	for (size_t g = 0; g < sizeof generic / sizeof generic[0] && !prefix; g++) {
		size_t n = strlen(generic[g][0]);
		if (strncmp(sub, generic[g][0], n))
			continue;
		/* the phrase alone, or with "của" and a unit of three words at most ("của tỉnh") */
		const char *rest = sub + n;
		int spaces = 0;
		for (const char *q = rest; *q; q++)
			spaces += *q == ' ';
		if (!*rest || (!strncmp(rest, " của ", strlen(" của ")) && spaces <= 4))
			prefix = generic[g][1];
	}
	if (!prefix)
		return;
	char *index = lead_index(ed, si), *s = index ? score_join3(prefix, " ", index) : NULL;
	free(index);
	if (s)
		take(r, s, r->subj_src);
}

static int subject_steps(const ex_doc *ed, size_t si, const score_ev *e, const score_row *last, int same_sentence,
			 size_t cstart, size_t sstart, score_row *r)
{
	const ex_stmt *st = &ed->stmts[si];
	if (e->kind == EV_FIG && ex_skip_sp(st->key, 0, st->keylen) == e->b &&
	    ex_skip_sp(st->key, e->e, st->keylen) >= st->keylen)
		return cell_subject(ed, si, r); /* a table cell holding the figure alone */
	if (e->kind == EV_FIG && paren_subject(st, e, last, same_sentence, cstart, r))
		return r->subject != NULL;
	subj c = {.st = st, .key = st->key, .e = e, .last = last, .same_sentence = same_sentence, .cstart = cstart,
		  .sstart = sstart};
	read_around(&c);
	for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
		int v = steps[i](&c, r);
		if (v != GO_ON)
			return v;
	}
	return take(r, heading_subject(ed, si), SUBJ_HEADING);
}

int score_subject_of(const ex_doc *ed, size_t si, const score_ev *e, const score_row *last, int same_sentence,
		     size_t cstart, size_t sstart, score_row *r)
{
	int v = subject_steps(ed, si, e, last, same_sentence, cstart, sstart, r);
	if (v)
		self_assessed(ed, si, sstart, e, r);
	return v;
}
