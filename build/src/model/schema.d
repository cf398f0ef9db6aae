build/src/model/schema.o: src/model/schema.c src/model/schema.h \
 src/model/accounts.h src/model/../base/err.h
src/model/schema.h:
src/model/accounts.h:
src/model/../base/err.h:
