/*
 * fsio.c - whole-file reads and atomic writes (see fsio.h).
 */
#include "fsio.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alloc.h"

enum cj_err cj_file_read(const char *path, size_t max, char **out, size_t *len,
			 struct cj_diag *d)
{
	FILE *fp = fopen(path, "rb");
	char *buf = NULL;
	size_t n = 0, cap = 0, got;
	enum cj_err e = CJ_OK;

	if (!fp)
		return cj_fail_at(d, CJ_ERR_IO, path, 0, "无法打开文件：%s", strerror(errno));
	for (;;) {
		if (n == cap) {
			size_t ncap = cap ? cap * 2 : 65536;
			char *nb;
			if (cap > max) {
				e = cj_fail_at(d, CJ_ERR_TOO_LARGE, path, 0,
					       "文件过大（上限 %zu 字节）", max);
				goto out;
			}
			nb = cj_realloc(buf, ncap + 1);
			if (!nb) {
				e = cj_fail_at(d, CJ_ERR_NOMEM, path, 0, "内存不足");
				goto out;
			}
			buf = nb;
			cap = ncap;
		}
		got = fread(buf + n, 1, cap - n, fp);
		n += got;
		if (n > max) {
			e = cj_fail_at(d, CJ_ERR_TOO_LARGE, path, 0, "文件过大（上限 %zu 字节）", max);
			goto out;
		}
		if (got == 0) {
			if (ferror(fp))
				e = cj_fail_at(d, CJ_ERR_IO, path, 0, "读取文件失败：%s",
					       strerror(errno));
			break;
		}
	}
out:
	fclose(fp);
	if (e) {
		cj_free(buf);
		return e;
	}
	if (!buf) {
		buf = cj_malloc(1);
		if (!buf)
			return cj_fail_at(d, CJ_ERR_NOMEM, path, 0, "内存不足");
	}
	buf[n] = '\0';
	*out = buf;
	*len = n;
	return CJ_OK;
}

enum cj_err cj_file_write_atomic(const char *path, const void *data, size_t len,
				 struct cj_diag *d)
{
	size_t plen = strlen(path);
	char *tmp = cj_malloc(plen + 16);
	const char *p = data;
	size_t left = len;
	int fd;

	if (!tmp)
		return cj_fail_at(d, CJ_ERR_NOMEM, path, 0, "内存不足");
	memcpy(tmp, path, plen);
	memcpy(tmp + plen, ".tmp.XXXXXX", 12);
	fd = mkstemp(tmp);
	if (fd < 0) {
		enum cj_err e = cj_fail_at(d, CJ_ERR_IO, path, 0, "无法创建临时文件：%s",
					   strerror(errno));
		cj_free(tmp);
		return e;
	}
	while (left) {
		ssize_t w = write(fd, p, left);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			goto fail;
		}
		p += w;
		left -= (size_t)w;
	}
	if (fchmod(fd, 0644) != 0 || close(fd) != 0) {
		fd = -1;
		goto fail;
	}
	fd = -1;
	if (rename(tmp, path) != 0)
		goto fail;
	cj_free(tmp);
	return CJ_OK;
fail:
	{
		enum cj_err e = cj_fail_at(d, CJ_ERR_IO, path, 0, "写入文件失败：%s",
					   strerror(errno));
		if (fd >= 0)
			close(fd);
		unlink(tmp);
		cj_free(tmp);
		return e;
	}
}

enum cj_err cj_mkdir_p(const char *path, struct cj_diag *d)
{
	char *p = cj_strdup(path);
	size_t i, n;

	if (!p)
		return cj_fail_at(d, CJ_ERR_NOMEM, path, 0, "内存不足");
	n = strlen(p);
	for (i = 1; i <= n; i++) {
		if (p[i] == '/' || p[i] == '\0') {
			char c = p[i];
			struct stat st;
			p[i] = '\0';
			if (mkdir(p, 0777) != 0 && errno != EEXIST) {
				enum cj_err e = cj_fail_at(d, CJ_ERR_IO, path, 0, "无法创建目录：%s",
							   strerror(errno));
				cj_free(p);
				return e;
			}
			if (stat(p, &st) != 0 || !S_ISDIR(st.st_mode)) {
				enum cj_err e = cj_fail_at(d, CJ_ERR_IO, path, 0, "「%s」不是目录", p);
				cj_free(p);
				return e;
			}
			p[i] = c;
		}
	}
	cj_free(p);
	return CJ_OK;
}

int cj_path_has_suffix(const char *path, const char *suffix)
{
	size_t n = strlen(path), m = strlen(suffix), i;

	if (n < m)
		return 0;
	for (i = 0; i < m; i++) {
		char c = path[n - m + i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != suffix[i])
			return 0;
	}
	return 1;
}
