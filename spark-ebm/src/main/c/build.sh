#!/usr/bin/env bash
# Builds libsparkxai_ebm.so, the native EBM histogram kernel; run by Maven (exec-maven-plugin at
# process-classes, after javac -h wrote the JNI header).
#
#   build.sh OUT_DIR HEADER_DIR JAVA_HOME STATUS_FILE [CC] [SKIP]
#
# One shared library for any x86-64 Linux: the common code is compiled for the baseline ISA; the row
# loops (one source, ebm_loops.h) three times, in ebm_scalar.c, ebm_avx2.c and ebm_avx512.c, each with
# its own -m flags (never -march=native); and the library picks one at run time from CPUID. -ffp-contract=off: the compiler must not fuse
# multiply-adds on its own, or the three instruction sets would round differently.
#
# With SKIP not "false" (-Dskip.native), without a C compiler, off Linux x86-64, or without jni.h,
# the build goes on without the library (the Java kernels are used) and says so; a compiler that
# fails on the sources fails the build.
# STATUS_FILE records "built ..." or "skipped: reason" for the tests.
set -euo pipefail

src=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
out=$1
headers=$2
jdk=$3
status=$4
cc=${5:-${CC:-gcc}}
skip_native=${6:-false}
lib="$out/libsparkxai_ebm.so"

mkdir -p "$(dirname "$status")"
skip() {
  echo "[spark-ebm] native kernel not built: $1; the Java kernels will be used" >&2
  rm -f "$lib"
  echo "skipped: $1" > "$status"
  exit 0
}

[ "$skip_native" = "false" ] || skip "-Dskip.native"
platform="$(uname -s)-$(uname -m)"
[ "$platform" = "Linux-x86_64" ] || skip "platform $platform is not Linux-x86_64"
command -v "$cc" > /dev/null 2>&1 || skip "no C compiler '$cc' on the PATH"
[ -f "$jdk/include/jni.h" ] || [ -f "$jdk/../include/jni.h" ] || skip "no jni.h under $jdk"
jni_include="$jdk/include"
[ -f "$jni_include/jni.h" ] || jni_include="$jdk/../include"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
flags=(-std=c11 -O3 -fPIC -fvisibility=hidden -ffp-contract=off -fno-math-errno -fno-strict-aliasing
  -Wall -Wextra -Werror -I"$src" -I"$headers" -I"$jni_include" -I"$jni_include/linux")

"$cc" "${flags[@]}" -c "$src/ebm_kernel.c" -o "$work/ebm_kernel.o"
"$cc" "${flags[@]}" -c "$src/ebm_scalar.c" -o "$work/ebm_scalar.o"
"$cc" "${flags[@]}" -c "$src/ebm_cpu.c" -o "$work/ebm_cpu.o"
"$cc" "${flags[@]}" -c "$src/ebm_jni.c" -o "$work/ebm_jni.o"
# -fno-gcse for AVX2 only: with 16 YMM registers, GCSE hoists the polynomial constants of exp and log
# out of the row loops and then spills them to the stack; without it they are read from the constant
# pool where they are used, as in the loops before ebm_loops.h (about 1 % faster, same instructions
# otherwise; AVX-512 has 32 registers and keeps them all)
"$cc" "${flags[@]}" -mavx2 -mfma -fno-gcse -c "$src/ebm_avx2.c" -o "$work/ebm_avx2.o"
"$cc" "${flags[@]}" -mavx512f -mavx512dq -mavx512bw -mavx512vl -mavx2 -mfma -c "$src/ebm_avx512.c" \
  -o "$work/ebm_avx512.o"

mkdir -p "$out"
# -static-libgcc: nothing from libgcc_s at run time; libm only for fma() in the scalar code
"$cc" -shared -static-libgcc -Wl,--no-undefined -Wl,-z,noexecstack -o "$lib.tmp" "$work"/*.o -lm
mv "$lib.tmp" "$lib"
echo "built $lib with $("$cc" --version | head -n 1)" > "$status"
