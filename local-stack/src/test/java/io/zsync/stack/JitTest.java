package io.zsync.stack;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

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
    void shouldTakeTheModeFromTheProperty() {
        System.setProperty(Jit.PROPERTY, "full");

        assertThat(Jit.current()).isEqualTo(Jit.FULL);
    }

    @Test
    void shouldBeQuickWhenThePropertyIsUnsetOrBlank() {
        assertThat(Jit.current()).isEqualTo(Jit.QUICK);

        System.setProperty(Jit.PROPERTY, " ");

        assertThat(Jit.current()).isEqualTo(Jit.QUICK);
    }

    @Test
    void shouldTakeTheModeFromTheUpCommandAndDefaultItFromTheEnvironmentOrQuick() {
        CommandLine cli = new CommandLine(new LocalStack());

        LocalStack.Up named = (LocalStack.Up) cli.parseArgs("up", "--jit", "full").subcommand().commandSpec().userObject();
        assertThat(named.jit).isEqualTo("full");

        LocalStack.Up unnamed = (LocalStack.Up) new CommandLine(new LocalStack()).parseArgs("up")
                .subcommand().commandSpec().userObject();
        String env = System.getenv(Jit.ENV);
        assertThat(unnamed.jit).isEqualTo(env == null || env.isBlank() ? "quick" : env);
    }

    @Test
    void shouldRefuseAnUnknownModeNamingTheSetting() {
        assertThatThrownBy(() -> Jit.parse("fast")).isInstanceOf(StackException.class)
                .hasMessageContaining(Jit.PROPERTY).hasMessageContaining("'fast'");
    }
}
