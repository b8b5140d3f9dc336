# Sourced by ./mvnw and ./catena: pick a JDK 25+ without the user setting anything.
# Order: JAVA_HOME when it is 21+ (25+ is needed for the optimizing compiler; 21-24
# still runs, interpreted), then the newest JDK 25+ under /usr/lib/jvm, then `java` on PATH.
catena_java_feature() { # prints the feature release of the java binary in $1
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}
catena_find_java() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    v=$(catena_java_feature "$JAVA_HOME/bin/java")
    if [ -n "$v" ] && [ "$v" -ge 21 ]; then return 0; fi
  fi
  for d in /usr/lib/jvm/temurin-25-jdk-amd64 $(ls -d /usr/lib/jvm/* /opt/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home 2>/dev/null | sort -rV); do
    if [ -x "$d/bin/java" ] && [ -x "$d/bin/javac" ]; then
      v=$(catena_java_feature "$d/bin/java")
      if [ -n "$v" ] && [ "$v" -ge 25 ]; then JAVA_HOME="$d"; export JAVA_HOME; return 0; fi
    fi
  done
  if command -v java >/dev/null 2>&1; then
    j=$(command -v java); j=$(readlink -f "$j" 2>/dev/null || echo "$j")
    v=$(catena_java_feature "$j")
    if [ -n "$v" ] && [ "$v" -ge 21 ]; then JAVA_HOME=$(dirname "$(dirname "$j")"); export JAVA_HOME; return 0; fi
  fi
  echo "catena: no JDK 21+ found (JDK 25 recommended). Install one or set JAVA_HOME." >&2
  return 1
}
catena_find_java || exit 1
