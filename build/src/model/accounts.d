build/src/model/accounts.o: src/model/accounts.c src/model/accounts.h \
 src/model/../base/err.h src/model/../base/alloc.h src/model/schema.h
src/model/accounts.h:
src/model/../base/err.h:
src/model/../base/alloc.h:
src/model/schema.h:
