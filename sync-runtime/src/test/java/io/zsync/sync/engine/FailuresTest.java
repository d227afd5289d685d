package io.zsync.sync.engine;

import io.zsync.sync.api.FlowResult;
import io.zsync.sync.api.PermanentSyncException;
import io.zsync.sync.api.RetryableSyncException;
import io.zsync.zoho.ZohoProduct;
import io.zsync.zoho.error.ZohoUnavailableException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

class FailuresTest {

    @Test
    void shouldRetryWhatTheApiSaysMayPassAndKeepItsRetryAfter() {
        FlowResult.Failed failed = Failures.classify(new CompletionException(new ZohoUnavailableException(
                ZohoProduct.BOOKS, "acme", 503, "503", "down", Duration.ofSeconds(7), null, null)));

        assertThat(failed.retryable()).isTrue();
        assertThat(failed.code()).isEqualTo("BOOKS:503");
        assertThat(failed.retryAfter()).contains(Duration.ofSeconds(7));
    }

    @Test
    void shouldRetryAFlowsRetryableFailureUnderItsOwnCode() {
        FlowResult.Failed failed = Failures.classify(new RetryableSyncException("NAME_TAKEN_NOT_LISTED", "not listed yet"));

        assertThat(failed.retryable()).isTrue();
        assertThat(failed.code()).isEqualTo("NAME_TAKEN_NOT_LISTED");
        assertThat(failed.message()).isEqualTo("not listed yet");
        assertThat(failed.retryAfter()).isEqualTo(Optional.empty());
    }

    @Test
    void shouldDeadLetterPermanentFailuresAndBugsButRetryIo() {
        assertThat(Failures.classify(new PermanentSyncException("MISSING_BOOKS_ITEM", "no item")))
                .extracting(FlowResult.Failed::retryable, FlowResult.Failed::code).containsExactly(false, "MISSING_BOOKS_ITEM");
        assertThat(Failures.classify(new IllegalStateException("bug")))
                .extracting(FlowResult.Failed::retryable, FlowResult.Failed::code).containsExactly(false, "INTERNAL_ERROR");
        assertThat(Failures.classify(new UncheckedIOException(new IOException("reset"))))
                .extracting(FlowResult.Failed::retryable, FlowResult.Failed::code).containsExactly(true, "TRANSIENT_IO");
    }
}
