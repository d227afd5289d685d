package io.zsync.e2e;

import io.zsync.stack.AppProcess;
import io.zsync.stack.SandboxDefaults;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs after every other test of the build and reads every log it left: the test JVMs' output and every
 * process the tests started (broker, registry, sandbox, gateway, services). No line may carry a secret the
 * run used (OAuth client secret and refresh token, webhook secrets, HubSpot tokens), an OAuth access token,
 * a JWT or a signature header value.
 */
class LogScanIT {

    private static final Map<String, String> SECRETS = Map.of(
            "OAuth client secret", SandboxDefaults.CLIENT_SECRET,
            "OAuth refresh token", SandboxDefaults.REFRESH_TOKEN,
            "HubSpot access token", SandboxDefaults.HUBSPOT_TOKEN,
            "HubSpot client secret", SandboxDefaults.HUBSPOT_CLIENT_SECRET,
            "CRM channel token", SandboxDefaults.CRM_CHANNEL_TOKEN,
            "Creator webhook secret", SandboxDefaults.CREATOR_SECRET,
            "external webhook secret", "sandbox-external-webhook-secret",
            "CRM workflow secret", "sandbox-crm-workflow-secret");
    private static final Map<String, Pattern> SHAPES = Map.of(
            "Zoho access token", Pattern.compile("1000\\.[0-9a-f]{32}\\.[0-9a-f]{32}"),
            "JWT", Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\."),
            "signature header value", Pattern.compile("(?i)(x-hubspot-signature(-v3)?|x-zsync-signature|x-zdesk-jwt)\\s*[:=]\\s*\\S{12,}"));

    @Test
    void shouldFindNoSecretTokenOrSignatureInAnyLog() throws IOException {
        Path root = AppProcess.repositoryRoot();
        List<Path> logs;
        try (Stream<Path> files = Files.walk(root)) {
            logs = files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().contains("/target/") || p.toString().contains("/.zsync/logs/"))
                    .filter(p -> p.getFileName().toString().endsWith(".log") || p.getFileName().toString().endsWith("-output.txt"))
                    .toList();
        }
        List<String> findings = new ArrayList<>();
        long lines = 0;
        for (Path log : logs) {
            List<String> content = read(log);
            lines += content.size();
            for (int i = 0; i < content.size(); i++) {
                String line = content.get(i);
                for (var secret : SECRETS.entrySet()) {
                    if (line.contains(secret.getValue())) {
                        findings.add(root.relativize(log) + ":" + (i + 1) + " " + secret.getKey());
                    }
                }
                for (var shape : SHAPES.entrySet()) {
                    if (shape.getValue().matcher(line).find()) {
                        findings.add(root.relativize(log) + ":" + (i + 1) + " " + shape.getKey());
                    }
                }
            }
        }
        assertThat(logs).as("log files of the build").isNotEmpty();
        assertThat(findings).as("secrets in %d lines of %d log files", lines, logs.size()).isEmpty();
    }

    private static List<String> read(Path log) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return List.of(decoder.decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(log))).toString().split("\n"));
    }
}
