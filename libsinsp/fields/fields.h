/* SPDX-License-Identifier: Apache-2.0 */
/*
 * fields.h - the field catalog (evt.*, proc.*, thread.*, user.*, group.*,
 * container.*, fd.*, fdlist.*, syslog.*, k8s.*) and extraction of a field's value from an
 * event.
 *
 * Layout: fields.c holds the catalog, the parser of field names and the dispatch;
 * the values come from one extractor per class: fields_evt.c (evt.*, syscall.type),
 * fields_proc.c (proc.*, thread.*, user.*, group.*), fields_fd.c (fd.*),
 * fields_container.c (container.*), fields_fdlist.c (fdlist.*), fields_syslog.c
 * (syslog.*) and fields_k8s.c (k8s.*). Extractors produce a typed value (struct
 * field_val); fields.c turns it into text as sysdig 0.29.3 prints it, or hands the
 * number to a filter without formatting (sinsp_field_extract_num()).
 *
 * For the filter language:
 *  - def->type is the type sysdig gives the value (SCAP_PT_*): it decides how a filter
 *    value is parsed and compared (width and signedness of numbers: SCAP_PT_INT16/32/64
 *    signed; SCAP_PT_UINT*, SCAP_PT_PORT, SCAP_PT_RELTIME, SCAP_PT_ABSTIME unsigned;
 *    SCAP_PT_BOOL; SCAP_PT_IPADDR/IPNET addresses; SCAP_PT_CHARBUF/BYTEBUF text).
 *    evt.rawarg takes the type of the named parameter: sinsp_field_type(ref).
 *  - FIELD_F_FILTER_ONLY fields (fd.ip, fd.port, fd.proto, fd.net, fd.cnet, fd.snet,
 *    fd.lnet, fd.rnet, evt.around) cannot be displayed. A filter compares fd.ip,
 *    fd.port, fd.proto and fd.net with sinsp_field_match_any() (any of the fd's
 *    addresses/ports); fd.cnet / fd.snet / fd.lnet / fd.rnet extract the address of
 *    fd.cip / fd.sip / fd.lip / fd.rip; evt.around is computed by the filter.
 *  - proc.apid and proc.aname without an argument match any ancestor in a filter
 *    (sinsp_field_match_any()).
 */
#ifndef SINSP_FIELDS_H
#define SINSP_FIELDS_H

#include "util/hashmap.h"
#include "util/strbuf.h"
#include "event/event.h"
#include "state/threads.h"
#include "state/fdtable.h"
#include "fields/render.h"

enum field_kind {
	FIELD_STR,   /* JSON string */
	FIELD_NUM,   /* JSON number */
	FIELD_BOOL,  /* printed true/false, JSON boolean */
};

/* The class a field belongs to: selects its extractor. */
enum field_class {
	FIELD_CLASS_EVT,
	FIELD_CLASS_PROC,        /* proc.*, thread.*, user.*, group.* */
	FIELD_CLASS_FD,
	FIELD_CLASS_CONTAINER,
	FIELD_CLASS_FDLIST,
	FIELD_CLASS_SYSLOG,
	FIELD_CLASS_K8S,
};

/* field_def.flags */
#define FIELD_F_FILTER_ONLY 0x01u  /* usable in filters only (sysdig refuses it in -p) */
#define FIELD_F_ARG_BRACKET 0x02u  /* argument in brackets only: name[arg] */
#define FIELD_F_ARG_DOT     0x04u  /* argument after a dot only: name.arg */

struct field_def {
	const char *name;       /* "proc.name" */
	int id;                 /* per-class field id (fields.h enum field_id) */
	enum field_kind kind;
	bool arg;               /* takes an argument: name[arg] or name.arg */
	bool arg_required;
	const char *desc;       /* one line for scry -l */
	uint8_t cls;            /* enum field_class */
	uint8_t type;           /* SCAP_PT_* of the value, as sysdig types it */
	uint8_t pf;             /* SCAP_PF_* print format of numbers */
	uint8_t flags;          /* FIELD_F_* */
};

struct field_scratch;

/* field_ref.aux of evt.type.is: the type given by number matches only itself */
#define FIELD_AUX_EXACT 0x40000000

/* A field reference compiled from a format or filter. */
struct field_ref {
	const struct field_def *def;
	char *arg;              /* malloc'd argument or NULL */
	int argnum;             /* numeric argument, -1 when none */
	/* precomputed at parse time (fields.c) */
	int32_t aux;            /* per field: event type of evt.type.is, abspath variant, ... */
	int8_t *param_idx;      /* evt.arg.NAME / evt.rawarg.NAME: index of NAME per event
	                           type (SCAP_EVT_MAX entries, -1 none); malloc'd or NULL */
	struct field_scratch *scratch; /* buffers and state reused across extractions */
	bool filter;            /* extracted for a filter (set by the filter compiler): the
	                           values sysdig compares there although it prints <NA>
	                           (evt.rawarg of any type) */
};

/*
 * Parse a field name at s (longest match in the catalog), with its argument
 * ("evt.arg.fd", "evt.arg[0]", "proc.aname[2]"). On success fills out and returns
 * the bytes consumed; 0 when no field starts at s (out is then left without
 * allocations). Free with sinsp_field_ref_free().
 *
 * As sysdig: the name after evt.arg. / evt.rawarg. is the longest parameter name
 * (of any event) that starts the text there, so "evt.arg.fdx" consumes "evt.arg.fd";
 * a text that starts with no parameter name is no field (0). The bracket argument
 * of evt.around must be a number.
 */
size_t sinsp_field_parse(const char *s, struct field_ref *out);

/*
 * A field's text on evt without a copy, what sinsp_field_extract() would append: 1 and
 * *s set (NUL terminated, owned by the state: valid until the state next changes, i.e.
 * during this event's evaluation) with *len its length in bytes (kept by the state: no
 * strlen() per event); 0 the field does not resolve on evt (extract would return
 * false), -1 no view here: extract it.
 */
typedef int (*sinsp_field_view_fn)(struct sinsp_evt *evt, const char **s, size_t *len);
/*
 * sinsp_field_view_of() - r's view when it has one (proc.name, fd.name: the fields
 * filters compare most, held as is by the state), NULL otherwise; taken once, when a
 * filter is compiled, and called for each event.
 */
sinsp_field_view_fn sinsp_field_view_of(const struct field_ref *r);
void sinsp_field_ref_free(struct field_ref *r);

/*
 * Append the value of the field for evt to out, as sysdig prints it in text (bf
 * SINSP_BUF_NORMAL) or JSON (SINSP_BUF_JSON: the text of the value; numbers and
 * booleans are bare). Returns false when the field does not resolve for this event
 * (sysdig prints <NA>, JSON null); out is then unchanged. No allocation once out and
 * the ref's scratch buffers have grown.
 */
bool sinsp_field_extract(struct sinsp_evt *evt, const struct field_ref *r,
			 enum sinsp_buf_fmt bf, struct strbuf *out);

/**
 * sinsp_field_extract_num() - the value of a numeric or boolean field, without text
 * formatting (the filter's fast path).
 * @evt:         [in] event.
 * @r:           [in] parsed field; its def->kind must be FIELD_NUM or FIELD_BOOL
 *               (string fields return false).
 * @out:         [out] the value: signed fields sign-extended from their width
 *               (def->type); unsigned ones zero-extended (read as uint64_t through the
 *               cast when *is_unsigned); booleans 0 or 1.
 * @is_unsigned: [out] true when the value is unsigned (compare as uint64_t).
 * Return: false when the field does not resolve for this event (sysdig's NULL value:
 * a filter check on it is false). evt.type.is resolves to 0/1 here although its text
 * is always <NA> in sysdig's output.
 */
bool sinsp_field_extract_num(struct sinsp_evt *evt, const struct field_ref *r, int64_t *out,
			     bool *is_unsigned);

/* Index of the parameter an evt.arg / evt.rawarg ref names for evt, -1 when none. */
int sinsp_fields_evt_arg_index(const struct sinsp_evt *evt, const struct field_ref *r);

/* SCAP_PT_* type of the value of r (for evt.rawarg: the parameter's type). */
uint8_t sinsp_field_type(const struct field_ref *r);

/*
 * Whether r is compared through sinsp_field_match_any() in a filter: fd.ip, fd.port,
 * fd.proto, fd.net, and proc.apid / proc.aname without an argument.
 */
bool sinsp_field_is_multi(const struct field_ref *r);

/* sinsp_field_match_any() results */
enum sinsp_match { SINSP_MATCH_NONE = -1, SINSP_MATCH_NO = 0, SINSP_MATCH_YES = 1 };

/*
 * The "any of several values" comparisons of a filter (sinsp_field_is_multi()). cb
 * is called with each candidate value as NUL-terminated text (addresses as sysdig
 * prints them, ports and pids in decimal) until it returns true. fd.ip / fd.net:
 * the client and server addresses of a connection, the address of a listening
 * socket; fd.port / fd.proto: the ports, likewise. proc.apid / proc.aname: the pid or
 * name of each ancestor of the process, from its parent up (not the process itself),
 * as sysdig walks them. No allocation.
 * Return: SINSP_MATCH_YES when cb returned true for a candidate, SINSP_MATCH_NO when
 * it did for none, SINSP_MATCH_NONE when there was no candidate to call it with.
 */
typedef bool (*sinsp_field_cand_fn)(void *ctx, const char *val, size_t len);
enum sinsp_match sinsp_field_match_any(struct sinsp_evt *evt, const struct field_ref *r,
				       sinsp_field_cand_fn cb, void *ctx);

/* The catalog, NULL-name terminated. */
/* Entries of sinsp_field_defs at most (fields.c checks it at compile time): the size of
 * the public catalog's table (sinsp_field_info_get()). */
#define SINSP_FIELD_DEFS_MAX 512
extern const struct field_def sinsp_field_defs[];

/* ---- internal: between fields.c and the per-class extractors -------------------- */

/* A typed value produced by an extractor. */
enum field_val_type {
	FV_S64,     /* v.s */
	FV_U64,     /* v.u */
	FV_BOOL,    /* v.u 0/1 */
	FV_DOUBLE,  /* v.d */
	FV_TEXT,    /* appended to the out buffer by the extractor */
	FV_IPV4,    /* v.ip4, network order */
	FV_IPV6,    /* v.ip6 */
};

struct field_val {
	enum field_val_type t;
	union {
		int64_t s;
		uint64_t u;
		double d;
		uint32_t ip4;
		const uint8_t *ip6;
	} v;
};

/* Store a number or a truth value in *v; true (the value resolved), for `return`. */
static inline bool sinsp_fv_s64(struct field_val *v, int64_t x)
{
	v->t = FV_S64;
	v->v.s = x;
	return true;
}

static inline bool sinsp_fv_u64(struct field_val *v, uint64_t x)
{
	v->t = FV_U64;
	v->v.u = x;
	return true;
}

static inline bool sinsp_fv_bool(struct field_val *v, bool b)
{
	v->t = FV_BOOL;
	v->v.u = b;
	return true;
}

/* Text s appended to out as the value; NULL or "" does not resolve (false). */
static inline bool sinsp_fv_text(struct field_val *v, struct strbuf *out, const char *s)
{
	if (!s || !*s)
		return false;
	v->t = FV_TEXT;
	strbuf_adds(out, s);
	return true;
}

/* Reused buffers of one field ref (allocated at parse time, grown once). */
struct field_scratch {
	struct strbuf a, b;
	uint64_t prev_ts;        /* evt.deltatime*: ts of the previous extraction, 0 none */
	uint64_t *cpu_switch_ts; /* thread.exectime: last switch ts per CPU */
	uint32_t ncpus;
	struct hashmap tot;      /* thread.totexectime: tid -> accumulated ns (+1 offset) */
	uint64_t time_sec;       /* evt.time & co: second whose text time_txt holds */
	char time_txt[40];
	uint8_t time_len;        /* 0: nothing cached */
};

/*
 * The typed value of field r for evt as its extractor produces it (the source of both
 * the text of sinsp_field_extract() and the public typed value of api_fields.c): text
 * values are appended to out (v->t FV_TEXT). False when the field does not resolve (out
 * may then hold partial text: restore its length).
 */
bool sinsp_field_extract_val(struct sinsp_evt *evt, const struct field_ref *r, enum sinsp_buf_fmt bf,
			     struct field_val *v, struct strbuf *out);

/*
 * Each extractor fills *v for field r of evt. Text values are appended to out (which
 * may hold earlier text: append only) with v->t = FV_TEXT. Return false when the
 * field does not resolve; out must then be unchanged (restore its length).
 */
bool sinsp_fields_evt(struct sinsp_evt *evt, const struct field_ref *r, enum sinsp_buf_fmt bf,
		      struct field_val *v, struct strbuf *out);
bool sinsp_fields_proc(struct sinsp_evt *evt, const struct field_ref *r, struct field_val *v,
		       struct strbuf *out);
/*
 * The text of fd.name / proc.name on evt without a copy (sinsp_field_view_fn): 1 and *s
 * set (NUL terminated, owned by the state) with *len its length (kept by the state:
 * sinsp_fd.name_len, sinsp_thread.comm_len), 0 the field does not resolve, -1 extract it.
 */
int sinsp_fields_fd_name_view(struct sinsp_evt *evt, const char **s, size_t *len);
int sinsp_fields_proc_name_view(struct sinsp_evt *evt, const char **s, size_t *len);
/* evt.type's text in place (a static name), always 1 (fields_evt.c) */
int sinsp_fields_evt_type_view(struct sinsp_evt *evt, const char **s, size_t *len);
bool sinsp_fields_fd(struct sinsp_evt *evt, const struct field_ref *r, struct field_val *v,
		     struct strbuf *out);
/* The thread whose tid is t's ptid (its parent), NULL when unknown (fields_proc.c). */
struct sinsp_thread *sinsp_fields_parent(struct sinsp *s, const struct sinsp_thread *t);
/* The n-th ancestor of t's process (0: its main thread), NULL when unknown (fields_proc.c). */
struct sinsp_thread *sinsp_fields_ancestor(struct sinsp *s, struct sinsp_thread *t, int n);
/* The fields of fields_proc_exe.c (ids F_PROC_PEXE .. F_THREAD_CAP_INHERITABLE). */
bool sinsp_fields_proc_exe(struct sinsp_evt *evt, const struct field_ref *r, struct field_val *v,
			   struct strbuf *out);
bool sinsp_fields_container(struct sinsp_evt *evt, const struct field_ref *r,
			    struct field_val *v, struct strbuf *out);

/* Whether @f is an IP socket, connected or listening (fields_fd.c). */
bool sinsp_fields_fd_is_ip(const struct sinsp_fd *f);
/* The client (@client) or server address of IP socket @f as fd.cip / fd.sip take it (a
 * listening socket: its own address either way) into *v; returns true. */
bool sinsp_fields_fd_ip(const struct sinsp_fd *f, bool client, struct field_val *v);
/* The client or server port of IP socket @f, likewise. */
uint16_t sinsp_fields_fd_port(const struct sinsp_fd *f, bool client);
/* fdlist.* (fields_fdlist.c) and syslog.* (fields_syslog.c). */
bool sinsp_fields_fdlist(struct sinsp_evt *evt, const struct field_ref *r, struct field_val *v,
			 struct strbuf *out);
bool sinsp_fields_syslog(struct sinsp_evt *evt, const struct field_ref *r, struct field_val *v,
			 struct strbuf *out);
/* k8s.* (fields_k8s.c). */
bool sinsp_fields_k8s(struct sinsp_evt *evt, const struct field_ref *r, struct field_val *v,
		      struct strbuf *out);

/* sinsp_field_match_any() of fd.ip / fd.port / fd.proto / fd.net (fields_fd.c). */
enum sinsp_match sinsp_fields_fd_match_any(struct sinsp_evt *evt, const struct field_ref *r,
					   sinsp_field_cand_fn cb, void *ctx);
/* sinsp_field_match_any() of proc.apid / proc.aname (fields_proc.c). */
enum sinsp_match sinsp_fields_proc_match_any(struct sinsp_evt *evt, const struct field_ref *r,
					     sinsp_field_cand_fn cb, void *ctx);

/* Container id of a thread as container.id prints it ("host" outside containers). */
const char *sinsp_fields_container_id(const struct sinsp_thread *t);

/* Field ids, per class (field_def.id). */
enum field_id {
	/* evt */
	F_EVT_NUM, F_EVT_TIME, F_EVT_TIME_S, F_EVT_TIME_ISO8601, F_EVT_DATETIME,
	F_EVT_DATETIME_S, F_EVT_RAWTIME, F_EVT_RAWTIME_S, F_EVT_RAWTIME_NS, F_EVT_RELTIME,
	F_EVT_RELTIME_S, F_EVT_RELTIME_NS, F_EVT_PLUGINNAME, F_EVT_PLUGININFO, F_EVT_OUTPUTTIME,
	F_EVT_LATENCY, F_EVT_LATENCY_S, F_EVT_LATENCY_NS, F_EVT_LATENCY_HUMAN, F_EVT_DELTATIME,
	F_EVT_DELTATIME_S, F_EVT_DELTATIME_NS, F_EVT_DIR, F_EVT_TYPE, F_EVT_TYPE_IS,
	F_SYSCALL_TYPE, F_EVT_CATEGORY, F_EVT_CPU, F_EVT_ARGS, F_EVT_ARG, F_EVT_RAWARG,
	F_EVT_INFO, F_EVT_BUFFER, F_EVT_BUFLEN, F_EVT_RES, F_EVT_RAWRES, F_EVT_FAILED,
	F_EVT_IS_IO, F_EVT_IS_IO_READ, F_EVT_IS_IO_WRITE, F_EVT_IO_DIR, F_EVT_IS_WAIT,
	F_EVT_WAIT_LATENCY, F_EVT_IS_SYSLOG, F_EVT_COUNT, F_EVT_COUNT_ERROR,
	F_EVT_COUNT_ERROR_FILE, F_EVT_COUNT_ERROR_NET, F_EVT_COUNT_ERROR_MEMORY,
	F_EVT_COUNT_ERROR_OTHER, F_EVT_COUNT_EXIT, F_EVT_AROUND, F_EVT_ABSPATH,
	F_EVT_IS_OPEN_READ, F_EVT_IS_OPEN_WRITE, F_EVT_IS_OPEN_EXEC, F_EVT_HOST,
	/* proc, thread, user, group */
	F_PROC_PID, F_PROC_EXE, F_PROC_NAME, F_PROC_ARGS, F_PROC_ENV, F_PROC_CMDLINE,
	F_PROC_EXELINE, F_PROC_CWD, F_PROC_NTHREADS, F_PROC_NCHILDS, F_PROC_PPID, F_PROC_PNAME,
	F_PROC_PCMDLINE, F_PROC_APID, F_PROC_ANAME, F_PROC_LOGINSHELLID, F_PROC_DURATION,
	F_PROC_FDOPENCOUNT, F_PROC_FDLIMIT, F_PROC_FDUSAGE, F_PROC_VMSIZE, F_PROC_VMRSS,
	F_PROC_VMSWAP, F_THREAD_PFMAJOR, F_THREAD_PFMINOR, F_THREAD_TID, F_THREAD_ISMAIN,
	F_THREAD_EXECTIME, F_THREAD_TOTEXECTIME, F_THREAD_CGROUPS, F_THREAD_CGROUP,
	F_THREAD_VTID, F_PROC_VPID, F_THREAD_CPU, F_THREAD_CPU_USER, F_THREAD_CPU_SYSTEM,
	F_THREAD_VMSIZE, F_THREAD_VMRSS, F_PROC_SID, F_PROC_SNAME, F_PROC_TTY, F_PROC_EXEPATH,
	F_PROC_VPGID, F_PROC_IS_HEALTHCHECK, F_PROC_IS_LIVENESS, F_PROC_IS_READINESS,
	F_PROC_IS_EXE_WRITABLE,
	/* fields_proc_exe.c */
	F_PROC_PEXE, F_PROC_PEXEPATH, F_PROC_AEXE, F_PROC_AEXEPATH, F_PROC_EXE_INO,
	F_PROC_EXE_INO_CTIME, F_PROC_EXE_INO_MTIME, F_PROC_EXE_INO_CTIME_DURATION,
	F_PROC_IS_EXE_FROM_MEMFD, F_PROC_IS_EXE_UPPER_LAYER, F_PROC_IS_VPGID_LEADER,
	F_PROC_VPGID_NAME, F_PROC_VPGID_EXE, F_PROC_VPGID_EXEPATH, F_PROC_PPID_DURATION,
	F_THREAD_CAP_PERMITTED, F_THREAD_CAP_EFFECTIVE, F_THREAD_CAP_INHERITABLE,
	F_USER_UID, F_USER_NAME, F_USER_HOMEDIR, F_USER_SHELL, F_USER_LOGINUID,
	F_USER_LOGINNAME, F_GROUP_GID, F_GROUP_NAME,
	/* container */
	F_CONT_ID, F_CONT_NAME, F_CONT_IMAGE, F_CONT_IMAGE_ID, F_CONT_TYPE, F_CONT_PRIVILEGED,
	F_CONT_MOUNTS, F_CONT_MOUNT, F_CONT_MOUNT_SOURCE, F_CONT_MOUNT_DEST, F_CONT_MOUNT_MODE,
	F_CONT_MOUNT_RDWR, F_CONT_MOUNT_PROPAGATION, F_CONT_IMAGE_REPO, F_CONT_IMAGE_TAG,
	F_CONT_IMAGE_DIGEST, F_CONT_HEALTHCHECK, F_CONT_LIVENESS, F_CONT_READINESS,
	F_CONT_START_TS,
	/* fd */
	F_FD_NUM, F_FD_TYPE, F_FD_TYPECHAR, F_FD_NAME, F_FD_DIRECTORY, F_FD_FILENAME, F_FD_IP,
	F_FD_CIP, F_FD_SIP, F_FD_LIP, F_FD_RIP, F_FD_PORT, F_FD_CPORT, F_FD_SPORT, F_FD_LPORT,
	F_FD_RPORT, F_FD_L4PROTO, F_FD_SOCKFAMILY, F_FD_IS_SERVER, F_FD_UID, F_FD_CONTAINERNAME,
	F_FD_CONTAINERDIRECTORY, F_FD_PROTO, F_FD_CPROTO, F_FD_SPROTO, F_FD_LPROTO, F_FD_RPROTO,
	F_FD_NET, F_FD_CNET, F_FD_SNET, F_FD_LNET, F_FD_RNET, F_FD_CONNECTED, F_FD_NAME_CHANGED,
	F_FD_CIP_NAME, F_FD_SIP_NAME, F_FD_LIP_NAME, F_FD_RIP_NAME, F_FD_DEV, F_FD_DEV_MAJOR,
	F_FD_DEV_MINOR, F_FD_NAMERAW,
	/* fdlist */
	F_FDLIST_NUMS, F_FDLIST_NAMES, F_FDLIST_CIPS, F_FDLIST_SIPS, F_FDLIST_CPORTS,
	F_FDLIST_SPORTS,
	/* syslog */
	F_SYSLOG_FACILITY_STR, F_SYSLOG_FACILITY, F_SYSLOG_SEVERITY_STR, F_SYSLOG_SEVERITY,
	F_SYSLOG_MESSAGE,
	/* k8s */
	F_K8S_POD_NAME, F_K8S_POD_ID, F_K8S_POD_LABEL, F_K8S_POD_LABELS, F_K8S_NS_NAME,
	F_K8S_POD_UID, F_K8S_POD_SANDBOX_ID, F_K8S_POD_FULL_SANDBOX_ID, F_K8S_POD_IP,
};

#endif
