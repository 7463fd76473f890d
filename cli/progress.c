/* Progress of a batch run on stderr: one status line redrawn about once a second (documents and
 * pages done, pages per second, ETA from the input bytes left, the current file). */
#include "batch.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#define MAX_CURRENT 64

struct progress {
	int enabled;
	pthread_mutex_t lock;
	pthread_cond_t wake;
	pthread_t ticker;
	int running, stop;
	size_t ndocs, done;
	int64_t nbytes, bytes_done, bytes_skipped;
	long pages, pages_worked;
	double start;
	char *current[MAX_CURRENT];
	int drawn; /* the status line is on screen */
};

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void fmt_duration(char *buf, size_t n, double s)
{
	long t = (long)(s + 0.5);
	if (t >= 3600)
		snprintf(buf, n, "%ldh%02ldm", t / 3600, t / 60 % 60);
	else if (t >= 60)
		snprintf(buf, n, "%ldm%02lds", t / 60, t % 60);
	else
		snprintf(buf, n, "%lds", t);
}

/* Draw the status line (lock held). */
static void draw(progress *p)
{
	double el = now() - p->start;
	char line[512], eta[32] = "?";
	double rate = el > 0 ? p->pages_worked / el : 0;
	int64_t worked = p->bytes_done - p->bytes_skipped, left = p->nbytes - p->bytes_done;
	if (worked > 0 && el > 1)
		fmt_duration(eta, sizeof eta, (double)left * el / (double)worked);
	const char *cur = NULL;
	for (int i = 0; i < MAX_CURRENT && !cur; i++)
		cur = p->current[i];
	int len = snprintf(line, sizeof line, "[%zu/%zu docs, %ld pages, %.1f pages/s, ETA %s] %s", p->done,
			   p->ndocs, p->pages, rate, eta, cur ? cur : "");
	struct winsize ws;
	int width = ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 10 ? ws.ws_col - 1 : 79;
	if (len >= (int)sizeof line)
		len = (int)sizeof line - 1;
	if (len > width) { /* keep the end of the path, it names the file; cut between characters */
		int keep = width - 3, head = keep - keep / 2;
		const char *tail = line + len - keep / 2;
		while ((*tail & 0xC0) == 0x80)
			tail++;
		while (head > 0 && (line[head] & 0xC0) == 0x80)
			head--;
		char shortened[512];
		snprintf(shortened, sizeof shortened, "%.*s...%s", head, line, tail);
		memcpy(line, shortened, strlen(shortened) + 1);
	}
	fprintf(stderr, "\r\033[K%s", line);
	fflush(stderr);
	p->drawn = 1;
}

static void erase(progress *p)
{
	if (p->drawn) {
		fputs("\r\033[K", stderr);
		fflush(stderr);
		p->drawn = 0;
	}
}

static void *tick(void *arg)
{
	progress *p = arg;
	pthread_mutex_lock(&p->lock);
	while (!p->stop) {
		draw(p);
		struct timespec ts;
		clock_gettime(CLOCK_REALTIME, &ts);
		ts.tv_sec += 1;
		pthread_cond_timedwait(&p->wake, &p->lock, &ts);
	}
	erase(p);
	pthread_mutex_unlock(&p->lock);
	return NULL;
}

progress *progress_new(int enabled, size_t ndocs, int64_t nbytes)
{
	progress *p = calloc(1, sizeof *p);
	if (!p)
		return NULL;
	p->enabled = enabled;
	p->ndocs = ndocs;
	p->nbytes = nbytes;
	p->start = now();
	pthread_mutex_init(&p->lock, NULL);
	pthread_cond_init(&p->wake, NULL);
	if (enabled && pthread_create(&p->ticker, NULL, tick, p) == 0)
		p->running = 1;
	return p;
}

void progress_free(progress *p)
{
	if (!p)
		return;
	if (p->running) {
		pthread_mutex_lock(&p->lock);
		p->stop = 1;
		pthread_cond_signal(&p->wake);
		pthread_mutex_unlock(&p->lock);
		pthread_join(p->ticker, NULL);
	}
	for (int i = 0; i < MAX_CURRENT; i++)
		free(p->current[i]);
	pthread_mutex_destroy(&p->lock);
	pthread_cond_destroy(&p->wake);
	free(p);
}

void progress_doc_start(progress *p, const char *path)
{
	if (!p)
		return;
	pthread_mutex_lock(&p->lock);
	for (int i = 0; i < MAX_CURRENT; i++)
		if (!p->current[i]) {
			p->current[i] = sohoa_strdup(path);
			break;
		}
	pthread_mutex_unlock(&p->lock);
}

void progress_doc_end(progress *p, const char *path, int64_t bytes, int pages, int skipped)
{
	if (!p)
		return;
	pthread_mutex_lock(&p->lock);
	for (int i = 0; i < MAX_CURRENT; i++)
		if (p->current[i] && !strcmp(p->current[i], path)) {
			free(p->current[i]);
			p->current[i] = NULL;
			break;
		}
	p->done++;
	p->bytes_done += bytes;
	p->pages += pages;
	if (skipped)
		p->bytes_skipped += bytes;
	else
		p->pages_worked += pages;
	pthread_mutex_unlock(&p->lock);
}

void progress_around(progress *p, void (*fn)(void *arg), void *arg)
{
	if (!p) {
		fn(arg);
		return;
	}
	pthread_mutex_lock(&p->lock);
	erase(p);
	fn(arg);
	if (p->running && !p->stop)
		draw(p);
	pthread_mutex_unlock(&p->lock);
}

void progress_message(progress *p, const char *fmt, ...)
{
	char msg[2048];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (p) {
		pthread_mutex_lock(&p->lock);
		erase(p);
	}
	fprintf(stderr, "sohoa: %s\n", msg);
	if (p) {
		if (p->running && !p->stop)
			draw(p);
		pthread_mutex_unlock(&p->lock);
	}
}
