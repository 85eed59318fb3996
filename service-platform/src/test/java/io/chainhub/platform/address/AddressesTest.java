package io.chainhub.platform.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470",
        "abc|4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45"})
    void shouldMatchKnownDigestWhenHashingKeccak256(String input, String digest) {
        assertThat(HexFormat.of().formatHex(Keccak256.hash(input.getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo(digest);
    }

    @ParameterizedTest
    @ValueSource(ints = {135, 136, 137, 272, 1000}) // around the 136-byte rate: padding edge cases
    void shouldProduceDigestWhenInputSpansBlocks(int length) {
        assertThat(Keccak256.hash(new byte[length])).hasSize(32);
    }

    @ParameterizedTest // EIP-55 reference vectors
    @ValueSource(strings = {"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
        "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB", "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb"})
    void shouldAcceptAndLowercaseWhenChecksumCorrect(String address) {
        assertThat(Addresses.toChecksum(address.toLowerCase())).isEqualTo(address);
        assertThat(Addresses.normalize(address)).isEqualTo(address.toLowerCase());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", "0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED"})
    void shouldAcceptWhenSingleCase(String address) {
        assertThat(Addresses.isValid(address)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "5aaeb6053f3e94c9b9a09f33669435e7ef1beaed",
        "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beae", "0xzaaeb6053f3e94c9b9a09f33669435e7ef1beaed", ""})
    void shouldRejectWhenShapeOrChecksumWrong(String address) {
        assertThat(Addresses.problem(address)).isPresent();
        assertThatIllegalArgumentException().isThrownBy(() -> Addresses.normalize(address));
    }
}
