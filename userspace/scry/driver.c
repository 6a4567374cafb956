/* SPDX-License-Identifier: Apache-2.0 */
/*
 * driver.c - scry --driver load|unload|status: the scry kernel module through libkmod.
 *
 *   scry --driver load [MODULE] [PARAM=VALUE ...]
 *        MODULE: a path to scry.ko, or a module name. Without it: the module "scry"
 *        installed for the running kernel (DKMS puts it under /lib/modules), else the
 *        scry.ko built beside this binary (BUILD/bin/scry -> BUILD/driver-kbuild/scry.ko).
 *        PARAM=VALUE: module parameters (ring_bytes=BYTES: data bytes of each CPU's ring).
 *   scry --driver unload      refused by the kernel while a capture holds a device
 *   scry --driver status      loaded or not, version, parameters, devices, ABI/schema
 *                             versions (when a device can be opened), open devices
 *
 * libkmod is opened with dlopen() by these commands only: linked into scry, it (and the
 * libcrypto, liblzma and libzstd it needs) would be loaded and relocated by every run,
 * a replay or a write included (about 6 ms of CPU time each). <libkmod.h> still gives
 * the prototypes, so each pointer below has the type of the function it stands for.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <libkmod.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/capability.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <scry/scap_abi.h>

#include "live.h"

#define MODNAME "scry"
#define SYSFS_MOD "/sys/module/" MODNAME
#define LIBKMOD_SONAME "libkmod.so.2"

/* The libkmod functions used here, resolved by kmod_open(). */
#define KMOD_FUNCS(X)							\
	X(kmod_new) X(kmod_unref)					\
	X(kmod_module_new_from_path) X(kmod_module_new_from_name)	\
	X(kmod_module_new_from_lookup) X(kmod_module_get_module)	\
	X(kmod_module_unref) X(kmod_module_unref_list)			\
	X(kmod_module_get_path) X(kmod_module_insert_module)		\
	X(kmod_module_remove_module) X(kmod_module_get_refcnt)		\
	X(kmod_module_get_initstate) X(kmod_module_initstate_str)

#define KMOD_POINTER(f) __typeof__(f) *f;
static struct {
	KMOD_FUNCS(KMOD_POINTER)
} libkmod;

/* dlopen() libkmod and fill @libkmod; false (message printed) when it cannot. */
static bool kmod_open(void)
{
	void *lib = dlopen(LIBKMOD_SONAME, RTLD_NOW | RTLD_LOCAL);

	if (!lib) {
		fprintf(stderr, "scry: --driver needs the library %s (%s): install the "
			"package libkmod2 (apt-get install libkmod2)\n", LIBKMOD_SONAME, dlerror());
		return false;
	}
#define KMOD_RESOLVE(f)							\
	if (!(*(void **)&libkmod.f = dlsym(lib, #f))) {			\
		fprintf(stderr, "scry: --driver: %s has no %s: install the package "	\
			"libkmod2 (apt-get install libkmod2)\n", LIBKMOD_SONAME, #f);	\
		dlclose(lib);						\
		return false;						\
	}
	KMOD_FUNCS(KMOD_RESOLVE)
#undef KMOD_RESOLVE
	return true;
}

static bool module_loaded(void)
{
	return access(SYSFS_MOD, F_OK) == 0;
}

/* First line of a small file into @buf ("" when unreadable). */
static const char *read_line(const char *path, char *buf, size_t cap)
{
	FILE *f = fopen(path, "re");

	buf[0] = '\0';
	if (f) {
		if (fgets(buf, (int)cap, f))
			buf[strcspn(buf, "\n")] = '\0';
		fclose(f);
	}
	return buf;
}

/* The scry.ko built beside this binary: BUILD/bin/scry -> BUILD/driver-kbuild/scry.ko. */
static bool build_tree_module(char *out, size_t cap)
{
	char self[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);

	if (n <= 0)
		return false;
	self[n] = '\0';
	char ko[PATH_MAX + 32];

	snprintf(ko, sizeof(ko), "%s/../driver-kbuild/scry.ko", dirname(self));
	return realpath(ko, out) != NULL && cap >= PATH_MAX && access(out, R_OK) == 0;
}

static void explain_load_error(int err, const char *what)
{
	switch (err) {
	case EPERM:
	case EACCES:
		fprintf(stderr, "scry: loading %s: permission denied: loading a kernel module "
			"needs root (CAP_SYS_MODULE); run scry --driver load as root\n", what);
		break;
	case ENOEXEC:
	case EINVAL:
		fprintf(stderr, "scry: loading %s: the kernel refused it (%s): it was probably "
			"built for another kernel than the running one (%s); rebuild it against "
			"this kernel's headers or install it with DKMS; see dmesg\n",
			what, strerror(err), "uname -r");
		break;
	case ENOENT:
		fprintf(stderr, "scry: loading %s: not found\n", what);
		break;
	case ENOSYS:
		fprintf(stderr, "scry: loading %s: this kernel cannot load modules (%s)\n", what,
			strerror(err));
		break;
	default:
		fprintf(stderr, "scry: loading %s: %s\n", what, strerror(err));
		break;
	}
}

static int driver_status(struct kmod_ctx *ctx);

/* Whether this process may load kernel modules (CAP_SYS_MODULE effective); true when
 * that cannot be told (the kernel then says). */
static bool may_load_modules(void)
{
	cap_flag_value_t v = CAP_CLEAR;
	cap_t caps = cap_get_proc();

	if (!caps)
		return true;
	if (cap_get_flag(caps, CAP_SYS_MODULE, CAP_EFFECTIVE, &v) != 0)
		v = CAP_SET;
	cap_free(caps);
	return v == CAP_SET;
}


static int driver_load(struct kmod_ctx *ctx, int argc, char **argv)
{
	char path[PATH_MAX], params[1024] = "";
	const char *given = NULL;
	struct kmod_module *mod = NULL;
	struct kmod_list *list = NULL;
	size_t plen = 0;
	int rc;

	for (int i = 0; i < argc; i++) {
		if (strchr(argv[i], '=')) {
			plen += (size_t)snprintf(params + plen, sizeof(params) - plen, "%s%s",
						 plen ? " " : "", argv[i]);
			if (plen >= sizeof(params)) {
				fprintf(stderr, "scry: --driver load: parameters too long\n");
				return 2;
			}
		} else if (!given) {
			given = argv[i];
		} else {
			fprintf(stderr, "scry: --driver load: one module only ('%s', '%s')\n",
				given, argv[i]);
			return 2;
		}
	}
	if (module_loaded()) {
		printf("the scry kernel module is already loaded\n");
		driver_status(ctx);
		return 0;
	}
	/* before looking for a module: without the right, where it is does not matter */
	if (!may_load_modules()) {
		fprintf(stderr, "scry: --driver load: loading a kernel module needs root "
			"(CAP_SYS_MODULE); run scry --driver load as root\n");
		return 1;
	}
	if (given && (strchr(given, '/') || strstr(given, ".ko"))) {
		rc = libkmod.kmod_module_new_from_path(ctx, given, &mod);
		if (rc < 0) {
			explain_load_error(-rc, given);
			return 1;
		}
		snprintf(path, sizeof(path), "%s", given);
	} else {
		const char *name = given ? given : MODNAME;

		/* installed for this kernel (DKMS, make modules_install)? */
		rc = libkmod.kmod_module_new_from_lookup(ctx, name, &list);
		if (rc == 0 && list) {
			mod = libkmod.kmod_module_get_module(list);
			libkmod.kmod_module_unref_list(list);
			if (mod && !libkmod.kmod_module_get_path(mod)) {
				libkmod.kmod_module_unref(mod);
				mod = NULL;
			}
		}
		if (mod) {
			snprintf(path, sizeof(path), "%s", libkmod.kmod_module_get_path(mod));
		} else if (!given && build_tree_module(path, sizeof(path))) {
			rc = libkmod.kmod_module_new_from_path(ctx, path, &mod);
			if (rc < 0) {
				explain_load_error(-rc, path);
				return 1;
			}
		} else {
			fprintf(stderr,
				"scry: no scry kernel module found: none is installed for this kernel "
				"(install it with DKMS: dkms install driver/) and no scry.ko was built "
				"beside this scry (cmake --build build --target driver); or give its "
				"path: scry --driver load PATH/scry.ko\n");
			return 1;
		}
	}
	rc = libkmod.kmod_module_insert_module(mod, 0, params[0] ? params : NULL);
	libkmod.kmod_module_unref(mod);
	if (rc == -EEXIST) {
		printf("the scry kernel module is already loaded\n");
		return 0;
	}
	if (rc < 0) {
		explain_load_error(-rc, path);
		return 1;
	}
	printf("loaded %s%s%s\n", path, params[0] ? " " : "", params);
	return driver_status(ctx);
}

static int driver_unload(struct kmod_ctx *ctx)
{
	struct kmod_module *mod;
	int rc, refs;

	if (!module_loaded()) {
		printf("the scry kernel module is not loaded\n");
		return 0;
	}
	rc = libkmod.kmod_module_new_from_name(ctx, MODNAME, &mod);
	if (rc < 0) {
		fprintf(stderr, "scry: unloading: %s\n", strerror(-rc));
		return 1;
	}
	refs = libkmod.kmod_module_get_refcnt(mod);
	rc = libkmod.kmod_module_remove_module(mod, 0);
	libkmod.kmod_module_unref(mod);
	if (rc == -EBUSY || rc == -EAGAIN) {
		fprintf(stderr, "scry: unloading: the scry kernel module is in use (%d open "
			"device%s): stop the capture that holds it first\n", refs,
			refs == 1 ? "" : "s");
		return 1;
	}
	if (rc == -EPERM || rc == -EACCES) {
		fprintf(stderr, "scry: unloading: permission denied: unloading a kernel module "
			"needs root (CAP_SYS_MODULE)\n");
		return 1;
	}
	if (rc < 0) {
		fprintf(stderr, "scry: unloading: %s\n", strerror(-rc));
		return 1;
	}
	printf("unloaded the scry kernel module\n");
	return 0;
}

/* Devices /dev/scryN present. */
static unsigned count_devices(void)
{
	unsigned n = 0;
	struct dirent *de;
	DIR *d = opendir("/dev");

	if (!d)
		return 0;
	while ((de = readdir(d))) {
		const char *p = de->d_name;

		if (strncmp(p, MODNAME, strlen(MODNAME)) != 0)
			continue;
		p += strlen(MODNAME);
		if (*p && strspn(p, "0123456789") == strlen(p))
			n++;
	}
	closedir(d);
	return n;
}

static int driver_status(struct kmod_ctx *ctx)
{
	struct scap_abi_versions v;
	struct kmod_module *mod;
	char buf[256];
	int fd, refs = -1;
	const char *state = "?";

	if (!module_loaded()) {
		printf("scry kernel module: not loaded (scry --driver load, as root)\n");
		return 1;
	}
	if (libkmod.kmod_module_new_from_name(ctx, MODNAME, &mod) == 0) {
		int st = libkmod.kmod_module_get_initstate(mod);

		state = st < 0 ? "?" : libkmod.kmod_module_initstate_str(st);
		refs = libkmod.kmod_module_get_refcnt(mod);
		libkmod.kmod_module_unref(mod);
	}
	printf("scry kernel module: loaded (%s)\n", state);
	printf("  version: %s\n", read_line(SYSFS_MOD "/version", buf, sizeof(buf))[0] ? buf : "?");
	printf("  srcversion: %s\n",
	       read_line(SYSFS_MOD "/srcversion", buf, sizeof(buf))[0] ? buf : "?");
	if (read_line(SYSFS_MOD "/parameters/ring_bytes", buf, sizeof(buf))[0])
		printf("  ring_bytes: %s per CPU\n", buf);
	printf("  devices: %u (/dev/scry0..)\n", count_devices());
	printf("  in use: %d open device%s\n", refs, refs == 1 ? "" : "s");
	fd = open("/dev/scry0", O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		printf("  ABI/schema: unknown (/dev/scry0: %s%s)\n", strerror(errno),
		       errno == EBUSY ? ": a capture is running" :
		       errno == EACCES ? ": root only" : "");
		return 0;
	}
	memset(&v, 0, sizeof(v));
	if (ioctl(fd, SCAP_ABI_IOC_GET_VERSIONS, &v) == 0) {
		bool ok = v.abi_major == SCAP_ABI_VERSION_MAJOR &&
			  v.schema_major == SCAP_SCHEMA_VERSION_MAJOR;

		printf("  ABI %u.%u, schema %u.%u (this scry: ABI %u.%u, schema %u.%u): %s\n",
		       v.abi_major, v.abi_minor, v.schema_major, v.schema_minor,
		       SCAP_ABI_VERSION_MAJOR, SCAP_ABI_VERSION_MINOR, SCAP_SCHEMA_VERSION_MAJOR,
		       SCAP_SCHEMA_VERSION_MINOR, ok ? "compatible" : "INCOMPATIBLE");
		printf("  CPUs: %u, ring data: %llu bytes each\n", v.ncpus,
		       (unsigned long long)v.data_size);
	}
	close(fd);
	return 0;
}

int scry_driver(const char *action, int argc, char **argv)
{
	struct kmod_ctx *ctx;
	int rc;

	if (strcmp(action, "load") && strcmp(action, "unload") && strcmp(action, "status")) {
		fprintf(stderr, "scry: --driver %s: expected load, unload or status\n", action);
		return 2;
	}
	if (strcmp(action, "load") && argc > 0) {
		fprintf(stderr, "scry: --driver %s takes no argument\n", action);
		return 2;
	}
	if (!kmod_open())
		return 1;
	ctx = libkmod.kmod_new(NULL, NULL);
	if (!ctx) {
		fprintf(stderr, "scry: libkmod: cannot initialize\n");
		return 1;
	}
	if (strcmp(action, "load") == 0)
		rc = driver_load(ctx, argc, argv);
	else if (strcmp(action, "unload") == 0)
		rc = driver_unload(ctx);
	else
		rc = driver_status(ctx);
	libkmod.kmod_unref(ctx);
	fflush(stdout);
	return rc;
}
