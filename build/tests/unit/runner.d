build/tests/unit/runner.o: tests/unit/runner.c tests/unit/runner.h
tests/unit/runner.h:
