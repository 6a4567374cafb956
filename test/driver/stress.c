/* SPDX-License-Identifier: Apache-2.0 */
/*
 * stress.c - every CPU issues getppid as fast as it can for a while (the driver stress
 * test: a small ring must drop and count, never tear).
 *
 *   driver_stress SECONDS OUT
 *
 * One thread per online CPU; writes "calls=<total getppid calls>" to OUT at the end.
 * Exit status: 0, 1 on error.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static volatile int stop;

static void *spin(void *arg)
{
	unsigned long n = 0;

	while (!stop) {
		syscall(SYS_getppid);
		n++;
	}
	*(unsigned long *)arg = n;
	return NULL;
}

int main(int argc, char **argv)
{
	long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	unsigned long counts[64] = { 0 }, total = 0;
	pthread_t th[64];
	FILE *f;
	long i;

	if (argc != 3)
		return fprintf(stderr, "usage: driver_stress SECONDS OUT\n"), 2;
	if (ncpu < 1 || ncpu > 64)
		ncpu = 1;
	for (i = 0; i < ncpu; i++)
		if (pthread_create(&th[i], NULL, spin, &counts[i]))
			return 1;
	sleep(atoi(argv[1]));
	stop = 1;
	for (i = 0; i < ncpu; i++) {
		pthread_join(th[i], NULL);
		total += counts[i];
	}
	f = fopen(argv[2], "w");
	if (!f)
		return 1;
	fprintf(f, "calls=%lu threads=%ld\n", total, ncpu);
	return fclose(f) ? 1 : 0;
}
