# Shared by scripts/standalone-broker-suite.sh and scripts/kafka-suite.sh (source it): the broker-facing test
# classes (JUnit tag "broker", @BrokerFacing in src/test/java/io/threatingest/support), found in the sources.
# They are named to Maven (-Dtest, -Dit.test) as well as filtered by tag: Quarkus builds the application of every
# test profile among the classes it is given while it discovers them, before the tag filter applies (about 10 s
# each), so only the classes that can run are given.

# broker_facing_classes ANNOTATION...: the tagged classes and those inheriting a tagged contract, without the
# abstract ones and those annotated at class level with any of the given annotations (e.g. NeedsEmbeddedBroker).
broker_facing_classes() {
  local tagged contracts skip file
  tagged=$(grep -rlE '^\s*@BrokerFacing\b' src/test/java)
  contracts=$(grep -lE '^(public )?(abstract class|interface) ' $tagged | xargs -r -n1 basename | sed 's/\.java$//' | paste -sd'|')
  [ -z "$contracts" ] || tagged="$tagged $(grep -rlE "(extends|implements) ($contracts)\b" src/test/java)"
  skip=$(printf '%s|' "$@"); skip=${skip%|}
  for file in $tagged; do
    grep -qE '^(public )?(abstract class|interface) ' "$file" || grep -qE "^@($skip)\b" "$file" \
      || basename "$file" .java
  done | sort -u
}

# broker_facing_run CLASSES MAVEN_ARGS...: runs those classes (tag "broker") with the given arguments; with BUILT=1
# (.ci/run, after the README's command built and tested this same tree) without the build phases before the tests
# (format checks, code generation, compiling, packaging): the classes and the packaged jar are that build's.
broker_facing_run() {
  local runnable=$1 tests its goals
  shift
  tests=$(grep -v 'IT$' <<< "$runnable" | paste -sd,)
  its=$(grep 'IT$' <<< "$runnable" | paste -sd,)
  echo "broker-facing classes: $(wc -l <<< "$runnable") ($its among the packaged-jar tests)"
  if [ "${BUILT:-0}" = 1 ]; then
    goals=(surefire:test failsafe:integration-test failsafe:verify)
  else
    goals=(verify)
  fi
  ./mvnw -B -ntp "${goals[@]}" -Dgroups=broker -Dtest="$tests" -Dit.test="$its" "$@"
}
