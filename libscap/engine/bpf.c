/* SPDX-License-Identifier: Apache-2.0 */
/*
 * bpf.c - the bpf engine: live events from scry's eBPF probe (driver/bpf/).
 *
 * open loads the probe through its libbpf skeleton (embedded at build time), with one
 * BPF ring buffer and one scratch entry per possible CPU, attaches its raw tracepoint
 * programs and reads the initial system state (proc_scan.h), as the kmod engine does.
 * Capture starts with scap_start() (or at open with opts.start), by a flag in the
 * probe's .bss, which userspace maps and writes directly, as it does the snaplen, the
 * syscall set and the process to leave out.
 *
 * Each ring buffer is mapped as the kernel lays it out: the consumer position page
 * (read-write), then the producer position page and the data pages twice (read-only),
 * so that a record is contiguous even where it wraps. A record is an 8-byte header
 * (length with the BUSY and DISCARD bits, page offset) and its payload, a scap event,
 * padded to 8 bytes. next() merges the rings (merge.h) and returns the oldest event in
 * place; the record returned last is consumed (consumer position advanced, with release
 * order) on the following next(), so its memory stays valid until then.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <libscap/scap_bpf.h>

#include "merge.h"
#include "proc_scan.h"
#include "scap_int.h"

#define BPF_RING_DEFAULT (8u << 20)   /* bytes of each CPU's ring */
#define BPF_IDLE_NS 10000000L         /* sleep of next() when every ring is empty: 10 ms */

#ifdef SCRY_HAVE_BPF

#include <sys/mman.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include <driver/bpf/scapbpf.h>
#include <driver/fill/table.h>
#include "probe.skel.h"

/* Record header bits of a BPF ring buffer (the kernel's uapi values). */
#define RB_BUSY (1u << 31)
#define RB_DISCARD (1u << 30)
#define RB_HDR_LEN 8u

struct bpf_ring {
	int fd;                          /* the ring buffer map */
	uint64_t *cons;                  /* consumer position (our page, shared) */
	const uint64_t *prod;            /* producer position (kernel's page) */
	const uint8_t *data;             /* 2 * ring bytes */
	uint64_t pos;                    /* our copy of *cons */
	uint64_t head;                   /* last *prod loaded */
};

struct bpf_eng {
	struct scry_probe *skel;
	struct bpf_ring *rings;
	uint32_t nrings;
	uint64_t ring_bytes;
	long page;
	int last;                        /* ring of the record returned last, -1 none */
	uint32_t last_adv;               /* its bytes in the ring, header and padding included */
	struct scap_sys_scan_stats scan;
};

/* libbpf prints through one global callback: messages go to the handle being opened,
 * at debug level, and only with SCRY_BPF_DEBUG set. */
static __thread struct scap *bpf_log_to;

__attribute__((format(printf, 2, 0)))
static int bpf_libbpf_print(enum libbpf_print_level level, const char *fmt, va_list ap)
{
	char msg[1024];

	if (!bpf_log_to || !getenv("SCRY_BPF_DEBUG"))
		return 0;
	vsnprintf(msg, sizeof(msg), fmt, ap);
	msg[strcspn(msg, "\n")] = '\0';
	scap_debug(bpf_log_to, "libbpf: %s", msg);
	return 0;
}

static void bpf_close(struct scap *h)
{
	struct bpf_eng *b = h->priv;
	uint32_t i;

	if (!b)
		return;
	for (i = 0; b->rings && i < b->nrings; i++) {
		struct bpf_ring *r = &b->rings[i];

		if (r->cons)
			munmap(r->cons, b->page);
		if (r->prod)
			munmap((void *)r->prod, b->page + 2 * b->ring_bytes);
		if (r->fd >= 0)
			close(r->fd);
	}
	if (b->skel)
		scry_probe__destroy(b->skel);
	free(b->rings);
	free(b);
	h->priv = NULL;
}

/* CLOCK_REALTIME - CLOCK_BOOTTIME, ns: what turns the probe's clock into the epoch's. */
static uint64_t boot_to_epoch_ns(void)
{
	struct timespec rt, bt;

	clock_gettime(CLOCK_REALTIME, &rt);
	clock_gettime(CLOCK_BOOTTIME, &bt);
	return (uint64_t)(rt.tv_sec - bt.tv_sec) * 1000000000ULL + rt.tv_nsec - bt.tv_nsec;
}

/* The message for a probe that libbpf could not load: what the user should do. */
static int load_error(struct scap *h, int err, const char *what)
{
	if (err == -EPERM || err == -EACCES)
		return scap_err(h, -EPERM,
				"capturing with the eBPF probe needs root (CAP_BPF, CAP_PERFMON and "
				"CAP_SYS_RESOURCE): run scry as root (e.g. sudo scry)");
	return scap_err(h, err < 0 ? err : -EINVAL,
			"bpf: %s the eBPF probe failed (SCRY_BPF_DEBUG=1 logs libbpf's and the "
			"verifier's messages); the kernel module is the other way to capture "
			"(scry --driver load, then --engine kmod)", what);
}

/* Create CPU @i's ring buffer. */
static int ring_create(struct scap *h, struct bpf_eng *b, uint32_t i)
{
	struct bpf_ring *r = &b->rings[i];
	char name[16];

	snprintf(name, sizeof(name), "scry_ring%u", i & 0xffff);
	r->fd = bpf_map_create(BPF_MAP_TYPE_RINGBUF, name, 0, 0, b->ring_bytes, NULL);
	if (r->fd < 0 && (errno == EPERM || errno == EACCES))
		return load_error(h, -errno, "loading");      /* the first bpf() call: not root */
	if (r->fd < 0)
		return scap_err(h, -errno, "bpf: ring buffer of CPU %u (%llu bytes)", i,
				(unsigned long long)b->ring_bytes);
	return 0;
}

/* Put CPU @i's ring buffer in the loaded probe's array of rings, and map it. */
static int ring_install(struct scap *h, struct bpf_eng *b, uint32_t i)
{
	struct bpf_ring *r = &b->rings[i];
	int outer = bpf_map__fd(b->skel->maps.scapbpf_rings);
	void *p;

	if (bpf_map_update_elem(outer, &i, &r->fd, BPF_ANY))
		return scap_err(h, -errno, "bpf: installing the ring of CPU %u", i);
	p = mmap(NULL, b->page, PROT_READ | PROT_WRITE, MAP_SHARED, r->fd, 0);
	if (p == MAP_FAILED)
		return scap_err(h, -errno, "bpf: mapping the consumer page of CPU %u", i);
	r->cons = p;
	p = mmap(NULL, b->page + 2 * b->ring_bytes, PROT_READ, MAP_SHARED, r->fd, b->page);
	if (p == MAP_FAILED)
		return scap_err(h, -errno, "bpf: mapping the ring of CPU %u", i);
	r->prod = p;
	r->data = (const uint8_t *)p + b->page;
	r->pos = __atomic_load_n(r->cons, __ATOMIC_RELAXED);
	r->head = r->pos;
	return 0;
}

/* The ring size asked for by SCRY_BPF_RING_BYTES, or the default. */
static int ring_bytes(struct scap *h, uint64_t *out)
{
	const char *s = getenv("SCRY_BPF_RING_BYTES");
	unsigned long long v;
	char *end;

	*out = BPF_RING_DEFAULT;
	if (!s || !*s)
		return 0;
	v = strtoull(s, &end, 0);
	if (*end || v < 4096 || (v & (v - 1)) || v > (1ULL << 30))
		return scap_err(h, -EINVAL, "bpf: SCRY_BPF_RING_BYTES=%s is not a power of two "
				"in 4096..1 GiB", s);
	*out = v;
	return 0;
}

static int bpf_open(struct scap *h, const struct scap_open_opts *opts)
{
	struct bpf_program *prog;
	struct bpf_eng *b;
	uint16_t t;
	int rc, ncpus;
	uint64_t rb;

	if (access("/sys/kernel/btf/vmlinux", R_OK) != 0)
		return scap_err(h, -ENOTSUP,
				"the running kernel has no BTF (/sys/kernel/btf/vmlinux, "
				"CONFIG_DEBUG_INFO_BTF): the eBPF probe cannot be loaded here; use "
				"the kernel module (scry --driver load, then --engine kmod)");
	rc = ring_bytes(h, &rb);
	if (rc < 0)
		return rc;
	ncpus = libbpf_num_possible_cpus();
	if (ncpus <= 0)
		return scap_err(h, ncpus < 0 ? ncpus : -EINVAL, "bpf: counting the possible CPUs");
	b = calloc(1, sizeof(*b));
	if (b)
		b->rings = calloc(ncpus, sizeof(*b->rings));
	if (!b || !b->rings) {
		free(b);
		return scap_err(h, -ENOMEM, "bpf: %d rings", ncpus);
	}
	h->priv = b;
	b->nrings = ncpus;
	b->ring_bytes = rb;
	b->page = sysconf(_SC_PAGESIZE);
	b->last = -1;
	for (uint32_t i = 0; i < b->nrings; i++)
		b->rings[i].fd = -1;

	libbpf_set_print(bpf_libbpf_print);
	bpf_log_to = h;
	b->skel = scry_probe__open();
	if (!b->skel) {
		rc = load_error(h, -errno, "opening");
		goto err;
	}
	for (uint32_t i = 0; i < b->nrings; i++) {
		rc = ring_create(h, b, i);
		if (rc < 0)
			goto err;
	}
	/* The rings' size is the array's: its inner map template is ring 0. */
	bpf_map__set_max_entries(b->skel->maps.scapbpf_rings, ncpus);
	bpf_map__set_inner_map_fd(b->skel->maps.scapbpf_rings, b->rings[0].fd);
	bpf_map__set_max_entries(b->skel->maps.scapbpf_scratch, ncpus);
	for (t = 0; t < SCAP_EVT_MAX; t++) {
		b->skel->rodata->scapbpf_nparams[t] = scap_evt_table[t].nparams;
		if (t % 2)
			b->skel->rodata->scapbpf_extra_np[t] =
				scapdrv_exit_extra_count(&scap_evt_table[t], &scap_evt_table[t - 1]);
	}
	/* The filler programs are reached by tail call only. */
	bpf_object__for_each_program(prog, b->skel->obj)
		if (!strcmp(bpf_program__section_name(prog), "raw_tp"))
			bpf_program__set_autoattach(prog, false);
	rc = scry_probe__load(b->skel);
	if (rc) {
		rc = load_error(h, rc, "loading");
		goto err;
	}
	for (uint32_t i = 0; i < b->nrings; i++) {
		rc = ring_install(h, b, i);
		if (rc < 0)
			goto err;
	}
	b->skel->bss->scapbpf_cfg.snaplen = SCAP_ABI_SNAPLEN_DEFAULT;
	b->skel->bss->scapbpf_cfg.exclude_tgid = getpid();
	b->skel->bss->scapbpf_cfg.boot_to_epoch_ns = boot_to_epoch_ns();
	memset(b->skel->bss->scapbpf_cfg.sc_set, 0xff, sizeof(b->skel->bss->scapbpf_cfg.sc_set));
	rc = scry_probe__attach(b->skel);
	if (rc) {
		rc = load_error(h, rc, "attaching");
		goto err;
	}
	bpf_log_to = NULL;
	if (opts->start)
		__atomic_store_n(&b->skel->bss->scapbpf_cfg.capturing, 1, __ATOMIC_RELEASE);
	/* The probe leaves this process out: the scan's own syscalls fill no ring. */
	rc = scap_live_state(h, NULL, NULL, &b->scan);
	if (rc < 0)
		goto err;
	return 0;

err:
	bpf_log_to = NULL;
	bpf_close(h);
	return rc;
}

/* Consume the record returned last: the probe may now overwrite it. */
static void release_last(struct bpf_eng *b)
{
	struct bpf_ring *r;

	if (b->last < 0)
		return;
	r = &b->rings[b->last];
	b->last = -1;
	r->pos += b->last_adv;
	__atomic_store_n(r->cons, r->pos, __ATOMIC_RELEASE);
}

/* Whether ring @i has a committed record; its timestamp in *@ts. Discarded records
 * (none are written by the probe) are skipped. */
static bool ring_peek(void *ctx, uint32_t i, uint64_t *ts)
{
	struct bpf_eng *b = ctx;
	struct bpf_ring *r = &b->rings[i];
	uint64_t mask = b->ring_bytes - 1;
	uint32_t hl;

	for (;;) {
		if (r->pos == r->head)
			r->head = __atomic_load_n(r->prod, __ATOMIC_ACQUIRE);
		if (r->pos == r->head)
			return false;
		hl = __atomic_load_n((const uint32_t *)(r->data + (r->pos & mask)), __ATOMIC_ACQUIRE);
		if (hl & RB_BUSY)
			return false;
		if (!(hl & RB_DISCARD))
			break;
		r->pos += (RB_HDR_LEN + (hl & ~(RB_BUSY | RB_DISCARD)) + 7) & ~7ULL;
		__atomic_store_n(r->cons, r->pos, __ATOMIC_RELEASE);
	}
	memcpy(ts, r->data + (r->pos & mask) + RB_HDR_LEN, sizeof(*ts));
	return true;
}

static int bpf_next(struct scap *h, struct scap_evt_ref *out)
{
	struct bpf_eng *b = h->priv;
	struct scap_abi_evt_hdr hdr;
	const uint8_t *rec;
	struct bpf_ring *r;
	uint32_t len;
	int best;

	release_last(b);
	best = scap_merge_oldest(b->nrings, ring_peek, b, BPF_IDLE_NS);
	if (best < 0)
		return SCAP_TIMEOUT;
	r = &b->rings[best];
	rec = r->data + (r->pos & (b->ring_bytes - 1));
	memcpy(&len, rec, sizeof(len));
	len &= ~(RB_BUSY | RB_DISCARD);
	rec += RB_HDR_LEN;
	memcpy(&hdr, rec, sizeof(hdr));
	if (len < SCAP_ABI_EVT_HDR_LEN || hdr.len != len)
		return scap_err(h, -EPROTO, "bpf: CPU %d: record of %u bytes holds an event of %u",
				best, len, hdr.len);
	b->last = best;
	b->last_adv = (RB_HDR_LEN + len + 7) & ~7u;
	out->raw = rec;
	out->len = hdr.len;
	out->ts_ns = hdr.ts;
	out->tid = hdr.tid;
	out->type = hdr.type;
	out->nparams = hdr.nparams;
	out->cpu = (uint16_t)best;
	out->flags = 0;
	out->offset = 0;
	return 0;
}

static int bpf_start(struct scap *h)
{
	struct bpf_eng *b = h->priv;

	b->skel->bss->scapbpf_cfg.boot_to_epoch_ns = boot_to_epoch_ns();
	__atomic_store_n(&b->skel->bss->scapbpf_cfg.capturing, 1, __ATOMIC_RELEASE);
	return 0;
}

static int bpf_stop(struct scap *h)
{
	struct bpf_eng *b = h->priv;

	__atomic_store_n(&b->skel->bss->scapbpf_cfg.capturing, 0, __ATOMIC_RELEASE);
	return 0;
}

const struct scap_engine_ops scap_bpf_ops = {
	.name = "bpf",
	.open = bpf_open,
	.close = bpf_close,
	.next = bpf_next,
	.start = bpf_start,
	.stop = bpf_stop,
};

/* The engine of @h when it is a bpf handle; else the error is set in @h. */
static struct bpf_eng *bpf_of(scap_t *h, const char *what)
{
	if (h->ops != &scap_bpf_ops) {
		scap_err(h, -ENOTSUP, "engine %s has no %s", h->ops->name, what);
		return NULL;
	}
	return h->priv;
}

int scap_bpf_get_stats(scap_t *h, struct scap_kmod_stats *out)
{
	struct scap_kmod_stats s;
	struct scapbpf_counters *c;
	struct bpf_eng *b;
	uint32_t zero = 0;
	size_t sz;

	if (!h || !out || out->sz < sizeof(size_t))
		return -EINVAL;
	b = bpf_of(h, "probe statistics");
	if (!b)
		return -ENOTSUP;
	c = calloc(b->nrings, sizeof(*c));
	if (!c)
		return scap_err(h, -ENOMEM, "bpf: statistics");
	if (bpf_map_lookup_elem(bpf_map__fd(b->skel->maps.scapbpf_stats), &zero, c)) {
		free(c);
		return scap_err(h, -errno, "bpf: reading the statistics");
	}
	memset(&s, 0, sizeof(s));
	for (uint32_t i = 0; i < b->nrings; i++) {
		s.n_evts += c[i].n_evts;
		s.n_drop_full += c[i].n_drop_full;
		s.n_drop_pf += c[i].n_drop_pf;
		s.n_drop_big += c[i].n_drop_big;
		s.n_drop_nest += c[i].n_drop_nest;
	}
	free(c);
	s.ncpus = b->nrings;
	s.ring_bytes = b->ring_bytes;
	sz = out->sz < sizeof(s) ? out->sz : sizeof(s);
	memcpy((char *)out + sizeof(size_t), (char *)&s + sizeof(size_t), sz - sizeof(size_t));
	return 0;
}

int scap_bpf_set_snaplen(scap_t *h, uint32_t snaplen)
{
	struct bpf_eng *b;

	if (!h)
		return -EINVAL;
	b = bpf_of(h, "snaplen");
	if (!b)
		return -ENOTSUP;
	if (snaplen < 1 || snaplen > SCAP_ABI_SNAPLEN_MAX)
		return scap_err(h, -EINVAL, "bpf: snaplen %u outside 1..%u", snaplen,
				SCAP_ABI_SNAPLEN_MAX);
	__atomic_store_n(&b->skel->bss->scapbpf_cfg.snaplen, snaplen, __ATOMIC_RELAXED);
	return 0;
}

int scap_bpf_set_syscalls(scap_t *h, const uint64_t *bits, size_t nwords)
{
	__u64 *set;
	struct bpf_eng *b;
	size_t n;

	if (!h || !bits)
		return -EINVAL;
	b = bpf_of(h, "syscall set");
	if (!b)
		return -ENOTSUP;
	set = b->skel->bss->scapbpf_cfg.sc_set;
	n = sizeof(b->skel->bss->scapbpf_cfg.sc_set) / sizeof(set[0]);
	for (size_t i = 0; i < n; i++)
		__atomic_store_n(&set[i], i < nwords ? bits[i] : 0, __ATOMIC_RELAXED);
	return 0;
}

int scap_bpf_set_mode(scap_t *h, uint32_t mode)
{
	struct bpf_eng *b;

	if (!h)
		return -EINVAL;
	b = bpf_of(h, "capture mode");
	if (!b)
		return -ENOTSUP;
	if (mode & ~SCAP_KMOD_MODE_EXIT_ONLY)
		return scap_err(h, -EINVAL, "bpf: unknown mode bits %#x", mode);
	__atomic_store_n(&b->skel->bss->scapbpf_cfg.mode, mode, __ATOMIC_RELAXED);
	return 0;
}

int scap_bpf_set_exclude_tgid(scap_t *h, uint32_t tgid)
{
	struct bpf_eng *b;

	if (!h)
		return -EINVAL;
	b = bpf_of(h, "process filter");
	if (!b)
		return -ENOTSUP;
	__atomic_store_n(&b->skel->bss->scapbpf_cfg.exclude_tgid, tgid, __ATOMIC_RELAXED);
	return 0;
}

#else /* !SCRY_HAVE_BPF */

static int bpf_open(struct scap *h, const struct scap_open_opts *opts)
{
	return scap_err(h, -ENOTSUP,
			"this scry was built without the eBPF probe (bpftool, clang, libbpf or "
			"the kernel's BTF were missing at build time: see the CMake output); "
			"rebuild with them, or use the kernel module (--engine kmod)");
}

const struct scap_engine_ops scap_bpf_ops = {
	.name = "bpf",
	.open = bpf_open,
};

static int no_probe(scap_t *h)
{
	if (!h)
		return -EINVAL;
	return scap_err(h, -ENOTSUP, "engine %s is no bpf engine", h->ops->name);
}

int scap_bpf_get_stats(scap_t *h, struct scap_kmod_stats *out)
{
	return no_probe(h);
}

int scap_bpf_set_snaplen(scap_t *h, uint32_t snaplen)
{
	return no_probe(h);
}

int scap_bpf_set_syscalls(scap_t *h, const uint64_t *bits, size_t nwords)
{
	return no_probe(h);
}

int scap_bpf_set_mode(scap_t *h, uint32_t mode)
{
	return no_probe(h);
}

int scap_bpf_set_exclude_tgid(scap_t *h, uint32_t tgid)
{
	return no_probe(h);
}

#endif /* SCRY_HAVE_BPF */
