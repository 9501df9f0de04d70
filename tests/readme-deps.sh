#!/bin/sh
# The README lists exactly the packages that tools/install-deps installs.
. "${top_srcdir:-.}/tests/lib.sh"

script=$(sed -n 's/^PACKAGES="\(.*\)"$/\1/p' "$top_srcdir/tools/install-deps" | tr ' ' '\n' | sort)
readme=$(sed -n 's/^Debian packages: *//p' "$top_srcdir/README.md" | tr -d '`,.' | tr ' ' '\n' | grep . | sort)
check "tools/install-deps has a package list" test -n "$script"
check "README.md lists the same packages as tools/install-deps" test "$script" = "$readme"
finish
