/* SPDX-License-Identifier: Apache-2.0 */
/*
 * output_program.c - the program sink of scryd (see output.h): alerts, one a line, on the
 * standard input of `sh -c PROGRAM`.
 *
 * keep_alive (Falco's program_output.keep_alive): one program started with the output's
 * writer thread reads every alert; when it exits (a write fails with EPIPE) its status is logged and it
 * is started again, at most once a second (a program that exits at once loses the alerts
 * of that second, counted as write errors, instead of being started for each). Without
 * keep_alive a program is started for each alert, given that one line, and waited for
 * (as Falco does); a status other than 0 counts the alert as a write error.
 * Either way the writer thread waits, never the capture: a slow program fills the queue,
 * and what does not fit is dropped and counted. The program runs with scryd's user and
 * none of its capabilities (it is started after they are dropped), signals at their
 * defaults.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "log.h"
#include "output.h"

extern char **environ;

/* Seconds a program is given to exit after its stdin closes, before SIGTERM. */
#define PROGRAM_EXIT_S 3

struct program_sink {
	char *cmd;
	bool keep_alive;
	pid_t pid;        /* the running program, or 0 */
	int fd;           /* its stdin, or -1 */
	double started;   /* CLOCK_MONOTONIC s of the last start */
};

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* `sh -c cmd`, its stdin a new pipe. 0 or -errno. */
static int spawn(struct program_sink *p)
{
	char *argv[] = { "sh", "-c", p->cmd, NULL };
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t attr;
	sigset_t none, dflt;
	int pfd[2], rc;

	if (pipe2(pfd, O_CLOEXEC))
		return -errno;
	sigemptyset(&none);
	sigemptyset(&dflt);
	sigaddset(&dflt, SIGPIPE);  /* scryd ignores it; the program should not */
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, pfd[0], STDIN_FILENO);
	posix_spawnattr_init(&attr);
	posix_spawnattr_setsigmask(&attr, &none);
	posix_spawnattr_setsigdefault(&attr, &dflt);
	posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
	rc = posix_spawn(&p->pid, "/bin/sh", &fa, &attr, argv, environ);
	posix_spawnattr_destroy(&attr);
	posix_spawn_file_actions_destroy(&fa);
	close(pfd[0]);
	if (rc) {
		close(pfd[1]);
		p->pid = 0;
		return -rc;
	}
	p->fd = pfd[1];
	p->started = now_s();
	return 0;
}

/* Close the program's stdin and wait for it (SIGTERM after PROGRAM_EXIT_S s): its wait
 * status, or -1 when it could not be waited for. */
static int reap(struct program_sink *p)
{
	double deadline = now_s() + PROGRAM_EXIT_S;
	int status = -1;
	pid_t r;

	if (p->fd >= 0)
		close(p->fd);
	p->fd = -1;
	if (!p->pid)
		return -1;
	while ((r = waitpid(p->pid, &status, WNOHANG)) == 0 && now_s() < deadline) {
		struct timespec ts = { 0, 10 * 1000 * 1000 };

		nanosleep(&ts, NULL);
	}
	if (r == 0) {
		scryd_log(SCRYD_LOG_WARNING, "program: pid %d did not exit %d s after its input "
			  "ended: SIGTERM", (int)p->pid, PROGRAM_EXIT_S);
		kill(p->pid, SIGTERM);
		r = waitpid(p->pid, &status, 0);
	}
	p->pid = 0;
	return r > 0 ? status : -1;
}

static void log_status(int status)
{
	if (status >= 0 && WIFEXITED(status))
		scryd_log(SCRYD_LOG_WARNING, "program: exited with status %d", WEXITSTATUS(status));
	else if (status >= 0 && WIFSIGNALED(status))
		scryd_log(SCRYD_LOG_WARNING, "program: killed by signal %d", WTERMSIG(status));
}

static int program_write(struct scryd_output *o, void *priv, const char *line, size_t len,
			 int prio)
{
	struct program_sink *p = priv;
	int rc, status;

	(void)prio;
	if (!p->keep_alive) {
		rc = spawn(p);
		if (rc)
			return rc;
		rc = scryd_write_all(p->fd, line, len);
		status = reap(p);
		if (!rc && status != 0) {
			log_status(status);
			rc = -ECHILD;
		}
		return rc;
	}
	if (p->pid) {
		rc = scryd_write_all(p->fd, line, len);
		if (rc != -EPIPE)
			return rc;
		/* the program is gone: its status, then a new one */
		log_status(reap(p));
	}
	if (now_s() - p->started < 1)
		return -EPIPE;
	rc = spawn(p);
	if (rc)
		return rc;
	scryd_output_count_restart(o);
	scryd_log(SCRYD_LOG_NOTICE, "program: started again (pid %d)", (int)p->pid);
	return scryd_write_all(p->fd, line, len);
}

/* keep_alive: the program starts with the writer thread (after capabilities are dropped) */
static int program_start(void *priv)
{
	struct program_sink *p = priv;

	return p->keep_alive ? spawn(p) : 0;
}

static int program_close(void *priv)
{
	struct program_sink *p = priv;
	int status = reap(p);

	if (status > 0)
		log_status(status);
	free(p->cmd);
	free(p);
	return 0;
}

static const struct scryd_sink_ops program_ops = { .start = program_start,
	.write = program_write, .close = program_close };

int scryd_output_program(const char *cmd, bool keep_alive, uint32_t queue,
			 struct scryd_output **out)
{
	struct program_sink *p = calloc(1, sizeof(*p));

	*out = NULL;
	if (!p || !(p->cmd = strdup(cmd))) {
		free(p);
		return -ENOMEM;
	}
	p->fd = -1;
	p->keep_alive = keep_alive;
	return scryd_output_new("program", &program_ops, p, queue, out);
}
