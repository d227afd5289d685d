package io.zsync.stack;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JitTest {

    @AfterEach
    void clear() {
        System.clearProperty(Jit.PROPERTY);
    }

    @Test
    void shouldRunOnlyC1QuicklyAndKeepTheTieredDefaultInFull() {
        assertThat(Jit.parse("quick").jvmOptions()).containsExactly("-XX:TieredStopAtLevel=1");
        assertThat(Jit.parse(" FULL ").jvmOptions()).isEmpty();
    }

    @Test
    void shouldTakeTheModeFromThePropertyBeforeTheEnvironment() {
        System.setProperty(Jit.PROPERTY, "full");

        assertThat(Jit.current()).isEqualTo(Jit.FULL);
    }

    @Test
    void shouldBeQuickUnlessTheEnvironmentSaysOtherwise() {
        String env = System.getenv(Jit.ENV);

        assertThat(Jit.current()).isEqualTo(env == null || env.isBlank() ? Jit.QUICK : Jit.parse(env));
    }

    @Test
    void shouldRefuseAnUnknownModeNamingTheSetting() {
        assertThatThrownBy(() -> Jit.parse("fast")).isInstanceOf(StackException.class)
                .hasMessageContaining(Jit.PROPERTY).hasMessageContaining("'fast'");
    }
}
