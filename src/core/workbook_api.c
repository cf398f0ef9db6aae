/*
 * workbook_api.c - the public workbook calls (include/caijue.h, block
 * "workbook"): the empty template and the conversion between the two
 * input forms.  It only wires modules: the readers (in/yaml_read,
 * in/xlsx_read, in/xls_read), the code table (model/codes) and the
 * writers (out/template, out/yaml_write); every output is written to a
 * temporary file beside the target and renamed.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/buf.h"
#include "base/fsio.h"
#include "in/xls_read.h"
#include "in/xlsx_read.h"
#include "in/yaml_read.h"
#include "model/accounts.h"
#include "model/codes.h"
#include "out/template.h"
#include "out/yaml_write.h"


static int is_yaml(const char *p)
{
	return cj_path_has_suffix(p, ".yaml") || cj_path_has_suffix(p, ".yml");
}

static enum cj_err load_codes(const struct cj_workbook_opts *opts, struct cj_codes **out,
			      struct cj_diag *d)
{
	if (opts && opts->codes_file)
		return cj_codes_load(opts->codes_file, out, d);
	return cj_codes_default(out, d);
}

/* Write the workbook to a temporary file beside `path`, then rename it. */
static enum cj_err write_xlsx(const char *path, const struct cj_accounts *a,
			      const struct cj_codes *codes, int year, struct cj_diag *d)
{
	size_t n = strlen(path);
	char *tmp = cj_malloc(n + 32);
	enum cj_err e;

	if (!tmp)
		return cj_fail(d, CJ_ERR_NOMEM, "内存不足");
	snprintf(tmp, n + 32, "%s.tmp.%ld", path, (long)getpid());
	e = cj_template_write(tmp, a, codes, year, d);
	if (!e && rename(tmp, path) != 0)
		e = cj_fail_at(d, CJ_ERR_IO, path, 0, "无法写入文件：%s", strerror(errno));
	if (e) {
		remove(tmp);
		cj_diag_locate(d, path, 0);
	}
	cj_free(tmp);
	return e;
}

enum cj_err cj_workbook_template(const char *path, const struct cj_workbook_opts *opts,
				 struct cj_diag *d)
{
	struct cj_codes *codes = NULL;
	enum cj_err e;

	if (!path || !*path)
		return cj_fail(d, CJ_ERR_USAGE, "需要输出文件名");
	if (!cj_path_has_suffix(path, ".xlsx"))
		return cj_fail_at(d, CJ_ERR_USAGE, path, 0, "模板文件名应以 .xlsx 结尾");
	e = load_codes(opts, &codes, d);
	if (!e)
		e = write_xlsx(path, NULL, codes, opts ? opts->year : 0, d);
	cj_codes_free(codes);
	return e;
}

/* Read a dataset in any input form (the suffix decides). */
static enum cj_err read_any(const char *path, struct cj_accounts **a, struct cj_diag *d)
{
	if (is_yaml(path))
		return cj_yaml_read_file(path, a, d);
	if (cj_path_has_suffix(path, ".xlsx"))
		return cj_xlsx_read_file(path, a, d);
	if (cj_path_has_suffix(path, ".xls"))
		return cj_xls_read_file(path, a, d);
	return cj_fail_at(d, CJ_ERR_USAGE, path, 0,
			  "无法识别的数据文件类型（应为 .yaml、.yml、.xlsx 或 .xls）");
}

static int same_file(const char *a, const char *b)
{
	struct stat sa, sb;

	if (strcmp(a, b) == 0)
		return 1;
	return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
	       sa.st_ino == sb.st_ino;
}

enum cj_err cj_dataset_convert(const char *in, const char *out,
			       const struct cj_workbook_opts *opts, struct cj_diag *d)
{
	struct cj_accounts *a = NULL;
	struct cj_codes *codes = NULL;
	struct cj_buf b;
	enum cj_err e;

	if (!in || !out || !*in || !*out)
		return cj_fail(d, CJ_ERR_USAGE, "需要输入和输出文件名");
	if (cj_path_has_suffix(out, ".xls"))
		return cj_fail_at(d, CJ_ERR_UNSUPPORTED, out, 0,
				  "不支持写出 .xls 文件，请使用 .xlsx（Excel 2007 及以后的格式）");
	if (!is_yaml(out) && !cj_path_has_suffix(out, ".xlsx"))
		return cj_fail_at(d, CJ_ERR_USAGE, out, 0, "输出文件名应以 .yaml、.yml 或 .xlsx 结尾");
	if (same_file(in, out))
		return cj_fail_at(d, CJ_ERR_USAGE, out, 0, "输出文件不能与输入文件相同");
	e = read_any(in, &a, d);
	if (e)
		return e;
	if (is_yaml(out)) {
		cj_buf_init(&b, 0);
		e = cj_yaml_write(a, &b);
		if (e)
			e = cj_fail_at(d, e, out, 0, "生成 YAML 失败：%s", cj_strerror(e));
		else
			e = cj_file_write_atomic(out, b.ptr ? b.ptr : "", b.len, d);
		cj_buf_release(&b);
	} else {
		e = load_codes(opts, &codes, d);
		if (!e)
			e = write_xlsx(out, a, codes, opts ? opts->year : 0, d);
	}
	cj_codes_free(codes);
	cj_accounts_free(a);
	return e;
}
