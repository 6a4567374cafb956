// SPDX-License-Identifier: GPL-2.0 OR MIT
/*
 * main.c - scry.ko: module parameters, the /dev/scryN character devices (one per
 * possible CPU, each the reader side of that CPU's ring), mmap and ioctls.
 *
 * Device nodes get mode 0600 root:root from devtmpfs (no udev rule widens them).
 * One reader per device at a time (-EBUSY otherwise); the first START registers the
 * tracepoints, STOP or the last close unregisters them. An open device holds a
 * reference on the module, so it cannot be unloaded under a reader.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/cdev.h>
#include <linux/cpumask.h>
#include <linux/fs.h>
#include <linux/log2.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/percpu.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#include "scry.h"
#include "compat/dev.h"

static unsigned long ring_bytes = 4 << 20;
module_param(ring_bytes, ulong, 0444);
MODULE_PARM_DESC(ring_bytes, "bytes of each CPU's ring, a power of two >= 64 KiB (default 4 MiB)");

struct scapdrv_settings scapdrv_cfg;

static struct scapdrv_ring *rings;     /* nr_cpu_ids entries, possible CPUs allocated */
static struct cdev cdev;
static dev_t devt;
static struct class *dev_class;
static atomic_t n_open = ATOMIC_INIT(0);
static DEFINE_PER_CPU(char *, scratch);

struct scapdrv_ring *scapdrv_ring_of_cpu(int cpu)
{
	return &rings[cpu];
}

char *scapdrv_scratch(void)
{
	return this_cpu_read(scratch);
}

static int dev_open(struct inode *inode, struct file *f)
{
	unsigned int cpu = iminor(inode);
	struct scapdrv_ring *r;

	if (cpu >= nr_cpu_ids || !cpu_possible(cpu))
		return -ENXIO;
	r = &rings[cpu];
	if (atomic_cmpxchg(&r->opened, 0, 1))
		return -EBUSY;
	scapdrv_ring_reset(r);
	smp_store_release(&r->active, 1);
	atomic_inc(&n_open);
	f->private_data = r;
	return 0;
}

static int dev_release(struct inode *inode, struct file *f)
{
	struct scapdrv_ring *r = f->private_data;

	WRITE_ONCE(r->active, 0);
	if (atomic_dec_and_test(&n_open))
		scapdrv_tp_stop();
	/* Probes run with preemption off: after this no producer is inside this ring. */
	synchronize_rcu();
	atomic_set(&r->opened, 0);
	return 0;
}

static int dev_mmap(struct file *f, struct vm_area_struct *vma)
{
	struct scapdrv_ring *r = f->private_data;
	unsigned long len = vma->vm_end - vma->vm_start;
	u64 data_size = r->mask + 1;

	if (vma->vm_pgoff == 0 && len == SCAP_ABI_RING_CTL_LEN)
		return vm_insert_page(vma, vma->vm_start, r->ctl_page);
	if (vma->vm_pgoff == SCAP_ABI_RING_CTL_LEN >> PAGE_SHIFT && len == 2 * data_size) {
		if (vma->vm_flags & VM_WRITE)
			return -EPERM;
		scapdrv_vma_clear_flags(vma, VM_MAYWRITE);
		return vm_map_pages_zero(vma, r->pages, 2 * r->npages);
	}
	return -EINVAL;
}

static long dev_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	struct scapdrv_ring *r = f->private_data;
	struct scap_abi_versions v;
	struct scap_abi_sc_set set;
	unsigned int i;

	switch (cmd) {
	case SCAP_ABI_IOC_GET_VERSIONS:
		memset(&v, 0, sizeof(v));
		v.abi_major = SCAP_ABI_VERSION_MAJOR;
		v.abi_minor = SCAP_ABI_VERSION_MINOR;
		v.schema_major = SCAP_SCHEMA_VERSION_MAJOR;
		v.schema_minor = SCAP_SCHEMA_VERSION_MINOR;
		v.ncpus = nr_cpu_ids;
		v.data_size = r->mask + 1;
		return copy_to_user((void __user *)arg, &v, sizeof(v)) ? -EFAULT : 0;
	case SCAP_ABI_IOC_START:
		return scapdrv_tp_start();
	case SCAP_ABI_IOC_STOP:
		scapdrv_tp_stop();
		return 0;
	case SCAP_ABI_IOC_SET_SNAPLEN:
		if (arg < 1 || arg > SCAP_ABI_SNAPLEN_MAX)
			return -EINVAL;
		WRITE_ONCE(scapdrv_cfg.snaplen, arg);
		return 0;
	case SCAP_ABI_IOC_SET_SYSCALLS:
		if (copy_from_user(&set, (void __user *)arg, sizeof(set)))
			return -EFAULT;
		for (i = 0; i < SCAP_ABI_SC_SET_BITS; i++)
			assign_bit(i, scapdrv_cfg.sc_set, set.bits[i / 64] & (1ULL << (i % 64)));
		return 0;
	case SCAP_ABI_IOC_SET_MODE:
		if (arg & ~(unsigned long)SCAP_ABI_MODE_ALL)
			return -EINVAL;
		return scapdrv_tp_set_mode(arg);
	case SCAP_ABI_IOC_SET_TRACEPOINTS:
		if (arg & ~(unsigned long)SCAP_ABI_TP_ALL)
			return -EINVAL;
		return scapdrv_tp_set_optional(arg);
	case SCAP_ABI_IOC_SET_EXCLUDE_TGID:
		if (arg > PID_MAX_LIMIT)
			return -EINVAL;
		WRITE_ONCE(scapdrv_cfg.exclude_tgid, (pid_t)arg);
		return 0;
	default:
		return -ENOTTY;
	}
}

static const struct file_operations dev_fops = {
	.owner = THIS_MODULE,
	.open = dev_open,
	.release = dev_release,
	.mmap = dev_mmap,
	.unlocked_ioctl = dev_ioctl,
	.compat_ioctl = compat_ptr_ioctl,
	.llseek = noop_llseek,
};

static void free_all(void)
{
	int cpu;

	for_each_possible_cpu(cpu) {
		if (rings)
			scapdrv_ring_free(&rings[cpu]);
		free_page((unsigned long)per_cpu(scratch, cpu));
		per_cpu(scratch, cpu) = NULL;
	}
	kfree(rings);
	rings = NULL;
}

static void destroy_devices(void)
{
	int cpu;

	for_each_possible_cpu(cpu)
		device_destroy(dev_class, MKDEV(MAJOR(devt), cpu));
}

static int __init scry_init(void)
{
	struct device *d;
	int cpu, rc;

	if (ring_bytes < (64 << 10) || !is_power_of_2(ring_bytes)) {
		pr_err("ring_bytes=%lu: must be a power of two >= 65536\n", ring_bytes);
		return -EINVAL;
	}
	scapdrv_cfg.snaplen = SCAP_ABI_SNAPLEN_DEFAULT;
	bitmap_fill(scapdrv_cfg.sc_set, SCAP_ABI_SC_SET_BITS);

	rc = scapdrv_tp_init();
	if (rc)
		return rc;
	rings = kcalloc(nr_cpu_ids, sizeof(*rings), GFP_KERNEL);
	if (!rings)
		return -ENOMEM;
	for_each_possible_cpu(cpu) {
		per_cpu(scratch, cpu) = (char *)__get_free_page(GFP_KERNEL);
		rc = per_cpu(scratch, cpu) ? scapdrv_ring_alloc(&rings[cpu], cpu, ring_bytes)
					   : -ENOMEM;
		if (rc)
			goto err_free;
	}

	rc = alloc_chrdev_region(&devt, 0, nr_cpu_ids, "scry");
	if (rc)
		goto err_free;
	cdev_init(&cdev, &dev_fops);
	cdev.owner = THIS_MODULE;
	rc = cdev_add(&cdev, devt, nr_cpu_ids);
	if (rc)
		goto err_region;
	dev_class = scapdrv_class_create("scry");
	if (IS_ERR(dev_class)) {
		rc = PTR_ERR(dev_class);
		goto err_cdev;
	}
	for_each_possible_cpu(cpu) {
		d = device_create(dev_class, NULL, MKDEV(MAJOR(devt), cpu), NULL, "scry%d", cpu);
		if (IS_ERR(d)) {
			rc = PTR_ERR(d);
			goto err_devices;
		}
	}
	pr_info("loaded: %u devices, %lu-byte rings, ABI %u.%u, schema %u.%u\n", nr_cpu_ids,
		ring_bytes, SCAP_ABI_VERSION_MAJOR, SCAP_ABI_VERSION_MINOR,
		SCAP_SCHEMA_VERSION_MAJOR, SCAP_SCHEMA_VERSION_MINOR);
	return 0;

err_devices:
	destroy_devices();
	class_destroy(dev_class);
err_cdev:
	cdev_del(&cdev);
err_region:
	unregister_chrdev_region(devt, nr_cpu_ids);
err_free:
	free_all();
	return rc;
}

static void __exit scry_exit(void)
{
	scapdrv_tp_stop();
	destroy_devices();
	class_destroy(dev_class);
	cdev_del(&cdev);
	unregister_chrdev_region(devt, nr_cpu_ids);
	free_all();
	pr_info("unloaded\n");
}

module_init(scry_init);
module_exit(scry_exit);
MODULE_LICENSE("Dual MIT/GPL");
MODULE_DESCRIPTION("scry: system call capture into per-CPU rings of scap events");
MODULE_VERSION("0.1.0");
