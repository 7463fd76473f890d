/* build-model: build data/sohoa-lm.bin (the restoration language model) from ../shared/corpus.
 * Every 50th file of each subcorpus (sorted by name) is held out for evaluation and listed in
 * data/heldout.txt; domain text (laws, administrative documents) counts --domain-weight times.
 * The gazetteer (places and agencies named at least --gazetteer-min times in the training text)
 * goes to its TSV and into the model, whose n-grams count its phrases once more (lm-build.c).
 * Usage: build-model [--corpus DIR] [-o FILE] [--heldout FILE] [--channel-tokens TSV]
 *        [--channel-chars TSV] [--gazetteer TSV] [--gazetteer-min N] [--max-bytes N]
 *        [--domain-weight K] [-v] */
#include "../../core/array.h"
#include "../../core/icu.h"
#include "../../core/sha256.h"
#include "../../core/sohoa.h"
#include "../../restore/lm.h"
#include "../../core/viet.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

typedef struct cfile {
	char *path;   /* full path */
	char *rel;    /* path under the corpus folder */
	size_t size;
	int weight;
	int heldout;
	char *text;   /* normalized */
	size_t len;
} cfile;

typedef struct flist {
	cfile *f;
	size_t n, cap;
} flist;

static int add_file(flist *l, const char *path, const char *rel, size_t size)
{
	if (SOHOA_GROW(l->f, l->n + 1, l->cap))
		return -1;
	cfile *f = &l->f[l->n++];
	memset(f, 0, sizeof *f);
	f->path = sohoa_strdup(path);
	f->rel = sohoa_strdup(rel);
	f->size = size;
	return f->path && f->rel ? 0 : -1;
}

/* All *.txt under dir (recursively), appended to l. */
static int walk(flist *l, const char *root, const char *sub)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/%s", root, sub);
	DIR *d = opendir(path);
	if (!d)
		return -1;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		char rel[4096], full[8192 + 2];
		if ((size_t)snprintf(rel, sizeof rel, "%s/%s", sub, e->d_name) >= sizeof rel)
			continue;
		snprintf(full, sizeof full, "%s/%s", root, rel);
		struct stat st;
		if (stat(full, &st) < 0)
			continue;
		if (S_ISDIR(st.st_mode)) {
			if (walk(l, root, rel)) {
				closedir(d);
				return -1;
			}
		} else if (S_ISREG(st.st_mode)) {
			size_t n = strlen(e->d_name);
			if (n > 4 && strcmp(e->d_name + n - 4, ".txt") == 0 && add_file(l, full, rel, (size_t)st.st_size)) {
				closedir(d);
				return -1;
			}
		}
	}
	closedir(d);
	return 0;
}

static int cmp_rel(const void *a, const void *b)
{
	return strcmp(((const cfile *)a)->rel, ((const cfile *)b)->rel);
}

/* NFC, Ð (eth) -> Đ, ð -> đ. */
static int normalize_text(sohoa_ctx *ctx, cfile *f)
{
	char *data;
	size_t n;
	if (sohoa_file_read(ctx, f->path, &data, &n))
		return -1;
	sohoa_buf out = {0};
	if (!sohoa_icu_is_nfc(data, n)) {
		if (sohoa_icu_nfc(ctx, data, n, &out)) {
			free(data);
			return -1;
		}
		free(data);
		data = sohoa_buf_steal(&out);
		n = strlen(data);
	}
	for (size_t i = 0; i + 1 < n; i++) {
		unsigned char a = (unsigned char)data[i], b = (unsigned char)data[i + 1];
		if (a == 0xC3 && (b == 0x90 || b == 0xB0)) { /* U+00D0 / U+00F0 -> U+0110 / U+0111 */
			data[i] = (char)0xC4;
			data[i + 1] = (char)(b == 0x90 ? 0x90 : 0x91);
		}
	}
	f->text = data;
	f->len = n;
	return 0;
}

static char *read_or_null(sohoa_ctx *ctx, const char *path, size_t *n)
{
	char *d = NULL;
	*n = 0;
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return NULL;
	fclose(fp);
	if (sohoa_file_read(ctx, path, &d, n))
		return NULL;
	return d;
}

/* --- gazetteer: administrative units and agencies from letterhead and prose patterns --- */

typedef struct gaz { char *phrase; int count; } gaz;
typedef struct gazset { gaz *g; size_t n, cap; uint32_t *idx; size_t icap; } gazset;

static int gaz_add(gazset *s, const char *p, size_t n)
{
	if ((s->n + 1) * 2 > s->icap) {
		size_t nc = s->icap ? s->icap * 2 : 4096;
		uint32_t *ni = calloc(nc, sizeof *ni);
		if (!ni)
			return -1;
		for (size_t i = 0; i < s->n; i++) {
			size_t j = sohoa_lm_hash_str(s->g[i].phrase, strlen(s->g[i].phrase)) & (nc - 1);
			while (ni[j])
				j = (j + 1) & (nc - 1);
			ni[j] = (uint32_t)i + 1;
		}
		free(s->idx);
		s->idx = ni;
		s->icap = nc;
	}
	size_t j = sohoa_lm_hash_str(p, n) & (s->icap - 1);
	while (s->idx[j]) {
		gaz *g = &s->g[s->idx[j] - 1];
		if (strlen(g->phrase) == n && memcmp(g->phrase, p, n) == 0) {
			g->count++;
			return 0;
		}
		j = (j + 1) & (s->icap - 1);
	}
	if (SOHOA_GROW(s->g, s->n + 1, s->cap))
		return -1;
	s->g[s->n].phrase = sohoa_strndup(p, n);
	s->g[s->n].count = 1;
	s->idx[j] = (uint32_t)s->n + 1;
	s->n++;
	return 0;
}

static int is_upper_start(const char *s, size_t n)
{
	uint32_t cp, plain;
	int tone, upper;
	sohoa_utf8_decode(s, n, &cp);
	return sohoa_viet_letter(cp, &plain, &tone, &upper) && upper;
}

/* Is the token at t[p..) a word (Vietnamese letters) starting upper-case? Returns its end or 0. */
static size_t word_at(const char *t, size_t n, size_t p, int want_upper)
{
	if (p >= n)
		return 0;
	int kind;
	size_t q = sohoa_lm_token(t, n, p, &kind);
	if (kind != LM_TOK_WORD || is_upper_start(t + p, n - p) != want_upper)
		return 0;
	return q;
}

/* Place names follow an administrative unit word and are Title Case ("tỉnh Lai Châu", "huyện
 * Mường Tè"); agency names follow an agency word and are segments of a capitalized word and at
 * most one lower-case word, joined by "và" or "-" ("Sở Y tế", "Bộ Tài nguyên và Môi trường",
 * "Bộ Lao động - Thương binh và Xã hội"). */
static const char *const place_words[] = {"tỉnh", "huyện", "quận", "thị xã", "thành phố", "xã", "phường",
					  "thị trấn", "Tỉnh", "Huyện", "Quận", "Thị xã", "Thành phố", "Xã",
					  "Phường", "Thị trấn"};
static const char *const agency_words[] = {"Sở", "Bộ", "Ban", "Cục", "Tổng cục", "Chi cục", "Vụ", "Văn phòng",
					   "Trung tâm", "Phòng", "Ủy ban", "Uỷ ban", "Hội đồng", "Viện"};

/* The end of the name after a unit word (agency 0) or an agency word (agency 1) ending at p (at
 * the space), or 0 if none: up to four capitalized words, or for an agency four segments. */
static size_t name_after(const char *t, size_t n, size_t p, int agency)
{
	size_t end = 0;
	for (int k = 0; k < 4 && p < n && t[p] == ' '; k++) {
		size_t q = word_at(t, n, p + 1, 1);
		if (!q)
			break;
		end = p = q;
		if (!agency)
			continue;
		size_t r = word_at(t, n, p + 1, 0);
		if (p < n && t[p] == ' ' && r && !(r - p - 1 == 3 && memcmp(t + p + 1, "và", 3) == 0))
			end = p = r; /* "Y tế": one lower-case word */
		/* a joiner and the next segment */
		if (p + 4 < n && memcmp(t + p, " và ", 5) == 0 && word_at(t, n, p + 5, 1))
			p += 4;
		else if (p + 3 < n && memcmp(t + p, " - ", 3) == 0 && word_at(t, n, p + 3, 1))
			p += 2;
		else
			break;
	}
	return end;
}

/* Is the word before t[i] capitalized and not the first of its line ("Tây Ban Nha" is no Ban)? */
static int inside_name(const char *t, size_t i)
{
	if (i < 2 || t[i - 1] != ' ')
		return 0;
	size_t j = i - 1;
	while (j > 0 && t[j - 1] != ' ' && t[j - 1] != '\n')
		j--;
	return j > 0 && t[j - 1] == ' ' && is_upper_start(t + j, i - 1 - j);
}

static int gaz_scan(gazset *s, const char *t, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i > 0 && t[i - 1] != ' ' && t[i - 1] != '\n' && t[i - 1] != '(' && t[i - 1] != '"')
			continue;
		for (int kind = 0; kind < 2; kind++) {
			const char *const *uw = kind ? agency_words : place_words;
			size_t nw = kind ? sizeof agency_words / sizeof *agency_words : sizeof place_words / sizeof *place_words;
			for (size_t u = 0; u < nw; u++) {
				size_t ul = strlen(uw[u]);
				if (i + ul + 1 >= n || memcmp(t + i, uw[u], ul) != 0 || t[i + ul] != ' ')
					continue;
				if (kind && inside_name(t, i))
					continue;
				size_t end = name_after(t, n, i + ul, kind);
				if (end && end - i < 100) {
					if (s->n > 2000000)
						return 0;
					if (gaz_add(s, t + i, end - i))
						return -1;
				}
			}
		}
	}
	return 0;
}

static int cmp_gaz(const void *a, const void *b)
{
	const gaz *x = a, *y = b;
	if (x->count != y->count)
		return x->count < y->count ? 1 : -1;
	return strcmp(x->phrase, y->phrase);
}

/* sha256 of data[0..n) as 32 bytes (core/sha256.c gives hex). */
static void digest_of(const void *data, size_t n, uint8_t out[32])
{
	sohoa_sha256 s;
	char hex[65];
	sohoa_sha256_init(&s);
	sohoa_sha256_update(&s, data, n);
	sohoa_sha256_hex(&s, hex);
	for (int i = 0; i < 32; i++) {
		unsigned v;
		sscanf(hex + 2 * i, "%2x", &v);
		out[i] = (uint8_t)v;
	}
}

int main(int argc, char **argv)
{
	const char *corpus = "../shared/corpus", *outpath = "data/sohoa-lm.bin", *heldout = "data/heldout.txt";
	const char *chan_tok = "data/channel-tokens.tsv", *chan_chr = "data/channel-chars.tsv";
	const char *gazpath = "data/gazetteer.tsv";
	int domain_weight = 3, verbose = 0, gaz_min = 3;
	sohoa_lmb_options opt = {0};
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
		if (strcmp(a, "-v") == 0) {
			verbose = 1;
			continue;
		}
		if (!v) {
			fprintf(stderr, "build-model: %s needs a value\n", a);
			return 2;
		}
		if (strcmp(a, "--corpus") == 0) corpus = v;
		else if (strcmp(a, "-o") == 0) outpath = v;
		else if (strcmp(a, "--heldout") == 0) heldout = v;
		else if (strcmp(a, "--channel-tokens") == 0) chan_tok = v;
		else if (strcmp(a, "--channel-chars") == 0) chan_chr = v;
		else if (strcmp(a, "--gazetteer") == 0) gazpath = v;
		else if (strcmp(a, "--max-bytes") == 0) opt.max_bytes = strtoull(v, NULL, 10);
		else if (strcmp(a, "--max-bigrams") == 0) opt.max_bigrams = strtoull(v, NULL, 10);
		else if (strcmp(a, "--domain-weight") == 0) domain_weight = atoi(v);
		else if (strcmp(a, "--gazetteer-min") == 0) gaz_min = atoi(v);
		else {
			fprintf(stderr, "build-model: unknown option %s\n", a);
			return 2;
		}
		i++;
	}
	sohoa_options o;
	sohoa_options_init(&o);
	sohoa_ctx *ctx = sohoa_ctx_new(&o);
	clock_t t0 = clock();
	static const struct { const char *dir; int domain; } subs[] = {
		{"vlc-legal", 1}, {"modern-legal", 1}, {"viwiki", 0}};
	flist all = {0};
	for (size_t s = 0; s < 3; s++) {
		size_t first = all.n;
		if (walk(&all, corpus, subs[s].dir)) {
			fprintf(stderr, "build-model: cannot read %s/%s\n", corpus, subs[s].dir);
			return 1;
		}
		qsort(all.f + first, all.n - first, sizeof *all.f, cmp_rel);
		for (size_t i = first; i < all.n; i++) {
			all.f[i].weight = subs[s].domain ? domain_weight : 1;
			all.f[i].heldout = (i - first) % 50 == 49;
		}
	}
	/* digest over the training list and sizes; the held-out list to its file */
	sohoa_buf list = {0}, hl = {0};
	sohoa_buf_printf(&hl, "# held out from data/sohoa-lm.bin (every 50th file per subcorpus, by name)\n");
	size_t ntrain = 0, nheld = 0;
	for (size_t i = 0; i < all.n; i++) {
		if (all.f[i].heldout) {
			sohoa_buf_printf(&hl, "%s\n", all.f[i].rel);
			nheld++;
		} else {
			sohoa_buf_printf(&list, "%s\t%zu\n", all.f[i].rel, all.f[i].size);
			ntrain++;
		}
	}
	uint8_t digest[32];
	digest_of(list.data, list.len, digest);
	if (heldout && *heldout && sohoa_file_write_atomic(ctx, heldout, hl.data, hl.len)) {
		fprintf(stderr, "build-model: %s\n", sohoa_errmsg(ctx));
		return 1;
	}
	sohoa_lmb *b = sohoa_lmb_new();
	/* pass 1: vocabulary */
	for (size_t i = 0; i < all.n; i++) {
		cfile *f = &all.f[i];
		if (f->heldout)
			continue;
		if (normalize_text(ctx, f)) {
			fprintf(stderr, "build-model: %s\n", sohoa_errmsg(ctx));
			return 1;
		}
		if (sohoa_lmb_count_words(b, f->text, f->len, f->weight)) {
			fprintf(stderr, "build-model: out of memory\n");
			return 1;
		}
	}
	/* lexicon prior: the tesseract word lists */
	static const char *const lex[] = {"tesseract-vie/langdata/vie.wordlist", "tesseract-vie/langdata_lstm/vie.wordlist"};
	for (size_t l = 0; l < 2; l++) {
		char p[4096];
		snprintf(p, sizeof p, "%s/%s", corpus, lex[l]);
		size_t n;
		char *d = read_or_null(ctx, p, &n);
		if (!d)
			continue;
		sohoa_buf_printf(&list, "%s\t%zu\n", lex[l], n);
		size_t i = 0;
		while (i < n) {
			size_t e = i;
			while (e < n && d[e] != '\n')
				e++;
			sohoa_lmb_add_lexicon(b, d + i, e - i, 2);
			i = e + 1;
		}
		free(d);
	}
	digest_of(list.data, list.len, digest);
	if (sohoa_lmb_vocab(b, &opt)) {
		fprintf(stderr, "build-model: out of memory\n");
		return 1;
	}
	if (verbose)
		fprintf(stderr, "build-model: %zu training files, %zu held out, vocabulary done (%.0f s)\n", ntrain,
			nheld, (double)(clock() - t0) / CLOCKS_PER_SEC);
	/* gazetteer from the training text */
	gazset gs = {0};
	for (size_t i = 0; i < all.n; i++)
		if (!all.f[i].heldout)
			gaz_scan(&gs, all.f[i].text, all.f[i].len);
	qsort(gs.g, gs.n, sizeof *gs.g, cmp_gaz);
	sohoa_buf gz = {0};
	sohoa_buf_printf(&gz, "# phrase\tcount — places after unit words, agencies after agency words, seen "
			      "%d+ times in the training text (built by tools/build-model)\n", gaz_min);
	for (size_t i = 0; i < gs.n; i++)
		if (gs.g[i].count >= gaz_min) {
			sohoa_buf_printf(&gz, "%s\t%d\n", gs.g[i].phrase, gs.g[i].count);
			sohoa_lmb_gazetteer(b, gs.g[i].phrase, strlen(gs.g[i].phrase));
		}
	if (gazpath && *gazpath)
		sohoa_file_write_atomic(ctx, gazpath, gz.data, gz.len);
	/* pass 2: n-grams */
	for (size_t i = 0; i < all.n; i++) {
		cfile *f = &all.f[i];
		if (f->heldout)
			continue;
		if (sohoa_lmb_count_ngrams(b, f->text, f->len, f->weight)) {
			fprintf(stderr, "build-model: out of memory\n");
			return 1;
		}
		free(f->text);
		f->text = NULL;
	}
	if (verbose)
		fprintf(stderr, "build-model: n-grams counted (%.0f s)\n", (double)(clock() - t0) / CLOCKS_PER_SEC);
	size_t n;
	char *d = read_or_null(ctx, chan_tok, &n);
	if (d) {
		sohoa_lmb_channel_tokens(b, d, n);
		free(d);
	}
	d = read_or_null(ctx, chan_chr, &n);
	if (d) {
		sohoa_lmb_channel_chars(b, d, n);
		free(d);
	}
	sohoa_buf out = {0};
	char msg[512];
	if (sohoa_lmb_write(b, &opt, digest, &out, msg, sizeof msg)) {
		fprintf(stderr, "build-model: %s\n", msg);
		return 1;
	}
	if (sohoa_file_write_atomic(ctx, outpath, out.data, out.len)) {
		fprintf(stderr, "build-model: %s\n", sohoa_errmsg(ctx));
		return 1;
	}
	fprintf(stderr, "build-model: %s: %s (%.0f s)\n", outpath, msg, (double)(clock() - t0) / CLOCKS_PER_SEC);
	sohoa_buf_free(&out);
	sohoa_buf_free(&list);
	sohoa_buf_free(&hl);
	sohoa_buf_free(&gz);
	for (size_t i = 0; i < gs.n; i++)
		free(gs.g[i].phrase);
	free(gs.g);
	free(gs.idx);
	sohoa_lmb_free(b);
	for (size_t i = 0; i < all.n; i++) {
		free(all.f[i].path);
		free(all.f[i].rel);
		free(all.f[i].text);
	}
	free(all.f);
	sohoa_ctx_free(ctx);
	return 0;
}
