# Sourced by the releng scripts: exports JAVA_HOME pointing at a Java 21 or newer.
# The Eclipse platform and Tycho 5 need Java 21+; the collector is built for 25.

java_major() { # prints the feature version of the java binary $1, or nothing
  "$1" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

find_java() {
  local candidates=() c v
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  for c in /usr/lib/jvm/temurin-25* /usr/lib/jvm/*25* /usr/lib/jvm/*; do
    [ -d "$c" ] && candidates+=("$c")
  done
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for c in "${candidates[@]}"; do
    [ -x "$c/bin/java" ] && [ -x "$c/bin/javac" ] || continue
    v=$(java_major "$c/bin/java")
    if [ -n "$v" ] && [ "$v" -ge 21 ]; then
      export JAVA_HOME="$c"
      return 0
    fi
  done
  cat >&2 <<MSG
error: LogMaster needs a JDK 21 or newer (Java 25 recommended), and none was found.
       Looked at \$JAVA_HOME, /usr/lib/jvm/* and the java on PATH.
       Install one (for example Debian's openjdk-21-jdk or Temurin 25) or set JAVA_HOME.
MSG
  return 1
}

find_java || exit 1
export PATH="$JAVA_HOME/bin:$PATH"
