/* responsibilities-units.c: unit names, cooperating units and deadlines read from the sentences of
 * responsibilities (responsibilities-int.h). */
#include "responsibilities-int.h"

#include "../core/govname.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A month or quarter after "trong"/"trước"/"xong"/"cuối"/"từ" in st ("trong tháng 11 năm 2025",
 * "trước quý II/2025", "thực hiện từ tháng 01/2026"), as written; NULL when none names its year. */
static char *period_of(const ex_stmt *st)
{
	static const char *const before[] = {"trong", "truoc", "xong", "cuoi", "tu", NULL};
	static const char *const unit[] = {"thang", "quy", "qui", NULL}; /* "quí", an older spelling */
	const char *key = st->key;
	for (size_t k = 0; k < st->keylen; k++) {
		size_t w = 0;
		for (int i = 0; before[i] && !w; i++)
			if (ex_word_at(key, st->keylen, k, before[i]))
				w = strlen(before[i]);
		if (!w)
			continue;
		size_t u = ex_skip_sp(key, k + w, st->keylen);
		if (!ex_starts_any(key, st->keylen, u, unit))
			continue;
		size_t e = u;
		while (e < st->keylen && isalpha((unsigned char)key[e]))
			e++;
		/* the number and what follows it: "11 năm 2025", "II/2025", "12/2025", "2025" */
		int year = 0;
		for (int part = 0; part < 3; part++) {
			size_t q = ex_skip_sp(key, e, st->keylen);
			if (part == 1 && ex_word_at(key, st->keylen, q, "nam"))
				q = ex_skip_sp(key, q + 3, st->keylen);
			else if (part == 1 && key[q] == '/')
				q++;
			else if (part > 0)
				break;
			size_t n = q;
			while (n < st->keylen && (isdigit((unsigned char)key[n]) || strchr("ivx", key[n])))
				n++;
			if (n == q || (n < st->keylen && isalpha((unsigned char)key[n])))
				break;
			year |= n - q == 4 && isdigit((unsigned char)key[q]);
			e = n;
		}
		if (year)
			return ex_clean(st->text, st->kmap[u], st->kmap[e]);
	}
	return NULL;
}

/* The deadline of a text: "trước ngày 15/12/2025" as an ISO date, else a month or
 * quarter (period_of); NULL when none is certain. */
/* The first w in key[0..n), NULL when none. */
static const char *find_in(const char *key, size_t n, const char *w)
{
	size_t wl = strlen(w);
	for (size_t i = 0; i + wl <= n; i++)
		if (!memcmp(key + i, w, wl))
			return key + i;
	return NULL;
}

/* Key offset past an hour at or after k ("14 giờ", "16 giờ 30 phút", "14h", and a comma after it), else k. */
static size_t hour_after(const ex_stmt *st, size_t k)
{
	const char *key = st->key;
	size_t n = st->keylen, q = ex_skip_sp(key, k, n), d = q;
	while (d < n && isdigit((unsigned char)key[d]))
		d++;
	if (d == q || d - q > 2)
		return k;
	size_t e;
	if (d < n && key[d] == 'h' && (d + 1 == n || !isalpha((unsigned char)key[d + 1])))
		e = d + 1;
	else if (ex_word_at(key, n, ex_skip_sp(key, d, n), "gio"))
		e = ex_skip_sp(key, d, n) + 3;
	else
		return k;
	/* the minutes: "30 phút" */
	size_t m = ex_skip_sp(key, e, n), me = m;
	while (me < n && isdigit((unsigned char)key[me]))
		me++;
	if (me > m && me - m <= 2 && ex_word_at(key, n, ex_skip_sp(key, me, n), "phut"))
		e = ex_skip_sp(key, me, n) + 4;
	e = ex_skip_sp(key, e, n);
	if (e < n && key[e] == ',')
		e++;
	return ex_skip_sp(key, e, n);
}

char *rs_deadline_of(const ex_stmt *st)
{
	const char *p = find_in(st->key, st->keylen, "truoc ngay");
	size_t pl = 5; /* "trước", or "chậm nhất (là)": "chậm nhất là ngày 23 tháng 01 năm 2026" */
	if (!p && (p = find_in(st->key, st->keylen, "cham nhat")) != NULL) {
		pl = 9;
		if (ex_word_at(st->key, st->keylen, ex_skip_sp(st->key, (size_t)(p - st->key) + pl, st->keylen), "la"))
			pl = ex_skip_sp(st->key, (size_t)(p - st->key) + pl, st->keylen) + 2 - (size_t)(p - st->key);
	}
	if (!p)
		p = find_in(st->key, st->keylen, "truoc");
	if (!p)
		return period_of(st);
	size_t b = st->kmap[(size_t)(p - st->key)];
	size_t e = b;
	/* the date right after, past an hour before it ("trước 14 giờ ngày 08/10/2025", "trước 16 giờ 30
	 * phút, ngày …") */
	size_t k = hour_after(st, (size_t)(p - st->key) + pl), from = k;
	while (k < st->keylen && !isdigit((unsigned char)st->key[k]) && k < from + 11)
		k++;
	while (k < st->keylen && (isdigit((unsigned char)st->key[k]) || st->key[k] == '/'))
		k++;
	/* the date in words: "31 tháng 12 năm 2025" */
	static const char *const words[] = {" thang ", " nam ", NULL};
	for (int w = 0; words[w]; w++) {
		size_t n = strlen(words[w]);
		if (k + n < st->keylen && !strncmp(st->key + k, words[w], n) && isdigit((unsigned char)st->key[k + n]))
			for (k += n; k < st->keylen && isdigit((unsigned char)st->key[k]);)
				k++;
	}
	e = st->kmap[k];
	char iso[11];
	if (ex_parse_date(st->text + b, e - b, iso))
		return sohoa_strdup(iso);
	/* a day of every year, quarter or month: "trước ngày 15/12 hằng năm", as written */
	static const char *const every[] = {"hang nam", "hang quy", "hang thang", NULL};
	size_t q = ex_skip_sp(st->key, k, st->keylen), d = (size_t)(p - st->key) + 10;
	if (ex_word_at(st->key, st->keylen, (size_t)(p - st->key), "truoc ngay") && ex_starts_any(st->key, st->keylen, q, every) &&
	    memchr(st->key + d, '/', k > d ? k - d : 0)) {
		q += ex_word_at(st->key, st->keylen, q, "hang thang") ? 10 : 8;
		return ex_clean(st->text, b, st->kmap[q]);
	}
	return period_of(st);
}

/* 1 when the letter at text offset off is a capital (ASCII, Latin-1, Đ Ă Ĩ Ũ Ơ Ư, and the even code
 * points of U+1EA0..U+1EF9, the Vietnamese capitals with a tone). */
int rs_upper_at(const ex_stmt *st, size_t k)
{
	const unsigned char *t = (const unsigned char *)st->text + st->kmap[k];
	unsigned cp = t[0];
	if (cp < 0x80)
		return isupper((int)cp) != 0;
	if ((cp & 0xe0) == 0xc0)
		cp = ((cp & 0x1fu) << 6) | (t[1] & 0x3fu);
	else if ((cp & 0xf0) == 0xe0)
		cp = ((cp & 0x0fu) << 12) | ((t[1] & 0x3fu) << 6) | (t[2] & 0x3fu);
	else
		return 0;
	if (cp >= 0xc0 && cp <= 0xdd)
		return 1;
	if (cp == 0x110 || cp == 0x102 || cp == 0x128 || cp == 0x168 || cp == 0x1a0 || cp == 0x1af)
		return 1;
	return cp >= 0x1ea0 && cp <= 0x1ef9 && cp % 2 == 0;
}

/* Words that start a unit's name ("Sở Y tế", "Các Bộ", "UBND các xã"). */
static const char *const unit_first[] = {"so", "bo", "cac", "ubnd", "uy ban", "ban", "van phong", "cong an",
					 "thu truong", "nguoi dung dau", "bao", "dai", "trung tam", "hoi", "lien doan",
					 "doan", "tinh doan", "ngan hang", "chi cuc", "cuc", "kho bac", "toa an",
					 "vien", "vu", "tong cuc", "hoi dong", "mat tran", "bo chi huy", "phong", "don vi", "co quan",
					 "truong", "tap doan", "tong cong ty", "thuong truc", "tinh uy", "thanh uy", "chanh van phong", "bi thu",
					 "thanh tra chinh phu", "thanh tra tinh", "thanh tra thanh pho", "thanh tra bo", "thong doc", NULL};
/* Words, in lower case, that end a unit's name in a sentence: what the unit is asked to do ("Sở
 * Tài chính chủ trì", "… thực hiện", "… theo chức năng"). */
static const char *const unit_end_words[] = {
	"chu tri", "phoi hop", "theo", "thuc hien", "phat huy", "trien khai", "tuyen truyen", "thong nhat", "huong dan",
	"bo tri", "nghien cuu", "tham muu", "ra soat", "xay dung", "kiem tra", "bao cao", "de xuat", "tong hop",
	"xu ly", "don doc", "hoan thanh", "ban hanh", "cap nhat", "dam bao", "bao dam", "tien hanh", "tham dinh",
	"van dong", "chi dao", "tang cuong", "kien toan", "day manh", "phat dong", "xem xet", "giai quyet",
	"trinh", "lap", "de", "nham", "trong viec", "trong thang", "trong quy", "trong nam", "trong qua trinh",
	"trong thoi gian", "trong pham vi", "co trach nhiem", "chiu trach nhiem", "khan truong", "chu dong",
	"tiep tuc", "uu tien", "can cu", "duy tri", "tham gia", "quan tam", "tich cuc", "thong bao", "lam viec", "tap trung",
	"lanh dao", "truc tiep", "phai", "tren co so", "thanh lap", "truoc ngay", "quyet dinh", "danh gia", "ung dung",
	"dinh ky", "hang tuan", "hang thang", "thuong xuyen", "som", NULL};

/* Where the longest sector a Sở or Bộ is of (core/govname.h: "Giao thông vận tải", "Lao động -
 * Thương binh và Xã hội") starting at key offset k ends, its words in any case and with the
 * spaces, hyphens and commas between them as written; 0 when none starts there. */
static size_t sector_end(const ex_stmt *st, size_t k, size_t ke)
{
	const char *key = st->key;
	size_t best = 0;
	for (int i = 0; sohoa_gov_sectors[i]; i++) {
		const char *s = sohoa_gov_sectors[i];
		size_t p = k;
		while (*s && p) {
			size_t wl = strcspn(s, " ,-");
			char sk[32];
			size_t n = sohoa_gov_skeleton(s, wl, sk, sizeof sk);
			if (p > k) /* a space, hyphen or comma between the words */
				for (; p < ke && strchr(" ,-", key[p]); p++)
					;
			if (p + n > ke || memcmp(key + p, sk, n) || (p + n < ke && isalnum((unsigned char)key[p + n])))
				p = 0;
			else
				p += n;
			for (s += wl; *s && strchr(" ,-", *s);)
				s++;
		}
		if (p > best)
			best = p;
	}
	return best;
}

/* Where a proper name of one or more ministries or departments starting at key offset kb ends:
 * "Sở"/"Bộ" and the sector it is of (sector_end), or capitalized words, each with at most one
 * lower-case syllable after it, joined by "và" ("Sở Văn hóa và Thể thao", "Bộ Công Thương"); a
 * comma and the next such name continuing it ("Bộ Tài chính, Bộ Công Thương"). 0 when kb starts
 * no such name. */
static size_t proper_end(const ex_stmt *st, size_t kb, size_t ke)
{
	const char *key = st->key;
	size_t k = kb, end = 0;
	while ((ex_word_at(key, ke, k, "so") || ex_word_at(key, ke, k, "bo")) && rs_upper_at(st, k)) {
		k = ex_skip_sp(key, k + 2, ke);
		if (k >= ke || !isalpha((unsigned char)key[k]) || !rs_upper_at(st, k))
			break;
		size_t se = sector_end(st, k, ke);
		if (se)
			end = se;
		for (; !se;) { /* a capitalized word, maybe one lower-case syllable, then "và"/another capital */
			while (k < ke && isalnum((unsigned char)key[k]))
				k++;
			end = k;
			size_t q = ex_skip_sp(key, k, ke);
			if (q < ke && isalpha((unsigned char)key[q]) && !rs_upper_at(st, q) && !ex_word_at(key, ke, q, "va") &&
			    !ex_starts_any(key, ke, q, unit_end_words)) { /* not "Bộ Công Thương chủ trì" */
				for (k = q; k < ke && isalnum((unsigned char)key[k]);)
					k++;
				end = k;
				q = ex_skip_sp(key, k, ke);
			}
			if (ex_word_at(key, ke, q, "va"))
				q = ex_skip_sp(key, q + 2, ke);
			if (q < ke && isalpha((unsigned char)key[q]) && rs_upper_at(st, q) &&
			    !ex_starts_any(key, ke, q, unit_first)) {
				k = q;
				continue;
			}
			break;
		}
		k = ex_skip_sp(key, end, ke);
		if (k < ke && key[k] == ',')
			k = ex_skip_sp(key, k + 1, ke);
		if (ex_word_at(key, ke, k, "va"))
			k = ex_skip_sp(key, k + 2, ke);
	}
	return end;
}

/* Words that never stand inside a name in capitals. */
static const char *const linking[] = {"va", "cac", "cua", "nhung", "tai", "trong", "voi", "cho", "de", NULL};

/* Where a list of names in capitals after "Các Bộ:" starting at key offset k ends ("Công Thương,
 * Nông nghiệp và Môi trường, Ngoại giao thành lập …" ends after "Ngoại giao"): each name is
 * capitalized words, each with at most one lower-case syllable after it, joined by '-' or "và";
 * names apart by ',' or "và". 0 when k starts no name. */
static size_t names_list_end(const ex_stmt *st, size_t k, size_t ke)
{
	const char *key = st->key;
	size_t end = 0;
	while (k < ke && isalpha((unsigned char)key[k]) && rs_upper_at(st, k)) {
		for (;;) { /* one name */
			while (k < ke && isalnum((unsigned char)key[k]))
				k++;
			end = k;
			size_t q = ex_skip_sp(key, k, ke);
			if (q < ke && isalpha((unsigned char)key[q]) && !rs_upper_at(st, q) && !ex_word_at(key, ke, q, "va") &&
			    !ex_starts_any(key, ke, q, unit_end_words)) {
				for (k = q; k < ke && isalnum((unsigned char)key[k]);)
					k++;
				end = k;
				q = ex_skip_sp(key, k, ke);
				/* up to two more lower-case syllables when a capital follows them ("Bưu chính
				 * viễn thông Việt Nam") */
				size_t w = q;
				for (int n = 0; n < 2; n++) {
					if (w >= ke || !isalpha((unsigned char)key[w]) || rs_upper_at(st, w) ||
					    ex_starts_any(key, ke, w, linking) || ex_starts_any(key, ke, w, unit_end_words))
						break;
					while (w < ke && isalnum((unsigned char)key[w]))
						w++;
					w = ex_skip_sp(key, w, ke);
					if (w < ke && isalpha((unsigned char)key[w]) && rs_upper_at(st, w)) {
						k = end = w;
						q = w;
						while (end > 0 && key[end - 1] == ' ')
							end--;
						k = end;
						break;
					}
				}
			}
			if (q < ke && key[q] == '-')
				q = ex_skip_sp(key, q + 1, ke);
			else if (ex_word_at(key, ke, q, "va") && rs_upper_at(st, ex_skip_sp(key, q + 2, ke)))
				q = ex_skip_sp(key, q + 2, ke);
			if (q < ke && isalpha((unsigned char)key[q]) && rs_upper_at(st, q)) {
				k = q;
				continue;
			}
			break;
		}
		k = ex_skip_sp(key, end, ke);
		if (k >= ke || key[k] != ',')
			break;
		k = ex_skip_sp(key, k + 1, ke);
	}
	return end;
}

/* Where "các Bộ: Công Thương, Ngoại giao …" starting at key offset c ("các", one or two words, a
 * colon, names in capitals) ends; 0 when c starts no such list. */
static size_t cac_list_end(const ex_stmt *st, size_t c, size_t ke)
{
	const char *key = st->key;
	if (!ex_word_at(key, ke, c, "cac"))
		return 0;
	size_t q = ex_skip_sp(key, c + 3, ke);
	for (int w = 0; w < 2 && q < ke && isalpha((unsigned char)key[q]); w++) {
		while (q < ke && isalnum((unsigned char)key[q]))
			q++;
		q = ex_skip_sp(key, q, ke);
	}
	return q < ke && key[q] == ':' ? names_list_end(st, ex_skip_sp(key, q + 1, ke), ke) : 0;
}

/* 1 when the word at key offset k (past kb) follows a comma or "và", "hoặc", "các", "những",
 * "Ban": there it is one more unit of a list or part of a name ("các cơ quan, tổ chức"). */
static int after_joint(const char *key, size_t kb, size_t k)
{
	static const char *const joints[] = {"va", "hoac", "cac", "ban", "nhung", NULL};
	size_t p = k;
	while (p > kb && key[p - 1] == ' ')
		p--;
	if (p > kb && key[p - 1] == ',')
		return 1;
	size_t w = p;
	while (w > kb && isalnum((unsigned char)key[w - 1]))
		w--;
	return w < p && ex_starts_any(key, p, w, joints);
}

/* 1 when key offset k starts a verb of attending or sending someone, which ends a unit's name
 * before it: "tham dự", "dự" a meeting ("dự Hội nghị", "dự họp"; not "dự án", "dự toán"), "cử"
 * someone ("cử 01 cán bộ", "cử đại diện"; not "bầu cử", "cử tri"). */
static int attends_at(const ex_stmt *st, size_t k, size_t ke)
{
	static const char *const meeting[] = {"hoi nghi", "hop", "le", "buoi", "cuoc", "dung thanh phan", "day du", NULL};
	static const char *const someone[] = {"can bo", "cong chuc", "dai dien", "lanh dao", "nguoi", "dong chi", "thanh phan",
					      NULL};
	const char *key = st->key;
	if (ex_word_at(key, ke, k, "tham du") && ex_spelled_at(st, k, "tham dự"))
		return 1;
	size_t q = ex_skip_sp(key, k + 2, ke);
	if (ex_word_at(key, ke, k, "du") && ex_spelled_at(st, k, "dự"))
		return ex_starts_any(key, ke, q, meeting) || (q < ke && isalpha((unsigned char)key[q]) && rs_upper_at(st, q));
	if (ex_word_at(key, ke, k, "cu") && ex_spelled_at(st, k, "cử")) {
		while (q < ke && isdigit((unsigned char)key[q])) /* "cử 01 cán bộ" */
			q++;
		return ex_starts_any(key, ke, ex_skip_sp(key, q, ke), someone);
	}
	return 0;
}

/* Where the unit name starting at key offset kb ends (before ke): before the first lower-case
 * word of unit_end_words, after "liên quan", at '.', ';' or ':'; a parenthesis is kept when paren
 * (else the name ends before it). Trailing spaces and commas are left out. */
size_t rs_unit_end(const ex_stmt *st, size_t kb, size_t ke, int paren)
{
	const char *key = st->key;
	/* "Các Bộ: Công Thương, Ngoại giao …", "các Tập đoàn: Bưu chính Viễn thông Việt Nam, …",
	 * "Bộ trưởng các Bộ: Quốc phòng, Công an …" */
	for (size_t c = kb, w0 = 0; w0 < 3 && c < ke && isalpha((unsigned char)key[c]); w0++) {
		if (ex_word_at(key, ke, c, "cac")) {
			size_t le = cac_list_end(st, c, ke);
			if (le)
				return le;
			break;
		}
		while (c < ke && isalnum((unsigned char)key[c]))
			c++;
		c = ex_skip_sp(key, c, ke);
	}
	size_t k = kb, pe = proper_end(st, kb, ke);
	int depth = 0;
	size_t after = ex_skip_sp(key, pe, ke);
	if (after < ke && key[after] == ',')
		after = ex_skip_sp(key, after + 1, ke);
	if (ex_word_at(key, ke, after, "va"))
		after = ex_skip_sp(key, after + 2, ke);
	/* a proper name not followed by other units ("các …", "Ủy ban …"): up to its end and a
	 * parenthesis after it */
	if (pe > kb && !ex_word_at(key, ke, after, "cac") &&
	    !(after < ke && rs_upper_at(st, after) && ex_starts_any(key, ke, after, unit_first))) {
		size_t q = ex_skip_sp(key, pe, ke);
		if (paren && q < ke && key[q] == '(') {
			const char *c = memchr(key + q, ')', ke - q);
			ke = c ? (size_t)(c - key) + 1 : ke;
		} else {
			ke = pe;
		}
	}
	for (; k < ke; k++) {
		char c = key[k];
		if (c == '(') {
			if (!paren)
				break;
			depth++;
		} else if (c == ')') {
			depth -= depth > 0;
		} else if (depth) {
			continue;
		} else if (c == '.' || c == ';' || c == ':') {
			break;
		} else if (k > kb && isalnum((unsigned char)c) && !isalnum((unsigned char)key[k - 1])) {
			if (ex_word_at(key, ke, k, "lien quan")) {
				k += 9;
				/* "… liên quan và các Tập đoàn: Công nghiệp - Năng lượng …, Bưu chính …" */
				size_t q = ex_skip_sp(key, k, ke), le;
				if (ex_word_at(key, ke, q, "va") && (le = cac_list_end(st, ex_skip_sp(key, q + 2, ke), ke)) > 0)
					return le;
				break;
			}
			if (ex_word_at(key, ke, k, "can") && ex_spelled_at(st, k, "cần"))
				break; /* "… cần tập trung": what the unit needs to do (not "cán bộ") */
			if (ex_word_at(key, ke, k, "to chuc") && !rs_upper_at(st, k) && !after_joint(key, kb, k))
				break; /* "… các xã tổ chức tuyên truyền" (not "các cơ quan, tổ chức") */
			if (!rs_upper_at(st, k) && attends_at(st, k, ke))
				break; /* "… các địa phương dự Hội nghị …", "… cử đại diện …" */
			if (!rs_upper_at(st, k) && ex_starts_any(key, ke, k, unit_end_words) &&
			    !(ex_word_at(key, ke, k, "chi dao") && k >= 4 && !memcmp(key + k - 4, "ban ", 4)))
				break; /* "Ban chỉ đạo" is a name */
		}
	}
	while (k > kb && (key[k - 1] == ' ' || key[k - 1] == ','))
		k--;
	return k;
}

/* Key offset past a request word that may open a unit ("Giao Sở X", "Đề nghị Ủy ban …"). */
size_t rs_skip_request(const ex_stmt *st, size_t k)
{
	k = ex_skip_sp(st->key, k, st->keylen);
	size_t w = ex_word_at(st->key, st->keylen, k, "giao") ? 4 : ex_word_at(st->key, st->keylen, k, "de nghi") ? 7 : 0;
	if (!w)
		return k;
	k = ex_skip_sp(st->key, k + w, st->keylen);
	if (k < st->keylen && st->key[k] == ':') /* "Đề nghị: Hội Nông dân tỉnh" */
		k = ex_skip_sp(st->key, k + 1, st->keylen);
	return k;
}

/* 1 when "chủ trì" (and maybe a comma) stands right before key offset k (past kb). */
static int after_lead(const ex_stmt *st, size_t kb, size_t k)
{
	while (k > kb && (st->key[k - 1] == ' ' || st->key[k - 1] == ','))
		k--;
	return k >= kb + 7 && ex_word_at(st->key, k, k - 7, "chu tri");
}

/* The units asked to cooperate in key [kb, ke): after "phối hợp với" or "chủ trì, cùng (với)"
 * (or "phối hợp"/"chủ trì cùng" and a capitalized name or "các"), up to what they do. NULL when
 * none. */
char *rs_coop_in(const ex_stmt *st, size_t kb, size_t ke)
{
	for (size_t k = kb; k < ke; k++) {
		/* "chủ trì, cùng (với) Bộ Tài chính …" */
		int with = ex_word_at(st->key, ke, k, "cung") && ex_spelled_at(st, k, "cùng") && after_lead(st, kb, k);
		if (!with && !ex_word_at(st->key, ke, k, "phoi hop"))
			continue;
		size_t u = ex_skip_sp(st->key, k + (with ? 4 : 8), ke);
		if (ex_word_at(st->key, ke, u, "chat che"))
			u = ex_skip_sp(st->key, u + 8, ke);
		if (ex_word_at(st->key, ke, u, "voi"))
			u = ex_skip_sp(st->key, u + 3, ke);
		else if (u >= ke || !(rs_upper_at(st, u) || ex_word_at(st->key, ke, u, "cac")))
			continue;
		if (u >= ke || !isalnum((unsigned char)st->key[u]))
			continue;
		size_t e = rs_unit_end(st, u, ke, 1);
		if (e > u)
			return ex_clean(st->text, st->kmap[u], st->kmap[e]);
	}
	return NULL;
}

/* A unit named at key offset k (after "Giao"/"Đề nghị") that is asked to do something: its name's
 * end in *e (the rest of the statement says what). 0 when k does not start a unit's name or the
 * name takes the whole rest. */
int rs_unit_sentence(const ex_stmt *st, size_t k, size_t *b, size_t *e)
{
	/* after a request the one asked may be a person by title ("Giao Phó Thủ tướng …") and may
	 * start in lower case ("Giao các Phó Thủ tướng …", "đề nghị các Tập đoàn …") */
	static const char *const person_first[] = {"pho thu tuong", "thu tuong", "bo truong", "chu tich", "pho chu tich",
						   "giam doc", "pho giam doc", "cac pho thu tuong", "cac bo truong", NULL};
	size_t k0 = ex_skip_sp(st->key, k, st->keylen), p = k0;
	k = rs_skip_request(st, k);
	int asked = k > k0;
	while (p > 0 && st->key[p - 1] == ' ')
		p--;
	/* "Căn cứ …, các sở, ngành xây dựng …": units in lower case after an opening clause */
	int clause = p > 0 && st->key[p - 1] == ',' && ex_word_at(st->key, st->keylen, k, "cac");
	if (k >= st->keylen || (!asked && !clause && !rs_upper_at(st, k)) ||
	    !(ex_starts_any(st->key, st->keylen, k, unit_first) || (asked && ex_starts_any(st->key, st->keylen, k, person_first))) ||
	    ex_word_at(st->key, st->keylen, k, "truong hop") || /* "Trường hợp …" (in case) names no school */
	    ex_word_at(st->key, st->keylen, k, "hoi nghi") || ex_word_at(st->key, st->keylen, k, "hoi thao") || /* a meeting */
	    ex_word_at(st->key, st->keylen, k, "bao cao"))      /* "Báo cáo …" (a report) names no newspaper */
		return 0;
	if (ex_word_at(st->key, st->keylen, k, "thuong truc") && !rs_upper_at(st, ex_skip_sp(st->key, k + 11, st->keylen)))
		return 0; /* "Thường trực Tỉnh ủy" is a unit, "Thường trực tổng hợp …" a task */
	*b = k;
	*e = rs_unit_end(st, k, st->keylen, 0);
	size_t r = ex_skip_sp(st->key, *e, st->keylen), le;
	/* "… Ủy ban nhân dân các tỉnh: Đắk Lắk, Khánh Hòa và Lâm Đồng tiếp tục …": the places too */
	if (r < st->keylen && st->key[r] == ':' && ex_has_word(st->key, *b, *e, "cac") &&
	    (le = names_list_end(st, ex_skip_sp(st->key, r + 1, st->keylen), st->keylen)) > 0) {
		*e = le;
		r = ex_skip_sp(st->key, le, st->keylen);
	}
	return *e > k && ex_words_in(st->key, *e, st->keylen) >= 3 && ex_words_in(st->key, k, *e) <= 30 &&
	       isalpha((unsigned char)st->key[r]);
}
