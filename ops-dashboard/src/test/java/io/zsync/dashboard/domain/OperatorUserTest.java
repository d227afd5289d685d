package io.zsync.dashboard.domain;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OperatorUserTest {

    private static final String HASH = PasswordHashes.hash("secret-password".toCharArray(), 1_000);

    @Test
    void shouldParseUsersSeparatedBySemicolonsOrWhitespace() {
        var users = OperatorUser.parse("ana:OPERATOR:" + HASH + "; bob:viewer:" + HASH + "\ncy:VIEWER:" + HASH);

        assertThat(users).containsOnlyKeys("ana", "bob", "cy");
        assertThat(users.get("bob").roles()).containsExactly("VIEWER");
    }

    @Test
    void shouldGiveOperatorsTheViewerRoleToo() {
        assertThat(OperatorUser.parse("ana:OPERATOR:" + HASH).get("ana").roles())
                .isEqualTo(Set.of("OPERATOR", "VIEWER"));
    }

    @Test
    void shouldHaveNoUsersWhenNothingIsConfigured() {
        assertThat(OperatorUser.parse("")).isEmpty();
        assertThat(OperatorUser.parse(null)).isEmpty();
    }

    @Test
    void shouldRejectAnUnknownRole() {
        assertThatThrownBy(() -> OperatorUser.parse("ana:ADMIN:" + HASH)).hasMessageContaining("unknown role 'ADMIN'");
    }

    @Test
    void shouldRejectAPlainPasswordWithoutEchoingIt() {
        assertThatThrownBy(() -> OperatorUser.parse("ana:VIEWER:hunter2"))
                .hasMessageContaining("malformed password hash").hasMessageNotContaining("hunter2");
    }

    @Test
    void shouldRejectAnEntryWithoutRoles() {
        assertThatThrownBy(() -> OperatorUser.parse("ana:" + HASH)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldNotPrintTheHash() {
        assertThat(OperatorUser.parse("ana:VIEWER:" + HASH).get("ana").toString()).doesNotContain(HASH);
    }
}
