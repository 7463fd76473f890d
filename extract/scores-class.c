/* scores-class: what a figure of scores.csv states — whether it is a fact at all (not a scheme's
 * threshold, a formula, a condition, a norm, a quota, a count of places), and its kind (target or
 * score), bound and year. */
#include "scores-int.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Words before a figure that make it a target. */
static const char *const target_cues[] = {"phan dau", "muc tieu", "chi tieu", "it nhat", "toi thieu",
					  "tro len", "dat tu", "khong duoi", "khong thap hon", "dam bao",
					  "bao dam", "toi da", "khong qua", NULL};
/* Words that make a figure in a plan a reported result rather than a target. */
static const char *const result_cues[] = {"theo ket qua", "ket qua:", "da dat", "da duoc", "hien nay", "hien tai",
					  "uoc dat", "uoc thuc hien", "den nay", "da hoan thanh", NULL};
/* Words right after a figure that compare a result with its plan or the year before ("đạt 98%
 * kế hoạch", "bằng 102% dự toán", "tăng 6% so cùng kỳ"). */
static const char *const result_refs[] = {"ke hoach", "du toan", "so cung ky", "so voi cung ky", "cung ky", NULL};
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

/* A target cue not negated ("chưa đảm bảo" is no target). */
static int has_target_cue(const char *key, size_t b, size_t e)
{
	for (size_t i = b; i < e; i++)
		for (int c = 0; target_cues[c]; c++) {
			if (!ex_word_at(key, e, i, target_cues[c]) ||
			    (i >= b + 5 && (!strncmp(key + i - 5, "chua ", 5) || (i >= b + 6 && !strncmp(key + i - 6, "khong ", 6)))))
				continue;
			/* "các cân đối lớn được đảm bảo": a state reached, not a goal */
			if (i >= b + 5 && !strncmp(key + i - 5, "duoc ", 5) &&
			    (!strcmp(target_cues[c], "dam bao") || !strcmp(target_cues[c], "bao dam")))
				continue;
			/* "bằng 115,1% mục tiêu …", "so với mục tiêu", "vượt mục tiêu", "xấp xỉ mục tiêu": a
			 * reference, not a goal */
			if (!strcmp(target_cues[c], "muc tieu") || !strcmp(target_cues[c], "chi tieu")) {
				size_t p = i, wb;
				while (p > b && key[p - 1] == ' ')
					p--;
				if (p > b && isdigit((unsigned char)key[p - 1]))
					continue; /* "59.971 mục tiêu dân cư", "15/17 chỉ tiêu": things counted */
				/* … unless the figure is the goal's own value ("đạt mục tiêu tăng trưởng 8%") */
				size_t ge = i + 8;
				int own_value = ge < e && ex_words_in(key, ge, e) <= 10;
				for (size_t k = ge; k < e && own_value; k++)
					own_value = !strchr(",;%)", key[k]) && !isdigit((unsigned char)key[k]);
				/* "xấp xỉ mục tiêu kế hoạch cả năm (20,5%)": the goal's value in parentheses */
				int open = 0, closed = 0;
				for (size_t k = ge; k < e; k++) {
					open |= key[k] == '(';
					closed |= key[k] == ')';
				}
				own_value |= open && !closed;
				if (!own_value && ((p > b && key[p - 1] == '%') || ex_ends_with(key, b, p, "so voi", &wb) ||
						   ex_ends_with(key, b, p, "da hoan thanh", &wb) ||
						   ex_ends_with(key, b, p, "vuot", &wb) || ex_ends_with(key, b, p, "dat", &wb) ||
						   ex_ends_with(key, b, p, "xap xi", &wb)))
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
		} else if (ex_ends_with(key, cb, e, "tren", &wb) || ex_ends_with(key, cb, e, "hon", &wb) ||
			   ex_ends_with(key, cb, e, "vuot", &wb)) {
			op = ">";
			e = wb;
		} else if (ex_ends_with(key, cb, e, "duoi", &wb)) {
			op = "<";
			e = wb;
		} else if (ex_ends_with(key, cb, e, "it nhat", &wb) || ex_ends_with(key, cb, e, "toi thieu", &wb) ||
			   ex_ends_with(key, cb, e, "toi da", &wb) || ex_ends_with(key, cb, e, "khong qua", &wb) ||
			   ex_ends_with(key, cb, e, "tu", &wb) || ex_ends_with(key, cb, e, "dat", &wb) ||
			   ex_ends_with(key, cb, e, "khoang", &wb) || ex_ends_with(key, cb, e, "xuong", &wb) ||
			   ex_ends_with(key, cb, e, "o muc", &wb)) {
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

/* Words of a sentence about awards: a figure bounded there is a quota ("tỷ lệ không quá 10% tập thể"). */
static const char *const award_words[] = {"khen thuong", "bang khen", "giay khen", "danh hieu", "xet tang",
					  "tang thuong", "co thi dua", "de nghi khen", NULL};
/* Words that open a condition ("Đối với … có tỷ lệ … thấp dưới 30% có thể điều chỉnh …"). */
static const char *const cond_open[] = {"neu", "truong hop", "trong truong hop", "khi", "doi voi", "rieng doi voi", NULL};

/* 1 when an arithmetic or comparison operator stands next to the figure [b, e) or an '=' before
 * it in its clause: a formula ("Tỷ lệ = b/a * 100%", "… x 100% x 25") or a condition ("(i>20%)"),
 * not a fact. */
static int in_formula(const char *key, size_t keylen, size_t cb, size_t b, size_t e)
{
	size_t i = b;
	while (i > cb && key[i - 1] == ' ')
		i--;
	if (i > cb && (strchr("*=/+<>", key[i - 1]) || (key[i - 1] == 'x' && (i - 1 == cb || key[i - 2] == ' ')) ||
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

/* What a threshold brings, after the comma that ends it ("Thiệt hại từ 30% đến dưới 40%, giảm
 * thuế 80%"). */
static const char *const consequences[] = {"duoc ho tro", "ho tro", "boi thuong", "muc ho tro", "giam thue",
					   "mien thue", "duoc giam", "duoc mien", "duoc huong", "duoc boi thuong", NULL};

/* 1 when the figure at [b, e) of statement st sits in a condition: its sentence opens with a
 * condition word and goes on after it with the consequence ("thì", "có thể"), or "nếu" comes
 * right before it in its clause with "thì" after, or it is what "phải" requires before "mới
 * được" (a requirement for a right, not a goal). */
static int in_condition(const ex_stmt *st, size_t cb, size_t sb, size_t b, size_t e)
{
	const char *key = st->key;
	size_t se = ex_sentence_end(key, st->keylen, e);
	size_t i = score_list_start(key, sb, b);
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
	/* "… bằng 50% đến 100% công năng xe thì bị trừ 4 điểm": what follows "thì bị/được" is the rule's
	 * consequence */
	for (size_t k = e; k < se; k++)
		if (ex_word_at(key, se, k, "thi bi") || ex_word_at(key, se, k, "thi duoc"))
			return 1;
	for (size_t k = cb; k < b; k++)
		if (ex_word_at(key, b, k, "neu") && then)
			return 1;
	/* a requirement for what it opens: "… phải tham dự tối thiểu 80% số buổi học mới được dự thi" */
	int must = 0;
	for (size_t k = sb; k < b && !must; k++)
		must = ex_word_at(key, b, k, "phai");
	for (size_t k = e; k < se && must; k++)
		if (ex_word_at(key, se, k, "moi duoc") || ex_word_at(key, se, k, "moi du"))
			return 1;
	/* "Trường hợp …", "Nếu …" open a sentence that is a condition and its consequence */
	if (ex_word_at(key, b, i, "truong hop") || ex_word_at(key, b, i, "neu"))
		return 1;
	/* a threshold and what it brings: "thiệt hại trên 70% diện tích, hỗ trợ 6.000.000 đồng/ha" */
	for (size_t k = e; k < se; k++)
		if (key[k] == ',' || key[k] == ';') {
			size_t j = ex_skip_sp(key, k + 1, se);
			if (ex_starts_any(key, se, j, consequences))
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
/* What an owner holds a share of: "doanh nghiệp 100% vốn điều lệ nhà nước". */
static const char *const shares[] = {"von gop", "von dieu le", "co phan", "co phieu", NULL};
/* Topics of a price, a charge, an allowance, a planning parameter or a degree of disability: a
 * figure in a clause about them is a norm ("điều chỉnh mức giá … cao hơn 15%", "lãi suất cho vay
 * 6,6%/năm", "mật độ xây dựng tối đa là 30%", "mất sức lao động 81% trở lên"). */
static const char *const price_topics[] = {"muc gia", "don gia", "gia ban", "gia thue", "lai suat", "thue suat",
					   "muc thu", "muc phi", "le phi", "hoc phi", "phi dich vu", "phu cap",
					   "mat do xay dung", "he so su dung dat", "suy giam kha nang lao dong",
					   "mat suc lao dong", "ty le ton thuong", "khau tru", NULL};
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
	static const char *const q[] = {"it nhat", "toi thieu", "tren", "duoi", "tu", "khoang", "den", "muc", "them",
					NULL};
	const char *key = st->key;
	size_t p = score_back_over(key, cb, b, q), wb;
	int verb = 0;
	for (int v = 0; norm_verbs[v]; v++)
		if (ex_ends_with(key, cb, p, norm_verbs[v], &wb))
			verb = 1;
	size_t a = ex_skip_sp(key, e, st->keylen);
	if (verb && ex_starts_any(key, st->keylen, a, money_bases))
		return 1;
	for (int m = 0; money_bases[m] && !verb; m++) { /* "giảm thuế 60%", "miễn học phí 100%" */
		size_t mb;
		if (!ex_ends_with(key, cb, p, money_bases[m], &mb))
			continue;
		while (mb > cb && key[mb - 1] == ' ')
			mb--;
		for (int v = 0; norm_verbs[v]; v++)
			if (ex_ends_with(key, cb, mb, norm_verbs[v], &wb))
				return 1;
	}
	if (ex_starts_any(key, st->keylen, a, shares) ||
	    ex_ends_with(key, cb, p, "huong", &wb) || ex_ends_with(key, cb, p, "nam giu", &wb) ||
	    ex_ends_with(key, cb, p, "so huu", &wb))
		return 1; /* an owner's or a beneficiary's share: "với 100% vốn góp", "địa phương hưởng 100%" */
	for (size_t i = cb; i < b; i++)
		if (ex_word_at(key, b, i, "khong duoc vuot qua") || ex_word_at(key, b, i, "khong duoc qua") ||
		    ex_word_at(key, b, i, "khong duoc cao hon") || ex_word_at(key, b, i, "khong duoc thap hon") ||
		    ex_word_at(key, b, i, "duoc xac dinh la") || ex_word_at(key, b, i, "duoc xac dinh bang") ||
		    ex_word_at(key, b, i, "duoc tinh bang") || ex_word_at(key, b, i, "duoc tinh la"))
			return 1; /* a cap the text forbids to pass; a parameter it defines */
	if (p >= cb + 2 && (unsigned char)key[p - 2] == 0xC2 && (unsigned char)key[p - 1] == 0xB1)
		return 1; /* "890 mg ± 7,5%": a tolerance */
	for (size_t t = cb; t < b; t++) /* not "danh mục thủ tục", which folds as "muc thu" */
		if (ex_starts_any(key, b, t, price_topics) && !ex_spelled_at(st, t, "mục thủ"))
			return 1;
	if (ex_word_at(key, st->keylen, a, "tinh tren") || ex_word_at(key, st->keylen, a, "tinh theo"))
		return 1; /* a rate applied to a base: "bằng 0,5% tính trên tổng số dư nợ" */
	size_t i = score_list_start(key, sb, b), k = b;
	while (k > cb && key[k - 1] != ',')
		k--; /* "Trong 5 năm đầu, mức trích … bằng 1%": the norm's head after the comma */
	return ex_starts_any(key, b, i, norm_heads) || ex_starts_any(key, b, cb + strspn(key + cb, " "), norm_heads) ||
	       (k > cb && ex_starts_any(key, b, ex_skip_sp(key, k, b), norm_heads));
}

/* Words of a list's lead or heading that make its items criteria or eligibility conditions
 * ("… đáp ứng ít nhất 01 trong 02 tiêu chí sau đây:", "Nhóm đối tượng 1:"). */
static const char *const criteria_leads[] = {"tieu chi", "tieu chuan sau", "dieu kien sau", "truong hop sau",
					     "nhom doi tuong", "doi tuong sau", NULL};

/* 1 when the text of statement st opens with a list marker ("-", "+", "•", "a)", "1)"). */
static int is_list_item(const ex_stmt *st)
{
	const unsigned char *t = (const unsigned char *)st->text;
	size_t i = 0;
	while (i < st->len && (t[i] == ' ' || t[i] == '\''))
		i++;
	if (i < st->len && (t[i] == '-' || t[i] == '+' || (t[i] == 0xE2 && i + 2 < st->len && t[i + 1] == 0x80 &&
								 t[i + 2] == 0xA2)))
		return 1;
	size_t j = i;
	while (j < st->len && j < i + 3 && isalnum(t[j]))
		j++;
	return j > i && j < st->len && t[j] == ')';
}

/* The lead of the list whose item is statement si: the nearest heading or statement ending with
 * ':' above it within 40 statements, passing sibling items and items ending with ';' or ','
 * (and '.' when dot_goes_on); NULL when si is no list item or a paragraph ends the list first.
 * *n is the lead's key length without trailing blanks. */
static const ex_stmt *list_lead(const ex_doc *ed, size_t si, int dot_goes_on, size_t *n)
{
	const ex_stmt *st = &ed->stmts[si];
	if (!is_list_item(st))
		return NULL;
	for (size_t h = si; h-- > 0 && si - h <= 40;) {
		const ex_stmt *ls = &ed->stmts[h];
		*n = ls->keylen;
		while (*n > 0 && ls->key[*n - 1] == ' ')
			(*n)--;
		char last = *n > 0 ? ls->key[*n - 1] : 0;
		if (ls->heading && st->heading && ls->level == st->level)
			continue; /* a sibling item "b)" of "c)" */
		if (ls->heading || last == ':')
			return ls;
		if (!is_list_item(ls) && last != ';' && last != ',' && !(dot_goes_on && last == '.'))
			return NULL; /* a paragraph ends the list */
	}
	return NULL;
}

/* 1 when the bounded figure [b, e) of statement si is a criterion or an eligibility condition,
 * not a measurement: a definition ("Thôn X là thôn có từ 15% … trở lên") or an item of a list
 * whose lead or heading names criteria or target groups ("… có ít nhất 02 trong 03 tiêu chí sau
 * đây: - Có dưới 60% đường thôn …", "Nhóm đối tượng 1: - Con thương binh mất sức lao động 81% trở
 * lên"). */
static int in_criteria(const ex_doc *ed, size_t si, size_t sb, size_t b, size_t e)
{
	static const char *const bounds[] = {"tren", "tu", "it nhat", "toi thieu", "khong duoi", NULL};
	const ex_stmt *st = &ed->stmts[si];
	const char *key = st->key;
	size_t wb, ce = e;
	while (ce < st->keylen && !strchr(";.:", key[ce]))
		ce++;
	size_t p = b;
	while (p > sb && key[p - 1] == ' ')
		p--;
	if (!strcmp(op_for(key, st->keylen, sb, b, e), "=") && !ex_ends_with(key, sb, p, "tu", &wb) &&
	    !ex_has_word(key, e, ce, "tro len") && !ex_has_word(key, e, ce, "tro xuong"))
		return 0; /* criteria bound their figures */
	for (size_t i = sb; i < b; i++) {
		if (!ex_word_at(key, b, i, "la"))
			continue;
		size_t j = ex_skip_sp(key, i + 2, b);
		for (int w = 0; w < 2 && j < b && (isalpha((unsigned char)key[j]) || key[j] == '('); w++) {
			while (j < b && (isalpha((unsigned char)key[j]) || key[j] == '(' || key[j] == ')'))
				j++; /* a noun, or its gloss "(ấp)" */
			j = ex_skip_sp(key, j, b);
			if (ex_word_at(key, b, j, "co") || ex_word_at(key, b, j, "dap ung"))
				return 1; /* "… là xã có từ 50% số thôn trở lên" */
			if (ex_word_at(key, b, j, "duoc") && score_back_over(key, j + 4, b, bounds) == j + 4)
				return 1; /* "… là người được trên 50% cử tri …" */
		}
	}
	if (ex_has_word(key, sb, b, "voi dieu kien") || ex_has_word(key, sb, b, "dieu kien la"))
		return 1; /* "… được tài trợ với điều kiện … có vốn đối ứng ít nhất 50%" */
	for (size_t h = si + 1; h-- > 0;) {
		const ex_stmt *hs = &ed->stmts[h];
		if (!hs->heading)
			continue;
		if (ex_word_at(hs->key, hs->keylen, ex_skip_sp(hs->key, hs->title_key, hs->keylen), "dieu kien"))
			return 1; /* under "2. Điều kiện để được tài trợ" */
		break;
	}
	size_t n;
	const ex_stmt *ls = list_lead(ed, si, 0, &n);
	return ls && ex_has_any(ls->key, ls->title_key, n, criteria_leads);
}

/* Leads of a list of a benefit's rates ("Người lao động làm thêm giờ được trả lương … như sau:"). */
static const char *const benefit_leads[] = {"duoc tra luong", "duoc tra them", "duoc tra", "duoc huong",
					    "duoc ho tro", "muc huong", "muc ho tro", "tra luong", NULL};

/* 1 when percentage [b, e) of list item si is a rate "bằng" a base its lead names as a benefit:
 * "a) Vào ngày thường, ít nhất bằng 150%;" under "… được trả lương … như sau:". */
static int benefit_item(const ex_doc *ed, size_t si, size_t cb, size_t b)
{
	static const char *const q[] = {"it nhat", "toi thieu", "khong thap hon", "khoang", NULL};
	const ex_stmt *st = &ed->stmts[si];
	size_t p = score_back_over(st->key, cb, b, q), wb, n;
	while (p > cb && st->key[p - 1] == ' ')
		p--;
	if (!ex_ends_with(st->key, cb, p, "bang", &wb))
		return 0;
	const ex_stmt *ls = list_lead(ed, si, 0, &n);
	return ls && ex_has_any(ls->key, 0, n, benefit_leads);
}

/* Words that open a sanction ("Phạt tiền từ … đồng đối với hành vi …") and that name the act a
 * provision describes ("Thực hiện hành vi quy định tại khoản 5 …"). */
static const char *const sanctions[] = {"phat tien", "phat canh cao", "tich thu", "tuoc quyen", NULL};
static const char *const acts[] = {"thuc hien hanh vi", "tai pham hanh vi", "hanh vi quy dinh tai",
				   "hanh vi vi pham sau", NULL};

/* 1 when key [b, e) opens with a sanction (list marker skipped) or names the act it punishes. */
static int sanction_words(const char *key, size_t b, size_t e)
{
	return ex_starts_any(key, e, score_list_start(key, b, e), sanctions) || ex_has_any(key, b, e, acts);
}

/* 1 when the figure at b of statement si describes a punished act, not a measurement: its
 * sentence opens with a sanction or names the act before it ("Phạt tiền … đối với hành vi điều
 * khiển xe … vượt quá … trên 10% đến 20%"), or it is an item of a list whose lead does ("2. Phạt
 * tiền … đối với một trong các hành vi vi phạm sau đây: a) … chở hàng vượt trọng tải trên 10%"). */
static int in_offence(const ex_doc *ed, size_t si, size_t sb, size_t b)
{
	const ex_stmt *st = &ed->stmts[si];
	if (sanction_words(st->key, sb, b))
		return 1;
	size_t n;
	const ex_stmt *ls = list_lead(ed, si, 1, &n);
	return ls && sanction_words(ls->key, 0, n);
}

/* Words of an examination's marking rules: a figure in điểm in their sentence is a scale, a pass
 * mark or a candidate's mark, not a measurement of a unit. */
static const char *const exam_words[] = {"thang diem", "diem liet", "diem chuan", "diem san", "trung tuyen",
					 "cau hoi", "bai thi", "mon thi", "thi sinh", "sat hach", NULL};

/* 1 when the figure in điểm at [b, e) of statement st is an examination's rule: its sentence
 * names the exam's marking or gives a mark per item ("Mỗi câu hỏi có số điểm tối đa là 5 điểm"). */
static int exam_rule(const ex_stmt *st, size_t sb, size_t e)
{
	const char *key = st->key;
	size_t se = ex_sentence_end(key, st->keylen, e);
	size_t i = ex_skip_sp(key, sb + strspn(key + sb, " -+*"), se);
	return ex_word_at(key, se, i, "moi") || ex_has_any(key, sb, se, exam_words);
}

/* Why the figure of event e in statement si states no fact (0 when it does): it belongs to a
 * scoring scheme, a footnote, a formula, a condition, a criterion, a punished act, an exam's
 * marking rule or an award quota, or its "điểm" counts
 * places. */
/* Money units an amount is stated in. */
static const char *const money_units[] = {"ty dong", "trieu dong", "nghin dong", "dong", "ty usd", "trieu usd", "usd",
					  NULL};
/* Words of a sentence that states a need, a cost or the sources of a capital. */
static const char *const need_words[] = {"nhu cau", "kinh phi", "chi phi", "tong muc dau tu", "nguon von", "von vay",
					 "von chu so huu", NULL};

/* 1 when percentage e (its clause from cb, sentence from sb) is the share an amount of money
 * forms of a need, a cost or a capital: "nhu cầu vốn … khoảng 3.770 tỷ đồng, chiếm khoảng 30%
 * tổng nhu cầu", "vốn vay 7.500 tỷ đồng (chiếm 85%)": the breakdown of a sum, not the level of an
 * indicator. */
static int money_share(const ex_stmt *st, size_t cb, size_t sb, const score_ev *e)
{
	static const char *const q[] = {"khoang", "gan", "hon", "tren", "duoi", "xap xi", NULL};
	const char *key = st->key;
	size_t p = score_back_over(key, cb, e->b, q), wb;
	if (!ex_ends_with(key, cb, p, "chiem", &wb))
		return 0;
	while (wb > sb && strchr(" ,(", key[wb - 1]))
		wb--;
	int money = 0;
	for (int m = 0; money_units[m] && !money; m++)
		money = ex_ends_with(key, sb, wb, money_units[m], &p);
	return money && ex_has_any(key, sb, wb, need_words);
}

int score_not_a_fact(const ex_doc *ed, size_t si, const score_ev *e, const ex_scheme_set *sch)
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
	if (e->kind == EV_FIG && in_criteria(ed, si, sb, e->b, e->e))
		return 8;
	if (in_offence(ed, si, sb, e->b))
		return 10;
	if (e->kind == EV_FIG && !strcmp(e->unit, "điểm") && exam_rule(st, sb, e->e))
		return 9;
	if (e->kind == EV_FIG && !strcmp(e->unit, "%") && (is_norm(st, cb, sb, e->b, e->e) || benefit_item(ed, si, cb, e->b)))
		return 7;
	if (e->kind == EV_FIG && !strcmp(e->unit, "%") && money_share(st, cb, sb, e))
		return 11;
	size_t se = ex_sentence_end(key, st->keylen, e->e);
	if (ex_has_any(key, sb, se, award_words))
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
		if ((q = score_word_end(key, i, ce, "giai doan")) && (r = score_year_end(key, ex_skip_sp(key, q, ce), ce))) {
			size_t t = ex_skip_sp(key, r, ce);
			if (t < ce && key[t] == '-' && (q = score_year_end(key, ex_skip_sp(key, t + 1, ce), ce)))
				r = q;
			return atoi(key + r - 4);
		}
		size_t lb = i > e + 20 ? i - 20 : e;
		if ((q = score_word_end(key, i, ce, "nam")) && (r = score_year_end(key, ex_skip_sp(key, q, ce), ce)) &&
		    !memmem(key + lb, i - lb, "so voi ", 7))
			return atoi(key + r - 4);
	}
	int one = 0;
	for (size_t i = 0; i + 8 <= b; i++) {
		size_t q, r;
		if (!(q = score_word_end(key, i, b, "nam")) || !(r = score_year_end(key, ex_skip_sp(key, q, b), b)))
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
 * ("I. KẾT QUẢ THỰC HIỆN", "Tình hình …", "Đánh giá chung", "1. Hiện trạng"). */
static const char *const goal_titles[] = {"muc tieu", "chi tieu", NULL};
static const char *const result_titles[] = {"ket qua", "tinh hinh", "danh gia chung", "hien trang", "thuc trang", NULL};

/* The level of statement st read as a short numbered title the outline did not mark, as text
 * from a word-segmented corpus writes them ("Ii. mục tiêu phát triển", "2 . Mục tiêu cụ thể ."):
 * 1 for a Roman numeral, 1 + the parts of an Arabic one ("1.2 ."); 0 when it is no such title
 * (more than ten words after the number, or a figure in %). *title gets where its words start. */
static int loose_heading(const ex_stmt *st, size_t *title)
{
	const char *key = st->key;
	size_t kl = st->keylen, p = ex_skip_sp(key, 0, kl), q = p;
	int level;
	while (q < kl && strchr("ivx", key[q]))
		q++;
	if (q > p && q - p <= 4) {
		level = 1;
	} else {
		level = 1;
		q = p;
		for (;;) {
			size_t d = q;
			while (q < kl && isdigit((unsigned char)key[q]))
				q++;
			if (q == d || q - d > 2)
				return 0;
			size_t t = ex_skip_sp(key, q, kl);
			if (t + 1 < kl && key[t] == '.' && isdigit((unsigned char)key[ex_skip_sp(key, t + 1, kl)])) {
				q = ex_skip_sp(key, t + 1, kl);
				level++;
				continue;
			}
			break;
		}
		level++;
	}
	q = ex_skip_sp(key, q, kl);
	if (q >= kl || (key[q] != '.' && key[q] != ')'))
		return 0;
	q = ex_skip_sp(key, q + 1, kl);
	if (q >= kl || memchr(key + q, '%', kl - q) || ex_words_in(key, q, kl) > 10)
		return 0;
	*title = q;
	return level;
}

/* 1 when the nearest heading at or above statement si (three levels) has one of words in its
 * title. A document whose outline has no heading there is read through its short numbered
 * titles (loose_heading). When si is itself a heading ("b) Tỷ lệ … chưa đạt chỉ tiêu (…)"), only
 * its words before key offset own_end (the figure's sentence) are its title: the sentences of its
 * figures are no section's. */
static int section_says(const ex_doc *ed, size_t si, size_t own_end, const char *const *words)
{
	int level = 99, seen = 0;
	for (size_t h = si + 1; h-- > 0 && seen < 3;) {
		const ex_stmt *hs = &ed->stmts[h];
		if (!hs->heading || hs->level >= level)
			continue;
		level = hs->level;
		seen++;
		size_t e = hs->keylen < 120 ? hs->keylen : 120;
		if (h == si && e > own_end)
			e = own_end;
		if (ex_has_any(hs->key, hs->title_key, e, words))
			return 1;
	}
	if (seen)
		return 0;
	for (size_t h = si + 1; h-- > 0 && seen < 3;) {
		const ex_stmt *hs = &ed->stmts[h];
		size_t tb;
		int lv = loose_heading(hs, &tb);
		if (!lv || lv >= level)
			continue;
		level = lv;
		seen++;
		if (ex_has_any(hs->key, tb, hs->keylen, words))
			return 1;
	}
	return 0;
}

/* Words of a list's lead that set goals ("… xác định mục tiêu cụ thể … đến năm 2030 như sau:",
 * "Phấn đấu đến năm 2025:"; "chỉ tiêu" only with the year they are for: a project's "một số chỉ
 * tiêu chính sau:" are its parameters), and words that make it a report of them ("Kết quả thực
 * hiện các chỉ tiêu:"). */
static const char *const goal_leads[] = {"muc tieu", "phan dau", NULL};
static const char *const lead_results[] = {"ket qua", "tinh hinh", "da dat", "dat duoc", "da hoan thanh",
					   "uoc dat", "uoc thuc hien", "danh gia", "thuc trang", "hien trang",
					   NULL};

/* The year key[0..n) sets goals for: the last "đến năm 2030", else its one "năm 2030"; 0 when
 * none, or when it is before the document's year doc_year (0: unknown). */
static int lead_year(const char *key, size_t n, int doc_year)
{
	int one = 0, until = 0, many = 0;
	for (size_t i = 0; i + 8 <= n; i++) {
		size_t q, r, wb;
		if (!(q = score_word_end(key, i, n, "nam")) || !(r = score_year_end(key, ex_skip_sp(key, q, n), n)))
			continue;
		int y = atoi(key + r - 4);
		size_t p = i;
		while (p > 0 && key[p - 1] == ' ')
			p--;
		if (ex_ends_with(key, 0, p, "den", &wb))
			until = y;
		many |= one && one != y;
		one = y;
	}
	int y = until ? until : many ? 0 : one;
	return y && (!doc_year || y >= doc_year) ? y : 0;
}

/* 1 when statement si is an item of a list whose lead sets goals (goal_leads, no lead_results),
 * the lead of its lead too (three levels: "Mục tiêu đến năm 2030:" / "- Về kinh tế:" / "+ …");
 * *year gets the year the lead names (lead_year), else 0. A lead of a later year than the
 * document's with "đến năm" sets goals as well ("Đến năm 2030, toàn tỉnh:"). */
static int goal_list(const ex_doc *ed, size_t si, int doc_year, int *year)
{
	*year = 0;
	size_t s = si, n;
	for (int up = 0; up < 3; up++) {
		const ex_stmt *ls = list_lead(ed, s, 1, &n);
		if (!ls)
			return 0;
		if (ex_has_any(ls->key, 0, n, lead_results))
			return 0;
		int y = lead_year(ls->key, n, doc_year);
		if (ex_has_any(ls->key, 0, n, goal_leads) || (y && ex_has_word(ls->key, 0, n, "chi tieu")) ||
		    (y && doc_year && y > doc_year && ex_has_word(ls->key, 0, n, "den nam"))) {
			*year = y;
			return 1;
		}
		s = (size_t)(ls - ed->stmts);
	}
	return 0;
}

/* Words of an appendix title that make its figures results ("KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU"). */
static const char *const appendix_results[] = {"ket qua", "thuc hien", "tinh hinh", "uoc", "danh gia", NULL};

/* 1 when statement si lies in an appendix ("PHỤ LỤC I", its title on the same or the next
 * statements) whose title names goals ("DANH MỤC CÁC CHỈ TIÊU CỤ THỂ") and no results. */
static int goal_appendix(const ex_doc *ed, size_t si)
{
	for (size_t h = si + 1; h-- > 0;) {
		const ex_stmt *hs = &ed->stmts[h];
		size_t b = ex_skip_sp(hs->key, 0, hs->keylen), tb = strspn(hs->text, " ");
		if (!ex_word_at(hs->key, hs->keylen, b, "phu luc") || strncmp(hs->text + tb, "PH", 2))
			continue; /* an appendix's title line is in capitals */
		for (size_t t = h; t <= h + 2 && t < ed->nstmts && t < si; t++) {
			const ex_stmt *ts = &ed->stmts[t];
			size_t e = ts->keylen < 200 ? ts->keylen : 200;
			if (ex_has_any(ts->key, 0, e, appendix_results))
				return 0;
			if (ex_has_any(ts->key, 0, e, goal_titles))
				return 1;
		}
		return 0;
	}
	return 0;
}

/* Kind cues: imperative openings of a sentence in documents that are not reports ("Tiếp tục …
 * hoàn thành 100% … trước ngày 06 tháng 12 năm 2025"), and deadlines. */
static const char *const imperatives[] = {"tiep tuc", "tang cuong", "day manh", "hoan thanh", "phan dau", "dam bao",
					  "bao dam", "trien khai", "tap trung", "khan truong", "chu dong", "yeu cau",
					  "de nghi", "giao", "to chuc", "thuc hien", NULL};
static const char *const deadlines[] = {"truoc ngay", "cham nhat", "han chot", NULL};

/* Verbs of a task that govern a figure close after them ("… và đẩy mạnh giải ngân 100% vốn đầu tư
 * công"): in a document that is no report, the figure is what the task is to reach. */
static const char *const task_verbs[] = {"day manh", "hoan thanh", "dam bao", "bao dam", "tang cuong", NULL};

/* 1 when a task verb stands in the clause [cb, at) of statement st at most three words before
 * the figure at at, and no "đã" says the task is done. */
static int task_figure(const ex_stmt *st, size_t cb, size_t at)
{
	const char *key = st->key;
	int verb = 0;
	for (size_t i = cb; i < at; i++) {
		if (i > cb && key[i - 1] != ' ')
			continue;
		if (ex_spelled_at(st, i, "đã"))
			return 0;
		if (ex_starts_any(key, at, i, task_verbs) && ex_words_in(key, i, at) <= 5)
			verb = 1;
	}
	return verb;
}

/* 1 when statement sm is the type line of one of types ("KẾ HOẠCH", …), emphasis marks of
 * markdown around it ("**KẾ HOẠCH**") left out. */
static int is_type_line(const ex_stmt *sm, const char *const *types)
{
	size_t b = strspn(sm->key, " *_#"), e = sm->keylen;
	while (e > b && strchr(" *_", sm->key[e - 1]))
		e--;
	for (int p = 0; types[p]; p++)
		if (e - b == strlen(types[p]) && !strncmp(sm->key + b, types[p], e - b))
			return 1;
	return 0;
}

/* 1 when one of the first 20 statements is the type line of one of types. */
static int is_doc_type(const ex_doc *ed, const char *const *types)
{
	for (size_t s = 0; s < ed->nstmts && s < 20; s++)
		if (is_type_line(&ed->stmts[s], types))
			return 1;
	return 0;
}

/* Titles of a decision that issues rules ("QUYẾT ĐỊNH / Ban hành Quy chế …"): the document is
 * the rules, a normative one. */
static const char *const rules_titles[] = {"quyet dinh ban hanh quy che", "quyet dinh ban hanh quy dinh",
					   "quyet dinh ban hanh dieu le", "quyet dinh ban hanh noi quy", NULL};

/* 1 when one of the first 20 statements opens "QUYẾT ĐỊNH" and it and the next three read as a
 * title that issues rules (its words may be cut over statements: "QUYẾT ĐỊNH" / "BAN" / "HÀNH
 * QUY CHẾ …"). */
static int issues_rules(const ex_doc *ed)
{
	for (size_t s = 0; s < ed->nstmts && s < 20; s++) {
		const ex_stmt *sm = &ed->stmts[s];
		if (!ex_word_at(sm->key, sm->keylen, ex_skip_sp(sm->key, 0, sm->keylen), "quyet dinh"))
			continue;
		char title[128];
		size_t n = 0;
		for (size_t t = s; t < ed->nstmts && t <= s + 3 && n + 1 < sizeof title; t++) {
			const ex_stmt *ts = &ed->stmts[t];
			size_t b = ex_skip_sp(ts->key, 0, ts->keylen);
			n += (size_t)snprintf(title + n, sizeof title - n, "%s%s", n ? " " : "", ts->key + b);
		}
		if (n >= sizeof title)
			n = sizeof title - 1;
		if (ex_starts_any(title, n, 0, rules_titles))
			return 1;
	}
	return 0;
}

/* The year of the document's date line among the first 30 statements: "… ngày 20 tháng 11 năm
 * 2025"; 0 when none. */
static int doc_year(const ex_doc *ed)
{
	for (size_t s = 0; s < ed->nstmts && s < 30; s++) {
		const ex_stmt *sm = &ed->stmts[s];
		const char *p = strstr(sm->key, "ngay ");
		int d, m, y, n = 0;
		if (p && sscanf(p, "ngay %d thang %d nam %4d%n", &d, &m, &y, &n) == 3 && n > 0 && d >= 1 && d <= 31 &&
		    m >= 1 && m <= 12 && y >= 1990 && y <= 2100)
			return y;
	}
	return 0;
}

void score_doctype_of(const ex_doc *ed, score_doctype *dt)
{
	dt->year = doc_year(ed);
	dt->plan = is_doc_type(ed, plan_types);
	dt->report = is_doc_type(ed, report_types);
	dt->normative = is_doc_type(ed, normative_types) || issues_rules(ed);
}

/* 1 when a verb that says a level is reached ("hiện đạt", "chỉ đạt", "mới đạt", "đã đạt"; not
 * "đã đặt ra", not the words "thực hiện", "chứng chỉ", "đổi mới" before "đạt") stands in key[b..e)
 * of st. */
static int reached_in(const ex_stmt *st, size_t b, size_t e)
{
	static const char *const adverbs[] = {"hien", "chi", "moi", "da", NULL};
	static const char *const compounds[] = {"thực hiện", "thể hiện", "xuất hiện", "phát hiện", "chứng chỉ",
						"địa chỉ", "đổi mới", "xây mới", "làm mới", "mở mới", NULL};
	for (size_t i = b; i < e; i++)
		for (int a = 0; adverbs[a]; a++) {
			size_t d = i + strlen(adverbs[a]) + 1;
			if (!ex_word_at(st->key, e, i, adverbs[a]) || d >= e || st->key[d - 1] != ' ' ||
			    !ex_word_at(st->key, e, d, "dat") || !ex_spelled_at(st, d, "đạt"))
				continue;
			size_t w = i; /* the word before the adverb */
			while (w > b && st->key[w - 1] == ' ')
				w--;
			while (w > b && st->key[w - 1] != ' ')
				w--;
			int compound = 0;
			for (int k = 0; compounds[k] && w < i; k++)
				compound |= ex_spelled_at(st, w, compounds[k]);
			if (!compound)
				return 1;
		}
	return 0;
}

/* 1 when "đến năm Y" (Y the given year) stands in key[b..e), not as "tính đến năm Y", "cho đến năm
 * Y" (the date a count is made at). */
static int until_year(const char *key, size_t b, size_t e, int y)
{
	char w[32];
	snprintf(w, sizeof w, "den nam %d", y);
	for (size_t i = b; i < e; i++) {
		size_t wb;
		if (!ex_word_at(key, e, i, w) || (i > b && key[i - 1] != ' '))
			continue;
		size_t p = i;
		while (p > b && key[p - 1] == ' ')
			p--;
		if (!ex_ends_with(key, b, p, "tinh", &wb) && !ex_ends_with(key, b, p, "cho", &wb))
			return 1;
	}
	return 0;
}

int score_classify(const ex_doc *ed, size_t si, const score_doctype *dt, const score_ev *e, size_t cstart,
		   size_t sstart, score_row *r)
{
	const ex_stmt *st = &ed->stmts[si];
	const char *key = st->key;
	size_t kl = st->keylen;
	size_t cue_b = cstart > sstart ? sstart : cstart;
	/* a parenthesis with its own "đạt" states its own result: words outside it ("bảo đảm thông
	 * suốt (giải quyết hồ sơ đạt tỷ lệ 91,67%)") do not make it a target */
	if (cstart > 0 && key[cstart - 1] == '(' && ex_has_word(key, cstart, e->b, "dat") &&
	    !ex_word_at(key, kl, ex_skip_sp(key, cstart, kl), "trong do"))
		cue_b = cstart; /* (not "(trong đó X đạt 40%)": a part of the figure before, of its kind) */
	/* so does a part after a comma whose verb says the level is reached ("(chỉ tiêu tối thiểu 98%,
	 * hiện đạt 97,28%)"): the goal before it is what it is measured against, its bound none */
	size_t op_b = sstart, part = e->b, cb = cstart > sstart ? cstart : sstart;
	while (part > cb && !(key[part - 1] == ',' && !(part >= 2 && isdigit((unsigned char)key[part - 2]) &&
							  isdigit((unsigned char)key[part]))))
		part--;
	int reached = part > cb && reached_in(st, part, e->b);
	if (reached)
		cue_b = op_b = part;
	int result = reached || ex_has_any(key, sstart, e->b, result_cues) ||
		     ex_starts_any(key, kl, ex_skip_sp(key, e->e, kl), result_refs);
	int target = has_target_cue(key, cue_b, e->b) ||
		     ex_has_any(key, e->e, e->e + 10 < kl ? e->e + 10 : kl, (const char *const[]){"tro len", NULL});
	size_t se = ex_sentence_end(key, kl, e->e);
	int directive = !dt->report && !result &&
			(ex_starts_any(key, kl, score_list_start(key, sstart, kl), imperatives) ||
			 ex_has_any(key, e->e, se, deadlines) || task_figure(st, cstart, e->b));
	int lead_y = 0;
	int goal_section = section_says(ed, si, sstart, goal_titles) || (!dt->report && goal_appendix(ed, si)) ||
			   goal_list(ed, si, dt->year, &lead_y);
	int result_section = !goal_section && section_says(ed, si, sstart, result_titles);
	r->year = year_of(st, sstart, e->b, e->e);
	if (!r->year && goal_section && !result)
		r->year = lead_y;
	/* a figure of a year before the document's is a result: a goal is set for what is to come */
	if (!target && r->year && dt->year && r->year < dt->year)
		result = 1;
	/* one the sentence sets for a year after the document's, not long after ("Đến năm 2015 toàn tỉnh
	 * có … 90% …" in a resolution of 2008), is a goal */
	int future = !result && r->year && dt->year && r->year > dt->year && r->year <= dt->year + 15 &&
		     until_year(key, sstart, e->b, r->year);
	if ((dt->plan && !result && !result_section) || target || future || (directive && !result) ||
	    (goal_section && !result))
		r->kind = "target";
	r->cue = target || result || directive || e->kind != EV_FIG;
	if (dt->normative && !ex_has_any(key, sstart, se, goal_words))
		return 0;
	r->op = op_for(key, kl, op_b, e->kind == EV_CHANGE ? e->nb : e->b, e->e);
	return 1;
}
