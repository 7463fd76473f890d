/* The command-line front end: a table of subcommands, shared option parsing, logging to stderr.
 * Only code under cli/ prints. Exit codes: 0 all good, 1 some input failed, 2 usage. */
#ifndef SOHOA_CLI_H
#define SOHOA_CLI_H

#include "../core/sohoa.h"

enum { EXIT_OK = 0, EXIT_INPUT = 1, EXIT_USAGE = 2 };

typedef struct cli_command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;
	const char *usage; /* full --help text */
} cli_command;

/* Options every subcommand may take; parsed by cli_parse. */
typedef struct cli_args {
	sohoa_options opt;
	const char *output;   /* -o */
	const char *format;   /* --format */
	const char *only;     /* --only (extract) */
	int tsv_input;        /* --tsv (normalize) */
	int recursive;        /* --recursive (run) */
	int force;            /* --force (run) */
	const char *shard;    /* --shard K/N (run) */
	const char *includes[32]; size_t nincludes;
	const char *excludes[32]; size_t nexcludes;
	char **inputs;        /* positional arguments */
	int ninputs;
} cli_args;

/* Which options a command accepts (bit flags for cli_parse). */
enum {
	CLI_OCR = 1 << 0,     /* --lang --tessdata --dpi --ocr --jobs --pages --password --timeout --max-pixels --max-pages */
	CLI_NORM = 1 << 1,    /* --tone --restore --model --tsv */
	CLI_OUT = 1 << 2,     /* -o */
	CLI_FORMAT = 1 << 3,  /* --format */
	CLI_ONLY = 1 << 4,    /* --only */
	CLI_BATCH = 1 << 5,   /* --recursive --include --exclude --force --shard */
};

/* Parse argv (after the subcommand name). Returns 0, or EXIT_USAGE after printing why; prints
 * help and returns -1 for --help (caller exits 0). */
int cli_parse(const cli_command *cmd, int argc, char **argv, unsigned accepted, cli_args *args);
/* A context with the CLI's stderr logger attached. */
sohoa_ctx *cli_ctx_new(const cli_args *args);
/* Print "sohoa: <msg>" to stderr unless quiet (errors always print). */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Write buf to path (atomically) or to stdout when path is NULL or "-". */
int cli_write_output(sohoa_ctx *ctx, const char *path, const char *data, size_t len);

extern volatile int cli_interrupted;
void cli_install_signals(void);

int cmd_ingest(int argc, char **argv);
int cmd_normalize(int argc, char **argv);
int cmd_extract(int argc, char **argv);
int cmd_run(int argc, char **argv);
int cmd_merge(int argc, char **argv);

extern const cli_command cli_commands[];

#endif
