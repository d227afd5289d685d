package io.zsync.cli.fake;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;

/**
 * A fake dashboard and a fake Zoho on one embedded server, and a way to run the CLI against them, capturing what
 * it prints: every command is exercised as an operator would run it, over real HTTP.
 */
public final class FakeServices implements AutoCloseable {

    public static final String SPEC = "ops-cli-fakes";
    public static final String ORG = "acme";

    private final EmbeddedServer server;
    public final FakeState state;

    public FakeServices() {
        server = ApplicationContext.run(EmbeddedServer.class, Map.of("spec.name", SPEC, "micronaut.server.port", -1,
                "micronaut.server.host", "127.0.0.1"));
        state = server.getApplicationContext().getBean(FakeState.class);
    }

    public String url() {
        return server.getURL().toString();
    }

    /** Configuration pointing the CLI at the fakes, as the operator's environment would. */
    public Map<String, Object> properties(String dashboardLogin) {
        Map<String, Object> p = new HashMap<>();
        p.put("zsync.ops.dashboard.url", url());
        if (dashboardLogin != null) {
            p.put("zsync.ops.dashboard.user", dashboardLogin.split(":")[0]);
            p.put("zsync.ops.dashboard.password", dashboardLogin.split(":")[1]);
        }
        String o = "zsync.zoho.orgs." + ORG + ".";
        p.put(o + "client-id", "1000.TEST");
        p.put(o + "client-secret", "test-secret");
        p.put(o + "refresh-token", "1000.refresh");
        p.put(o + "books-organization-id", "10234695");
        p.put(o + "base-url", url());
        return p;
    }

    public Run run(Map<String, Object> properties, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = io.zsync.cli.ZsyncOps.execute(properties, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    /** One CLI run: exit code and what it printed. */
    public record Run(int exitCode, String out, String err) {
        /** Standard error without the progress bar's redraws. */
        public String errLines() {
            return err.replaceAll("(?m)^.*\\r", "").replaceAll("\\[[#.]+\\][^\\n]*\\n?", "");
        }
    }

    @Override
    public void close() {
        server.getApplicationContext().close();
    }

    static Map<String, Object> none() {
        return new HashMap<>();
    }
}
