/*
 * xls_read.c - an .xls workbook (through FreeXL) into a grid of cells,
 * then into struct cj_accounts by wb_read.c (see xls_read.h).
 *
 * FreeXL is third-party code, and fuzzing found inputs that make it read
 * past its own buffers (1.0.6: a string length taken from a record without
 * checking it against the record).  So it never runs in our process: a
 * child process (fork) opens the file with FreeXL, with limits on CPU time
 * and memory and with stderr closed, and streams what it read through a
 * pipe in a small format of our own:
 *
 *     'S' u32 len  name            a sheet
 *     'C' u32 row  u32 col  u8 kind  u32 len  text     a cell (kind: wb_read.h)
 *     'X' i32 code u8 stage        FreeXL failed (stage: 0 open, 1 password,
 *                                  2 sheets, 3 sheet name, 4 sheet, 5 cell)
 *     'E'                          the end
 *
 * The parent reads the stream with the grid's limits (200 sheets, 1,000,000
 * cells, 1 MiB per string), kills the child when it has read enough, and
 * treats a child that crashes, runs out of time or memory, or writes
 * something malformed as a damaged file.  What FreeXL gets wrong can then
 * cost an error message, not our memory.
 */
#include "xls_read.h"

#include <errno.h>
#include <fcntl.h>
#include <freexl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../base/alloc.h"
#include "../base/utf8.h"
#include "wb_read.h"

#define MAX_XLS_ROWS 65536u
#define MAX_XLS_COLS 256u
#define MAX_STRING ((uint32_t)1 << 20) /* bytes of one string in the stream */
#define CHILD_CPU_SECONDS 30
#define CHILD_MEMORY ((rlim_t)1 << 30) /* address space of the child, 1 GiB */

#if defined(__SANITIZE_ADDRESS__)
#define CJ_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CJ_ASAN 1
#endif
#endif

enum { STAGE_OPEN, STAGE_PASSWORD, STAGE_SHEETS, STAGE_NAME, STAGE_SHEET, STAGE_CELL };

#ifdef CJ_ASAN
/* A sanitizer's death callback (libFuzzer's writes a crash file) is the host's, not the child's. */
extern void __sanitizer_set_death_callback(void (*callback)(void)) __attribute__((weak));
#endif

/* In the child: a crash is just the end of the child, whatever the host had installed. */
static void child_signals(void)
{
	static const int sigs[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGPIPE, SIGXCPU};
	size_t i;

	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		signal(sigs[i], SIG_DFL);
#ifdef CJ_ASAN
	if (__sanitizer_set_death_callback)
		__sanitizer_set_death_callback(NULL);
#endif
}

/* ============================================================ the child */

struct out {
	int fd;
	unsigned char buf[65536];
	size_t n;
};

static void out_flush(struct out *o)
{
	size_t off = 0;

	while (off < o->n) {
		ssize_t w = write(o->fd, o->buf + off, o->n - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			_exit(3);
		off += (size_t)w;
	}
	o->n = 0;
}

static void out_put(struct out *o, const void *p, size_t len)
{
	const unsigned char *s = p;

	while (len) {
		size_t k = sizeof(o->buf) - o->n;
		if (k > len)
			k = len;
		memcpy(o->buf + o->n, s, k);
		o->n += k;
		s += k;
		len -= k;
		if (o->n == sizeof(o->buf))
			out_flush(o);
	}
}

static void out_u32(struct out *o, uint32_t v)
{
	unsigned char b[4] = {(unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16),
			      (unsigned char)(v >> 24)};

	out_put(o, b, 4);
}

static void out_fail(struct out *o, int rc, int stage)
{
	unsigned char s = (unsigned char)stage;

	out_put(o, "X", 1);
	out_u32(o, (uint32_t)rc);
	out_put(o, &s, 1);
	out_flush(o);
	_exit(0);
}

static void out_cell(struct out *o, unsigned r, unsigned c, int kind, const char *s, size_t len)
{
	unsigned char k = (unsigned char)kind;

	if (len > MAX_STRING)
		len = MAX_STRING + 1; /* the parent refuses it */
	out_put(o, "C", 1);
	out_u32(o, r);
	out_u32(o, c);
	out_put(o, &k, 1);
	out_u32(o, (uint32_t)len);
	out_put(o, s, len <= MAX_STRING ? len : 0);
}

/* Runs in the child: FreeXL on `path`, the stream on fd; never returns. */
static void child_main(const char *path, int fd)
{
	static struct out o;
	const void *h = NULL;
	unsigned int nsheets = 0, pw = 0, i, rows, r;
	unsigned short cols, c;
	FreeXL_CellValue cell;
	char buf[64];
	int rc, n;

	o.fd = fd;
	rc = freexl_open(path, &h);
	if (rc != FREEXL_OK)
		out_fail(&o, rc, STAGE_OPEN);
	if (freexl_get_info(h, FREEXL_BIFF_PASSWORD, &pw) == FREEXL_OK &&
	    pw == FREEXL_BIFF_OBFUSCATED)
		out_fail(&o, 0, STAGE_PASSWORD);
	rc = freexl_get_info(h, FREEXL_BIFF_SHEET_COUNT, &nsheets);
	if (rc != FREEXL_OK)
		out_fail(&o, rc, STAGE_SHEETS);
	for (i = 0; i < nsheets && i <= CJ_WB_MAX_SHEETS; i++) {
		const char *name = NULL;
		rc = freexl_get_worksheet_name(h, (unsigned short)i, &name);
		if (rc != FREEXL_OK || !name)
			out_fail(&o, rc, STAGE_NAME);
		out_put(&o, "S", 1);
		out_u32(&o, (uint32_t)strlen(name));
		out_put(&o, name, strlen(name));
		rc = freexl_select_active_worksheet(h, (unsigned short)i);
		if (rc == FREEXL_OK)
			rc = freexl_worksheet_dimensions(h, &rows, &cols);
		if (rc != FREEXL_OK)
			out_fail(&o, rc, STAGE_SHEET);
		if (rows > MAX_XLS_ROWS || cols > MAX_XLS_COLS)
			out_fail(&o, 0, STAGE_SHEET);
		for (r = 0; r < rows; r++) {
			for (c = 0; c < cols; c++) {
				rc = freexl_get_cell_value(h, r, c, &cell);
				if (rc != FREEXL_OK)
					out_fail(&o, rc, STAGE_CELL);
				switch (cell.type) {
				case FREEXL_CELL_INT:
					n = snprintf(buf, sizeof(buf), "%d", cell.value.int_value);
					out_cell(&o, r, c, CJ_WB_NUM, buf, (size_t)n);
					break;
				case FREEXL_CELL_DOUBLE:
					/* 15 significant digits: what Excel shows; wb_read parses it to fen */
					n = snprintf(buf, sizeof(buf), "%.15g", cell.value.double_value);
					out_cell(&o, r, c, CJ_WB_NUM, buf,
						 n > 0 && (size_t)n < sizeof(buf) ? (size_t)n : 0);
					break;
				case FREEXL_CELL_TEXT:
				case FREEXL_CELL_SST_TEXT:
				case FREEXL_CELL_DATE:
				case FREEXL_CELL_DATETIME:
				case FREEXL_CELL_TIME:
					if (cell.value.text_value)
						out_cell(&o, r, c, CJ_WB_STR, cell.value.text_value,
							 strlen(cell.value.text_value));
					break;
				default:
					break;
				}
			}
		}
	}
	out_put(&o, "E", 1);
	out_flush(&o);
	_exit(0);
}

/* ============================================================ the parent */

struct in {
	int fd;
	unsigned char buf[65536];
	size_t pos, n;
	int eof;
};

/* Read exactly len bytes; 0 at the end of the stream or on an error. */
static int in_get(struct in *s, void *p, size_t len)
{
	unsigned char *d = p;

	while (len) {
		size_t k;
		if (s->pos == s->n) {
			ssize_t r = read(s->fd, s->buf, sizeof(s->buf));
			if (r < 0 && errno == EINTR)
				continue;
			if (r <= 0)
				return 0;
			s->pos = 0;
			s->n = (size_t)r;
		}
		k = s->n - s->pos;
		if (k > len)
			k = len;
		memcpy(d, s->buf + s->pos, k);
		s->pos += k;
		d += k;
		len -= k;
	}
	return 1;
}

static int in_u32(struct in *s, uint32_t *v)
{
	unsigned char b[4];

	if (!in_get(s, b, 4))
		return 0;
	*v = (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
	return 1;
}

static enum cj_err damaged(const char *path, struct cj_diag *d)
{
	return cj_fail_at(d, CJ_ERR_PARSE, path, 0,
			  "无法读取 .xls 文件：文件已损坏或不是 Excel 97-2003 工作簿；"
			  "请在 Excel/WPS 中打开后另存为 .xlsx 再读取");
}

static enum cj_err freexl_failed(const char *path, int rc, int stage, struct cj_diag *d)
{
	if (stage == STAGE_PASSWORD)
		return cj_fail_at(d, CJ_ERR_UNSUPPORTED, path, 0, "文件设置了密码，请取消密码后再读取");
	if (stage == STAGE_SHEET && rc == 0)
		return cj_fail_at(d, CJ_ERR_TOO_LARGE, path, 0,
				  "工作表的尺寸超出 .xls 格式的范围（最多 65536 行、256 列）");
	if (rc == FREEXL_INSUFFICIENT_MEMORY)
		return cj_fail_at(d, CJ_ERR_TOO_LARGE, path, 0, "无法读取 .xls 文件：内容过大或已损坏");
	if (stage == STAGE_OPEN)
		return cj_fail_at(d, CJ_ERR_PARSE, path, 0,
				  "不是有效的 .xls 文件（FreeXL 错误 %d）；请确认是 Excel 97-2003 工作簿，"
				  "或另存为 .xlsx 后再读取",
				  rc);
	return cj_fail_at(d, CJ_ERR_PARSE, path, 0, "无法读取 .xls 文件（FreeXL 错误 %d，阶段 %d）",
			  rc, stage);
}

/*
 * Read the child's stream into the grid.  *done: the stream ended as the
 * child ends it ('E' or 'X'), so the child is exiting by itself.
 */
static enum cj_err read_stream(struct in *s, struct cj_wb_grid *g, const char *path,
			       struct cj_diag *d, int *done)
{
	char *str = NULL;
	size_t cap = 0;
	enum cj_err e = CJ_OK;
	unsigned char tag, kind, stage;
	uint32_t len, row = 0, col = 0, rc;

	for (;;) {
		if (!in_get(s, &tag, 1)) {
			e = damaged(path, d);
			break;
		}
		if (tag == 'E') {
			*done = 1;
			break;
		}
		if (tag == 'X') {
			*done = 1;
			if (!in_u32(s, &rc) || !in_get(s, &stage, 1))
				e = damaged(path, d);
			else
				e = freexl_failed(path, (int)rc, stage, d);
			break;
		}
		if (tag == 'S' || tag == 'C') {
			if (tag == 'C' && (!in_u32(s, &row) || !in_u32(s, &col) || !in_get(s, &kind, 1))) {
				e = damaged(path, d);
				break;
			}
			if (!in_u32(s, &len)) {
				e = damaged(path, d);
				break;
			}
			if (len > MAX_STRING) {
				e = cj_fail_at(d, CJ_ERR_TOO_LARGE, path, 0, "工作簿中的一段文字过长（超过 1 MiB）");
				break;
			}
			if (len + 1 > cap) {
				char *ns = cj_realloc(str, len + 1);
				if (!ns) {
					e = cj_fail(d, CJ_ERR_NOMEM, "内存不足");
					break;
				}
				str = ns;
				cap = len + 1;
			}
			if (len && !in_get(s, str, len)) {
				e = damaged(path, d);
				break;
			}
			str[len] = '\0';
			if (tag == 'S') {
				size_t bad;
				if (!cj_utf8_validate(str, len, &bad)) {
					e = cj_fail_at(d, CJ_ERR_ENCODING, path, 0, "工作表的名称不是有效的文字");
					break;
				}
				e = cj_wb_grid_finish(g, d);
				if (!e)
					e = cj_wb_grid_sheet(g, str, len, d);
			} else {
				if (!g->n || (kind != CJ_WB_STR && kind != CJ_WB_NUM)) {
					e = damaged(path, d);
					break;
				}
				e = cj_wb_grid_cell(g, row, col, (enum cj_wb_kind)kind, 0, str, len, d);
			}
			if (e)
				break;
			continue;
		}
		e = damaged(path, d);
		break;
	}
	cj_free(str);
	if (!e)
		e = cj_wb_grid_finish(g, d);
	return e;
}

/* Run FreeXL in a child process and read what it found into the grid. */
static enum cj_err read_grid(const char *path, struct cj_wb_grid *g, struct cj_diag *d)
{
	struct in *s;
	int fds[2], status = 0, done = 0;
	pid_t pid;
	enum cj_err e;

	s = cj_calloc(1, sizeof(*s));
	if (!s)
		return cj_fail(d, CJ_ERR_NOMEM, "内存不足");
	if (pipe(fds) != 0) {
		cj_free(s);
		return cj_fail_at(d, CJ_ERR_IO, path, 0, "无法读取 .xls 文件：%s", strerror(errno));
	}
	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		close(fds[0]);
		close(fds[1]);
		cj_free(s);
		return cj_fail_at(d, CJ_ERR_IO, path, 0, "无法读取 .xls 文件：%s", strerror(errno));
	}
	if (pid == 0) {
		struct rlimit cpu = {CHILD_CPU_SECONDS, CHILD_CPU_SECONDS};
		int null = open("/dev/null", O_WRONLY);
		close(fds[0]);
		if (null >= 0)
			dup2(null, 2); /* nothing of FreeXL's (or a sanitizer's) on our stderr */
		setrlimit(RLIMIT_CPU, &cpu);
#ifndef CJ_ASAN
		{
			struct rlimit mem = {CHILD_MEMORY, CHILD_MEMORY};
			setrlimit(RLIMIT_AS, &mem);
		}
#endif
		child_signals();
		child_main(path, fds[1]);
	}
	close(fds[1]);
	s->fd = fds[0];
	e = read_stream(s, g, path, d, &done);
	close(fds[0]);
	cj_free(s);
	if (!done)
		kill(pid, SIGKILL); /* we have read enough, or it went wrong */
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (!e && !(WIFEXITED(status) && WEXITSTATUS(status) == 0))
		e = damaged(path, d);
	return e;
}

enum cj_err cj_xls_read_file(const char *path, struct cj_accounts **out, struct cj_diag *d)
{
	struct cj_wb_grid g;
	struct stat st;
	enum cj_err e;
	int fd;

	if (!path || !out)
		return cj_fail(d, CJ_ERR_USAGE, "cj_xls_read_file: 参数无效");
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return cj_fail_at(d, CJ_ERR_IO, path, 0, "无法打开文件：%s", strerror(errno));
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return cj_fail_at(d, CJ_ERR_IO, path, 0, "不是普通文件");
	}
	close(fd);
	if ((unsigned long long)st.st_size > CJ_XLS_MAX_FILE)
		return cj_fail_at(d, CJ_ERR_TOO_LARGE, path, 0, "文件过大（上限 %zu MiB）",
				  CJ_XLS_MAX_FILE >> 20);
	cj_wb_grid_init(&g);
	e = read_grid(path, &g, d);
	if (!e)
		e = cj_wb_read_grid(&g, path, out, d);
	cj_wb_grid_release(&g);
	if (e)
		cj_diag_locate(d, path, 0);
	return e;
}
