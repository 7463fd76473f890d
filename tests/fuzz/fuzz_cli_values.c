/* libFuzzer target for the CLI's own value parsers (cli_option_value, cli/options.c): the whole
 * numbers of --dpi --jobs --timeout --max-pixels --max-pages and the words of --ocr --tone
 * --restore. Bytes: the first picks the option, the rest is its value. Properties: a value is
 * taken exactly when it is a whole number within the option's range (checked here with our own
 * reading of the digits) or one of its words, and a refused value leaves the options as they were. */
#include "../../cli/cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* 1 with *v when s is [spaces][+-]digits, as strtol takes it, anything past 2^40 kept as a too large number. */
static int whole(const char *s, long long *v)
{
	while (*s == ' ' || (*s >= '\t' && *s <= '\r'))
		s++;
	int neg = *s == '-';
	if (*s == '-' || *s == '+')
		s++;
	if (*s < '0' || *s > '9')
		return 0;
	long long x = 0;
	for (; *s >= '0' && *s <= '9'; s++)
		x = x > (1LL << 40) ? x : x * 10 + (*s - '0');
	if (*s)
		return 0;
	*v = neg ? -x : x;
	return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct {
		const char *name;
		long long lo, hi;
		const char *words[6];
	} opts[] = {
		{"dpi", SOHOA_DPI_MIN, SOHOA_DPI_MAX, {0}}, {"jobs", 1, 256, {0}}, {"timeout", 1, 86400, {0}},
		{"max-pixels", 1, 4000000000LL, {0}}, {"max-pages", 1, 10000000, {0}},
		{"ocr", 0, 0, {"auto", "always", "never"}}, {"tone", 0, 0, {"keep", "old", "new"}},
		{"restore", 0, 0, {"auto", "off", "strip", "ocr", "vie"}}, {"format", 0, 0, {0}},
	};
	size_t nopts = sizeof opts / sizeof opts[0];
	if (size < 1 || size > 256)
		return 0;
	size_t o = data[0] % nopts;
	char *arg = malloc(size);
	if (!arg)
		abort();
	memcpy(arg, data + 1, size - 1);
	arg[size - 1] = 0;
	cli_args a, before;
	memset(&a, 0, sizeof a);
	sohoa_options_init(&a.opt);
	before = a;
	int r = cli_option_value(&a, opts[o].name, arg);
	int want;
	long long v;
	if (!strcmp(opts[o].name, "format")) {
		want = -2; /* not a number or word option */
	} else if (opts[o].words[0]) {
		want = -1;
		for (size_t w = 0; opts[o].words[w]; w++)
			if (!strcmp(arg, opts[o].words[w]))
				want = 0;
	} else {
		want = whole(arg, &v) && v >= opts[o].lo && v <= opts[o].hi ? 0 : -1;
	}
	if (r != want) {
		fprintf(stderr, "--%s '%s': got %d, want %d\n", opts[o].name, arg, r, want);
		abort();
	}
	if (r != 0 && memcmp(&a, &before, sizeof a))
		abort(); /* a refused value changed the options */
	if (r == 0 && !opts[o].words[0]) {
		long long got = !strcmp(opts[o].name, "dpi")       ? a.opt.dpi
				: !strcmp(opts[o].name, "jobs")    ? a.opt.jobs
				: !strcmp(opts[o].name, "timeout") ? a.opt.page_timeout_s
				: !strcmp(opts[o].name, "max-pixels") ? (long long)a.opt.max_pixels
								      : a.opt.max_pages;
		if (got != v)
			abort();
	}
	free(arg);
	return 0;
}
