/* The ICU adapter (see icu.h): normalization, case, charset conversion and regular expressions. */
#include "icu.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ucasemap.h>
#include <unicode/ucnv.h>
#include <unicode/unorm2.h>
#include <unicode/uregex.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>
#include <unicode/uversion.h>

/* UTF-8 -> UTF-16 into a malloc'd buffer (*len units). */
static UChar *to_utf16(const char *s, size_t n, int32_t *len)
{
	UErrorCode err = U_ZERO_ERROR;
	int32_t need = 0;
	u_strFromUTF8WithSub(NULL, 0, &need, s, (int32_t)n, 0xFFFD, NULL, &err);
	if (err != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(err))
		return NULL;
	UChar *u = malloc(((size_t)need + 1) * sizeof *u);
	if (!u)
		return NULL;
	err = U_ZERO_ERROR;
	u_strFromUTF8WithSub(u, need + 1, len, s, (int32_t)n, 0xFFFD, NULL, &err);
	if (U_FAILURE(err)) {
		free(u);
		return NULL;
	}
	return u;
}

static int append_utf16(sohoa_buf *out, const UChar *u, int32_t len)
{
	UErrorCode err = U_ZERO_ERROR;
	int32_t need = 0;
	u_strToUTF8WithSub(NULL, 0, &need, u, len, 0xFFFD, NULL, &err);
	if (err != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(err))
		return -1;
	if (sohoa_buf_reserve(out, (size_t)need))
		return -1;
	err = U_ZERO_ERROR;
	u_strToUTF8WithSub(out->data + out->len, need + 1, NULL, u, len, 0xFFFD, NULL, &err);
	if (U_FAILURE(err))
		return -1;
	out->len += (size_t)need;
	out->data[out->len] = 0;
	return 0;
}

static sohoa_status normalize_with(sohoa_ctx *ctx, const UNormalizer2 *norm, const char *s, size_t n,
				   sohoa_buf *out)
{
	if (n > INT32_MAX / 4)
		return sohoa_error(ctx, SOHOA_ERR_LIMIT, "text too long to normalize");
	int32_t len = 0;
	UChar *u = to_utf16(s, n, &len);
	if (!u)
		return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
	UErrorCode err = U_ZERO_ERROR;
	int32_t cap = len * 3 + 16;
	UChar *r = malloc((size_t)cap * sizeof *r);
	int32_t rl = r ? unorm2_normalize(norm, u, len, r, cap, &err) : 0;
	free(u);
	if (!r || U_FAILURE(err) || append_utf16(out, r, rl)) {
		free(r);
		return sohoa_error(ctx, SOHOA_ERR_INTERNAL, "unicode normalization failed: %s", u_errorName(err));
	}
	free(r);
	return SOHOA_OK;
}

typedef const UNormalizer2 *(*norm_instance)(UErrorCode *err);

/* Normalize with the instance get() returns; form names it in the message when ICU lacks it. */
static sohoa_status normalize_form(sohoa_ctx *ctx, norm_instance get, const char *form, const char *s, size_t n,
				   sohoa_buf *out)
{
	UErrorCode err = U_ZERO_ERROR;
	const UNormalizer2 *norm = get(&err);
	if (U_FAILURE(err))
		return sohoa_error(ctx, SOHOA_ERR_MISSING, "icu: no %s data: %s", form, u_errorName(err));
	return normalize_with(ctx, norm, s, n, out);
}

sohoa_status sohoa_icu_nfc(sohoa_ctx *ctx, const char *s, size_t n, sohoa_buf *out)
{
	return normalize_form(ctx, unorm2_getNFCInstance, "NFC", s, n, out);
}

sohoa_status sohoa_icu_nfd(sohoa_ctx *ctx, const char *s, size_t n, sohoa_buf *out)
{
	return normalize_form(ctx, unorm2_getNFDInstance, "NFD", s, n, out);
}

sohoa_status sohoa_icu_nfkc(sohoa_ctx *ctx, const char *s, size_t n, sohoa_buf *out)
{
	return normalize_form(ctx, unorm2_getNFKCInstance, "NFKC", s, n, out);
}

int sohoa_icu_is_nfc(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) /* ASCII is always NFC */
		if ((unsigned char)s[i] >= 0x80)
			goto slow;
	return 1;
slow:;
	UErrorCode err = U_ZERO_ERROR;
	const UNormalizer2 *norm = unorm2_getNFCInstance(&err);
	int32_t len = 0;
	UChar *u = to_utf16(s, n, &len);
	if (!u || U_FAILURE(err)) {
		free(u);
		return 0;
	}
	UBool yes = unorm2_isNormalized(norm, u, len, &err);
	free(u);
	return U_SUCCESS(err) && yes;
}

sohoa_status sohoa_icu_lower(sohoa_ctx *ctx, const char *s, size_t n, sohoa_buf *out)
{
	UErrorCode err = U_ZERO_ERROR;
	UCaseMap *cm = ucasemap_open("vi", 0, &err);
	if (U_FAILURE(err))
		return sohoa_error(ctx, SOHOA_ERR_MISSING, "icu: no case map: %s", u_errorName(err));
	int32_t need = ucasemap_utf8ToLower(cm, NULL, 0, s, (int32_t)n, &err);
	if (err == U_BUFFER_OVERFLOW_ERROR)
		err = U_ZERO_ERROR;
	if (U_SUCCESS(err) && sohoa_buf_reserve(out, (size_t)need) == 0) {
		ucasemap_utf8ToLower(cm, out->data + out->len, need + 1, s, (int32_t)n, &err);
		if (U_SUCCESS(err)) {
			out->len += (size_t)need;
			out->data[out->len] = 0;
		}
	}
	ucasemap_close(cm);
	if (U_FAILURE(err))
		return sohoa_error(ctx, SOHOA_ERR_INTERNAL, "lowercasing failed: %s", u_errorName(err));
	return SOHOA_OK;
}

sohoa_status sohoa_icu_convert(sohoa_ctx *ctx, const char *charset, const char *s, size_t n, sohoa_buf *out)
{
	UErrorCode err = U_ZERO_ERROR;
	UConverter *cv = ucnv_open(charset, &err);
	if (U_FAILURE(err))
		return sohoa_error(ctx, SOHOA_ERR_UNSUPPORTED, "icu: no converter for '%s'", charset);
	int32_t cap = (int32_t)n * 2 + 16;
	UChar *u = malloc((size_t)cap * sizeof *u);
	int32_t len = u ? ucnv_toUChars(cv, u, cap, s, (int32_t)n, &err) : 0;
	ucnv_close(cv);
	if (!u || U_FAILURE(err) || append_utf16(out, u, len)) {
		free(u);
		return sohoa_error(ctx, SOHOA_ERR_FORMAT, "cannot convert from %s: %s", charset, u_errorName(err));
	}
	free(u);
	return SOHOA_OK;
}

struct sohoa_regex {
	URegularExpression *re;
	UText *text;
};

sohoa_status sohoa_regex_new(sohoa_ctx *ctx, const char *pattern, unsigned flags, sohoa_regex **out)
{
	*out = NULL;
	sohoa_regex *r = calloc(1, sizeof *r);
	if (!r)
		return sohoa_error(ctx, SOHOA_ERR_NOMEM, "out of memory");
	UErrorCode err = U_ZERO_ERROR;
	UParseError pe;
	uint32_t f = (flags & SOHOA_RE_ICASE) ? UREGEX_CASE_INSENSITIVE : 0;
	UText *pt = utext_openUTF8(NULL, pattern, -1, &err);
	r->re = uregex_openUText(pt, f, &pe, &err);
	utext_close(pt);
	if (U_FAILURE(err)) {
		free(r);
		return sohoa_error(ctx, SOHOA_ERR_USAGE, "bad regular expression at offset %d: %s (%s)",
				   pe.offset, u_errorName(err), pattern);
	}
	*out = r;
	return SOHOA_OK;
}

void sohoa_regex_free(sohoa_regex *re)
{
	if (!re)
		return;
	uregex_close(re->re);
	utext_close(re->text);
	free(re);
}

/* Run re over s[0..n) from start, anchored (lookingAt) or not (find), and copy the groups. */
static int regex_run(sohoa_regex *re, const char *s, size_t n, size_t start, int anchored, long *groups,
		     int ngroups)
{
	UErrorCode err = U_ZERO_ERROR;
	re->text = utext_openUTF8(re->text, s, (int64_t)n, &err);
	uregex_setUText(re->re, re->text, &err);
	if (U_FAILURE(err))
		return -1;
	UBool hit = anchored ? uregex_lookingAt64(re->re, (int64_t)start, &err)
			     : uregex_find64(re->re, (int64_t)start, &err);
	if (!hit)
		return U_FAILURE(err) ? -1 : 0;
	int32_t count = uregex_groupCount(re->re, &err);
	for (int g = 0; g < ngroups; g++) {
		if (g > count) {
			groups[2 * g] = groups[2 * g + 1] = -1;
			continue;
		}
		groups[2 * g] = (long)uregex_start64(re->re, g, &err);
		groups[2 * g + 1] = (long)uregex_end64(re->re, g, &err);
	}
	return U_FAILURE(err) ? -1 : 1;
}

int sohoa_regex_find(sohoa_regex *re, const char *s, size_t n, size_t start, long *groups, int ngroups)
{
	return regex_run(re, s, n, start, 0, groups, ngroups);
}

int sohoa_regex_match_at(sohoa_regex *re, const char *s, size_t n, size_t start, long *groups, int ngroups)
{
	return regex_run(re, s, n, start, 1, groups, ngroups);
}

static char icu_version[U_MAX_VERSION_STRING_LENGTH];
static pthread_once_t icu_version_once = PTHREAD_ONCE_INIT;

static void icu_version_init(void)
{
	UVersionInfo v;
	u_getVersion(v);
	u_versionToString(v, icu_version);
}

const char *sohoa_icu_version(void)
{
	pthread_once(&icu_version_once, icu_version_init);
	return icu_version;
}
