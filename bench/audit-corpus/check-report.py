#!/usr/bin/env python3
"""bench/audit-corpus/check-report.py REPORT.md|txt ... - a quick consistency
check of a caijue-generated report before it becomes a clean corpus case.

Recomputes, from the printed figures of each line:
  - every "T万元，其中/主要用于 … A万元，占P%" structure: P must be A/T rounded
    half-up to two decimals, and the P of one structure must sum to 100.00
    (caijue prints shares with the largest remainder method, so a dataset
    whose plainly rounded shares do not sum to 100 gets a share that is off
    by 0.01 -- an AUD-SHARE finding in caijue's own report; pick the figures
    so that this does not happen);
  - every "A万元。…增加/减少D万元，增长/下降R%": R = D / (A ∓ D);
  - every "预算数B万元，执行数为A万元，完成预算的P%": P = A / B.
Point values, not intervals, so it is stricter than `caijue audit`.  Prints
the mismatches and "bad N"; exits 1 when N > 0.  Used while building the
datasets of tests/audit/datasets/; not part of `make test`.
"""
import re
import sys
from decimal import Decimal as D, ROUND_HALF_UP

NUM = r'([0-9][0-9,]*\.?[0-9]*)'


def dec(s):
    return D(s.replace(',', ''))


def r2(x):
    return x.quantize(D('0.01'), rounding=ROUND_HALF_UP)


def check(path):
    bad = 0
    for i, line in enumerate(open(path, encoding='utf-8'), 1):
        line = line.rstrip('\n')
        m = re.search(NUM + r'(万元|元)，(其中|主要用于)', line)
        if m:
            T = dec(m.group(1))
            parts = re.findall(NUM + r'(?:万元|元)，占' + NUM + '%', line[m.end():])
            if parts and T:
                s = D(0)
                for a, p in parts:
                    exp = r2(dec(a) / T * 100)
                    s += dec(p)
                    if exp != dec(p):
                        print('%s:%d: share %s/%s = %s, printed %s' % (path, i, a, T, exp, p))
                        bad += 1
                if s != 100:
                    print('%s:%d: shares sum to %s' % (path, i, s))
                    bad += 1
        for m in re.finditer(NUM + r'(万元|元)。[^。]*?(增加|减少)' + NUM + r'(?:万元|元)，(增长|下降)' + NUM + '%', line):
            A, Dd, R = dec(m.group(1)), dec(m.group(4)), dec(m.group(6))
            base = A - Dd if m.group(3) == '增加' else A + Dd
            exp = r2(Dd / base * 100) if base else None
            if exp != R:
                print('%s:%d: change %s %s %s -> %s, printed %s' % (path, i, A, m.group(3), Dd, exp, R))
                bad += 1
        for m in re.finditer(r'预算数' + NUM + r'(?:万元|元)，执行数为' + NUM + r'(?:万元|元)，完成预算的' + NUM + '%', line):
            B, A, P = dec(m.group(1)), dec(m.group(2)), dec(m.group(3))
            if r2(A / B * 100) != P:
                print('%s:%d: completion %s/%s, printed %s' % (path, i, A, B, P))
                bad += 1
    return bad


if __name__ == '__main__':
    n = sum(check(p) for p in sys.argv[1:])
    print('bad', n)
    sys.exit(1 if n else 0)
