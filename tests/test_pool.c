/* Unit tests: the ordered thread pool does every item once and hands them back in order,
 * each only after its work is done, at any number of jobs. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include "pool.h"

struct rec {
	pthread_mutex_t mu;
	size_t n;
	int *worked;         /* times work ran on item i */
	bool *finished;      /* work of item i returned */
	size_t next_done;    /* the index done expects next */
	size_t out_of_order; /* done calls not in index order or before their work ended */
	pthread_t caller;
	size_t off_caller;    /* done calls made on another thread than the caller */
};

static void
work(void *ctx, size_t i)
{
	struct rec *r = ctx;
	volatile unsigned spin = 0;
	unsigned k;

	for (k = 0; k < (unsigned)(i % 7) * 1000u; k++)   /* items of uneven cost */
		spin += k;
	pthread_mutex_lock(&r->mu);
	r->worked[i]++;
	r->finished[i] = true;
	pthread_mutex_unlock(&r->mu);
}

static void
done(void *ctx, size_t i)
{
	struct rec *r = ctx;

	pthread_mutex_lock(&r->mu);
	if (i != r->next_done || !r->finished[i])
		r->out_of_order++;
	if (!pthread_equal(pthread_self(), r->caller))
		r->off_caller++;
	r->next_done = i + 1;
	pthread_mutex_unlock(&r->mu);
}

/* Runs n items on jobs threads and checks every item was worked once and reported in order. */
static void
run_and_check(size_t n, int jobs)
{
	struct rec r = {.n = n};
	size_t i;

	pthread_mutex_init(&r.mu, NULL);
	r.worked = calloc(n ? n : 1, sizeof(*r.worked));
	r.finished = calloc(n ? n : 1, sizeof(*r.finished));
	r.caller = pthread_self();
	pool_run(n, jobs, work, done, &r);
	for (i = 0; i < n; i++)
		assert_int_equal(r.worked[i], 1);
	assert_int_equal(r.next_done, n);
	assert_int_equal(r.out_of_order, 0);
	assert_int_equal(r.off_caller, 0);
	free(r.worked);
	free(r.finished);
	pthread_mutex_destroy(&r.mu);
}

static void
test_one_job_runs_in_order(void **state)
{
	(void)state;
	run_and_check(50, 1);
}

static void
test_two_jobs_every_item_once_in_order(void **state)
{
	(void)state;
	run_and_check(2000, 2);
}

static void
test_more_jobs_than_items(void **state)
{
	(void)state;
	run_and_check(3, 8);
	run_and_check(1, 4);
}

static void
test_no_items(void **state)
{
	(void)state;
	run_and_check(0, 4);
}

static void
test_many_jobs(void **state)
{
	(void)state;
	run_and_check(5000, 8);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_one_job_runs_in_order),
		cmocka_unit_test(test_two_jobs_every_item_once_in_order),
		cmocka_unit_test(test_more_jobs_than_items),
		cmocka_unit_test(test_no_items),
		cmocka_unit_test(test_many_jobs),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
