/* Ordered thread pool on pthreads: a shared next-index counter under a mutex, a ready flag
 * per item, and a condition variable; the calling thread lints too while the next item to
 * hand back is not ready, so jobs threads in all share the work. */
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include "mscan.h"
#include "pool.h"
#include "regex.h"
#include "xalloc.h"

struct pool {
	pthread_mutex_t mu;
	pthread_cond_t cv;
	size_t n, next;
	bool *ready;
	void (*work)(void *ctx, size_t i);
	void *ctx;
};

static void *
worker(void *arg)
{
	struct pool *p = arg;
	size_t i;

	for (;;) {
		pthread_mutex_lock(&p->mu);
		i = p->next < p->n ? p->next++ : p->n;
		pthread_mutex_unlock(&p->mu);
		if (i == p->n)
			break;
		p->work(p->ctx, i);
		pthread_mutex_lock(&p->mu);
		p->ready[i] = true;
		pthread_cond_broadcast(&p->cv);
		pthread_mutex_unlock(&p->mu);
	}
	regex_thread_cleanup();
	mscan_thread_cleanup();
	return NULL;
}

/* Hands items back in order; while item i is not ready, the calling thread takes the next
 * unstarted item itself, and waits only when every item has been started. */
static void
collect(struct pool *p, void (*done)(void *ctx, size_t i))
{
	size_t i, j;

	for (i = 0; i < p->n; i++) {
		pthread_mutex_lock(&p->mu);
		while (!p->ready[i]) {
			if (p->next < p->n) {
				j = p->next++;
				pthread_mutex_unlock(&p->mu);
				p->work(p->ctx, j);
				pthread_mutex_lock(&p->mu);
				p->ready[j] = true;
				continue;
			}
			pthread_cond_wait(&p->cv, &p->mu);
		}
		pthread_mutex_unlock(&p->mu);
		done(p->ctx, i);
	}
}

void
pool_run(size_t n, int jobs, void (*work)(void *ctx, size_t i),
    void (*done)(void *ctx, size_t i), void *ctx)
{
	struct pool p = {.n = n, .work = work, .ctx = ctx};
	pthread_t *tids;
	int k, started = 0;
	size_t i;

	if ((size_t)jobs > n)
		jobs = (int)n;
	if (jobs <= 1) {
		for (i = 0; i < n; i++) {
			work(ctx, i);
			done(ctx, i);
		}
		return;
	}
	pthread_mutex_init(&p.mu, NULL);
	pthread_cond_init(&p.cv, NULL);
	p.ready = xcalloc(n, sizeof(*p.ready));
	tids = xcalloc((size_t)jobs, sizeof(*tids));
	for (k = 1; k < jobs; k++)          /* the calling thread is the jobs-th */
		if (pthread_create(&tids[started], NULL, worker, &p) == 0)
			started++;
	collect(&p, done);
	for (k = 0; k < started; k++)
		pthread_join(tids[k], NULL);
	free(tids);
	free(p.ready);
	pthread_cond_destroy(&p.cv);
	pthread_mutex_destroy(&p.mu);
}
