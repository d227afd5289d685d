package io.zsync.cli;

import io.zsync.cli.fake.FakeServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChannelsCommandTest {

    private final FakeServices fakes = new FakeServices();

    @AfterAll
    void stop() {
        fakes.close();
    }

    @BeforeEach
    void reset() {
        fakes.state.reset();
    }

    private FakeServices.Run channels(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "channels";
        System.arraycopy(args, 0, all, 1, args.length);
        return fakes.run(fakes.properties(null), all);
    }

    @Test
    void shouldListTheOrgsChannels() {
        fakes.state.channels.add("{\"channel_id\":\"1000000068001\",\"events\":[\"Contacts.all\"],"
                + "\"channel_expiry\":\"2026-12-03T10:00:00+00:00\",\"notify_url\":\"https://hooks.example.com/crm\"}");

        FakeServices.Run run = channels("list", "--org", FakeServices.ORG);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("1000000068001  events=[Contacts.all]  expires=2026-12-03T10:00:00+00:00");
    }

    @Test
    void shouldSayWhenThereAreNoChannels() {
        assertThat(channels("list", "--org", FakeServices.ORG).out()).contains("no channels");
    }

    @Test
    void shouldSubscribeAChannelWithAnExpiryAWeekAheadAtMost() {
        FakeServices.Run run = channels("subscribe", "--org", FakeServices.ORG, "--channel-id", "1000000068001",
                "--events", "Contacts.all,Deals.edit", "--notify-url", "https://hooks.example.com/crm",
                "--token", "t0ken");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("subscribed");
        assertThat(fakes.state.watchCalls).singleElement().asString().startsWith("POST")
                .contains("\"channel_id\":\"1000000068001\"").contains("\"Contacts.all\"").contains("\"Deals.edit\"")
                .contains("\"token\":\"t0ken\"").contains("\"channel_expiry\"").contains("\"return_affected_field_values\":true");
    }

    @Test
    void shouldFailWithZohosReasonWhenASubscriptionIsRefused() {
        FakeServices.Run run = channels("subscribe", "--org", FakeServices.ORG, "--channel-id", "1", "--events",
                "Nope.all", "--notify-url", "https://hooks.example.com/crm");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).contains("INVALID_DATA");
    }

    @Test
    void shouldRenewWithPatchKeepingTheOtherKeys() {
        FakeServices.Run run = channels("renew", "--org", FakeServices.ORG, "--channel-id", "1000000068001",
                "--events", "Contacts.all", "--expiry-days", "3");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(fakes.state.watchCalls).singleElement().asString().startsWith("PATCH").contains("channel_expiry");
    }

    @Test
    void shouldDisableChannels() {
        FakeServices.Run run = channels("disable", "--org", FakeServices.ORG, "--channel-id", "11", "--channel-id", "12");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(fakes.state.watchCalls).containsExactly("DELETE 11,12");
    }

    @Test
    void shouldRejectAnExpiryBeyondZohosWeek() {
        FakeServices.Run run = channels("renew", "--org", FakeServices.ORG, "--channel-id", "1", "--events",
                "Contacts.all", "--expiry-days", "8");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--expiry-days must be between 1 and 7");
        assertThat(fakes.state.watchCalls).isEmpty();
    }

    @Test
    void shouldRejectATokenLongerThanZohoAllows() {
        FakeServices.Run run = channels("subscribe", "--org", FakeServices.ORG, "--channel-id", "1", "--events",
                "Contacts.all", "--notify-url", "https://x.example.com", "--token", "x".repeat(51));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("at most 50 characters");
    }

    @Test
    void shouldNeedASubcommand() {
        FakeServices.Run run = channels();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("choose list, subscribe, renew or disable");
    }

    @Test
    void shouldRejectAnUnknownOrg() {
        FakeServices.Run run = channels("list", "--org", "nobody");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unknown org 'nobody'");
    }
}
