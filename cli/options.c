/* Shared option parsing, the stderr logger, output writing and signal handling for the CLI. */
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

volatile int cli_interrupted;
static int cli_quiet;

void cli_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("sohoa: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
}

static void log_stderr(void *user, sohoa_log_level level, const char *message)
{
	(void)user;
	static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
	if ((cli_quiet || cli_interrupted) && level != SOHOA_LOG_ERROR)
		return; /* after Ctrl-C, pages stopped half-way are no news */
	static const char *const prefix[] = {"error: ", "warning: ", "", ""};
	pthread_mutex_lock(&lock);
	fprintf(stderr, "sohoa: %s%s\n", prefix[level], message);
	pthread_mutex_unlock(&lock);
}

/* The first SIGINT or SIGTERM sets cli_interrupted to the signal's number: the library stops at
 * the next page, the command cleans up and exits 128 + that number (130 for Ctrl-C). A second
 * one exits at once with the same status. */
static void on_signal(int sig)
{
	if (cli_interrupted)
		_exit(128 + cli_interrupted);
	cli_interrupted = sig;
}

void cli_install_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
}

sohoa_ctx *cli_ctx_new(const cli_args *args)
{
	sohoa_ctx *ctx = sohoa_ctx_new(NULL);
	if (!ctx) {
		cli_error("out of memory");
		return NULL;
	}
	if (sohoa_ctx_set_options(ctx, &args->opt) != SOHOA_OK) {
		cli_error("%s", sohoa_errmsg(ctx));
		sohoa_ctx_free(ctx);
		return NULL;
	}
	sohoa_ctx_set_log(ctx, log_stderr, NULL);
	sohoa_ctx_set_interrupt(ctx, &cli_interrupted);
	cli_quiet = args->opt.verbosity < 0;
	return ctx;
}

int cli_write_output(sohoa_ctx *ctx, const char *path, const char *data, size_t len)
{
	if (!path || !strcmp(path, "-")) {
		if (fwrite(data, 1, len, stdout) != len || fflush(stdout) != 0) {
			cli_error("cannot write standard output: %s", strerror(errno));
			return -1;
		}
		return 0;
	}
	if (sohoa_file_write_atomic(ctx, path, data, len) != SOHOA_OK) {
		cli_error("%s", sohoa_errmsg(ctx));
		return -1;
	}
	return 0;
}

enum {
	O_LANG = 256, O_TESSDATA, O_DPI, O_OCR, O_JOBS, O_PAGES, O_PASSWORD, O_TIMEOUT, O_MAXPIX,
	O_MAXPAGES, O_TONE, O_RESTORE, O_MODEL, O_TSV, O_ADAPT, O_CHANNEL, O_FORMAT, O_ONLY, O_RECURSIVE, O_INCLUDE,
	O_EXCLUDE, O_FORCE, O_SHARD, O_PDF, O_REVIEW, O_EXCEL
};

static const struct {
	struct option opt;
	unsigned group;
} all_options[] = {
	{{"lang", required_argument, 0, O_LANG}, CLI_OCR},
	{{"tessdata", required_argument, 0, O_TESSDATA}, CLI_OCR},
	{{"dpi", required_argument, 0, O_DPI}, CLI_OCR},
	{{"ocr", required_argument, 0, O_OCR}, CLI_OCR},
	{{"jobs", required_argument, 0, O_JOBS}, CLI_OCR},
	{{"pages", required_argument, 0, O_PAGES}, CLI_OCR},
	{{"password", required_argument, 0, O_PASSWORD}, CLI_OCR},
	{{"timeout", required_argument, 0, O_TIMEOUT}, CLI_OCR},
	{{"max-pixels", required_argument, 0, O_MAXPIX}, CLI_OCR},
	{{"max-pages", required_argument, 0, O_MAXPAGES}, CLI_OCR},
	{{"tone", required_argument, 0, O_TONE}, CLI_NORM},
	{{"restore", required_argument, 0, O_RESTORE}, CLI_NORM},
	{{"model", required_argument, 0, O_MODEL}, CLI_NORM},
	{{"tsv", no_argument, 0, O_TSV}, CLI_NORM},
	{{"adapt", no_argument, 0, O_ADAPT}, CLI_NORM},
	{{"channel", required_argument, 0, O_CHANNEL}, CLI_NORM},
	{{"format", required_argument, 0, O_FORMAT}, CLI_FORMAT},
	{{"only", required_argument, 0, O_ONLY}, CLI_ONLY},
	{{"recursive", no_argument, 0, O_RECURSIVE}, CLI_BATCH},
	{{"include", required_argument, 0, O_INCLUDE}, CLI_BATCH},
	{{"exclude", required_argument, 0, O_EXCLUDE}, CLI_BATCH},
	{{"force", no_argument, 0, O_FORCE}, CLI_BATCH},
	{{"shard", required_argument, 0, O_SHARD}, CLI_BATCH},
	{{"pdf", no_argument, 0, O_PDF}, CLI_BATCH},
	{{"review", no_argument, 0, O_REVIEW}, CLI_BATCH},
	{{"excel", no_argument, 0, O_EXCEL}, CLI_EXCEL},
	{{"output", required_argument, 0, 'o'}, CLI_OUT},
	{{"quiet", no_argument, 0, 'q'}, 0},
	{{"verbose", no_argument, 0, 'v'}, 0},
	{{"help", no_argument, 0, 'h'}, 0},
};
#define NOPTIONS (sizeof all_options / sizeof all_options[0])

/* Whole-number options: their range, and the field each sets. */
static int set_number(cli_args *a, int code, const char *arg)
{
	static const struct {
		int code;
		const char *name;
		long lo, hi;
	} spec[] = {
		{O_DPI, "dpi", SOHOA_DPI_MIN, SOHOA_DPI_MAX}, {O_JOBS, "jobs", 1, 256},
		{O_TIMEOUT, "timeout", 1, 86400}, {O_MAXPIX, "max-pixels", 1, 4000000000L},
		{O_MAXPAGES, "max-pages", 1, 10000000},
	};
	size_t i = 0;
	while (spec[i].code != code)
		i++;
	char *end;
	errno = 0;
	long v = strtol(arg, &end, 10);
	if (errno || end == arg || *end || v < spec[i].lo || v > spec[i].hi) {
		cli_error("--%s wants a whole number from %ld to %ld, not '%s'", spec[i].name, spec[i].lo, spec[i].hi,
			  arg);
		return -1;
	}
	switch (code) {
	case O_DPI: a->opt.dpi = (int)v; break;
	case O_JOBS: a->opt.jobs = (int)v; break;
	case O_TIMEOUT: a->opt.page_timeout_s = (int)v; break;
	case O_MAXPIX: a->opt.max_pixels = v; break;
	default: a->opt.max_pages = (int)v; break;
	}
	return 0;
}

/* Options that name one of a few words: the words (in enum order) and the field each sets. */
static int set_word(cli_args *a, int code, const char *arg)
{
	static const struct {
		int code;
		const char *name, *choices;
		const char *const words[6];
	} spec[] = {
		{O_OCR, "ocr", "auto, always or never", {"auto", "always", "never"}},
		{O_TONE, "tone", "keep, old or new", {"keep", "old", "new"}},
		{O_RESTORE, "restore", "auto, strip, ocr, vie or off", {"auto", "off", "strip", "ocr", "vie"}},
	};
	size_t i = 0;
	while (spec[i].code != code)
		i++;
	int v = 0;
	while (spec[i].words[v] && strcmp(arg, spec[i].words[v]))
		v++;
	if (!spec[i].words[v]) {
		cli_error("--%s wants %s, not '%s'", spec[i].name, spec[i].choices, arg);
		return -1;
	}
	switch (code) {
	case O_OCR: a->opt.ocr = (sohoa_ocr_mode)v; break;
	case O_TONE: a->opt.tone = (sohoa_tone_style)v; break;
	default: a->opt.restore = (sohoa_restore_mode)v; break;
	}
	return 0;
}

/* A repeatable --include or --exclude pattern. */
static int add_pattern(cli_args *a, int code, const char *arg)
{
	const char **list = code == O_INCLUDE ? a->includes : a->excludes;
	size_t *count = code == O_INCLUDE ? &a->nincludes : &a->nexcludes;
	if (*count == 32) {
		cli_error("too many --include/--exclude patterns (32 at most)");
		return -1;
	}
	list[(*count)++] = arg;
	return 0;
}

int cli_option_value(cli_args *a, const char *name, const char *arg)
{
	for (size_t i = 0; i < NOPTIONS; i++) {
		int c = all_options[i].opt.val;
		if (strcmp(all_options[i].opt.name, name))
			continue;
		if (c == O_DPI || c == O_JOBS || c == O_TIMEOUT || c == O_MAXPIX || c == O_MAXPAGES)
			return set_number(a, c, arg);
		if (c == O_OCR || c == O_TONE || c == O_RESTORE)
			return set_word(a, c, arg);
		break;
	}
	return -2;
}

static void unknown_option(const cli_command *cmd, char **argv)
{
	if (optopt && optopt < 256)
		cli_error("%s: unknown or incomplete option '-%c'", cmd->name, optopt);
	else
		cli_error("%s: unknown or incomplete option '%s'", cmd->name, argv[optind - 1]);
	fprintf(stderr, "Try 'sohoa %s --help'.\n", cmd->name);
}

int cli_parse(const cli_command *cmd, int argc, char **argv, cli_args *args)
{
	memset(args, 0, sizeof *args);
	sohoa_options_init(&args->opt);
	struct option longopts[NOPTIONS + 1];
	size_t n = 0;
	for (size_t i = 0; i < NOPTIONS; i++)
		if (!all_options[i].group || (all_options[i].group & cmd->options))
			longopts[n++] = all_options[i].opt;
	memset(&longopts[n], 0, sizeof longopts[n]);
	/* GNU getopt permutes, so options may follow the inputs. */
	const char *shortopts = (cmd->options & CLI_OUT) ? "o:qvh" : "qvh";
	optind = 1;
	opterr = 0;
	int c;
	while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
		int bad = 0;
		switch (c) {
		case 'o': args->output = optarg; break;
		case 'q': args->opt.verbosity = -1; break;
		case 'v': args->opt.verbosity++; break;
		case 'h': fputs(cmd->usage, stdout); return -1;
		case O_LANG: args->opt.lang = optarg; break;
		case O_TESSDATA: args->opt.tessdata = optarg; break;
		case O_DPI: case O_JOBS: case O_TIMEOUT: case O_MAXPIX: case O_MAXPAGES:
			bad = set_number(args, c, optarg);
			break;
		case O_OCR: case O_TONE: case O_RESTORE:
			bad = set_word(args, c, optarg);
			break;
		case O_PAGES:
			if ((bad = !sohoa_pages_valid(optarg)))
				cli_error("--pages wants a list like 1-3,7 not '%s'", optarg);
			args->opt.pages = optarg;
			break;
		case O_PASSWORD: args->opt.password = optarg; break;
		case O_MODEL: args->opt.model_path = optarg; break;
		case O_TSV: args->tsv_input = 1; break;
		case O_ADAPT: args->adapt = 1; break;
		case O_CHANNEL: args->channel = optarg; break;
		case O_FORMAT: args->format = optarg; break;
		case O_ONLY: args->only = optarg; break;
		case O_RECURSIVE: args->recursive = 1; break;
		case O_FORCE: args->force = 1; break;
		case O_SHARD: args->shard = optarg; break;
		case O_PDF: args->pdf = 1; break;
		case O_REVIEW: args->review = 1; break;
		case O_EXCEL: cli_csv_bom = 1; break;
		case O_INCLUDE: case O_EXCLUDE:
			bad = add_pattern(args, c, optarg);
			break;
		default:
			unknown_option(cmd, argv);
			return EXIT_USAGE;
		}
		if (bad)
			return EXIT_USAGE;
	}
	args->inputs = argv + optind;
	args->ninputs = argc - optind;
	return 0;
}
