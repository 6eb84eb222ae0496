# Sourced by the releng scripts after java.sh: makes ./mvnw usable on a fresh machine.
# The wrapper pins the Maven version; its distribution is fetched here through the
# Maven repository the machine already reaches (Debian's maven package), so no
# repository host is written into this project.
: "${ROOT:?ROOT must point at the repository root}"

ensure_apt_packages() { # installs the Debian packages given when their command is missing
  local missing=() pair cmd pkg
  for pair in "$@"; do
    cmd=${pair%%:*}; pkg=${pair#*:}
    command -v "$cmd" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  install_apt_packages "${missing[@]}"
}

install_apt_packages() {
  echo "installing Debian packages: $*" >&2
  local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

ensure_maven_wrapper_distribution() {
  local props="$ROOT/.mvn/wrapper/maven-wrapper.properties" url name version home tmp
  url=$(sed -n 's/^distributionUrl=//p' "$props")
  [ -n "${MVNW_REPOURL:-}" ] && return 0          # the wrapper downloads it itself
  name=${url##*/}; name=${name%-bin.zip}; version=${name#apache-maven-}
  # Same location the wrapper computes (mvnw's own hash function, read from mvnw).
  eval "$(sed -n '/^hash_string() {/,/^}/p' "$ROOT/mvnw")"
  home="${MAVEN_USER_HOME:-$HOME/.m2}/wrapper/dists/$name/$(hash_string "$url")"
  [ -x "$home/bin/mvn" ] && return 0
  echo "fetching Maven $version for the wrapper" >&2
  ensure_apt_packages mvn:maven unzip:unzip
  tmp=$(mktemp -d)
  # run outside the project so the old Maven does not read our POMs
  (cd "$tmp" && mvn -q -B org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
      -Dartifact="org.apache.maven:apache-maven:$version:zip:bin" -DoutputDirectory="$tmp" -Dmdep.useBaseVersion=true 2>&1 | grep -v '^WARNING' >&2; exit "${PIPESTATUS[0]}") \
    || { echo "error: could not fetch Maven $version from the Maven repository" >&2; rm -rf "$tmp"; return 1; }
  unzip -q "$tmp"/apache-maven-*.zip -d "$tmp"
  mkdir -p "$(dirname "$home")"
  mv "$tmp/$name" "$home"
  rm -rf "$tmp"
}

ensure_maven_wrapper_distribution || exit 1
