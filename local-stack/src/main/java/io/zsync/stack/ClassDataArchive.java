package io.zsync.stack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Class-data sharing for one application module (JDK 17's dynamic AppCDS): the JVM maps the classes an earlier
 * run of the same build loaded, parsed and verified instead of doing that work again, so the application starts
 * about a third sooner and with some 30 MB less resident memory (docs/benchmarks.md, "Stack footprint").
 *
 * <p>The first run of a build records the archive ({@code -XX:ArchiveClassesAtExit}) when it stops cleanly, to a
 * name of its own, which {@link #keep} then moves into place; every later run of that build maps it
 * ({@code -XX:SharedArchiveFile}). The archive's name is a digest of the Java version and of every classpath entry
 * (path, size, time), so a rebuild records a new one; the JVM ignores an archive that does not match
 * ({@code -Xshare:auto}), so a stale one can only cost the saving, never a start.
 *
 * <p>CDS cannot archive classes from a directory, so the module runs from its jar (as {@code ./mvnw install}
 * leaves it) while that jar is at least as new as {@code target/classes}; otherwise there is no archive and the
 * module runs from its classes as before.
 */
final class ClassDataArchive {

    private static final List<String> QUIET = List.of("-Xlog:cds*=error"); // a mismatch is expected after a rebuild
    private static final Duration ABANDONED = Duration.ofMinutes(5);

    private final String classpath;
    private final Path archive;
    private final Path recording;
    private boolean records;

    private ClassDataArchive(String classpath, Path archive) {
        this.classpath = classpath;
        this.archive = archive;
        this.recording = archive.resolveSibling(archive.getFileName() + "." + UUID.randomUUID() + ".recording");
    }

    /** The module's archive, when it has a jar no older than its classes. */
    static Optional<ClassDataArchive> of(Path moduleDir) {
        Path target = moduleDir.resolve("target");
        Optional<Path> jar = jar(moduleDir);
        if (jar.isEmpty() || modified(jar.get()).compareTo(newestClass(target.resolve("classes"))) < 0) {
            return Optional.empty();
        }
        try {
            String classpath = jar.get().toAbsolutePath() + File.pathSeparator
                    + Files.readString(target.resolve("classpath.txt")).trim();
            return Optional.of(new ClassDataArchive(classpath, target.resolve("cds").resolve(digest(classpath) + ".jsa")));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    String classpath() {
        return classpath;
    }

    /** Maps the archive when this build has one, records it at exit otherwise. */
    List<String> jvmOptions() {
        if (Files.isRegularFile(archive)) {
            return Stream.concat(QUIET.stream(), Stream.of("-XX:SharedArchiveFile=" + archive)).toList();
        }
        try {
            Files.createDirectories(archive.getParent());
            dropStale();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        records = true;
        return Stream.concat(QUIET.stream(), Stream.of("-XX:ArchiveClassesAtExit=" + recording)).toList();
    }

    /** True when the process writes the archive as it exits (some seconds, longer while others do too). */
    boolean records() {
        return records;
    }

    /**
     * Archives of earlier builds, and recordings whose launcher never kept them (it was killed): a JVM writes its
     * recording in the seconds it takes to exit, so one older than {@link #ABANDONED} is nobody's.
     */
    private void dropStale() throws IOException {
        FileTime abandoned = FileTime.from(Instant.now().minus(ABANDONED));
        try (Stream<Path> files = Files.list(archive.getParent())) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                boolean oldBuild = name.endsWith(".jsa") && !file.equals(archive);
                boolean orphan = name.endsWith(".recording") && modified(file).compareTo(abandoned) < 0;
                if (oldBuild || orphan) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /**
     * After the process ended: the archive it recorded becomes the module's, unless it was killed (a SIGKILL may
     * cut the recording short), in which case the recording is dropped.
     */
    void keep(boolean exitedCleanly) {
        try {
            if (exitedCleanly && Files.size(recording) > 0 && !Files.exists(archive)) {
                Files.move(recording, archive, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            // no recording (the archive was mapped, not recorded) or another run moved its own first
        } finally {
            try {
                Files.deleteIfExists(recording);
            } catch (IOException ignored) {
                // left in target/, which the next clean removes
            }
        }
    }

    Path archive() {
        return archive;
    }

    /** {@code original-<module>.jar} when the build shades the module (the shaded jar repeats the classpath). */
    private static Optional<Path> jar(Path moduleDir) {
        String module = moduleDir.getFileName().toString();
        try (Stream<Path> files = Files.list(moduleDir.resolve("target"))) {
            List<Path> jars = files.filter(f -> {
                String name = f.getFileName().toString();
                return (name.startsWith(module + "-") || name.startsWith("original-" + module + "-")) && name.endsWith(".jar")
                        && !name.endsWith("-tests.jar") && !name.endsWith("-sources.jar") && !name.endsWith("-javadoc.jar");
            }).toList();
            return jars.stream().filter(j -> j.getFileName().toString().startsWith("original-")).findFirst()
                    .or(() -> jars.stream().findFirst());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static FileTime newestClass(Path classes) {
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(Files::isRegularFile).map(ClassDataArchive::modified)
                    .max(FileTime::compareTo).orElse(FileTime.fromMillis(0));
        } catch (IOException e) {
            return FileTime.fromMillis(Long.MAX_VALUE); // unreadable: do not trust the jar
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static String digest(String classpath) throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((System.getProperty("java.vm.version") + "\n").getBytes(StandardCharsets.UTF_8));
            for (String entry : classpath.split(File.pathSeparator)) {
                Path file = Path.of(entry);
                long size = Files.isRegularFile(file) ? Files.size(file) : -1;
                sha.update((entry + "|" + size + "|" + modified(file).toMillis() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
