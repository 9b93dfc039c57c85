# Sourced by ./replybook and the benchmark scripts, so that benchmarks measure the server as users run it.
# server_jvm_options prints the server's JVM options, one per line (read them with mapfile):
# - Lucene's vector module: SIMD postings decoding and nearest-neighbour search (an incubator module, hence a
#   notice at start-up);
# - on one or two CPUs a second C2 compiler thread (the JVM gives them one): the search path then reaches full
#   speed after about 60 s of traffic instead of 80-90 s (docs/performance.md). Larger machines get more
#   compiler threads by default.
server_jvm_options() {
  printf '%s\n' --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector
  if [ "$(nproc 2>/dev/null || echo 4)" -le 2 ]; then printf '%s\n' -XX:CICompilerCount=3; fi
}
