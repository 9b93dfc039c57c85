# Sourced by the scripts here: find_java prints the newest java >= 21 (JAVA_HOME, /usr/lib/jvm/*, PATH).
java_version() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
find_java() {
  local candidates=() best="" best_version=0 v
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME/bin/java")
  for dir in /usr/lib/jvm/*/ /opt/java/*/; do [ -x "${dir}bin/java" ] && candidates+=("${dir}bin/java"); done
  command -v java >/dev/null && candidates+=("$(command -v java)")
  for j in "${candidates[@]}"; do
    v=$(java_version "$j" 2>/dev/null || echo 0); v=${v%%.*}
    if [ "${v:-0}" -ge 21 ] && [ "$v" -gt "$best_version" ]; then best=$j; best_version=$v; fi
  done
  [ -n "$best" ] || { echo "no JDK 21 or newer found (JAVA_HOME, /usr/lib/jvm, PATH)" >&2; return 1; }
  echo "$best"
}
