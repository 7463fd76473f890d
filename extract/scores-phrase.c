/* scores-phrase: the phrases a subject of scores.csv is cut from — trimming cue words and time
 * expressions, noun phrases, the clause after a figure, and their text. */
#include "scores-int.h"

#include "../core/viet.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Words trimmed from the end of a subject (verbs and comparison words before the figure). */
static const char *const subject_tail[] = {
	"duoc danh gia", "dat duoc", "chi dat", "dat tu", "duoc", "dat", "la", "bang", "chiem", "voi", "tren",
	"duoi", "hon", "it nhat", "toi thieu", "toi da", "khong qua", "khong duoi", "khoang",
	"xep vi tri thu", "xep vi tri", "xep hang thu", "xep hang", "xep thu", "dung thu", "dung vi tri thu",
	"dung vi tri", "vi tri thu", "xep", "tang binh quan", "giam binh quan", "dat binh quan", "tang", "giam",
	"co gang",
	"phan dau", "dam bao", "bao dam", "diem so", "so diem", "moi", "chua", "nhieu nhat", "co", "uoc", "xuong",
	"con thap", "con cao", "con han che", "kha cao", "rat cao", "kha thap", "rat thap", "thap", "con o muc", "o muc", "con", "uoc vuot", "vuot", NULL};
/* Words trimmed from the start of a subject. */
static const char *const subject_head[] = {"tro len", "tro xuong", "so voi", "ket qua", "trong do", "va", "gom", "phan dau dat",
					   "phan dau", "du kien", "xap xi", "muc tieu",
					   "cu the", "dong thoi", "theo do", "trong", "dam bao", "bao dam", "dac biet",
					   "tap trung", "tiep tuc", "day manh", "tang cuong", "no luc", "quyet tam",
					   "khan truong", NULL};
/* Words that end a subject read after the figure ("100% thủ tục hành chính được công bố"). */
static const char *const after_stop[] = {"duoc", "dat", "so voi", "so cung ky", "so ky", "tro len", "tro xuong",
					 "va", "de", "theo", "tai", "trong", "nam", "do", NULL};

static void skip_spaces_back(const char *key, size_t b, size_t *e)
{
	while (*e > b && strchr(" ,-\t.", key[*e - 1]))
		(*e)--;
}

void score_trim_subject(const char *key, size_t *b, size_t *e)
{
	int changed = 1;
	while (changed && *e > *b) {
		changed = 0;
		skip_spaces_back(key, *b, e);
		for (int i = 0; subject_tail[i]; i++) {
			size_t wb;
			if (ex_ends_with(key, *b, *e, subject_tail[i], &wb)) {
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

size_t score_back_over(const char *key, size_t b, size_t e, const char *const *ws)
{
	size_t wb;
	int changed = 1;
	while (changed) {
		changed = 0;
		while (e > b && strchr(" (", key[e - 1]))
			e--;
		for (int q = 0; ws[q]; q++)
			if (ex_ends_with(key, b, e, ws[q], &wb)) {
				e = wb;
				changed = 1;
				break;
			}
	}
	return e;
}

/* Subject read after the figure, up to a stop word or punctuation (at most 12 words). */
void score_subject_after(const char *key, size_t keylen, size_t from, size_t *b, size_t *e)
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

/* Where the words of a sentence start in key[sb..b): past bullets and list numbers ("- ", "(7) ",
 * "2. ", "a) "). */
size_t score_list_start(const char *key, size_t sb, size_t b)
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
								      (key[d + 1] == ')' || !strncmp(key + d + 1, " )", 2)))))
			d++;
		if (d > j && d + 2 < b && key[d] == ' ' && strchr(".)", key[d + 1]) && key[d + 2] == ' ')
			d++; /* a word-segmented text's "a ) ", "2 . " */
		if (d > j && d < b && strchr(".)", key[d]) && d + 1 < b && key[d + 1] == ' ')
			i = d + 1;
		else
			break;
	}
	while (i < b && key[i] == ' ')
		i++;
	return i;
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
size_t score_year_end(const char *key, size_t p, size_t e)
{
	if (ndigits(key, p, e) != 4)
		return 0;
	int y = atoi(key + p);
	return y >= 1990 && y <= 2100 ? p + 4 : 0;
}

/* The end of a word w at p, else 0. */
size_t score_word_end(const char *key, size_t p, size_t e, const char *w)
{
	return ex_word_at(key, e, p, w) ? p + strlen(w) : 0;
}

/* The end of a time anchor at p: "năm 2025", "giai đoạn 2026 - 2030", "lũy kế 10 tháng đầu năm",
 * "10 tháng đầu năm", "ngày 31 tháng 10 năm 2025", "quý III năm 2025", "đầu năm", "nay"; with_year
 * keeps only those that name a year or now. 0 when none. */
static size_t anchor_end(const char *key, size_t p, size_t e, int with_year, int after_prep)
{
	size_t q, r;
	if ((q = score_word_end(key, p, e, "nam")) && (r = score_year_end(key, ex_skip_sp(key, q, e), e)))
		return r;
	if ((q = score_word_end(key, p, e, "giai doan")) && (r = score_year_end(key, ex_skip_sp(key, q, e), e))) {
		size_t s = ex_skip_sp(key, r, e);
		if (s < e && key[s] == '-' && (q = score_year_end(key, ex_skip_sp(key, s + 1, e), e)))
			return q;
		return r;
	}
	if (after_prep && ndigits(key, p, e) && ndigits(key, p, e) <= 2 && key[p + ndigits(key, p, e)] == '/') {
		/* a date alone after its preposition: "đến 15/02/2021" */
		size_t s = p + ndigits(key, p, e) + 1, d = ndigits(key, s, e);
		if (d && d <= 2 && s + d < e && key[s + d] == '/' && (r = score_year_end(key, s + d + 1, e)))
			return r;
	}
	if ((q = score_word_end(key, p, e, "ngay")) && ndigits(key, ex_skip_sp(key, q, e), e)) {
		/* "ngày 31 tháng 10 năm 2025", "ngày 31/10/2025" */
		size_t s = ex_skip_sp(key, q, e);
		s += ndigits(key, s, e);
		if (s < e && key[s] == '/') {
			s++;
			s += ndigits(key, s, e);
			if (s < e && key[s] == '/' && (r = score_year_end(key, s + 1, e)))
				return r;
			return 0;
		}
		s = ex_skip_sp(key, s, e);
		if ((q = score_word_end(key, s, e, "thang")) && ndigits(key, ex_skip_sp(key, q, e), e)) {
			s = ex_skip_sp(key, q, e);
			s += ndigits(key, s, e);
			size_t t = ex_skip_sp(key, s, e);
			if ((q = score_word_end(key, t, e, "nam")) && (r = score_year_end(key, ex_skip_sp(key, q, e), e)))
				return r;
			return with_year ? 0 : s;
		}
		return 0;
	}
	if ((q = score_word_end(key, p, e, "quy")) && ex_skip_sp(key, q, e) < e) {
		size_t s = ex_skip_sp(key, q, e), t = s;
		while (t < e && (strchr("ivx", key[t]) || isdigit((unsigned char)key[t])))
			t++;
		if (t == s || (t < e && isalpha((unsigned char)key[t])))
			return 0;
		size_t u = ex_skip_sp(key, t, e);
		if ((q = score_word_end(key, u, e, "nam")) && (r = score_year_end(key, ex_skip_sp(key, q, e), e)))
			return r;
		return with_year ? 0 : t;
	}
	if ((q = score_word_end(key, p, e, "dau nam")) || (q = score_word_end(key, p, e, "cuoi nam"))) {
		if ((r = score_year_end(key, ex_skip_sp(key, q, e), e)))
			return r;
		return with_year ? 0 : q;
	}
	if (after_prep && (q = score_word_end(key, p, e, "nay")))
		return q;
	if ((q = score_word_end(key, p, e, "hien nay")))
		return q;
	if (with_year)
		return 0;
	size_t s = p;
	if ((q = score_word_end(key, p, e, "luy ke")))
		s = ex_skip_sp(key, q, e);
	size_t d = ndigits(key, s, e);
	if (d && d <= 2 && (q = score_word_end(key, ex_skip_sp(key, s + d, e), e, "thang"))) {
		size_t t = ex_skip_sp(key, q, e);
		if ((r = score_word_end(key, t, e, "dau nam")) || (r = score_word_end(key, t, e, "nam")))
			q = r;
		t = ex_skip_sp(key, q, e);
		if ((r = score_year_end(key, t, e)))
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
	static const char *const preps[] = {"tinh den het", "tinh den", "tinh tu", "den het", "den", "tu", "trong", "vao",
					    "sau", "ke tu", NULL};
	size_t p = i;
	int prep = 0;
	for (int k = 0; preps[k]; k++)
		if (ex_word_at(key, e, p, preps[k])) {
			p = ex_skip_sp(key, p + strlen(preps[k]), e);
			prep = 1;
			break;
		}
	if (with_year && !prep)
		return 0; /* "Chỉ số PAR INDEX năm 2024" keeps its year; "… vào năm 2025" goes */
	size_t q = anchor_end(key, p, e, with_year, prep);
	if (!q)
		return 0;
	size_t t = ex_skip_sp(key, q, e);
	if ((p = score_word_end(key, t, e, "tro di")))
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
		if (n && ex_skip_sp(key, i + n, *e) >= *e) {
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
	"cũng", "ra", "trở lên", "trở xuống", "tương đương", "chiếm", "tức", "góp phần", NULL};
/* Prepositions and the like: a short phrase they open is a fragment ("vào năm 2025", "đến nay"). */
static const char *const weak_np_start[] = {"vào", "đến", "từ", "trong", "với", "khi", "do", "như", "trên", "dưới",
					    "tới", "nhiều", "nhằm", "để", "tại", "theo", "sau", "trước", "riêng",
					    "ở", NULL};

/* Words a noun phrase never ends with (as spelled): aspect and conjunction words that leave a
 * clause open ("hoàn cảnh đất nước đang", "… đã hoàn thành khi", "… sẽ vào"; not "sẽ", which OCR
 * makes of "số"), and words that point elsewhere for what is meant ("tỷ lệ này", "con số đó",
 * "Đa phần họ"). */
static const char *const not_np_end[] = {"đang", "đã", "khi", "chỉ", "vào", "mà", "thì", "nếu", "của",
					 "và", "này", "đó", "ấy", "họ", "rằng", NULL};
/* Words of a clause that reports or argues, not of a noun phrase ("Thống kê này cho biết …"). */
static const char *const clause_words[] = {"cho biet", "cho rang", NULL};
/* Discourse openings: what follows is a clause ("Thế nhưng sau khi bầu, …", "Ví dụ, ở Hoa Kỳ, …"). */
static const char *const discourse_open[] = {"thế nhưng", "tuy nhiên", "ví dụ", "chẳng hạn", "trước khi", "sau khi",
					     NULL};

/* 1 when key[b..e) of st holds a sentence end or a reference mark ("cả nước.[33] Đa phần"). */
static int crosses_sentence(const ex_stmt *st, size_t b, size_t e)
{
	for (size_t i = b; i < e; i++)
		if ((st->key[i] == '.' && ex_sentence_dot(st->key, e, i)) ||
		    (st->key[i] == '[' && i + 1 < e && isdigit((unsigned char)st->key[i + 1])))
			return 1;
	return 0;
}

/* 1 when the last word of key[b..e) of st is one of not_np_end. */
static int open_end(const ex_stmt *st, size_t b, size_t e)
{
	const char *key = st->key;
	while (e > b && !isalnum((unsigned char)key[e - 1]))
		e--;
	size_t w = e;
	while (w > b && isalnum((unsigned char)key[w - 1]))
		w--;
	if (w >= e)
		return 0;
	for (int i = 0; not_np_end[i]; i++)
		if (ex_spelled_at(st, w, not_np_end[i]))
			return 1;
	return 0;
}

int score_np_broken(const ex_stmt *st, size_t b, size_t e)
{
	while (b < e && strchr(" ,;:-+(\"", st->key[b]))
		b++;
	if (b >= e)
		return 0;
	for (int i = 0; discourse_open[i]; i++)
		if (ex_spelled_at(st, b, discourse_open[i]))
			return 1;
	if (open_end(st, b, e) || crosses_sentence(st, b, e) || ex_has_any(st->key, b, e, clause_words))
		return 1;
	for (size_t i = b + 1; i < e; i++) /* "… báo cáo rằng …": a reported clause */
		if (st->key[i - 1] == ' ' && ex_spelled_at(st, i, "rằng"))
			return 1;
	return 0;
}

/* 1 when key[b..e) reads as a noun phrase: it does not start with a function word or verb
 * (not_np_start), is no broken phrase (score_np_broken), and it has two words, or one of two
 * capitals or more ("CCVC"). */
int score_np_ok(const ex_stmt *st, size_t b, size_t e)
{
	const char *key = st->key;
	while (b < e && strchr(" ,;:-+(\"", key[b]))
		b++;
	if (b >= e || score_np_broken(st, b, e))
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
	/* a measure word or a time adverb alone names nothing measured ("(tỉ lệ 74,47%)", "Hiện tại là
	 * khoảng 19%") */
	static const char *const bare[] = {"ty le", "ti le", "ty trong", "ti trong", "muc", "con so", "hien tai",
					   "hien nay", "luc do", "khi do", NULL};
	size_t be = e;
	while (be > b && strchr(" ,;:.)", key[be - 1]))
		be--;
	for (int i = 0; bare[i]; i++)
		if (be - b == strlen(bare[i]) && !strncmp(key + b, bare[i], be - b))
			return 0;
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

/* Verbs that make a subject a clause with its own predicate ("Công nghiệp quốc doanh chiếm tỉ
 * trọng …", "báo cáo viết …"), as spelled, lowercase. */
static const char *const clause_verbs[] = {"chiếm", "viết", NULL};
/* Words of a sum after a number ("11.080 tỷ đồng", "574.341 tấn"), as spelled, lowercase. */
static const char *const sum_words[] = {"tỷ", "triệu", "nghìn", "ngàn", "tấn", NULL};
/* Words that lead to a sum ("đạt khoảng 840 nghìn tỷ đồng"). */
static const char *const sum_lead[] = {"đạt", "ước", "khoảng", "trên", "hơn", "gần", NULL};
/* Words after "thì" that point back: "…, thì đó là chỉ tiêu" names nothing. */
static const char *const then_pointer[] = {"đó", "đây", "vậy", NULL};

/* 1 when word w (lowercase) starts at s[i], a whole word. */
static int word_at(const char *s, size_t i, const char *w)
{
	size_t n = strlen(w);
	if (strncmp(s + i, w, n) || (i > 0 && (isalnum((unsigned char)s[i - 1]) || (unsigned char)s[i - 1] >= 0x80)))
		return 0;
	unsigned char c = (unsigned char)s[i + n];
	return !isalnum(c) && c < 0x80;
}

/* 1 when one of ws is a whole word at s[i]. */
static int any_word_at(const char *s, size_t i, const char *const *ws)
{
	for (int k = 0; ws[k]; k++)
		if (word_at(s, i, ws[k]))
			return 1;
	return 0;
}

/* 1 when the '*' at s[i] marks an aside in parentheses as emphasized ("*(GRDP) *"): '(' after
 * it or ')' before it, spaces aside. */
static int emphasized_aside(const char *s, size_t i)
{
	size_t a = i + 1, b = i;
	while (s[a] == ' ' || s[a] == '*')
		a++;
	while (b > 0 && (s[b - 1] == ' ' || s[b - 1] == '*'))
		b--;
	return s[a] == '(' || (b > 0 && s[b - 1] == ')');
}

/* The number of words of s[b..e). */
static size_t words_in(const char *s, size_t b, size_t e)
{
	size_t n = 0;
	for (size_t i = b; i < e; i++)
		n += s[i] != ' ' && (i == b || s[i - 1] == ' ');
	return n;
}

/* The offset of the first number in s followed by a word of sum_words ("11.080 tỷ đồng"), or
 * (size_t)-1. */
static size_t sum_at(const char *s)
{
	for (size_t i = 0; s[i]; i++)
		if (isdigit((unsigned char)s[i]) && s[i + 1] == ' ' && any_word_at(s, i + 2, sum_words)) {
			while (i > 0 && (isdigit((unsigned char)s[i - 1]) || s[i - 1] == '.' || s[i - 1] == ','))
				i--;
			return i;
		}
	return (size_t)-1;
}

char *score_subject_fix(const char *s)
{
	if (!s || !*s || strpbrk(s, "|`{}^[]="))
		return NULL; /* markup left in the text: a table cell, a template, a link */
	int depth = 0;
	for (size_t i = 0; s[i]; i++) {
		depth += (s[i] == '(') - (s[i] == ')');
		if (depth < 0)
			return NULL; /* "chỉ tiêu) hoặc bài thi …": the tail of an aside */
		if (s[i] == '*' && !emphasized_aside(s, i))
			return NULL; /* emphasis around words: a quote, a heading or a list mark kept */
		if (i > 0 && s[i - 1] == ' ' && any_word_at(s, i, clause_verbs))
			return NULL;
	}
	const char *whole = s;
	for (const char *t = s; (t = strstr(t, " thì ")) != NULL; t++)
		s = t + strlen(" thì "); /* "Bên cạnh …, thì tình hình thu ngân sách …": the topic after "thì" */
	if (any_word_at(s, 0, then_pointer))
		return NULL;
	size_t f = 0;
	while (s[f] && strchr(" \"'(", s[f]))
		f++;
	size_t n = f;
	while (isdigit((unsigned char)s[n]) || s[n] == '.')
		n++;
	const char *head = "";
	if (n > f) { /* "59 dự án …": the count of what follows, when it is no sum and one phrase */
		if (s[n] != ' ' || any_word_at(s, n + 1, sum_words) || strchr(s + n, ','))
			return NULL;
		head = "số";
		f = n;
	}
	size_t e = strlen(s), tail = e, p = sum_at(s + f);
	if (p != (size_t)-1) { /* "thu nội địa 11.080 tỷ đồng": the subject before its sum */
		p += f;
		const char *cmp = strstr(s + p, " so với ");
		tail = cmp ? (size_t)(cmp - s) : e;
		size_t q = p;
		while (q > f && s[q - 1] == ' ')
			q--;
		if (q > f && s[q - 1] == '-') /* a range's lower bound ("22 - 23 triệu") */
			for (p = q - 1; p > f && (strchr(" .,", s[p - 1]) || isdigit((unsigned char)s[p - 1]));)
				p--;
		for (;;) { /* the words leading to the sum */
			while (p > f && strchr(" ,", s[p - 1]))
				p--;
			size_t w = p;
			while (w > f && s[w - 1] != ' ')
				w--;
			if (w >= p || !any_word_at(s, w, sum_lead))
				break;
			p = w;
		}
		e = p;
	}
	while (s[f] == ' ')
		f++;
	if ((s != whole || *head || e < strlen(s)) && words_in(s, f, e) + (*head != 0) < 2)
		return NULL; /* too little left of a cut phrase */
	size_t len = strlen(head) + 1 + (e - f) + (strlen(s) - tail) + 1;
	char *o = malloc(len);
	if (o)
		snprintf(o, len, "%s%s%.*s%s", head, *head ? " " : "", (int)(e - f), s + f, s + tail);
	return o;
}

/* Text of statement st between key offsets b and e, spaces collapsed, parenthetical asides
 * ("(bao gồm người được ủy quyền nhận thay)") left out when drop_parens; NULL when empty. */
char *score_span_text(const ex_stmt *st, size_t b, size_t e, int drop_parens)
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

char *score_join3(const char *a, const char *sep, const char *b)
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
					   "don gian hoa", "cat giam", "giai quyet", "dong gop", NULL};

/* The noun phrase and its predicate after a figure: up to the clause's end, a time or purpose
 * phrase, or a comma before another predicate; asides in parentheses are skipped. Sets the key
 * span; *quoted when it is a quoted name. */
void score_clause_after(const ex_stmt *st, size_t from, size_t *b, size_t *e, int *quoted)
{
	const char *key = st->key;
	size_t kl = st->keylen, i = ex_skip_sp(key, from, kl);
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
			size_t j = ex_skip_sp(key, i + 1, kl);
			/* "…, khoảng 35 - 40% tổng thu …": a bound word before the next figure */
			static const char *const bounds[] = {"khoang", "gan", "hon", "tren", "it nhat", "toi thieu", NULL};
			for (int q = 0; bounds[q]; q++)
				if (ex_word_at(key, kl, j, bounds[q]) &&
				    isdigit((unsigned char)key[ex_skip_sp(key, j + strlen(bounds[q]), kl)])) {
					j = ex_skip_sp(key, j + strlen(bounds[q]), kl);
					break;
				}
			int stop = isdigit((unsigned char)key[j]); /* "…, 30% chi phí …": the next figure's */
			for (int v = 0; predicate_verbs[v]; v++)
				stop |= ex_word_at(key, kl, j, predicate_verbs[v]);
			for (int v = 0; action_verbs[v]; v++) /* "…, giải quyết việc làm cho …": another task */
				stop |= ex_word_at(key, kl, j, action_verbs[v]);
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
		size_t fb = i; /* "… 100% nhà trường và trên 70% …": a bound word opens the next figure */
		static const char *const next_bounds[] = {"khoang", "gan", "hon", "tren", "duoi", "it nhat", "toi thieu",
							  "toi da", "khong qua", NULL};
		for (int q = 0; next_bounds[q]; q++)
			if (ex_word_at(key, kl, i, next_bounds[q])) {
				fb = ex_skip_sp(key, i + strlen(next_bounds[q]), kl);
				break;
			}
		if (isdigit((unsigned char)key[fb])) { /* "… cho khoảng 84 - 85% …": the next figure is not the phrase's */
			size_t j = fb;
			while (j < kl && j - fb < 24 && (isdigit((unsigned char)key[j]) || strchr(".,- ", key[j])))
				j++;
			stop = j < kl && (key[j] == '%' || ex_word_at(key, kl, j, "diem"));
		}
		for (int s = 0; clause_stop[s]; s++)
			stop |= ex_word_at(key, kl, i, clause_stop[s]);
		if (ex_word_at(key, kl, i, "va")) { /* "… và tăng thêm ít nhất 10% …": another predicate */
			size_t j = ex_skip_sp(key, i + 2, kl);
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
	size_t wb; /* "dự toán Trung ương giao và 85,63% …": the conjunction before the next figure */
	if (ex_ends_with(key, *b, *e, "va", &wb) || ex_ends_with(key, *b, *e, "hoac", &wb))
		for (*e = wb; *e > *b && key[*e - 1] == ' ';)
			(*e)--;
}

/* Verbs that end a measured phrase before its figure ("Tổng thu ngân sách 10 tháng ước đạt …"). */
static const char *const measure_verbs[] = {"uoc dat", "dat", "bang", "chiem", "vuot", "la", "uoc thuc hien",
					     "thuc hien", "duoc", NULL};

/* The measured phrase of key[b..e) (a clause before a figure): the words before its first
 * predicate verb when an amount follows that verb ("thu hút vốn DDI ước đạt 61,3 nghìn tỷ đồng,
 * cao hơn gần gấp 3 lần so với cùng kỳ, đạt"), else all of it. */
void score_measured_part(const char *key, size_t b, size_t *e)
{
	/* a figure between the first predicate verb and the end: cut there */
	for (size_t i = b; i < *e; i++)
		for (int v = 0; measure_verbs[v]; v++)
			if (ex_word_at(key, *e, i, measure_verbs[v]) && i > b && key[i - 1] == ' ') {
				size_t j = i + strlen(measure_verbs[v]);
				j = ex_skip_sp(key, j, *e);
				int rate = ex_word_at(key, *e, j, "ty le") || ex_word_at(key, *e, j, "ti le");
				if (rate) /* "đạt tỷ lệ 91%": the figure follows the rate */
					j = ex_skip_sp(key, j + 5, *e);
				if ((rate && j >= *e) || (j < *e && isdigit((unsigned char)key[j]))) {
					*e = i;
					return;
				}
			}
}

/* Labels that name no indicator ("Kết quả:", "Trong đó:"). */
static const char *const generic_labels[] = {"ket qua", "trong do", "cu the", "noi dung", "ghi chu", "muc tieu",
					     "chi tieu", "cac tieu chi", "tieu chi", NULL};

int score_generic_label(const char *key, size_t keylen, size_t at)
{
	return ex_starts_any(key, keylen, at, generic_labels);
}

/* The noun phrase a sentence starts with ("Hoạt động du lịch với nhiều sản phẩm …"): its words
 * up to a relation word, verb or punctuation, when two or more. Key span in *b, *e. */
int score_sentence_np(const ex_stmt *st, size_t sb, size_t limit, size_t *b, size_t *e)
{
	static const char *const stops[] = {"voi", "cua", "trong", "tai", "dat", "tang", "giam", "duoc", "la", "co",
					    "da", "dang", "van", "tiep tuc", "theo", NULL};
	/* the stops as spelled: in a text with marks "văn bản", "cơ quan", "tài chính", "đất đai" go on */
	static const char *const spelled[] = {"với", "của", "trong", "tại", "đạt", "tăng", "giảm", "được", "là", "có",
					      "đã", "đang", "vẫn", "tiếp tục", "theo", NULL};
	const char *key = st->key;
	size_t i = sb;
	int marked = 0;
	for (size_t k = 0; k < st->len && !marked; k++)
		marked = (unsigned char)st->text[k] >= 0x80;
	while (i < limit && strchr(" -+*", key[i]))
		i++;
	*b = i;
	*e = i;
	int words = 0;
	while (i < limit && !strchr(",;:.(", key[i])) {
		int stop = 0;
		for (int s = 0; stops[s] && !stop; s++)
			stop = ex_word_at(key, limit, i, stops[s]) && (!marked || ex_spelled_at(st, i, spelled[s]));
		stop |= marked && ex_spelled_at(st, i, "cũng"); /* "Đà Nẵng cũng là …": an adverb ends it */
		if (stop || isdigit((unsigned char)key[i]))
			break;
		while (i < limit && !strchr(" ,;:.(", key[i]))
			i++;
		*e = i;
		words++;
		i = ex_skip_sp(key, i, limit);
	}
	if (i < limit && key[i] == ':' && score_generic_label(key, limit, *b))
		return 0; /* "Kết quả:", "Trong đó:" label what follows */
	/* a place alone ("Đà Nẵng cũng là …") names no indicator */
	return words >= 2 && score_np_ok(st, *b, *e) && !score_place_name(st, *b, *e);
}

/* Trim a subject span: verbs and cue words (trim_subject), time expressions, list numbers. */
void score_trim_all(const char *key, size_t *b, size_t *e)
{
	/* "Vận hành …, đảm bảo tỷ lệ kết nối … đạt 100%": the goal starts after its verb */
	static const char *const goal_verbs[] = {"dam bao", "bao dam", "phan dau", "co gang", NULL};
	for (size_t i = *b + 1; i < *e; i++)
		if (key[i - 1] == ' ' && i >= *b + 2 && key[i - 2] == ',' && ex_starts_any(key, *e, i, goal_verbs))
			*b = i;
	/* "Kết quả điều tra năm 2006 cho thấy diện tích san hô … là 81%": what the survey shows */
	for (size_t i = *b + 1; i + 8 < *e; i++)
		if (key[i - 1] == ' ' && ex_word_at(key, *e, i, "cho thay") && ex_words_in(key, i + 8, *e) >= 2)
			*b = ex_skip_sp(key, i + 8, *e);
	for (int round = 0; round < 3; round++) {
		score_trim_subject(key, b, e);
		trim_time(key, b, e);
		/* "(1)", "1.", "-" list numbers */
		size_t i = *b;
		while (i < *e && strchr(" -+*", key[i]))
			i++;
		if (i < *e && key[i] == '(' && ndigits(key, i + 1, *e) && key[i + 1 + ndigits(key, i + 1, *e)] == ')')
			i += 2 + ndigits(key, i + 1, *e);
		else if (i + 3 < *e && isalpha((unsigned char)key[i]) && !strncmp(key + i + 1, " ) ", 3))
			i += 4; /* a word-segmented text's "a ) " */
		*b = i;
		/* a span of numbers alone ("2025" left of "Năm 2025") names nothing */
		int letters = 0;
		for (size_t k = *b; k < *e && !letters; k++)
			letters = isalpha((unsigned char)key[k]) || (unsigned char)key[k] >= 0x80;
		if (!letters)
			*b = *e;
		/* "Tăng tỷ lệ …", "Giảm tỷ trọng …", "Có tỷ lệ …": the verb of a target before its indicator */
		/* "có 62 lượt người …": the count of what follows (score_subject_fix) */
		if (ex_word_at(key, *e, *b, "co") && isdigit((unsigned char)key[ex_skip_sp(key, *b + 2, *e)]))
			*b = ex_skip_sp(key, *b + 2, *e);
		static const char *const verbs[] = {"tang", "giam", "nang", "ha", "co", NULL};
		static const char *const measures[] = {"ty le", "ti le", "ty trong", "ti trong", "so luong", "muc", NULL};
		for (int v = 0; verbs[v]; v++)
			if (ex_word_at(key, *e, *b, verbs[v]) &&
			    ex_starts_any(key, *e, ex_skip_sp(key, *b + strlen(verbs[v]), *e), measures))
				*b = ex_skip_sp(key, *b + strlen(verbs[v]), *e);
	}
}

/* Leading words of an administrative unit named before its proper name ("tỉnh Quảng Trị"), as
 * keyed and as spelled. */
static const char *const unit_words[] = {"tinh", "thanh pho", "huyen", "quan", "thi xa", "xa", "phuong", NULL};
static const char *const unit_spelled[] = {"tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", "phường", NULL};

int score_place_name(const ex_stmt *st, size_t b, size_t e)
{
	const char *key = st->key;
	while (b < e && strchr(" ,;:(", key[b]))
		b++;
	while (e > b && strchr(" ,;:.", key[e - 1]))
		e--;
	int unit = 0;
	for (int i = 0; unit_words[i] && !unit; i++)
		if (ex_word_at(key, e, b, unit_words[i]) && ex_spelled_at(st, b, unit_spelled[i])) {
			b = ex_skip_sp(key, b + strlen(unit_words[i]), e);
			unit = 1;
		}
	size_t words = 0;
	for (size_t i = st->kmap[b]; i < st->kmap[e];) {
		while (i < st->kmap[e] && st->text[i] == ' ')
			i++;
		if (i >= st->kmap[e])
			break;
		/* a word of a proper name: a capital, then small letters only ("Quảng", not "GRDP", "số") */
		uint32_t cp, plain;
		int tone, upper;
		size_t n = sohoa_utf8_decode(st->text + i, st->kmap[e] - i, &cp);
		if (!n || !sohoa_viet_letter(cp, &plain, &tone, &upper) || !upper)
			return 0;
		i += n;
		while (i < st->kmap[e] && st->text[i] != ' ') {
			n = sohoa_utf8_decode(st->text + i, st->kmap[e] - i, &cp);
			if (!n || !sohoa_viet_letter(cp, &plain, &tone, &upper) || upper)
				return 0;
			i += n;
		}
		words++;
	}
	return words >= (unit ? 1u : 2u) && words <= 5;
}

/* Words a period ends a phrase with: "Quý III", "9 tháng năm 2025", "6 tháng đầu năm". */
static const char *const period_words[] = {"quý", "Quý", "tháng", "năm", "đầu", "cuối", "lũy", "kế", "I", "II", "III",
					   "IV", NULL};

char *score_drop_period(const char *s)
{
	size_t e = strlen(s), cut = e;
	int period = 0;
	while (e > 0) {
		size_t b = e;
		while (b > 0 && s[b - 1] != ' ')
			b--;
		int ok = 1, digits = 1;
		for (size_t i = b; i < e; i++)
			digits &= isdigit((unsigned char)s[i]) || s[i] == '/';
		if (!digits) {
			ok = 0;
			for (int w = 0; period_words[w] && !ok; w++)
				ok = strlen(period_words[w]) == e - b && !strncmp(s + b, period_words[w], e - b);
		}
		if (!ok || b == e)
			break;
		period |= !digits && (!strncmp(s + b, "quý", e - b) || !strncmp(s + b, "Quý", e - b) ||
				      !strncmp(s + b, "tháng", e - b) || !strncmp(s + b, "năm", e - b));
		cut = b;
		e = b > 0 ? b - 1 : 0;
	}
	while (cut > 0 && s[cut - 1] == ' ')
		cut--;
	if (!period || cut == 0)
		cut = strlen(s);
	char *out = malloc(cut + 1);
	if (out) {
		memcpy(out, s, cut);
		out[cut] = 0;
	}
	return out;
}
