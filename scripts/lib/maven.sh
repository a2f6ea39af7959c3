# Shared by scripts/check-native.sh and bench/channels.sh (source it): Maven artifacts by their coordinates, apart
# from the project's own dependencies.

# coordinates_pom FILE GROUP:ARTIFACT:VERSION: writes a pom that depends on that artifact alone, for the dependency
# plugin's goals (./mvnw -f FILE dependency:copy-dependencies, or dependency:build-classpath).
coordinates_pom() {
  local group artifact version
  IFS=: read -r group artifact version <<< "$2"
  cat > "$1" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>io.threatingest.build</groupId>
  <artifactId>$artifact-by-coordinates</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>$group</groupId>
      <artifactId>$artifact</artifactId>
      <version>$version</version>
    </dependency>
  </dependencies>
</project>
POM
}
