package io.zsync.stack;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClassDataArchiveTest {

    @TempDir
    Path dir;
    Path module;
    Path target;

    @BeforeEach
    void build() throws IOException {
        module = Files.createDirectories(dir.resolve("crm-books-service"));
        target = Files.createDirectories(module.resolve("target"));
        Path classes = Files.createDirectories(target.resolve("classes/io/zsync"));
        touch(Files.writeString(classes.resolve("App.class"), "class"), Instant.parse("2026-11-27T06:00:00Z"));
        Files.writeString(target.resolve("classpath.txt"), "/m2/a.jar:/m2/b.jar\n");
    }

    @Test
    void shouldRunFromClassesWithoutAnArchiveWhenThereIsNoJar() {
        assertThat(ClassDataArchive.of(module)).isEmpty();
    }

    @Test
    void shouldRunFromClassesWhenTheJarIsOlderThanAClass() throws IOException {
        touch(Files.writeString(target.resolve("crm-books-service-0.1.0-SNAPSHOT.jar"), "jar"), Instant.parse("2026-11-27T05:59:00Z"));
        assertThat(ClassDataArchive.of(module)).isEmpty();
    }

    @Test
    void shouldRunFromTheUnshadedJarAndTheRecordedClasspath() throws IOException {
        Instant built = Instant.parse("2026-11-27T06:01:00Z");
        touch(Files.writeString(target.resolve("crm-books-service-0.1.0-SNAPSHOT.jar"), "shaded"), built);
        touch(Files.writeString(target.resolve("original-crm-books-service-0.1.0-SNAPSHOT.jar"), "jar"), built);
        touch(Files.writeString(target.resolve("crm-books-service-0.1.0-SNAPSHOT-tests.jar"), "tests"), built);

        ClassDataArchive archive = ClassDataArchive.of(module).orElseThrow();

        assertThat(archive.classpath()).isEqualTo(target.resolve("original-crm-books-service-0.1.0-SNAPSHOT.jar").toAbsolutePath()
                + ":/m2/a.jar:/m2/b.jar");
        assertThat(archive.archive().getParent()).isEqualTo(target.resolve("cds"));
    }

    @Test
    void shouldRecordFirstKeepACleanRecordingAndMapItNextTime() throws IOException {
        jar("jar");
        ClassDataArchive first = ClassDataArchive.of(module).orElseThrow();
        List<String> recordOptions = first.jvmOptions();
        assertThat(first.records()).as("a recording process gets the longer grace to stop").isTrue();
        Path recording = recording(recordOptions);
        assertThat(recording.getParent()).isEqualTo(target.resolve("cds"));
        Files.writeString(recording, "archive"); // what the JVM writes at exit

        first.keep(true);

        assertThat(first.archive()).hasContent("archive");
        assertThat(recording).doesNotExist();
        ClassDataArchive next = ClassDataArchive.of(module).orElseThrow();
        assertThat(next.archive()).isEqualTo(first.archive());
        assertThat(next.jvmOptions()).contains("-XX:SharedArchiveFile=" + first.archive())
                .noneMatch(o -> o.startsWith("-XX:ArchiveClassesAtExit"));
        assertThat(next.records()).isFalse();
    }

    @Test
    void shouldDropTheRecordingOfAKilledProcess() throws IOException {
        jar("jar");
        ClassDataArchive archive = ClassDataArchive.of(module).orElseThrow();
        Path recording = recording(archive.jvmOptions());
        Files.writeString(recording, "half an archive");

        archive.keep(false);

        assertThat(recording).doesNotExist();
        assertThat(archive.archive()).doesNotExist();
        assertThat(ClassDataArchive.of(module).orElseThrow().jvmOptions()).anyMatch(o -> o.startsWith("-XX:ArchiveClassesAtExit="));
    }

    @Test
    void shouldRecordANewArchiveForANewBuild() throws IOException {
        jar("jar");
        Path before = ClassDataArchive.of(module).orElseThrow().archive();
        jar("rebuilt jar");
        assertThat(ClassDataArchive.of(module).orElseThrow().archive()).isNotEqualTo(before);
    }

    @Test
    void shouldDropArchivesOfEarlierBuildsAndAbandonedRecordingsWhenRecording() throws IOException {
        jar("jar");
        ClassDataArchive archive = ClassDataArchive.of(module).orElseThrow();
        Path cds = Files.createDirectories(target.resolve("cds"));
        Path earlierBuild = Files.writeString(cds.resolve("0123456789abcdef.jsa"), "old");
        Path abandoned = touch(Files.writeString(cds.resolve(archive.archive().getFileName() + ".x.recording"), "orphan"),
                Instant.now().minusSeconds(600));
        Path beingWritten = Files.writeString(cds.resolve(archive.archive().getFileName() + ".y.recording"), "now");

        archive.jvmOptions();

        assertThat(earlierBuild).doesNotExist();
        assertThat(abandoned).doesNotExist();
        assertThat(beingWritten).exists();
    }

    private void jar(String content) throws IOException {
        touch(Files.writeString(target.resolve("crm-books-service-0.1.0-SNAPSHOT.jar"), content), Instant.parse("2026-11-27T06:01:00Z"));
    }

    private static Path recording(List<String> options) {
        String option = options.stream().filter(o -> o.startsWith("-XX:ArchiveClassesAtExit=")).findFirst().orElseThrow();
        return Path.of(option.substring(option.indexOf('=') + 1));
    }

    private static Path touch(Path file, Instant time) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(time));
        return file;
    }
}
