package io.threatingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Closeable;
import java.io.FileDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.DatagramSocket;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.Buffer;
import java.nio.channels.Channel;
import java.nio.channels.Selector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.Timer;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The static state of every application class against what a native executable's image heap refuses. Quarkus
 * initialises application classes while it builds the executable, so a static field's value is frozen into the
 * executable: a random generator would start every process with the same seed, and a thread, executor, timer, open
 * file, socket or direct buffer cannot be carried over at all (the builder stops with "Detected an instance of ... in
 * the image heap"). Such a field is allowed only in a class that the native build initialises at run time, named in
 * this project's native-image.properties; {@code scripts/check-native.sh} runs the builder's analysis itself.
 */
class NativeStaticStateTest {

    private static final List<Class<?>> REFUSED = List.of(Random.class, SplittableRandom.class, Thread.class,
            Executor.class, Timer.class, Buffer.class, Channel.class, Selector.class, Socket.class,
            ServerSocket.class, DatagramSocket.class, InputStream.class, OutputStream.class, FileDescriptor.class,
            Closeable.class);
    private static final Path CLASSES = Path.of("target/classes");
    private static final Path PROPERTIES = Path.of(
            "src/main/resources/META-INF/native-image/io.threatingest/threat-ingest/native-image.properties");

    @Test
    void noApplicationClassInitialisedAtBuildTimeHoldsStateTheImageHeapRefuses() throws Exception {
        Set<String> runTime = runTimeInitialised();
        List<String> offenders = new ArrayList<>();
        List<String> classes = applicationClasses();
        assertTrue(classes.size() > 100, "application classes found in " + CLASSES + ": " + classes.size());
        for (String name : classes) {
            Class<?> type = Class.forName(name, false, getClass().getClassLoader());
            for (Field field : type.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                for (Class<?> refused : REFUSED) {
                    if (refused.isAssignableFrom(field.getType()) && !runTime.contains(name)) {
                        offenders.add(name + "." + field.getName() + " (" + field.getType().getName() + ")");
                    }
                }
            }
        }
        assertEquals(List.of(), offenders, "static fields that the native image heap refuses, in classes initialised "
                + "at build time: keep such state in a holder initialised at run time (see domain.Randomness)");
    }

    @Test
    void everyClassNamedForRunTimeInitialisationExists() throws Exception {
        for (String name : runTimeInitialised()) {
            Class.forName(name, false, getClass().getClassLoader());
        }
    }

    @Test
    void theSecureRandomIsCreatedOnFirstUseOnly() throws Exception {
        Class<?> holder = Class.forName("io.threatingest.domain.Randomness$Holder", false,
                getClass().getClassLoader());
        Field field = holder.getDeclaredField("SECURE");
        assertTrue(Modifier.isStatic(field.getModifiers()) && Modifier.isFinal(field.getModifiers()));
        assertTrue(runTimeInitialised().contains(holder.getName()));
    }

    private static Set<String> runTimeInitialised() throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(Files.readString(PROPERTIES)));
        Set<String> names = new TreeSet<>();
        for (String arg : properties.getProperty("Args", "").trim().split("\\s+")) {
            if (arg.startsWith("--initialize-at-run-time=")) {
                for (String name : arg.substring(arg.indexOf('=') + 1).split(",")) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    private static List<String> applicationClasses() throws IOException {
        try (Stream<Path> files = Files.walk(CLASSES.resolve("io/threatingest"))) {
            return files.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> CLASSES.relativize(p).toString())
                    .map(p -> p.substring(0, p.length() - ".class".length()).replace('/', '.'))
                    .sorted()
                    .toList();
        }
    }
}
