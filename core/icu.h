/* The ICU adapter: core/icu.c is the only file that includes the unicode/ headers. Everything here works
 * on UTF-8 and appends to sohoa_buf. Functions are thread-safe (ICU objects are per call or
 * cloned per thread). */
#ifndef SOHOA_ICU_H
#define SOHOA_ICU_H

#include "sohoa.h"

/* NFC / NFD / NFKC of s[0..n), appended to out. Invalid UTF-8 becomes U+FFFD. */
sohoa_status sohoa_icu_nfc(sohoa_ctx *ctx, const char *s, size_t n, sohoa_buf *out);
sohoa_status sohoa_icu_nfd(sohoa_ctx *ctx, const char *s, size_t n, sohoa_buf *out);
sohoa_status sohoa_icu_nfkc(sohoa_ctx *ctx, const char *s, size_t n, sohoa_buf *out);
/* 1 if s is already NFC (quick check), 0 if not or unsure. */
int sohoa_icu_is_nfc(const char *s, size_t n);
/* Lowercase (Vietnamese locale rules), appended to out. */
sohoa_status sohoa_icu_lower(sohoa_ctx *ctx, const char *s, size_t n, sohoa_buf *out);
/* Convert bytes in an ICU-known charset (e.g. "windows-1258") to UTF-8 appended to out. */
sohoa_status sohoa_icu_convert(sohoa_ctx *ctx, const char *charset, const char *s, size_t n, sohoa_buf *out);

/* Compiled regular expression over UTF-8 text (ICU syntax). One per thread: not shareable. */
typedef struct sohoa_regex sohoa_regex;
/* flags: SOHOA_RE_ICASE for case-insensitive. */
enum { SOHOA_RE_ICASE = 1 };
sohoa_status sohoa_regex_new(sohoa_ctx *ctx, const char *pattern, unsigned flags, sohoa_regex **re);
void sohoa_regex_free(sohoa_regex *re);
/* Find the next match in s[0..n) at or after byte offset start. Returns 1 and fills groups with
 * byte offsets (groups[2k], groups[2k+1] for group k, -1 when the group did not take part; up to
 * ngroups groups including group 0), 0 if no match, -1 on error. */
int sohoa_regex_find(sohoa_regex *re, const char *s, size_t n, size_t start, long *groups, int ngroups);

/* Like sohoa_regex_find, but the match must start exactly at byte offset start (ICU lookingAt
 * from start). Returns 1 and fills groups, 0 if no match there, -1 on error. */
int sohoa_regex_match_at(sohoa_regex *re, const char *s, size_t n, size_t start, long *groups, int ngroups);

/* The version of the ICU library loaded at run time, e.g. "72.1". */
const char *sohoa_icu_version(void);

#endif
