build/tests/unit/test_money.o: tests/unit/test_money.c src/base/money.h \
 src/base/err.h tests/unit/runner.h
src/base/money.h:
src/base/err.h:
tests/unit/runner.h:
