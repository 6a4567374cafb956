/* SPDX-License-Identifier: Apache-2.0 */
/*
 * cri_pod - drive a CRI runtime (containerd's CRI plugin, cri-o) for tests: Debian has
 * no crictl. Built with the tests (build/bin/cri_pod).
 *
 * Usage:
 *   cri_pod [-s SOCKET] [-t MS] version
 *       print "RUNTIME VERSION" (e.g. "containerd 1.6.20~ds1") once the runtime serves
 *       the CRI on SOCKET; use it as a readiness probe (exit 1 while it does not).
 *   cri_pod [-s SOCKET] [-t MS] up -n NAME -N NAMESPACE -u UID -i IMAGE [-c CONTAINER]
 *           [-g CGROUP_PARENT] [-l KEY=VALUE]... [-m HOST:CTR[:ro]]... [-P] [-- CMD [ARG...]]
 *       run a host-network pod sandbox NAME in NAMESPACE with pod uid UID and the labels
 *       (plus the kubelet's io.kubernetes.pod.name/namespace/uid), create its container
 *       CONTAINER (default "loop") from IMAGE running CMD (default: /bin/sh -c
 *       'while :; do sleep 0.2; done') and start it; print "POD_ID CONTAINER_ID".
 *       CGROUP_PARENT defaults to /kubepods/besteffort/pod<UID> (the kubelet's cgroupfs
 *       layout). -m: a bind mount of host path HOST at CTR (read-only with :ro), at
 *       most 8. -P: a privileged pod and container. The runtime must hold IMAGE and
 *       its sandbox (pause) image already.
 *   cri_pod [-s SOCKET] [-t MS] down POD_ID
 *       stop and remove the pod's containers and the pod (an unknown pod is fine).
 *   cri_pod [-s SOCKET] [-t MS] [-r COUNT] lookup ID
 *       libsinsp's sinsp_cri_lookup() of a container (or pod sandbox) id: one
 *       "key=value" line per datum (name, image, ..., pod_name, label.K, pod_label.K,
 *       mount); with -r, COUNT lookups and their latency (min, median, p99, max, us).
 * SOCKET defaults to /run/containerd/containerd.sock; MS (each call's bound) to 30000.
 * Exit status: 0 ok, 1 failure (the message on stderr), 2 usage error.
 *
 * Example (containerd with CRI, images imported into namespace k8s.io):
 *   ids=$(cri_pod up -n web -N shop -u 0a1b2c3d-0000-4000-8000-000000000001 \
 *         -i localhost/scry/busybox:1 -l app=web)
 *   cri_pod lookup "${ids#* }"
 *   cri_pod down "${ids% *}"
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "runtime/cri.h"
#include "cri_driver.h"

static void usage(void)
{
	fprintf(stderr,
		"usage: cri_pod [-s SOCKET] [-t MS] version\n"
		"       cri_pod [-s SOCKET] [-t MS] up -n NAME -N NAMESPACE -u UID -i IMAGE [-c CONTAINER]\n"
		"               [-g CGROUP_PARENT] [-l KEY=VALUE]... [-m HOST:CTR[:ro]]... [-P]\n"
		"               [-- CMD [ARG...]]\n"
		"       cri_pod [-s SOCKET] [-t MS] down POD_ID\n"
		"       cri_pod [-s SOCKET] [-t MS] [-r COUNT] lookup ID\n");
	exit(2);
}

static void print_kv(const char *k, const char *v)
{
	if (v)
		printf("%s=%s\n", k, v);
}

static void print_container(const struct sinsp_container *c)
{
	uint32_t i;

	print_kv("name", c->name);
	print_kv("image", c->image);
	print_kv("image_id", c->image_id);
	print_kv("image_repo", c->image_repo);
	print_kv("image_tag", c->image_tag);
	print_kv("image_digest", c->image_digest);
	printf("privileged=%s\n", c->privileged ? "true" : "false");
	printf("created_ns=%lld\n", (long long)c->created_ns);
	print_kv("ip", c->ip_str);
	print_kv("pod_sandbox_id", c->pod_sandbox_id);
	print_kv("pod_name", c->pod_name);
	print_kv("pod_namespace", c->pod_namespace);
	print_kv("pod_uid", c->pod_uid);
	for (i = 0; i < c->nlabels; i++)
		printf("label.%s=%s\n", c->labels[i].key, c->labels[i].value);
	for (i = 0; i < c->npod_labels; i++)
		printf("pod_label.%s=%s\n", c->pod_labels[i].key, c->pod_labels[i].value);
	for (i = 0; i < c->nmounts; i++)
		printf("mount=%s:%s:%s:%s\n", c->mounts[i].source, c->mounts[i].dest,
		       c->mounts[i].rw ? "true" : "false", c->mounts[i].propagation);
}

static int cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

static int64_t now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static int lookup(const char *sock, const char *id, long tmo, int count)
{
	struct sinsp_container c;
	int64_t *lat = calloc((size_t)count, sizeof(*lat));
	char err[512];
	int i, rc = 0;

	if (!lat)
		return 1;
	for (i = 0; i < count; i++) {
		int64_t t0 = now_us();

		memset(&c, 0, sizeof(c));
		rc = sinsp_cri_lookup(sock, id, tmo, &c, err, sizeof(err));
		lat[i] = now_us() - t0;
		if (rc) {
			fprintf(stderr, "cri_pod: lookup %s: %s (%s)\n", id, err, strerror(-rc));
			free(lat);
			return 1;
		}
		if (i == count - 1 && count == 1)
			print_container(&c);
		sinsp_container_release(&c);
	}
	if (count > 1) {
		qsort(lat, (size_t)count, sizeof(*lat), cmp_i64);
		printf("lookups=%d min_us=%lld median_us=%lld p99_us=%lld max_us=%lld\n", count,
		       (long long)lat[0], (long long)lat[count / 2],
		       (long long)lat[(count * 99) / 100 < count ? (count * 99) / 100 : count - 1],
		       (long long)lat[count - 1]);
	}
	free(lat);
	return 0;
}

int main(int argc, char **argv)
{
	const char *sock = SINSP_CRI_CONTAINERD_SOCKET;
	const char *labels[33] = { 0 }, *mounts[9] = { 0 };
	struct cri_pod_spec spec = { 0 };
	char err[512], pod[128], ctr[128];
	long tmo = 30000;
	int count = 1, nlabels = 0, nmounts = 0, c, rc;
	const char *cmd;

	while ((c = getopt(argc, argv, "+s:t:r:")) != -1) {
		switch (c) {
		case 's': sock = optarg; break;
		case 't': tmo = atol(optarg); break;
		case 'r': count = atoi(optarg); break;
		default: usage();
		}
	}
	if (optind >= argc || tmo <= 0 || count <= 0)
		usage();
	cmd = argv[optind];
	argc -= optind;
	argv += optind;
	optind = 1;
	if (strcmp(cmd, "version") == 0) {
		char v[256];

		if (argc != 1)
			usage();
		if ((rc = cri_version(sock, tmo, v, sizeof(v), err, sizeof(err)))) {
			fprintf(stderr, "cri_pod: %s\n", err);
			return 1;
		}
		printf("%s\n", v);
		return 0;
	}
	if (strcmp(cmd, "down") == 0) {
		if (argc != 2)
			usage();
		if ((rc = cri_pod_down(sock, argv[1], tmo, err, sizeof(err)))) {
			fprintf(stderr, "cri_pod: down %s: %s\n", argv[1], err);
			return 1;
		}
		return 0;
	}
	if (strcmp(cmd, "lookup") == 0) {
		if (argc != 2)
			usage();
		return lookup(sock, argv[1], tmo, count);
	}
	if (strcmp(cmd, "up") != 0)
		usage();
	while ((c = getopt(argc, argv, "n:N:u:i:c:g:l:m:P")) != -1) {
		switch (c) {
		case 'n': spec.name = optarg; break;
		case 'N': spec.ns = optarg; break;
		case 'u': spec.uid = optarg; break;
		case 'i': spec.image = optarg; break;
		case 'c': spec.container = optarg; break;
		case 'g': spec.cgroup_parent = optarg; break;
		case 'P': spec.privileged = 1; break;
		case 'm':
			if (nmounts == 8)
				usage();
			mounts[nmounts++] = optarg;
			break;
		case 'l':
			if (nlabels == 32)
				usage();
			labels[nlabels++] = optarg;
			break;
		default: usage();
		}
	}
	if (!spec.name || !spec.ns || !spec.uid || !spec.image)
		usage();
	spec.labels = labels;
	spec.mounts = mounts;
	if (optind < argc)
		spec.cmd = (const char *const *)&argv[optind];
	spec.timeout_ms = tmo;
	if ((rc = cri_pod_up(sock, &spec, pod, ctr, err, sizeof(err)))) {
		fprintf(stderr, "cri_pod: up %s: %s\n", spec.name, err);
		return 1;
	}
	printf("%s %s\n", pod, ctr);
	return 0;
}
