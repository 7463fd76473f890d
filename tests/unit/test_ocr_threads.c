/* Tesseract's OpenMP against our page workers and the host's OpenMP. While the OCR adapter reads a
 * page, Tesseract's parallel regions are teams of one on the reading thread: no thread is added
 * to the process (libgomp keeps a team's threads alive after the region, so /proc/self/task
 * counts them), on the calling thread as on a worker. The host program's OpenMP (libgomp, the
 * runtime Tesseract links; called here through its ABI, bound as compiled OpenMP code binds it) keeps
 * teams of 4 and its settings before, during and after. A run with OMP_THREAD_LIMIT=4 in the
 * environment (the user's choice, left to the runtime) shows that Tesseract does start teams, so
 * the counts above can see them. Run from the repository root. */
#include "../../ingest/ingest-int.h"
#include "check.h"

#include <dirent.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define IMAGE "tests/fixtures/ocr/strip.pbm"

typedef void (*gomp_parallel_fn)(void (*)(void *), void *, unsigned, unsigned);
static gomp_parallel_fn gomp_parallel;
static int (*omp_num_threads)(void);
static int (*omp_max_levels)(void);
static int (*omp_max_threads)(void);

/* Threads of this process now. */
static int tasks(void)
{
	DIR *d = opendir("/proc/self/task");
	int n = 0;
	if (!d)
		return -1;
	for (struct dirent *e; (e = readdir(d));)
		n += e->d_name[0] != '.';
	closedir(d);
	return n;
}

static void *sym(void *h, const char *name)
{
	void *p = dlsym(h, name);
	if (!p)
		printf("# no %s in libgomp\n", name);
	return p;
}

static int find_gomp(void)
{
	void *h = dlopen("libgomp.so.1", RTLD_LAZY | RTLD_NOLOAD);
	if (!h)
		return -1;
	/* as the host's compiled code binds it: the first definition in the process */
	gomp_parallel = (gomp_parallel_fn)sym(RTLD_DEFAULT, "GOMP_parallel");
	omp_num_threads = (int (*)(void))sym(h, "omp_get_num_threads");
	omp_max_levels = (int (*)(void))sym(h, "omp_get_max_active_levels");
	omp_max_threads = (int (*)(void))sym(h, "omp_get_max_threads");
	return gomp_parallel && omp_num_threads && omp_max_levels && omp_max_threads ? 0 : -1;
}

/* The body of a host parallel region: the team's size. */
static void team_body(void *arg)
{
	__atomic_store_n((int *)arg, omp_num_threads(), __ATOMIC_RELAXED);
}

/* The size of a team of 4 that the host starts on this thread. */
static int host_team(void)
{
	int n = 0;
	gomp_parallel(team_body, &n, 4, 0);
	return n;
}

/* One page of OCR on this thread with a fresh engine; the process's threads after it, or -1. */
static int ocr_page(void)
{
	sohoa_options opt;
	sohoa_options_init(&opt);
	sohoa_ctx *ctx = sohoa_ctx_new(&opt);
	ingest_ocr *ocr = NULL;
	char *data = NULL;
	size_t len = 0;
	ingest_raster r = {0};
	sohoa_page page = {.number = 1};
	int n = -1;
	if (ctx && ingest_ocr_new(ctx, &ocr) == SOHOA_OK && sohoa_file_read(ctx, IMAGE, &data, &len) == SOHOA_OK &&
	    ingest_image_read(ctx, IMAGE, (const unsigned char *)data, len, 0, &r) == SOHOA_OK &&
	    ingest_ocr_raster(ctx, ocr, &r, &page) == SOHOA_OK && page.nlines > 0)
		n = tasks();
	else
		printf("# OCR failed: %s\n", ctx ? sohoa_errmsg(ctx) : "no context");
	ingest_page_clear(&page);
	free(page.decision); /* ingest_page_clear leaves the decision to the page's owner */
	free(page.decision);
	free(r.samples);
	free(data);
	ingest_ocr_free(ocr);
	sohoa_ctx_free(ctx);
	return n;
}

static void *ocr_thread(void *arg)
{
	*(int *)arg = ocr_page();
	return NULL;
}

/* Run ocr_page on a new thread: the thread count it saw (itself included), or -1. */
static int worker_run(void)
{
	pthread_t t;
	int seen = -1;
	if (pthread_create(&t, NULL, ocr_thread, &seen) != 0)
		return -1;
	pthread_join(t, NULL);
	return seen;
}

/* OMP_THREAD_LIMIT=4 set by the user: Tesseract's teams are left to the runtime. */
static int limited(void)
{
	int t0 = tasks();
	int seen = worker_run();
	printf("# OMP_THREAD_LIMIT=4: %d threads before, %d while a worker read a page\n", t0, seen);
	CHECK(seen > t0 + 1, "OMP_THREAD_LIMIT set by the user: Tesseract starts its teams (the count sees them)");
	return CHECK_DONE();
}

/* A host team of 4 started again and again on this thread while a worker reads a page. */
typedef struct busy {
	volatile int stop;
	int smallest;
} busy;

static void *ocr_then_stop(void *arg)
{
	busy *b = arg;
	(void)ocr_page();
	b->stop = 1;
	return NULL;
}

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "--limited"))
		return find_gomp() == 0 ? limited() : 1;
	if (getenv("OMP_THREAD_LIMIT")) { /* libgomp reads it before main: start again without it */
		unsetenv("OMP_THREAD_LIMIT");
		execv("/proc/self/exe", argv);
		return 1;
	}
	if (find_gomp() != 0) {
		CHECK(0, "libgomp is loaded with Tesseract");
		return CHECK_DONE();
	}
	int t0 = tasks(), levels = omp_max_levels(), threads = omp_max_threads();
	int t1 = ocr_page();
	printf("# %d threads before, %d after a page read on the calling thread\n", t0, t1);
	CHECK(t1 == t0, "calling thread: Tesseract's OpenMP adds no thread");
	CHECK(omp_max_levels() == levels && omp_max_threads() == threads,
	      "calling thread: the host's OpenMP settings are as before");
	int t2 = worker_run();
	printf("# %d threads while a worker read a page (the worker included)\n", t2);
	CHECK(t2 == t0 + 1, "worker thread: Tesseract's OpenMP adds no thread");

	busy b = {0, 4};
	pthread_t t;
	if (pthread_create(&t, NULL, ocr_then_stop, &b) == 0) {
		int teams = 0;
		while (!b.stop) {
			int n = host_team();
			b.smallest = n < b.smallest ? n : b.smallest;
			teams++;
			usleep(20000);
		}
		pthread_join(t, NULL);
		printf("# %d host teams during the page, the smallest of %d threads\n", teams, b.smallest);
		CHECK(teams > 0 && b.smallest == 4, "the host's OpenMP teams keep 4 threads while a worker reads");
	}
	CHECK(host_team() == 4 && tasks() == t0 + 3, "after OCR the host's team of 4 runs (and the count sees it)");

	char cmd[4200];
	snprintf(cmd, sizeof cmd, "OMP_THREAD_LIMIT=4 '%s' --limited", argv[0]);
	fflush(stdout);
	int rc = system(cmd);
	CHECK(rc == 0, "run with OMP_THREAD_LIMIT=4");
	return CHECK_DONE();
}
