import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Turns the native-image inputs that Quarkus prepares (target/native-sources: native-image.args, the runner jar and
 * lib/) into a Java command line that runs the native-image builder's generator directly, without GraalVM's
 * driver, and stops it after the points-to analysis. Used by scripts/check-native.sh; run as a single source file:
 *
 * <pre>
 *   java scripts/lib/NativeAnalysisArgs.java SOURCES_DIR BUILDER_JARS_DIR OUTPUT_DIR > builder.argfile
 * </pre>
 *
 * The output is a java @argfile (one quoted argument a line). The driver options found in native-image.args and in
 * the META-INF/native-image/../native-image.properties of every class-path jar are translated to the generator's
 * hosted options; options that only change linking or the driver's own file handling are left out and listed on
 * standard error.
 */
public final class NativeAnalysisArgs {

    private final List<String> jvm = new ArrayList<>();
    private final List<String> hosted = new ArrayList<>();
    private final List<String> ignored = new ArrayList<>();

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: NativeAnalysisArgs SOURCES_DIR BUILDER_JARS_DIR OUTPUT_DIR");
            System.exit(2);
        }
        new NativeAnalysisArgs().run(Path.of(args[0]).toAbsolutePath(), Path.of(args[1]).toAbsolutePath(),
                Path.of(args[2]).toAbsolutePath());
    }

    private void run(Path sources, Path builderJars, Path output) throws IOException {
        List<String> tokens = List.of(Files.readString(sources.resolve("native-image.args")).trim().split("\\s+"));
        String imageName = null;
        Path jar = null;
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (token.equals("-jar")) {
                jar = sources.resolve(tokens.get(++i));
            } else if (token.equals("--exclude-config")) {
                ignored.add(token + " " + tokens.get(++i) + " " + tokens.get(++i));
            } else if (token.startsWith("-")) {
                translate(token);
            } else {
                imageName = token;
            }
        }
        if (jar == null) {
            throw new IllegalStateException("native-image.args has no -jar");
        }
        List<Path> classPath = new ArrayList<>();
        classPath.add(jar);
        String mainClass;
        try (JarFile runner = new JarFile(jar.toFile())) {
            mainClass = runner.getManifest().getMainAttributes().getValue("Main-Class");
            String manifestPath = runner.getManifest().getMainAttributes().getValue("Class-Path");
            if (manifestPath != null) {
                for (String entry : manifestPath.trim().split("\\s+")) {
                    classPath.add(jar.getParent().resolve(entry).normalize());
                }
            }
        }
        // Options that libraries ship for the driver (Args, JavaArgs in native-image.properties).
        for (Path entry : classPath) {
            readJarProperties(entry);
        }

        List<String> out = new ArrayList<>();
        out.add("-XX:+UnlockExperimentalVMOptions");
        out.add("-XX:+EnableJVMCI");
        out.add("-XX:-UseJVMCICompiler");
        out.add("-XX:+UseParallelGC");
        out.add("-Xss10m");
        out.add("-Xmx" + System.getProperty("builder.heap", "8g"));
        out.add("-Djava.awt.headless=true");
        out.add("-Dcom.oracle.graalvm.isaot=true");
        out.add("-Djava.system.class.loader=com.oracle.svm.hosted.NativeImageSystemClassLoader");
        out.add("-Djdk.internal.lambda.disableEagerInitialization=true");
        out.add("-Djdk.internal.lambda.eagerlyInitialize=false");
        out.add("-Djava.lang.invoke.InnerClassLambdaMetafactory.initializeLambdas=false");
        out.add("-Djava.lang.invoke.MethodHandle.DUMP_CLASS_FILES=false");
        out.add("-Dgraalvm.locatorDisabled=true");
        out.add("-Dorg.graalvm.nativeimage.imagecode=buildtime");
        String version = System.getProperty("builder.version", "25.0.0");
        out.add("-Dorg.graalvm.version=" + version);
        // what a GraalVM CE distribution reports; Quarkus's features read it
        out.add("-Dorg.graalvm.vendorversion=GraalVM CE " + version);
        out.addAll(jvm);
        // The JDK's own jdk.graal.compiler module is replaced by the builder's compiler.
        List<String> upgrade = new ArrayList<>();
        List<String> modules = new ArrayList<>();
        try (Stream<Path> jars = Files.list(builderJars)) {
            jars.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(p -> {
                String name = p.getFileName().toString();
                (name.startsWith("compiler-") ? upgrade : modules).add(p.toString());
            });
        }
        out.add("--upgrade-module-path");
        out.add(String.join(":", upgrade));
        out.add("--module-path");
        out.add(String.join(":", modules));
        out.add("--add-modules=ALL-SYSTEM");
        out.add("--enable-native-access=org.graalvm.nativeimage.builder");
        // The builder opens what else it needs itself, through this package.
        // GraalVM's own JDK lets its builder modules use the JDK's internals (JVMCI, class loading, management, ...);
        // on a plain JDK every package of every system module is exported to them.
        String builderModules = "org.graalvm.nativeimage.base,org.graalvm.nativeimage.builder,"
                + "org.graalvm.nativeimage.pointsto,org.graalvm.nativeimage.objectfile,org.graalvm.nativeimage.configure,"
                + "org.graalvm.espresso.shared.svm,org.graalvm.truffle.compiler,jdk.graal.compiler";
        for (ModuleReference module : ModuleFinder.ofSystem().findAll()) {
            String name = module.descriptor().name();
            if (name.equals("jdk.graal.compiler") || name.equals("jdk.graal.compiler.management")) {
                continue;
            }
            for (String pkg : new TreeSet<>(module.descriptor().packages())) {
                out.add("--add-exports=" + name + "/" + pkg + "=" + builderModules);
            }
        }
        out.add("--module");
        out.add("org.graalvm.nativeimage.builder/com.oracle.svm.hosted.NativeImageGeneratorRunner");
        out.add("-imagecp");
        out.add(String.join(":", classPath.stream().map(Path::toString).toList()));
        out.add("-H:Path=" + output);
        out.add("-H:Name=" + (imageName != null ? imageName : "image"));
        out.add("-H:Class=" + mainClass);
        if (System.getProperty("builder.clibraries") != null) {
            out.add("-H:CLibraryPath=" + System.getProperty("builder.clibraries"));
        }
        out.add("-H:ImageBuildID=" + java.util.UUID.randomUUID());
        out.addAll(hosted);
        // Stop once the points-to analysis (and with it the image-heap scan) is complete: no compiling, no linking.
        out.add("-H:+UnlockExperimentalVMOptions");
        out.add("-H:+ReturnAfterAnalysis");
        out.add("-H:-UnlockExperimentalVMOptions");
        for (String arg : out) {
            System.out.println('"' + arg.replace("\\", "\\\\").replace("\"", "\\\"") + '"');
        }
        for (String option : ignored) {
            System.err.println("native-analysis: not passed to the analysis (driver or link option): " + option);
        }
    }

    private void readJarProperties(Path entry) throws IOException {
        if (!Files.isRegularFile(entry)) {
            return;
        }
        try (JarFile jarFile = new JarFile(entry.toFile())) {
            var names = jarFile.stream()
                    .filter(e -> e.getName().startsWith("META-INF/native-image/")
                            && e.getName().endsWith("/native-image.properties"))
                    .toList();
            for (var e : names) {
                Properties properties = new Properties();
                try (InputStream in = jarFile.getInputStream(e)) {
                    properties.load(new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
                String args = properties.getProperty("Args");
                if (args != null) {
                    for (String token : args.trim().split("\\s+")) {
                        translate(token);
                    }
                }
                String javaArgs = properties.getProperty("JavaArgs");
                if (javaArgs != null) {
                    for (String token : javaArgs.trim().split("\\s+")) {
                        jvm.add(token);
                    }
                }
            }
        }
    }

    private void translate(String token) {
        if (token.startsWith("-J")) {
            jvm.add(token.substring(2));
        } else if (token.startsWith("-H:")) {
            hosted.add(token);
        } else if (token.equals("--no-fallback")) {
            hosted.add("-H:FallbackThreshold=0");
        } else if (token.equals("--link-at-build-time")) {
            hosted.add("-H:LinkAtBuildTime=");
        } else if (token.startsWith("--link-at-build-time=")) {
            hosted.add("-H:LinkAtBuildTime=" + value(token));
        } else if (token.startsWith("--features=")) {
            hosted.add("-H:Features=" + value(token));
        } else if (token.startsWith("--initialize-at-run-time=")) {
            classInitialization(value(token), "run_time");
        } else if (token.startsWith("--initialize-at-build-time=")) {
            classInitialization(value(token), "build_time");
        } else if (token.startsWith("--enable-url-protocols=")) {
            hosted.add("-H:EnableURLProtocols=" + value(token));
        } else if (token.startsWith("--enable-monitoring=")) {
            hosted.add("-H:EnableMonitoringFeatures=" + value(token));
        } else if (token.startsWith("--enable-native-access=")) {
            hosted.add("-H:EnableNativeAccess=" + value(token));
        } else if (token.equals("--enable-http")) {
            hosted.add("-H:EnableURLProtocols=http");
        } else if (token.equals("--enable-https")) {
            hosted.add("-H:EnableURLProtocols=https");
        } else if (token.equals("--enable-all-security-services") || token.equals("--report-unsupported-elements-at-runtime")
                || token.equals("--allow-incomplete-classpath")) {
            ignored.add(token + " (obsolete)");
        } else if (token.startsWith("-march=") || token.startsWith("-O") || token.startsWith("--static")
                || token.startsWith("--libc=") || token.startsWith("--native-compiler") || token.startsWith("-g")) {
            ignored.add(token);
        } else {
            ignored.add(token + " (unknown)");
        }
    }

    private void classInitialization(String classes, String when) {
        if (classes.isEmpty()) {
            hosted.add("-H:ClassInitialization=:" + when);
            return;
        }
        for (String name : classes.split(",")) {
            if (!name.isBlank()) {
                hosted.add("-H:ClassInitialization=" + name + ":" + when);
            }
        }
    }

    private static String value(String token) {
        return token.substring(token.indexOf('=') + 1);
    }
}
