/* SPDX-License-Identifier: Apache-2.0 */
/*
 * gen_corpus.c - writes the seed corpus of fuzz_savefile into the directory given as
 * argv[1], with the test capture builder: small captures covering each header block
 * version and event block type. Regenerate with the gen_fuzz_corpus target.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <scry/scap.h>

#include "unit/libscap/capture_builder.h"

static void save(const char *dir, const char *name, const struct cb_buf *b)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "wb");
	if (!f || fwrite(b->data, 1, b->len, f) != b->len) {
		perror(path);
		exit(1);
	}
	fclose(f);
}

static void events(struct cb_buf *f)
{
	static const uint32_t bt[] = { 0x204, 0x208, 0x216, 0x217, 0x221, 0x222 };
	uint64_t a = 42;
	const void *vals[3] = { &a, "/etc/passwd", "x" };
	uint32_t lens[3] = { 8, 12, 2 };

	for (unsigned i = 0; i < sizeof(bt) / sizeof(bt[0]); i++) {
		const struct scap_evt_info *info = scap_evt_info(3); /* open exit in the schema */
		uint32_t np = info && info->nparams < 3 ? info->nparams : 3;

		cb_event(f, bt[i], (uint16_t)i, 1, 1000 + i, 7, 3, np, vals, lens, 2);
	}
}

int main(int argc, char **argv)
{
	struct scap_machine_info mi = { .num_cpus = 2, .memory_size_bytes = 1 << 20,
					.max_pid = 1000, .hostname = "fuzz" };
	struct scap_threadinfo t = { .tid = 7, .pid = 7, .ptid = 1, .comm = "cat",
				     .exe = "/bin/cat", .cwd = "/", .loginuid = 1 };
	struct scap_fdinfo fds[3] = {
		{ .fd = 0, .type = SCAP_FD_FILE, .name = "/dev/pts/0" },
		{ .fd = 3, .type = SCAP_FD_IPV4_SOCK, .info.ipv4 = { 1, 2, 3, 4, 1 } },
		{ .fd = 4, .type = SCAP_FD_FILE_V2, .name = "/tmp/x" },
	};
	struct scap_userinfo u = { .uid = 0, .name = "root", .homedir = "/root", .shell = "/bin/sh" };
	struct scap_groupinfo g = { .gid = 0, .name = "root" };
	struct scap_ifinfo_ipv4 i4 = { .type = 1, .addr = 0x0100007f, .name = "lo" };
	struct scap_ifinfo_ipv6 i6 = { .type = 4, .name = "eth0" };
	const char *dir = argc > 1 ? argv[1] : ".";
	char name[64];

	for (int v = 1; v <= 9; v++) {
		struct cb_buf f = { 0 }, z = { 0 };
		bool v2 = v >= 5;

		cb_shb(&f);
		cb_mi(&f, &mi, v < 5);
		cb_il(&f, v2, &i4, 1, &i6, 1);
		cb_ul(&f, v2, &u, 1, &g, 1);
		cb_pl(&f, v, &t, 1);
		cb_fdl(&f, v2, 7, fds, 3);
		events(&f);
		cb_block(&f, 0x12345678, "skip", 4);
		snprintf(name, sizeof(name), "pl_v%d.scap", v);
		save(dir, name, &f);
		if (v == 9) {
			cb_gzip(&f, &z);
			save(dir, "pl_v9.scap.gz", &z);
		}
		cb_free(&f);
		cb_free(&z);
	}
	return 0;
}
