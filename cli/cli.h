/* The command-line front end: a table of subcommands, shared option parsing, logging to stderr.
 * Only code under cli/ prints. Exit codes: 0 all good, 1 some input failed, 2 usage, 128 + the
 * signal after SIGINT (130) or SIGTERM (143). */
#ifndef SOHOA_CLI_H
#define SOHOA_CLI_H

#include "../core/sohoa.h"

enum { EXIT_OK = 0, EXIT_INPUT = 1, EXIT_USAGE = 2 };

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
	int pdf;              /* --pdf (run): OUTDIR/<key>.pdf for PDFs and images */
	int review;           /* --review (run): OUTDIR/review/ */
	int adapt;            /* --adapt: the eng-OCR channel learned from the batch */
	const char *channel;  /* --channel FILE: where it is kept */
	const char *includes[32]; size_t nincludes;
	const char *excludes[32]; size_t nexcludes;
	char **inputs;        /* positional arguments */
	int ninputs;
} cli_args;

/* Which options a command accepts (bit flags for cli_parse). */
enum {
	CLI_OCR = 1 << 0,     /* --lang --tessdata --dpi --ocr --jobs --pages --password --timeout --max-pixels --max-pages */
	CLI_NORM = 1 << 1,    /* --tone --restore --model --tsv --adapt --channel */
	CLI_OUT = 1 << 2,     /* -o */
	CLI_FORMAT = 1 << 3,  /* --format */
	CLI_ONLY = 1 << 4,    /* --only */
	CLI_BATCH = 1 << 5,   /* --recursive --include --exclude --force --shard --pdf --review */
	CLI_EXCEL = 1 << 6,   /* --excel */
};

/* A subcommand. main parses its options, checks the count of inputs and -o, makes the context
 * (stderr logger, Ctrl-C flag) and calls run, which returns the exit status. */
typedef struct cli_command {
	const char *name;
	int (*run)(const cli_args *a, sohoa_ctx *ctx);
	unsigned options;     /* CLI_* groups accepted */
	int min_inputs, max_inputs;
	int needs_output;     /* -o DIR is required */
	const char *args_error; /* said when the inputs or -o are wrong */
	const char *summary;
	const char *usage;    /* full --help text */
} cli_command;

/* Parse argv (after the subcommand name). Returns 0, or EXIT_USAGE after printing why; prints
 * help and returns -1 for --help (caller exits 0). */
int cli_parse(const cli_command *cmd, int argc, char **argv, cli_args *args);
/* The value arg of the number or word option --name (dpi, jobs, timeout, max-pixels, max-pages,
 * ocr, tone, restore) into a, as cli_parse does: 0, or -1 after printing why; -2 when name is not
 * such an option. For tests/fuzz/fuzz_cli_values.c. */
int cli_option_value(cli_args *a, const char *name, const char *arg);
/* A context with the CLI's stderr logger and the Ctrl-C flag attached. */
sohoa_ctx *cli_ctx_new(const cli_args *args);
/* The eng-OCR channel of --adapt / --channel FILE (cli/channel.c): open sets ctx's options adapt
 * and channel_path and makes the channel (read from the file kept, else a new one that learns;
 * for run --adapt the file is OUTDIR/channel.tsv), close writes a learned one where it is kept.
 * 0, or -1 after printing why. */
int cli_channel_open(const cli_args *a, int run, sohoa_ctx *ctx);
int cli_channel_close(const cli_args *a, int run, sohoa_ctx *ctx);
/* Print "sohoa: <msg>" to stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Write buf to path (atomically) or to stdout when path is NULL or "-". */
int cli_write_output(sohoa_ctx *ctx, const char *path, const char *data, size_t len);

extern volatile int cli_interrupted; /* 0, or the number of the signal that stopped the command */
void cli_install_signals(void);

/* One document's outputs: its text, and its rows as CSV text, a buffer per kind in the order of
 * sohoa_row_kinds. */
#define CLI_MAX_KINDS 32
typedef struct cli_out {
	sohoa_buf text;
	sohoa_buf csv[CLI_MAX_KINDS];
	int nomem;
} cli_out;
/* The text and row callbacks of a sohoa_handler whose user is a cli_out. */
int cli_out_text(void *out, const char *text, size_t len);
int cli_out_row(void *out, const sohoa_row *row);
void cli_out_free(cli_out *out);
/* Append the CSV header line of kind, after a UTF-8 byte order mark with --excel (cli_csv_bom).
 * -1 when out of memory. */
int cli_csv_header(const char *kind, sohoa_buf *out);
extern int cli_csv_bom;
/* Process input under ctx: "-" is standard input, a file with tsv is read as TSV, any other file
 * or standard input is read by its kind (sniffed from its first bytes, as sohoa_ingest does). */
sohoa_status cli_process(sohoa_ctx *ctx, const char *input, int tsv, const sohoa_handler *h, sohoa_summary *sum);

/* Standard input as a file that can be read and seeked: *path is "/dev/stdin", which names a
 * pipe's bytes copied to an unlinked temporary file put on descriptor 0 (a regular file on
 * standard input is read as it is). SOHOA_ERR_IO, or SOHOA_ERR_INTERRUPTED on Ctrl-C. */
sohoa_status cli_stdin_file(sohoa_ctx *ctx, const char **path);
/* Create an empty temporary file $TMPDIR/sohoa-WHAT-XXXXXX (path set), returning its descriptor or
 * -1 with errno. */
int cli_temp_file(char *path, size_t size, const char *what);

int cmd_ingest(const cli_args *a, sohoa_ctx *ctx);
int cmd_normalize(const cli_args *a, sohoa_ctx *ctx);
int cmd_extract(const cli_args *a, sohoa_ctx *ctx);
int cmd_run(const cli_args *a, sohoa_ctx *ctx);
int cmd_merge(const cli_args *a, sohoa_ctx *ctx);
int cmd_pdf(const cli_args *a, sohoa_ctx *ctx);

extern const cli_command cli_commands[];

#endif
