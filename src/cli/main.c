#include <stdio.h>
int main(void) { puts("caijue"); return 0; }
