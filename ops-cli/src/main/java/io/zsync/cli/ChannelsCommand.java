package io.zsync.cli;

import io.micronaut.context.annotation.Prototype;
import io.zsync.zoho.config.ZohoOrgRegistry;
import io.zsync.zoho.crm.CrmClient;
import io.zsync.zoho.crm.WatchChannel;
import io.zsync.zoho.crm.WatchResult;
import jakarta.inject.Inject;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Zoho CRM notification channels of one org (zoho-api.md §4): list, subscribe, renew, disable. Channels stop
 * silently at their expiry (at most a week ahead), so renewing is routine; the channel token is the gateway's
 * proof that a callback came from Zoho and is taken from the environment rather than the command line.
 * Subcommands are prototypes: their injection points live in a shared abstract parent, which alone would not
 * make them beans.
 */
@Command(name = "channels", mixinStandardHelpOptions = true,
        description = "List, subscribe, renew or disable Zoho CRM notification channels of an org.",
        subcommands = {ChannelsCommand.ListChannels.class, ChannelsCommand.Subscribe.class,
                ChannelsCommand.Renew.class, ChannelsCommand.Disable.class})
public class ChannelsCommand implements Runnable {

    /** Zoho accepts an expiry at most seven days ahead (and silently uses one hour otherwise). */
    static final int MAX_EXPIRY_DAYS = 7;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "choose list, subscribe, renew or disable");
    }

    /** Options every subcommand has. */
    public static class OrgOption {
        @Option(names = "--org", required = true, paramLabel = "ORG", description = "org name (a key of zsync.zoho.orgs)")
        String org;
    }

    public abstract static class ChannelCommand implements Callable<Integer> {
        @Spec
        protected CommandSpec spec;
        @CommandLine.Mixin
        protected OrgOption orgOption;
        @Inject
        protected CrmClient crm;
        @Inject
        protected ZohoOrgRegistry orgs;
        Clock clock = Clock.systemUTC();

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        String org() {
            if (!orgs.isZohoOrg(orgOption.org)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "unknown org '" + orgOption.org
                        + "': configure zsync.zoho.orgs." + orgOption.org);
            }
            return orgOption.org;
        }

        OffsetDateTime expiry(int days) {
            if (days < 1 || days > MAX_EXPIRY_DAYS) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--expiry-days must be between 1 and " + MAX_EXPIRY_DAYS + " (Zoho's limit)");
            }
            // A minute short of the limit, so clock skew never pushes it past Zoho's maximum.
            return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).plusDays(days).minusMinutes(1);
        }

        int report(String verb, List<WatchResult> results) {
            List<String> failed = new ArrayList<>();
            for (WatchResult r : results) {
                if (r.success()) {
                    out().println(verb + ": " + r.details());
                } else {
                    failed.add(r.code() + " " + r.message());
                }
            }
            out().flush();
            if (!failed.isEmpty()) {
                throw new CliException("Zoho refused to " + verb.replace("d", "").trim() + ": " + String.join("; ", failed));
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the org's channels.")
    @Prototype
    public static class ListChannels extends ChannelCommand {
        @Override
        public Integer call() {
            List<Map<String, Object>> channels = crm.listChannels(org());
            if (channels.isEmpty()) {
                out().println("no channels");
            }
            for (Map<String, Object> c : channels) {
                out().println(c.get("channel_id") + "  events=" + c.get("events") + "  expires="
                        + c.get("channel_expiry") + "  notify=" + c.get("notify_url"));
            }
            out().flush();
            return 0;
        }
    }

    @Command(name = "subscribe", mixinStandardHelpOptions = true, description = "Subscribe a channel.")
    @Prototype
    public static class Subscribe extends ChannelCommand {
        @Option(names = "--channel-id", required = true, paramLabel = "ID", description = "channel id (a number)")
        String channelId;
        @Option(names = "--events", required = true, split = ",", paramLabel = "EVENT",
                description = "Module.operation, comma separated, e.g. Contacts.all,Deals.edit")
        List<String> events;
        @Option(names = "--notify-url", required = true, paramLabel = "URL", description = "the gateway's callback URL")
        String notifyUrl;
        @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:ZSYNC_CRM_CHANNEL_TOKEN}",
                description = "verification token (default: $ZSYNC_CRM_CHANNEL_TOKEN); at most 50 characters")
        String token;
        @Option(names = "--expiry-days", defaultValue = "7", paramLabel = "DAYS",
                description = "expire after DAYS (1..7, default ${DEFAULT-VALUE})")
        int expiryDays;
        @Option(names = "--without-values", description = "do not ask Zoho to send the changed values")
        boolean withoutValues;

        @Override
        public Integer call() {
            if (!notifyUrl.startsWith("https://") && !notifyUrl.startsWith("http://")) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--notify-url must be an http(s) URL");
            }
            WatchChannel channel;
            try {
                channel = new WatchChannel(channelId, events, notifyUrl, token == null || token.isBlank() ? null : token,
                        expiry(expiryDays), !withoutValues);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            return report("subscribed", crm.subscribe(org(), List.of(channel)));
        }
    }

    @Command(name = "renew", mixinStandardHelpOptions = true, description = "Extend a channel's expiry.")
    @Prototype
    public static class Renew extends ChannelCommand {
        @Option(names = "--channel-id", required = true, paramLabel = "ID", description = "channel id")
        String channelId;
        @Option(names = "--events", required = true, split = ",", paramLabel = "EVENT",
                description = "the channel's events, comma separated")
        List<String> events;
        @Option(names = "--expiry-days", defaultValue = "7", paramLabel = "DAYS",
                description = "new expiry in DAYS from now (1..7, default ${DEFAULT-VALUE})")
        int expiryDays;

        @Override
        public Integer call() {
            return report("renewed", crm.renew(org(), channelId, events, expiry(expiryDays)));
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true, description = "Disable channels.")
    @Prototype
    public static class Disable extends ChannelCommand {
        @Option(names = "--channel-id", required = true, paramLabel = "ID", description = "channel id (repeatable)")
        List<String> channelIds;

        @Override
        public Integer call() {
            return report("disabled", crm.disable(org(), channelIds));
        }
    }
}
