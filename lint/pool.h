/* A small thread pool for ordered work: items are processed by worker threads in any
 * order, and handed back on the calling thread strictly in index order. */
#ifndef NL_POOL_H
#define NL_POOL_H
#include <stddef.h>

/* Calls work(ctx, i) for every i < n on up to jobs threads (the calling thread and jobs - 1
 * workers) and done(ctx, i) on the calling thread for i = 0, 1, ... as soon as item i and
 * all before it are done. With jobs <= 1 (or when threads cannot be started) everything
 * runs on the calling thread. Worker threads release their regex match blocks before they
 * end. */
void pool_run(size_t n, int jobs, void (*work)(void *ctx, size_t i),
		void (*done)(void *ctx, size_t i), void *ctx);

#endif
