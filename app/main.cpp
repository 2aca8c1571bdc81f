// lifecycle-lab: the one executable. Placeholder until the console lands.
#include <cstdio>
int main() { std::puts("lifecycle-lab " LAB_VERSION); return 0; }
