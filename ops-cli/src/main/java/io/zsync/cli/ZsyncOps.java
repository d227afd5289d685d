package io.zsync.cli;

import io.micronaut.configuration.picocli.MicronautFactory;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.zsync.zoho.error.ZohoApiException;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code zsync-ops}: the operator's command line. Every command answers {@code --help}; a bad argument or a
 * failure ends in one line on standard error and a non-zero exit (2 for usage, 1 for failures), so scripts can
 * rely on it.
 */
@Command(name = "zsync-ops", mixinStandardHelpOptions = true, version = "zsync-ops 0.1.0",
        description = "Operate zsync: redrive dead letters, backfill safely, manage Zoho CRM notification channels, "
                + "show a record's lineage.",
        subcommands = {RedriveCommand.class, BackfillCommand.class, ChannelsCommand.class, LineageCommand.class})
public class ZsyncOps implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(new java.io.FileOutputStream(
                java.io.FileDescriptor.out), StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(new java.io.FileOutputStream(
                java.io.FileDescriptor.err), StandardCharsets.UTF_8), true);
        System.exit(execute(Map.of(), out, err, args));
    }

    /** Runs one command line in its own application context; {@code properties} override configuration (tests). */
    public static int execute(Map<String, Object> properties, PrintWriter out, PrintWriter err, String... args) {
        try (ApplicationContext context = ApplicationContext.builder(ZsyncOps.class, Environment.CLI)
                .properties(properties).start()) {
            CommandLine commandLine = new CommandLine(ZsyncOps.class, new MicronautFactory(context))
                    .setOut(out).setErr(err)
                    .setParameterExceptionHandler(ZsyncOps::badArguments)
                    .setExecutionExceptionHandler(ZsyncOps::failed);
            return commandLine.execute(args);
        }
    }

    private static int badArguments(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": " + e.getMessage()
                + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
        return 2;
    }

    private static int failed(Exception e, CommandLine cmd, CommandLine.ParseResult parseResult) {
        String message;
        if (e instanceof CliException || e instanceof IllegalArgumentException) {
            message = e.getMessage();
        } else if (e instanceof ZohoApiException z) {
            message = "Zoho refused: " + z.getMessage();
        } else if (e instanceof KafkaException k) {
            // Kafka wraps the useful part ("Failed to construct kafka producer" says little on its own).
            message = "Kafka: " + k.getMessage() + (k.getCause() == null ? "" : ": " + k.getCause().getMessage());
        } else {
            message = "unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": " + message);
        cmd.getErr().flush();
        return 1;
    }
}
