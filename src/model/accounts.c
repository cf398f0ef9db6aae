/*
 * accounts.c - lifecycle of struct cj_accounts.
 *
 * Freeing walks the schema table, so a field added to the schema is freed
 * without touching this file.
 */
#include "accounts.h"

#include "../base/alloc.h"
#include "schema.h"

struct cj_accounts *cj_accounts_new(void)
{
	return cj_calloc(1, sizeof(struct cj_accounts));
}

struct any_list {
	void *v;
	size_t n;
};

static void free_fields(const struct cj_field *f, char *base)
{
	for (; f->key; f++) {
		char *p = base + f->off;
		size_t i;

		switch (f->type) {
		case CJ_F_TEXT:
		case CJ_F_CODE:
			cj_free(((struct cj_text *)(void *)p)->s);
			break;
		case CJ_F_TEXTS: {
			struct cj_texts *t = (struct cj_texts *)(void *)p;
			for (i = 0; i < t->n; i++)
				cj_free(t->v[i].s);
			cj_free(t->v);
			break;
		}
		case CJ_F_REASONS: {
			struct cj_reasons *r = (struct cj_reasons *)(void *)p;
			for (i = 0; i < r->n; i++)
				cj_free(r->v[i].text.s);
			cj_free(r->v);
			break;
		}
		case CJ_F_MAP:
			free_fields(f->sub, p);
			break;
		case CJ_F_LIST: {
			struct any_list *l = (struct any_list *)(void *)p;
			for (i = 0; i < l->n; i++)
				free_fields(f->sub, (char *)l->v + i * f->elem_size);
			cj_free(l->v);
			break;
		}
		case CJ_F_MONEY:
		case CJ_F_COUNT:
		case CJ_F_RATE:
			break;
		}
	}
}

void cj_accounts_free(struct cj_accounts *a)
{
	if (!a)
		return;
	free_fields(cj_schema_root(), (char *)a);
	cj_free(a->source);
	cj_free(a);
}
