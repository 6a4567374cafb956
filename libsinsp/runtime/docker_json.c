/* SPDX-License-Identifier: Apache-2.0 */
/*
 * runtime/docker_json.c - the Docker Engine API's container and image objects (as
 * dockerd and podman's compat API answer GET /containers/<id>/json and
 * /images/<id>/json) to struct sinsp_container, with json-c.
 *
 * Shapes from the Docker Engine API reference (v1.41, "ContainerInspect",
 * "ImageInspect"); what sysdig reports for them (the name without '/', the image id
 * without "sha256:", repository and tag split from Config.Image) from sysdig 0.29.3's
 * container events.
 */
#define _GNU_SOURCE /* strptime, timegm */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <json-c/json.h>

#include "runtime/runtime.h"

#define SHA256_PREFIX "sha256:"

static const char *get_str(struct json_object *o, const char *key)
{
	struct json_object *v;

	if (!o || !json_object_object_get_ex(o, key, &v) || !json_object_is_type(v, json_type_string))
		return NULL;
	return json_object_get_string(v);
}

static struct json_object *get_obj(struct json_object *o, const char *key)
{
	struct json_object *v;

	if (!o || !json_object_object_get_ex(o, key, &v) || !json_object_is_type(v, json_type_object))
		return NULL;
	return v;
}

static struct json_object *get_array(struct json_object *o, const char *key)
{
	struct json_object *v;

	if (!o || !json_object_object_get_ex(o, key, &v) || !json_object_is_type(v, json_type_array))
		return NULL;
	return v;
}

static bool get_bool(struct json_object *o, const char *key)
{
	struct json_object *v;

	return o && json_object_object_get_ex(o, key, &v) && json_object_is_type(v, json_type_boolean) &&
	       json_object_get_boolean(v);
}

/* *dst = a copy of the first n bytes of src (all of it when n < 0); NULL src leaves it. */
static int set_str(char **dst, const char *src, long n)
{
	char *p;

	if (!src)
		return 0;
	p = n < 0 ? strdup(src) : strndup(src, (size_t)n);
	if (!p)
		return -ENOMEM;
	free(*dst);
	*dst = p;
	return 0;
}

static int err_msg(char *err, size_t errlen, int code, const char *msg)
{
	if (err && errlen)
		snprintf(err, errlen, "%s", msg);
	return code;
}

static struct json_object *parse(const char *json, size_t len)
{
	struct json_tokener *tok = json_tokener_new();
	struct json_object *o;

	if (!tok)
		return NULL;
	o = json_tokener_parse_ex(tok, json, (int)len);
	if (o && json_tokener_get_error(tok) != json_tokener_success) {
		json_object_put(o);
		o = NULL;
	}
	json_tokener_free(tok);
	if (o && !json_object_is_type(o, json_type_object)) {
		json_object_put(o);
		o = NULL;
	}
	return o;
}

int64_t sinsp_runtime_parse_time(const char *text)
{
	struct tm tm = { 0 };
	const char *p;
	int64_t ns = 0, scale = 100000000, off = 0;
	time_t t;

	if (!text)
		return 0;
	p = strptime(text, "%Y-%m-%dT%H:%M:%S", &tm);
	if (!p || tm.tm_year + 1900 < 1970)
		return 0;
	if (*p == '.')
		for (p++; *p >= '0' && *p <= '9'; p++, scale /= 10)
			ns += (*p - '0') * scale;
	if (*p == '+' || *p == '-') {
		int hh = 0, mm = 0;

		if (sscanf(p + 1, "%2d:%2d", &hh, &mm) != 2)
			return 0;
		off = (hh * 3600 + mm * 60) * (*p == '+' ? 1 : -1);
	} else if (*p != 'Z') {
		return 0;
	}
	t = timegm(&tm);
	if (t == (time_t)-1)
		return 0;
	return ((int64_t)t - off) * 1000000000 + ns;
}

/*
 * Split an image reference "[host[:port]/]path[:tag][@digest]" into repository, tag
 * and digest (the tag is after the last ':' that follows the last '/').
 */
static int split_image(struct sinsp_container *out, const char *image)
{
	const char *at = strchr(image, '@'), *end = at ? at : image + strlen(image);
	const char *slash = NULL, *colon = NULL, *p;
	int rc = 0;

	for (p = image; p < end; p++) {
		if (*p == '/')
			slash = p;
		else if (*p == ':')
			colon = p;
	}
	if (colon && slash && colon < slash)
		colon = NULL;
	if (at)
		rc = set_str(&out->image_digest, at + 1, -1);
	if (!rc)
		rc = set_str(&out->image_repo, image, (colon ? colon : end) - image);
	if (!rc && colon)
		rc = set_str(&out->image_tag, colon + 1, end - colon - 1);
	else if (!rc && !at)
		rc = set_str(&out->image_tag, "latest", -1);
	return rc;
}

static int take_labels(struct sinsp_container *out, struct json_object *labels)
{
	size_t n = labels ? (size_t)json_object_object_length(labels) : 0, i = 0;

	if (!n)
		return 0;
	out->labels = calloc(n, sizeof(*out->labels));
	if (!out->labels)
		return -ENOMEM;
	json_object_object_foreach(labels, key, val) {
		const char *v = json_object_is_type(val, json_type_string) ? json_object_get_string(val) : "";

		if (i == n)
			break;
		out->labels[i].key = strdup(key);
		out->labels[i].value = strdup(v);
		out->nlabels = (uint32_t)++i;
		if (!out->labels[i - 1].key || !out->labels[i - 1].value)
			return -ENOMEM;
	}
	return 0;
}

static int take_mounts(struct sinsp_container *out, struct json_object *mounts)
{
	size_t n = mounts ? json_object_array_length(mounts) : 0, i;

	if (!n)
		return 0;
	out->mounts = calloc(n, sizeof(*out->mounts));
	if (!out->mounts)
		return -ENOMEM;
	for (i = 0; i < n; i++) {
		struct json_object *m = json_object_array_get_idx(mounts, i);
		struct sinsp_container_mount *d = &out->mounts[out->nmounts];
		const char *src = get_str(m, "Source"), *dst = get_str(m, "Destination");
		const char *mode = get_str(m, "Mode"), *prop = get_str(m, "Propagation");

		if (!m || !json_object_is_type(m, json_type_object))
			continue;
		out->nmounts++;
		d->source = strdup(src ? src : "");
		d->dest = strdup(dst ? dst : "");
		d->mode = strdup(mode ? mode : "");
		d->propagation = strdup(prop ? prop : "");
		d->rw = get_bool(m, "RW");
		if (!d->source || !d->dest || !d->mode || !d->propagation)
			return -ENOMEM;
	}
	return 0;
}

/* NetworkSettings.IPAddress, else the first network's address that is set. */
static const char *container_ip(struct json_object *net)
{
	const char *ip = get_str(net, "IPAddress");
	struct json_object *nets = get_obj(net, "Networks");

	if (ip && *ip)
		return ip;
	if (nets) {
		json_object_object_foreach(nets, name, n) {
			(void)name;
			ip = get_str(n, "IPAddress");
			if (ip && *ip)
				return ip;
		}
	}
	return NULL;
}

int sinsp_docker_parse_container(const char *json, size_t len, struct sinsp_container *out,
				 char *err, size_t errlen)
{
	struct json_object *root = parse(json, len), *config, *net;
	const char *name, *image, *image_id, *ip;
	int rc = 0;

	if (!root)
		return err_msg(err, errlen, -EPROTO, "the container's JSON does not parse");
	if (!get_str(root, "Id")) {
		json_object_put(root);
		return err_msg(err, errlen, -EPROTO, "the answer is no container (no \"Id\")");
	}
	config = get_obj(root, "Config");
	net = get_obj(root, "NetworkSettings");
	name = get_str(root, "Name");
	if (name && *name == '/')
		name++;
	image = get_str(config, "Image");
	image_id = get_str(root, "Image");
	if (image_id && strncmp(image_id, SHA256_PREFIX, strlen(SHA256_PREFIX)) == 0)
		image_id += strlen(SHA256_PREFIX);
	rc = set_str(&out->name, name, -1);
	if (!rc)
		rc = set_str(&out->image, image, -1);
	if (!rc)
		rc = set_str(&out->image_id, image_id, -1);
	if (!rc && image && strncmp(image, SHA256_PREFIX, strlen(SHA256_PREFIX)) != 0)
		rc = split_image(out, image);
	if (!rc)
		rc = take_labels(out, get_obj(config, "Labels"));
	if (!rc)
		rc = take_mounts(out, get_array(root, "Mounts"));
	ip = container_ip(net);
	if (!rc && ip) {
		struct in_addr a;

		rc = set_str(&out->ip_str, ip, -1);
		if (inet_pton(AF_INET, ip, &a) == 1)
			out->ip = a.s_addr;
	}
	out->privileged = get_bool(get_obj(root, "HostConfig"), "Privileged");
	out->created_ns = sinsp_runtime_parse_time(get_str(root, "Created"));
	json_object_put(root);
	return rc ? err_msg(err, errlen, rc, "out of memory") : 0;
}

int sinsp_docker_parse_image(const char *json, size_t len, struct sinsp_container *out,
			     char *err, size_t errlen)
{
	struct json_object *root = parse(json, len), *tags, *digests;
	size_t i, n;
	int rc = 0;

	if (!root)
		return err_msg(err, errlen, -EPROTO, "the image's JSON does not parse");
	tags = get_array(root, "RepoTags");
	digests = get_array(root, "RepoDigests");
	/* a container made from an image id: name the image by its first tag */
	if ((!out->image || strncmp(out->image, SHA256_PREFIX, strlen(SHA256_PREFIX)) == 0) && tags &&
	    json_object_array_length(tags) > 0) {
		const char *t = json_object_get_string(json_object_array_get_idx(tags, 0));

		if (t) {
			rc = set_str(&out->image, t, -1);
			if (!rc)
				rc = split_image(out, t);
		}
	}
	n = digests ? json_object_array_length(digests) : 0;
	for (i = 0; !rc && !out->image_digest && out->image_repo && i < n; i++) {
		const char *d = json_object_get_string(json_object_array_get_idx(digests, i));
		size_t rl = strlen(out->image_repo);

		if (d && strncmp(d, out->image_repo, rl) == 0 && d[rl] == '@')
			rc = set_str(&out->image_digest, d + rl + 1, -1);
	}
	json_object_put(root);
	return rc ? err_msg(err, errlen, rc, "out of memory") : 0;
}
