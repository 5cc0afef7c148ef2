// The doctest runner of papertide_tests: doctest's own main (the only file that defines it).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
