package io.chainhub.localstack;

import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PortsTest {

    @Test
    void shouldSayWhichPortIsTakenAndWhatToDo() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            assertThatThrownBy(() -> Ports.requireFree(taken.getLocalPort(), "kafka"))
                    .isInstanceOf(Ports.PortInUseException.class)
                    .hasMessageStartingWith("port " + taken.getLocalPort() + " (kafka) is already in use")
                    .hasMessageContaining("./chainhub down");
        }
    }

    @Test
    void shouldAcceptAFreePort() {
        assertThatCode(() -> Ports.requireFree(Ports.free(), "kafka")).doesNotThrowAnyException();
    }
}
