/* A minimal parallel-for over pthreads: workers pull the next index from a shared counter. */
#include "sohoa.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>

typedef struct pf_shared {
	void (*fn)(void *arg, int worker, size_t i);
	void *arg;
	size_t n;
	atomic_size_t next;
} pf_shared;

typedef struct pf_worker {
	pf_shared *shared;
	int id;
} pf_worker;

static void *pf_run(void *p)
{
	pf_worker *w = p;
	size_t i;
	while ((i = atomic_fetch_add(&w->shared->next, 1)) < w->shared->n)
		w->shared->fn(w->shared->arg, w->id, i);
	return NULL;
}

void sohoa_parallel_for(int jobs, size_t n, void (*fn)(void *arg, int worker, size_t i), void *arg)
{
	if (jobs < 1)
		jobs = 1;
	if ((size_t)jobs > n)
		jobs = n ? (int)n : 1;
	pf_shared shared = {fn, arg, n, 0};
	pf_worker *workers = calloc((size_t)jobs, sizeof *workers);
	pthread_t *threads = calloc((size_t)jobs, sizeof *threads);
	int started = 0;
	if (workers && threads) {
		for (int t = 1; t < jobs; t++) {
			workers[t] = (pf_worker){&shared, t};
			if (pthread_create(&threads[t], NULL, pf_run, &workers[t]) != 0)
				break;
			started = t;
		}
	}
	pf_worker self = {&shared, 0};
	pf_run(&self);
	for (int t = 1; t <= started; t++)
		pthread_join(threads[t], NULL);
	free(workers);
	free(threads);
}
