build/src/base/money.o: src/base/money.c src/base/money.h src/base/err.h \
 src/base/utf8.h src/base/buf.h
src/base/money.h:
src/base/err.h:
src/base/utf8.h:
src/base/buf.h:
