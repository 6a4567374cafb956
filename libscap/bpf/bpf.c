/* SPDX-License-Identifier: Apache-2.0 */
/*
 * bpf.c - the bpf engine: live events from scry's eBPF probe (driver/bpf/). Built
 * into its own library, scap_bpf (it needs libbpf and embeds the probe object), on the
 * public engine interface only (scry/scap_engine.h): no libscap internals.
 *
 * open loads the probe through its libbpf skeleton (embedded at build time), with one
 * ring and one scratch entry per possible CPU, attaches its tracepoint programs and
 * reads the initial system state (proc_scan.h), as the kmod engine does.
 * Capture starts with scap_start() (or at open with opts.start), by a flag in the
 * probe's .bss, which userspace maps and writes directly, as it does the snaplen, the
 * syscall set and the process to leave out (by default the one that opened the handle,
 * as the kmod engine does: scry/scap_live.h).
 *
 * The rings are the entries of one array map (struct scapbpf_ring, driver/bpf/scapbpf.h),
 * mapped whole, read-write: each holds the producer's position, the consumer's (ours)
 * and the CPU's counters, then the records, each a scap event padded to 8 bytes and
 * contiguous even where it wraps. next() merges the rings (merge.h) and returns the
 * oldest event in place; the record returned last is consumed (the consumer position
 * stored, with release order) on the following next(), so its memory stays valid until
 * then. While the initial state is read with the capture started (opts.start), the
 * records are moved aside after each process into a backlog per ring, read first (the
 * line "capturing" may come before the scan: a long scan must not fill the rings).
 * Statistics are read from the rings' headers.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sys/mman.h>

#include <scry/scap_bpf.h>
#include <scry/scap_engine.h>
#include <scry/scap_syscalls.h>

#define BPF_IDLE_NS 10000000L         /* sleep of next() when every ring is empty: 10 ms */

#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include <driver/bpf/scapbpf.h>
#include <driver/fill/table.h>
#include "probe.skel.h"
#include "counts.h"

/* Our side of one CPU's ring. */
struct bpf_ring {
	struct scapbpf_ring *rb;         /* in the mapping */
	uint64_t pos;                    /* bytes consumed (what rb->tail gets) */
	uint64_t off;                    /* pos modulo the ring size: the next record */
	uint64_t head;                   /* rb->head as loaded last */
	/* Records moved out of the ring while the initial state was read (opts.start), in
	 * order, each at its padded length; read before the ring. */
	struct scap_engine_backlog bl;
};

struct bpf_eng {
	struct scry_probe *skel;
	struct bpf_ring *rings;
	uint32_t nrings;
	uint64_t ring_bytes;
	void *map;                       /* the rings' mapping */
	size_t map_len;
	struct bpf_cnt cnt;              /* the per-process counters (counts.c) */
	int last;                        /* ring of the record returned last, -1 none */
	uint32_t last_adv;               /* its bytes in the ring, padding included */
	bool last_bl;                    /* it is in that ring's backlog */
};

/* libbpf prints through one global callback: messages go to the handle being opened
 * (with opts.log_loader), at debug level. */
static __thread scap_t *bpf_log_to;

__attribute__((format(printf, 2, 0)))
static int bpf_libbpf_print(enum libbpf_print_level level, const char *fmt, va_list ap)
{
	char msg[1024];

	if (!bpf_log_to)
		return 0;
	vsnprintf(msg, sizeof(msg), fmt, ap);
	msg[strcspn(msg, "\n")] = '\0';
	scap_engine_log(bpf_log_to, SCAP_LOG_DEBUG, "libbpf: %s", msg);
	return 0;
}

static void bpf_close(scap_t *h)
{
	struct bpf_eng *b = scap_engine_priv(h);

	if (!b)
		return;
	if (b->map)
		munmap(b->map, b->map_len);
	bpf_cnt_close(&b->cnt);
	if (b->skel)
		scry_probe__destroy(b->skel);
	for (uint32_t i = 0; b->rings && i < b->nrings; i++)
		scap_engine_backlog_free(&b->rings[i].bl);
	free(b->rings);
	free(b);
	scap_engine_set_priv(h, NULL);
}

/* CLOCK_REALTIME - CLOCK_BOOTTIME, ns: what turns the probe's clock into the epoch's. */
static uint64_t boot_to_epoch_ns(void)
{
	struct timespec rt, bt;

	clock_gettime(CLOCK_REALTIME, &rt);
	clock_gettime(CLOCK_BOOTTIME, &bt);
	return (uint64_t)(rt.tv_sec - bt.tv_sec) * 1000000000ULL + rt.tv_nsec - bt.tv_nsec;
}

/* The message for a probe that libbpf could not load: what went wrong. */
static int load_error(scap_t *h, int err, const char *what)
{
	if (err == -EPERM || err == -EACCES)
		return scap_engine_err(h, -EPERM, "capturing with the eBPF probe needs root "
				       "(CAP_BPF, CAP_PERFMON and CAP_SYS_RESOURCE)");
	return scap_engine_err(h, err < 0 ? err : -EINVAL,
			       "bpf: %s the eBPF probe failed (opts.log_loader passes libbpf's "
			       "and the verifier's messages to the log function)", what);
}

/* Map the rings of the loaded probe (the whole array, read-write). */
static int rings_map(scap_t *h, struct bpf_eng *b)
{
	int fd = bpf_map__fd(b->skel->maps.scapbpf_ring);
	void *p;

	b->map_len = (size_t)b->nrings * SCAPBPF_RING_VALUE;
	p = mmap(NULL, b->map_len, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (p == MAP_FAILED)
		return scap_engine_err(h, -errno, "bpf: mapping the rings (%zu bytes)", b->map_len);
	b->map = p;
	for (uint32_t i = 0; i < b->nrings; i++) {
		struct bpf_ring *r = &b->rings[i];

		r->rb = (struct scapbpf_ring *)((char *)p + (size_t)i * SCAPBPF_RING_VALUE);
		r->pos = __atomic_load_n(&r->rb->tail, __ATOMIC_RELAXED);
		r->off = r->pos % b->ring_bytes;
		r->head = r->pos;
	}
	return 0;
}

/* Run the probe's scapbpf_init program once for each native syscall number (and the
 * entry of the numbers out of range): it fills the per-syscall table the tracepoint
 * programs read (driver/bpf/scapbpf.h, struct scapbpf_sc). */
static int sc_table_init(scap_t *h, struct bpf_eng *b)
{
	int fd = bpf_program__fd(b->skel->progs.scapbpf_init);
	/* entries a side: the numbers 0..SCAPDRV_NR_MAX - 1, then the one out of range */
	uint32_t n = sizeof(b->skel->bss->scapbpf_sc[0]) / sizeof(b->skel->bss->scapbpf_sc[0][0]);
	__u64 args[1];
	LIBBPF_OPTS(bpf_test_run_opts, run, .ctx_in = args, .ctx_size_in = sizeof(args));

	for (uint32_t nr = 0; nr < n; nr++) {
		args[0] = nr;
		if (bpf_prog_test_run_opts(fd, &run) < 0)
			return scap_engine_err(h, -errno, "bpf: running the probe's table setup "
					       "(syscall %u)", nr);
		if (run.retval)
			return scap_engine_err(h, -EPROTO, "bpf: the probe's table setup refused "
					       "syscall %u", nr);
	}
	return 0;
}

/* The ring size asked for by opts.ring_bytes, or the default: the largest. */
static int ring_bytes(scap_t *h, uint64_t want, uint64_t *out)
{
	*out = SCAPBPF_RING_DATA_MAX;
	if (!want)
		return 0;
	if (want < 4096 || want % 4096 || want > SCAPBPF_RING_DATA_MAX)
		return scap_engine_err(h, -EINVAL, "bpf: ring_bytes %llu is not a multiple of "
				       "4096 in 4096..%u", (unsigned long long)want,
				       SCAPBPF_RING_DATA_MAX);
	*out = want;
	return 0;
}

/* Whether a record of @len bytes fits the ring's format with @avail bytes published. */
static bool rec_len_ok(uint32_t len, uint64_t avail)
{
	return len >= SCAP_ABI_EVT_HDR_LEN && len <= SCAPBPF_RING_SPILL && len <= avail;
}

/*
 * opts.start: the progress callback of the initial scan. Move every published record
 * of each ring into its backlog and hand the room back to the probe. A record that
 * does not look right is left in the ring, for next() to report; so is everything
 * when memory runs out (the ring then fills as it would have).
 */
static void drain_aside(void *ctx)
{
	struct bpf_eng *b = ctx;

	for (uint32_t i = 0; i < b->nrings; i++) {
		struct bpf_ring *r = &b->rings[i];
		uint64_t head = __atomic_load_n(&r->rb->head, __ATOMIC_ACQUIRE);
		struct scap_abi_evt_hdr hdr;

		while (r->pos < head) {
			const uint8_t *rec = r->rb->data + r->off;
			uint32_t adv;

			memcpy(&hdr, rec, sizeof(hdr));
			if (!rec_len_ok(hdr.len, head - r->pos))
				break;
			adv = (hdr.len + 7) & ~7u;
			if (scap_engine_backlog_add(&r->bl, rec, hdr.len, adv) < 0)
				break;
			r->pos += adv;
			r->off += adv;
			if (r->off >= b->ring_bytes)
				r->off -= b->ring_bytes;
		}
		r->head = head;
		__atomic_store_n(&r->rb->tail, r->pos, __ATOMIC_RELEASE);
	}
}

static int bpf_open(scap_t *h, const struct scap_open_opts *opts)
{
	struct bpf_program *prog;
	struct bpf_eng *b;
	uint16_t t;
	int rc, ncpus;
	uint64_t rb;

	if (access("/sys/kernel/btf/vmlinux", R_OK) != 0)
		return scap_engine_err(h, -ENOTSUP,
				"the running kernel has no BTF (/sys/kernel/btf/vmlinux, "
				"CONFIG_DEBUG_INFO_BTF): the eBPF probe cannot be loaded here");
	rc = ring_bytes(h, opts->ring_bytes, &rb);
	if (rc < 0)
		return rc;
	ncpus = libbpf_num_possible_cpus();
	if (ncpus <= 0)
		return scap_engine_err(h, ncpus < 0 ? ncpus : -EINVAL, "bpf: counting the possible CPUs");
	b = calloc(1, sizeof(*b));
	if (b)
		b->rings = calloc(ncpus, sizeof(*b->rings));
	if (!b || !b->rings) {
		free(b);
		return scap_engine_err(h, -ENOMEM, "bpf: %d rings", ncpus);
	}
	scap_engine_set_priv(h, b);
	b->nrings = ncpus;
	b->ring_bytes = rb;
	b->last = -1;

	libbpf_set_print(bpf_libbpf_print);
	bpf_log_to = opts->log_loader ? h : NULL;
	b->skel = scry_probe__open();
	if (!b->skel) {
		rc = load_error(h, -errno, "opening");
		goto err;
	}
	bpf_map__set_max_entries(b->skel->maps.scapbpf_ring, ncpus);
	bpf_map__set_max_entries(b->skel->maps.scapbpf_scratch, ncpus);
	bpf_map__set_max_entries(b->skel->maps.scapbpf_fdk, ncpus);
	bpf_map__set_max_entries(b->skel->maps.scapbpf_cnt_slot, ncpus);
	for (t = 0; t < SCAP_EVT_MAX; t++) {
		b->skel->rodata->scapbpf_nparams[t] = scap_evt_info(t)->nparams;
		b->skel->rodata->scapbpf_cnt_cls[t] = (__u8)scap_syscall_count_class(t);
		if (t % 2)
			b->skel->rodata->scapbpf_extra_np[t] =
				scapdrv_exit_extra_count(scap_evt_info(t), scap_evt_info(t - 1));
	}
	/* The filler programs are reached by tail call only; scapbpf_init is run once. */
	bpf_object__for_each_program(prog, b->skel->obj)
		if (!strncmp(bpf_program__name(prog), "scapbpf_fill", 12) ||
		    !strcmp(bpf_program__section_name(prog), "raw_tp"))
			bpf_program__set_autoattach(prog, false);
	rc = scry_probe__load(b->skel);
	if (rc) {
		rc = load_error(h, rc, "loading");
		goto err;
	}
	rc = rings_map(h, b);
	if (rc < 0)
		goto err;
	rc = bpf_cnt_open(h, &b->cnt, bpf_map__fd(b->skel->maps.scapbpf_cnt_slot),
			  bpf_map__fd(b->skel->maps.scapbpf_cnt), ncpus);
	if (rc < 0)
		goto err;
	rc = sc_table_init(h, b);
	if (rc < 0)
		goto err;
	b->skel->bss->scapbpf_cfg.ring_bytes = b->ring_bytes;
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
	if (opts->start) {
		__atomic_store_n(&b->skel->bss->scapbpf_cfg.capturing, 1, __ATOMIC_RELEASE);
		/* attached and capturing: every event from here on reaches a ring */
		scap_engine_capturing(h);
	}
	/* The probe leaves this process out: the scan's own syscalls fill no ring. The
	 * others' events are moved aside after each process read, so that the rings do
	 * not fill up during a long scan (the application may have said "capturing"). */
	rc = scap_engine_read_state(h, opts->start ? drain_aside : NULL, b);
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
	if (b->last_bl) {
		scap_engine_backlog_consume(&r->bl, b->last_adv);
		return;
	}
	r->pos += b->last_adv;
	r->off += b->last_adv;
	if (r->off >= b->ring_bytes)
		r->off -= b->ring_bytes;
	__atomic_store_n(&r->rb->tail, r->pos, __ATOMIC_RELEASE);
}

/* Whether ring @i has a published record; its timestamp in *@ts. */
static bool ring_peek(void *ctx, uint32_t i, uint64_t *ts)
{
	struct bpf_eng *b = ctx;
	struct bpf_ring *r = &b->rings[i];

	if (r->bl.off < r->bl.len) {
		memcpy(ts, r->bl.buf + r->bl.off, sizeof(*ts));
		return true;
	}
	if (r->pos == r->head)
		r->head = __atomic_load_n(&r->rb->head, __ATOMIC_ACQUIRE);
	if (r->pos == r->head)
		return false;
	memcpy(ts, r->rb->data + r->off, sizeof(*ts));
	return true;
}

static int bpf_next(scap_t *h, struct scap_evt_ref *out)
{
	struct bpf_eng *b = scap_engine_priv(h);
	struct scap_abi_evt_hdr hdr;
	const uint8_t *rec;
	struct bpf_ring *r;
	int best;

	release_last(b);
	best = scap_engine_merge_oldest(b->nrings, ring_peek, b, BPF_IDLE_NS);
	if (best < 0)
		return SCAP_TIMEOUT;
	r = &b->rings[best];
	b->last_bl = r->bl.off < r->bl.len;
	if (b->last_bl) {
		/* checked when moved aside */
		rec = r->bl.buf + r->bl.off;
		memcpy(&hdr, rec, sizeof(hdr));
	} else {
		rec = r->rb->data + r->off;
		memcpy(&hdr, rec, sizeof(hdr));
		if (!rec_len_ok(hdr.len, r->head - r->pos))
			return scap_engine_err(h, -EPROTO, "bpf: CPU %d: an event of %u bytes "
					"where %llu are published", best, hdr.len,
					(unsigned long long)(r->head - r->pos));
	}
	b->last = best;
	b->last_adv = (hdr.len + 7) & ~7u;
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

static int bpf_start(scap_t *h)
{
	struct bpf_eng *b = scap_engine_priv(h);

	b->skel->bss->scapbpf_cfg.boot_to_epoch_ns = boot_to_epoch_ns();
	__atomic_store_n(&b->skel->bss->scapbpf_cfg.capturing, 1, __ATOMIC_RELEASE);
	return 0;
}

static int bpf_stop(scap_t *h)
{
	struct bpf_eng *b = scap_engine_priv(h);

	__atomic_store_n(&b->skel->bss->scapbpf_cfg.capturing, 0, __ATOMIC_RELEASE);
	return 0;
}

/* Add the counters of ring @i to *out. */
static void bpf_ring_stats(const struct bpf_eng *b, uint32_t i, struct scap_stats *out)
{
	const struct scapbpf_counters *c = &b->rings[i].rb->cnt;

	out->n_evts += __atomic_load_n(&c->n_evts, __ATOMIC_RELAXED);
	out->n_drop_full += __atomic_load_n(&c->n_drop_full, __ATOMIC_RELAXED);
	out->n_drop_pf += __atomic_load_n(&c->n_drop_pf, __ATOMIC_RELAXED);
	out->n_drop_big += __atomic_load_n(&c->n_drop_big, __ATOMIC_RELAXED);
	out->n_drop_nest += __atomic_load_n(&c->n_drop_nest, __ATOMIC_RELAXED);
}

static int bpf_get_stats(scap_t *h, struct scap_stats *out)
{
	struct bpf_eng *b = scap_engine_priv(h);

	for (uint32_t i = 0; i < b->nrings; i++)
		bpf_ring_stats(b, i, out);
	out->n_count_lost = __atomic_load_n(&b->skel->bss->scapbpf_cnt_lost, __ATOMIC_RELAXED);
	out->ncpus = b->nrings;
	out->ring_bytes = b->ring_bytes;
	return 0;
}

static int bpf_get_cpu_stats(scap_t *h, uint32_t cpu, struct scap_stats *out)
{
	struct bpf_eng *b = scap_engine_priv(h);

	if (cpu >= b->nrings)
		return scap_engine_err(h, -EINVAL, "bpf: no ring for CPU %u (%u rings)", cpu,
				       b->nrings);
	bpf_ring_stats(b, cpu, out);
	out->ncpus = b->nrings;
	out->ring_bytes = b->ring_bytes;
	return 0;
}

/* The settings are fields of the probe's mapped .bss, read by each program run. */
static struct scapbpf_settings *bpf_cfg(scap_t *h)
{
	return &((struct bpf_eng *)scap_engine_priv(h))->skel->bss->scapbpf_cfg;
}

static int bpf_set_snaplen(scap_t *h, uint32_t bytes)
{
	__atomic_store_n(&bpf_cfg(h)->snaplen, bytes, __ATOMIC_RELAXED);
	return 0;
}

_Static_assert(sizeof(((struct scapbpf_settings *)0)->sc_set) ==
	       SCAP_SYSCALL_SET_WORDS * sizeof(__u64) &&
	       sizeof(((struct scapbpf_settings *)0)->tcp_skip) ==
	       SCAP_SYSCALL_SET_WORDS * sizeof(__u64), "the probe's syscall sets are the API's");

/* Store a syscall set in one of the probe's (a word at a time: the programs read it
 * while it changes). */
static int store_set(__u64 *set, const uint64_t *bits)
{
	for (size_t i = 0; i < SCAP_SYSCALL_SET_WORDS; i++)
		__atomic_store_n(&set[i], bits[i], __ATOMIC_RELAXED);
	return 0;
}

static int bpf_set_syscalls(scap_t *h, const uint64_t *bits)
{
	return store_set(bpf_cfg(h)->sc_set, bits);
}

static int bpf_set_tcp_skip(scap_t *h, const uint64_t *bits)
{
	return store_set(bpf_cfg(h)->tcp_skip, bits);
}

/*
 * Exit-only mode: the probe's sys_enter program is detached (its link destroyed), as
 * the module unhooks its enter tracepoint: an attached program that returns at once
 * still costs every syscall its call (~150 ns on the VM of bench/README.md). The mode
 * is stored first and the link destroyed after when it is set; the program attached
 * first and the mode cleared after when it is cleared (a syscall in flight then gets
 * an exit with its enter's parameters, which libscap reads either way).
 */
static int bpf_set_mode(scap_t *h, uint32_t mode)
{
	struct bpf_eng *b = scap_engine_priv(h);
	struct bpf_link **enter = &b->skel->links.scapbpf_sys_enter;
	struct bpf_link *l;

	if (mode & SCAP_ABI_MODE_EXIT_ONLY) {
		__atomic_store_n(&bpf_cfg(h)->mode, mode, __ATOMIC_RELAXED);
		if (*enter) {
			bpf_link__destroy(*enter);
			*enter = NULL;
		}
		return 0;
	}
	if (!*enter) {
		l = bpf_program__attach(b->skel->progs.scapbpf_sys_enter);
		if (!l)
			return scap_engine_err(h, -errno, "bpf: attaching sys_enter again");
		*enter = l;
	}
	__atomic_store_n(&bpf_cfg(h)->mode, mode, __ATOMIC_RELAXED);
	return 0;
}

static int bpf_set_exclude_tgid(scap_t *h, uint32_t tgid)
{
	__atomic_store_n(&bpf_cfg(h)->exclude_tgid, tgid, __ATOMIC_RELAXED);
	return 0;
}

/* ---- per-process counters (driver/bpf/counters.h) ---------------------------------- */

_Static_assert(SCAPBPF_CNT_CALL == SCAP_COUNT_CALL && SCAPBPF_CNT_RES == SCAP_COUNT_RES &&
	       SCAPBPF_CNT_READ == SCAP_COUNT_READ && SCAPBPF_CNT_WRITE == SCAP_COUNT_WRITE,
	       "the probe's counting classes are libscap's");

static int bpf_set_counting(scap_t *h, bool on)
{
	__atomic_store_n(&bpf_cfg(h)->counting, on ? 1 : 0, __ATOMIC_RELAXED);
	return 0;
}

static int bpf_counts_foreach(scap_t *h, scap_counts_fn fn, void *ctx)
{
	struct bpf_eng *b = scap_engine_priv(h);

	return bpf_cnt_foreach(h, &b->cnt, fn, ctx);
}

static int bpf_counts_delete(scap_t *h, uint32_t tgid)
{
	struct bpf_eng *b = scap_engine_priv(h);

	return bpf_cnt_delete(h, &b->cnt, tgid);
}

static const struct scap_engine_ops bpf_ops = {
	.sz = sizeof(struct scap_engine_ops),
	.name = "bpf",
	.open = bpf_open,
	.close = bpf_close,
	.next = bpf_next,
	.start = bpf_start,
	.stop = bpf_stop,
	.get_stats = bpf_get_stats,
	.get_cpu_stats = bpf_get_cpu_stats,
	.set_snaplen = bpf_set_snaplen,
	.set_syscalls = bpf_set_syscalls,
	.set_mode = bpf_set_mode,
	.set_exclude_tgid = bpf_set_exclude_tgid,
	.set_counting = bpf_set_counting,
	.set_tcp_skip = bpf_set_tcp_skip,
	.counts_foreach = bpf_counts_foreach,
	.counts_delete = bpf_counts_delete,
};

const struct scap_engine_ops *scap_bpf_engine(void)
{
	return &bpf_ops;
}
